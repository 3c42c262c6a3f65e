package pdf

// Labels and figures in table cells: a column of labels ("(a)", "6.1",
// "29C.2" in the lettered budget sections 29A-29H, "㈠", "57/300; 58/269")
// hangs beside text and is no column of its own; a row with figures is one
// line of a table of figures.

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/undoc/undoc/normalize"
)

var labelRe = regexp.MustCompile(`^(\(?[0-9]{1,3}(\.[0-9]{1,3})*[.)]?|[0-9]{1,3}[A-Z](\.[0-9]{1,3})+|\(?[a-zA-Z][.)]|\([a-z]{1,2}\)|\(?[ivxlcIVXLC]{1,6}[.)]|[A-Z]\.|[•·\-–—*]{1,3}|[㈠-㈩]|[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,3}/[0-9]{1,4}( [A-Z])?|[0-9]{1,4} \([A-Z]+\))$`)

// resolutionsRe matches a list of mandate numbers, as mandate lists print
// beside each title: "57/300; 58/269", "1472 A (XIV);", "71/272 B, sect.
// III", "1993/2A", special-session resolutions and President's statements
// of the Human Rights Council ("S-30/1", "OS/14/2"), Security Council
// resolutions ("2282 (2016)") and document symbols printed as numbers
// ("WT/MIN(01)/DEC/1").
var resolutionsRe = regexp.MustCompile(`^(?:(?:\d{1,4}/\d{1,4}(?: ?[A-Z])?(?:, sect\. [IVXLC]+)?|\d{1,4}(?: [A-Z])? \([IVXLC]+\)|\d{1,4} \(\d{4}\)|(?:S-|OS/)\d{1,2}/\d{1,4}|[A-Z]{1,4}/[A-Z]{1,4}\(\d{2}\)(?:/[A-Z0-9]+)+)(?:[;,] ?|$))+$`)

// isLabel reports whether a cell's text is a list label or number: a
// numbering marker as the segmenter reads them ("(a)", "㈠", "⑴", "（十一）"),
// or one of the labels of labelRe, or a list of resolution numbers.
func isLabel(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	n := utf8.RuneCountInString(s)
	if n > 32 {
		return false
	}
	if _, rest, ok := normalize.ParseMarker(s, nil); ok && rest == "" {
		return true
	}
	return n <= 12 && labelRe.MatchString(s) || resolutionsRe.MatchString(s)
}

// isNumericCell reports whether a cell holds a figure ("1 000", "–", "[4]").
func isNumericCell(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(" .,%[]()–-—+/", r)) {
			return false
		}
	}
	return true
}
