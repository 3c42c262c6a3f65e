package segment

import (
	"strconv"
	"strings"

	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

// row is one expected accomplishment being read, with its indicators.
type row struct {
	m      normalize.Marker
	text   []string
	inds   []*indRow
	inInds bool // the indicator cell has begun
}

type indRow struct {
	m    *normalize.Marker // nil for a lone unnumbered indicator
	text []string
}

// results reads a result table: expected accomplishments with their
// indicators of achievement. A text dump gives each row either on one
// line ("(a) accomplishment  (a) indicator") or cell after cell; the second
// appearance of an accomplishment's letter opens its indicator cell. With
// layout from a PDF or HTML, the column of each line decides.
func (s *segmenter) results() {
	node := &model.Node{Kind: model.KindResults, Span: s.span(&s.lines[s.i])}
	s.i++
	var rows []*row
	cur := func() *row {
		if len(rows) == 0 {
			return nil
		}
		return rows[len(rows)-1]
	}
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if l.match.kind == kResults { // repeated after a page break
			node.Span.Extend(s.span(l))
			s.i = j + 1
			continue
		}
		if st := s.classify(l); st.kind != kNone {
			r := cur()
			complete := r == nil || r.inInds
			soft := st.kind == kHeading || st.kind == kParagraph || st.kind == kSection
			if complete || !soft {
				break
			}
		}
		if s.layout && l.src.Table > 0 && l.src.Col > 0 {
			rows = s.resultCell(rows, l)
		} else {
			rows = s.resultLine(rows, l.text)
		}
		node.Span.Extend(s.span(l))
		s.i = j + 1
	}
	for _, r := range rows {
		a := &model.Accomplishment{Numbering: numbering(r.m, len(node.Accomplishments)+1), Text: normalize.JoinLines(r.text)}
		for k, ir := range r.inds {
			ind := &model.Indicator{Numbering: model.Numbering{Ordinal: k + 1}, Text: normalize.JoinLines(ir.text)}
			if ir.m != nil {
				ind.Numbering = numbering(*ir.m, k+1)
			}
			a.Indicators = append(a.Indicators, ind)
		}
		node.Accomplishments = append(node.Accomplishments, a)
	}
	s.leaf(node, "results")
	for _, a := range node.Accomplishments {
		a.ID = node.ID + "/" + *a.Label
		if a.Indicators == nil {
			a.Indicators = []*model.Indicator{}
			s.diag("warning", "accomplishment-without-indicator", "expected accomplishment "+*a.Marker+" has no indicator", nil, a.ID)
		}
		for _, ind := range a.Indicators {
			key := strconv.Itoa(ind.Ordinal)
			if ind.Label != nil {
				key = *ind.Label
			}
			ind.ID = a.ID + "/" + key
		}
	}
	if len(node.Accomplishments) == 0 {
		s.diag("warning", "empty-results", "a result table header with no rows", nil, node.ID)
	}
}

// resultLine reads one line of a text dump into the rows.
func (s *segmenter) resultLine(rows []*row, t string) []*row {
	var r *row
	if len(rows) > 0 {
		r = rows[len(rows)-1]
	}
	if m, rest, ok := normalize.ParseMarker(t, nil); ok && m.Style == normalize.StyleLetter {
		switch {
		case r != nil && !r.inInds && m.Label == r.m.Label:
			r.startIndicators(rest)
			return rows
		case r == nil && m.Ordinal == 1 || r != nil && m.Ordinal == r.m.Ordinal+1:
			nr := &row{m: m}
			if k := strings.Index(rest, " "+m.Marker); k >= 0 {
				nr.text = []string{rest[:k]}
				nr.startIndicators(strings.TrimSpace(rest[k+1+len(m.Marker):]))
			} else {
				nr.text = []string{rest}
			}
			return append(rows, nr)
		}
	}
	if r == nil {
		return rows
	}
	if m, rest, ok := normalize.ParseMarker(t, nil); ok && isIndicatorStyle(m.Style) {
		r.inInds = true
		mm := m // only a kept marker goes to the heap
		r.inds = append(r.inds, &indRow{m: &mm, text: []string{rest}})
		return rows
	}
	r.appendText(t)
	return rows
}

// resultCell reads one line whose table column is known.
func (s *segmenter) resultCell(rows []*row, l *line) []*row {
	var r *row
	if len(rows) > 0 {
		r = rows[len(rows)-1]
	}
	t := l.text
	if l.src.Col == 1 {
		if m, rest, ok := normalize.ParseMarker(t, nil); ok && m.Style == normalize.StyleLetter &&
			(r == nil && m.Ordinal == 1 || r != nil && m.Ordinal == r.m.Ordinal+1) {
			return append(rows, &row{m: m, text: []string{rest}})
		}
		if r != nil {
			r.text = append(r.text, t)
		}
		return rows
	}
	if r == nil {
		return rows
	}
	if m, rest, ok := normalize.ParseMarker(t, nil); ok && m.Style == normalize.StyleLetter && m.Label == r.m.Label && !r.inInds {
		r.startIndicators(rest)
		return rows
	}
	if m, rest, ok := normalize.ParseMarker(t, nil); ok && isIndicatorStyle(m.Style) {
		r.inInds = true
		mm := m // only a kept marker goes to the heap
		r.inds = append(r.inds, &indRow{m: &mm, text: []string{rest}})
		return rows
	}
	r.inInds = true
	if len(r.inds) == 0 {
		r.inds = append(r.inds, &indRow{})
	}
	ir := r.inds[len(r.inds)-1]
	ir.text = append(ir.text, t)
	return rows
}

// startIndicators opens the indicator cell with the text after the
// repeated accomplishment letter: "㈠ …" or a lone unnumbered indicator.
func (r *row) startIndicators(rest string) {
	r.inInds = true
	if m, text, ok := normalize.ParseMarker(rest, nil); ok && isIndicatorStyle(m.Style) {
		r.inds = append(r.inds, &indRow{m: &m, text: []string{text}})
		return
	}
	r.inds = append(r.inds, &indRow{text: []string{rest}})
}

// appendText continues the open cell of the row.
func (r *row) appendText(t string) {
	if r.inInds && len(r.inds) > 0 {
		ir := r.inds[len(r.inds)-1]
		ir.text = append(ir.text, t)
		return
	}
	r.text = append(r.text, t)
}

func isIndicatorStyle(st normalize.Style) bool {
	switch st {
	case normalize.StyleParenIdeograph, normalize.StyleRoman, normalize.StyleParenDigit, normalize.StyleFullParenCJK:
		return true
	}
	return false
}
