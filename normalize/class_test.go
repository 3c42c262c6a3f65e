package normalize

import (
	"testing"
	"unicode"
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
