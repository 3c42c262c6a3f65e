package run

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileInBatch: 49 small PDFs and, in the middle, the file whose
// cross-reference subsection starts at object 2^32 (a reader that
// allocates from it asks for 137 GB and the process dies). The batch ends
// with 49 extracted and that one failed, with the reason.
func TestHostileInBatch(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	small, err := os.ReadFile("../../testdata/pdf/hostile/filter-abbreviation-Fl.pdf")
	if err != nil {
		t.Fatal(err)
	}
	bad, err := os.ReadFile("../../testdata/pdf/hostile/xref-4GiB-subsection.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		b := append(append([]byte{}, small...), fmt.Sprintf("\n%% variant %d\n", i)...)
		if i == 25 {
			b = bad
		}
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("doc%02d.pdf", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := openStore(t, filepath.Join(tmp, "store"))
	rep := mustRun(t, context.Background(), st, expand(t, in), Options{OutDir: filepath.Join(tmp, "out")})
	s := rep.Summary
	if s.Inputs != 50 || s.Extracted != 49 || s.Failed != 1 {
		t.Fatalf("summary %+v, failures %v", s, rep.Failures)
	}
	if f := rep.Failures[0]; filepath.Base(f.Input) != "doc25.pdf" || !strings.Contains(f.Reason, "4294967296") {
		t.Errorf("failure %+v: want doc25.pdf with the subsection named", f)
	}
}
