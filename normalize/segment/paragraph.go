package segment

import (
	"strconv"
	"strings"

	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

// itemText collects the lines of one item before they are joined.
type itemText struct {
	m     normalize.Marker
	lines []string
	subs  []*itemText
}

// paragraph reads a numbered paragraph with its items.
func (s *segmenter) paragraph(st start) {
	node := s.paragraphNode(st)
	s.leaf(node, "p"+st.code)
	s.paragraphDiags(node)
	s.finishItems(node)
}

// paragraphDiags reports what paragraphNode noticed, once the node has
// its id.
func (s *segmenter) paragraphDiags(node *model.Node) {
	for _, d := range s.pending {
		d.Node = node.ID
		if d.Code == "paragraph-number-out-of-order" {
			d.Message += node.ID
		}
		s.diags = append(s.diags, d)
	}
	s.pending = nil
}

// paragraphNode reads a numbered paragraph with its items; what it notices
// waits in s.pending for the node's id.
func (s *segmenter) paragraphNode(st start) *model.Node {
	first := &s.lines[s.i]
	skipped := false
	if st.major > 0 {
		p := s.lastDotted
		skipped = p[0] == st.major && st.num > p[1]+1
		s.lastDotted = [2]int{st.major, st.num}
	} else {
		skipped = s.lastPara > 0 && st.num > s.lastPara+1
		s.lastPara = st.num
	}
	node := &model.Node{Kind: model.KindParagraph, Code: strp(st.code), Span: s.span(first)}
	s.i++
	var lead []string
	if st.title != "" {
		lead = append(lead, st.title)
	}
	stray := s.paragraphBody(node, lead, first)
	if skipped {
		s.pending = append(s.pending, model.Diagnostic{Level: "warning", Code: "paragraph-number-skipped",
			Message: "paragraph " + st.code + " follows a gap in the numbering", Line: first.src.N, Page: first.src.Page})
	}
	for _, l := range stray {
		s.pending = append(s.pending, model.Diagnostic{Level: "warning", Code: "paragraph-number-out-of-order",
			Message: "a paragraph number out of sequence, " + quote(l.text) + ", is read as text of ", Line: l.src.N, Page: l.src.Page})
	}
	return node
}

// list is the open lists of a paragraph, outermost first: each level holds
// the items of one marker style, and an item's sub-list is the next level.
type list struct {
	top    []*itemText
	levels []*itemText // the last item of each open level
}

// add reads a marker line into the lists: the next item of an open level
// (closing the levels inside it), or the first item of a new level inside
// the innermost open item. ok is false when the marker does not follow on.
func (ls *list) add(text string) bool {
	for k := len(ls.levels) - 1; k >= 0; k-- {
		prev := ls.levels[k].m
		m, rest, ok := normalize.ParseMarker(text, &prev)
		if ok && m.Style == prev.Style && m.Ordinal == prev.Ordinal+1 {
			it := &itemText{m: m, lines: []string{rest}}
			if k == 0 {
				ls.top = append(ls.top, it)
			} else {
				parent := ls.levels[k-1]
				parent.subs = append(parent.subs, it)
			}
			ls.levels = append(ls.levels[:k], it)
			return true
		}
	}
	m, rest, ok := normalize.ParseMarker(text, nil)
	if !ok || !isItemStyle(m.Style) || m.Ordinal != 1 {
		return false
	}
	for _, open := range ls.levels {
		if open.m.Style == m.Style {
			return false // a new list of a style already open is no sub-list
		}
	}
	it := &itemText{m: m, lines: []string{rest}}
	if len(ls.levels) == 0 {
		ls.top = append(ls.top, it)
	} else {
		parent := ls.levels[len(ls.levels)-1]
		parent.subs = append(parent.subs, it)
	}
	ls.levels = append(ls.levels, it)
	return true
}

// last is the innermost open item, or nil.
func (ls *list) last() *itemText {
	if len(ls.levels) == 0 {
		return nil
	}
	return ls.levels[len(ls.levels)-1]
}

// paragraphBody reads the lines after a paragraph's first line until the
// next block: lead-in text, items at any depth, and their continuations.
// It returns the lines that looked like paragraph numbers out of sequence.
// Form-field text and the page's own text never share a paragraph; a
// paragraph of form-field text is marked so.
func (s *segmenter) paragraphBody(node *model.Node, lead []string, last *line) (stray []*line) {
	var ls list
	node.FormField = last.src.FormField
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if s.classify(l).kind != kNone || l.match.kind == kSubprogramme && s.mandatesFrame() == nil {
			break // a block, or a heading printed again
		}
		if l.src.FormField != node.FormField {
			break
		}
		if ls.add(l.text) {
			// an item
		} else if s.closed(last) || footnoteRule(l.text) {
			break
		} else if k, ok := s.residue(j, joinedEnd(lead, ls.last())); ok {
			s.i = k
			continue
		} else if it := ls.last(); it != nil {
			it.lines = append(it.lines, l.text)
		} else {
			lead = append(lead, l.text)
		}
		if l.match.kind == kParagraph {
			stray = append(stray, l)
		}
		node.Span.Extend(s.span(l))
		s.i = j + 1
		last = l
	}
	node.Text = normalize.JoinLines(lead)
	node.Items = items(ls.top)
	return stray
}

// items joins the lines of each item and of its sub-items.
func items(its []*itemText) []*model.Item {
	var out []*model.Item
	for k, it := range its {
		out = append(out, &model.Item{
			Numbering: numbering(it.m, k+1),
			Text:      normalize.JoinLines(it.lines),
			Items:     items(it.subs),
		})
	}
	return out
}

// finishItems splits inline sub-items (㈠ … ㈡ …) out of item texts, or out
// of the lead-in text when the paragraph has no lettered items, and gives
// every item its id.
func (s *segmenter) finishItems(node *model.Node) {
	if len(node.Items) == 0 {
		if text, subs := splitInline(node.Text); len(subs) > 1 {
			node.Text, node.Items = text, subs
		}
	}
	for _, it := range node.Items {
		if len(it.Items) == 0 {
			if text, subs := splitInline(it.Text); len(subs) > 1 {
				it.Text, it.Items = text, subs
			}
		}
	}
	setItemIDs(node.ID, node.Items)
}

func setItemIDs(parent string, items []*model.Item) {
	for _, it := range items {
		key := strconv.Itoa(it.Ordinal)
		if it.Label != nil {
			key = *it.Label
		}
		it.ID = parent + "/" + key
		if it.Items == nil {
			it.Items = []*model.Item{}
		}
		setItemIDs(it.ID, it.Items)
	}
}

// splitInline splits text at inline markers ㈠, ㈡, … that run in order
// from the first. It returns the text before the first marker and the items.
func splitInline(text string) (string, []*model.Item) {
	for _, style := range inlineStyles {
		if !containsAny(text, style.first) { // the run starts at the first marker
			continue
		}
		offs := normalize.FindMarkers(text, style.style)
		if len(offs) < 2 {
			continue
		}
		var items []*model.Item
		ok := true
		for k, off := range offs {
			end := len(text)
			if k+1 < len(offs) {
				end = offs[k+1]
			}
			m, rest, good := normalize.ParseMarker(text[off:end], nil)
			if !good || m.Ordinal != k+1 {
				ok = false
				break
			}
			items = append(items, &model.Item{Numbering: numbering(m, k+1), Text: strings.TrimSpace(rest)})
		}
		if ok {
			return strings.TrimSpace(text[:offs[0]]), items
		}
	}
	return text, nil
}

// inlineStyles are the markers of sub-items run into a paragraph or item,
// with how the first one is printed.
var inlineStyles = []struct {
	style normalize.Style
	first []string
}{
	{normalize.StyleParenIdeograph, []string{"㈠"}},
	{normalize.StyleParenDigit, []string{"⑴", "(1)", "（1）"}},
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func isItemStyle(st normalize.Style) bool {
	switch st {
	case normalize.StyleLetter, normalize.StyleRoman, normalize.StyleParenDigit, normalize.StyleFullParenCJK, normalize.StyleParenIdeograph:
		return true
	}
	return false
}

func joinedEnd(lead []string, it *itemText) string {
	if it != nil {
		return it.lines[len(it.lines)-1]
	}
	if len(lead) > 0 {
		return lead[len(lead)-1]
	}
	return ""
}

// closed reports whether a block's text ended on line l: a short line
// that ends a sentence cannot be followed by more of the same block.
func (s *segmenter) closed(l *line) bool {
	return terminal(l.text) && s.isShort(l)
}

// footnoteRule tells a line of underscores alone: the rule above the
// footnotes at the foot of a page, which no paragraph runs into.
func footnoteRule(t string) bool {
	return len(t) >= 5 && strings.Trim(t, "_") == ""
}

// residue recognises figure text printed inside a paragraph: where the
// paragraph breaks off mid-sentence at the foot of a page, short fragments
// follow up to the hyperlink lines that end the page, and the paragraph
// goes on after them. The fragments go to the chapter's latest figure and
// the index of the line after them is returned.
func (s *segmenter) residue(j int, textEnd string) (int, bool) {
	if s.figure == nil || terminal(textEnd) || !s.isShort(&s.lines[j]) || terminal(s.lines[j].text) {
		return 0, false
	}
	var frag []*line
	for k := j; k < len(s.lines) && k-j < 120; k++ {
		l := &s.lines[k]
		if l.blank() {
			continue
		}
		if l.link {
			after := s.next(k)
			if after < 0 || s.classify(&s.lines[after]).kind != kNone || len(frag) == 0 {
				return 0, false
			}
			s.addFigureText(frag)
			return after, true
		}
		if s.classify(l).kind.strong() {
			return 0, false
		}
		frag = append(frag, l)
	}
	return 0, false
}

// untilBlock reads the lines from s.i up to the next line that opens a block.
func (s *segmenter) untilBlock() []*line {
	var ls []*line
	for {
		j := s.next(s.i)
		if j < 0 || s.classify(&s.lines[j]).kind != kNone {
			return ls
		}
		ls = append(ls, &s.lines[j])
		s.i = j + 1
	}
}

// addFigureText appends scattered lines to the chapter's latest figure.
func (s *segmenter) addFigureText(ls []*line) {
	var texts []string
	if s.figure.FigureText != nil {
		texts = append(texts, *s.figure.FigureText)
	}
	for _, l := range ls {
		texts = append(texts, l.text)
		s.figure.Span.Extend(s.span(l))
	}
	t := strings.Join(texts, "\n")
	s.figure.FigureText = &t
	s.diag("info", "figure-text", "text scattered outside the figure was given to "+s.figure.ID, ls[0], s.figure.ID)
}

// loose handles text that opens no block: front matter before the first
// heading, scattered figure text when the chapter has a figure, else an
// unnumbered paragraph.
func (s *segmenter) loose() {
	first := &s.lines[s.i]
	if first.match.kind == kSubprogramme && s.mandatesFrame() == nil {
		parent := s.parentFor(rankSubprogramme)
		id := "sp" + strconv.Itoa(first.match.num)
		if parent.node != nil && parent.node.ID != "" {
			id = parent.node.ID + "/" + id
		}
		s.diag("warning", "repeated-heading", "subprogramme "+strconv.Itoa(first.match.num)+" is printed again; the line is kept as text", first, id)
	}
	if !s.structured {
		s.frontParagraph()
		return
	}
	if s.figure != nil {
		s.addFigureText(s.untilBlock())
		return
	}
	node := &model.Node{Kind: model.KindParagraph, Span: s.span(first)}
	s.i++
	s.paragraphBody(node, []string{first.text}, first)
	f := s.top()
	f.unnumbered++
	s.leaf(node, "u"+strconv.Itoa(f.unnumbered))
	s.finishItems(node)
}

// frontParagraph reads one paragraph of the text before the first heading
// (masthead, title, summary, a resolution's preamble): a line is a
// paragraph of its own unless the line before it ran to the full width
// without ending a sentence. The paragraphs are placed when the whole
// document has been read (see placeFront).
func (s *segmenter) frontParagraph() {
	first := &s.lines[s.i]
	node := &model.Node{Kind: model.KindParagraph, Span: s.span(first), FormField: first.src.FormField}
	parts := []string{first.text}
	s.i++
	for last := first; ; {
		j := s.next(s.i)
		if j < 0 || !s.isFull(last) || terminal(last.text) {
			break
		}
		l := &s.lines[j]
		if s.classify(l).kind != kNone || l.src.FormField != node.FormField {
			break
		}
		parts = append(parts, l.text)
		node.Span.Extend(s.span(l))
		s.i, last = j+1, l
	}
	node.Text = normalize.JoinLines(parts)
	s.front = append(s.front, node)
}

// placeFront puts the front matter at the head of the body: in a
// front-matter node when a structure follows it, else as the body's own
// paragraphs (a document with no UN structure).
func (s *segmenter) placeFront() {
	if len(s.front) == 0 {
		return
	}
	prefix := ""
	nodes := s.front
	if s.structured {
		fm := &model.Node{Kind: model.KindFrontMatter, ID: "front", Span: s.front[0].Span, Children: s.front}
		for _, p := range s.front {
			fm.Span.Extend(p.Span)
		}
		prefix, nodes = "front/", []*model.Node{fm}
	}
	for k, p := range s.front {
		p.ID = prefix + "u" + strconv.Itoa(k+1)
		p.Items = []*model.Item{}
	}
	s.root.node.Children = append(nodes, s.root.node.Children...)
}

// objective reads an objective: the text after its prefix up to the next block.
func (s *segmenter) objective(st start) {
	first := &s.lines[s.i]
	node := &model.Node{Kind: model.KindObjective, Span: s.span(first)}
	parts := []string{st.title}
	s.i++
	for _, l := range s.untilBlock() {
		parts = append(parts, l.text)
		node.Span.Extend(s.span(l))
	}
	node.Text = normalize.JoinLines(parts)
	s.leaf(node, "objective")
}

// figureBlock reads a figure caption, its title and the text drawn in it.
func (s *segmenter) figureBlock(st start) {
	node := &model.Node{Kind: model.KindFigure, Number: intp(st.num)}
	node.Title, node.Span = s.title(st.title, false)
	local := "fig" + strconv.Itoa(st.num)
	node.Label = st.label
	if k := strings.LastIndexByte(st.label, '.'); k >= 0 { // budget sections: 图10.一, Figure 10.I
		// the id has the figure's number in Roman numerals, as the English
		// edition prints it, so that both editions share it
		local = "fig" + st.label[:k+1] + strings.ToUpper(normalize.Roman(st.num))
	}
	s.leaf(node, local)
	s.figure = node
	if ls := s.untilBlock(); len(ls) > 0 {
		var texts []string
		for _, l := range ls {
			texts = append(texts, l.text)
			node.Span.Extend(s.span(l))
		}
		t := strings.Join(texts, "\n")
		node.FigureText = &t
	}
}

// numbering turns a parsed marker into the contract's numbering fields.
func numbering(m normalize.Marker, ordinal int) model.Numbering {
	return model.Numbering{Label: strp(m.Label), Marker: strp(m.Marker), Ordinal: ordinal}
}

func strp(s string) *string { return &s }
func intp(i int) *int       { return &i }
