package segment

import (
	"strconv"
	"strings"

	"github.com/undoc/undoc/normalize"
)

type kind int

const (
	kNone kind = iota
	kChapter
	kSection
	kProgramme
	kSubprogramme
	kComponent
	kHeading
	kParagraph
	kObjective
	kResults
	kTable
	kFigure
	kMandateGroup
	kMandateCategory
	kMandateItem
)

// start is what a line opens.
type start struct {
	kind  kind
	num   int
	code  string // section letter, paragraph number
	label string // chapter label as printed
	title string // title or text on the same line
	word  *HeadingWord
}

// strong reports whether k opens a numbered or captioned block: these end
// any running text, even scattered figure text.
func (k kind) strong() bool {
	return k != kNone && k != kHeading && k != kMandateCategory && k != kMandateItem
}

// match is what a line could open, judged from the line alone. The
// segmenter reads each line's match once and checks the context for it
// (classify) as often as it needs.
func (v *Vocab) match(t string) start {
	if t == "" || !v.gate.open(t) {
		return start{}
	}
	if m := v.re.chapter.find(t); m != nil {
		if n, ok := normalize.ChineseNumber(m[1]); ok {
			return start{kind: kChapter, num: n, label: strings.TrimSpace(strings.TrimSuffix(t, m[2])), title: m[2]}
		}
	}
	if m := v.re.subprogramme.find(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		return start{kind: kSubprogramme, num: n, title: m[2]}
	}
	if m := v.re.programme.find(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		return start{kind: kProgramme, num: n, title: m[2]}
	}
	if m := v.re.component.find(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		return start{kind: kComponent, num: n, title: m[2]}
	}
	if m := v.re.section.find(t); m != nil {
		return start{kind: kSection, code: m[1], title: m[2]}
	}
	if w := v.heading(t); w != nil {
		return start{kind: kHeading, title: t, word: w}
	}
	if rest, ok := v.objective(t); ok {
		return start{kind: kObjective, title: rest}
	}
	if v.resultsHeader(t) {
		return start{kind: kResults}
	}
	if m := v.re.table.find(t); m != nil {
		if n, ok := normalize.ChineseNumber(m[1]); ok {
			return start{kind: kTable, num: n, title: m[2]}
		}
	}
	if m := v.re.figure.find(t); m != nil {
		if n, ok := normalize.ChineseNumber(m[1]); ok {
			return start{kind: kFigure, num: n, title: m[2]}
		}
	}
	if m := v.re.paragraph.find(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		return start{kind: kParagraph, num: n, code: m[1], title: m[2]}
	}
	if _, ok := v.mandateCategory(t); ok {
		return start{kind: kMandateCategory, title: t}
	}
	if m := v.re.mandate.find(t); m != nil {
		return start{kind: kMandateItem, code: m[1], title: m[2]}
	}
	return start{}
}

// classify says which construct, if any, line l opens in its context: a
// section letter or paragraph number must follow on from the previous one,
// and mandate lines count only inside a list of mandates, where a
// subprogramme heading opens a group of mandates.
func (s *segmenter) classify(l *line) start {
	st := l.match
	switch st.kind {
	case kSubprogramme:
		if s.mandatesFrame() != nil {
			st.kind = kMandateGroup
		}
	case kSection:
		letter := st.code[0]
		prev := s.parentFor(rankSection).lastSection
		if !(prev == 0 && letter == 'A') && !(prev != 0 && letter == prev+1) {
			return start{}
		}
	case kParagraph:
		// A paragraph number follows on from the last one, with room for
		// a missed paragraph; the first one in a chapter may be any number.
		if !(s.lastPara == 0 && st.num > 0 || st.num > s.lastPara && st.num <= s.lastPara+3) {
			return start{}
		}
	case kMandateCategory, kMandateItem:
		if s.mandatesFrame() == nil {
			return start{}
		}
	}
	return st
}
