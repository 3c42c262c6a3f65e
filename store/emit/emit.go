// Package emit writes outputs as JSON: indented for one document, one line
// per document for JSON Lines. Writes to files are atomic.
package emit

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"github.com/undoc/undoc/store/model"
)

// Marshal encodes an output as indented JSON ending in a newline. HTML
// characters are kept as they are.
func Marshal(out *model.Output, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	shaped, err := out.Shape()
	if err != nil {
		return nil, err
	}
	if err := enc.Encode(shaped); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write encodes out to w.
func Write(w io.Writer, out *model.Output, indent bool) error {
	b, err := Marshal(out, indent)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// WriteFile writes data to path atomically: a temporary file in the same
// directory, synced, then renamed over path.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Read decodes an output written by Marshal.
func Read(b []byte) (*model.Output, error) {
	out := &model.Output{}
	if err := json.Unmarshal(b, out); err != nil {
		return nil, err
	}
	return out, nil
}
