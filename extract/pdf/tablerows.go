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
// baselines.
func (b *block) sideBySide(occ [][]bool) [][]bool {
	n := len(occ[0])
	flat := make([]bool, len(occ)*n)
	out := make([][]bool, len(occ))
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
	}
	return out
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

// band is the vertical whitespace above row k across the block (negative
// when row k overlaps a row above it).
func (b *block) band(k int) float64 {
	bottom := math.Inf(-1)
	for _, r := range b.rows[:k] {
		bottom = math.Max(bottom, r.bottom)
	}
	return b.rows[k].top - bottom
}

// wide reports whether a vertical gap d is clearly taller than the
// leading lg inside a cell.
func wide(d, lg, size float64) bool { return d > 1.3*lg && d-lg > 0.25*size }

// ruledAbove reports whether a horizontal rule crosses most of the block
// between row k-1 and row k.
func (b *block) ruledAbove(k int, rules []rule) bool {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, r := range b.rows {
		x0, x1 = math.Min(x0, r.x0), math.Max(x1, r.x1)
	}
	lo, hi := b.rows[k-1].base, b.rows[k].top+0.2*b.rows[k].size
	var iv []interval
	for _, r := range rules {
		if r.horiz && r.pos > lo && r.pos < hi {
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
	return covered > 0.5*(x1-x0)
}

// trim returns the rows [s, e) that belong to the table: from the first
// row with two cells side by side to the last, with the rows before and
// after that are set as continuations of their cells; text only right of
// the first column counts as the table's too.
func (b *block) trim(side [][]bool, rules []rule, lg float64) (s, e int) {
	first, last := -1, -1
	for k, o := range side {
		if count(o) >= 2 {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	sep := func(k int) bool { return wide(b.band(k), lg, b.rows[k].size) || b.ruledAbove(k, rules) }
	s = first
	for s > 0 && !sep(s) {
		s--
	}
	e = last + 1
	for e < len(b.rows) {
		switch {
		case !sep(e):
		case !side[e][0] && !b.ruledAbove(e, rules) && b.band(e) <= 2.5*b.rows[e].size:
		default:
			return s, e
		}
		e++
	}
	return s, e
}

// anchor is a cell of the first column: rows first..last.
type anchor struct{ first, last int }

// anchors groups the lines of the first column into cells.
func (b *block) anchors(occ [][]bool, rules []rule, lg float64) []anchor {
	var out []anchor
	prev := -1
	for k := range b.rows {
		if !occ[k][0] {
			continue
		}
		newCell := prev < 0
		if !newCell {
			d := b.rows[k].top - b.rows[prev].bottom
			newCell = wide(d, lg, b.rows[k].size) || b.numericRow(k-1)
			for m := prev + 1; m <= k && !newCell; m++ {
				newCell = b.ruledAbove(m, rules)
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

// tableRows numbers the table row of each block row from 1.
func (b *block) tableRows(occ [][]bool, rules []rule, lg float64) []int {
	n := len(b.rows)
	an := b.anchors(occ, rules, lg)
	// before[k]: the number of anchors starting above row k; inside[k]:
	// row k is inside an anchor but not its first row (no cut there)
	before := make([]int, n+1)
	inside := make([]bool, n+1)
	for _, a := range an {
		for k := a.first + 1; k <= n; k++ {
			before[k]++
		}
		for k := a.first + 1; k <= a.last; k++ {
			inside[k] = true
		}
	}
	// cuts: row indexes a table row may start at; the first row of an
	// anchor is one when nothing else parts it from the anchor above
	var cuts []int
	ruled := make([]bool, n+1)
	isAnchor := make([]bool, n+1)
	for _, a := range an {
		isAnchor[a.first] = true
	}
	lastCut := 0
	for m := 1; m < n; m++ {
		if inside[m] {
			continue
		}
		ruled[m] = b.ruledAbove(m, rules)
		if ruled[m] || b.band(m) >= -0.05*b.rows[m].size || isAnchor[m] && before[lastCut] < before[m] {
			cuts = append(cuts, m)
			lastCut = m
		}
	}
	cuts = append(cuts, n)
	split := b.splitsParagraph(occ, lg)
	var best []int
	bestCost := math.Inf(1)
	for mode := 0; mode < 3; mode++ {
		starts, cost := b.bestCuts(occ, cuts, before, ruled, split, mode)
		if cost < bestCost-0.01 {
			best, bestCost = starts, cost
		}
	}
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
	ends := make([][]float64, n)
	for k, r := range b.rows {
		ends[k] = make([]float64, nc)
		for _, s := range r.segs {
			c := b.column(s)
			ends[k][c] = math.Max(ends[k][c], s.x1)
			right[c] = math.Max(right[c], s.x1)
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
// row are aligned by mode (0 top, 1 centre, 2 bottom) with the least total
// misalignment. Ruled cuts are always taken; later cuts win ties. It
// returns the first row of each table row, and the cost.
func (b *block) bestCuts(occ [][]bool, cuts []int, before []int, ruled, split []bool, mode int) ([]int, float64) {
	// pos[0] = 0, then the cuts; cost[j]: least cost of rows [0, pos[j])
	pos := append([]int{0}, cuts...)
	cost := make([]float64, len(pos))
	from := make([]int, len(pos))
	for j := 1; j < len(pos); j++ {
		cost[j] = math.Inf(1)
		for i := j - 1; i >= 0; i-- {
			anchors := before[pos[j]] - before[pos[i]]
			if anchors > 1 {
				break
			}
			c := cost[i] + b.rowCost(occ, pos[i], pos[j], mode)
			if anchors == 0 {
				c += anchorlessCost
			}
			if split[pos[i]] {
				c += splitCost
			}
			if c < cost[j]-1e-9 {
				cost[j], from[j] = c, i
			}
			if ruled[pos[i]] {
				break // no row spans a rule
			}
		}
	}
	var starts []int
	for j := len(pos) - 1; j > 0; j = from[j] {
		starts = append(starts, pos[from[j]])
	}
	slices.Reverse(starts)
	return starts, cost[len(pos)-1]
}

// rowCost is how far the cells of rows [a, b) are from sharing the row's
// top (mode 0), centre (1) or bottom (2), in units of the text size.
func (b *block) rowCost(occ [][]bool, a, e, mode int) float64 {
	if a >= e {
		return math.Inf(1)
	}
	nc := len(occ[0])
	top, bot := math.Inf(1), math.Inf(-1)
	tops := make([]float64, nc)
	bots := make([]float64, nc)
	for c := range tops {
		tops[c], bots[c] = math.Inf(1), math.Inf(-1)
	}
	for k := a; k < e; k++ {
		r := b.rows[k]
		top, bot = math.Min(top, r.top), math.Max(bot, r.bottom)
		for c := 0; c < nc; c++ {
			if occ[k][c] {
				tops[c], bots[c] = math.Min(tops[c], r.top), math.Max(bots[c], r.bottom)
			}
		}
	}
	cost := 0.0
	for c := 0; c < nc; c++ {
		if math.IsInf(tops[c], 1) {
			continue
		}
		switch mode {
		case 0:
			cost += tops[c] - top
		case 1:
			cost += math.Abs((tops[c] + bots[c] - top - bot) / 2)
		default:
			cost += bot - bots[c]
		}
	}
	return cost / b.rows[a].size
}
