package pdf

import (
	"fmt"
	"testing"
)

// TestStandard14Widths: simple fonts that name a standard 14 font and give
// no /Widths keep their spaces and repeated letters, in every family and
// through an alias, and the fonts' own metrics place the words.
func TestStandard14Widths(t *testing.T) {
	const text = "Original page 1, all good: “Ééé” — ok"
	for _, base := range []string{"Helvetica", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Courier", "Courier-Bold", "Arial,Bold", "ABCDEF+TimesNewRomanPSMT", "Unknown-Sans"} {
		t.Run(base, func(t *testing.T) {
			font := fmt.Sprintf("/F1 << /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>", base)
			// WinAnsi: “ 0x93, ” 0x94, É 0xC9, é 0xE9, — 0x97
			content := "BT /F1 12 Tf 72 700 Td (Original page 1, all good: \x93\xC9\xE9\xE9\x94 \x97 ok) Tj ET"
			res := mustExtract(t, onePage(font, content, nil, ""))
			if got := allText(res); got != text {
				t.Errorf("text %q, want %q", got, text)
			}
		})
	}
	if w := std14Width("Helvetica", "é"); w != 556 {
		t.Errorf("Helvetica eacute %v, want 556 (as e)", w)
	}
	if w := std14Width("Times-Roman", "W"); w != 944 {
		t.Errorf("Times-Roman W %v, want 944", w)
	}
}
