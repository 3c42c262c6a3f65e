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

// hybridPDF builds a hybrid-reference file (ISO 32000-1 §7.5.8.4): the
// page tree root, object 2, sits in object stream 5; the table marks it
// free and the /XRefStm, object 6, says where it is.
func hybridPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offs := map[int]int{}
	obj := func(n int, body string) {
		offs[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
	}
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>")
	obj(4, stream("", "BT /F1 12 Tf 72 700 Td (Hybrid file) Tj ET"))
	pages := "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
	obj(5, stream("/Type /ObjStm /N 1 /First 4", "2 0 "+pages))
	// W [1 2 1]: object 2 is the first object of stream 5
	entries := string([]byte{2, 0, 5, 0})
	obj(6, stream("/Type /XRef /W [1 2 1] /Index [2 1] /Size 7", entries))
	x := b.Len()
	b.WriteString("xref\n0 7\n0000000000 65535 f \n")
	fmt.Fprintf(&b, "%010d 00000 n \n", offs[1])
	b.WriteString("0000000000 00001 f \n")
	for n := 3; n <= 6; n++ {
		fmt.Fprintf(&b, "%010d 00000 n \n", offs[n])
	}
	fmt.Fprintf(&b, "trailer\n<< /Size 7 /Root 1 0 R /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n", offs[6], x)
	return b.Bytes()
}

func TestHybridFile(t *testing.T) {
	res, err := extractBytes(hybridPDF())
	if err != nil {
		t.Fatal(err)
	}
	if got := allText(res); got != "Hybrid file" {
		t.Errorf("text %q", got)
	}
}
