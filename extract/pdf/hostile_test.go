package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileDir holds files from other PDF projects' test suites (sources in
// SOURCES.tsv), each beside pdftotext's text of it (poppler 22.12:
// `pdftotext F`, and `pdftotext -layout F` for the two Japanese files).
const hostileDir = "../../testdata/pdf/hostile"

// TestHostileFiles: every file opens and reads as pdftotext reads it (the
// character recall and precision against pdftotext's text reach the
// floor given), or fails with the error given.
func TestHostileFiles(t *testing.T) {
	cases := []struct {
		file      string
		err       error   // the error wanted, nil to read the file
		recall    float64 // floors against pdftotext
		precision float64
		// cidTable: the text needs a CID-to-Unicode table (Adobe-Japan1
		// CIDs without ToUnicode) from poppler-data
		cidTable string
		// order: the floor of the longest common subsequence of the
		// text and pdftotext's, over the length of pdftotext's (0: not
		// checked); tierColumn: pdftotext -layout prints the tiers of
		// vertical text side by side, the second from this column on
		order      float64
		tierColumn int
	}{
		{file: "encrypted-aes-128-v4.pdf", recall: 0.99, precision: 0.99},
		{file: "encrypted-aes-256-r6.pdf", recall: 0.99, precision: 0.99},
		{file: "encrypted-rc4-128-empty-user-password.pdf", recall: 0.99, precision: 0.99},
		{file: "filter-abbreviation-Fl.pdf", recall: 0.99, precision: 0.99},
		{file: "japanese-hiramin-identity-h-cff.pdf", recall: 0.98, precision: 0.98, cidTable: "Adobe-Japan1", order: 0.98},
		{file: "japanese-identity-v-adobe-japan1.pdf", recall: 0.98, precision: 0.98, cidTable: "Adobe-Japan1", order: 0.98, tierColumn: 25},
		{file: "one-line-per-page-same-place.pdf", recall: 0.99, precision: 0.99},
		{file: "type3-aNN-glyph-names.pdf", recall: 0.99, precision: 0.98},
		{file: "xref-4GiB-subsection.pdf", err: ErrMalformed},
	}
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*.pdf"))
	if len(files) != len(cases) {
		t.Errorf("%d files in %s, %d cases", len(files), hostileDir, len(cases))
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(hostileDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			if c.cidTable != "" {
				needCIDTable(t, c.cidTable)
			}
			start := time.Now()
			res, err := Extract(context.Background(), data, Options{Timeout: 10 * time.Second})
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("error %v, want %v", err, c.err)
				}
				t.Logf("%v (in %v)", err, time.Since(start))
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(hostileDir, strings.TrimSuffix(c.file, ".pdf")+".pdftotext.txt"))
			if err != nil {
				t.Fatal(err)
			}
			// pdftotext keeps vertical presentation forms (︵); the text
			// holds the characters they stand for (horizontalForm)
			ref := horizontalForm(string(want))
			r, p := recallPrecision(resultText(res), ref)
			t.Logf("%d pages, %d lines, recall %.3f, precision %.3f, confidence %.2f", res.Pages, len(res.Lines), r, p, res.Confidence)
			if r < c.recall || p < c.precision {
				t.Errorf("recall %.3f precision %.3f, want at least %.2f and %.2f\n%s", r, p, c.recall, c.precision, resultText(res))
			}
			if c.order > 0 {
				a, b := []rune(noSpace(resultText(res))), []rune(noSpace(tiersInOrder(ref, c.tierColumn)))
				o := float64(lcsLen(a, b)) / float64(len(b))
				t.Logf("order (common subsequence over pdftotext's length) %.3f", o)
				if o < c.order {
					t.Errorf("order %.3f, want at least %.2f", o, c.order)
				}
			}
			if c.cidTable != "" && res.Confidence < 0.9 {
				t.Errorf("confidence %.2f, diagnostics %+v", res.Confidence, res.Diagnostics)
			}
		})
	}
}

// needCIDTable fails the test when the collection's CID-to-Unicode table
// (poppler-data) is missing in CI, where .ci/run installs it; elsewhere it
// skips, saying so loudly.
func needCIDTable(t *testing.T, collection string) {
	t.Helper()
	if _, err := systemCIDTables.table(collection); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI: %v (.ci/run installs poppler-data)", err)
		}
		t.Skipf("SKIPPED, NOT TESTED: %v; %s", err, cidTableHelp(collection))
	}
}

func noSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// tiersInOrder undoes pdftotext -layout's printing of vertical tiers side
// by side: the text before column col of every line (the first tier),
// then the text from col on (the second). col 0 leaves the text as it is.
func tiersInOrder(s string, col int) string {
	if col == 0 {
		return s
	}
	var first, second []string
	for _, l := range strings.Split(s, "\n") {
		r := []rune(l)
		if len(r) > col {
			first, second = append(first, string(r[:col])), append(second, string(r[col:]))
		} else {
			first = append(first, l)
		}
	}
	return strings.Join(first, "\n") + "\n" + strings.Join(second, "\n")
}

// TestXrefSubsectionBeyond4GiB: the cross-reference subsection that starts
// at object 2^32 fails at once, in little memory.
func TestXrefSubsectionBeyond4GiB(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(hostileDir, "xref-4GiB-subsection.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err = Extract(context.Background(), data, Options{})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%v in %v, %d KB allocated", err, took, alloc>>10)
	if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "4294967296") {
		t.Errorf("error %v: want ErrMalformed naming the subsection", err)
	}
	if took > time.Second || alloc > 100<<20 {
		t.Errorf("took %v and %d MB", took, alloc>>20)
	}
}
