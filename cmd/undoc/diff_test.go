package main

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/diff"
	"github.com/undoc/undoc/store/model"
	storerun "github.com/undoc/undoc/store/run"
)

var updateDiff = flag.Bool("update", false, "rewrite testdata/diff/seed.diff.md")

const (
	diffSeed     = "../../testdata/seed.txt"
	diffNext     = "../../testdata/diff/seed-next.txt"
	diffGoldJSON = "../../testdata/diff/seed.diff.json"
	diffGoldMD   = "../../testdata/diff/seed.diff.md"
)

func TestDiffExitCodes(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(plain, []byte("只是一段文字，没有结构。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badJSON := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badJSON, []byte(`{"schema_version": "0", "body": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		code int
		out  string // must appear in stdout
		err  string // must appear in stderr
	}{
		{"listed in help", []string{"--help"}, exitOK, "\n  diff ", ""},
		{"help", []string{"diff", "--help"}, exitOK, "--format", ""},
		{"no arguments", []string{"diff"}, exitUsage, "", "undoc diff: takes two editions, OLD and NEW, got 0"},
		{"one argument", []string{"diff", diffSeed}, exitUsage, "", "got 1 argument "},
		{"three arguments", []string{"diff", diffSeed, diffSeed, diffSeed}, exitUsage, "", "got 3 arguments"},
		{"bad format", []string{"diff", "--format", "html", diffSeed, diffNext}, exitUsage, "", "--format must be"},
		{"stdin twice", []string{"diff", "-", "-"}, exitUsage, "", "only one"},
		{"identical", []string{"diff", "--format", "text", diffSeed, diffSeed}, exitOK, "no changes", ""},
		{"differ", []string{"diff", "--format", "text", diffSeed, diffNext}, exitDiffers, "6 changes", ""},
		{"flags after arguments", []string{"diff", diffSeed, diffNext, "--format", "markdown"}, exitDiffers, "# Changes from", ""},
		{"missing file", []string{"diff", diffSeed, filepath.Join(dir, "nope.txt")}, exitDiffTrouble, "", "no such file"},
		{"no structure", []string{"diff", diffSeed, plain}, exitDiffTrouble, "", "no UN document structure"},
		{"other schema", []string{"diff", badJSON, diffSeed}, exitDiffTrouble, "", "schema_version"},
		{"symbol, no store", []string{"diff", "--store", filepath.Join(dir, "nostore"), "A/70/6", diffSeed}, exitDiffTrouble, "", "no store"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, c.code, errs)
			}
			if !strings.Contains(out, c.out) {
				t.Errorf("stdout lacks %q:\n%.600s", c.out, out)
			}
			if !strings.Contains(errs, c.err) {
				t.Errorf("stderr lacks %q:\n%.600s", c.err, errs)
			}
		})
	}
}

// TestDiffJSONSide: an edition given as undoc's JSON is the same as the
// document it was made from; off a terminal the default output is JSON,
// the golden report.
func TestDiffJSONSide(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seed.json")
	if code, _, errs := runCmd(t, "", "parse", "-o", path, diffSeed); code != exitOK {
		t.Fatalf("parse: exit %d: %s", code, errs)
	}
	if code, out, errs := runCmd(t, "", "diff", path, diffSeed); code != exitOK {
		t.Errorf("JSON against its document: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs := runCmd(t, "", "diff", path, diffNext)
	if code != exitDiffers {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want, err := os.ReadFile(diffGoldJSON)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("default output off a terminal is not the JSON report of %s:\n%s", diffGoldJSON, out)
	}
	// Standard input as one side.
	seed, err := os.ReadFile(diffSeed)
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCmd(t, string(seed), "diff", diffSeed, "-"); code != exitOK {
		t.Errorf("stdin: exit %d\n%s%s", code, out, errs)
	}
}

// TestDiffMarkdownGolden: the Markdown report of the seed against its next
// edition (go test ./cmd/undoc -run DiffMarkdown -update rewrites it).
func TestDiffMarkdownGolden(t *testing.T) {
	code, out, errs := runCmd(t, "", "diff", "--format", "markdown", diffSeed, diffNext)
	if code != exitDiffers {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if *updateDiff {
		if err := os.WriteFile(diffGoldMD, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(diffGoldMD)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("differs from %s:\n%s", diffGoldMD, out)
	}
}

func TestDiffText(t *testing.T) {
	code, out, _ := runCmd(t, "", "diff", "--format", "text", diffSeed, diffNext)
	if code != exitDiffers {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colours off a terminal")
	}
	for _, want := range []string{
		"--- file:seed.txt (text)\n+++ file:seed-next.txt (text)\n6 changes: 2 added, 1 moved, 1 removed, 1 renamed, 1 reworded\n",
		"联合国系统[-和-]{+、+}国际{+组织和区域+}组织",
		"indicator moved  ch1/prog8/sp2/results/b/iii ㈢ → ch1/prog8/sp2/results/c/iv ㈣\n",
		"subprogramme renamed  ch1/prog25/sp6 次级方案 6  (similarity 0.783)\n  信息和通信技术业务{+和服务交付+}\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	// On a terminal: colours instead of marks.
	r := diff.Compare(mustConvert(t, diffSeed), mustConvert(t, diffNext))
	col := string(renderText(r, true))
	if !strings.Contains(col, ansiDel+"和"+ansiReset+ansiIns+"、"+ansiReset) || strings.Contains(col, "[-") {
		t.Errorf("coloured output:\n%q", col)
	}
}

// TestDiffTableCell: a changed table cell is named by row and column, with
// the row's label and the column's header.
func TestDiffTableCell(t *testing.T) {
	seed, err := os.ReadFile(diffSeed)
	if err != nil {
		t.Fatal(err)
	}
	next := filepath.Join(t.TempDir(), "next.txt")
	os.WriteFile(next, []byte(strings.Replace(string(seed), "不衡量对最终用", "不再衡量对最终用", 1)), 0o644)
	code, out, _ := runCmd(t, "", "diff", "--format", "text", diffSeed, next)
	want := "table_cell reworded  ch2/secD/table3 第 3 行 (绩效指标) 第 2 列 (否)  (similarity 0.957)\n  不{+再+}衡量对最终用户的益处\n"
	if code != exitDiffers || !strings.Contains(out, want) {
		t.Errorf("exit %d, output lacks %q:\n%s", code, want, out)
	}
}

// TestDiffStoreSymbol: an edition given by symbol is read from the store,
// whatever its source: here a file whose text named its symbol.
func TestDiffStoreSymbol(t *testing.T) {
	ctx := context.Background()
	store := t.TempDir()
	rel := "json/ab/seed.json"
	if err := os.MkdirAll(filepath.Join(store, "json", "ab"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCmd(t, "", "parse", "-o", filepath.Join(store, filepath.FromSlash(rel)), diffSeed); code != exitOK {
		t.Fatalf("parse: %s", errs)
	}
	cat, err := catalog.Open(ctx, filepath.Join(store, catalog.FileName))
	if err != nil {
		t.Fatal(err)
	}
	sym := symbol.MustParse("A/70/6 (Introduction)")
	key := storerun.Input{Path: "/docs/introduction.txt"}.Key("zh")
	if err := cat.Put(ctx, catalog.Doc{Key: key, Input: "introduction.txt", Symbol: sym.String(), Lang: "zh",
		Format: "text", JSONPath: rel, Status: catalog.StatusOK}); err != nil {
		t.Fatal(err)
	}
	cat.Close()
	if code, out, errs := runCmd(t, "", "diff", "--store", store, "--format", "text", "A/70/6 (Introduction)", diffSeed); code != exitOK {
		t.Errorf("stored symbol against its document: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs := runCmd(t, "", "diff", "--store", store, "A/70/6 (Introduction)", diffNext)
	if code != exitDiffers {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep diff.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Changes) != 6 {
		t.Errorf("report: %v, %d changes", err, len(rep.Changes))
	}
	if code, _, errs := runCmd(t, "", "diff", "--store", store, "A/71/6", diffSeed); code != exitDiffTrouble || !strings.Contains(errs, "not in the store") {
		t.Errorf("unknown symbol: exit %d: %s", code, errs)
	}
}

func mustConvert(t *testing.T, path string) *model.Output {
	t.Helper()
	o, err := sides{}.load(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return o
}
