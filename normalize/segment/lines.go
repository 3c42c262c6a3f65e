package segment

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/normalize"
)

// line is an extracted line prepared for the recognisers.
type line struct {
	src    *extract.Line // the extracted line, shared with the input
	text   string        // folded, ends trimmed
	indent int           // leading spaces in the source line
	width  int           // display width: CJK counts two columns
	link   bool          // a hyperlink target printed where a page ends
	match  start         // what the line could open, before context
}

func (l *line) blank() bool { return l.text == "" }

func prepare(in []extract.Line, v *Vocab, fam family) []line {
	out := make([]line, len(in))
	for i := range in {
		l, src := &out[i], &in[i]
		l.src = src
		t := normalize.Fold(src.Text)
		trimmed := strings.TrimLeft(t, " \t")
		l.indent = len(t) - len(trimmed)
		l.text = trimSpace(trimmed)
		l.link = isLink(l.text)
		l.width = displayWidth(l.text)
		if !l.link {
			l.match = fam.match(v, l)
		}
	}
	mergeHeaderCells(out, v)
	objectiveHeadings(out, v)
	return out
}

// trimSpace is strings.TrimSpace, quick for the common line that begins
// and ends, before any ASCII white space, with an ASCII non-space, an
// ideograph or (at the end) CJK or full-width punctuation: runes past
// U+3000, none of them white space. TestTrimSpace checks it against
// strings.TrimSpace.
func trimSpace(s string) string {
	n := len(s)
	for n > 0 && (s[n-1] == ' ' || s[n-1] >= '\t' && s[n-1] <= '\r') {
		n--
	}
	if n == 0 {
		return s[:0]
	}
	startOK := s[0] > ' ' && s[0] < utf8.RuneSelf || normalize.HanAt(s)
	endOK := s[n-1] > ' ' && s[n-1] < utf8.RuneSelf ||
		n >= 3 && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80 &&
			(s[n-3] >= 0xE4 && s[n-3] <= 0xE9 && normalize.HanAt(s[n-3:]) || // an ideograph
				s[n-3] == 0xE3 && s[n-2] == 0x80 && s[n-1] >= 0x81 || // U+3001–U+303F
				s[n-3] == 0xEF && (s[n-2] == 0xBC || s[n-2] == 0xBD)) // U+FF00–U+FF7F
	if startOK && endOK {
		return s[:n]
	}
	return strings.TrimSpace(s)
}

// objectiveHeadings keeps an objective heading ("Objective", 目标) only
// where the objective follows it: the next line, after its paragraph
// number, opens with the objective's lead-in formula. The word alone is
// too common (a diagram's label, a table's row).
func objectiveHeadings(ls []line, v *Vocab) {
	for i := range ls {
		if ls[i].match.kind != kObjectiveHeading {
			continue
		}
		ok := false
		for j := i + 1; j < len(ls); j++ {
			if ls[j].blank() {
				continue
			}
			t := ls[j].text
			if ls[j].match.kind == kParagraph {
				t = ls[j].match.title
			}
			ok = v.re.objectiveLead != nil && v.re.objectiveLead.MatchString(t)
			break
		}
		if !ok {
			ls[i].match = start{}
			continue
		}
		lettered(ls, i)
	}
}

// lettered takes the line before an objective heading, when it is a
// lettered title ("(b) Right to development"), as the heading of a
// lettered component of the subprogramme: its parts each have their own
// objective.
func lettered(ls []line, i int) {
	for j := i - 1; j >= 0; j-- {
		if ls[j].blank() {
			continue
		}
		l := &ls[j]
		if l.match.kind != kNone && l.match.kind != kLayoutHeading || l.src.Table > 0 {
			return
		}
		m, rest, ok := normalize.ParseMarker(l.text, nil)
		if !ok || m.Style != normalize.StyleLetter || rest == "" || terminal(rest) || utf8.RuneCountInString(rest) > 80 {
			return
		}
		l.match = start{kind: kComponent, num: m.Ordinal, code: m.Label, title: rest}
		return
	}
}

// mergeHeaderCells joins a result table's header when layout gave it as two
// cells, "秘书处预期成绩" in column 1 and "绩效指标" in column 2 of one row:
// the first cell opens the table, the second is emptied.
func mergeHeaderCells(ls []line, v *Vocab) {
	for i := 0; i+1 < len(ls); i++ {
		a, b := &ls[i], &ls[i+1]
		if a.src.Table == 0 || a.src.Table != b.src.Table || a.src.Row != b.src.Row || a.src.Col != 1 || b.src.Col != 2 {
			continue
		}
		if v.resultsHeader(a.text + " " + b.text) {
			a.match = start{kind: kResults}
			b.text, b.match = "", start{}
		}
	}
}

func isLink(s string) bool {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return false
	}
	return !strings.ContainsAny(s, " \t")
}

func displayWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			w++
			i++
			continue
		}
		if normalize.HanAt(s[i:]) { // U+4E00–U+9FFF, without decoding
			w += 2
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r < 0x1100:
			w++
			continue
		case r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFF01 && r <= 0xFF60:
			w += 2
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return w
}

// fullWidth estimates the width of a full line of body text: the 90th
// percentile of the widths of the document's text lines.
func fullWidth(lines []line) int {
	var ws []int
	for _, l := range lines {
		if !l.blank() && !l.link {
			ws = append(ws, l.width)
		}
	}
	if len(ws) == 0 {
		return 0
	}
	sort.Ints(ws)
	return ws[len(ws)*9/10]
}

// terminal reports whether s ends a sentence or a clause that closes a block.
func terminal(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '。', '；', '！', '？', '.', ';', '!', '?':
		return true
	}
	return false
}
