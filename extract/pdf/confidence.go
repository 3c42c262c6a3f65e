package pdf

// Text confidence: how plausible the decoded text is. Replacement
// characters, private-use code points (unmapped glyphs, ISO 32000-1:2008
// §9.10.2 fallbacks) and Latin-1 mojibake in documents that are otherwise
// CJK lower it; each offending font gets a diagnostic naming page and font.

import (
	"fmt"
	"unicode"
)

type fontPageStats struct {
	total, bad, latin1, cjk int
	// interleaved counts Latin letters and Latin-1 symbols that sit
	// alone between two Han characters, as a ToUnicode map that sends
	// CJK codes into Latin-1 makes them ("大b第", "过÷ô°通")
	interleaved int
	p1, p2      rune // the two characters before, in content order
}

// latinish: an ASCII letter or a Latin-1 letter or symbol, except the
// middle dot that Chinese writes between the parts of foreign names.
func latinish(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xA0 && r <= 0xFF && r != 0xB7
}

type textStats struct {
	total, bad, cjk int
	suspects        []suspect
}

type suspect struct {
	page        int
	font        string
	n           int
	latin1, bad int
}

func newTextStats() *textStats { return &textStats{} }

func isPrivateUse(r rune) bool {
	return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000
}

func (s *textStats) addPage(page int, gl []glyph, d *docState) {
	per := map[*font]*fontPageStats{}
	var last *font
	var fs *fontPageStats
	for i := range gl {
		g := &gl[i]
		if fs != nil && g.font == last && !nextTo(&gl[i-1], g) {
			fs.p1, fs.p2 = 0, 0 // a new run of text: no neighbours yet
		}
		if fs == nil || g.font != last {
			last, fs = g.font, per[g.font]
			if fs == nil {
				fs = &fontPageStats{}
				per[g.font] = fs
			}
			fs.p1, fs.p2 = 0, 0 // another font came between
		}
		for _, r := range g.text {
			if unicode.IsSpace(r) {
				continue
			}
			fs.total++
			if isCJK(fs.p2) && latinish(fs.p1) && isCJK(r) {
				fs.interleaved++
			}
			fs.p2, fs.p1 = fs.p1, r
			switch {
			case r == '\uFFFD' || isPrivateUse(r) || (r < 0x20) || (r >= 0x7F && r < 0xA0):
				fs.bad++
			case r >= 0xA0 && r <= 0xFF:
				fs.latin1++
			case isCJK(r):
				fs.cjk++
			}
		}
	}
	for f, fs := range per {
		s.total += fs.total
		s.bad += fs.bad
		s.cjk += fs.cjk
		name := ""
		if f != nil {
			name = f.name
		}
		if fs.bad > 0 {
			d.warn(page, name, "undecodable-text", fmt.Sprintf("page %d, font %s: %d of %d characters could not be mapped to Unicode (U+FFFD or private use)", page, name, fs.bad, fs.total))
		}
		switch {
		case fs.total >= 8 && fs.latin1*10 > fs.total*4:
			s.suspects = append(s.suspects, suspect{page: page, font: name, n: fs.total, latin1: fs.latin1, bad: fs.bad})
		case fs.total >= 8 && fs.cjk*5 > fs.total && fs.interleaved*50 > fs.total:
			// a CJK font whose Latin characters come singly between
			// Han ones: every Latin-1 character and every interleaved
			// one is suspect
			s.suspects = append(s.suspects, suspect{page: page, font: name, n: fs.total, latin1: fs.latin1 + fs.interleaved, bad: fs.bad})
		}
	}
}

// nextTo tells whether glyph b follows a on the same line, without a gap
// of more than an em.
func nextTo(a, b *glyph) bool {
	return a.dir == b.dir && abs(a.y-b.y) < 0.3*max(a.size, b.size) && b.x >= a.x && b.x-(a.x+a.w) < max(a.size, b.size)
}

// confidence returns 0..1 and adds mojibake diagnostics.
func (s *textStats) confidence(d *docState) float64 {
	if s.total == 0 {
		d.warn(0, "", "no-text", "no text found (scanned document?)")
		return 0
	}
	bad := s.bad
	cjkDoc := s.cjk*5 > s.total
	for _, sp := range s.suspects {
		if cjkDoc || sp.latin1*10 > sp.n*7 {
			bad += sp.latin1
			d.warn(sp.page, sp.font, "mojibake", fmt.Sprintf("page %d, font %s: %d of %d characters are Latin-1 where text is expected (mis-decoded CJK?)", sp.page, sp.font, sp.latin1, sp.n))
		}
	}
	frac := float64(bad) / float64(s.total)
	c := 1 - 4*frac
	if c < 0 {
		c = 0
	}
	return c
}
