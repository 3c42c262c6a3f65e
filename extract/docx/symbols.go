package docx

import (
	"strconv"
	"strings"
)

// Symbol fonts put their glyphs at 0xF020-0xF0FF (or 0x20-0xFF). These are
// the characters of the Symbol and Wingdings glyphs that UN documents use
// (bullets, arrows, checks, Greek letters, relations).
var symbolFont = map[rune]rune{
	0xB7: '•', 0xB0: '°', 0xB1: '±', 0xB4: '×', 0xB8: '÷', 0xA3: '≤', 0xB3: '≥',
	0xAE: '→', 0xAC: '←', 0xAD: '↑', 0xAF: '↓', 0xDE: '⇒', 0x2D: '−', 0xB9: '≠',
	0xBB: '≈', 0xA5: '∞', 0xD7: '·', 0x6D: 'μ', 0x70: 'π', 0x61: 'α', 0x62: 'β',
	0x67: 'γ', 0x64: 'δ', 0x44: 'Δ', 0x53: 'Σ', 0x73: 'σ', 0x57: 'Ω', 0x77: 'ω',
	0xA2: '′', 0xB2: '″', 0xE3: '©', 0xE2: '®', 0xD2: '®', 0xD3: '©', 0xE4: '™',
}

var wingdings = map[rune]rune{
	0xA7: '▪', 0x6C: '●', 0x6E: '■', 0x71: '❑', 0x76: '❖', 0xD8: '➢', 0xFC: '✓',
	0xFB: '✗', 0xFE: '☑', 0xA8: '◻', 0x9F: '•', 0xE0: '→', 0xE8: '➔', 0x77: '◆', 0x75: '◆',
}

// symbolChar is the character a w:sym (or a symbol-font character) shows:
// font is the w:font, code its character code. ok is false for a glyph
// not known here.
func symbolChar(font string, code rune) (string, bool) {
	f := strings.ToLower(font)
	c := code
	if c >= 0xF000 && c <= 0xF0FF {
		c -= 0xF000
	} else if !strings.Contains(f, "symbol") && !strings.Contains(f, "wingding") && !strings.Contains(f, "webding") {
		return string(code), code >= 0x20
	}
	switch {
	case strings.Contains(f, "wingding"):
		if r, ok := wingdings[c]; ok {
			return string(r), true
		}
	case strings.Contains(f, "symbol"), f == "":
		if r, ok := symbolFont[c]; ok {
			return string(r), true
		}
		if c >= 0x20 && c < 0x7F && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') {
			return string(c), true // digits and punctuation are themselves
		}
	}
	return "", false
}

// parseSym reads a w:sym's w:char (hexadecimal).
func parseSym(s string) (rune, bool) {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 16, 32)
	if err != nil || v == 0 || v > 0x10FFFF {
		return 0, false
	}
	return rune(v), true
}

// mapSymbols replaces the symbol-font characters (U+F000-U+F0FF) in s by
// what they show; unknown ones become a bullet.
func mapSymbols(s, font string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xF000 && r <= 0xF0FF }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 0xF000 && r <= 0xF0FF {
			if m, ok := symbolChar(font, r); ok {
				b.WriteString(m)
			} else {
				b.WriteRune('•')
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
