package masthead

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/undoc/undoc/normalize"
)

// Meta is what a document's masthead and title block say. Strings are as
// printed unless the field says otherwise; a field is empty (or nil, or 0)
// when the masthead does not give it.
type Meta struct {
	// Symbol is the document symbol with its trailing footnote marks
	// removed: "A/81/6 (Sect. 25)/Part A", "S/RES/2250 (2015)".
	Symbol string
	// Organ is the principal organ: "General Assembly", "大会".
	Organ string
	// Body is a subsidiary body printed under the organ: "Committee for
	// Programme and Coordination", "方案和协调委员会".
	Body string
	// Distribution is "General", "Limited", "普遍", ...
	Distribution string
	// Date is the document's date as ISO yyyy-mm-dd; DatePrinted as printed.
	Date, DatePrinted string
	// OriginalLanguage as printed: "English", "英文".
	OriginalLanguage string
	// Session as printed ("Eighty-first session", "第八十一届会议") and its
	// number (81), 0 when the number cannot be read.
	Session       string
	SessionNumber int
	// SessionDates as printed when the masthead gives the session's dates
	// ("2015年6月1日至26日").
	SessionDates string
	// Agenda is the agenda line as printed, footnote marks removed, and
	// AgendaItems the items it names: "138", "139", "3(b)", "72 (b)".
	Agenda      string
	AgendaItems []string
	// AgendaTitles are the titles of the agenda items printed under the
	// agenda line, when they can be told apart from the title block.
	AgendaTitles []string
	// Title is the title block's main lines, each wrapped line joined:
	// ["Proposed programme budget for 2027"], ["Resolution 2250 (2015)"].
	Title []string
	// Adopted is a resolution's adoption line as printed, and Meeting the
	// meeting number it names ("7573").
	Adopted, Meeting string
	// Budget holds the part, section and programme of a budget section,
	// nil for other documents.
	Budget *Budget
	// Consumed are the indexes of the input lines the masthead and title
	// block took, in increasing order. Blank lines are not listed.
	Consumed []int
}

// Budget is where a budget section sits in the programme budget.
type Budget struct {
	Part, Section, Programme, Subprogramme *Division
}

// Division is one level of the budget: Number is language-neutral (the
// Roman numeral "VI" for a part, whether printed "Part VI" or "第六编";
// "25", "29C" for a section; "21" for a programme), Label as printed
// ("Part VI", "第六编"), Title the title lines joined.
type Division struct {
	Number, Label, Title string
}

// MaxLines bounds how far Parse looks for the masthead: a cover
// page never runs longer.
const MaxLines = 80

// lazyRegexp compiles expr the first time it is used: a process that reads
// no masthead, or meets no line in one language, does not pay for the
// expressions at start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// maxLinesBeforeMasthead is how many lines that are not masthead Parse
// passes over (a stray header line) before it decides there is none.
const maxLinesBeforeMasthead = 3

var (
	reSymbol = lazyRegexp(`^([A-Z]{1,3}(?:/[A-Za-z0-9.\-]+)+(?:\s?\((?:[^()]|\([^()]*\))+\))?(?:/(?:Part [A-Z]|Add\.\d+|Corr\.\d+|Rev\.\d+|[A-Za-z0-9.\-]+))*)\**\s*`)
	reDistr  = lazyRegexp(`(?:Distr\.?|分发)\s*[:：]\s*([A-Za-z]+|\p{Han}+)`)
	reOrig   = lazyRegexp(`(?:Original|原文)\s*[:：]\s*([A-Za-z]+(?:\s*/\s*[A-Za-z]+)*|\p{Han}+)`)
	reDateEn = lazyRegexp(`^(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})$`)
	reDateZh = lazyRegexp(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	// A date anywhere in a line, for adoption lines.
	reDateEnIn = lazyRegexp(`(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})`)
	reDateZhIn = lazyRegexp(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// Session dates: a span of days ("2015年6月1日至26日", "1–26 June 2015").
	reSessionDates = lazyRegexp(`^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*至\s*(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日|\d{1,2}\s*(?:[A-Z][a-z]+\s*)?[–-]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})$`)
	reSessionEn    = lazyRegexp(`^([A-Z][a-z]+(?:-[a-z]+)?)\s+(?:(?:emergency\s+)?special\s+)?session$`)
	reSessionZh    = lazyRegexp(`^第\s*([一二三四五六七八九十百〇零两\d]+)\s*届(?:(?:紧急)?特别)?会议$`)
	reAgendaEn     = lazyRegexp(`^(?:Items?\s+(.+?)\s+of\s+the\s+(?:preliminary\s+list|provisional\s+agenda|agenda)|Agenda\s+items?\s+(.+?))\**$`)
	reAgendaZh     = lazyRegexp(`^(?:临时议程|暂定项目清单|议程)项目\s*(.+?)\**$`)
	reAdoptedEn    = lazyRegexp(`^Adopted by the .+ at its (\d+)(?:st|nd|rd|th) meeting`)
	reAdoptedZh    = lazyRegexp(`第\s*(\d+)\s*次会议通过`)
	rePartEn       = lazyRegexp(`^Part\s+([IVXL]+)$`)
	rePartZh       = lazyRegexp(`^第\s*([一二三四五六七八九十]+)\s*编$`)
	reSectionEn    = lazyRegexp(`^Section\s+(\d{1,2}[A-Z]?)$`)
	reSectionZh    = lazyRegexp(`^第\s*(\d{1,2}[A-Z]?)\s*款$`)
	reProgrammeEn  = lazyRegexp(`^Programme\s+(\d{1,2})$`)
	reProgrammeZh  = lazyRegexp(`^方案\s*(\d{1,2})$`)
	reSubOfEn      = lazyRegexp(`^Subprogramme\s+(\d{1,2})\s+of\s+programme\s+(\d{1,2})$`)
	reSubOfZh      = lazyRegexp(`^方案\s*(\d{1,2})\s*次级方案\s*(\d{1,2})$`)
	// Lines that open the body: a contents list, a summary, a chapter or
	// lettered or Roman section heading, a numbered paragraph, a footnote.
	reBodyStart   = lazyRegexp(`^(?:Contents|目录|目\s*录|Summary|摘要|Chapter\s+[IVX\d]+|第[一二三四五六七八九十]+章|[A-H]\.\s|[IVX]{1,4}\.\s|\d{1,3}(?:\.\d{1,3})?\.?\s|\*|The (?:Security Council|General Assembly|Economic and Social Council|Human Rights Council),?$|(?:安全理事会|大会|经济及社会理事会|人权理事会)[，,]$)`)
	reSplitFields = lazyRegexp(`\s{2,}|\t`)
	// reBody matches the name of a subsidiary body printed under the organ.
	reBody = lazyRegexp(`(?:Committee|Commission|Council|Board|Conference|Forum|Meeting|委员会|理事会|执行局|会议|论坛)`)
	// reIssue matches the line that ends a title block of a corrigendum,
	// addendum or revision.
	reIssue = lazyRegexp(`^(?:Corrigendum|Addendum|Revision|更正|增编|订正)$`)
)

var months = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}

// organs are the principal organs as printed in mastheads; the Chinese ones
// are compared with spaces removed ("大　会").
var organs = []string{
	"General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council",
	"International Court of Justice", "Secretariat",
	"大会", "安全理事会", "经济及社会理事会", "托管理事会", "国际法院", "秘书处",
}

// unitedNations is the name printed at the top left of a masthead.
var unitedNations = []string{"United Nations", "联合国", "Nations Unies", "Naciones Unidas"}

// versionLanguages name the language of the version in a masthead that
// prints it apart ("Chinese" above "Original: English").
var versionLanguages = map[string]bool{
	"Arabic": true, "Chinese": true, "English": true, "French": true, "Russian": true, "Spanish": true,
}

// stage is how far Parse has read.
type stage int

const (
	stageTop     stage = iota // organ, symbol, distribution, date
	stageSession              // after the session line
	stageAgenda               // after the agenda line: agenda titles and title block
	stagePart                 // after "Part VI": its title
	stageSection              // after "Section 25": its title
	stageProg                 // after "Programme 21": its title
)

// Parse reads the masthead and title block from the first lines of a
// document (one extracted line per string; several masthead fields may
// share a line, apart or joined by spaces). It stops at the first line of
// the body: a contents list, a summary, a heading, a numbered paragraph or
// a footnote.
func Parse(lines []string) Meta {
	p := parser{}
	skipped := 0
	for i, raw := range lines {
		if i >= MaxLines {
			break
		}
		text := strings.TrimSpace(raw)
		if text == "" {
			continue
		}
		if reBodyStart().MatchString(text) && !p.isMastheadField(text) {
			break
		}
		// A line is read whole or not at all: a line that is not
		// masthead sets nothing.
		before := p
		if p.line(raw) {
			p.m.Consumed = append(p.m.Consumed, i)
			p.seenAny = true
			continue
		}
		p = before
		if p.seenAny {
			break
		}
		if skipped++; skipped > maxLinesBeforeMasthead {
			break
		}
	}
	p.finish()
	return p.m
}

type parser struct {
	m       Meta
	stage   stage
	seenAny bool
	// candidates are the lines after the agenda line and before "Part":
	// agenda titles, then the title block.
	candidates          []candidate
	agendaIndent        int
	part, section, prog []string
	// issue is "Corrigendum", "Addendum": the title block's last line.
	issue []string
}

type candidate struct {
	text   string
	indent int
}

// isMastheadField reports whether text, which looks like a body opener,
// is a masthead field instead (a date line "13 March 2026" starts like a
// numbered paragraph).
func (p *parser) isMastheadField(text string) bool {
	return reDateEn().MatchString(text) || reDateZh().MatchString(text) || reSessionDates().MatchString(text) ||
		reSymbol().MatchString(text) && strings.Contains(text, "/")
}

// line reads one line and reports whether it belongs to the masthead.
func (p *parser) line(raw string) bool {
	indent := len(raw) - len(strings.TrimLeft(raw, " "))
	fields := reSplitFields().Split(strings.TrimSpace(raw), -1)
	ok := true
	for _, f := range fields {
		if f == "" {
			continue
		}
		if !p.field(f, indent) {
			ok = false
		}
		indent = -1 // only the first field's indentation is known
	}
	return ok
}

// field reads one field of a line. Fields joined by single spaces
// ("General Assembly Distr.: General") are peeled one by one.
func (p *parser) field(f string, indent int) bool {
	f = strings.TrimSpace(f)
	if f == "" {
		return true
	}
	peeled := false
	for _, un := range unitedNations {
		if rest, ok := strings.CutPrefix(f, un); ok && (rest == "" || rest[0] == ' ') {
			f, peeled = strings.TrimSpace(rest), true
			break
		}
	}
	if p.m.Organ == "" && p.stage == stageTop {
		if o, rest, ok := cutOrgan(f); ok {
			p.m.Organ, f, peeled = o, rest, true
		}
	}
	if loc := reDistr().FindStringSubmatchIndex(f); loc != nil {
		p.m.Distribution = f[loc[2]:loc[3]]
		f, peeled = strings.TrimSpace(f[:loc[0]]+" "+f[loc[1]:]), true
	}
	if loc := reOrig().FindStringSubmatchIndex(f); loc != nil {
		p.m.OriginalLanguage = f[loc[2]:loc[3]]
		f, peeled = strings.TrimSpace(f[:loc[0]]+" "+f[loc[1]:]), true
	}
	if p.m.Symbol == "" && p.stage == stageTop {
		if m := reSymbol().FindStringSubmatch(f); m != nil && strings.Contains(m[1], "/") {
			p.m.Symbol = strings.TrimSpace(m[1])
			f, peeled = strings.TrimSpace(f[len(m[0]):]), true
		}
	}
	if f == "" {
		return peeled
	}
	return p.rest(f, indent)
}

// cutOrgan cuts a principal organ's name off the start of f.
func cutOrgan(f string) (organ, rest string, ok bool) {
	squeezed := squeezeHan(f)
	for _, o := range organs {
		if normalize.AllHan(o) {
			if r, ok := strings.CutPrefix(squeezed, o); ok && (r == "" || !startsHan(r)) {
				return o, strings.TrimSpace(r), true
			}
			continue
		}
		if r, ok := strings.CutPrefix(f, o); ok && (r == "" || r[0] == ' ') {
			return o, strings.TrimSpace(r), true
		}
	}
	return "", f, false
}

// rest reads a field that is none of the fields that may share a line.
func (p *parser) rest(f string, indent int) bool {
	if iso, ok := parseDate(f); ok && p.m.Date == "" && p.stage == stageTop {
		p.m.Date, p.m.DatePrinted = iso, f
		return true
	}
	if versionLanguages[f] && p.stage == stageTop {
		return true
	}
	if m := reSessionEn().FindStringSubmatch(f); m != nil {
		p.m.Session, p.m.SessionNumber, p.stage = f, englishOrdinal(m[1]), stageSession
		return true
	}
	if m := reSessionZh().FindStringSubmatch(f); m != nil {
		n, _ := normalize.ChineseNumber(m[1])
		p.m.Session, p.m.SessionNumber, p.stage = f, n, stageSession
		return true
	}
	if p.stage == stageSession && p.m.SessionDates == "" && reSessionDates().MatchString(f) {
		p.m.SessionDates = f
		return true
	}
	if p.m.Agenda == "" {
		if m := reAgendaEn().FindStringSubmatch(f); m != nil {
			p.setAgenda(f, m[1]+m[2], indent)
			return true
		}
		if m := reAgendaZh().FindStringSubmatch(f); m != nil {
			p.setAgenda(f, m[1], indent)
			return true
		}
	}
	if m := reAdoptedEn().FindStringSubmatch(f); m != nil {
		p.setAdopted(f, m[1])
		return true
	}
	if m := reAdoptedZh().FindStringSubmatch(f); m != nil {
		p.setAdopted(f, m[1])
		return true
	}
	if p.division(f) {
		return true
	}
	if reIssue().MatchString(f) && p.stage >= stageAgenda {
		p.issue = append(p.issue, f)
		return true
	}
	switch p.stage {
	case stageTop:
		if p.m.Organ != "" && p.m.Body == "" && reBody().MatchString(f) {
			p.m.Body = f
			return true
		}
		// A resolution has no session line: its title comes straight
		// after the masthead.
		if p.m.Symbol != "" && p.m.Date != "" {
			p.stage = stageAgenda
			p.candidates = append(p.candidates, candidate{f, indent})
			return true
		}
		return false
	case stageSession, stageAgenda:
		p.stage = stageAgenda
		p.candidates = append(p.candidates, candidate{f, indent})
		return true
	case stagePart:
		p.part = append(p.part, f)
		return true
	case stageSection:
		p.section = append(p.section, f)
		return true
	case stageProg:
		p.prog = append(p.prog, f)
		return true
	}
	return false
}

// division reads the budget's "Part VI", "Section 25", "Programme 21" and
// "Subprogramme 6 of programme 10" lines and their Chinese forms.
func (p *parser) division(f string) bool {
	// A copy, so that a line read in vain leaves the budget as it was.
	b := &Budget{}
	if p.m.Budget != nil {
		c := *p.m.Budget
		b = &c
	}
	switch {
	case rePartEn().MatchString(f):
		b.Part = &Division{Number: rePartEn().FindStringSubmatch(f)[1], Label: f}
		p.stage = stagePart
	case rePartZh().MatchString(f):
		n, ok := normalize.ChineseNumber(rePartZh().FindStringSubmatch(f)[1])
		if !ok {
			return false
		}
		b.Part = &Division{Number: strings.ToUpper(normalize.Roman(n)), Label: f}
		p.stage = stagePart
	case reSectionEn().MatchString(f):
		b.Section = &Division{Number: reSectionEn().FindStringSubmatch(f)[1], Label: f}
		p.stage = stageSection
	case reSectionZh().MatchString(f):
		b.Section = &Division{Number: reSectionZh().FindStringSubmatch(f)[1], Label: f}
		p.stage = stageSection
	case reProgrammeEn().MatchString(f):
		b.Programme = &Division{Number: reProgrammeEn().FindStringSubmatch(f)[1], Label: f}
		p.stage = stageProg
	case reProgrammeZh().MatchString(f):
		b.Programme = &Division{Number: reProgrammeZh().FindStringSubmatch(f)[1], Label: f}
		p.stage = stageProg
	case reSubOfEn().MatchString(f):
		m := reSubOfEn().FindStringSubmatch(f)
		b.Programme = &Division{Number: m[2], Label: f}
		b.Subprogramme = &Division{Number: m[1], Label: f}
		p.stage = stageProg
	case reSubOfZh().MatchString(f):
		m := reSubOfZh().FindStringSubmatch(f)
		b.Programme = &Division{Number: m[1], Label: f}
		b.Subprogramme = &Division{Number: m[2], Label: f}
		p.stage = stageProg
	default:
		return false
	}
	p.m.Budget = b
	return true
}

func (p *parser) setAgenda(printed, items string, indent int) {
	p.m.Agenda = strings.TrimRight(printed, "*")
	p.m.AgendaItems = splitItems(items)
	p.agendaIndent = indent
	p.stage = stageAgenda
}

func (p *parser) setAdopted(printed, meeting string) {
	p.m.Adopted, p.m.Meeting = printed, meeting
	if iso, ok := findDate(printed); ok && p.m.Date == "" {
		p.m.Date, p.m.DatePrinted = iso, printed
	}
	if p.stage < stageAgenda {
		p.stage = stageAgenda
	}
}

// reItemSep splits "138 and 139", "72 (b), 73 and 74", "138和139", "3(b)、4".
var reItemSep = lazyRegexp(`\s*(?:,\s*and\s+|,|\band\b|和|及|、|，)\s*`)

func splitItems(s string) []string {
	var out []string
	for _, it := range reItemSep().Split(s, -1) {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// finish splits the lines after the agenda line into agenda titles and the
// title block, and joins the budget's title lines.
func (p *parser) finish() {
	c := p.candidates
	split := -1
	// Layout: the title block is set further right than the agenda line.
	if p.agendaIndent >= 0 && len(c) > 0 {
		for k, x := range c {
			if x.indent > p.agendaIndent+3 {
				split = k
				break
			}
		}
	}
	// Words: the title block repeats the first agenda title (a budget
	// section's "Proposed programme budget for 2027").
	if split < 0 {
		for k := 1; k < len(c) && split < 0; k++ {
			for j := 0; j < k; j++ {
				if squeeze(c[j].text) == squeeze(c[k].text) {
					split = k
					break
				}
			}
		}
	}
	// A budget section's title block is one line above "Part".
	if split < 0 && p.m.Budget != nil && p.m.Budget.Part != nil && len(c) > 1 {
		split = len(c) - 1
	}
	if split < 0 {
		split = 0
	}
	for _, x := range c[:split] {
		p.m.AgendaTitles = append(p.m.AgendaTitles, x.text)
	}
	for _, x := range c[split:] {
		p.m.Title = append(p.m.Title, x.text)
	}
	p.m.Title = append(p.m.Title, p.issue...)
	if b := p.m.Budget; b != nil {
		for _, d := range []struct {
			div   *Division
			lines []string
		}{{b.Part, p.part}, {b.Section, p.section}, {b.Programme, p.prog}} {
			if d.div != nil {
				d.div.Title = normalize.JoinLines(d.lines)
			}
		}
		if b.Subprogramme != nil && b.Programme != nil {
			b.Subprogramme.Title = b.Programme.Title
		}
	}
}

// squeeze removes all white space, so that "program me" equals "programme".
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// squeezeHan removes white space between two Han characters ("大　会").
func squeezeHan(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsSpace(r) && i > 0 && i+1 < len(rs) && normalize.IsHan(rs[i-1]) && normalize.IsHan(rs[i+1]) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func startsHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return normalize.IsHan(r)
}

// parseDate reads a whole field printed as a date.
func parseDate(f string) (string, bool) {
	if m := reDateEn().FindStringSubmatch(f); m != nil {
		return iso(m[3], months[m[2]], m[1])
	}
	if m := reDateZh().FindStringSubmatch(f); m != nil {
		mo, _ := strconv.Atoi(m[2])
		return iso(m[1], mo, m[3])
	}
	return "", false
}

// findDate reads the first date printed anywhere in s.
func findDate(s string) (string, bool) {
	if m := reDateEnIn().FindStringSubmatch(s); m != nil {
		return iso(m[3], months[m[2]], m[1])
	}
	if m := reDateZhIn().FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[2])
		return iso(m[1], mo, m[3])
	}
	return "", false
}

var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func iso(year string, month int, day string) (string, bool) {
	d, err := strconv.Atoi(day)
	if err != nil || month < 1 || month > 12 || d < 1 || d > daysIn[month] {
		return "", false
	}
	return year + "-" + twoDigits(month) + "-" + twoDigits(d), true
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var ordinalUnits = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
	"eightieth": 80, "ninetieth": 90,
}

// englishOrdinal reads "Eighty-first" (81), "Seventieth" (70), "Tenth"
// (10); 0 when it cannot.
func englishOrdinal(s string) int {
	s = strings.ToLower(s)
	if v, ok := ordinalUnits[s]; ok {
		return v
	}
	if v, ok := tens[s]; ok && strings.HasSuffix(s, "ieth") {
		return v
	}
	t, u, ok := strings.Cut(s, "-")
	if !ok {
		return 0
	}
	tv, ok1 := tens[t]
	uv, ok2 := ordinalUnits[u]
	if !ok1 || !ok2 || uv > 9 || strings.HasSuffix(t, "ieth") {
		return 0
	}
	return tv + uv
}
