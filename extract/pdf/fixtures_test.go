package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var seedFixtures = []string{"../../testdata/seed-chromium.pdf", "../../testdata/seed-libreoffice.pdf"}

func extractFile(t testing.TB, path string) *Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(context.Background(), data, Options{Timeout: time.Minute})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

func resultText(res *Result) string {
	var b strings.Builder
	for _, l := range res.Lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// seedBody is seed.txt without the hyperlink targets the dump printed.
func seedBody(t testing.TB) string {
	data, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "http://") || strings.HasPrefix(strings.TrimSpace(l), "https://") {
			continue
		}
		keep = append(keep, l)
	}
	return joinLines(keep)
}

func checkLines(t *testing.T, res *Result) {
	t.Helper()
	for i, l := range res.Lines {
		if l.N != i+1 {
			t.Fatalf("line %d has N=%d", i+1, l.N)
		}
		if l.Page < 1 || l.Page > res.Pages {
			t.Fatalf("line %d has page %d of %d", l.N, l.Page, res.Pages)
		}
		if i > 0 && l.Page < res.Lines[i-1].Page {
			t.Fatalf("line %d goes back to page %d", l.N, l.Page)
		}
		if (l.Table == 0) != (l.Row == 0) || (l.Table == 0) != (l.Col == 0) {
			t.Fatalf("line %d: inconsistent table fields %+v", l.N, l)
		}
		if strings.ContainsRune(l.Text, '\uFFFD') {
			t.Errorf("line %d (page %d) has U+FFFD: %q", l.N, l.Page, l.Text)
		}
		if l.Text != strings.TrimSpace(l.Text) || strings.Contains(l.Text, "  ") {
			t.Errorf("line %d: untidy spaces %q", l.N, l.Text)
		}
	}
}

var hanPair = regexp.MustCompile(`\p{Han} \p{Han}`)

func TestSeedPDFs(t *testing.T) {
	body := seedBody(t)
	want := cjkOnly(body)
	for _, f := range seedFixtures {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := extractFile(t, f)
			checkLines(t, res)
			got := resultText(res)
			rec, prec := recallPrecision(got, body)
			lcs := lcsLen(cjkOnly(got), want)
			order := float64(lcs) / float64(len(want))
			t.Logf("%s: pages=%d lines=%d recall=%.4f precision=%.4f cjk-in-order=%.4f (%d of %d) symbol=%q job=%q confidence=%.3f links=%d",
				filepath.Base(f), res.Pages, len(res.Lines), rec, prec, order, lcs, len(want), res.Symbol, res.JobNumber, res.Confidence, len(res.Links))
			if rec < 0.99 || prec < 0.97 {
				t.Errorf("recall %.4f (want ≥ 0.99), precision %.4f (want ≥ 0.97)", rec, prec)
			}
			// both renderings have 13 result tables and 4 other tables;
			// LibreOffice sets the cells of a row on different baselines
			minOrder, minTables := 0.96, 17
			if order < minOrder {
				t.Errorf("only %.4f of seed.txt's CJK characters come out in order", order)
			}
			// ledongthuc's decoding inserts stray 处 and '(' into this text: compare counts
			for _, r := range []rune{'处', '(', ')'} {
				if g, w := strings.Count(got, string(r)), strings.Count(body, string(r)); g > w+2 {
					t.Errorf("%q occurs %d times, seed.txt has %d", r, g, w)
				}
			}
			if m := hanPair.FindString(got); m != "" && strings.Count(got, " ") > 0 {
				if n := len(hanPair.FindAllString(got, -1)); n > 5 {
					t.Errorf("%d spaces between CJK characters, e.g. %q", n, m)
				}
			}
			if res.Symbol != "A/70/6 (Introduction)" {
				t.Errorf("symbol %q", res.Symbol)
			}
			if wantJob := strings.Contains(f, "chromium"); wantJob != strings.HasPrefix(res.JobNumber, "15-05342") {
				t.Errorf("job number %q", res.JobNumber)
			}
			if res.Confidence < 0.95 {
				t.Errorf("confidence %.3f", res.Confidence)
			}
			for _, l := range res.Lines {
				if furnitureLeft.MatchString(l.Text) {
					t.Errorf("furniture left on page %d: %q", l.Page, l.Text)
				}
			}
			tables := 0
			for _, l := range res.Lines {
				if l.Table > tables {
					tables = l.Table
				}
			}
			if tables < minTables {
				t.Errorf("found %d tables, the seed has result tables on most pages", tables)
			}
		})
	}
}

var furnitureLeft = regexp.MustCompile(`^(\d{1,3}/\d{1,3}|15-05342 \(C\).*|A/70/6 \(Introduction\))$`)

// The reference text with page furniture removed: per page (form feed),
// lines made only of page numbers, job numbers, dates and barcodes, and the
// running header (the first line of pages after the first, when it repeats).
var refTokenRe = regexp.MustCompile(`^(\d{1,3}/\d{1,3}|\d{2}-\d{5}|\([A-Z]\)|\d{6}|\*\d{5,}\*)$`)

func stripReference(text string) string {
	pages := strings.Split(text, "\f")
	firsts := map[string]int{}
	first := func(p string) string {
		for _, l := range strings.Split(p, "\n") {
			if s := strings.Join(strings.Fields(l), " "); s != "" {
				return s
			}
		}
		return ""
	}
	for _, p := range pages {
		firsts[first(p)]++
	}
	var out []string
	for pi, p := range pages {
		f := first(p)
		skippedHeader := false
		for _, l := range strings.Split(p, "\n") {
			s := strings.Join(strings.Fields(l), " ")
			if s == "" {
				continue
			}
			if !skippedHeader && pi > 0 && s == f && firsts[f] >= 2 {
				skippedHeader = true
				continue
			}
			all := true
			for _, tok := range strings.Fields(s) {
				if !refTokenRe.MatchString(tok) {
					all = false
					break
				}
			}
			if all {
				continue
			}
			out = append(out, s)
		}
	}
	return joinLines(out)
}

func unFixtures(t testing.TB) []string {
	m, err := filepath.Glob("../../testdata/pdf/A_81_6_*.pdf")
	if err != nil || len(m) == 0 {
		t.Fatalf("no un-en fixtures: %v", err)
	}
	return m
}

func TestUNEnglishPDFs(t *testing.T) {
	for _, f := range unFixtures(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := extractFile(t, f)
			checkLines(t, res)
			ref, err := os.ReadFile(strings.TrimSuffix(f, ".pdf") + ".pdftotext.txt")
			if err != nil {
				t.Fatal(err)
			}
			want := stripReference(string(ref))
			got := resultText(res)
			rec, prec := recallPrecision(got, want)
			t.Logf("%s: pages=%d lines=%d recall=%.4f precision=%.4f symbol=%q job=%q confidence=%.3f links=%d diags=%d",
				filepath.Base(f), res.Pages, len(res.Lines), rec, prec, res.Symbol, res.JobNumber, res.Confidence, len(res.Links), len(res.Diagnostics))
			if rec < 0.98 {
				t.Errorf("recall %.4f < 0.98", rec)
			}
			if prec < 0.995 {
				t.Errorf("precision %.4f < 0.995", prec)
			}
			if !strings.HasPrefix(res.Symbol, "A/81/6 (Sect. ") {
				t.Errorf("symbol %q", res.Symbol)
			}
			if !regexp.MustCompile(`^26-0\d{4}`).MatchString(res.JobNumber) {
				t.Errorf("job number %q", res.JobNumber)
			}
			furn := furnitureUN(res.Pages)
			for _, l := range res.Lines {
				if furn.MatchString(l.Text) {
					t.Errorf("furniture left on page %d: %q", l.Page, l.Text)
				}
			}
			if res.Confidence < 0.98 {
				t.Errorf("confidence %.3f", res.Confidence)
			}
		})
	}
}

func furnitureUN(pages int) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`^(\d{1,2}/%d|26-0\d{4}|\d{1,2}/%d 26-0\d{4}|26-0\d{4} \d{1,2}/%d)$`, pages, pages, pages))
}

// TestSeedLinks: each link annotation of the seed PDFs comes with the text
// under it and the line that text is on.
func TestSeedLinks(t *testing.T) {
	for _, f := range seedFixtures {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := extractFile(t, f)
			if len(res.Links) != 25 {
				t.Errorf("%d links, want 25", len(res.Links))
			}
			for _, l := range res.Links {
				if !strings.HasPrefix(l.URI, "http://undocs.org/ch/") || l.Text == "" || l.Line == 0 {
					t.Errorf("link %+v", l)
					continue
				}
				line := res.Lines[l.Line-1]
				if line.Page != l.Page {
					t.Errorf("link %+v on page %d, its line on page %d", l, l.Page, line.Page)
				}
				// the anchor text is on the line, or starts there and wraps
				bare := strings.ReplaceAll(l.Text, " ", "")
				lt := line.Text
				if l.Line < len(res.Lines) {
					lt += res.Lines[l.Line].Text
				}
				if !strings.Contains(strings.ReplaceAll(lt, " ", ""), bare) {
					t.Errorf("link text %q not on its line %q", l.Text, line.Text)
				}
				// the anchor names what the link targets
				num := l.URI[strings.LastIndexByte(l.URI, '/')+1:]
				if !strings.Contains(bare, num) {
					t.Errorf("link %q has text %q", l.URI, l.Text)
				}
			}
		})
	}
}

// TestBytesAfterEOF: bytes after the last %%EOF (padding, a mail footer)
// are ignored, as other readers do, instead of failing the file.
func TestBytesAfterEOF(t *testing.T) {
	data, err := os.ReadFile(seedFixtures[0])
	if err != nil {
		t.Fatal(err)
	}
	want := mustExtract(t, data)
	for _, tail := range []string{"\n% note\n", "\x00\x00\x00\x00", "\r\n<html>footer</html>\r\n"} {
		got := mustExtract(t, append(slices.Clip(data), tail...))
		if len(got.Lines) != len(want.Lines) || resultText(got) != resultText(want) {
			t.Errorf("tail %q: %d lines, want %d", tail, len(got.Lines), len(want.Lines))
		}
	}
}

// TestLayoutHints: lines carry the evidence the segmenter may use before it
// guesses from words. On A/81/6 (Sect. 25), page 2, as the PDF shows it:
// the headings are bold, at 14 and 12 points; the paragraph is not bold,
// at 10 points; the heading is indented from the paragraph numbers'
// margin.
func TestLayoutHints(t *testing.T) {
	res := extractFile(t, "../../testdata/pdf/A_81_6_Sect.25.pdf")
	want := map[string]struct {
		bold     bool
		size     float64
		indented bool
	}{
		"Overall orientation":     {true, 14, true},
		"Mandates and background": {true, 12, true},
		"25.1 The Office of the United Nations High Commissioner for Refugees (UNHCR) is responsible for": {false, 10, false},
	}
	seen := 0
	for _, l := range res.Lines {
		w, ok := want[l.Text]
		if !ok {
			continue
		}
		seen++
		if l.Bold != w.bold || l.Size != w.size || (l.Indent > 0) != w.indented {
			t.Errorf("%q: bold %v size %v indent %v; want bold %v size %v indented %v", l.Text, l.Bold, l.Size, l.Indent, w.bold, w.size, w.indented)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d lines", seen, len(want))
	}
}
