package pdf

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// tinyPDF assembles a PDF from object bodies (object i+1 is objs[i]); object
// 1 must be the catalog. extraTrailer is added to the trailer dictionary.
func tinyPDF(objs []string, extraTrailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extraTrailer, x)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// onePage builds a one-page document whose page has the given font
// resources (object bodies appended after the page objects, starting at
// object 5) and content stream.
func onePage(fontRes string, content string, extra []string, pageExtra string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << " + fontRes + " >> " + pageExtra + " >> /Contents 4 0 R >>",
		stream("", content),
	}
	return tinyPDF(append(objs, extra...), "")
}

func mustExtract(t *testing.T, data []byte) *Result {
	t.Helper()
	res, err := Extract(context.Background(), data, Options{})
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	return res
}

func allText(res *Result) string {
	var parts []string
	for _, l := range res.Lines {
		parts = append(parts, l.Text)
	}
	return strings.Join(parts, "\n")
}
