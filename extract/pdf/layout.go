package pdf

// Layout: glyphs → visual rows → segments → blocks in reading order. The
// PDF has no notion of lines or words (ISO 32000-1:2008 §9.4, §14.8.2.3
// explains that text order is only recoverable from positions), so rows are
// found from baselines, words from gaps between glyph boxes, and columns
// from whitespace gutters shared by consecutive rows (tables in table.go).

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// pline is one output line of a page before furniture removal.
type pline struct {
	text            string
	x0, x1          float64
	top, bottom     float64
	table, row, col int
	artifact        bool
	form            bool    // form-field text (segment.form)
	size            float64 // the common font size of the line's row
	bold            bool    // every glyph of the line in a bold font
	header          bool    // a table header cell (tablehead.go)
}

type textRow struct {
	glyphs      []glyph
	base        float64
	top, bottom float64
	size        float64
	x0, x1      float64
	segs        []segment
	spans       []interval // segments joined across word spaces: no gutter runs there
}

func isCJK(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x2FFF, // radicals
		r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0x3040 && r <= 0x30FF, // kana
		r >= 0x3100 && r <= 0x31FF,
		r >= 0x3200 && r <= 0x33FF, // enclosed CJK, compatibility
		r >= 0x3400 && r <= 0x4DBF,
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xAC00 && r <= 0xD7AF, // hangul
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFFEF, // fullwidth forms
		r >= 0x20000 && r <= 0x3FFFF:
		return true
	}
	return false
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// buildRows groups glyphs of one direction into visual rows. It sorts gl
// by baseline; each row's glyphs are a part of gl.
func buildRows(gl []glyph) []*textRow {
	if len(gl) == 0 {
		return nil
	}
	sortByY(gl)
	var starts []int
	var base, size float64
	for i := range gl {
		g := &gl[i]
		if i > 0 {
			tol := 0.3 * math.Max(math.Min(g.size, size), 1)
			if math.Abs(g.y-base) <= tol {
				if g.size > size && !g.space {
					size = g.size
				}
				continue
			}
		}
		starts = append(starts, i)
		base, size = g.y, g.size
	}
	slab := make([]textRow, len(starts))
	rows := make([]*textRow, len(starts))
	var buf []float64
	for k, i := range starts {
		e := len(gl)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		r := &slab[k]
		r.glyphs = gl[i:e:e] // full: an append (mergeScripts) copies
		r.base, r.size = gl[i].y, gl[i].size
		buf = r.finish(buf)
		rows[k] = r
	}
	rows = mergeScripts(rows)
	for _, r := range rows {
		slices.SortStableFunc(r.glyphs, func(a, b glyph) int { return cmpFloat(a.x, b.x) })
		r.glyphs = dedupe(r.glyphs)
		buf = r.finish(buf)
	}
	// drop rows that are only spaces
	out := rows[:0]
	for _, r := range rows {
		for _, g := range r.glyphs {
			if !g.space && strings.TrimSpace(g.text) != "" {
				out = append(out, r)
				break
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *textRow) int { return cmpFloat(a.base, b.base) })
	return out
}

// sortByY sorts glyphs by baseline, keeping the order of equal ones.
// Content streams draw text in runs on one baseline, so it sorts the runs
// and then moves each glyph once: glyphs are large.
func sortByY(gl []glyph) {
	if slices.IsSortedFunc(gl, func(a, b glyph) int { return cmpFloat(a.y, b.y) }) {
		return
	}
	type run struct {
		y          float64
		start, end int32
	}
	var runs []run
	for i := range gl {
		if n := len(runs); n > 0 && gl[i].y == runs[n-1].y {
			runs[n-1].end = int32(i + 1)
			continue
		}
		runs = append(runs, run{gl[i].y, int32(i), int32(i + 1)})
	}
	slices.SortStableFunc(runs, func(a, b run) int { return cmpFloat(a.y, b.y) })
	idx := make([]int32, 0, len(gl))
	for _, r := range runs {
		for i := r.start; i < r.end; i++ {
			idx = append(idx, i)
		}
	}
	// place gl[idx[j]] at j, one cycle of the permutation at a time
	for i := range idx {
		if idx[i] < 0 || int(idx[i]) == i {
			continue
		}
		tmp := gl[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = -1
			if k == i {
				gl[j] = tmp
				break
			}
			gl[j] = gl[k]
			j = k
		}
	}
}

// finish sets the row's size, baseline and extent from its glyphs; buf is
// scratch space, returned for reuse.
func (r *textRow) finish(buf []float64) []float64 {
	r.x0, r.x1 = math.Inf(1), math.Inf(-1)
	sizes := buf[:0]
	for i := range r.glyphs {
		if g := &r.glyphs[i]; !g.space {
			sizes = append(sizes, g.size)
		}
	}
	if len(sizes) > 0 {
		slices.Sort(sizes)
		r.size = sizes[len(sizes)*3/4]
	}
	// baseline: that of the glyphs with the common size
	var sum float64
	var n int
	for i := range r.glyphs {
		g := &r.glyphs[i]
		if g.space {
			continue
		}
		if g.size >= r.size*0.9 {
			sum += g.y
			n++
		}
		r.x0 = min(r.x0, g.x)
		r.x1 = max(r.x1, g.x+g.w)
	}
	if n > 0 {
		r.base = sum / float64(n)
	}
	// the extent of the common size, so that one odd glyph does not
	// change the gaps to the rows above and below
	r.top, r.bottom = r.base-0.8*r.size, r.base+0.2*r.size
	if math.IsInf(r.x0, 0) {
		r.x0, r.x1 = 0, 0
	}
	return sizes
}

// mergeScripts folds rows of smaller glyphs (superscripts, subscripts,
// footnote markers) into the row they sit on.
func mergeScripts(rows []*textRow) []*textRow {
	if len(rows) < 2 {
		return rows
	}
	keep := make([]bool, len(rows))
	for i := range keep {
		keep[i] = true
	}
	for i, r := range rows {
		best, bestD := -1, math.Inf(1)
		for j := i - 2; j <= i+2; j++ {
			if j < 0 || j >= len(rows) || j == i || !keep[j] {
				continue
			}
			o := rows[j]
			if r.size >= 0.85*o.size {
				continue
			}
			// vertical overlap with the other row's body, and horizontal adjacency
			if r.bottom <= o.top+0.1*o.size || r.top >= o.bottom {
				continue
			}
			if r.x0 > o.x1+o.size || r.x1 < o.x0-o.size {
				continue
			}
			d := math.Abs(r.base - o.base)
			if d < bestD {
				best, bestD = j, d
			}
		}
		if best >= 0 {
			rows[best].glyphs = append(rows[best].glyphs, r.glyphs...)
			keep[i] = false
		}
	}
	out := rows[:0]
	for i, r := range rows {
		if keep[i] {
			out = append(out, r)
		}
	}
	return out
}

// dedupe drops glyphs drawn twice at (nearly) the same place, as for fake
// bold or shadows. gl is sorted by x.
func dedupe(gl []glyph) []glyph {
	n := 0
	for i := range gl {
		g := &gl[i]
		dup := false
		for j := n - 1; j >= 0 && j >= n-4; j-- {
			o := &gl[j]
			if math.Abs(o.x-g.x) < 0.15*g.size && math.Abs(o.y-g.y) < 0.15*g.size && o.text == g.text {
				dup = true
				break
			}
		}
		if !dup {
			if n != i {
				gl[n] = *g
			}
			n++
		}
	}
	return gl[:n]
}

// layoutPage turns a page's glyphs into lines in reading order. h is the
// page height; sc may be reused from page to page.
func layoutPage(gl []glyph, rules []rule, tables *int, h float64, sc *scratch) []pline {
	var out []pline
	sc.reset()
	// group by direction; upright text first
	var byDir [4][]glyph
	upright := true
	for _, g := range gl {
		if g.dir != 0 {
			upright = false
			break
		}
	}
	if upright {
		byDir[0] = gl
	} else {
		for _, g := range gl {
			byDir[g.dir&3] = append(byDir[g.dir&3], g)
		}
	}
	for d := 0; d < 4; d++ {
		if len(byDir[d]) == 0 {
			continue
		}
		for _, tier := range verticalTiers(byDir[d]) {
			rows := buildRows(tier)
			for _, r := range rows {
				r.splitSegments(sc)
			}
			pg := &page{tables: tables, bodyTop: math.Inf(-1), bodyBottom: math.Inf(1)}
			if d == 0 {
				pg.rules = rules
				pg.bodyTop, pg.bodyBottom = headerBand*h, footerBand*h
			}
			out = append(out, arrangeRows(rows, pg)...)
		}
	}
	return out
}

// tierGapEm is the least gap, in ems, between two tiers of vertical text.
const tierGapEm = 2

// verticalTiers splits glyphs of vertical writing (fonts with WMode 1)
// into tiers (段): bands along the writing direction that no glyph
// crosses, separated by at least tierGapEm. Japanese and Chinese vertical
// composition reads the top tier's columns right to left, then the next
// tier's (W3C Requirements for Japanese Text Layout, multi-column
// format; pdftotext -layout reads japanese-identity-v-adobe-japan1.pdf
// so). Without that split, columns of different tiers that line up would
// be read as rows of one table or as one line. Other text, horizontal
// text turned on the page among it, is one tier.
func verticalTiers(gl []glyph) [][]glyph {
	whole := [][]glyph{gl}
	var sizes []float64
	for i := range gl {
		g := &gl[i]
		if g.font == nil || !g.font.vertical {
			return whole
		}
		if !g.space {
			sizes = append(sizes, g.size)
		}
	}
	if len(sizes) == 0 {
		return whole
	}
	slices.Sort(sizes)
	gap := tierGapEm * sizes[len(sizes)/2]
	order := make([]int, len(gl))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(gl[a].x, gl[b].x) })
	var tiers [][]glyph
	var cur []glyph
	end := math.Inf(-1)
	for _, i := range order {
		g := gl[i]
		if g.space {
			cur = append(cur, g)
			continue
		}
		if len(cur) > 0 && g.x-end >= gap {
			tiers = append(tiers, cur)
			cur = nil
		}
		cur = append(cur, g)
		end = max(end, g.x+g.w)
	}
	if len(tiers) == 0 {
		return whole
	}
	return append(tiers, cur)
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
