package masthead

import (
	"iter"
	"unicode"
	"unicode/utf8"

	"github.com/undoc/undoc/normalize"
)

// Language returns the language of text as an ISO 639-1 code ("zh", "en",
// "fr", "es", "ru", "ar", "ja", "ko"), read from the text itself: the
// script its letters are written in and, for Latin script, the commonest
// short words of English, French and Spanish. It returns "" when the text
// has too few letters to tell. One Chinese ideograph is counted as one
// word, so an English masthead does not outweigh a Chinese body, and a few
// Chinese words do not outweigh an English one.
func Language(text string) string {
	var t tally
	t.add(text)
	return t.language()
}

// LanguageOf is Language of the texts joined by line breaks, without
// joining them: a line break ends every word.
func LanguageOf(texts iter.Seq[string]) string {
	var t tally
	for s := range texts {
		t.add(s)
	}
	return t.language()
}

// Short words that are common in one language and rare in the others.
var latinMarkers = map[string]string{
	"the": "en", "and": "en", "of": "en", "to": "en", "is": "en", "for": "en", "with": "en", "that": "en",
	"les": "fr", "des": "fr", "et": "fr", "du": "fr", "le": "fr", "au": "fr", "aux": "fr", "une": "fr", "est": "fr",
	"los": "es", "las": "es", "el": "es", "y": "es", "del": "es", "para": "es", "una": "es", "es": "es", "con": "es",
}

// maxMarker is the length of the longest word in latinMarkers.
const maxMarker = 4

// latinOrder is the order in which latin languages win a tie.
var latinOrder = [...]string{"en", "fr", "es"}

// tally counts, in one pass over the text, the letters of each script, the
// words of Latin script and the latin marker words of each language.
type tally struct {
	han, kana, hangul, cyrillic, arabic, latinWords int
	markers                                         [len(latinOrder)]int
}

// add counts text as one line: no word runs on from the text before it.
func (t *tally) add(text string) {
	inLatin := false
	// the current word (a run of letters), lower-cased while it can still
	// be a marker
	inWord, marker := false, false
	var word [maxMarker]byte
	n := 0
	for i := 0; i < len(text); {
		var r rune
		var letter, latin bool
		var lower rune
		if c := text[i]; c < utf8.RuneSelf {
			i++
			r = rune(c)
			letter = 'a' <= c|0x20 && c|0x20 <= 'z'
			latin, lower = letter, rune(c|0x20)
		} else if normalize.HanAt(text[i:]) { // CJK Unified Ideographs: all Han letters
			i += 3
			t.han++
			letter, lower = true, utf8.RuneSelf // no marker's letter
			// after an ideograph the text is in a word that is no marker
			// and in no Latin run, whatever came before: the ideographs
			// that follow change nothing but the count
			for normalize.HanAt(text[i:]) {
				i += 3
				t.han++
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			if !punctuation(r) { // punctuation: no letter, no script
				t.script(r)
				letter, latin = unicode.IsLetter(r), unicode.Is(unicode.Latin, r)
				if letter {
					lower = unicode.ToLower(r)
				}
			}
		}
		if latin && !inLatin {
			t.latinWords++
		}
		inLatin = latin
		switch {
		case letter && !inWord:
			inWord, marker, n = true, true, 0
			fallthrough
		case letter:
			if inWord && !marker && !inLatin {
				break
			}
			if lower >= utf8.RuneSelf || n == maxMarker {
				marker = false
				break
			}
			word[n] = byte(lower)
			n++
		case inWord:
			inWord = false
			if marker {
				t.marker(word[:n])
			}
		}
	}
	if inWord && marker {
		t.marker(word[:n])
	}
}

// punctuation reports, without looking up Unicode tables, whether r is
// one of the punctuation marks of Chinese text (U+2010–U+2027, U+3001–U+3004,
// U+3008–U+3020 and the full-width ones): no letter, of no script that
// tally counts (TestTallyEveryRune checks every rune).
func punctuation(r rune) bool {
	return r >= 0x2010 && r <= 0x2027 || r >= 0x3001 && r <= 0x3004 || r >= 0x3008 && r <= 0x3020 ||
		r >= 0xFF01 && r <= 0xFF20 || r >= 0xFF3B && r <= 0xFF40 || r >= 0xFF5B && r <= 0xFF64
}

// script counts a letter of a script other than Latin.
func (t *tally) script(r rune) {
	switch {
	case unicode.Is(unicode.Han, r):
		t.han++
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		t.kana++
	case unicode.Is(unicode.Hangul, r):
		t.hangul++
	case unicode.Is(unicode.Cyrillic, r):
		t.cyrillic++
	case unicode.Is(unicode.Arabic, r):
		t.arabic++
	}
}

func (t *tally) marker(w []byte) {
	code, ok := latinMarkers[string(w)]
	if !ok {
		return
	}
	for i, c := range latinOrder {
		if c == code {
			t.markers[i]++
		}
	}
}

func (t *tally) language() string {
	// Cyrillic and Arabic words average about six letters.
	best, code := t.latinWords, "latin"
	for _, c := range []struct {
		n    int
		code string
	}{{t.han + t.kana, "zh"}, {t.hangul, "ko"}, {t.cyrillic / 6, "ru"}, {t.arabic / 6, "ar"}} {
		if c.n > best {
			best, code = c.n, c.code
		}
	}
	if best < 3 {
		return ""
	}
	switch code {
	case "zh":
		if t.kana*10 >= t.han+t.kana { // Japanese writes kana in every sentence
			return "ja"
		}
		return "zh"
	case "latin":
		return t.latinLanguage()
	}
	return code
}

// latinLanguage tells English, French and Spanish apart by their commonest
// short words; text with none of them is taken as English.
func (t *tally) latinLanguage() string {
	best, code := 0, "en"
	for i, c := range latinOrder {
		if t.markers[i] > best {
			best, code = t.markers[i], c
		}
	}
	return code
}
