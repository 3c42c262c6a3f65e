// Package atomicfile writes files so that a reader, or a process started
// after a crash, sees either the old content or the new one, never a part:
// the data goes to a temporary file in the same directory, which is then
// renamed over the target.
package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// TempPrefix starts the name of every temporary file this package makes.
// CleanTemps removes files with this prefix that a killed process left.
const TempPrefix = ".undoc-tmp-"

// Write writes data to path atomically. With sync the data reaches the
// disk before the rename, so that it also survives a power loss; a killed
// process needs no sync.
func Write(path string, data []byte, sync bool) error {
	return WriteFunc(path, sync, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc is Write for content produced by fn. When fn fails, path is
// left as it was.
func WriteFunc(path string, sync bool, fn func(w io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Abort()
		return err
	}
	return f.Commit(sync)
}

// File is a temporary file that becomes path on Commit.
type File struct {
	*os.File
	path   string
	done   bool
	direct bool // path is a device or pipe (/dev/null, /dev/stdout): written in place
}

// Create starts an atomic write of path, making its directory if needed.
// The temporary file is in the same directory.
func Create(path string) (*File, error) {
	return CreateIn("", path)
}

// CreateIn is Create with the temporary file in tmpDir, which must be on
// the same file system as path: one folder to clean after a crash instead
// of one per target directory. An empty tmpDir is path's directory.
// A path that is a device or a pipe is written in place, never replaced.
func CreateIn(tmpDir, path string) (*File, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &File{File: f, path: path, direct: true}, nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if tmpDir == "" {
		tmpDir = dir
	}
	f, err := os.CreateTemp(tmpDir, TempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return nil, err
	}
	return &File{File: f, path: path}, nil
}

// WriteIn is Write with the temporary file in tmpDir (see CreateIn).
func WriteIn(tmpDir, path string, data []byte, sync bool) error {
	f, err := CreateIn(tmpDir, path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit(sync)
}

// Commit closes the temporary file and renames it over the target.
func (f *File) Commit(sync bool) error {
	if f.done {
		return errors.New("atomicfile: commit after commit or abort")
	}
	f.done = true
	if f.direct {
		return f.File.Close()
	}
	var err error
	if sync {
		err = f.File.Sync()
	}
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.File.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.File.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.File.Name())
	}
	return err
}

// Abort closes and removes the temporary file; the target is untouched.
// It does nothing after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	if !f.direct {
		os.Remove(f.File.Name())
	}
}

// CleanTemps removes the temporary files a killed process left in dir (not
// in its subdirectories) and returns how many it removed. Call it only
// while no other process may be writing to dir.
func CleanTemps(dir string) (int, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range ents {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), TempPrefix) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err == nil {
				n++
			}
		}
	}
	return n, nil
}
