package pdf

// Gutters: vertical strips of whitespace shared by consecutive rows. A
// block of rows grows from a row while some gutter stays free of text; a
// row that covers a column's gutter ends the block. Rows are compared by
// their spans (segments joined across word spaces), so that a gutter is
// always wider than the spaces between the words of a row.

import "math"

const (
	// gutters are at least narrowGutterEm wide; from wideGutterEm on, they
	// need no other evidence than cells that line up
	narrowGutterEm = 0.2
	wideGutterEm   = 0.8
	// maxBlockRows bounds a block (a page holds far fewer lines), and so
	// the work on pages of pathological layout
	maxBlockRows = 300
)

// interval is a span [a, b] of x.
type interval struct{ a, b float64 }

// gapsOf returns the gaps of at least minW between the given (sorted,
// merged) intervals.
func gapsOf(iv []interval, minW float64) []interval {
	var out []interval
	for i := 1; i < len(iv); i++ {
		if iv[i].a-iv[i-1].b >= minW {
			out = append(out, interval{iv[i-1].b, iv[i].a})
		}
	}
	return out
}

// mergeIntervals sorts iv by start and merges overlapping intervals in place.
func mergeIntervals(iv []interval) []interval {
	for i := 1; i < len(iv); i++ { // insertion sort: the input is nearly sorted
		for j := i; j > 0 && iv[j].a < iv[j-1].a; j-- {
			iv[j], iv[j-1] = iv[j-1], iv[j]
		}
	}
	out := iv[:0]
	for _, x := range iv {
		if n := len(out); n > 0 && x.a <= out[n-1].b {
			if x.b > out[n-1].b {
				out[n-1].b = x.b
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// survivingGaps keeps the parts of gaps not covered by spans, at least
// minW wide. spans are sorted.
func survivingGaps(gaps []interval, spans []interval, minW float64) []interval {
	var out []interval
	for _, g := range gaps {
		a := g.a
		for _, s := range spans {
			if s.b <= a {
				continue
			}
			if s.a >= g.b {
				break
			}
			if s.a-a >= minW {
				out = append(out, interval{a, s.a})
			}
			a = math.Max(a, s.b)
		}
		if g.b-a >= minW {
			out = append(out, interval{a, g.b})
		}
	}
	return out
}

// growBlock extends a block from row i while a gutter of at least minEm
// survives, and returns its end and gutters.
func growBlock(rows []*textRow, i int, pg *page, minEm float64) (int, []interval) {
	r0 := rows[i]
	minW := minEm * r0.size
	var gaps []interval
	j := i + 1
	for ; j < len(rows) && j-i < maxBlockRows; j++ {
		r := rows[j]
		prev := rows[j-1]
		if r.top-prev.bottom > 3*math.Max(r.size, prev.size) {
			break
		}
		if math.Abs(r.size-prev.size) > 0.125*math.Max(r.size, prev.size) {
			break
		}
		if rowArtifact(r) != rowArtifact(prev) || !pg.inBody(r) && !tight(prev, r) {
			// a row in the footer band goes on only as the next line of
			// the text above it: the last lines of a column that fills
			// the page (A/81/6 Sect. 24), not a running footer
			break
		}
		var ng []interval
		if j == i+1 {
			// the block must show a gutter from its first two rows on
			union := make([]interval, 0, len(r0.spans)+len(r.spans))
			ng = gapsOf(mergeIntervals(append(append(union, r0.spans...), r.spans...)), minW)
		} else {
			ng = survivingGaps(gaps, r.spans, minW)
		}
		if len(ng) == 0 || losesColumn(rows[i:j], gaps, ng) {
			break
		}
		if oneColumn(r, ng) && hasRuleBetween(pg.rules, prev, r) {
			// a rule closing the table, followed by running text
			break
		}
		gaps = ng
	}
	if len(gaps) == 0 {
		return i + 1, nil
	}
	return j, gaps
}

// losesColumn reports whether a wide gutter of gaps that no part of ng
// survives in has text on both sides in two rows of the block or more: a
// row that covers a column's gutter ends the block rather than the column.
func losesColumn(rows []*textRow, gaps, ng []interval) bool {
	for _, g := range gaps {
		if g.b-g.a < wideGutterEm*rows[0].size {
			continue
		}
		alive := false
		for _, x := range ng {
			if x.a >= g.a && x.b <= g.b {
				alive = true
				break
			}
		}
		if alive {
			continue
		}
		both := 0
		for _, r := range rows {
			left, right := false, false
			for _, s := range r.spans {
				left = left || s.b <= g.a+0.01
				right = right || s.a >= g.b-0.01
			}
			if left && right {
				both++
			}
		}
		if both >= 2 {
			return true
		}
	}
	return false
}

// oneColumn reports whether all of a row's text lies between two gutters.
func oneColumn(r *textRow, gutters []interval) bool {
	c := -1
	for _, s := range r.segs {
		k := columnOf(gutters, s)
		if c >= 0 && k != c {
			return false
		}
		c = k
	}
	return true
}

// columnOf returns the column index of a segment: the number of gutters
// left of it.
func columnOf(gutters []interval, s segment) int {
	c := 0
	mid := (s.x0 + s.x1) / 2
	for _, g := range gutters {
		if mid > g.b-0.01 || s.x0 >= g.b-0.5 {
			c++
		}
	}
	return c
}

// tight reports whether row b follows row a at the spacing of lines of
// one text, less than half a line apart, and is no artifact.
func tight(a, b *textRow) bool {
	return !rowArtifact(b) && b.top-a.bottom < 0.5*b.size
}

func rowArtifact(r *textRow) bool {
	for _, s := range r.segs {
		if !s.artifact {
			return false
		}
	}
	return true
}

// ruleBetween reports whether r is a horizontal rule below the baseline of
// row a and above the top of row b (give or take a little). The edge of a
// box shading the text of a or of b is none: Word shades text line by
// line, each box as wide as its line's text, and the boxes of a cell's
// lines abut.
func ruleBetween(r rule, a, b *textRow) bool {
	return r.horiz && r.pos > a.base && r.pos < b.top+0.2*b.size &&
		!(r.shade && (hugsText(r, a) || hugsText(r, b)))
}

// hugsText reports whether rule r runs from where a segment of row t
// starts to where one ends: the edge of a box behind that text.
func hugsText(r rule, t *textRow) bool {
	tol := 0.15 * t.size
	starts, ends := false, false
	for _, s := range t.segs {
		starts = starts || math.Abs(s.x0-r.from) <= tol
		ends = ends || math.Abs(s.x1-r.to) <= tol
	}
	return starts && ends
}

// hasRuleBetween reports whether a rule over 3 em long runs between rows a
// and b.
func hasRuleBetween(rules []rule, a, b *textRow) bool {
	for _, r := range rules {
		if ruleBetween(r, a, b) && r.to-r.from > 3*b.size {
			return true
		}
	}
	return false
}
