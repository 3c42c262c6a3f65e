package raw

import (
	"bytes"
	"errors"
	"os"
	"sync"
	"testing"
)

func TestPutGet(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	data := []byte("联合国文件")
	var wg sync.WaitGroup
	sums := make([]string, 8)
	for i := range sums {
		wg.Go(func() {
			sum, _, err := s.Put(data)
			if err != nil {
				t.Error(err)
			}
			sums[i] = sum
		})
	}
	wg.Wait()
	if sums[0] != Sum(data) || sums[7] != sums[0] {
		t.Fatalf("sums %v", sums)
	}
	if _, created, _ := s.Put(data); created {
		t.Error("second Put created the file again")
	}
	if !s.Has(sums[0], int64(len(data))) || s.Has(sums[0], 1) || s.Has(Sum([]byte("x")), -1) {
		t.Error("Has")
	}
	b, err := s.Get(sums[0])
	if err != nil || !bytes.Equal(b, data) {
		t.Fatalf("Get: %q %v", b, err)
	}
	all, err := s.Sums()
	if err != nil || len(all) != 1 || all[0] != sums[0] {
		t.Errorf("Sums %v %v", all, err)
	}
	if ents, _ := os.ReadDir(s.TempDir()); len(ents) != 0 {
		t.Errorf("temporary files left: %v", ents)
	}
	// Damaged bytes are not returned as the document.
	p := s.Path(sums[0])
	os.Chmod(p, 0o644)
	os.WriteFile(p, []byte("damaged!!!!!!!"), 0o644)
	if _, err := s.Get(sums[0]); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Get of damaged bytes: %v", err)
	}
}
