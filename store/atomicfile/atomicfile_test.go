package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "a.json")
	if err := Write(p, []byte("one"), true); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("content %q", b)
	}
	// A failing writer leaves the old content and no temporary file.
	boom := errors.New("boom")
	err := WriteFunc(p, false, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("content after a failed write %q", b)
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Errorf("%d files, want 1", len(ents))
	}
}

func TestWriteInAndCleanTemps(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	os.MkdirAll(tmp, 0o755)
	p := filepath.Join(dir, "x", "y.json")
	if err := WriteIn(tmp, p, []byte("y"), false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "y" {
		t.Errorf("content %q", b)
	}
	// What a killed writer leaves: temporaries, plus a file of someone else.
	f, _ := CreateIn(tmp, p)
	f.WriteString("half")
	f.File.Close()
	os.WriteFile(filepath.Join(tmp, "download.part"), []byte("keep"), 0o644)
	n, err := CleanTemps(tmp)
	if err != nil || n != 1 {
		t.Errorf("CleanTemps removed %d (%v), want 1", n, err)
	}
	ents, _ := os.ReadDir(tmp)
	if len(ents) != 1 || strings.HasPrefix(ents[0].Name(), TempPrefix) {
		t.Errorf("left %v", ents)
	}
	if n, err := CleanTemps(filepath.Join(dir, "missing")); n != 0 || err != nil {
		t.Errorf("missing folder: %d %v", n, err)
	}
}

// TestWriteToPipe: a target that is not a regular file (a FIFO here, as
// /dev/null or /dev/stdout would be) is written in place, not replaced by a
// regular file.
func TestWriteToPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(p)
		got <- b
	}()
	if err := Write(p, []byte("data"), false); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v %v", fi.Mode(), err)
	}
	if b := <-got; string(b) != "data" {
		t.Errorf("read %q from the pipe", b)
	}
}
