package segment

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/normalize/masthead"
	"github.com/undoc/undoc/store/model"
)

// Result is the document tree and what was noticed while building it.
type Result struct {
	Body        []*model.Node
	References  []model.Reference
	Diagnostics []model.Diagnostic
	// Recognised is false when no structure at all was found.
	Recognised bool
	// Front is the text before the first heading: masthead, distribution,
	// agenda item, title; it is also in Body, as front matter.
	Front []string
	// Masthead is what the masthead and title block say, nil when the
	// document has none (no symbol, organ or distribution line).
	Masthead *masthead.Meta
}

// ranks order the containers: opening one closes every open container of
// the same or a lower rank.
const (
	rankChapter = 1 + iota
	rankCJKSection
	rankProgramme
	rankSubprogramme
	rankComponent
	rankSection
	rankResult
	rankHeading
	rankHeading2
)

type frame struct {
	node        *model.Node
	rank        int
	word        HeadingWord // for headings
	lastSection byte        // last section letter opened directly below
	lastCJK     int         // last 一、 section opened directly below
	unnumbered  int
	generic     int            // generic headings opened directly below
	local       map[string]int // local ids used below, to keep them unique
}

type segmenter struct {
	v      *Vocab
	fam    family
	lines  []line
	i      int
	full   int
	root   frame
	stack  []*frame
	diags  []model.Diagnostic
	layout bool // the extractor found table cells

	lastPara   int
	lastDotted [2]int      // the last N.M paragraph number
	figure     *model.Node // the chapter's most recent figure
	structured bool
	front      []*model.Node      // paragraphs before the first heading
	pending    []model.Diagnostic // a paragraph's, until it has its id
	meta       *masthead.Meta     // the masthead, when the document has one
}

// Segment builds the document tree from extracted lines.
func Segment(in []extract.Line, v *Vocab) *Result {
	s := &segmenter{v: v, fam: programmePlan}
	s.lines = prepare(in, v, s.fam)
	s.masthead(in)
	s.full = fullWidth(s.lines)
	s.root.node, s.root.local = &model.Node{}, map[string]int{}
	for _, l := range in {
		if l.Table > 0 {
			s.layout = true
			break
		}
	}
	for s.i < len(s.lines) {
		l := &s.lines[s.i]
		if l.blank() || l.link {
			s.i++
			continue
		}
		s.block(s.classify(l))
	}
	s.placeFront()
	res := &Result{Body: s.root.node.Children, Diagnostics: s.diags, Recognised: s.structured, Masthead: s.meta}
	for _, p := range s.front {
		res.Front = append(res.Front, p.Text)
	}
	cover(res.Body)
	res.References = references(res.Body, v)
	return res
}

// masthead keeps the lines of the masthead and title block from opening
// blocks: the title block's "Programme 21" or "Section 25" is no heading of
// the body. They stay front matter.
func (s *segmenter) masthead(in []extract.Line) {
	n := min(len(in), masthead.MaxLines) // Parse reads no further
	texts := make([]string, n)
	for i := range n {
		texts[i] = in[i].Text
	}
	m := masthead.Parse(texts)
	if m.Symbol == "" && m.Organ == "" && m.Distribution == "" {
		return // no masthead: a title block alone is no evidence
	}
	s.meta = &m
	for _, i := range m.Consumed {
		s.lines[i].match = start{}
	}
}

// cover widens each node's span from its heading to everything under it,
// so that a programme's span says which lines and pages it fills.
func cover(nodes []*model.Node) {
	for _, n := range nodes {
		cover(n.Children)
		for _, c := range n.Children {
			n.Span.Extend(c.Span)
		}
	}
}

// block runs the recogniser for the construct that starts at s.i.
func (s *segmenter) block(st start) {
	if r := s.fam.byKind(st.kind); r != nil {
		r.read(s, st)
		return
	}
	s.loose()
}

func (s *segmenter) chapter(st start) {
	s.lastPara, s.lastDotted, s.figure = 0, [2]int{}, nil
	n := &model.Node{Kind: model.KindChapter, Number: intp(st.num), Label: st.label}
	n.Title, n.Span = s.title(st.title, true)
	s.push(n, rankChapter, "ch"+strconv.Itoa(st.num), HeadingWord{})
}

// container opens a programme, subprogramme or component.
func (s *segmenter) container(st start) {
	kind, rank, prefix := model.KindProgramme, rankProgramme, "prog"
	if st.kind == kSubprogramme {
		kind, rank, prefix = model.KindSubprogramme, rankSubprogramme, "sp"
	} else if st.kind == kComponent {
		kind, rank, prefix = model.KindComponent, rankComponent, "comp"
	}
	n := &model.Node{Kind: kind, Number: intp(st.num)}
	n.Title, n.Span = s.title(st.title, false)
	s.push(n, rank, prefix+strconv.Itoa(st.num), HeadingWord{})
}

func (s *segmenter) section(st start) {
	n := &model.Node{Kind: model.KindSection, Code: strp(st.code)}
	letter := st.code[0]
	if prev := s.parentFor(rankSection).lastSection; !(prev == 0 && letter == 'A' || prev != 0 && letter == prev+1) {
		if k := s.sectionOwner(letter); k == len(s.stack) {
			s.stack = s.stack[:0]
		} else if k >= 0 {
			s.stack = s.stack[:k+1]
		}
	}
	n.Title, n.Span = s.title(st.title, false)
	s.push(n, rankSection, "sec"+st.code, HeadingWord{})
}

// cjkSection opens a 一、 section; its id holds the number in digits.
func (s *segmenter) cjkSection(st start) {
	s.parentFor(rankCJKSection).lastCJK = st.num
	n := &model.Node{Kind: model.KindSection, Code: strp(st.code)}
	n.Title, n.Span = s.title(st.title, false)
	s.push(n, rankCJKSection, "sec"+strconv.Itoa(st.num), HeadingWord{})
}

// heading opens an unnumbered heading the vocabulary knows. It closes any
// open result unless its scope keeps it inside one; a level-2 heading
// nests below the level-1 heading before it.
func (s *segmenter) heading(st start) {
	n := &model.Node{Kind: model.KindHeading, Title: st.title, Span: s.span(&s.lines[s.i])}
	s.i++
	switch {
	case st.word.Scope == "programme" && s.open(rankSubprogramme):
		s.popTo(rankSubprogramme) // a programme's list after its subprogrammes
	case st.word.Scope == "result" || st.word.Level == 2:
	default:
		s.popTo(rankResult)
	}
	slug := st.word.Slug
	if slug == "" {
		slug = "h"
	}
	rank := rankHeading
	if st.word.Level == 2 {
		rank = rankHeading2
	}
	s.push(n, rank, slug, *st.word)
	if st.word.Subtitle != "" {
		s.subtitle(st.word.Subtitle)
	}
}

// subtitle reads the title that follows a heading ("Programme performance
// in 2025", then the title of its story): the lines after the heading that
// open no block, or that the source marks as a heading, up to the next
// block, at most three and ending no sentence. They become a heading below
// the open one. Nothing is read when no block follows them.
func (s *segmenter) subtitle(slug string) {
	var parts []string
	var sp model.Span
	j := s.next(s.i)
	for ; j >= 0 && len(parts) < 3; j = s.next(j + 1) {
		l := &s.lines[j]
		k := s.classify(l).kind
		if k != kNone && k != kLayoutHeading {
			break
		}
		if l.src.Table > 0 || terminal(l.text) || l.match.kind != kNone && l.match.kind != kLayoutHeading {
			return // a heading its context refuses ("Subprogramme 1" again) is no title
		}
		if len(parts) == 0 {
			sp = s.span(l)
		}
		parts = append(parts, l.text)
		sp.Extend(s.span(l))
	}
	if j < 0 || len(parts) == 0 || !s.classify(&s.lines[j]).kind.strong() {
		return
	}
	n := &model.Node{Kind: model.KindHeading, Title: normalize.JoinLines(parts), Span: sp}
	s.i = j
	s.push(n, rankHeading2, slug, HeadingWord{})
}

// result opens a result of the budget format ("Result 1: …"), below the
// subprogramme or programme, closing the headings before it.
func (s *segmenter) result(st start) {
	n := &model.Node{Kind: model.KindResult, Number: intp(st.num)}
	n.Title, n.Span = s.title(st.title, false)
	s.push(n, rankResult, "result"+strconv.Itoa(st.num), HeadingWord{})
}

// objectiveHeading reads an "Objective" heading and the paragraph after
// it as the objective: its number, and its text without the lead-in
// formula. Without a numbered paragraph, the text up to the next block is
// the objective.
func (s *segmenter) objectiveHeading(start) {
	first := &s.lines[s.i]
	s.i++
	s.popTo(rankResult)
	node := &model.Node{Kind: model.KindObjective, Span: s.span(first)}
	if j := s.next(s.i); j >= 0 {
		if st := s.classify(&s.lines[j]); st.kind == kParagraph {
			s.i = j
			p := s.paragraphNode(st)
			if len(p.Items) == 0 {
				node.Code, node.Text = p.Code, s.v.objectiveText(p.Text)
				node.Span.Extend(p.Span)
				s.leaf(node, "objective")
				s.paragraphDiags(node)
				return
			}
			p.Text = s.v.objectiveText(p.Text)
			s.leaf(p, "p"+*p.Code) // an objective with items stays a paragraph
			s.paragraphDiags(p)
			s.finishItems(p)
			return
		}
	}
	var parts []string
	for _, l := range s.untilBlock() {
		parts = append(parts, l.text)
		node.Span.Extend(s.span(l))
	}
	node.Text = s.v.objectiveText(normalize.JoinLines(parts))
	s.leaf(node, "objective")
}

// layoutHeading opens a heading that the source marked by layout and no
// vocabulary knows: a generic heading, numbered among its siblings.
func (s *segmenter) layoutHeading(st start) {
	l := &s.lines[s.i]
	n := &model.Node{Kind: model.KindHeading, Title: st.title, Span: s.span(l)}
	s.i++
	if top := s.top(); top.rank == rankHeading && top.word.OneResult {
		// the one planned result, printed without "Result 1:"
		s.push(&model.Node{Kind: model.KindResult, Number: intp(1), Title: st.title, Span: n.Span}, rankResult, "result1", HeadingWord{})
		s.diag("info", "unlabelled-result", "the heading below "+quote(top.node.Title)+" is read as its one result: "+quote(st.title), l, s.top().node.ID)
		return
	}
	f := s.parentFor(rankHeading)
	f.generic++
	s.push(n, rankHeading, "h"+strconv.Itoa(f.generic), HeadingWord{})
	s.diag("info", "unknown-heading", "a heading no vocabulary knows: "+quote(n.Title), l, n.ID)
}

// title reads a heading's title: the text after the number, or the next
// line, and the lines that continue it. Chapter titles may wrap freely;
// other titles continue only while the previous line was a full line.
func (s *segmenter) title(first string, chapter bool) (string, model.Span) {
	sp := s.span(&s.lines[s.i])
	s.i++
	var parts []string
	lastFull := false
	if first != "" {
		parts = append(parts, first)
		lastFull = s.isFull(&s.lines[s.i-1])
	}
	for len(parts) < 6 {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if len(parts) >= 3 && !sameWeight(&s.lines[s.i-1], l) {
			break // three lines at most, unless set in one bold type
		}
		if k := s.classify(l).kind; k == kLayoutHeading && (len(parts) == 0 || s.lines[s.i-1].src.Heading == l.src.Heading) {
			// a title the source marks as a heading, like its number
		} else if k != kNone {
			break
		}
		if len(parts) > 0 && ((!chapter && !lastFull && !sameWeight(&s.lines[s.i-1], l)) || terminal(parts[len(parts)-1])) {
			break
		}
		if l.src.Table > 0 && s.lines[s.i-1].src.Table == 0 { // a title never runs into a table
			break
		}
		if spacedCJK(l.text) >= 2 || reChartValue().MatchString(l.text) { // a diagram's labels or values, not a title
			break
		}
		parts = append(parts, l.text)
		lastFull = s.isFull(l)
		sp.Extend(s.span(l))
		s.i = j + 1
	}
	return normalize.JoinLines(parts), sp
}

// sameWeight reports whether two lines are both set in bold type of one
// size (Line.Bold, from a PDF's fonts): a title the source wrapped goes on
// in the second, whatever the width of the first. A text dump has no such
// evidence.
func sameWeight(a, b *line) bool {
	return a.src.Bold && b.src.Bold && a.src.Size == b.src.Size
}

// spacedCJK counts the spaces between two ideographs in s, which
// Chinese prose does not have.
func spacedCJK(s string) int {
	n := 0
	var prev rune
	space := false
	for _, r := range s {
		switch {
		case r == ' ':
			space = true
			continue
		case space && normalize.IsHan(prev) && normalize.IsHan(r):
			n++
		}
		prev, space = r, false
	}
	return n
}

// push opens a container below the innermost open container of a higher rank.
func (s *segmenter) push(n *model.Node, rank int, local string, w HeadingWord) {
	s.popTo(rank)
	s.structured = true
	parent := s.top()
	n.ID = s.childID(parent, local)
	parent.node.Children = append(parent.node.Children, n)
	if rank == rankSection && n.Code != nil && len(*n.Code) == 1 {
		parent.lastSection = (*n.Code)[0]
	}
	s.stack = append(s.stack, &frame{node: n, rank: rank, word: w, local: map[string]int{}})
}

// open reports whether a container of rank r is open.
func (s *segmenter) open(r int) bool {
	for _, f := range s.stack {
		if f.rank == r {
			return true
		}
	}
	return false
}

// popTo closes every open container of rank r or lower.
func (s *segmenter) popTo(r int) {
	for len(s.stack) > 0 && s.stack[len(s.stack)-1].rank >= r {
		s.stack = s.stack[:len(s.stack)-1]
	}
}

func (s *segmenter) top() *frame {
	if len(s.stack) == 0 {
		return &s.root
	}
	return s.stack[len(s.stack)-1]
}

// parentFor returns the frame a container of rank r would open below.
func (s *segmenter) parentFor(r int) *frame {
	for k := len(s.stack) - 1; k >= 0; k-- {
		if s.stack[k].rank < r {
			return s.stack[k]
		}
	}
	return &s.root
}

// mandatesFrame returns the open heading that holds a list of mandates.
func (s *segmenter) mandatesFrame() *frame {
	for k := len(s.stack) - 1; k >= 0; k-- {
		f := s.stack[k]
		if f.rank == rankHeading && f.word.Mandates {
			return f
		}
		if f.rank < rankHeading {
			return nil
		}
	}
	return nil
}

// leaf adds a leaf node below the innermost open container.
func (s *segmenter) leaf(n *model.Node, local string) {
	if n.Kind != model.KindParagraph || n.Code != nil {
		s.structured = true
	}
	f := s.top()
	n.ID = s.childID(f, local)
	f.node.Children = append(f.node.Children, n)
}

// childID makes a unique id below f from a local name. A name used
// before gets a suffix, and the renaming is reported.
func (s *segmenter) childID(f *frame, local string) string {
	f.local[local]++
	c := f.local[local]
	if c > 1 {
		local = fmt.Sprintf("%s-%d", local, c)
	}
	id := local
	if f.node != nil && f.node.ID != "" {
		id = f.node.ID + "/" + local
	}
	if c > 1 {
		s.diag("warning", "duplicate-id", fmt.Sprintf("a second node with the same number below %q was renamed %s", f.node.ID, id), nil, id)
	}
	return id
}

// quote shortens a text for a diagnostic message.
func quote(t string) string {
	const max = 80
	if utf8.RuneCountInString(t) > max {
		r := []rune(t)
		t = string(r[:max]) + "…"
	}
	return strconv.Quote(t)
}

func (s *segmenter) span(l *line) model.Span {
	return model.Span{LineStart: l.src.N, LineEnd: l.src.N, PageStart: l.src.Page, PageEnd: l.src.Page}
}

// next returns the index of the next line at or after j that has text and
// is not a hyperlink, or -1.
func (s *segmenter) next(j int) int {
	for ; j < len(s.lines); j++ {
		if !s.lines[j].blank() && !s.lines[j].link {
			return j
		}
	}
	return -1
}

// isFull reports whether a line runs to (nearly) the full text width, so
// that the text goes on in the next line.
func (s *segmenter) isFull(l *line) bool {
	return s.full > 0 && l.width*100 >= s.full*85
}

// isShort reports whether a line ends well before the full text width.
func (s *segmenter) isShort(l *line) bool {
	return s.full > 0 && l.width*100 < s.full*75
}

func (s *segmenter) diag(level, code, msg string, l *line, node string) {
	d := model.Diagnostic{Level: level, Code: code, Message: msg, Node: node}
	if l != nil {
		d.Line, d.Page = l.src.N, l.src.Page
	}
	s.diags = append(s.diags, d)
}
