package symbol

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Citation is one mention of a UN document, resolution or decision in text.
type Citation struct {
	Text   string // as printed
	Symbol string // canonical symbol, "" when it cannot be told safely
	Kind   string // "document", "resolution" or "decision"
	Start  int    // byte offset of Text in the input
	End    int    // byte offset just past Text
}

// Kinds of citation.
const (
	KindDocument   = "document"
	KindResolution = "resolution"
	KindDecision   = "decision"
)

const (
	ws    = `[\s\x{3000}]*`
	slash = `[/／]`
	open  = `[(（]`
	close = `[)）]`
	// one number in a 第…号决议 list
	item = `(?:(?:E?S-\d{1,2})` + ws + slash + ws + `\d{1,4}` + // special session: S-8/1, ES-11/1
		`|\d{1,5}(?:` + ws + `[A-H])?` + ws + open + ws + `(?:\d{4}|E?S-[IVXLC]+|[IVXLC]+)` + ws + close + // 2623(2022), 377 A(V)
		`|\d{1,4}` + ws + slash + ws + `(?:\d{1,4}|x{2,4})(?:` + ws + `[A-H]\b)?` + // 69/17, 49/35 A, 69/xxx
		`|\d{1,5})` // bare number
	sep = `(?:以及|和|及|与|、|,|，|至|到)`
)

// The expressions of Chinese resolution citations are compiled the first
// time a text has 号 in it: the largest of the package, they cost every
// process's start (and every English document) a millisecond or more.
var (
	// 第69/17号决议, 第 69/137 和 69/15 号决议, with spaces or line breaks anywhere.
	resPhrase = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`第` + ws + item + `(?:` + ws + sep + ws + `(?:第` + ws + `)?` + item + `)*` +
			ws + `[号號]` + ws + `[决決]` + ws + `([议議定])`)
	})
	resItem = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(
			`(E?S-\d{1,2})` + ws + slash + ws + `(\d{1,4})` +
				`|(\d{1,5})(?:` + ws + `([A-H]))?` + ws + open + ws + `(\d{4}|E?S-[IVXLC]+|[IVXLC]+)` + ws + close +
				`|(\d{1,4})` + ws + slash + ws + `(\d{1,4}|x{2,4})(?:` + ws + `([A-H])\b)?` +
				`|(\d{1,5})`)
	})
	trailDate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\d{4}` + ws + `年(?:` + ws + `\d{1,2}` + ws + `月(?:` + ws + `\d{1,2}` + ws + `日)?)?` + ws + `$`)
	})
)

var (

	// A Latin symbol: a series code, slash-separated parts (spaces allowed
	// around "/" and "." as in tokenised text), parentheticals, modifiers.
	docComp   = `(?:(?i:part) [A-Z]{1,4}\b|[A-Za-z0-9]+(?: ?[.\-] ?[A-Za-z0-9]+)*)\*?`
	docParen  = ` ?` + open + ` ?(?:(?i:sect|prog|part|vol|chap|suppl|resumption)\.? ?[0-9IVXLC]+|\d{4}|E?S-[IVXLC]+|[IVXLC]+|OR)` + ` ?` + close
	docSymbol = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[A-Z][A-Z0-9]*(?:\.\d+)?(?: ?` + slash + ` ?` + docComp + `)+(?:` + docParen + `(?: ?` + slash + ` ?` + docComp + `)*)*`)
	})
	urlSpan = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s\x{3000}，。；、）)“”]+`)
	})
)

// series codes that open a document symbol; any other code is accepted only
// in brackets or before 号文件.
var seriesCodes = map[string]bool{
	"A": true, "S": true, "E": true, "T": true, "ST": true, "TD": true, "DP": true, "UNEP": true,
	"CRC": true, "CEDAW": true, "CCPR": true, "CERD": true, "CAT": true, "CMW": true, "CRPD": true,
	"CED": true, "HRI": true, "ICCD": true, "FCCC": true, "ISBA": true, "SPLOS": true, "UNW": true,
	"JIU": true, "IDB": true, "ACC": true, "ITLOS": true, "CTBT": true,
}

// body is an organ whose name may stand before 第…号决议.
type body struct {
	name string
	code string // symbol prefix; "" means the organ's symbols cannot be told from text
}

var bodies = []body{
	{"大会", "A"}, {"联合国大会", "A"}, {"联大", "A"},
	{"安全理事会", "S"}, {"安理会", "S"},
	{"经济及社会理事会", "E"}, {"经社理事会", "E"}, {"经济社会理事会", "E"},
	{"人权理事会", "A/HRC"},
	// Organs that pass numbered resolutions without their own symbol
	// series, or whose series is not regular enough to guess: ESCWA's
	// 315(XXVIII) is printed in its session report, not as a RES symbol.
	{"西亚经济社会委员会", ""}, {"西亚经社会", ""},
	{"亚洲及太平洋经济社会委员会", ""}, {"亚太经社会", ""},
	{"拉丁美洲和加勒比经济委员会", ""}, {"拉加经委会", ""},
	{"非洲经济委员会", ""}, {"非洲经委会", ""},
	{"欧洲经济委员会", ""}, {"欧洲经委会", ""},
	{"人权委员会", ""}, {"缔约方大会", ""}, {"卫生大会", ""}, {"执行局", ""},
	{"委员会", ""}, {"理事会", ""}, {"会议", ""},
}

// FindCitations returns the citations in Chinese text, in order: resolutions
// and decisions cited by number (第69/17号决议, 安全理事会第2623(2022)号决议,
// 第69/137和69/15号决议 gives two) and document symbols in brackets or
// before 号文件 ((A/69/6/Rev.1), （A/69/5/Add.12）, A/69/6/Rev.1 号文件).
// Spaces and line breaks inside a citation are allowed. Symbols inside
// links (http://undocs.org/ch/...) are not citations: use FromURL on links.
//
// The body of a resolution is the nearest organ named before it in the same
// clause; without one, the shape of the number decides (69/17 is the
// General Assembly, 2014/35 the Economic and Social Council, 2623(2022) the
// Security Council). Citations of organs whose symbols cannot be told
// (regional commissions, other committees) keep Symbol "".
func FindCitations(text string) []Citation {
	// Cheap checks first: most text cites nothing, and the regular
	// expressions below have no literal prefix to search for. Every
	// citation holds an ASCII digit: a resolution's number, or the digit
	// documentCitation requires of a symbol.
	if !hasDigit(text) {
		return nil
	}
	var out []Citation
	if strings.Contains(text, "号") || strings.Contains(text, "號") {
		for _, m := range resPhrase().FindAllStringSubmatchIndex(text, -1) {
			out = append(out, resolutionCitations(text, m)...)
		}
	}
	if !strings.Contains(text, "/") && !strings.Contains(text, "／") || !hasUpper(text) {
		return out // every document symbol has a slash and opens with A–Z
	}
	var urls [][]int
	if strings.Contains(text, "://") || containsWWW(text) {
		urls = urlSpan().FindAllStringIndex(text, -1)
	}
	for _, m := range docSymbol().FindAllStringIndex(text, -1) {
		if c, ok := documentCitation(text, m[0], m[1], urls); ok {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// hasDigit reports whether text holds an ASCII digit, as
// strings.ContainsAny(text, "0123456789") does, in fewer instructions.
func hasDigit(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i]-'0' <= 9 {
			return true
		}
	}
	return false
}

// hasUpper reports whether text holds an ASCII capital letter.
func hasUpper(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= 'A' && text[i] <= 'Z' {
			return true
		}
	}
	return false
}

// containsWWW reports whether text holds "www." in any case, as
// strings.Contains(strings.ToLower(text), "www.") does, without lowering
// the text.
func containsWWW(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if text[i+3] == '.' && text[i]|0x20 == 'w' && text[i+1]|0x20 == 'w' && text[i+2]|0x20 == 'w' {
			return true
		}
	}
	return false
}

func resolutionCitations(text string, m []int) []Citation {
	start, end := m[0], m[1]
	kind := KindResolution
	if text[m[2]:m[3]] == "定" {
		kind = KindDecision
	}
	phrase := text[start:end]
	bodyCode, named := findBody(text[:start])
	items := resItem().FindAllStringSubmatchIndex(phrase, -1)
	// The phrase regexp already checked the list shape; items found after
	// the 号 would be numbers in what follows, which cannot happen since the
	// phrase ends at 决议.
	var out []Citation
	for k, it := range items {
		g := func(n int) string {
			if it[2*n] < 0 {
				return ""
			}
			return phrase[it[2*n]:it[2*n+1]]
		}
		sym := resolutionSymbol(kind, bodyCode, named, g)
		cs, ce := start+it[0], start+it[1]
		if k == 0 {
			cs = start
		}
		if k == len(items)-1 {
			ce = end
		}
		out = append(out, Citation{Text: text[cs:ce], Symbol: sym, Kind: kind, Start: cs, End: ce})
	}
	return out
}

// resolutionSymbol builds the symbol for one numbered item. g(n) is the
// n-th capture of resItem.
func resolutionSymbol(kind, bodyCode string, named bool, g func(int) string) string {
	if named && bodyCode == "" {
		return ""
	}
	var shape, raw string
	switch {
	case g(1) != "": // special session S-8/1
		shape, raw = "ga", g(1)+"/"+g(2)
	case g(3) != "": // number with a parenthetical
		p := g(5)
		num := g(3)
		if g(4) != "" {
			num += " " + g(4)
		}
		raw = num + " (" + p + ")"
		if len(p) == 4 && isDigit(p[0]) {
			shape = "sc"
		} else {
			shape = "roman"
		}
	case g(6) != "": // session/number
		raw = g(6) + "/" + g(7)
		if g(8) != "" {
			raw += " " + g(8)
		}
		if n, _ := strconv.Atoi(g(6)); n >= 1946 {
			shape = "yearly"
		} else {
			shape = "ga"
		}
	default: // a bare number: body unknown from the shape alone
		return ""
	}
	code := bodyCode
	switch {
	case code == "S" && shape == "sc":
	case code == "A" && (shape == "ga" || shape == "roman"):
	case code == "E" && (shape == "yearly" || shape == "roman"):
	case code == "A/HRC" && shape == "ga":
	default:
		// No organ named, or one whose symbols never have this shape: the
		// shape decides.
		switch shape {
		case "sc":
			code = "S"
		case "yearly":
			code = "E"
		default:
			code = "A"
		}
	}
	series := "RES"
	if kind == KindDecision {
		if code == "S" || shape == "roman" {
			return "" // no numbered decision symbols
		}
		series = "DEC"
		if strings.Contains(raw, " ") {
			return ""
		}
	}
	sym, err := Parse(code + "/" + series + "/" + raw)
	if err != nil {
		return ""
	}
	return sym.String()
}

// findBody looks back from a citation to the nearest organ named in the same
// clause. named is false when no organ is named there.
func findBody(before string) (code string, named bool) {
	// Look at most 80 characters back, and not past the end of a clause.
	n := 0
	i := len(before)
	for i > 0 && n < 80 {
		switch {
		case before[i-1] < utf8.RuneSelf:
			i--
		case i >= 3 && hanEnd(before[:i]): // an ideograph, without decoding
			i -= 3
		default:
			_, size := utf8.DecodeLastRuneInString(before[:i])
			i -= size
		}
		n++
	}
	win := before[i:]
	if k := strings.LastIndexAny(win, "。；;！？!?"); k >= 0 {
		win = win[k:]
	}
	// An organ directly before 第 (a date may sit between) wins, even an
	// unknown one.
	direct := strings.TrimRight(win, " \t\r\n\u3000")
	if endsDate(direct) {
		direct = strings.TrimRight(trailDate().ReplaceAllString(direct, ""), " \t\r\n\u3000")
	}
	bestEnd, bestLen := -1, 0
	for _, b := range bodies {
		if strings.HasSuffix(direct, b.name) && len(b.name) > bestLen {
			code, named, bestLen = b.code, true, len(b.name)
		}
	}
	if named {
		return code, true
	}
	// Otherwise the nearest known organ earlier in the clause; generic
	// words (委员会, 会议) there are not specific enough to overrule.
	for _, b := range bodies {
		if b.code == "" {
			continue
		}
		k := strings.LastIndex(win, b.name)
		if k < 0 {
			continue
		}
		e := k + len(b.name)
		if e > bestEnd || e == bestEnd && len(b.name) > bestLen {
			bestEnd, bestLen, code, named = e, len(b.name), b.code, true
		}
	}
	return code, named
}

// hanEnd reports whether s ends in an ideograph of U+4E00–U+9FFF, reading
// its three UTF-8 bytes (normalize.HanAt, from the end; ingest does not
// depend on normalize).
func hanEnd(s string) bool {
	n := len(s)
	return (s[n-3] >= 0xE5 && s[n-3] <= 0xE9 || s[n-3] == 0xE4 && s[n-2] >= 0xB8) &&
		s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80
}

// endsDate reports whether s, without the white space trailDate allows
// after a date, ends in 年, 月 or 日: the only texts trailDate can match.
func endsDate(s string) bool {
	s = strings.TrimRight(s, " \t\n\f\r\u3000")
	return strings.HasSuffix(s, "年") || strings.HasSuffix(s, "月") || strings.HasSuffix(s, "日")
}

func documentCitation(text string, s, e int, urls [][]int) (Citation, bool) {
	for _, u := range urls {
		if s < u[1] && e > u[0] {
			return Citation{}, false
		}
	}
	if s > 0 {
		c := text[s-1]
		if isLetter(c) || isDigit(c) || strings.IndexByte("/.-_:=?&%#@", c) >= 0 {
			return Citation{}, false
		}
	}
	raw := text[s:e]
	if !strings.ContainsAny(raw, "0123456789") {
		return Citation{}, false
	}
	first := raw
	if k := strings.IndexAny(first, " /／."); k >= 0 {
		first = first[:k]
	}
	if !seriesCodes[first] && !bracketed(text, s) && !beforeWenjian(text, e) {
		return Citation{}, false
	}
	sym, err := Parse(raw)
	if err != nil {
		return Citation{}, false
	}
	return Citation{Text: raw, Symbol: sym.String(), Kind: sym.Kind(), Start: s, End: e}, true
}

func bracketed(text string, s int) bool {
	t := strings.TrimRight(text[:s], " \u3000")
	return strings.HasSuffix(t, "(") || strings.HasSuffix(t, "（")
}

func beforeWenjian(text string, e int) bool {
	t := strings.TrimLeft(text[e:], " \t\r\n\u3000")
	return strings.HasPrefix(t, "号文件") || strings.HasPrefix(t, "號文件")
}
