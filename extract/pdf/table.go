package pdf

// Tables and column layouts from geometry: gutters shared by consecutive
// rows (gutters.go), shown to part columns (evidence.go), with hanging
// labels set apart (labels.go), and cells grouped into table rows
// (tablerows.go). PDF has no table structure of its own unless tagged
// (ISO 32000-1:2008 §14.8.4.3.4); this works on any file, and uses ruling
// lines (§8.5.3) where there are some.

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// block is a run of rows with the gutters their text leaves free.
type block struct {
	rows    []*textRow
	gutters []interval
	narrow  bool // gutters down to narrowGutterEm were allowed
	// set by groupCells: where in a row's segments each column starts
	// (n+1 offsets a row, for n columns), and for rows whose segments are
	// out of column order, a copy in order
	starts    []int
	reordered [][]segment
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
	single := -1 // the row out ends with, when a line of its own
	for i := 0; i < len(rows); {
		if e, ls, ok := findTable(rows, i, pg); ok {
			if i > 0 && single == i-1 && ls[0].table > 0 && rowJustAbove(rows[i-1], rows[i], pg) {
				if h, ok := headerAbove(rows[i-1], ls, ls[0].table); ok {
					out = out[:len(out)-1]
					for k := range ls {
						ls[k].row++
					}
					ls = append(h, ls...)
				}
			}
			if ls[0].table > 0 {
				markHeader(ls)
			}
			out = append(out, ls...)
			i = e
			continue
		}
		ls := rowLines(rows[i])
		out = append(out, ls...)
		single = -1
		if len(ls) == 1 { // not a form field's row split in two
			single = i
		}
		i++
	}
	return out
}

// rowJustAbove reports whether row a, in the body, sits just above row b, no
// further than the rows of a block may be apart.
func rowJustAbove(a, b *textRow, pg *page) bool {
	return pg.inBody(a) && !rowArtifact(a) && b.top-a.bottom <= 3*math.Max(a.size, b.size)
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

// groupCells sets b.starts and b.reordered.
func (b *block) groupCells() {
	n := len(b.gutters) + 1
	b.starts = make([]int, len(b.rows)*(n+1))
	b.reordered = nil
	var buf [16]int
	cols := buf[:0]
	for k, r := range b.rows {
		cols = cols[:0]
		at := b.starts[k*(n+1) : (k+1)*(n+1)]
		inOrder := true
		for i, s := range r.segs {
			c := columnOf(b.gutters, s)
			inOrder = inOrder && (i == 0 || c >= cols[i-1])
			cols = append(cols, c)
			at[c+1]++
		}
		for c := range n {
			at[c+1] += at[c]
		}
		if !inOrder {
			if b.reordered == nil {
				b.reordered = make([][]segment, len(b.rows))
			}
			b.reordered[k] = byColumn(r.segs, cols, n)
		}
	}
}

// byColumn returns a copy of segs ordered by their columns cols, stably.
func byColumn(segs []segment, cols []int, n int) []segment {
	out := make([]segment, 0, len(segs))
	for c := range n {
		for i, s := range segs {
			if cols[i] == c {
				out = append(out, s)
			}
		}
	}
	return out
}

// cellSegs returns the segments of row k in column c.
func (b *block) cellSegs(k, c int) []segment {
	segs := b.rows[k].segs
	if b.reordered != nil && b.reordered[k] != nil {
		segs = b.reordered[k]
	}
	i := k*(len(b.gutters)+2) + c
	return segs[b.starts[i]:b.starts[i+1]:b.starts[i+1]]
}

// occupancy returns which columns of each row have text.
func (b *block) occupancy() [][]bool {
	n := len(b.gutters) + 1
	flat := make([]bool, len(b.rows)*n)
	occ := make([][]bool, len(b.rows))
	for k := range b.rows {
		occ[k] = flat[k*n : (k+1)*n : (k+1)*n]
		at := b.starts[k*(n+1) : (k+1)*(n+1)]
		for c := range occ[k] {
			occ[k][c] = at[c+1] > at[c]
		}
	}
	return occ
}

// cellText returns the text of row k in column c.
func (b *block) cellText(k, c int) string { return joinSegs(b.cellSegs(k, c)) }

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
	b.groupCells()
	occ := b.occupancy()
	side, multi := b.sideBySide(occ)
	n := len(b.gutters) + 1
	if count(multi) < 2 {
		if b.sideLists(multi) {
			return len(b.rows), b.columnLayout(b.gutters[1]), true, false
		}
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
	label := b.labelColumns(occ, multi)
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
	band, ruled := b.bands(), b.ruledRows(rules)
	s, e := b.trim(side, multi, band, ruled, lg)
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
	return len(b.rows), b.cellLines(*pg.tables, b.tableRows(occ, band, ruled, lg)), true, false
}

// cellLines returns the lines of table t: cells in row order, column by
// column, each column top to bottom.
func (b *block) cellLines(t int, rowOf []int) []pline {
	n := len(b.gutters) + 1
	var out []pline
	for i := 0; i < len(b.rows); {
		j := i
		for j < len(b.rows) && rowOf[j] == rowOf[i] {
			j++
		}
		for c := 0; c < n; c++ {
			for k := i; k < j; k++ {
				segs := b.cellSegs(k, c)
				if len(segs) == 0 {
					continue
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
func (b *block) labelColumns(occ [][]bool, multi []bool) []bool {
	label := make([]bool, len(b.gutters)+1)
	for c := range label {
		label[c] = true
		for i := range b.rows {
			if !multi[i] {
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

// sideLists reports whether a block with one row of cells side by side
// is the end of two lists of mandates side by side: that row holds a
// number, a title, a number and a title, in four columns. Mandate numbers
// (resolutionsRe), not any label, are the evidence, as one row is little.
func (b *block) sideLists(multi []bool) bool {
	if len(b.gutters) != 3 {
		return false
	}
	for k := range b.rows {
		if !multi[k] {
			continue
		}
		return resolutionsRe.MatchString(strings.TrimSpace(b.cellText(k, 0))) && !isLabel(b.cellText(k, 1)) &&
			resolutionsRe.MatchString(strings.TrimSpace(b.cellText(k, 2))) && !isLabel(b.cellText(k, 3))
	}
	return false
}

// columnLayout returns the lines of two columns of text side by side,
// parted by g: the left column, then the right one.
func (b *block) columnLayout(g interval) []pline {
	var out []pline
	for _, r := range subRows(b.rows, math.Inf(-1), g.a+0.01) {
		out = append(out, rowLines(r)...)
	}
	for _, r := range subRows(b.rows, g.b-0.01, math.Inf(1)) {
		out = append(out, rowLines(r)...)
	}
	return out
}

// columnGaps returns the gutters the block's rows leave free.
func (b *block) columnGaps() []interval {
	var iv []interval
	for _, r := range b.rows {
		iv = append(iv, r.spans...)
	}
	// row after row, the spans are far from sorted: sort them here, stably
	// as the insertion sort in mergeIntervals would, in quadratic time
	slices.SortStableFunc(iv, func(x, y interval) int { return cmp.Compare(x.a, y.a) })
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
