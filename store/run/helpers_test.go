package run

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/model"
	"github.com/undoc/undoc/store/raw"
)

const seedPath = "../../testdata/seed.txt"

var seedOnce = sync.OnceValues(func() ([]byte, error) { return os.ReadFile(seedPath) })

// variants writes n variants of the seed document into dir, each with
// different bytes: the last line names the variant, and every seventh
// variant also changes the number of the first paragraph.
func variants(t testing.TB, dir string, n int) []string {
	t.Helper()
	seed, err := seedOnce()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range n {
		b := seed
		if i%7 == 0 {
			b = bytes.Replace(b, []byte("\n1. 大会第69/17号决议"), []byte("\n1. 大会第69/1"+fmt.Sprint(i%10)+"号决议"), 1)
		}
		b = append(append([]byte{}, b...), fmt.Sprintf("\n附注：本文件为第 %d 号测试变体。\n", i)...)
		p := filepath.Join(dir, fmt.Sprintf("doc%04d.txt", i))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// fixtureFiles are the PDF and HTML renderings mixVariants draws on.
var fixtureFiles = []string{
	"seed-chromium.pdf", "seed.gbk.html", "seed-libreoffice.pdf", "seed.gbk.html",
	"pdf/A_81_6_Sect.10.pdf", "pdf/A_81_6_Sect.13.pdf", "pdf/A_81_6_Sect.24.pdf",
	"pdf/A_81_6_Sect.25.pdf", "pdf/A_81_6_Sect.29C.pdf", "pdf/A_81_6_Sect.6.pdf",
}

// mixVariants is variants where every fifth input is instead one of the
// PDF or HTML fixtures, made distinct by a comment after its end (after
// %%EOF, which PDF readers ignore; an HTML comment).
func mixVariants(t testing.TB, dir string, n int) []string {
	t.Helper()
	paths := variants(t, dir, n)
	for i := 2; i < n; i += 5 {
		name := fixtureFiles[(i/5)%len(fixtureFiles)]
		b, err := os.ReadFile("../../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		ext := filepath.Ext(name)
		note := fmt.Sprintf("\n%% variant %d\n", i)
		if ext == ".html" {
			note = fmt.Sprintf("\n<!-- variant %d -->\n", i)
		}
		os.Remove(paths[i])
		paths[i] = strings.TrimSuffix(paths[i], ".txt") + ext
		if err := os.WriteFile(paths[i], append(b, note...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(model.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validateDir checks every JSON in dir against the schema and returns how
// many there are (corpus.jsonl is not one of them).
func validateDir(t testing.TB, dir string) int {
	t.Helper()
	sch := compileSchema(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(files))
	sem := make(chan struct{}, 4)
	for _, f := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			b, err := os.ReadFile(f)
			if err == nil {
				var v any
				if v, err = jsonschema.UnmarshalJSON(bytes.NewReader(b)); err == nil {
					err = sch.Validate(v)
				}
			}
			if err != nil {
				errs <- fmt.Errorf("%s: %v", filepath.Base(f), err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	return len(files)
}

// noTemps fails when a temporary file is left in dir or below.
func noTemps(t testing.TB, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".undoc-tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// checkStore checks the store's invariant, which must hold even right
// after a kill: the catalog is intact, and every row points to raw bytes
// and a JSON that exist and match it. It returns the rows.
func checkStore(t testing.TB, dir string) []catalog.Doc {
	t.Helper()
	ctx := context.Background()
	cat, err := catalog.OpenReadOnly(ctx, filepath.Join(dir, catalog.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	if err := cat.Check(ctx); err != nil {
		t.Fatal(err)
	}
	docs, err := cat.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st := &Store{Dir: dir}
	for _, d := range docs {
		if d.SHA256 != "" {
			b, err := os.ReadFile(filepath.Join(dir, "raw", d.SHA256[:2], d.SHA256))
			if err != nil || int64(len(b)) != d.Bytes {
				t.Errorf("%s: raw bytes: %v (%d bytes, catalog says %d)", d.Key, err, len(b), d.Bytes)
			}
		}
		if d.JSONPath == "" {
			if d.Done() {
				t.Errorf("%s: done without JSON", d.Key)
			}
			continue
		}
		b, err := os.ReadFile(st.abs(d.JSONPath))
		if err != nil {
			t.Errorf("%s: %v", d.Key, err)
			continue
		}
		if int64(len(b)) != d.JSONBytes || sum(b) != d.JSONSHA256 {
			t.Errorf("%s: JSON does not match the catalog", d.Key)
		}
		if !bytes.Contains(b, []byte(`"sha256":"`+d.SHA256+`"`)) {
			t.Errorf("%s: JSON is not of the catalogued bytes %s", d.Key, d.SHA256)
		}
	}
	return docs
}

func sum(b []byte) string { return raw.Sum(b) }
