package pdf

// Evidence that a gutter parts table columns. Wide gutters (wideGutterEm)
// are columns on their own if the cells beside them line up; narrow ones
// (down to narrowGutterEm, as LibreOffice leaves between cells) must be
// shown by the rows: text starting on the gutter's edge in several rows,
// and ragged cell ends or text on one side only; or by a ruling line.

import (
	"math"
	"slices"
)

// aligned reports whether the cells right of each gutter line up on a
// common left or right edge, as table columns do and justified text with
// accidental wide gaps does not.
func (b *block) aligned(side [][]bool) bool {
	for gi, g := range b.gutters {
		size := b.rows[0].size
		if g.b-g.a < wideGutterEm*size {
			continue // narrow gutters must be evident instead
		}
		var lefts, rights []float64
		for k, r := range b.rows {
			if count(side[k]) < 2 {
				continue
			}
			for _, s := range r.segs {
				if s.x0 >= g.b-0.5 && (gi+1 >= len(b.gutters) || s.x1 <= b.gutters[gi+1].a+0.5) {
					lefts = append(lefts, s.x0)
					break
				}
			}
			end := math.Inf(-1)
			for _, s := range r.segs {
				if s.x1 <= g.a+0.5 && (gi == 0 || s.x0 >= b.gutters[gi-1].b-0.5) {
					end = s.x1
				}
			}
			if !math.IsInf(end, -1) {
				rights = append(rights, end)
			}
		}
		if !common(lefts, 0.6*size) && !common(rights, 0.6*size) {
			return false
		}
	}
	return true
}

// common reports whether most values (three in five; a centred header,
// say, may stand out) lie within tol of each other.
func common(v []float64, tol float64) bool {
	if len(v) < 2 {
		return true
	}
	slices.Sort(v)
	best := 0
	for i, j := 0, 0; j < len(v); j++ {
		for v[j]-v[i] > tol {
			i++
		}
		best = max(best, j-i+1)
	}
	return best >= max(2, (3*len(v)+4)/5)
}

// evident returns the gutters the rows show: all wide ones, and narrow
// ones with text starting on their right edge in two rows or more and a
// cell ending far from them or text on their right only, or with a ruling
// line in them.
func (b *block) evident(occ [][]bool, rules []rule) []interval {
	size := b.rows[0].size
	var keep []interval
	for gi, g := range b.gutters {
		if g.b-g.a >= wideGutterEm*size || b.ruledGutter(g, rules) {
			keep = append(keep, g)
			continue
		}
		onEdge, ragged := 0, false
		for k, r := range b.rows {
			if !occ[k][gi+1] {
				continue
			}
			leftEnd, rightStart := math.Inf(-1), math.Inf(1)
			for _, s := range r.segs {
				if s.x1 <= g.a+0.01 {
					leftEnd = math.Max(leftEnd, s.x1)
				} else if s.x0 >= g.b-0.01 {
					rightStart = s.x0
					break
				}
			}
			edge := rightStart-g.b <= 0.1*size
			if edge {
				onEdge++
			}
			if edge && math.IsInf(leftEnd, -1) || rightStart-leftEnd >= 1.5*size {
				ragged = true // text only right of the gutter, or a short cell left of it
			}
		}
		if onEdge >= 2 && ragged {
			keep = append(keep, g)
		}
	}
	return keep
}

// ruledGutter reports whether a ruling line runs in the gutter: a
// vertical rule, or horizontal rules ending in it (cell borders).
func (b *block) ruledGutter(g interval, rules []rule) bool {
	top := b.rows[0].top - b.rows[0].size
	bottom := b.rows[len(b.rows)-1].bottom + b.rows[0].size
	ends := 0
	for _, r := range rules {
		if r.horiz {
			if r.pos < top || r.pos > bottom {
				continue
			}
			if r.from >= g.a-1 && r.from <= g.b+1 || r.to >= g.a-1 && r.to <= g.b+1 {
				ends++
			}
			continue
		}
		if r.pos >= g.a-1 && r.pos <= g.b+1 && math.Min(r.to, bottom)-math.Max(r.from, top) > 2*b.rows[0].size {
			return true
		}
	}
	return ends >= 2
}
