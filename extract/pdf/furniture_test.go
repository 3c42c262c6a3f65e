package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// pagesOf builds a document with one page per content stream, all in
// Helvetica.
func pagesOf(contents []string) []byte {
	n := len(contents)
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [" + strings.Join(kids, " ") + "] /Count " + fmt.Sprint(n) + " >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	for i, c := range contents {
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			stream("", c))
	}
	return tinyPDF(objs, "")
}

// TestFurnitureNeedsOtherContent: a line repeated at the same spot on every
// page is furniture on pages that have other content, and text on pages
// that have nothing else.
func TestFurnitureNeedsOtherContent(t *testing.T) {
	header := "BT /F1 10 Tf 72 780 Td (Running head of the report) Tj ET\n"
	var withBody, alone []string
	for i := range 10 {
		withBody = append(withBody, header+fmt.Sprintf("BT /F1 12 Tf 72 400 Td (Body text of page %d) Tj ET", i+1))
		alone = append(alone, fmt.Sprintf("BT /F1 12 Tf 72 780 Td (Original page %d) Tj ET", i+1))
	}
	res := mustExtract(t, pagesOf(withBody))
	if got := allText(res); strings.Contains(got, "Running head") || !strings.Contains(got, "Body text of page 10") {
		t.Errorf("pages with a body: %q", got)
	}
	res = mustExtract(t, pagesOf(alone))
	if len(res.Lines) != 10 || res.Lines[9].Text != "Original page 10" {
		t.Errorf("one line per page: %d lines: %q", len(res.Lines), allText(res))
	}
}
