package normalize

import "unicode"

// IsHan reports whether r is a CJK ideograph, radical or compatibility ideograph.
func IsHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// AllHan reports whether s is not empty and holds only ideographs (IsHan).
func AllHan(s string) bool {
	for _, r := range s {
		if !IsHan(r) {
			return false
		}
	}
	return s != ""
}

// HanAt reports whether s begins with an ideograph of U+4E00–U+9FFF, the
// CJK Unified Ideographs that make up Chinese text, reading its three
// UTF-8 bytes without decoding the rune: a quick path for loops over text.
func HanAt(s string) bool {
	return len(s) >= 3 && (s[0] >= 0xE5 && s[0] <= 0xE9 || s[0] == 0xE4 && s[1] >= 0xB8) &&
		s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80
}

// isCJK reports whether r belongs to East Asian text: ideographs, kana,
// hangul, CJK punctuation, full-width forms, enclosed numbers (㈠, ⑴) and
// the quotes and dashes Chinese typesetting uses.
func isCJK(r rune) bool {
	switch {
	case r < 0xB7:
		return false
	case r == 0xB7: // middle dot in transliterated names
		return true
	case r < 0x2010:
		return false
	case r >= 0x2014 && r <= 0x2027: // — ‘ ’ “ ” … ‧
		return r != 0x2020 && r != 0x2021 && r != 0x2022
	case r >= 0x2460 && r <= 0x24FF: // ① ⑴ ⒈
		return true
	case r >= 0x2E80 && r <= 0x2FFF: // radicals, ideographic description
		return true
	case r >= 0x3000 && r <= 0x33FF: // CJK punctuation, kana, bopomofo, enclosed CJK
		return true
	case r >= 0xAC00 && r <= 0xD7AF: // hangul
		return true
	case r >= 0xFE10 && r <= 0xFE1F, r >= 0xFE30 && r <= 0xFE4F: // vertical and compatibility forms
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width and half-width forms
		return true
	}
	return IsHan(r)
}

// isSpace reports whether r is white space, including U+3000. It is
// unicode.IsSpace with a quick answer for the runes above U+3000 (all of
// Chinese text but its spaces), none of which is white space:
// TestIsSpace checks every rune against unicode.IsSpace.
func isSpace(r rune) bool {
	if r > 0x3000 {
		return false
	}
	return unicode.IsSpace(r)
}

// digitValue returns the value of an ASCII or full-width digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 0xFF10 && r <= 0xFF19:
		return int(r - 0xFF10)
	}
	return -1
}

// lowerLetter returns the ASCII lower-case letter for an ASCII or full-width
// lower-case letter, or 0.
func lowerLetter(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return r
	case r >= 0xFF41 && r <= 0xFF5A:
		return r - 0xFF41 + 'a'
	}
	return 0
}

// isLatinAlnum reports whether r is an ASCII or full-width letter or digit.
func isLatinAlnum(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
		return true
	}
	return false
}
