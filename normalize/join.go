package normalize

import (
	"strings"
	"unicode/utf8"
)

const softHyphen = '\u00AD'

// Join joins two wrapped lines of one paragraph. It trims the trailing space
// of a and the leading space of b, then puts no space between them when
// either side of the join is CJK, when a ends with '/', '-' or an opening
// bracket, or when b starts with closing punctuation, or in a wrapped
// range of years ("2024–" and "2034"); otherwise one space.
// A soft hyphen ending a is dropped and the word joined. When one side is
// empty after trimming, Join returns the other, trimmed at the join.
// Spaces inside a and b are kept as printed.
func Join(a, b string) string {
	a = strings.TrimRightFunc(a, isSpace)
	b = strings.TrimLeftFunc(b, isSpace)
	if b == "" {
		return a
	}
	if a == "" {
		return b
	}
	last, w := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if last == softHyphen {
		return a[:len(a)-w] + b
	}
	if needSpace(latinQuotes(a, b)) && !yearRange(a, first) {
		return a + " " + b
	}
	return a + b
}

// latinQuotes returns the runes either side of the join of a and b, with
// a curly quote that stands next to Latin text (an opening one before it,
// a closing one after it) read as a straight quote: in English, '“' and
// '”' take spaces as words do ("the “launching State”"); next to CJK text
// they are full-width punctuation ("Umoja“团结”").
func latinQuotes(a, b string) (last, first rune) {
	last, w := utf8.DecodeLastRuneInString(a)
	first, n := utf8.DecodeRuneInString(b)
	if last == '”' || last == '’' {
		if r, _ := utf8.DecodeLastRuneInString(a[:len(a)-w]); r != utf8.RuneError && !isCJK(r) {
			last = '"'
		}
	}
	if first == '“' || first == '‘' {
		if r, _ := utf8.DecodeRuneInString(b[n:]); r != utf8.RuneError && !isCJK(r) && !isCJK(last) {
			first = '"'
		}
	}
	return last, first
}

// yearRange reports whether a line ending in a digit and an en dash,
// followed by a line starting with a digit, wraps a range ("2024–" and
// "2034"), which takes no space.
func yearRange(a string, first rune) bool {
	if !strings.HasSuffix(a, "–") || first < '0' || first > '9' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(a, "–"))
	return r >= '0' && r <= '9'
}

// needSpace reports whether a line ending in last and a line starting with
// first are joined with one space.
func needSpace(last, first rune) bool {
	if isCJK(last) || isCJK(first) {
		return false
	}
	switch last {
	case '/', '-', '\u2010', '\u2011', '(', '[', '{':
		return false
	}
	switch first {
	case ')', ']', '}', ',', '.', ';', ':', '!', '?', '%', '/':
		return false
	}
	return true
}

// JoinLines joins the lines of one paragraph with Join and trims the result.
// Blank lines are skipped.
func JoinLines(lines []string) string {
	if len(lines) == 1 { // nothing to join
		return strings.TrimFunc(lines[0], isSpace)
	}
	n := len(lines) // room for a space between lines
	for _, l := range lines {
		n += len(l)
	}
	buf := make([]byte, 0, n)
	var last rune
	for _, l := range lines {
		l = strings.TrimFunc(l, isSpace)
		if l == "" {
			continue
		}
		if len(buf) > 0 {
			first, _ := utf8.DecodeRuneInString(l)
			switch {
			case last == softHyphen:
				buf = buf[:len(buf)-utf8.RuneLen(softHyphen)]
			case needSpace(latinQuotes(string(buf[max(0, len(buf)-8):]), l)) && !yearRange(string(buf[max(0, len(buf)-4):]), first):
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, l...)
		last, _ = utf8.DecodeLastRuneInString(l)
	}
	return string(buf)
}
