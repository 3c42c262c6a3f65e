package html

import (
	"strings"
	"unicode"
)

// isHTMLSpace reports the characters HTML collapses (ASCII white space).
// U+00A0, U+3000 and U+2003 are text, not collapsible space.
func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\f', '\r':
		return true
	}
	return false
}

// isWideCJK reports characters written without spaces between them in
// Chinese and Japanese: ideographs, kana, bopomofo, CJK punctuation,
// enclosed and compatibility forms and full-width forms (East Asian width W
// or F). Hangul is left out: Korean puts spaces between words.
func isWideCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r <= 0x2FDF: // CJK radicals, Kangxi radicals
		return true
	case r >= 0x2FF0 && r <= 0x303F: // description characters, CJK symbols and punctuation
		return true
	case r >= 0x3040 && r <= 0x30FF: // hiragana, katakana
		return true
	case r >= 0x3100 && r <= 0x312F, r >= 0x31A0 && r <= 0x31FF: // bopomofo, strokes, katakana extension
		return true
	case r >= 0x3200 && r <= 0x4DBF: // enclosed CJK, compatibility, extension A
		return true
	case r >= 0x4E00 && r <= 0x9FFF: // unified ideographs
		return true
	case r >= 0xF900 && r <= 0xFAFF: // compatibility ideographs
		return true
	case r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	case r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6: // full-width forms
		return true
	case r >= 0x20000 && r <= 0x3FFFF: // extensions B and later
		return true
	}
	return false
}

// isCJKAmbiguous reports punctuation of ambiguous width that Chinese text
// uses as its own (quotation marks, ellipsis, dashes, middle dot).
func isCJKAmbiguous(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '…', '—', '–', '·', '•', '※', '′', '″', '°', '§':
		return true
	}
	return false
}

// joinsWithoutSpace reports whether a line break or tag boundary between a
// and b must not turn into a space: both sides are CJK (one side may be
// CJK-style punctuation of ambiguous width).
func joinsWithoutSpace(a, b rune) bool {
	wa, wb := isWideCJK(a), isWideCJK(b)
	return wa && wb || wa && isCJKAmbiguous(b) || isCJKAmbiguous(a) && wb
}

// lineBuilder collects the text of one visual line. HTML white space runs
// collapse to one space; a run that holds a source line break or touches a
// tag boundary disappears between two CJK characters (so "内陆\n发展" reads
// "内陆发展"), as CSS does for segment breaks between wide characters.
type lineBuilder struct {
	sb          strings.Builder
	last        rune
	pending     bool // collapsible white space since the last rune
	pendingNL   bool // ... holding a line break
	pendingEdge bool // ... touching a tag boundary
	startLine   int  // source line of the first rune, 0 while empty
	blockLine   int  // line to report for the first rune, if set (block start)
}

// edge marks a tag boundary at the current position.
func (lb *lineBuilder) edge() {
	if lb.pending {
		lb.pendingEdge = true
	}
}

// space records collapsible white space; nl when it holds a line break.
func (lb *lineBuilder) space(nl bool) {
	lb.pending = true
	if nl {
		lb.pendingNL = true
	}
}

// addText appends the data of a text node. cur is the running source line,
// advanced past line breaks.
func (lb *lineBuilder) addText(s string, cur *int) {
	atStart := true // no text yet in this node: white space here touches a tag
	for _, r := range s {
		if isHTMLSpace(r) {
			if r == '\n' {
				*cur++
			}
			lb.space(r == '\n')
			if atStart {
				lb.pendingEdge = true
			}
			continue
		}
		atStart = false
		lb.writeRune(r, *cur)
	}
	lb.edge()
}

func (lb *lineBuilder) writeRune(r rune, line int) {
	if lb.sb.Len() == 0 {
		lb.startLine = line
		if lb.blockLine > 0 {
			lb.startLine = lb.blockLine
		}
		lb.blockLine = 0
	} else if lb.pending && !((lb.pendingNL || lb.pendingEdge) && joinsWithoutSpace(lb.last, r)) {
		lb.sb.WriteByte(' ')
	}
	lb.pending, lb.pendingNL, lb.pendingEdge = false, false, false
	lb.sb.WriteRune(r)
	lb.last = r
}

// writeVerbatim appends r as is (inside <pre>).
func (lb *lineBuilder) writeVerbatim(r rune, line int) {
	if lb.sb.Len() == 0 {
		lb.startLine = line
		if lb.blockLine > 0 {
			lb.startLine = lb.blockLine
		}
		lb.blockLine = 0
	}
	lb.sb.WriteRune(r)
	lb.last = r
}

// take returns the line and its start line and empties the builder. The
// text is "" when the line holds nothing but white space.
func (lb *lineBuilder) take() (string, int) {
	s, n := lb.sb.String(), lb.startLine
	lb.sb.Reset()
	lb.last = 0
	lb.pending, lb.pendingNL, lb.pendingEdge = false, false, false
	lb.startLine = 0
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return "", n
	}
	return s, n
}

// collapse returns s with white space collapsed as in a line.
func collapse(s string) string {
	var lb lineBuilder
	cur := 0
	lb.addText(s, &cur)
	t, _ := lb.take()
	return t
}
