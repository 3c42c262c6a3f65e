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
		if fs == nil || g.font != last {
			last, fs = g.font, per[g.font]
			if fs == nil {
				fs = &fontPageStats{}
				per[g.font] = fs
			}
		}
		for _, r := range g.text {
			if unicode.IsSpace(r) {
				continue
			}
			fs.total++
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
		if fs.total >= 8 && fs.latin1*10 > fs.total*4 {
			s.suspects = append(s.suspects, suspect{page: page, font: name, n: fs.total, latin1: fs.latin1, bad: fs.bad})
		}
	}
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
