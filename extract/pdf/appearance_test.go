package pdf

import (
	"strings"
	"testing"
)

// TestFormFieldAppearances: the text of a form field's and a free-text
// annotation's appearance streams is read where the annotation sits;
// hidden annotations and link annotations draw nothing.
func TestFormFieldAppearances(t *testing.T) {
	helv := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	ap := func(text string) string {
		return stream("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /Helv "+helv+" >> >>",
			"/Tx BMC BT /Helv 10 Tf 2 5 Td ("+text+") Tj ET EMC")
	}
	annots := "/Annots [" +
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (Jane Doe) /Rect [110 600 310 620] /AP << /N 6 0 R >> >> " +
		"<< /Type /Annot /Subtype /FreeText /Rect [72 500 272 520] /AP << /N 7 0 R >> >> " +
		"<< /Type /Annot /Subtype /Widget /F 2 /Rect [72 400 272 420] /AP << /N 8 0 R >> >> " +
		"<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [72 300 92 320] /AS /Off /AP << /N << /Yes 8 0 R /Off 9 0 R >> >> >> ]"
	data := tinyPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R " + annots + " >>",
		stream("", "BT /F1 12 Tf 72 700 Td (Page text) Tj 0 -95 Td (Name:) Tj ET"),
		helv,
		ap("Jane Doe"),
		ap("A free-text note"),
		ap("Hidden"),
		ap("Unchecked"),
	}, "")
	res := mustExtract(t, data)
	// a field's value is a line of its own, after the label beside it,
	// marked as form-field text; a free-text annotation is no form field
	var got []string
	for _, l := range res.Lines {
		t := l.Text
		if l.FormField {
			t += " [form]"
		}
		got = append(got, t)
	}
	if g := strings.Join(got, "\n"); g != "Page text\nName:\nJane Doe [form]\nA free-text note\nUnchecked [form]" {
		t.Errorf("got %q", g)
	}
}
