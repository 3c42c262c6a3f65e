package pdf

// Segments: the runs of a row's text between gaps wider than its usual
// spacing (words, cells, columns), with the text of each, one space
// between words that are visibly apart and none between CJK characters.
// Text on both sides of a wide gap is never run together.

import (
	"math"
	"slices"
	"strings"
)

const (
	// segGapEm cuts a row into segments (more in letter-spaced rows);
	// spaceGapEm parts words in the text of a segment
	segGapEm   = 0.2
	spaceGapEm = 0.22
)

// segment is a run of a row's text between gaps wider than a space.
type segment struct {
	x0, x1   float64
	text     string
	artifact bool
	form     bool // form-field text (glyph.form); a segment holds no other
}

// tightCJK reports whether r is CJK text set without spaces. Enclosed
// numbers (㈠, ㊀) are list markers, spaced like "(a)".
func tightCJK(r rune) bool {
	return isCJK(r) && !(r >= 0x3220 && r <= 0x3243 || r >= 0x3280 && r <= 0x32B0)
}

// openingBracket reports whether r is a full-width opening bracket.
func openingBracket(r rune) bool {
	switch r {
	case '〈', '《', '「', '『', '【', '〔', '〖', '（', '［', '｛':
		return true
	}
	return false
}

// scratch holds what laying out one page reuses from row to row: rows
// take their segments and spans from common slabs, and build their texts
// in one buffer.
type scratch struct {
	floats []float64
	text   []byte
	offs   []int
	segs   []segment
	spans  []interval
}

// reset empties the slabs for a new page; nothing of the last page's
// layout refers to them any more.
func (sc *scratch) reset() {
	clear(sc.segs) // drop the texts
	sc.segs, sc.spans = sc.segs[:0], sc.spans[:0]
}

// splitSegments cuts a row into segments at gaps wider than the row's
// usual spacing between glyphs, and builds each segment's text, with one
// space where words are visibly apart.
func (r *textRow) splitSegments(sc *scratch) { r.splitAt(sc, r.segmentGap(sc)) }

// splitAt cuts a row into segments at gaps wider than cut ems.
func (r *textRow) splitAt(sc *scratch, cut float64) {
	tb := sc.text[:0]
	offs := sc.offs[:0]
	first := len(sc.segs)
	var seg segment
	started := false
	var prev *glyph
	pendingSpace := false
	allArtifact := true
	flush := func() {
		if started {
			seg.artifact = allArtifact
			sc.segs = append(sc.segs, seg)
			offs = append(offs, len(tb))
		}
		seg = segment{}
		started = false
		prev = nil
		pendingSpace = false
		allArtifact = true
	}
	for i := range r.glyphs {
		g := &r.glyphs[i]
		if g.space || strings.TrimSpace(g.text) == "" {
			// a space glyph that the next glyph is drawn over, most of
			// its advance, takes no room: no word space ("2022–\u200d2031"
			// with the joiner drawn as a space, A/81/6)
			if started && !(g.w > 0 && i+1 < len(r.glyphs) && r.glyphs[i+1].x < g.x+g.w/2) {
				pendingSpace = true
			}
			continue
		}
		if prev != nil && g.form != prev.form {
			flush() // form-field text is never part of the page's words
		}
		if prev != nil {
			gap := g.x - (prev.x + prev.w)
			em := max(prev.size, g.size, 1)
			if gap > cut*em {
				flush()
			} else {
				a, c := lastRune(prev.text), firstRune(g.text)
				cjkA, cjkC := tightCJK(a), tightCJK(c)
				space := false
				switch {
				case cjkA && cjkC:
					space = false // never between CJK glyphs, even if the PDF has a space
				case pendingSpace:
					space = gap > -0.05*em
				case !cjkA && openingBracket(c) && g.w > 0.9*em:
					// the left half of a full-width opening bracket is
					// blank: text before it is a space apart
					space = gap > -0.05*em
				default:
					space = gap > spaceGapEm*em
				}
				if space {
					tb = append(tb, ' ')
				}
			}
		}
		if !started {
			seg.x0 = g.x
			seg.form = g.form
			started = true
			offs = append(offs, len(tb))
		}
		tb = append(tb, g.text...)
		seg.x1 = max(seg.x1, g.x+g.w)
		if !g.artifact {
			allArtifact = false
		}
		prev = g
		pendingSpace = false
	}
	flush()
	// one string for the row; each segment's text is a part of it
	all := string(tb)
	k := first
	for j := first; j < len(sc.segs); j++ {
		sg := sc.segs[j]
		sg.text = strings.TrimSpace(all[offs[2*(j-first)]:offs[2*(j-first)+1]])
		if sg.text != "" {
			sc.segs[k] = sg
			k++
		}
	}
	sc.segs = sc.segs[:k]
	r.segs = sc.segs[first:k:k]
	sc.text, sc.offs = tb, offs
	r.joinSpans(sc)
}

// joinSpans sets the row's spans: its segments, joined where two words of
// Latin text are no further apart than the row's usual word space, which
// a gutter must exceed.
func (r *textRow) joinSpans(sc *scratch) {
	word := 0.6 * r.size // at most
	gaps := sc.floats[:0]
	for i := 1; i < len(r.segs); i++ {
		if latinJoin(r.segs[i-1], r.segs[i]) {
			gaps = append(gaps, r.segs[i].x0-r.segs[i-1].x1)
		}
	}
	if len(gaps) > 0 {
		slices.Sort(gaps)
		word = math.Min(word, 1.3*gaps[len(gaps)/2])
	}
	sc.floats = gaps
	first := len(sc.spans)
	for i, sg := range r.segs {
		if n := len(sc.spans); n > first && latinJoin(r.segs[i-1], sg) && sg.x0-sc.spans[n-1].b <= word {
			sc.spans[n-1].b = math.Max(sc.spans[n-1].b, sg.x1)
			continue
		}
		sc.spans = append(sc.spans, interval{sg.x0, sg.x1})
	}
	r.spans = sc.spans[first:len(sc.spans):len(sc.spans)]
}

// latinJoin reports whether segments a and b meet with Latin text (no
// CJK) on both sides.
func latinJoin(a, b segment) bool {
	return !isCJK(lastRune(a.text)) && !isCJK(firstRune(b.text))
}

// segmentGap returns the gap, in ems, that cuts a row into segments:
// segGapEm, or more in letter-spaced rows, up to the wide even gaps of
// distributed (justified to the full width) CJK text. The row's median gap
// between neighbouring glyphs tells the letter spacing.
func (r *textRow) segmentGap(sc *scratch) float64 {
	buf := sc.floats[:0]
	defer func() { sc.floats = buf }()
	var prev *glyph
	for i := range r.glyphs {
		g := &r.glyphs[i]
		if g.space {
			continue
		}
		if prev != nil {
			buf = append(buf, (g.x-(prev.x+prev.w))/max(prev.size, g.size, 1))
		}
		prev = g
	}
	if len(buf) < 3 {
		return segGapEm // too few gaps to tell letter spacing
	}
	// the median is below 0.05 em when most gaps are: no sorting then
	small := 0
	for _, v := range buf {
		if v < 0.05 {
			small++
		}
	}
	if 2*small > len(buf) {
		return segGapEm
	}
	slices.Sort(buf)
	return max(segGapEm, 1.5*buf[len(buf)/2]+0.1)
}

// joinSegs joins the segments of one line. Segments are apart by more
// than a space, so they are never run together: CJK text on both sides,
// which takes no spaces, gets an ideographic space (U+3000), any other a
// space.
func joinSegs(segs []segment) string {
	switch len(segs) {
	case 0:
		return ""
	case 1:
		return segs[0].text
	}
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			a, c := lastRune(segs[i-1].text), firstRune(s.text)
			if tightCJK(a) && tightCJK(c) {
				b.WriteString("\u3000")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.text)
	}
	return b.String()
}

func rowLine(r *textRow, segs []segment) pline {
	l := pline{text: joinSegs(segs), top: r.top, bottom: r.bottom, size: r.size}
	l.x0, l.x1 = math.Inf(1), math.Inf(-1)
	l.artifact, l.form = true, len(segs) > 0
	for _, s := range segs {
		l.x0 = math.Min(l.x0, s.x0)
		l.x1 = math.Max(l.x1, s.x1)
		if !s.artifact {
			l.artifact = false
		}
		if !s.form {
			l.form = false
		}
	}
	l.bold = boldGlyphs(r.glyphs, l.x0, l.x1)
	return l
}

// rowLines returns the lines of a row of running text: one, or where a
// form field's text sits on the row beside the page's own (a label and
// its field), one per run of segments of each kind, left to right, so
// that the field's text is a line of its own.
func rowLines(r *textRow) []pline {
	segs := r.segs
	var out []pline
	for i := 0; i < len(segs); {
		j := i + 1
		for j < len(segs) && segs[j].form == segs[i].form {
			j++
		}
		if i == 0 && j == len(segs) {
			break
		}
		out = append(out, rowLine(r, segs[i:j]))
		i = j
	}
	if out == nil {
		return []pline{rowLine(r, segs)}
	}
	return out
}

// boldGlyphs reports whether the glyphs between x0 and x1 that are not
// spaces are all set in a bold font, by its name ("TimesNewRomanPS-BoldMT",
// "Arial,Bold", "…-Black", "…-Heavy").
func boldGlyphs(gl []glyph, x0, x1 float64) bool {
	n := 0
	for i := range gl {
		g := &gl[i]
		if g.space || g.x < x0-0.5 || g.x > x1+0.5 {
			continue
		}
		if g.font == nil || !g.font.bold {
			return false
		}
		n++
	}
	return n > 0
}

func boldName(name string) bool {
	for _, w := range []string{"Bold", "bold", "Black", "Heavy", "Semibold", "Demi"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}
