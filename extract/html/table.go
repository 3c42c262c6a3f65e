package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
)

// Tables follow the table model of the HTML standard ("forming a table"):
// rows in order (a tfoot goes last), each cell placed in the first column
// that no cell from an earlier row still covers; colspan widens a cell,
// rowspan extends it down to at most the end of its row group. A cell's
// lines carry the table number, its row and its first column; a spanning
// cell is reported once.

const (
	maxColspan = 1000  // the HTML standard's limit
	maxRowspan = 65534 // idem
)

// tableRow is a <tr> with the index of the last row of its row group.
type tableRow struct {
	tr       *xhtml.Node
	groupEnd int
}

// tableRows lists the rows of table t (not of nested tables).
func tableRows(t *xhtml.Node) []tableRow {
	var rows, foot []tableRow
	addGroup := func(dst []tableRow, g *xhtml.Node) []tableRow {
		first := len(dst)
		for c := g.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && c.Data == "tr" && c.Namespace == "" {
				dst = append(dst, tableRow{tr: c})
			}
		}
		for i := first; i < len(dst); i++ {
			dst[i].groupEnd = len(dst) - 1
		}
		return dst
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode || c.Namespace != "" {
			continue
		}
		switch c.Data {
		case "thead", "tbody":
			rows = addGroup(rows, c)
		case "tfoot":
			foot = addGroup(foot, c)
		case "tr":
			// The parser always wraps rows in a tbody; a hand-built tree
			// might not.
			rows = append(rows, tableRow{tr: c, groupEnd: -1})
		}
	}
	for i := range rows {
		if rows[i].groupEnd < 0 {
			rows[i].groupEnd = i
		}
	}
	base := len(rows)
	for _, r := range foot {
		r.groupEnd += base
		rows = append(rows, r)
	}
	return rows
}

func rowCells(tr *xhtml.Node) []*xhtml.Node {
	var cells []*xhtml.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.Namespace == "" && (c.Data == "td" || c.Data == "th") {
			cells = append(cells, c)
		}
	}
	return cells
}

// spanAttr parses colspan/rowspan as the HTML standard parses non-negative
// integers: leading white space, then digits, anything after ignored. def is
// returned when there are no digits.
func spanAttr(n *xhtml.Node, key string, def int) int {
	s := strings.TrimLeft(attr(n, key), " \t\n\f\r")
	v, digits := 0, 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		digits++
		if v < 1<<20 {
			v = v*10 + int(c-'0')
		}
	}
	if digits == 0 {
		return def
	}
	return v
}

// rowSpan is a cell from an earlier row still covering columns.
type rowSpan struct {
	col, width, lastRow int
}

// cellGrid places cells of one table.
type cellGrid struct {
	spans []rowSpan
}

// startRow forgets the spans that ended before row.
func (g *cellGrid) startRow(row int) {
	kept := g.spans[:0]
	for _, s := range g.spans {
		if s.lastRow >= row {
			kept = append(kept, s)
		}
	}
	g.spans = kept
}

// place returns the first free column at or after cursor in row and records
// the cell's row span.
func (g *cellGrid) place(row, cursor, colspan, rowspan, groupEnd int) int {
	for moved := true; moved; {
		moved = false
		for _, s := range g.spans {
			if s.col <= cursor && cursor < s.col+s.width {
				cursor = s.col + s.width
				moved = true
			}
		}
	}
	last := row + rowspan - 1
	if rowspan == 0 || last > groupEnd {
		last = groupEnd
	}
	if last > row {
		g.spans = append(g.spans, rowSpan{col: cursor, width: colspan, lastRow: last})
	}
	return cursor
}

// isLayoutTable reports a table used to lay out the page rather than to
// hold data: role=presentation, a single cell, or a single column. Its
// cells are read as running text.
func isLayoutTable(t *xhtml.Node, rows []tableRow) bool {
	switch strings.ToLower(attr(t, "role")) {
	case "presentation", "none":
		return true
	}
	cells, maxCols := 0, 0
	for _, r := range rows {
		cols := 0
		for _, c := range rowCells(r.tr) {
			cells++
			cols += clampSpan(spanAttr(c, "colspan", 1), 1, maxColspan)
		}
		if cols > maxCols {
			maxCols = cols
		}
	}
	return cells <= 1 || maxCols <= 1
}

func clampSpan(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// table walks a <table>: captions as running text first, then the cells.
func (w *walker) table(t *xhtml.Node) {
	// Cells are visited out of source order (tfoot last) and white space
	// between rows is not visited at all; afterwards the running line is
	// recomputed over the whole table.
	defer func(from int) {
		w.cur = from
		w.skip(t)
	}(w.cur)
	w.flush()
	w.structured = true
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.Data == "caption" && c.Namespace == "" {
			w.block(c, w.sync(c), 0)
		}
	}
	rows := tableRows(t)
	if isLayoutTable(t, rows) {
		for _, r := range rows {
			w.sync(r.tr)
			for _, c := range rowCells(r.tr) {
				w.block(c, w.sync(c), 0)
			}
		}
		return
	}
	w.tables++
	number := w.tables
	saved := w.ctx
	var g cellGrid
	for i, r := range rows {
		w.sync(r.tr)
		g.startRow(i)
		cursor := 1
		for _, c := range rowCells(r.tr) {
			colspan := clampSpan(spanAttr(c, "colspan", 1), 1, maxColspan)
			rowspan := clampSpan(spanAttr(c, "rowspan", 1), 0, maxRowspan)
			col := g.place(i, cursor, colspan, rowspan, r.groupEnd)
			cursor = col + colspan
			head := c.Data == "th" || r.tr.Parent != nil && r.tr.Parent.Data == "thead"
			w.ctx = lineCtx{table: number, row: i + 1, col: col, header: head}
			w.cell(c)
		}
	}
	w.ctx = saved
}

// cell walks one <td>/<th>; every line inside it carries the cell's place.
func (w *walker) cell(c *xhtml.Node) {
	start := w.sync(c)
	if w.drop[c] {
		w.dropped++
		w.skip(c)
		return
	}
	w.flush()
	w.lb.blockLine = start
	w.children(c)
	w.flush()
	w.lb.blockLine = 0
}
