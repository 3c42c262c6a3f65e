// Package emit encodes outputs as JSON: indented for one document, compact
// for one line per document (JSON Lines), and reads them back.
package emit

import (
	"bytes"
	"encoding/json"
	"io"

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

// Read decodes an output written by Marshal.
func Read(b []byte) (*model.Output, error) {
	out := &model.Output{}
	if err := json.Unmarshal(b, out); err != nil {
		return nil, err
	}
	return out, nil
}
