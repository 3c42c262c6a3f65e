package emit

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestIndentLikeEncoding: indentJSON lays out JSON exactly as
// encoding/json's SetIndent("", "  ") does, on the golden outputs and on
// strings with escapes, brackets and colons inside them.
func TestIndentLikeEncoding(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	var docs [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	docs = append(docs,
		[]byte(`{"a":"x\"y\\","b":[],"c":{},"d":["{","[:,]","\\"],"e":{"f":[1,{"g":null}]}}`),
		[]byte(`[]`), []byte(`"s"`), []byte(`[[[]],{}]`))
	for _, d := range docs {
		var v any
		if err := json.Unmarshal(d, &v); err != nil {
			t.Fatal(err)
		}
		compact, want := encodings(v)
		if got := indentJSON(nil, compact); !bytes.Equal(got, want) {
			t.Errorf("differs from encoding/json for %.80s:\n%.300s", d, got)
		}
	}
}

// encodings is v as encoding/json writes it compact and indented.
func encodings(v any) (compact, indented []byte) {
	var c, i bytes.Buffer
	enc := json.NewEncoder(&c)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	enc = json.NewEncoder(&i)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(v)
	return c.Bytes(), i.Bytes()
}

func FuzzIndent(f *testing.F) {
	f.Add(`{"a":"x\"y\\","b":[],"c":{},"d":["{","[:,]"]}`)
	f.Add(`[1,2,{"k":[true,false,null]}]`)
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		compact, want := encodings(v)
		if got := indentJSON(nil, compact); !bytes.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}
