package pdf

import (
	"context"
	"strings"
	"testing"

	"github.com/undoc/undoc/extract/pdf/pdftest"
)

// tinyPDF assembles a PDF from object bodies (object i+1 is objs[i]); object
// 1 must be the catalog. extraTrailer is added to the trailer dictionary.
func tinyPDF(objs []string, extraTrailer string) []byte { return pdftest.Build(objs, extraTrailer) }

func stream(dict, data string) string { return pdftest.Stream(dict, data) }

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
