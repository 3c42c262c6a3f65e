package pdf

// Widths of the standard 14 fonts (ISO 32000-1:2008 §9.6.2.2), for simple
// fonts that name one of them and give no /Widths: from the fonts' AFM
// metrics, for printable ASCII; other Latin letters take the width of
// their base letter, typographic quotes and dashes their own.

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// std14ASCII holds the widths of U+0020 to U+007E, in that order.
var std14ASCII = map[string][95]uint16{
	"Helvetica": {278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584},
	"Helvetica-Bold": {278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
		975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
		333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
		611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584},
	"Times-Roman": {250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
		921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
		556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
		333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
		500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541},
	"Times-Bold": {250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
		930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
		611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
		333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
		556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520},
	"Times-Italic": {250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500,
		920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722,
		611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422, 500,
		333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500,
		500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541},
	"Times-BoldItalic": {250, 389, 555, 500, 500, 833, 778, 278, 333, 333, 500, 570, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
		832, 667, 667, 667, 722, 667, 667, 722, 778, 389, 500, 667, 611, 889, 722, 722,
		611, 722, 667, 556, 611, 722, 667, 889, 667, 611, 611, 333, 278, 333, 570, 500,
		333, 500, 500, 444, 500, 444, 333, 500, 556, 278, 278, 500, 278, 778, 556, 500,
		500, 500, 389, 389, 278, 556, 444, 667, 500, 444, 389, 348, 220, 348, 570},
}

// std14Quotes are the widths of quoteleft/quoteright and
// quotedblleft/quotedblright.
var std14Quotes = map[string][2]uint16{
	"Helvetica": {222, 333}, "Helvetica-Bold": {278, 500}, "Times-Roman": {333, 444},
	"Times-Bold": {333, 500}, "Times-Italic": {333, 556}, "Times-BoldItalic": {333, 500},
}

// std14Family names the metrics of a base font: the standard 14 names,
// their oblique twins and the usual aliases (Arial, Times New Roman,
// Courier New); "" for fonts that are none of them.
// nameSeparators are dropped from font names before they are compared.
var nameSeparators = strings.NewReplacer(" ", "", "-", "", ",", "", "_", "")

func std14Family(base string) string {
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[7:]
	}
	b := strings.ToLower(nameSeparators.Replace(base))
	bold := strings.Contains(b, "bold") || strings.Contains(b, "black") || strings.Contains(b, "heavy")
	italic := strings.Contains(b, "italic") || strings.Contains(b, "oblique")
	switch {
	case strings.HasPrefix(b, "courier"):
		return "Courier"
	case strings.HasPrefix(b, "helvetica"), strings.HasPrefix(b, "arial"):
		if bold {
			return "Helvetica-Bold"
		}
		return "Helvetica"
	case strings.HasPrefix(b, "times"):
		switch {
		case bold && italic:
			return "Times-BoldItalic"
		case bold:
			return "Times-Bold"
		case italic:
			return "Times-Italic"
		}
		return "Times-Roman"
	}
	return ""
}

// std14Width is the width of the glyph for text s in a family, 0 when it
// is not known.
func std14Width(family, s string) float64 {
	if family == "Courier" {
		return 600
	}
	t, ok := std14ASCII[family]
	if !ok || s == "" {
		return 0
	}
	r := []rune(s)[0]
	if r < 0x7F && r >= 0x20 {
		return float64(t[r-0x20])
	}
	switch r {
	case '\u2018', '\u2019', '\u201A':
		return float64(std14Quotes[family][0])
	case '\u201C', '\u201D', '\u201E':
		return float64(std14Quotes[family][1])
	case '\u2013':
		return float64(t['0'-0x20])
	case '\u2014':
		return 1000
	case '\u2022':
		return 350
	case '\u2026':
		return 1000
	case '\u00A0':
		return float64(t[0])
	}
	// accented letters: the base letter
	if d := []rune(norm.NFD.String(string(r))); len(d) > 0 && d[0] < 0x7F && d[0] >= 0x20 && unicode.IsLetter(d[0]) {
		return float64(t[d[0]-0x20])
	}
	return 0
}
