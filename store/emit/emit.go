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
	shaped, err := out.Shape()
	if err != nil {
		return nil, err
	}
	if err := enc.Encode(shaped); err != nil {
		return nil, err
	}
	if !indent {
		return buf.Bytes(), nil
	}
	return indentJSON(make([]byte, 0, buf.Len()*2), buf.Bytes()), nil
}

// indentJSON appends src, compact JSON as encoding/json writes it, to dst
// with two-space indentation: the layout of json.Indent, in one pass that
// needs no validation because the encoder's output is valid.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// copy the string up to its closing quote
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
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
