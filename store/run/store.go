package run

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/undoc/undoc/store/atomicfile"
	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/raw"
)

// ErrLocked is returned by OpenStore when another run holds the store.
var ErrLocked = errors.New("the store is in use by another undoc run")

// Store is an open store directory:
//
//	DIR/catalog.sqlite    the catalog (SQLite, WAL)
//	DIR/raw/ab/abcd…      input bytes by sha256
//	DIR/json/12/1234…json one output JSON per document and content
//	DIR/tmp/              files being written
//	DIR/lock              held while a run uses the store
type Store struct {
	Dir     string
	Raw     *raw.Store
	Catalog *catalog.Catalog
	lock    *os.File
}

// OpenStore opens or creates the store in dir and takes its lock, so that
// one run at a time writes it. It removes the temporary files that a
// killed run left.
func OpenStore(ctx context.Context, dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lf, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(lf); err != nil {
		lf.Close()
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("%s: %w", dir, ErrLocked)
		}
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	s := &Store{Dir: dir, lock: lf}
	if s.Raw, err = raw.Open(dir); err != nil {
		s.Close()
		return nil, err
	}
	if _, err := s.Raw.CleanTemps(); err != nil {
		s.Close()
		return nil, err
	}
	if s.Catalog, err = catalog.Open(ctx, filepath.Join(dir, catalog.FileName)); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the catalog and releases the lock.
func (s *Store) Close() error {
	var err error
	if s.Catalog != nil {
		err = s.Catalog.Close()
	}
	if s.lock != nil {
		s.lock.Close() // closing releases the lock
	}
	return err
}

// jsonPath is where a document's JSON with this content goes, relative to
// the store directory.
func jsonPath(key, jsonSum string) string {
	kh := keyHash(key)
	return filepath.ToSlash(filepath.Join("json", kh[:2], kh+"-"+jsonSum[:16]+".json"))
}

// abs resolves a path relative to the store directory.
func (s *Store) abs(rel string) string { return filepath.Join(s.Dir, filepath.FromSlash(rel)) }

// writeJSON writes a document's JSON into the store.
func (s *Store) writeJSON(rel string, data []byte, sync bool) error {
	return atomicfile.WriteIn(s.Raw.TempDir(), s.abs(rel), data, sync)
}

// DefaultDir is the store used without --store: $UNDOC_STORE when set;
// else $XDG_DATA_HOME/undoc or ~/.local/share/undoc on Linux and other
// Unix systems; ~/Library/Application Support/undoc on macOS;
// %LocalAppData%\undoc on Windows.
func DefaultDir() (string, error) {
	if d := os.Getenv("UNDOC_STORE"); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "darwin", "ios":
		d, err := os.UserConfigDir() // ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "undoc"), nil
	case "windows":
		d, err := os.UserCacheDir() // %LocalAppData%
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "undoc"), nil
	case "plan9":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "lib", "undoc"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "undoc"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "undoc"), nil
}
