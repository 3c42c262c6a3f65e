// Package raw keeps the input documents content-addressed on disk: the
// bytes whose sha256 is h live in DIR/raw/h[:2]/h, written once and
// atomically, read back only when they still hash to h. The layout is the
// one ingest's fetcher writes, so fetched and local documents share it.
package raw

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/undoc/undoc/store/atomicfile"
)

// ErrCorrupt is returned by Get when the stored bytes no longer hash to
// their name, e.g. after a disk fault.
var ErrCorrupt = errors.New("raw: stored bytes do not match their sha256")

// Store is a content-addressed store rooted at Dir.
type Store struct {
	Dir string
}

// Open makes the store's folders if needed.
func Open(dir string) (*Store, error) {
	s := &Store{Dir: dir}
	for _, d := range []string{filepath.Join(dir, "raw"), s.TempDir()} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Sum is the hex sha256 of data, the name it is stored under.
func Sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// TempDir holds files being written; they are renamed into place.
func (s *Store) TempDir() string { return filepath.Join(s.Dir, "tmp") }

// Path is where the bytes with this sum are kept.
func (s *Store) Path(sum string) string {
	if len(sum) < 2 {
		return filepath.Join(s.Dir, "raw", "invalid")
	}
	return filepath.Join(s.Dir, "raw", sum[:2], sum)
}

// Has reports whether bytes with this sum are stored (by name and size;
// Get checks the content).
func (s *Store) Has(sum string, size int64) bool {
	st, err := os.Stat(s.Path(sum))
	return err == nil && st.Mode().IsRegular() && (size < 0 || st.Size() == size)
}

// Put stores data and returns its sum; created is false when the bytes
// were already there. Concurrent Puts of the same bytes are safe.
func (s *Store) Put(data []byte) (sum string, created bool, err error) {
	sum = Sum(data)
	if s.Has(sum, int64(len(data))) {
		return sum, false, nil
	}
	dst := s.Path(sum)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", false, err
	}
	f, err := os.CreateTemp(s.TempDir(), atomicfile.TempPrefix+"raw-*")
	if err != nil {
		return "", false, err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o444)
	}
	if err == nil {
		err = os.Rename(f.Name(), dst)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", false, fmt.Errorf("raw: storing %s: %w", sum, err)
	}
	return sum, true, nil
}

// Get reads the bytes with this sum and checks that they still hash to it.
func (s *Store) Get(sum string) ([]byte, error) {
	b, err := os.ReadFile(s.Path(sum))
	if err != nil {
		return nil, err
	}
	if Sum(b) != sum {
		return nil, fmt.Errorf("%w: %s", ErrCorrupt, sum)
	}
	return b, nil
}

// Open opens the stored file with this sum for reading, unchecked.
func (s *Store) Open(sum string) (io.ReadCloser, error) {
	return os.Open(s.Path(sum))
}

// CleanTemps removes temporary files that a killed writer left. Call it
// only while holding the store's lock.
func (s *Store) CleanTemps() (int, error) { return atomicfile.CleanTemps(s.TempDir()) }

// Sums lists the sums of every stored file.
func (s *Store) Sums() ([]string, error) {
	var out []string
	root := filepath.Join(s.Dir, "raw")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return filepath.SkipDir
			}
			return err
		}
		if d.Type().IsRegular() {
			out = append(out, d.Name())
		}
		return nil
	})
	return out, err
}
