package masthead

import (
	"strings"
	"unicode"
)

// Language returns the language of text as an ISO 639-1 code ("zh", "en",
// "fr", "es", "ru", "ar", "ja", "ko"), read from the text itself: the
// script its letters are written in and, for Latin script, the commonest
// short words of English, French and Spanish. It returns "" when the text
// has too few letters to tell. One Chinese ideograph is counted as one
// word, so an English masthead does not outweigh a Chinese body, and a few
// Chinese words do not outweigh an English one.
func Language(text string) string {
	var han, kana, hangul, cyrillic, arabic, latinWords int
	inLatin := false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		}
		latin := unicode.Is(unicode.Latin, r)
		if latin && !inLatin {
			latinWords++
		}
		inLatin = latin
	}
	// Cyrillic and Arabic words average about six letters.
	best, code := latinWords, "latin"
	for _, c := range []struct {
		n    int
		code string
	}{{han + kana, "zh"}, {hangul, "ko"}, {cyrillic / 6, "ru"}, {arabic / 6, "ar"}} {
		if c.n > best {
			best, code = c.n, c.code
		}
	}
	if best < 3 {
		return ""
	}
	switch code {
	case "zh":
		if kana*10 >= han+kana { // Japanese writes kana in every sentence
			return "ja"
		}
		return "zh"
	case "latin":
		return latinLanguage(text)
	}
	return code
}

// Short words that are common in one language and rare in the others.
var latinMarkers = map[string]string{
	"the": "en", "and": "en", "of": "en", "to": "en", "is": "en", "for": "en", "with": "en", "that": "en",
	"les": "fr", "des": "fr", "et": "fr", "du": "fr", "le": "fr", "au": "fr", "aux": "fr", "une": "fr", "est": "fr",
	"los": "es", "las": "es", "el": "es", "y": "es", "del": "es", "para": "es", "una": "es", "es": "es", "con": "es",
}

// latinLanguage tells English, French and Spanish apart by their commonest
// short words; text with none of them is taken as English.
func latinLanguage(text string) string {
	count := map[string]int{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if code, ok := latinMarkers[strings.ToLower(w)]; ok {
			count[code]++
		}
	}
	best, code := 0, "en"
	for _, c := range []string{"en", "fr", "es"} {
		if count[c] > best {
			best, code = count[c], c
		}
	}
	return code
}
