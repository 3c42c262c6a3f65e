package segment

import (
	"strconv"
	"strings"

	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

// table reads a captioned table (表 n): title, header, rows and note. With
// layout from a PDF or HTML each cell is known. A text dump ends each cell's
// last line with a space; where that gives whole rows of the header's width
// the cells are read from it, else each row is its label and the rest of
// its text.
func (s *segmenter) table(st start) {
	node := &model.Node{Kind: model.KindTable, Number: intp(st.num)}
	node.Title, node.Span = s.tableTitle(st.title)
	var rows [][]string
	var cells map[[2]int]*[]string // layout: (row, col) → lines
	var order [][2]int
	var note []string
	var body []*line // text dump: the lines of the rows
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if note != nil {
			if terminal(note[len(note)-1]) || s.classify(l).kind != kNone {
				break
			}
			note = append(note, l.text)
		} else if s.v.tableNote(l.text) {
			note = []string{l.text}
		} else if h, ok := s.v.tableHeader(l.text); ok && len(rows) == 0 && len(cells) == 0 {
			node.Header = h
		} else if s.classify(l).kind != kNone {
			break
		} else if s.layout && l.src.Table > 0 {
			if cells == nil {
				cells = map[[2]int]*[]string{}
			}
			key := [2]int{l.src.Row, l.src.Col}
			if cells[key] == nil {
				cells[key] = &[]string{}
				order = append(order, key)
			}
			*cells[key] = append(*cells[key], l.text)
		} else {
			body = append(body, l)
		}
		node.Span.Extend(s.span(l))
		s.i = j + 1
	}
	lost := false
	if cells == nil && len(body) > 0 {
		var ok bool
		if rows, ok = s.dumpCells(body, len(node.Header)); ok {
			if len(rows[0]) > len(node.Header) {
				node.Header = append([]string{""}, node.Header...) // the row labels' column
			}
		} else {
			rows, lost = s.dumpRows(body), true
		}
	}
	if cells != nil {
		rows = layoutRows(cells, order)
		if len(node.Header) == 0 && len(rows) > 0 && s.v.headerRow(rows[0]) {
			node.Header, rows = rows[0], rows[1:]
		}
	}
	node.Rows = rows
	if note != nil {
		n := normalize.JoinLines(note)
		node.Note = &n
	}
	s.leaf(node, "table"+strconv.Itoa(st.num))
	if lost {
		s.diag("info", "table-cells-unknown", "the text dump does not show cell boundaries; each row holds its label and the rest of its text", nil, node.ID)
	}
}

// dumpCells cuts a text dump's table lines into cells, a cell ending at a
// line that ends with a space, and the cells into rows of ncols cells, or
// ncols+1 when the rows open with a label ("目标 不包括…"). ok is false when
// the cells do not fill whole rows.
func (s *segmenter) dumpCells(body []*line, ncols int) (rows [][]string, ok bool) {
	if ncols < 2 {
		return nil, false
	}
	_, _, labelled := s.v.rowLabel(body[0].text)
	width := ncols
	if labelled {
		width++
	}
	var cells, cur []string
	for _, l := range body {
		text := l.text
		if labelled && len(cur) == 0 && len(cells)%width == 0 {
			label, rest, ok := s.v.rowLabel(text)
			if !ok {
				return nil, false
			}
			cells, text = append(cells, label), rest
		}
		cur = append(cur, text)
		if strings.HasSuffix(l.src.Text, " ") {
			cells, cur = append(cells, normalize.JoinLines(cur)), nil
		}
	}
	if len(cur) > 0 || len(cells)%width != 0 {
		return nil, false
	}
	for i := 0; i < len(cells); i += width {
		rows = append(rows, cells[i:i+width:i+width])
	}
	return rows, true
}

// dumpRows reads a text dump's table lines as rows of a label and the rest
// of the row's text.
func (s *segmenter) dumpRows(body []*line) [][]string {
	var rows [][]string
	for _, l := range body {
		if label, rest, ok := s.v.rowLabel(l.text); ok {
			rows = append(rows, []string{label, rest})
		} else if len(rows) > 0 {
			r := rows[len(rows)-1]
			r[len(r)-1] = normalize.Join(r[len(r)-1], l.text)
		} else {
			rows = append(rows, []string{l.text})
		}
	}
	return rows
}

// tableTitle reads the caption line and the title lines that follow it,
// stopping at the header row.
func (s *segmenter) tableTitle(first string) (string, model.Span) {
	sp := s.span(&s.lines[s.i])
	s.i++
	var parts []string
	if first != "" {
		parts = append(parts, first)
	}
	for len(parts) < 3 {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if _, ok := s.v.tableHeader(l.text); ok || s.classify(l).kind != kNone {
			break
		}
		if len(parts) > 0 && !s.isFull(&s.lines[s.i-1]) {
			break
		}
		parts = append(parts, l.text)
		sp.Extend(s.span(l))
		s.i = j + 1
	}
	return normalize.JoinLines(parts), sp
}

// layoutRows turns cells found by layout into rows, in row then column order.
func layoutRows(cells map[[2]int]*[]string, order [][2]int) [][]string {
	maxRow, maxCol := 0, 0
	for _, k := range order {
		maxRow, maxCol = max(maxRow, k[0]), max(maxCol, k[1])
	}
	var rows [][]string
	for r := 1; r <= maxRow; r++ {
		var row []string
		empty := true
		for c := 1; c <= maxCol; c++ {
			text := ""
			if ls := cells[[2]int{r, c}]; ls != nil {
				text = strings.TrimSpace(normalize.JoinLines(*ls))
				empty = false
			}
			row = append(row, text)
		}
		if !empty {
			rows = append(rows, row)
		}
	}
	return rows
}
