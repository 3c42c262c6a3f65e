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
// SOURCES.tsv), each beside pdftotext's text of it.
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
		// undecodable: text that cannot be decoded yet (Adobe-Japan1
		// CIDs without ToUnicode) must say so: a diagnostic and a
		// confidence near 0
		undecodable bool
	}{
		{file: "encrypted-aes-128-v4.pdf", recall: 0.99, precision: 0.99},
		{file: "encrypted-aes-256-r6.pdf", recall: 0.99, precision: 0.99},
		{file: "encrypted-rc4-128-empty-user-password.pdf", recall: 0.99, precision: 0.99},
		{file: "filter-abbreviation-Fl.pdf", recall: 0.99, precision: 0.99},
		{file: "japanese-hiramin-identity-h-cff.pdf", undecodable: true},
		{file: "japanese-identity-v-adobe-japan1.pdf", undecodable: true},
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
			if c.undecodable {
				said := false
				for _, d := range res.Diagnostics {
					said = said || d.Code == "undecodable-text" && d.Font != ""
				}
				if !said || res.Confidence > 0.1 {
					t.Errorf("confidence %.2f, diagnostics %+v: want an undecodable-text diagnostic naming the font", res.Confidence, res.Diagnostics)
				}
			}
			r, p := recallPrecision(resultText(res), string(want))
			t.Logf("%d pages, %d lines, recall %.3f, precision %.3f, confidence %.2f", res.Pages, len(res.Lines), r, p, res.Confidence)
			if r < c.recall || p < c.precision {
				t.Errorf("recall %.3f precision %.3f, want at least %.2f and %.2f\n%s", r, p, c.recall, c.precision, resultText(res))
			}
		})
	}
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
