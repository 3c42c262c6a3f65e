package normalize

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestIsSpace checks isSpace's quick answer above U+3000 against
// unicode.IsSpace on every rune, so that a new Unicode table cannot make
// them differ unnoticed.
func TestIsSpace(t *testing.T) {
	spaces := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("isSpace(%U) = %v, unicode.IsSpace says %v", r, got, want)
		}
		if isSpace(r) {
			spaces++
		}
	}
	// tab, LF, VT, FF, CR, space, U+0085, U+00A0, U+1680, U+2000–U+200A,
	// U+2028, U+2029, U+202F, U+205F, U+3000
	if spaces != 25 {
		t.Errorf("%d white-space runes, want 25", spaces)
	}
}

// TestHanAt checks HanAt against utf8.DecodeRuneInString on every sequence
// of one, two and three bytes.
func TestHanAt(t *testing.T) {
	check := func(s string) {
		r, w := utf8.DecodeRuneInString(s)
		if want := w == 3 && r >= 0x4E00 && r <= 0x9FFF; HanAt(s) != want {
			t.Fatalf("HanAt(%+q) = %v, want %v", s, !want, want)
		}
	}
	var b [3]byte
	for x := 0; x < 1<<24; x++ {
		b[0], b[1], b[2] = byte(x>>16), byte(x>>8), byte(x)
		check(string(b[:]))
		if x&0xFF == 0 {
			check(string(b[:2]))
		}
		if x&0xFFFF == 0 {
			check(string(b[:1]))
		}
	}
}
