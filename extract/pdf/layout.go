package pdf

// Layout: glyphs → visual rows → segments → blocks in reading order. The
// PDF has no notion of lines or words (ISO 32000-1:2008 §9.4, §14.8.2.3
// explains that text order is only recoverable from positions), so rows are
// found from baselines, words from gaps between glyph boxes, and columns
// from whitespace gutters shared by consecutive rows (tables in table.go).

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// pline is one output line of a page before furniture removal.
type pline struct {
	text            string
	x0, x1          float64
	top, bottom     float64
	base, size      float64
	table, row, col int
	artifact        bool
}

type segment struct {
	x0, x1   float64
	text     string
	artifact bool
	nonSpace int
}

type textRow struct {
	glyphs      []glyph
	base        float64
	top, bottom float64
	size        float64
	x0, x1      float64
	segs        []segment
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
	var last rune
	for _, r := range s {
		last = r
	}
	return last
}

// buildRows groups glyphs of one direction into visual rows.
func buildRows(gl []glyph) []*textRow {
	if len(gl) == 0 {
		return nil
	}
	slices.SortStableFunc(gl, func(a, b glyph) int { return cmpFloat(a.y, b.y) })
	var rows []*textRow
	var cur *textRow
	for _, g := range gl {
		if cur != nil {
			tol := 0.3 * math.Max(math.Min(g.size, cur.size), 1)
			if math.Abs(g.y-cur.base) <= tol {
				cur.glyphs = append(cur.glyphs, g)
				if g.size > cur.size && !g.space {
					cur.size = g.size
				}
				continue
			}
		}
		cur = &textRow{base: g.y, size: g.size, glyphs: []glyph{g}}
		rows = append(rows, cur)
	}
	for _, r := range rows {
		r.finish()
	}
	rows = mergeScripts(rows)
	for _, r := range rows {
		slices.SortStableFunc(r.glyphs, func(a, b glyph) int { return cmpFloat(a.x, b.x) })
		r.glyphs = dedupe(r.glyphs)
		r.finish()
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
	sort.SliceStable(out, func(i, j int) bool { return out[i].base < out[j].base })
	return out
}

func (r *textRow) finish() {
	r.top, r.bottom = math.Inf(1), math.Inf(-1)
	r.x0, r.x1 = math.Inf(1), math.Inf(-1)
	var sizes []float64
	for _, g := range r.glyphs {
		if g.space {
			continue
		}
		sizes = append(sizes, g.size)
	}
	if len(sizes) > 0 {
		sort.Float64s(sizes)
		r.size = sizes[len(sizes)*3/4]
	}
	// baseline: that of the glyphs with the common size
	var sum float64
	var n int
	for _, g := range r.glyphs {
		if g.space {
			continue
		}
		if g.size >= r.size*0.9 {
			sum += g.y
			n++
		}
		r.top = math.Min(r.top, g.y-0.8*g.size)
		r.bottom = math.Max(r.bottom, g.y+0.2*g.size)
		r.x0 = math.Min(r.x0, g.x)
		r.x1 = math.Max(r.x1, g.x+g.w)
	}
	if n > 0 {
		r.base = sum / float64(n)
	}
	if math.IsInf(r.top, 0) {
		r.top, r.bottom = r.base-r.size, r.base
		r.x0, r.x1 = 0, 0
	}
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
	out := gl[:0]
	for i, g := range gl {
		dup := false
		for j := len(out) - 1; j >= 0 && j >= len(out)-4; j-- {
			o := out[j]
			if o.text == g.text && math.Abs(o.x-g.x) < 0.15*g.size && math.Abs(o.y-g.y) < 0.15*g.size {
				dup = true
				break
			}
		}
		_ = i
		if !dup {
			out = append(out, g)
		}
	}
	return out
}

// splitSegments cuts a row into segments at wide gaps and builds each
// segment's text, with one space where words are visibly apart.
func (r *textRow) splitSegments() {
	r.segs = r.segs[:0]
	var b strings.Builder
	var seg segment
	started := false
	var prev *glyph
	pendingSpace := false
	allArtifact := true
	flush := func() {
		if started {
			seg.text = strings.TrimSpace(b.String())
			seg.artifact = allArtifact
			if seg.text != "" {
				r.segs = append(r.segs, seg)
			}
		}
		b.Reset()
		seg = segment{}
		started = false
		prev = nil
		pendingSpace = false
		allArtifact = true
	}
	for i := range r.glyphs {
		g := &r.glyphs[i]
		if g.space || strings.TrimSpace(g.text) == "" {
			if started {
				pendingSpace = true
			}
			continue
		}
		if prev != nil {
			gap := g.x - (prev.x + prev.w)
			em := math.Max(math.Max(prev.size, g.size), 1)
			if gap > splitGapEm*em {
				flush()
			} else {
				a, c := lastRune(prev.text), firstRune(g.text)
				cjkA, cjkC := isCJK(a), isCJK(c)
				space := false
				switch {
				case cjkA && cjkC:
					space = false // never between CJK glyphs, even if the PDF has a space
				case pendingSpace:
					space = gap > -0.05*em
				default:
					space = gap > spaceGapEm*em
				}
				if space {
					b.WriteByte(' ')
				}
			}
		}
		if !started {
			seg.x0 = g.x
			started = true
		}
		b.WriteString(g.text)
		seg.x1 = math.Max(seg.x1, g.x+g.w)
		seg.nonSpace++
		if !g.artifact {
			allArtifact = false
		}
		prev = g
		pendingSpace = false
	}
	flush()
}

const (
	splitGapEm = 0.5
	spaceGapEm = 0.22
)

func joinSegs(segs []segment) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			a, c := lastRune(segs[i-1].text), firstRune(s.text)
			if !(isCJK(a) && isCJK(c)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.text)
	}
	return b.String()
}

func rowLine(r *textRow, segs []segment) pline {
	l := pline{text: joinSegs(segs), top: r.top, bottom: r.bottom, base: r.base, size: r.size}
	l.x0, l.x1 = math.Inf(1), math.Inf(-1)
	l.artifact = true
	for _, s := range segs {
		l.x0 = math.Min(l.x0, s.x0)
		l.x1 = math.Max(l.x1, s.x1)
		if !s.artifact {
			l.artifact = false
		}
	}
	return l
}

// layoutPage turns a page's glyphs into lines in reading order.
func layoutPage(gl []glyph, rules []rule, tables *int) []pline {
	var out []pline
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
		rows := buildRows(byDir[d])
		for _, r := range rows {
			r.splitSegments()
		}
		var rl []rule
		if d == 0 {
			rl = rules
		}
		out = append(out, arrangeRows(rows, rl, tables)...)
	}
	return out
}

func isLetterish(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
