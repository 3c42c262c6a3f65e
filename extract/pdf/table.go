package pdf

// Tables and column layouts from geometry: gutters shared by consecutive
// rows (gutters.go), shown to part columns (evidence.go), with hanging
// labels set apart (labels.go), and cells grouped into table rows
// (tablerows.go). PDF has no table structure of its own unless tagged
// (ISO 32000-1:2008 §14.8.4.3.4); this works on any file, and uses ruling
// lines (§8.5.3) where there are some.

import (
	"math"
	"slices"
)

// block is a run of rows with the gutters their text leaves free.
type block struct {
	rows    []*textRow
	gutters []interval
	narrow  bool // gutters down to narrowGutterEm were allowed
}

// page is what table finding needs to know of the page: its ruling
// lines, the tables numbered so far, and the body between the running
// header and footer bands, where tables are.
type page struct {
	rules               []rule
	tables              *int
	bodyTop, bodyBottom float64
}

// inBody reports whether a row lies between the header and footer bands.
func (pg *page) inBody(r *textRow) bool { return r.bottom > pg.bodyTop && r.top < pg.bodyBottom }

// arrangeRows orders rows into lines, finding tables and column layouts.
func arrangeRows(rows []*textRow, pg *page) []pline {
	var out []pline
	for i := 0; i < len(rows); {
		if e, ls, ok := findTable(rows, i, pg); ok {
			out = append(out, ls...)
			i = e
			continue
		}
		out = append(out, rowLine(rows[i], rows[i].segs))
		i++
	}
	return out
}

// findTable looks for a table or column layout that starts at row i. It
// returns the end of the rows it covers and their lines.
func findTable(rows []*textRow, i int, pg *page) (e int, out []pline, ok bool) {
	if !pg.inBody(rows[i]) {
		return 0, nil, false
	}
	for _, em := range [...]float64{narrowGutterEm, wideGutterEm} {
		j, gutters := growBlock(rows, i, pg, em)
		if j-i < 2 || len(gutters) == 0 {
			continue
		}
		b := block{rows: rows[i:j], gutters: gutters, narrow: em < wideGutterEm}
		e, out, ok, later := b.arrange(pg, 0)
		if ok {
			return i + e, out, true
		}
		if later {
			break // a table, but from a row further down
		}
	}
	return 0, nil, false
}

func (b *block) column(s segment) int { return columnOf(b.gutters, s) }

// occupancy returns which columns of each row have text.
func (b *block) occupancy() [][]bool {
	n := len(b.gutters) + 1
	flat := make([]bool, len(b.rows)*n)
	occ := make([][]bool, len(b.rows))
	for i, r := range b.rows {
		occ[i] = flat[i*n : (i+1)*n : (i+1)*n]
		for _, s := range r.segs {
			occ[i][b.column(s)] = true
		}
	}
	return occ
}

// cellText returns the text of row k in column c.
func (b *block) cellText(k, c int) string {
	var segs []segment
	for _, s := range b.rows[k].segs {
		if b.column(s) == c {
			segs = append(segs, s)
		}
	}
	return joinSegs(segs)
}

// numericRow reports whether a cell of row k right of the first column
// holds a figure.
func (b *block) numericRow(k int) bool {
	for c := 1; c <= len(b.gutters); c++ {
		if isNumericCell(b.cellText(k, c)) {
			return true
		}
	}
	return false
}

func count(v []bool) int {
	k := 0
	for _, x := range v {
		if x {
			k++
		}
	}
	return k
}

// arrange lays out a block as a table or a column layout, or fails; later
// says that a table starts further down. It returns the rows [0, e) of
// the block it covers. depth bounds the re-arrangements after dropping
// label gutters or trimming rows.
func (b *block) arrange(pg *page, depth int) (e int, out []pline, ok, later bool) {
	rules := pg.rules
	if depth > 8 {
		return 0, nil, false, false
	}
	occ := b.occupancy()
	side := b.sideBySide(occ)
	n := len(b.gutters) + 1
	multi := 0
	for _, o := range side {
		if count(o) >= 2 {
			multi++
		}
	}
	if multi < 2 {
		return 0, nil, false, false
	}
	if keep := b.evident(occ, rules); len(keep) < len(b.gutters) {
		// narrow gutters the rows do not show are no columns
		if len(keep) == 0 {
			return 0, nil, false, false
		}
		nb := block{rows: b.rows, gutters: keep, narrow: b.narrow}
		return nb.arrange(pg, depth+1)
	}
	// Hanging labels ("6.1   The Office ...", "68/74   Title") are not
	// columns: drop the gutter right of every label column.
	label := b.labelColumns(occ, side)
	var keep []interval
	for c := 0; c < n-1; c++ {
		if !label[c] {
			keep = append(keep, b.gutters[c])
		}
	}
	if len(keep) == 0 {
		return 0, nil, false, false
	}
	if len(keep) < len(b.gutters) {
		// labels on both sides of the one remaining gutter, each before
		// text: a column layout (two lists side by side), read left first
		if k := slices.Index(b.gutters, keep[0]); len(keep) == 1 && label[0] && k+2 < n && label[k+1] && !label[k+2] {
			return len(b.rows), b.columnLayout(keep[0]), true, false
		}
		nb := block{rows: b.rows, gutters: keep, narrow: b.narrow}
		return nb.arrange(pg, depth+1)
	}
	if !b.aligned(side) {
		return 0, nil, false, false
	}
	lg := b.lineGap(occ)
	s, e := b.trim(side, rules, lg)
	if s > 0 {
		// rows before the table proper: the table starts further down,
		// where its own gutters are found
		return 0, nil, false, true
	}
	if e < len(b.rows) {
		// rows after the table proper: lay out the rest anew
		nb := block{rows: b.rows[:e], narrow: b.narrow}
		nb.gutters = nb.columnGaps()
		if e < 2 || len(nb.gutters) == 0 {
			return 0, nil, false, false
		}
		return nb.arrange(pg, depth+1)
	}
	*pg.tables++
	return len(b.rows), b.cellLines(*pg.tables, occ, b.tableRows(occ, rules, lg)), true, false
}

// cellLines returns the lines of table t: cells in row order, column by
// column, each column top to bottom.
func (b *block) cellLines(t int, occ [][]bool, rowOf []int) []pline {
	n := len(b.gutters) + 1
	var out []pline
	for i := 0; i < len(b.rows); {
		j := i
		for j < len(b.rows) && rowOf[j] == rowOf[i] {
			j++
		}
		for c := 0; c < n; c++ {
			for k := i; k < j; k++ {
				if !occ[k][c] {
					continue
				}
				var segs []segment
				for _, s := range b.rows[k].segs {
					if b.column(s) == c {
						segs = append(segs, s)
					}
				}
				l := rowLine(b.rows[k], segs)
				l.table, l.row, l.col = t, rowOf[k], c+1
				out = append(out, l)
			}
		}
		i = j
	}
	return out
}

// labelColumns reports which columns hold only labels, in the rows with
// cells side by side.
func (b *block) labelColumns(occ, side [][]bool) []bool {
	label := make([]bool, len(b.gutters)+1)
	for c := range label {
		label[c] = true
		for i := range b.rows {
			if count(side[i]) < 2 {
				continue // a wrapped last line under a hanging label
			}
			if occ[i][c] && !isLabel(b.cellText(i, c)) {
				label[c] = false
				break
			}
		}
	}
	return label
}

// columnLayout returns the lines of two columns of text side by side,
// parted by g: the left column, then the right one.
func (b *block) columnLayout(g interval) []pline {
	var out []pline
	for _, r := range subRows(b.rows, math.Inf(-1), g.a+0.01) {
		out = append(out, rowLine(r, r.segs))
	}
	for _, r := range subRows(b.rows, g.b-0.01, math.Inf(1)) {
		out = append(out, rowLine(r, r.segs))
	}
	return out
}

// columnGaps returns the gutters the block's rows leave free.
func (b *block) columnGaps() []interval {
	var iv []interval
	for _, r := range b.rows {
		iv = append(iv, r.spans...)
	}
	em := wideGutterEm
	if b.narrow {
		em = narrowGutterEm
	}
	return gapsOf(mergeIntervals(iv), em*b.rows[0].size)
}

// subRows returns copies of rows restricted to segments within [lo, hi].
func subRows(rows []*textRow, lo, hi float64) []*textRow {
	var out []*textRow
	for _, r := range rows {
		var segs []segment
		for _, s := range r.segs {
			if s.x0 >= lo && s.x1 <= hi {
				segs = append(segs, s)
			}
		}
		if len(segs) == 0 {
			continue
		}
		nr := *r
		nr.segs = segs
		nr.x0, nr.x1 = segs[0].x0, segs[len(segs)-1].x1
		out = append(out, &nr)
	}
	return out
}
