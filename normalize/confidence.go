package normalize

import (
	"fmt"
	"unicode/utf8"
)

// Problem kinds reported by Confidence.
const (
	ProblemReplacement    = "replacement"     // U+FFFD or invalid UTF-8
	ProblemPrivateUse     = "private-use"     // private-use code points
	ProblemControl        = "control"         // C0/C1 controls other than tab, newline, CR, form feed
	ProblemMojibake       = "mojibake-latin1" // UTF-8 or GBK read as Latin-1
	ProblemKangxiUnmapped = "kangxi-unmapped" // radicals Fold cannot map
)

var problemOrder = []string{ProblemReplacement, ProblemPrivateUse, ProblemControl, ProblemMojibake, ProblemKangxiUnmapped}

// Problem counts one kind of implausible text.
type Problem struct {
	Kind    string
	Count   int    // runes of this kind
	Example string // the first occurrence, as text or as U+XXXX
}

// Confidence scores how much of s is plausible text, from 0 to 1: the share
// of non-space runes that are not U+FFFD, private-use, control characters,
// Latin-1 mojibake or unmapped radicals. With expectCJK, Latin-1 letters
// (U+00C0–U+00FF) and runs of Latin-1 symbols also count as mojibake.
// Empty or all-space text scores 1.
func Confidence(s string, expectCJK bool) (score float64, problems []Problem) {
	var counts [5]int
	var examples [5]string
	bad := func(k int, n int, ex string) {
		counts[k] += n
		if examples[k] == "" {
			examples[k] = ex
		}
	}
	total := 0
	for i := 0; i < len(s); {
		if HanAt(s[i:]) { // U+4E00–U+9FFF
			i += 3
			total++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < 0x80 && r >= 0x20 && r != 0x7F {
			i++
			if r != ' ' {
				total++
			}
			continue
		}
		if r >= 0x80 && r <= 0xFF {
			if n, k := mojibakeAt(s[i:], expectCJK); n > 0 {
				total += k
				bad(3, k, example(s[i:i+n]))
				i += n
				continue
			}
		}
		i += w
		if r == '\t' || r == '\n' || r == '\r' || r == '\f' || r >= 0xA0 && isSpace(r) {
			continue
		}
		total++
		switch {
		case r == utf8.RuneError:
			bad(0, 1, "U+FFFD")
		case isPrivateUse(r):
			bad(1, 1, fmt.Sprintf("U+%04X", r))
		case r < 0x20 || r >= 0x7F && r <= 0x9F:
			bad(2, 1, fmt.Sprintf("U+%04X", r))
		case r >= radicalFirst && r <= 0x2FDF && foldRune(r) == r:
			bad(4, 1, string(r))
		}
	}
	nbad := 0
	for k, c := range counts {
		if c > 0 {
			nbad += c
			problems = append(problems, Problem{Kind: problemOrder[k], Count: c, Example: examples[k]})
		}
	}
	if total == 0 {
		return 1, problems
	}
	return float64(total-nbad) / float64(total), problems
}

// example shortens a bad sequence for a Problem.
func example(s string) string {
	const max = 24
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

func isPrivateUse(r rune) bool {
	return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 && r <= 0xFFFFD || r >= 0x100000 && r <= 0x10FFFD
}

// mojibakeAt returns the byte length and rune count of Latin-1 mojibake at
// the start of s, or 0. It finds UTF-8 byte sequences read as Latin-1 or
// Windows-1252 ("Ã©", "â€œ") and, when expectCJK, Latin-1 letters and runs
// of two or more Latin-1 characters.
func mojibakeAt(s string, expectCJK bool) (n, runes int) {
	r, w := utf8.DecodeRuneInString(s)
	want := 0
	switch {
	case r >= 0xC2 && r <= 0xDF:
		want = 1
	case r >= 0xE0 && r <= 0xEF:
		want = 2
	case r >= 0xF0 && r <= 0xF4:
		want = 3
	}
	if want > 0 {
		n, runes = w, 1
		for ; runes <= want; runes++ {
			c, cw := utf8.DecodeRuneInString(s[n:])
			if !isContinuationGlyph(c) {
				break
			}
			n += cw
		}
		if runes == want+1 {
			return n, runes
		}
	}
	if !expectCJK || r < 0x80 || r > 0xFF {
		return 0, 0
	}
	n, runes = 0, 0
	for n < len(s) {
		c, cw := utf8.DecodeRuneInString(s[n:])
		if c < 0x80 || c > 0xFF {
			break
		}
		n += cw
		runes++
	}
	if runes >= 2 || r >= 0xC0 && r != 0xD7 && r != 0xF7 {
		return n, runes
	}
	return 0, 0
}

// isContinuationGlyph reports whether r is how a UTF-8 continuation byte
// (0x80–0xBF) shows when read as Latin-1 or Windows-1252.
func isContinuationGlyph(r rune) bool {
	if r >= 0x80 && r <= 0xBF {
		return true
	}
	switch r {
	case '€', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 'Ž',
		'‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 'ž', 'Ÿ':
		return true
	}
	return false
}

// Letters counts the letters of s by script: CJK ideographs (U+4E00–U+9FFF),
// ASCII letters, and Latin-1 letters (U+00C0–U+00FF), which are where
// Chinese bytes read as Latin-1 land.
type Letters struct {
	CJK, ASCII, Latin1 int
}

// CountLetters counts the letters of s by script. It reads UTF-8 lead
// bytes instead of decoding runes: ideographs U+4E00–U+9FFF are E4 B8..BF
// and E5–E9, Latin-1 letters are C3 80..BF.
func CountLetters(s string) Letters {
	var l Letters
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				l.ASCII++
			}
			i++
		case c < 0xE0:
			if c == 0xC3 && i+1 < len(s) && s[i+1] != 0x97 && s[i+1] != 0xB7 {
				l.Latin1++
			}
			i += 2
		case c < 0xF0:
			if c >= 0xE5 && c <= 0xE9 || c == 0xE4 && i+1 < len(s) && s[i+1] >= 0xB8 {
				l.CJK++
			}
			i += 3
		default:
			i += 4
		}
	}
	return l
}

// ExpectCJK tells whether Chinese is the text's script, or was meant to be:
// CJK ideographs are at least 2% of its letters, or Latin-1 letters are at
// least a tenth of them (Chinese read as Latin-1; French has about 3%).
// Text with fewer than 20 letters is too short to tell and is taken as
// Chinese.
func (l Letters) ExpectCJK() bool {
	all := l.CJK + l.ASCII + l.Latin1
	return all < 20 || l.CJK*50 >= all || l.Latin1*10 >= all
}
