package normalize

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Style is the way a list marker is printed.
type Style int

// Marker styles.
const (
	StyleNone           Style = iota
	StyleLetter               // (a), （a）
	StyleRoman                // (i), （ii）
	StyleParenIdeograph       // ㈠ … ㈩
	StyleFullParenCJK         // （一）, (一)
	StyleParenDigit           // ⑴ … ⒇, also (1)
	StyleDigitDot             // 1.
	StyleCJKComma             // 一、
)

var styleNames = [...]string{"none", "letter", "roman", "paren-ideograph", "full-paren-cjk", "paren-digit", "digit-dot", "cjk-comma"}

func (s Style) String() string {
	if s >= 0 && int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "style(" + strconv.Itoa(int(s)) + ")"
}

// Marker is a list or paragraph marker.
type Marker struct {
	Marker  string // exactly as printed: "(a)", "㈡", "（三）", "⑵", "12."
	Label   string // normalised: "a", "ii", "12"
	Ordinal int    // the position the marker implies: (b) → 2, ㈢ → 3
	Style   Style
}

// Limits of what is read as a marker.
const (
	maxParenRunes = 8   // runes between the brackets
	maxParenValue = 100 // (一百) at most
	maxRoman      = 50  // (l) at most
	maxCommaBytes = 18  // six numerals before 、
)

// ParseMarker parses a marker at the start of s, after leading spaces. rest
// is the text after the marker with leading spaces trimmed; when ok is false
// rest is s. prev, the marker before this one in the same list or nil,
// decides whether (i), (v) and (x) are letters (after (h), (u), (w)) or Roman
// numerals.
func ParseMarker(s string, prev *Marker) (m Marker, rest string, ok bool) {
	t := strings.TrimLeftFunc(s, isSpace)
	m, n, ok := markerAt(t, prev)
	if !ok {
		return Marker{}, s, false
	}
	return m, strings.TrimLeftFunc(t[n:], isSpace), true
}

// markerAt parses a marker at the very start of s and returns its byte length.
func markerAt(s string, prev *Marker) (Marker, int, bool) {
	r, w := utf8.DecodeRuneInString(s)
	var m Marker
	n := 0
	switch {
	case r >= 0x3220 && r <= 0x3229: // ㈠ … ㈩
		m, n = Marker{Ordinal: int(r-0x3220) + 1, Style: StyleParenIdeograph}, w
	case r >= 0x2474 && r <= 0x2487: // ⑴ … ⒇
		m, n = Marker{Ordinal: int(r-0x2474) + 1, Style: StyleParenDigit}, w
	case r == '(' || r == '（':
		var ok bool
		if m, n, ok = parenMarker(s, w, prev); !ok {
			return Marker{}, 0, false
		}
	case digitValue(r) >= 0:
		return digitDotMarker(s)
	case isCJKNumeral(r):
		return cjkCommaMarker(s)
	default:
		return Marker{}, 0, false
	}
	if refersBack(s[n:]) {
		return Marker{}, 0, false
	}
	m.Marker = s[:n]
	if m.Label == "" {
		m.Label = Roman(m.Ordinal)
	}
	return m, n, true
}

// parenMarker parses a bracketed marker; open is the byte length of the
// opening bracket.
func parenMarker(s string, open int, prev *Marker) (Marker, int, bool) {
	i := open
	var buf [maxParenRunes + 2]rune
	inner := buf[:0]
	for {
		r, w := utf8.DecodeRuneInString(s[i:])
		if w == 0 || len(inner) > maxParenRunes {
			return Marker{}, 0, false
		}
		i += w
		if r == ')' || r == '）' {
			break
		}
		inner = append(inner, r)
	}
	if len(inner) == 0 {
		return Marker{}, 0, false
	}
	var m Marker
	switch {
	case allRunes(inner, func(r rune) bool { return lowerLetter(r) != 0 }):
		word := make([]byte, len(inner))
		for k, r := range inner {
			word[k] = byte(lowerLetter(r))
		}
		letter := string(word)
		if len(word) > 1 {
			v, ok := ParseRoman(letter)
			if !ok || v > maxRoman {
				return Marker{}, 0, false
			}
			m = Marker{Ordinal: v, Style: StyleRoman}
			break
		}
		ord := int(word[0]-'a') + 1
		afterLetter := prev != nil && prev.Style == StyleLetter && prev.Ordinal == ord-1
		if strings.Contains("ivx", letter) && !afterLetter {
			v, _ := ParseRoman(letter)
			m = Marker{Ordinal: v, Style: StyleRoman}
			break
		}
		m = Marker{Label: letter, Ordinal: ord, Style: StyleLetter}
	case allRunes(inner, func(r rune) bool { return digitValue(r) >= 0 }):
		v, ok := ChineseNumber(string(inner))
		if !ok || len(inner) > 2 || v < 1 || v > 20 {
			return Marker{}, 0, false
		}
		m = Marker{Ordinal: v, Style: StyleParenDigit}
	default:
		if !allRunes(inner, isCJKNumeral) {
			return Marker{}, 0, false
		}
		v, ok := ChineseNumber(string(inner))
		if !ok || v < 1 || v > maxParenValue {
			return Marker{}, 0, false
		}
		m = Marker{Ordinal: v, Style: StyleFullParenCJK}
	}
	return m, i, true
}

// digitDotMarker parses "12." followed by a space, a CJK character or the end.
func digitDotMarker(s string) (Marker, int, bool) {
	i, v, digits := 0, 0, 0
	for digits <= 3 {
		r, w := utf8.DecodeRuneInString(s[i:])
		d := digitValue(r)
		if d < 0 {
			break
		}
		v = v*10 + d
		digits++
		i += w
	}
	if digits == 0 || digits > 3 || v == 0 {
		return Marker{}, 0, false
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if r != '.' && r != '．' {
		return Marker{}, 0, false
	}
	i += w
	if next, _ := utf8.DecodeRuneInString(s[i:]); i < len(s) && (!isSpace(next) && !isCJK(next) || digitValue(next) >= 0) {
		return Marker{}, 0, false
	}
	return Marker{Marker: s[:i], Label: strconv.Itoa(v), Ordinal: v, Style: StyleDigitDot}, i, true
}

// cjkCommaMarker parses "一、" … "九十九、".
func cjkCommaMarker(s string) (Marker, int, bool) {
	i := 0
	for {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isCJKNumeral(r) || i >= maxCommaBytes {
			break
		}
		i += w
	}
	v, ok := ChineseNumber(s[:i])
	if !ok || v < 1 || !strings.HasPrefix(s[i:], "、") {
		return Marker{}, 0, false
	}
	n := i + len("、")
	return Marker{Marker: s[:n], Label: strconv.Itoa(v), Ordinal: v, Style: StyleCJKComma}, n, true
}

// refersBack reports whether the text right after a bracketed marker shows
// that the marker is a reference, as in "(a)分段", "(b)项" or "(a)和(b)".
func refersBack(s string) bool {
	for _, p := range []string{"段", "分段", "款", "条", "节", "号", "、"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	if strings.HasPrefix(s, "项") && !strings.HasPrefix(s, "项目") {
		return true
	}
	for _, p := range []string{"和", "至", "或", "及", "与"} {
		if strings.HasPrefix(s, p) {
			r, _ := utf8.DecodeRuneInString(s[len(p):])
			if r == '(' || r == '（' || r >= 0x3220 && r <= 0x3229 || r >= 0x2474 && r <= 0x2487 {
				return true
			}
		}
	}
	return false
}

func allRunes(rs []rune, f func(rune) bool) bool {
	for _, r := range rs {
		if !f(r) {
			return false
		}
	}
	return true
}

// FindMarkers returns the byte offsets in s where markers of the given style
// start, including one at offset 0, in order. Bracketed, digit-dot and
// comma markers must stand at a boundary (start of s, after a space or after
// punctuation); ㈠ and ⑴ may stand anywhere. Markers that read as references
// ("(a)分段") are skipped.
func FindMarkers(s string, style Style) []int {
	var offs []int
	var prev *Marker
	var before rune // rune before i, 0 at the start
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if mayStartMarker(r, style) && atBoundary(before, r, style) {
			if m, n, ok := markerAt(s[i:], prev); ok {
				prev = &m
				if m.Style == style {
					offs = append(offs, i)
					before, _ = utf8.DecodeLastRuneInString(s[:i+n])
					i += n
					continue
				}
			}
		}
		before = r
		i += w
	}
	return offs
}

// mayStartMarker reports whether a marker of style can start with r.
func mayStartMarker(r rune, style Style) bool {
	switch style {
	case StyleParenIdeograph:
		return r >= 0x3220 && r <= 0x3229
	case StyleParenDigit:
		return r >= 0x2474 && r <= 0x2487 || r == '(' || r == '（'
	case StyleLetter, StyleRoman, StyleFullParenCJK:
		return r == '(' || r == '（'
	case StyleDigitDot:
		return digitValue(r) >= 0
	case StyleCJKComma:
		return isCJKNumeral(r)
	}
	return false
}

// atBoundary reports whether a marker starting with r may follow before.
func atBoundary(before, r rune, style Style) bool {
	if before == 0 || isSpace(before) {
		return true
	}
	if r >= 0x3220 && r <= 0x3229 || r >= 0x2474 && r <= 0x2487 {
		return true
	}
	switch style {
	case StyleDigitDot:
		return false
	case StyleCJKComma:
		return !IsHan(before) && !isLatinAlnum(before)
	}
	// Brackets: not glued to Latin text, as in "A/69/6(a)".
	return !isLatinAlnum(before) && before != '/' && before != '-' && before != '.' && before != ')'
}
