package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/undoc/undoc/normalize"
)

type kind int

const (
	kNone kind = iota
	kChapter
	kSection
	kCJKSection
	kProgramme
	kSubprogramme
	kComponent
	kHeading
	kLayoutHeading
	kParagraph
	kObjective
	kResults
	kTable
	kFigure
	kMandateGroup
	kMandateCategory
	kMandateItem
	kResult
	kObjectiveHeading
)

// start is what a line opens.
type start struct {
	kind  kind
	num   int    // chapter, programme, table … number; a paragraph's last part
	major int    // a dotted paragraph number's first part ("25" of "25.1")
	code  string // section letter, paragraph number as printed
	label string // chapter label as printed
	title string // title or text on the same line
	word  *HeadingWord
}

// strong reports whether k opens a numbered or captioned block: these end
// any running text, even scattered figure text.
func (k kind) strong() bool {
	return k != kNone && k != kHeading && k != kLayoutHeading && k != kMandateCategory && k != kMandateItem
}

// heading reports whether k opens a heading or a container.
func (k kind) heading() bool {
	switch k {
	case kChapter, kSection, kCJKSection, kProgramme, kSubprogramme, kComponent, kHeading, kResult:
		return true
	}
	return false
}

// A recogniser is one kind of block, in the manner of a block parser. From
// a line alone it says whether the line may open its block (match); in the
// segmenter's context it says whether the line does open it (accept, nil
// for always); and it reads the block from the current line on (read).
type recogniser struct {
	kind   kind
	match  func(v *Vocab, l *line) (start, bool)
	accept func(s *segmenter, st start) (start, bool) // st, perhaps changed
	read   func(s *segmenter, st start)
}

// A family is the recognisers of one kind of document, in priority order:
// the first whose match holds decides what a line may open. A document
// family is a family plus vocabulary data per language; adding a format
// means adding recognisers and data.
type family []recogniser

// programmePlan reads programme plans (the pre-2020 format), reports and
// resolutions: chapters, 一、 sections, lettered sections, programmes,
// subprogrammes and components, headings the vocabulary knows and headings
// layout marks, numbered paragraphs (12. and 25.1), objectives, result
// tables, captioned tables and figures, and lists of mandates.
var programmePlan = family{
	{kind: kChapter, match: matchChapter, read: (*segmenter).chapter},
	{kind: kSubprogramme, match: matchNumbered(func(v *Vocab) *pattern { return &v.re.subprogramme }, kSubprogramme), accept: acceptSubprogramme, read: (*segmenter).container},
	{kind: kProgramme, match: matchNumbered(func(v *Vocab) *pattern { return &v.re.programme }, kProgramme), read: (*segmenter).container},
	{kind: kComponent, match: matchNumbered(func(v *Vocab) *pattern { return &v.re.component }, kComponent), read: (*segmenter).container},
	{kind: kSection, match: matchSection, accept: acceptSection, read: (*segmenter).section},
	{kind: kCJKSection, match: matchCJKSection, accept: acceptCJKSection, read: (*segmenter).cjkSection},
	{kind: kResult, match: matchNumbered(func(v *Vocab) *pattern { return &v.re.result }, kResult), read: (*segmenter).result},
	{kind: kObjectiveHeading, match: matchObjectiveHeading, read: (*segmenter).objectiveHeading},
	{kind: kHeading, match: matchHeading, read: (*segmenter).heading},
	{kind: kObjective, match: matchObjective, read: (*segmenter).objective},
	{kind: kResults, match: matchResults, read: func(s *segmenter, _ start) { s.results() }},
	{kind: kTable, match: matchCaption(func(v *Vocab) *pattern { return &v.re.table }, kTable), read: (*segmenter).table},
	{kind: kFigure, match: matchCaption(func(v *Vocab) *pattern { return &v.re.figure }, kFigure), read: (*segmenter).figureBlock},
	{kind: kParagraph, match: matchParagraph, accept: acceptParagraph, read: (*segmenter).paragraph},
	{kind: kMandateCategory, match: matchMandateCategory, accept: inMandates, read: func(s *segmenter, _ start) { s.mandates() }},
	{kind: kMandateItem, match: matchMandateItem, accept: inMandates, read: func(s *segmenter, _ start) { s.mandates() }},
	{kind: kLayoutHeading, match: matchLayoutHeading, accept: acceptLayoutHeading, read: (*segmenter).layoutHeading},
	// a subprogramme heading inside a list of mandates (acceptSubprogramme)
	{kind: kMandateGroup, match: func(*Vocab, *line) (start, bool) { return start{}, false }, read: func(s *segmenter, _ start) { s.mandates() }},
}

// byKind finds the recogniser of a kind.
func (f family) byKind(k kind) *recogniser {
	for i := range f {
		if f[i].kind == k {
			return &f[i]
		}
	}
	return nil
}

// match is what a line could open, judged from the line alone. The
// segmenter reads each line's match once and checks the context for it
// (classify) as often as it needs.
func (f family) match(v *Vocab, l *line) start {
	if l.text == "" {
		return start{}
	}
	gated := v.gate.open(l.text)
	for i := range f {
		r := &f[i]
		if !gated && r.kind != kLayoutHeading {
			continue
		}
		if l.src.Table > 0 && r.kind.heading() {
			continue // a table's cell opens no heading: a contents list, a category row
		}
		if st, ok := r.match(v, l); ok {
			st.kind = r.kind
			return st
		}
	}
	return start{}
}

// classify says which construct, if any, line l opens in its context: a
// section letter or paragraph number must follow on from the previous one,
// and mandate lines count only inside a list of mandates, where a
// subprogramme heading opens a group of mandates.
func (s *segmenter) classify(l *line) start {
	st := l.match
	if st.kind == kNone {
		return st
	}
	if r := s.fam.byKind(st.kind); r != nil && r.accept != nil {
		var ok bool
		if st, ok = r.accept(s, st); !ok {
			return start{}
		}
	}
	return st
}

func matchChapter(v *Vocab, l *line) (start, bool) {
	m := v.re.chapter.find(l.text)
	if m == nil {
		return start{}, false
	}
	n, ok := normalize.ChineseNumber(m[1])
	return start{num: n, label: strings.TrimSpace(strings.TrimSuffix(l.text, m[2])), title: m[2]}, ok
}

func matchNumbered(p func(*Vocab) *pattern, k kind) func(*Vocab, *line) (start, bool) {
	return func(v *Vocab, l *line) (start, bool) {
		m := p(v).find(l.text)
		if m == nil {
			return start{}, false
		}
		n, _ := strconv.Atoi(m[1])
		return start{num: n, title: m[2]}, true
	}
}

func matchSection(v *Vocab, l *line) (start, bool) {
	m := v.re.section.find(l.text)
	if m == nil {
		return start{}, false
	}
	return start{code: m[1], title: m[2]}, true
}

// matchCJKSection reads a 一、 heading: a short line with no sentence end.
func matchCJKSection(_ *Vocab, l *line) (start, bool) {
	m, rest, ok := normalize.ParseMarker(l.text, nil)
	if !ok || m.Style != normalize.StyleCJKComma || rest == "" || utf8.RuneCountInString(rest) > 40 || terminal(rest) {
		return start{}, false
	}
	return start{num: m.Ordinal, code: strings.TrimSuffix(m.Marker, "、"), title: rest}, true
}

func matchHeading(v *Vocab, l *line) (start, bool) {
	if w := v.heading(l.text); w != nil {
		return start{title: l.text, word: w}, true
	}
	return start{}, false
}

// matchObjectiveHeading takes the heading over an objective paragraph
// (budget format), outside tables.
func matchObjectiveHeading(v *Vocab, l *line) (start, bool) {
	return start{}, l.src.Table == 0 && v.objectiveHeading(l.text)
}

func matchObjective(v *Vocab, l *line) (start, bool) {
	rest, ok := v.objective(l.text)
	return start{title: rest}, ok
}

func matchResults(v *Vocab, l *line) (start, bool) {
	return start{}, v.resultsHeader(l.text)
}

// matchCaption reads 表 3, 表三 or 图一 with the title after a colon or a
// space, or on the next lines.
func matchCaption(p func(*Vocab) *pattern, k kind) func(*Vocab, *line) (start, bool) {
	return func(v *Vocab, l *line) (start, bool) {
		m := p(v).find(l.text)
		if m == nil {
			return start{}, false
		}
		n, ok := captionNumber(m[1])
		return start{num: n, label: m[1], title: firstNonEmpty(m[2:])}, ok
	}
}

// captionNumber reads the number of a caption as printed: 3, 三, and in
// budget sections the part after the section's number: 5 for "10.5", 1
// for "10.I".
func captionNumber(label string) (int, bool) {
	if k := strings.LastIndexByte(label, '.'); k >= 0 {
		label = label[k+1:]
		if n, ok := normalize.ParseRoman(label); ok {
			return n, true
		}
	}
	if n, err := strconv.Atoi(label); err == nil {
		return n, true
	}
	return normalize.ChineseNumber(label)
}

// matchParagraph reads a paragraph number: "12." or, in budget sections,
// "25.1" followed by a space.
func matchParagraph(v *Vocab, l *line) (start, bool) {
	if l.src.Table > 0 { // a figure in a table's cell
		return start{}, false
	}
	if m := v.re.paragraphDotted.find(l.text); m != nil {
		major, minor, ok := strings.Cut(m[1], ".")
		if ok {
			a, _ := strconv.Atoi(major)
			b, _ := strconv.Atoi(minor)
			return start{major: a, num: b, code: m[1], title: firstNonEmpty(m[2:])}, true
		}
	}
	if m := v.re.paragraph.find(l.text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return start{num: n, code: m[1], title: firstNonEmpty(m[2:])}, true
	}
	return start{}, false
}

func matchMandateCategory(v *Vocab, l *line) (start, bool) {
	_, ok := v.mandateCategory(l.text)
	return start{title: l.text}, ok
}

func matchMandateItem(v *Vocab, l *line) (start, bool) {
	m := v.re.mandate.find(l.text)
	if m == nil {
		return start{}, false
	}
	code, title := m[1], m[2]
	// "60/24 A world of sports …": a title opens with the article, not
	// with a part letter of the resolution ("72/266 B Shifting …"), when
	// the word after the letter is in lower case
	if k := len(code) - 1; k > 0 && code[k] == 'A' && (code[k-1] == ' ' || code[k-1] >= '0' && code[k-1] <= '9') {
		if r, _ := utf8.DecodeRuneInString(title); unicode.IsLower(r) {
			code, title = strings.TrimRight(code[:k], " "), "A "+title
		}
	}
	return start{code: code, title: title}, true
}

// matchLayoutHeading takes a line that the source marked as a heading and
// that no other recogniser knows.
func matchLayoutHeading(_ *Vocab, l *line) (start, bool) {
	if l.src.Table > 0 {
		return start{}, false
	}
	// A PDF's bold lines (Line.Bold) are not taken for headings: a text
	// dump of the same document has no such evidence, and the ids of what
	// follows them would differ between the two renderings.
	if l.src.Heading > 0 {
		return start{title: l.text}, true
	}
	return start{}, false
}

// acceptSubprogramme: inside a list of mandates a subprogramme heading
// opens a group of mandates; a subprogramme already opened in the same
// programme is not opened again (a running head, or a table titled by its
// subprogramme).
func acceptSubprogramme(s *segmenter, st start) (start, bool) {
	if s.mandatesFrame() != nil {
		st.kind = kMandateGroup
		return st, true
	}
	return st, s.parentFor(rankSubprogramme).local["sp"+strconv.Itoa(st.num)] == 0
}

// acceptSection: lettered sections follow on, A, B, C, below one parent.
func acceptSection(s *segmenter, st start) (start, bool) {
	letter := st.code[0]
	prev := s.parentFor(rankSection).lastSection
	return st, prev == 0 && letter == 'A' || prev != 0 && letter == prev+1 || s.sectionOwner(letter) >= 0
}

// sectionOwner finds the open container, above the innermost one a section
// would open below, whose last section the letter follows on from ("B."
// after the subprogrammes that closed "A."); -1 if none.
func (s *segmenter) sectionOwner(letter byte) int {
	inner := true
	for k := len(s.stack) - 1; k >= 0; k-- {
		f := s.stack[k]
		if f.rank >= rankSection {
			continue
		}
		if !inner && f.lastSection != 0 && letter == f.lastSection+1 {
			return k
		}
		inner = false
	}
	if !inner && s.root.lastSection != 0 && letter == s.root.lastSection+1 {
		return len(s.stack) // the root: close every container
	}
	return -1
}

// acceptCJKSection: 一、 二、 follow on below one parent.
func acceptCJKSection(s *segmenter, st start) (start, bool) {
	return st, st.num == s.parentFor(rankCJKSection).lastCJK+1
}

// acceptParagraph: a paragraph number follows on from the last one, with
// room for two missed paragraphs; the first one in a chapter may be any
// number. A dotted number keeps its first part or moves to the next one
// at .1.
func acceptParagraph(s *segmenter, st start) (start, bool) {
	if st.major > 0 {
		p := s.lastDotted
		return st, p[0] == 0 || st.major == p[0] && st.num > p[1] && st.num <= p[1]+3 || st.major == p[0]+1 && st.num == 1
	}
	return st, s.lastPara == 0 && st.num > 0 || st.num > s.lastPara && st.num <= s.lastPara+3
}

// acceptLayoutHeading: before the first structure, a heading by layout is
// the document's title, part of the front matter.
func acceptLayoutHeading(s *segmenter, st start) (start, bool) { return st, s.structured }

func inMandates(s *segmenter, st start) (start, bool) { return st, s.mandatesFrame() != nil }

func firstNonEmpty(ss []string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
