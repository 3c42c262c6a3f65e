package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/raw"
)

// Entry is what the catalog remembers about one symbol, language and type.
type Entry struct {
	Key          string    `json:"key"`
	Symbol       string    `json:"symbol"`
	Lang         string    `json:"lang"`
	Type         string    `json:"type"`   // "pdf" or "doc"
	Status       string    `json:"status"` // EntryOK or EntryNotFound
	SHA256       string    `json:"sha256,omitempty"`
	Size         int64     `json:"size,omitempty"`
	URL          string    `json:"url,omitempty"` // where the file was last served from
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Checked      time.Time `json:"checked"`
	Expires      time.Time `json:"expires,omitzero"` // for negative entries
	Reason       string    `json:"reason,omitempty"`
}

// Entry statuses.
const (
	EntryOK       = "ok"
	EntryNotFound = "not_found"
)

// Catalog keeps one Entry per key. Get returns ok false when there is no
// entry, and an error when the catalog could not be read: a failure to
// read is never taken for "no entry".
type Catalog interface {
	Get(key string) (e Entry, ok bool, err error)
	Put(Entry) error
}

// EntryKey is the catalog key of a symbol in a language and type.
func EntryKey(sym symbol.Symbol, lang, typ string) string {
	return sym.Key() + "|" + lang + "|" + typ
}

// JSONCatalog keeps each entry in a small JSON file in Dir.
type JSONCatalog struct {
	Dir string
}

// NewJSONCatalog makes dir if needed.
func NewJSONCatalog(dir string) (*JSONCatalog, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &JSONCatalog{Dir: dir}, nil
}

var keyFileRepl = strings.NewReplacer("/", "_", "|", "-", "*", "!", " ", "_", "\\", "_", ":", "#")

func keyFile(key string) string { return keyFileRepl.Replace(key) }

// Get reads the entry for key. A missing file is no entry; a file that
// cannot be read is an error. A file that is not a JSON entry for key (cut
// short by a crash before atomic writes, or edited by hand) is no entry,
// so that the symbol is fetched again and the file replaced.
func (c *JSONCatalog) Get(key string) (Entry, bool, error) {
	b, err := os.ReadFile(filepath.Join(c.Dir, keyFile(key)+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, fmt.Errorf("catalog: %w", err)
	}
	var e Entry
	if json.Unmarshal(b, &e) != nil || e.Key != key {
		return Entry{}, false, nil
	}
	return e, true, nil
}

// Put writes the entry atomically.
func (c *JSONCatalog) Put(e Entry) error {
	if e.Key == "" {
		return errors.New("catalog: entry without key")
	}
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(c.Dir, keyFile(e.Key)+".json"), append(b, '\n'))
}

func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Store is the content-addressed raw store (store/raw): Dir/raw/ab/abcdef…
// holds the file whose sha256 is abcdef…; Dir/tmp holds downloads in
// progress, kept for resuming.
type Store struct {
	Dir string
}

func (s Store) raw() *raw.Store { return &raw.Store{Dir: s.Dir} }

// BlobPath is where the file with this sha256 (hex) lives.
func (s Store) BlobPath(sha string) string { return s.raw().Path(sha) }

// Has reports whether the file with this sha256 is stored.
func (s Store) Has(sha string) bool { return len(sha) >= 2 && s.raw().Has(sha, -1) }

// Blobs lists the sha256 of every stored file.
func (s Store) Blobs() ([]string, error) { return s.raw().Sums() }

func (s Store) tmpDir() string { return s.raw().TempDir() }

// put moves a complete, checked temp file into the store.
func (s Store) put(tmp, sha string) (string, error) {
	dst := s.BlobPath(sha)
	if s.Has(sha) {
		os.Remove(tmp)
		return dst, nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return "", err
	}
	os.Chmod(dst, 0o444)
	return dst, nil
}
