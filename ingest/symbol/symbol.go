// Package symbol parses and normalises UN document symbols, language codes
// and the citations of UN documents and resolutions in Chinese text.
package symbol

import (
	"errors"
	"fmt"
	"strings"
)

// Symbol is a parsed UN document symbol. The zero value is "no symbol".
// Symbols are comparable; two spellings of one symbol (case, spacing,
// full-width brackets) parse to equal values.
type Symbol struct {
	s string // canonical printed form
}

// MaxLen is the longest input Parse accepts, in bytes.
const MaxLen = 200

// Errors returned by Parse, wrapped with detail.
var (
	ErrEmpty   = errors.New("empty symbol")
	ErrInvalid = errors.New("invalid symbol")
)

// words outside parentheses that keep a mixed-case spelling; all other
// letters are upper case.
var mixedWords = map[string]string{
	"rev": "Rev", "add": "Add", "corr": "Corr", "amend": "Amend",
	"sub": "Sub", "agenda": "Agenda", "summary": "Summary", "misc": "Misc",
	"suppl": "Suppl",
}

// words inside parentheses; the ones marked with a dot are abbreviations.
var parenWords = map[string]string{
	"sect": "Sect.", "prog": "Prog.", "vol": "Vol.", "chap": "Chap.",
	"suppl": "Suppl.", "no": "No.", "part": "Part", "resumption": "Resumption",
	"supplement": "Supplement", "or": "OR",
}

// Parse reads a symbol such as "A/69/6/Rev.1", "a/70/6(sect.9)",
// "S/RES/2623(2022)", "A/RES/49/35A" or "（A/69/5/Add.12）" and returns it
// in canonical form. Surrounding brackets are dropped.
func Parse(in string) (Symbol, error) {
	if len(in) > MaxLen {
		return Symbol{}, fmt.Errorf("%w: longer than %d bytes", ErrInvalid, MaxLen)
	}
	s := collapseSpaces(narrow(in))
	s = stripOuterBrackets(s)
	if s == "" {
		return Symbol{}, ErrEmpty
	}
	comps, err := splitComponents(s)
	if err != nil {
		return Symbol{}, fmt.Errorf("%w %q: %v", ErrInvalid, in, err)
	}
	if len(comps) < 2 {
		return Symbol{}, fmt.Errorf("%w %q: needs at least two parts separated by /", ErrInvalid, in)
	}
	var b strings.Builder
	for i, c := range comps {
		head, err := normHead(c.head, i, i == len(comps)-1)
		if err != nil {
			return Symbol{}, fmt.Errorf("%w %q: %v", ErrInvalid, in, err)
		}
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(head)
		for _, p := range c.parens {
			np, err := normParen(p)
			if err != nil {
				return Symbol{}, fmt.Errorf("%w %q: %v", ErrInvalid, in, err)
			}
			b.WriteString(" (")
			b.WriteString(np)
			b.WriteByte(')')
		}
	}
	return Symbol{s: b.String()}, nil
}

// MustParse is Parse for constants in tests and tables; it panics on error.
func MustParse(s string) Symbol {
	sym, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return sym
}

// String returns the canonical printed form, e.g. "A/70/6 (Sect. 9)".
func (s Symbol) String() string { return s.s }

// IsZero reports whether s is the zero Symbol.
func (s Symbol) IsZero() bool { return s.s == "" }

// Key returns a join key that ignores case and spacing: two symbols that
// the UN services treat as the same document have the same key.
func (s Symbol) Key() string {
	return strings.ToUpper(strings.ReplaceAll(s.s, " ", ""))
}

// Compact returns the canonical form without the space before
// parentheticals, e.g. "A/RES/2758(XXVI)", a spelling some services want.
func (s Symbol) Compact() string {
	return strings.ReplaceAll(s.s, " (", "(")
}

// Kind returns "resolution" when the symbol has a RES part, "decision" when
// it has a DEC part, and "document" otherwise.
func (s Symbol) Kind() string {
	for _, p := range strings.Split(s.s, "/") {
		switch p {
		case "RES":
			return "resolution"
		case "DEC":
			return "decision"
		}
	}
	return "document"
}

// FileName returns the file name the UN Library uses for the symbol in a
// language, e.g. "A_69_6_Rev.1-ZH.pdf" or "A_70_6_(Sect._9)-ZH.pdf".
func (s Symbol) FileName(lang string) string {
	return s.FileNameExt(lang, "pdf")
}

// FileNameExt is FileName with another extension (without the dot).
func (s Symbol) FileNameExt(lang, ext string) string {
	code, err := ParseLang(lang)
	if err != nil {
		code = lang
	}
	return fileRepl.Replace(s.s) + "-" + strings.ToUpper(code) + "." + ext
}

var fileRepl = strings.NewReplacer(" ", "_", "/", "_", "*", "!", ":", "#", ";", "%", "[", "^", "]", "^")

// FromFileName reverses FileName for fixture and archive names such as
// "A_69_6_Rev.1-ZH.pdf": it returns the symbol, the language and true, or
// false when the name does not have that shape. A final one-letter part
// after a number is read as a letter suffix ("A_RES_49_35_A" is A/RES/49/35 A).
func FromFileName(name string) (Symbol, string, bool) {
	dash := strings.LastIndexByte(name, '-')
	if dash <= 0 {
		return Symbol{}, "", false
	}
	code := name[dash+1:]
	if i := strings.IndexByte(code, '.'); i >= 0 {
		code = code[:i]
	}
	lang, err := ParseLang(code)
	if err != nil {
		return Symbol{}, "", false
	}
	var b strings.Builder
	depth := 0
	base := name[:dash]
	for i := 0; i < len(base); i++ {
		c := base[i]
		switch {
		case c == '(':
			depth++
			b.WriteByte(c)
		case c == ')':
			depth--
			b.WriteByte(c)
		case c == '_' && (depth > 0 || i+1 < len(base) && base[i+1] == '(' || strings.HasSuffix(base[:i], "_Part")):
			// spaces: inside and before parentheses, and in "Part A"
			b.WriteByte(' ')
		case c == '_':
			b.WriteByte('/')
		case c == '!':
			b.WriteByte('*')
		default:
			b.WriteByte(c)
		}
	}
	raw := b.String()
	if i := strings.LastIndexByte(raw, '/'); i > 0 && len(raw)-i == 2 && isLetter(raw[i+1]) {
		if j := strings.LastIndexByte(raw[:i], '/'); j >= 0 && allDigits(raw[j+1:i]) {
			raw = raw[:i] + " " + raw[i+1:]
		}
	}
	sym, err := Parse(raw)
	if err != nil {
		return Symbol{}, "", false
	}
	return sym, lang, true
}

// MarshalText makes a Symbol encode as its canonical string.
func (s Symbol) MarshalText() ([]byte, error) { return []byte(s.s), nil }

// UnmarshalText parses a symbol; an empty text gives the zero Symbol.
func (s *Symbol) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = Symbol{}
		return nil
	}
	sym, err := Parse(string(b))
	if err != nil {
		return err
	}
	*s = sym
	return nil
}

type component struct {
	head   string
	parens []string
}

// splitComponents cuts s at top-level slashes and pulls parentheticals out
// of each part.
func splitComponents(s string) ([]component, error) {
	var out []component
	var cur component
	var text strings.Builder
	depth := 0
	var paren strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(':
			if depth > 0 {
				return nil, errors.New("nested parentheses")
			}
			depth = 1
			paren.Reset()
		case c == ')':
			if depth == 0 {
				return nil, errors.New("unbalanced )")
			}
			depth = 0
			cur.parens = append(cur.parens, paren.String())
		case depth > 0:
			paren.WriteByte(c)
		case c == '/':
			cur.head = strings.TrimSpace(text.String())
			out = append(out, cur)
			cur = component{}
			text.Reset()
		default:
			if len(cur.parens) > 0 && c != ' ' {
				// A letter after the year or session is moved before it:
				// "377(V)A" is written "377 A (V)".
				rest := strings.TrimSpace(s[i:])
				if len(rest) == 1 && isLetter(rest[0]) {
					text.WriteByte(' ')
					text.WriteByte(rest[0])
					i = len(s)
					continue
				}
				return nil, errors.New("text after a parenthetical")
			}
			text.WriteByte(c)
		}
	}
	if depth > 0 {
		return nil, errors.New("unbalanced (")
	}
	cur.head = strings.TrimSpace(text.String())
	out = append(out, cur)
	return out, nil
}

// normHead canonicalises one slash-separated part outside parentheses.
func normHead(h string, idx int, last bool) (string, error) {
	// Spaces around dots and hyphens come from tokenised text: "CN . 10".
	h = strings.ReplaceAll(h, " .", ".")
	h = strings.ReplaceAll(h, ". ", ".")
	h = strings.ReplaceAll(h, " -", "-")
	h = strings.ReplaceAll(h, "- ", "-")
	if h == "" {
		return "", errors.New("empty part")
	}
	// Letter suffix of a lettered resolution: "35 A", "35A", "35 a".
	if last && idx > 0 {
		t := strings.ReplaceAll(h, " ", "")
		if len(t) >= 2 && isLetter(t[len(t)-1]) && allDigits(t[:len(t)-1]) {
			return t[:len(t)-1] + " " + strings.ToUpper(t[len(t)-1:]), nil
		}
	}
	// A part of a document: "Part A", "part ii", "Part A*" (a footnote mark
	// is kept, as on other parts).
	if w, x, ok := strings.Cut(h, " "); ok && strings.EqualFold(w, "part") {
		if l := strings.TrimRight(x, "*"); len(l) <= 4 && allLetters(l) {
			return "Part " + strings.ToUpper(l) + x[len(l):], nil
		}
	}
	if strings.ContainsRune(h, ' ') {
		return "", fmt.Errorf("space inside %q", h)
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(isLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '*') {
			return "", fmt.Errorf("character %q in %q", c, h)
		}
	}
	if idx == 0 && !isLetter(h[0]) {
		return "", fmt.Errorf("first part %q must start with a letter", h)
	}
	// Placeholder numbers ("69/xxx") stay lower case.
	if idx > 0 && len(h) >= 2 && strings.Trim(strings.ToLower(h), "x") == "" {
		return strings.ToLower(h), nil
	}
	return caseWords(h, func(w string) string {
		if m, ok := mixedWords[strings.ToLower(w)]; ok {
			return m
		}
		return strings.ToUpper(w)
	}), nil
}

// normParen canonicalises the text inside one parenthetical: "sect.9" →
// "Sect. 9", "part i" → "Part I", "xxvi" → "XXVI".
func normParen(p string) (string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", errors.New("empty parentheses")
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !(isLetter(c) || isDigit(c) || c == '.' || c == ' ' || c == '-') {
			return "", fmt.Errorf("character %q in parentheses", c)
		}
	}
	// Split into words at spaces and after dots.
	fields := strings.FieldsFunc(strings.ReplaceAll(p, ".", ". "), func(r rune) bool { return r == ' ' })
	var words []string
	for _, f := range fields {
		if f == "." {
			if n := len(words); n > 0 && !strings.HasSuffix(words[n-1], ".") {
				words[n-1] += "."
			}
			continue
		}
		bare := strings.TrimSuffix(f, ".")
		if m, ok := parenWords[strings.ToLower(bare)]; ok && !isRoman(bare) {
			words = append(words, m)
			continue
		}
		if isLetter(bare[0]) && !isRoman(strings.ToUpper(bare)) && len(bare) > 1 && !strings.ContainsRune(bare, '-') {
			// Unknown word: capitalise it ("resumption" style).
			words = append(words, strings.ToUpper(bare[:1])+strings.ToLower(bare[1:])+strings.TrimPrefix(f, bare))
			continue
		}
		words = append(words, strings.ToUpper(f))
	}
	if len(words) == 0 {
		return "", errors.New("empty parentheses")
	}
	return strings.Join(words, " "), nil
}

// caseWords applies fn to each run of letters in s.
func caseWords(s string, fn func(string) string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isLetter(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		b.WriteString(fn(s[i:j]))
		i = j
	}
	return b.String()
}

// narrow maps full-width ASCII forms and the ideographic space to ASCII and
// any Unicode space to a plain space.
func narrow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteRune(r - 0xFF01 + 0x21)
		case r == 0x3000 || r == 0xA0 || r == '\t' || r == '\n' || r == '\r' || (r >= 0x2000 && r <= 0x200A) || r == 0x202F:
			b.WriteByte(' ')
		case r == 0x200B || r == 0xFEFF:
			// zero-width: drop
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func collapseSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// stripOuterBrackets removes one pair of brackets around the whole symbol,
// as in "(A/69/6/Rev.1)", but not a trailing parenthetical.
func stripOuterBrackets(s string) string {
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		inner := s[1 : len(s)-1]
		depth := 0
		for i := 0; i < len(inner); i++ {
			switch inner[i] {
			case '(':
				depth++
			case ')':
				depth--
				if depth < 0 {
					return s
				}
			}
		}
		if depth == 0 && strings.ContainsRune(inner, '/') {
			return strings.TrimSpace(inner)
		}
	}
	return s
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return s != ""
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'I', 'V', 'X', 'L', 'C':
		default:
			return false
		}
	}
	return true
}
