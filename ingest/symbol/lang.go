package symbol

import (
	"fmt"
	"strings"
)

// Languages lists the language codes ParseLang returns: the six official
// languages and "ot" (other, German on the UN services).
var Languages = []string{"ar", "zh", "en", "fr", "ru", "es", "ot"}

var langNames = map[string]string{
	// Chinese: ISO code, ODS letter, the legacy undocs.org "ch" found in
	// links inside Chinese documents, and names.
	"zh": "zh", "c": "zh", "ch": "zh", "chinese": "zh", "zho": "zh", "chi": "zh",
	"zh-cn": "zh", "zh-hans": "zh", "中文": "zh",
	"en": "en", "e": "en", "english": "en", "eng": "en",
	"fr": "fr", "f": "fr", "french": "fr", "fra": "fr", "fre": "fr", "français": "fr",
	"es": "es", "s": "es", "spanish": "es", "spa": "es", "español": "es",
	"ru": "ru", "r": "ru", "russian": "ru", "rus": "ru",
	"ar": "ar", "a": "ar", "arabic": "ar", "ara": "ar",
	"ot": "ot", "o": "ot", "other": "ot", "de": "ot", "g": "ot", "german": "ot", "deu": "ot", "ger": "ot",
}

var odsLetters = map[string]string{"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S", "ot": "O"}

// ParseLang maps any language code seen on UN services or in UN documents
// to its ISO form: "zh", "C", "ch" and "chinese" all give "zh"; "E" gives
// "en", "S" gives "es", "A" gives "ar". Case does not matter.
func ParseLang(s string) (string, error) {
	code, ok := langNames[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return "", fmt.Errorf("unknown language code %q", s)
	}
	return code, nil
}

// ODSLang returns the one-letter code of the Official Document System
// ("C" for Chinese) for any code ParseLang accepts, or "" if unknown.
func ODSLang(s string) string {
	code, err := ParseLang(s)
	if err != nil {
		return ""
	}
	return odsLetters[code]
}

// UndocsLang returns the path code undocs.org and the documents.un.org API
// accept ("zh" for Chinese, never "ch") for any code ParseLang accepts, or
// "" if unknown.
func UndocsLang(s string) string {
	code, err := ParseLang(s)
	if err != nil {
		return ""
	}
	return code
}
