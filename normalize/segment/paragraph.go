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
}

// paragraph reads a numbered paragraph with its lettered items.
func (s *segmenter) paragraph(st start) {
	first := &s.lines[s.i]
	n, _ := strconv.Atoi(st.code)
	s.lastPara = n
	node := &model.Node{Kind: model.KindParagraph, Code: strp(st.code), Span: s.span(first)}
	s.i++
	var lead []string
	if st.title != "" {
		lead = append(lead, st.title)
	}
	s.paragraphBody(node, lead, first)
	s.leaf(node, "p"+st.code)
	s.finishItems(node)
}

// paragraphBody reads the lines after a paragraph's first line until the
// next block: lead-in text, lettered items, and their continuations.
func (s *segmenter) paragraphBody(node *model.Node, lead []string, last *line) {
	var items []*itemText
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if s.classify(l).kind != kNone {
			break
		}
		var prev *normalize.Marker
		if len(items) > 0 {
			prev = &items[len(items)-1].m
		}
		if m, rest, ok := normalize.ParseMarker(l.text, prev); ok && isItemStyle(m.Style) &&
			(prev == nil && m.Ordinal == 1 || prev != nil && m.Style == prev.Style && m.Ordinal == prev.Ordinal+1) {
			items = append(items, &itemText{m: m, lines: []string{rest}})
		} else if s.closed(last) {
			break
		} else if k, ok := s.residue(j, joinedEnd(lead, items)); ok {
			s.i = k
			continue
		} else if len(items) > 0 {
			it := items[len(items)-1]
			it.lines = append(it.lines, l.text)
		} else {
			lead = append(lead, l.text)
		}
		node.Span.Extend(s.span(l))
		s.i = j + 1
		last = l
	}
	node.Text = normalize.JoinLines(lead)
	for _, it := range items {
		m := it.m
		node.Items = append(node.Items, &model.Item{
			Numbering: numbering(m, len(node.Items)+1),
			Text:      normalize.JoinLines(it.lines),
		})
	}
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
	case normalize.StyleLetter, normalize.StyleRoman, normalize.StyleParenDigit, normalize.StyleFullParenCJK:
		return true
	}
	return false
}

func joinedEnd(lead []string, items []*itemText) string {
	if len(items) > 0 {
		ls := items[len(items)-1].lines
		return ls[len(ls)-1]
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

// loose handles text that opens no block: scattered figure text when the
// chapter has a figure, else an unnumbered paragraph.
func (s *segmenter) loose() {
	if !s.structured {
		// Front matter (masthead, distribution, agenda item) before the
		// first heading is no part of the tree; it is kept in the result.
		for _, l := range s.untilBlock() {
			s.front = append(s.front, l.text)
		}
		return
	}
	if s.figure != nil {
		s.addFigureText(s.untilBlock())
		return
	}
	first := &s.lines[s.i]
	node := &model.Node{Kind: model.KindParagraph, Span: s.span(first)}
	s.i++
	s.paragraphBody(node, []string{first.text}, first)
	f := s.top()
	f.unnumbered++
	s.leaf(node, "u"+strconv.Itoa(f.unnumbered))
	s.finishItems(node)
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
	s.leaf(node, "fig"+strconv.Itoa(st.num))
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
