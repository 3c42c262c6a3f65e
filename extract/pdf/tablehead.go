package pdf

// Table headers from geometry. A header cell is set off from its
// column's left edge (centred over the column, or set right), where the
// cells below start flush left, and is no figure. A header row of a few short words ("否",
// "部分", "是" over a corner left empty) may also come apart from its
// table: its words are too few to show the gutters of the rows below, and
// so far apart that the row reads as letter-spaced text, one segment.
// The row just above a table whose pieces each sit over one column, in
// two columns or more, all set off, is the table's first row and its
// header.

import "math"

// columnEdges returns the left and right edges of the text of each column
// of table lines ls (index col-1), over the lines of rows after skip; an
// empty column has lo > hi.
func columnEdges(ls []pline, skip int) (lo, hi []float64) {
	n := 0
	for _, l := range ls {
		n = max(n, l.col)
	}
	lo, hi = make([]float64, n), make([]float64, n)
	for c := range lo {
		lo[c], hi[c] = math.Inf(1), math.Inf(-1)
	}
	for _, l := range ls {
		if l.row > skip {
			lo[l.col-1] = math.Min(lo[l.col-1], l.x0)
			hi[l.col-1] = math.Max(hi[l.col-1], l.x1)
		}
	}
	return lo, hi
}

// headCell reports whether a cell of text starting at x0 can be a header
// cell: set off from the left edge lo of its column's other cells by an em
// or more, and no figure (figures set right stand off their column's
// edge too).
func headCell(text string, x0, lo, size float64) bool {
	return !math.IsInf(lo, 1) && x0 >= lo+size && !isNumericCell(text)
}

// markHeader marks the first row of table lines ls as a header when it
// has two cells or more, each one line that can be a header cell.
func markHeader(ls []pline) {
	lo, _ := columnEdges(ls, 1)
	seen := make([]bool, len(lo))
	cells := 0
	for _, l := range ls {
		if l.row != 1 {
			continue
		}
		if seen[l.col-1] || !headCell(l.text, l.x0, lo[l.col-1], l.size) {
			return
		}
		seen[l.col-1] = true
		cells++
	}
	if cells < 2 {
		return
	}
	for i := range ls {
		if ls[i].row == 1 {
			ls[i].header = true
		}
	}
}

// headerAbove returns the header lines of table t made of row r, which is
// just above the table's lines ls, or false when r is no such header:
// its pieces (cut at every gap, whatever the row's letter spacing) must
// each sit over one column, its middle over the column's text and clear
// of the columns beside, in two columns or more, and be header cells.
func headerAbove(r *textRow, ls []pline, t int) ([]pline, bool) {
	lo, hi := columnEdges(ls, 0)
	cp := *r
	cp.splitAt(&scratch{}, segGapEm)
	if len(cp.segs) < 2 {
		return nil, false
	}
	groups := make([][]segment, len(lo))
	for i, s := range cp.segs {
		mid, c := (s.x0+s.x1)/2, -1
		for k := range lo {
			if mid >= lo[k] && mid <= hi[k] {
				c = k
			}
		}
		if c < 0 || c > 0 && s.x0 < hi[c-1] || c+1 < len(lo) && s.x1 > lo[c+1] || groups[c] != nil {
			return nil, false // astride columns, or two pieces over one
		}
		groups[c] = cp.segs[i : i+1 : i+1]
	}
	var out []pline
	for c, g := range groups {
		if len(g) == 0 {
			continue
		}
		l := rowLine(&cp, g)
		if !headCell(l.text, g[0].x0, lo[c], r.size) {
			return nil, false
		}
		l.table, l.row, l.col, l.header = t, 1, c+1, true
		out = append(out, l)
	}
	if len(out) < 2 {
		return nil, false
	}
	return out, true
}
