package pdf

// Tables and columns from geometry: whitespace gutters shared by
// consecutive rows, and ruling lines (paths painted as thin rectangles or
// line segments, ISO 32000-1:2008 §8.5.3). PDF has no table structure of
// its own unless tagged (§14.8.4.3.4); this works on any file.

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

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

func mergeIntervals(iv []interval) []interval {
	sort.Slice(iv, func(i, j int) bool { return iv[i].a < iv[j].a })
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

// survivingGaps keeps the parts of gaps not covered by segs, at least minW wide.
func survivingGaps(gaps []interval, segs []segment, minW float64) []interval {
	var out []interval
	for _, g := range gaps {
		parts := []interval{g}
		for _, s := range segs {
			var next []interval
			for _, p := range parts {
				if s.x1 <= p.a || s.x0 >= p.b {
					next = append(next, p)
					continue
				}
				if s.x0 > p.a {
					next = append(next, interval{p.a, s.x0})
				}
				if s.x1 < p.b {
					next = append(next, interval{s.x1, p.b})
				}
			}
			parts = next
		}
		for _, p := range parts {
			if p.b-p.a >= minW {
				out = append(out, p)
			}
		}
	}
	return out
}

var labelRe = regexp.MustCompile(`^(\(?[0-9]{1,3}(\.[0-9]{1,3})*[.)]?|\(?[a-zA-Z][.)]|\([a-z]{1,2}\)|\(?[ivxlcIVXLC]{1,6}[.)]|[A-Z]\.|[•·\-–—*]{1,3}|[㈠-㈩]|[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,3}/[0-9]{1,4}( [A-Z])?|[0-9]{1,4} \([A-Z]+\))$`)

func isLabel(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if utf8.RuneCountInString(s) > 12 {
		return false
	}
	return labelRe.MatchString(s)
}

func isNumericCell(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(" .,%[]()–-—+/", r)) {
			return false
		}
	}
	return true
}

type block struct {
	rows    []*textRow
	gutters []interval
}

// arrangeRows orders rows into lines, finding tables and column layouts.
func arrangeRows(rows []*textRow, rules []rule, tables *int) []pline {
	var out []pline
	for i := 0; i < len(rows); {
		j, gutters := growBlock(rows, i, rules)
		if j-i >= 2 && len(gutters) > 0 {
			b := block{rows: rows[i:j], gutters: gutters}
			if ls, ok := b.arrange(rules, tables); ok {
				out = append(out, ls...)
				i = j
				continue
			}
		}
		out = append(out, rowLine(rows[i], rows[i].segs))
		i++
	}
	return out
}

func growBlock(rows []*textRow, i int, rules []rule) (int, []interval) {
	r0 := rows[i]
	minW := 0.8 * r0.size
	var iv []interval
	for _, s := range r0.segs {
		iv = append(iv, interval{s.x0, s.x1})
	}
	union := mergeIntervals(iv)
	gaps := gapsOf(union, minW)
	j := i + 1
	for ; j < len(rows); j++ {
		r := rows[j]
		prev := rows[j-1]
		if r.top-prev.bottom > 2.5*math.Max(r.size, prev.size) {
			break
		}
		if math.Abs(r.size-prev.size) > 0.15*math.Max(r.size, prev.size) {
			break
		}
		if rowArtifact(r) != rowArtifact(prev) {
			break
		}
		var ng []interval
		if len(gaps) == 0 {
			if j > i+1 {
				break
			}
			// the block must show a gutter from its first two rows on
			for _, s := range r.segs {
				union = append(union, interval{s.x0, s.x1})
			}
			union = mergeIntervals(union)
			ng = gapsOf(union, minW)
		} else {
			ng = survivingGaps(gaps, r.segs, minW)
		}
		if len(ng) == 0 {
			break
		}
		if len(r.segs) < 2 && r.segs[0].x1 < ng[0].a+0.01 && r.top-prev.bottom > 0.8*r.size {
			// a lone line in the first column after a gap: running text again
			break
		}
		if len(r.segs) < 2 && hasRuleBetween(rules, prev, r) {
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

// column returns the column index of a segment.
func (b *block) column(s segment) int {
	c := 0
	mid := (s.x0 + s.x1) / 2
	for _, g := range b.gutters {
		if mid > g.b-0.01 || s.x0 >= g.b-0.5 {
			c++
		}
	}
	return c
}

func (b *block) cells() [][]string {
	n := len(b.gutters) + 1
	cells := make([][]string, len(b.rows))
	for i, r := range b.rows {
		cs := make([][]segment, n)
		for _, s := range r.segs {
			c := b.column(s)
			cs[c] = append(cs[c], s)
		}
		cells[i] = make([]string, n)
		for c := range cs {
			cells[i][c] = joinSegs(cs[c])
		}
	}
	return cells
}

func (b *block) arrange(rules []rule, tables *int) ([]pline, bool) {
	cells := b.cells()
	n := len(b.gutters) + 1
	multi := 0
	for _, row := range cells {
		k := 0
		for _, c := range row {
			if c != "" {
				k++
			}
		}
		if k >= 2 {
			multi++
		}
	}
	if multi < 2 {
		return nil, false
	}
	labelCol := make([]bool, n)
	for c := 0; c < n; c++ {
		labelCol[c] = true
		for i, row := range cells {
			if len(b.rows[i].segs) < 2 {
				continue // a wrapped last line under a hanging label
			}
			if !isLabel(row[c]) {
				labelCol[c] = false
				break
			}
		}
	}
	// Hanging labels ("6.1   The Office ...", "68/74   Title") are not
	// columns: drop the gutter right of every label column.
	var keep []interval
	dropped := make([]bool, n)
	for c := 0; c < n-1; c++ {
		if labelCol[c] {
			dropped[c] = true
			continue
		}
		keep = append(keep, b.gutters[c])
	}
	if len(keep) == 0 {
		return nil, false
	}
	if len(keep) < len(b.gutters) {
		nb := block{rows: b.rows, gutters: keep}
		// labels on both sides of a remaining gutter: a column layout
		// (two columns of lists), read left column first.
		if len(keep) == 1 && dropped[0] {
			g := keep[0]
			left := subRows(b.rows, math.Inf(-1), g.a+0.01)
			right := subRows(b.rows, g.b-0.01, math.Inf(1))
			var out []pline
			for _, r := range left {
				out = append(out, rowLine(r, r.segs))
			}
			for _, r := range right {
				out = append(out, rowLine(r, r.segs))
			}
			return out, true
		}
		return nb.arrange(rules, tables)
	}
	if !b.aligned() {
		return nil, false
	}
	*tables++
	t := *tables
	var out []pline
	// second pass: emit cells in row order, column by column
	rowOf := make([]int, len(b.rows))
	row := 0
	prevNumeric := false
	var lastC1 *textRow
	for i, r := range b.rows {
		if cells[i][0] != "" {
			newRow := row == 0 || prevNumeric
			if lastC1 != nil && (r.top-lastC1.bottom > 0.75*r.size || ruleBetween(rules, lastC1, r, b)) {
				newRow = true
			}
			if newRow {
				row++
			}
			lastC1 = r
		}
		if row == 0 {
			row = 1
		}
		rowOf[i] = row
		prevNumeric = false
		for c := 1; c < n; c++ {
			if isNumericCell(cells[i][c]) {
				prevNumeric = true
			}
		}
	}
	for i := 0; i < len(b.rows); {
		j := i
		for j < len(b.rows) && rowOf[j] == rowOf[i] {
			j++
		}
		for c := 0; c < n; c++ {
			for k := i; k < j; k++ {
				if cells[k][c] == "" {
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
	return out, true
}

func rowArtifact(r *textRow) bool {
	for _, s := range r.segs {
		if !s.artifact {
			return false
		}
	}
	return true
}

// aligned reports whether the cells right of each gutter line up on a
// common left or right edge, as table columns do and justified text with
// accidental wide gaps does not.
func (b *block) aligned() bool {
	for gi, g := range b.gutters {
		var lefts, rights []float64
		for _, r := range b.rows {
			if len(r.segs) < 2 {
				continue
			}
			for _, s := range r.segs {
				if s.x0 >= g.b-0.5 && (gi+1 >= len(b.gutters) || s.x1 <= b.gutters[gi+1].a+0.5) {
					lefts = append(lefts, s.x0)
					break
				}
			}
			for _, s := range r.segs {
				if s.x1 <= g.a+0.5 && (gi == 0 || s.x0 >= b.gutters[gi-1].b-0.5) {
					rights = append(rights, s.x1)
				}
			}
		}
		size := b.rows[0].size
		if spread(lefts) > 0.6*size && spread(rights) > 0.6*size {
			return false
		}
	}
	return true
}

func spread(v []float64) float64 {
	if len(v) < 2 {
		return 0
	}
	lo, hi := v[0], v[0]
	for _, x := range v {
		lo = math.Min(lo, x)
		hi = math.Max(hi, x)
	}
	return hi - lo
}

func ruleBetween(rules []rule, a, b *textRow, blk *block) bool {
	for _, r := range rules {
		if !r.horiz {
			continue
		}
		if r.pos > a.base && r.pos < b.top+0.2*b.size && r.to-r.from > 0.5*(b.x1-b.x0) {
			return true
		}
	}
	return false
}

func hasRuleBetween(rules []rule, a, b *textRow) bool {
	for _, r := range rules {
		if r.horiz && r.pos > a.base && r.pos < b.top+0.2*b.size && r.to-r.from > 3*b.size {
			return true
		}
	}
	return false
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
