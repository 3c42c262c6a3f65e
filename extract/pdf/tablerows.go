package pdf

// Table rows from vertical extents. A cell may hold several lines, and the
// cells of one row need not share baselines (LibreOffice centres them
// vertically), so table rows are not visual rows. Each cell of the first
// column (its lines, up to a band of whitespace clearly taller than the
// leading inside a cell) anchors a table row. Rows are cut apart where no
// text runs across, at the cuts that set the cells of every row most
// consistently: all top-aligned, all centred or all bottom-aligned,
// whichever fits the table best, at a cost for a cut through a paragraph
// and for a row without a first cell (a cell continued from the page
// before). A ruling line across the table is always a cut.

import (
	"math"
	"slices"
)

// sideBySide returns, for each row, the columns that have text in the row
// or in a row beside it (overlapping it vertically): cells on different
// baselines; multi[k] says row k has two such columns or more.
func (b *block) sideBySide(occ [][]bool) (out [][]bool, multi []bool) {
	n := len(occ[0])
	flat := make([]bool, len(occ)*n)
	out = make([][]bool, len(occ))
	multi = make([]bool, len(occ))
	for k, r := range b.rows {
		out[k] = flat[k*n : (k+1)*n : (k+1)*n]
		copy(out[k], occ[k])
		for m := k - 1; m >= 0 && k-m <= 8; m-- {
			if b.rows[m].bottom > r.top+0.02*r.size {
				orInto(out[k], occ[m])
			}
		}
		for m := k + 1; m < len(b.rows) && m-k <= 8; m++ {
			if b.rows[m].top < r.bottom-0.02*r.size {
				orInto(out[k], occ[m])
			}
		}
		multi[k] = count(out[k]) >= 2
	}
	return out, multi
}

func orInto(dst, src []bool) {
	for i, x := range src {
		dst[i] = dst[i] || x
	}
}

// lineGap is the leading inside a cell: the smallest vertical gap between
// consecutive lines of one column that occurs twice (one odd pair, from
// cells on nearly the same baseline, does not count), else the smallest.
func (b *block) lineGap(occ [][]bool) float64 {
	size := b.rows[0].size
	var gaps []float64
	for c := range occ[0] {
		prev := -1
		for k := range b.rows {
			if !occ[k][c] {
				continue
			}
			if prev >= 0 {
				if d := b.rows[k].top - b.rows[prev].bottom; d > 0.05*size {
					gaps = append(gaps, d)
				}
			}
			prev = k
		}
	}
	if len(gaps) == 0 {
		return 0.25 * size
	}
	slices.Sort(gaps)
	for i := 1; i < len(gaps); i++ {
		if gaps[i]-gaps[i-1] <= 0.1*size {
			return gaps[i-1]
		}
	}
	return gaps[0]
}

// bands returns, for each row, the vertical whitespace above it across the
// block (negative when the row overlaps a row above it).
func (b *block) bands() []float64 {
	out := make([]float64, len(b.rows))
	bottom := math.Inf(-1)
	for k, r := range b.rows {
		out[k] = r.top - bottom
		bottom = math.Max(bottom, r.bottom)
	}
	return out
}

// wide reports whether a vertical gap d is clearly taller than the
// leading lg inside a cell.
func wide(d, lg, size float64) bool { return d > 1.3*lg && d-lg > 0.25*size }

// ruledRows returns, for each row k (and n, after the last), whether a
// horizontal rule crosses most of the block between row k-1 and row k.
func (b *block) ruledRows(rules []rule) []bool {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, r := range b.rows {
		x0, x1 = math.Min(x0, r.x0), math.Max(x1, r.x1)
	}
	out := make([]bool, len(b.rows)+1)
	var iv []interval
	for k := 1; k < len(b.rows); k++ {
		iv = iv[:0]
		for _, r := range rules {
			if ruleBetween(r, b.rows[k-1], b.rows[k]) {
				a, c := math.Max(r.from, x0), math.Min(r.to, x1)
				if c > a {
					iv = append(iv, interval{a, c})
				}
			}
		}
		covered := 0.0
		for _, x := range mergeIntervals(iv) {
			covered += x.b - x.a
		}
		out[k] = covered > 0.5*(x1-x0)
	}
	return out
}

// trim returns the rows [s, e) that belong to the table: from the first
// row with two cells side by side to the last, with the rows before and
// after that are set as continuations of their cells; text only right of
// the first column counts as the table's too.
func (b *block) trim(side [][]bool, multi []bool, band []float64, ruled []bool, lg float64) (s, e int) {
	first, last := -1, -1
	for k, m := range multi {
		if m {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	sep := func(k int) bool { return wide(band[k], lg, b.rows[k].size) || ruled[k] }
	s = first
	for s > 0 && !sep(s) {
		s--
	}
	e = last + 1
	for e < len(b.rows) {
		switch {
		case !sep(e):
		case !side[e][0] && !ruled[e] && band[e] <= 2.5*b.rows[e].size:
		default:
			return s, e
		}
		e++
	}
	return s, e
}

// anchor is a cell of the first column: rows first..last.
type anchor struct{ first, last int }

// anchors groups the lines of the first column into cells. A wide gap in
// the first column parts two cells only where another column starts a
// line level with the new one, or the whole table is parted by a band of
// whitespace as wide: a gap that the other columns' text runs across at
// the leading of a cell is a paragraph break inside a cell.
func (b *block) anchors(occ [][]bool, band []float64, ruled []bool, lg float64) []anchor {
	var out []anchor
	prev := -1
	for k := range b.rows {
		if !occ[k][0] {
			continue
		}
		newCell := prev < 0
		if !newCell {
			d := b.rows[k].top - b.rows[prev].bottom
			parted := b.othersStart(occ, k, lg)
			for m := prev + 1; m <= k && !parted; m++ {
				parted = wide(band[m], lg, b.rows[m].size)
			}
			newCell = wide(d, lg, b.rows[k].size) && parted || b.numericRow(k-1)
			for m := prev + 1; m <= k && !newCell; m++ {
				newCell = ruled[m]
			}
		}
		if newCell {
			out = append(out, anchor{k, k})
		} else {
			out[len(out)-1].last = k
		}
		prev = k
	}
	return out
}

// othersStart reports whether a column right of the first starts a
// paragraph level with row k (on its baseline, or with its top within
// 0.3 em): a line that no wrapped line above it in its column leads into.
func (b *block) othersStart(occ [][]bool, k int, lg float64) bool {
	r := b.rows[k]
	for j := range b.rows {
		if math.Abs(b.rows[j].top-r.top) > 0.3*r.size {
			continue
		}
		for c := 1; c < len(occ[j]); c++ {
			if occ[j][c] && !b.wrapsInto(occ, j, c, lg) {
				return true
			}
		}
	}
	return false
}

// wrapsInto reports whether the line of column c in row k goes on from the
// line above it in that column: at the leading of a cell, and its first
// word would not have fitted after the line above, within the column's
// widest line.
func (b *block) wrapsInto(occ [][]bool, k, c int, lg float64) bool {
	p := k - 1
	for p >= 0 && !occ[p][c] {
		p--
	}
	if p < 0 || wide(b.rows[k].top-b.rows[p].bottom, lg, b.rows[k].size) {
		return false
	}
	right, end := math.Inf(-1), math.Inf(-1)
	for m := range b.rows {
		for _, s := range b.cellSegs(m, c) {
			right = math.Max(right, s.x1)
			if m == p {
				end = math.Max(end, s.x1)
			}
		}
	}
	segs := b.cellSegs(k, c)
	first := segs[0]
	text := []rune(first.text)
	word := len(text)
	for i, ch := range text {
		if ch == ' ' {
			word = i
			break
		}
	}
	w := (first.x1 - first.x0) * float64(word) / float64(max(len(text), 1))
	return end+0.25*b.rows[k].size+w > right
}

// tableRows numbers the table row of each block row from 1.
func (b *block) tableRows(occ [][]bool, band []float64, ruled []bool, lg float64) []int {
	n := len(b.rows)
	an := b.anchors(occ, band, ruled, lg)
	// inside[k]: row k is inside an anchor but not its first row (no cut
	// there); before[k]: the number of anchors starting above row k
	isAnchor := make([]bool, n+1)
	inside := make([]bool, n+1)
	for _, a := range an {
		isAnchor[a.first] = true
		for k := a.first + 1; k <= a.last; k++ {
			inside[k] = true
		}
	}
	before := make([]int, n+1)
	for k := 1; k <= n; k++ {
		before[k] = before[k-1]
		if isAnchor[k-1] {
			before[k]++
		}
	}
	// cuts: row indexes a table row may start at; the first row of an
	// anchor is one when nothing else parts it from the anchor above
	var cuts []int
	lastCut := 0
	for m := 1; m < n; m++ {
		if inside[m] {
			continue
		}
		if ruled[m] || band[m] >= -0.05*b.rows[m].size || isAnchor[m] && before[lastCut] < before[m] {
			cuts = append(cuts, m)
			lastCut = m
		}
	}
	cuts = append(cuts, n)
	best := b.bestCuts(occ, cuts, before, ruled, b.splitsParagraph(occ, lg))
	if best == nil {
		best = []int{0} // cannot happen: a cut parts every two anchors
	}
	rowOf := make([]int, n)
	row := 0
	for k := range rowOf {
		if row < len(best) && k == best[row] {
			row++
		}
		rowOf[k] = row
	}
	return rowOf
}

// anchorlessCost is what a table row without text in the first column
// costs, in units of the text size: such rows (a cell continued from the
// previous page) are taken only when they set the other rows far better.
const anchorlessCost = 0.5

// splitCost is what a row boundary costs that runs through a paragraph:
// between two lines of a column at the leading of a cell, the upper one
// filled to the column's right edge.
const splitCost = 1.0

// splitsParagraph reports for each row k whether a cut above it would run
// through a paragraph of some column.
func (b *block) splitsParagraph(occ [][]bool, lg float64) []bool {
	n := len(b.rows)
	nc := len(occ[0])
	// each column's right edge, and each row's right end in each column
	right := make([]float64, nc)
	flat := make([]float64, n*nc)
	ends := make([][]float64, n)
	for k := range b.rows {
		ends[k] = flat[k*nc : (k+1)*nc : (k+1)*nc]
		for c := range nc {
			for _, s := range b.cellSegs(k, c) {
				ends[k][c] = math.Max(ends[k][c], s.x1)
				right[c] = math.Max(right[c], s.x1)
			}
		}
	}
	out := make([]bool, n+1)
	for c := 0; c < nc; c++ {
		prev := -1
		for k := 0; k < n; k++ {
			if !occ[k][c] {
				continue
			}
			if prev >= 0 && !wide(b.rows[k].top-b.rows[prev].bottom, lg, b.rows[k].size) &&
				ends[prev][c] >= right[c]-b.rows[prev].size && !isNumericCell(b.cellText(prev, c)) {
				for m := prev + 1; m <= k; m++ {
					out[m] = true
				}
			}
			prev = k
		}
	}
	return out
}

// bestCuts splits rows [0, n) at some of the cuts (which end with n) into
// table rows holding at most one anchor each, so that the cells of each
// row are aligned with the least total misalignment, all top-aligned, all
// centred or all bottom-aligned, whichever costs least (the first of
// nearly equal ones). Ruled cuts are always taken; later cuts win ties.
// It returns the first row of each table row, or nil.
func (b *block) bestCuts(occ [][]bool, cuts []int, before []int, ruled, split []bool) []int {
	// pos[0] = 0, then the cuts; cost[m][j]: least cost of rows [0, pos[j])
	// by mode m (0 top, 1 centre, 2 bottom), from[m][j]: where in pos its
	// last table row starts
	pos := append([]int{0}, cuts...)
	var cost [3][]float64
	var from [3][]int
	for m := range cost {
		cost[m], from[m] = make([]float64, len(pos)), make([]int, len(pos))
	}
	x := newExtents(len(occ[0]))
	for j := 1; j < len(pos); j++ {
		for m := range cost {
			cost[m][j] = math.Inf(1)
		}
		x.reset()
		for i := j - 1; i >= 0; i-- {
			anchors := before[pos[j]] - before[pos[i]]
			if anchors > 1 {
				break
			}
			for k := pos[i]; k < pos[i+1]; k++ {
				x.add(b.rows[k], occ[k])
			}
			rc := x.costs(b.rows[pos[i]].size)
			for m := range cost {
				c := cost[m][i] + rc[m]
				if anchors == 0 {
					c += anchorlessCost
				}
				if split[pos[i]] {
					c += splitCost
				}
				if c < cost[m][j]-1e-9 {
					cost[m][j], from[m][j] = c, i
				}
			}
			if ruled[pos[i]] {
				break // no row spans a rule
			}
		}
	}
	best, bestCost := -1, math.Inf(1)
	for m := range cost {
		if c := cost[m][len(pos)-1]; c < bestCost-0.01 {
			best, bestCost = m, c
		}
	}
	if best < 0 {
		return nil
	}
	var starts []int
	for j := len(pos) - 1; j > 0; j = from[best][j] {
		starts = append(starts, pos[from[best][j]])
	}
	slices.Reverse(starts)
	return starts
}

// extents are the vertical extents of a run of rows: of all, and of the
// cells in each column.
type extents struct {
	top, bot   float64
	tops, bots []float64
}

func newExtents(nc int) *extents {
	return &extents{tops: make([]float64, nc), bots: make([]float64, nc)}
}

func (x *extents) reset() {
	x.top, x.bot = math.Inf(1), math.Inf(-1)
	for c := range x.tops {
		x.tops[c], x.bots[c] = math.Inf(1), math.Inf(-1)
	}
}

// add takes in row r, with occ the columns it has text in.
func (x *extents) add(r *textRow, occ []bool) {
	x.top, x.bot = math.Min(x.top, r.top), math.Max(x.bot, r.bottom)
	for c, o := range occ {
		if o {
			x.tops[c], x.bots[c] = math.Min(x.tops[c], r.top), math.Max(x.bots[c], r.bottom)
		}
	}
}

// costs returns how far the cells are from sharing the rows' top, centre
// and bottom, in units of the text size.
func (x *extents) costs(size float64) [3]float64 {
	var out [3]float64
	for c := range x.tops {
		if math.IsInf(x.tops[c], 1) {
			continue
		}
		out[0] += x.tops[c] - x.top
		out[1] += math.Abs((x.tops[c] + x.bots[c] - x.top - x.bot) / 2)
		out[2] += x.bot - x.bots[c]
	}
	for m := range out {
		out[m] /= size
	}
	return out
}
