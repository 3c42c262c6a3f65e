package diff

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/undoc/undoc/extract/convert"
	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/model"
)

var update = flag.Bool("update", false, "rewrite testdata/diff/seed.diff.json")

const (
	seedPath   = "../../testdata/seed.txt"
	nextPath   = "../../testdata/diff/seed-next.txt"
	goldenPath = "../../testdata/diff/seed.diff.json"
)

// parse converts a fixture; it returns the conversion error for the
// cross-format tests to judge.
func parse(tb testing.TB, path string) (*model.Output, error) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := convert.Convert(context.Background(), convert.Input{Data: b, Name: path}, convert.Options{})
	if err != nil {
		return nil, err
	}
	return res.Output, nil
}

func mustParse(tb testing.TB, path string) *model.Output {
	tb.Helper()
	o, err := parse(tb, path)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return o
}

// seedNextChanges are the edits made to testdata/seed.txt to write
// testdata/diff/seed-next.txt, and all of them.
var seedNextChanges = []string{
	// ㈡ of (c): 联合国系统和国际组织 → 联合国系统、国际组织和区域组织
	"indicator reworded ch1/prog8/sp2/results/c/ii → ch1/prog8/sp2/results/c/ii (diff)",
	// ㈣ of (c) dropped …
	"indicator removed ch1/prog8/sp2/results/c/iv → -",
	// … and ㈢ of (b) moved to the end of (c), where it is ㈣ now.
	"indicator moved ch1/prog8/sp2/results/b/iii → ch1/prog8/sp2/results/c/iv",
	// A new resolution under 次级方案 2, 大会决议.
	"mandate added - → ch1/prog8/mandates/list#69/213",
	// 构成部分 2 采购服务, with an objective and a results table, in 次级方案 4.
	"component added - → ch1/prog25/sp4/comp2",
	// 次级方案 6 信息和通信技术业务 → 信息和通信技术业务和服务交付
	"subprogramme renamed ch1/prog25/sp6 → ch1/prog25/sp6 (diff)",
}

// TestSeedGolden diffs the seed against its edited next edition: exactly
// the known edits are reported, and the JSON is the golden file.
func TestSeedGolden(t *testing.T) {
	r := Compare(mustParse(t, seedPath), mustParse(t, nextPath))
	if got := brief(r); !reflect.DeepEqual(got, seedNextChanges) {
		t.Errorf("changes:\n  %s\nwant exactly:\n  %s", strings.Join(got, "\n  "), strings.Join(seedNextChanges, "\n  "))
	}
	got, err := Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the report differs from %s (go test ./store/diff -update rewrites it):\n%s", goldenPath, got)
	}
}

// TestSelf: a document against itself, and against its own JSON read back.
func TestSelf(t *testing.T) {
	for _, p := range []string{seedPath, nextPath} {
		o := mustParse(t, p)
		if r := Compare(o, mustParse(t, p)); !r.Identical || len(r.Changes) != 0 {
			t.Errorf("%s against itself: %v", p, brief(r))
		}
		b, err := emit.Marshal(o, true)
		if err != nil {
			t.Fatal(err)
		}
		back, err := emit.Read(b)
		if err != nil {
			t.Fatal(err)
		}
		if r := Compare(o, back); !r.Identical {
			t.Errorf("%s against its JSON: %v", p, brief(r))
		}
	}
}

// TestAcrossFormats: the seed as text, as PDF and as HTML is the same
// document, so no changes. It is skipped only while convert has no reader
// for the format.
func TestAcrossFormats(t *testing.T) {
	text := mustParse(t, seedPath)
	for _, name := range []string{"seed-chromium.pdf", "seed.gbk.html"} {
		t.Run(name, func(t *testing.T) {
			other, err := parse(t, filepath.Join("../../testdata", name))
			if errors.Is(err, convert.ErrUnsupported) {
				t.Skipf("convert cannot read %s yet: %v", name, err)
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			r := Compare(text, other)
			if r.Identical {
				return
			}
			t.Errorf("seed.txt against %s: %d changes %v", name, len(r.Changes), r.Summary)
			for i, c := range r.Changes {
				if i == 10 {
					t.Logf("… and %d more", len(r.Changes)-i)
					break
				}
				var o, n string
				if c.Old != nil {
					o = c.Old.Text
				}
				if c.New != nil {
					n = c.New.Text
				}
				t.Logf("%s %s %s\n  text: %s\n  %s: %s", c.Kind, c.Change, brief(&Report{Changes: []Change{c}})[0], o, name, n)
			}
		})
	}
}

// BenchmarkDiffSeed compares the seed with its edited next edition (both
// already parsed).
func BenchmarkDiffSeed(b *testing.B) {
	old, new := mustParse(b, seedPath), mustParse(b, nextPath)
	b.ReportAllocs()
	for b.Loop() {
		if r := Compare(old, new); len(r.Changes) != len(seedNextChanges) {
			b.Fatalf("%d changes", len(r.Changes))
		}
	}
}
