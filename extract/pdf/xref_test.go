package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

// TestBrokenCrossReference: wrong offsets, a cross-reference that is not
// there and one that loops are read by finding the objects in the file;
// declared sizes no file could hold fail with ErrMalformed.
func TestBrokenCrossReference(t *testing.T) {
	good := onePage("/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "BT /F1 12 Tf 72 700 Td (Hello world) Tj ET", nil, "")
	shifted := bytes.Replace(good, []byte("%PDF-1.7\n"), []byte("%PDF-1.7\n% twenty bytes of junk\n"), 1)
	x := bytes.LastIndex(good, []byte("startxref"))
	noXref := append(append([]byte{}, good[:x]...), "startxref\n999999\n%%EOF\n"...)
	xrefAt := bytes.Index(good, []byte("\nxref")) + 1
	loop := bytes.Replace(good, []byte("trailer\n<<"), []byte(fmt.Sprintf("trailer\n<< /Prev %d", xrefAt)), 1)
	huge := bytes.Replace(good, []byte("xref\n0 "), []byte("xref\n9999999999 "), 1)
	manyEntries := bytes.Replace(good, []byte("xref\n0 5"), []byte("xref\n0 5000000"), 1)
	cases := []struct {
		name string
		data []byte
		err  error
	}{
		{"offsets shifted", shifted, nil},
		{"startxref beyond the file", noXref, nil},
		{"Prev loops to itself", loop, nil},
		{"subsection beyond any file", huge, ErrMalformed},
		{"more entries than bytes", manyEntries, ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := extractBytes(c.data)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Errorf("error %v, want %v", err, c.err)
				}
				t.Log(err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := allText(res); got != "Hello world" {
				t.Errorf("text %q", got)
			}
		})
	}
}
