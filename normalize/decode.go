package normalize

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding tells how Decode read its input.
type Encoding struct {
	Name       string  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "gb18030"
	Guessed    bool    // read without a BOM and not as valid UTF-8: a guess
	Confidence float64 // 0..1, how plausible the decoded text is
	Replaced   int     // U+FFFD runes in the text, most of them invalid input
}

// DecodeError says why input could not be decoded as text.
type DecodeError struct {
	Reason string
}

func (e *DecodeError) Error() string { return "normalize: " + e.Reason }

// ErrUnknownCharset is returned (wrapped) by DecodeAs for a charset it does
// not know.
var ErrUnknownCharset = errors.New("normalize: unknown charset")

// Share of runes above which input is not text.
const (
	maxNULShare     = 0.01
	maxControlShare = 0.10
)

// Decode decodes a document to UTF-8. A UTF-8 or UTF-16 byte order mark
// decides the encoding and is stripped; BOM-less UTF-16 is recognised by its
// NUL bytes; valid UTF-8 is taken as UTF-8; anything else is decoded as
// GB18030 (a superset of GBK and GB2312) or as UTF-8 with replacements,
// whichever reads more plausibly, and marked Guessed. Invalid input becomes
// U+FFFD, counted in Encoding.Replaced and lowering Confidence. The text is
// always returned; the error, a *DecodeError, is set only when the input is
// clearly not text (many NUL or control characters). Empty input gives "".
func Decode(b []byte) (string, Encoding, error) {
	if len(b) == 0 {
		return "", Encoding{Name: "utf-8", Confidence: 1}, nil
	}
	var s string
	var enc Encoding
	var st textStats // measure(s), when already known
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s, enc.Name = decodeUTF8(b[3:]), "utf-8-bom"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, enc.Name = decodeUTF16(b[2:], false), "utf-16le"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, enc.Name = decodeUTF16(b[2:], true), "utf-16be"
	default:
		if t, name, tst, ok := sniffUTF16(b); ok {
			s, enc, st = t, Encoding{Name: name, Guessed: true}, tst
			break
		}
		if vst, ok := countValid(b); ok { // valid UTF-8, counted in the same pass
			s, enc.Name, st = string(b), "utf-8", vst // not guessed: the scores of runes are not needed
			break
		}
		// measure counts invalid bytes as decodeUTF8 replaces them, so the
		// UTF-8 reading is scored before it is built.
		ust := measure(string(b))
		g := decodeGB18030(b)
		gst := measure(g)
		if ust.plausible() > gst.plausible() {
			s, enc, st = decodeUTF8(b), Encoding{Name: "utf-8", Guessed: true}, ust
		} else {
			s, enc, st = g, Encoding{Name: "gb18030", Guessed: true}, gst
		}
	}
	if st.runes == 0 {
		st = measure(s)
	}
	enc.Replaced = st.replaced
	if enc.Guessed {
		enc.Confidence = st.plausible()
	} else {
		enc.Confidence = st.clean()
	}
	return s, enc, st.notText()
}

// DecodeAs decodes b in the named charset, as declared by an HTML page or a
// server: "utf-8", "utf-16le", "utf-16be", "utf-16", "gb2312", "gbk",
// "gb18030", "big5" and the other WHATWG encoding labels. The GB family is
// read as GB18030. A byte order mark overrides the declared charset. When
// bytes are invalid in the charset, the text is returned with U+FFFD in their
// place together with a *DecodeError counting them. An unknown charset
// returns an error wrapping ErrUnknownCharset.
func DecodeAs(b []byte, charset string) (string, error) {
	name := strings.ToLower(strings.Trim(strings.TrimSpace(charset), `"'`))
	var s string
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s, name = decodeUTF8(b[3:]), "utf-8"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, name = decodeUTF16(b[2:], false), "utf-16le"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, name = decodeUTF16(b[2:], true), "utf-16be"
	default:
		switch name {
		case "utf-8", "utf8", "unicode-1-1-utf-8":
			s = decodeUTF8(b)
		case "utf-16le", "utf-16", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2", "unicodefeff":
			s = decodeUTF16(b, false)
		case "utf-16be", "unicodefffe":
			s = decodeUTF16(b, true)
		case "gb2312", "gbk", "gb18030", "cp936", "ms936", "windows-936", "x-gbk", "euc-cn", "x-euc-cn",
			"csgb2312", "csiso58gb231280", "iso-ir-58", "chinese", "gb_2312", "gb_2312-80":
			s = decodeGB18030(b)
		default:
			e, err := htmlindex.Get(name)
			if err != nil || e == encoding.Replacement {
				return "", fmt.Errorf("%w: %q", ErrUnknownCharset, charset)
			}
			out, err := e.NewDecoder().Bytes(b)
			if err != nil {
				return "", fmt.Errorf("normalize: decoding %s: %w", name, err)
			}
			s = string(out)
		}
	}
	if n := strings.Count(s, "\uFFFD"); n > 0 {
		return s, &DecodeError{Reason: fmt.Sprintf("%s: %d invalid byte sequences replaced by U+FFFD", name, n)}
	}
	return s, nil
}

// decodeUTF8 returns b as a string with each invalid byte replaced by U+FFFD.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(b) && b[j] < utf8.RuneSelf {
				j++
			}
			out = append(out, b[i:j]...)
			i = j
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[i:i+w]...)
		}
		i += w
	}
	return string(out)
}

// decodeUTF16 decodes UTF-16 without BOM; unpaired surrogates and a
// dangling last byte become U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) string {
	out := make([]byte, 0, len(b)/2*3+3)
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	i := 0
	for ; i+1 < len(b); i += 2 {
		r := unit(i)
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if i+3 < len(b) {
				if lo := unit(i + 2); lo >= 0xDC00 && lo < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
					i += 2
					break
				}
			}
			r = utf8.RuneError
		case r >= 0xDC00 && r < 0xE000:
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
	}
	if i < len(b) {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return string(out)
}

// sniffUTF16 recognises BOM-less UTF-16 by NUL bytes falling mostly on odd
// (little-endian) or even (big-endian) offsets, as ASCII characters do.
func sniffUTF16(b []byte) (string, string, textStats, bool) {
	if len(b) < 4 || bytes.IndexByte(b, 0) < 0 {
		return "", "", textStats{}, false
	}
	var nul [2]int
	for i, c := range b {
		if c == 0 {
			nul[i&1]++
		}
	}
	pairs := len(b) / 2
	var s, name string
	switch {
	case nul[1]*10 >= pairs && nul[0]*10 <= nul[1]:
		s, name = decodeUTF16(b, false), "utf-16le"
	case nul[0]*10 >= pairs && nul[1]*10 <= nul[0]:
		s, name = decodeUTF16(b, true), "utf-16be"
	default:
		return "", "", textStats{}, false
	}
	st := measure(s)
	if st.notText() != nil || st.plausible() < 0.5 {
		return "", "", textStats{}, false
	}
	return s, name, st, true
}

// decodeGB18030 decodes GB18030; invalid bytes become U+FFFD.
func decodeGB18030(b []byte) string {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil { // the decoder replaces rather than fails; be safe anyway
		return decodeUTF8(b)
	}
	return string(out)
}

// textStats counts what decoded text is made of.
type textStats struct {
	runes    int     // all runes
	scored   int     // runes other than white space
	good     float64 // weighted plausible runes
	nul      int     // U+0000
	control  int     // other controls, without tab, newline, CR, FF, VT
	replaced int     // U+FFFD
}

// measure scores each rune: ASCII, common (GB2312) ideographs and CJK
// punctuation count 1, other letters and symbols 1/2, replacements,
// controls and private-use code points 0. Each invalid UTF-8 byte counts as
// one U+FFFD, as decodeUTF8 would write it.
func measure(s string) textStats {
	var st textStats
	common := commonHan()
	for _, r := range s {
		st.runes++
		switch {
		case r < 0x7F && r > ' ':
			st.good++
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == ' ':
			continue
		case r >= 0x4E00 && r <= 0x9FFF:
			if i := r - 0x4E00; common[i>>6]&(1<<(i&63)) != 0 {
				st.good++
			} else {
				st.good += 0.5
			}
		case r == 0:
			st.nul++
		case r < 0x20 || r >= 0x7F && r <= 0x9F:
			st.control++
		case r == utf8.RuneError:
			st.replaced++
		case r == 0x3000 || r >= 0xA0 && isSpace(r):
			continue
		case r > 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF5E, r >= 0x2010 && r <= 0x2027,
			r >= 0x3220 && r <= 0x3229, r >= 0x2474 && r <= 0x2487:
			st.good++
		case isPrivateUse(r):
		default:
			st.good += 0.5
		}
		st.scored++
	}
	return st
}

// countValid is utf8.Valid and, when s is valid, measure without the
// weighted score (good), which only a guessed encoding needs, in one pass:
// it counts runes, white space, NULs, controls and U+FFFD from the bytes,
// without decoding runes. ok is false, and the counts meaningless, when s
// is not valid UTF-8. TestCountValid checks it against utf8.Valid and
// measure on every rune and on invalid sequences.
func countValid(s []byte) (st textStats, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			st.runes++
			switch {
			case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == ' ':
				continue
			case c == 0:
				st.nul++
			case c < 0x20 || c == 0x7F:
				st.control++
			}
			st.scored++
			continue
		}
		st.runes++
		// i moves to the sequence's last byte once it is known to be valid;
		// the sequences of ideographs (three bytes) are checked inline
		switch {
		case c >= 0xE0 && c < 0xF0:
			if i+2 >= len(s) {
				return st, false
			}
			c1 := s[i+1]
			if c1&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 || c == 0xE0 && c1 < 0xA0 || c == 0xED && c1 > 0x9F {
				return st, false
			}
			i += 2
		case c >= 0xC2 && c < 0xE0:
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
				return st, false
			}
			i++
		default:
			n := validSeq(s[i:])
			if n == 0 {
				return st, false
			}
			i += n - 1
		}
		switch c {
		case 0xC2:
			if s[i] <= 0x9F { // C1 controls U+0080–U+009F
				st.control++
			} else if s[i] == 0xA0 { // U+00A0
				continue
			}
		case 0xE1:
			if s[i-1] == 0x9A && s[i] == 0x80 { // U+1680
				continue
			}
		case 0xE2:
			if s[i-1] == 0x80 && (s[i] <= 0x8A || s[i] == 0xA8 || s[i] == 0xA9 || s[i] == 0xAF) ||
				s[i-1] == 0x81 && s[i] == 0x9F { // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
				continue
			}
		case 0xE3:
			if s[i-1] == 0x80 && s[i] == 0x80 { // U+3000
				continue
			}
		case 0xEF:
			if s[i-1] == 0xBF && s[i] == 0xBD { // U+FFFD
				st.replaced++
			}
		}
		st.scored++
	}
	return st, true
}

// validSeq returns the length of the valid UTF-8 sequence of two to four
// bytes that s begins with, or 0 when s does not begin with one: the byte
// ranges of utf8.Valid (no overlong forms, surrogates or runes above
// U+10FFFF).
func validSeq(s []byte) int {
	c := s[0]
	lo, hi := byte(0x80), byte(0xBF) // the second byte's range
	n := 0
	switch {
	case c < 0xC2:
		return 0
	case c < 0xE0:
		n = 2
	case c < 0xF0:
		n = 3
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c < 0xF5:
		n = 4
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 0
	}
	if len(s) < n || s[1] < lo || s[1] > hi {
		return 0
	}
	for k := 2; k < n; k++ {
		if s[k]&0xC0 != 0x80 {
			return 0
		}
	}
	return n
}

// plausible is the weighted share of plausible runes.
func (st textStats) plausible() float64 {
	if st.scored == 0 {
		return 1
	}
	return st.good / float64(st.scored)
}

// clean is the share of runes that are not replacements or controls.
func (st textStats) clean() float64 {
	if st.scored == 0 {
		return 1
	}
	return 1 - float64(st.replaced+st.nul+st.control)/float64(st.scored)
}

// notText returns a *DecodeError when NUL or control characters show that
// the input is binary.
func (st textStats) notText() error {
	if st.runes == 0 {
		return nil
	}
	n := float64(st.runes)
	switch {
	case float64(st.nul) >= maxNULShare*n:
		return &DecodeError{Reason: fmt.Sprintf("not text: %d NUL characters in %d", st.nul, st.runes)}
	case float64(st.nul+st.control) >= maxControlShare*n:
		return &DecodeError{Reason: fmt.Sprintf("not text: %d control characters in %d", st.nul+st.control, st.runes)}
	}
	return nil
}

// commonHan returns a bit set over U+4E00–U+9FFF of the 6,763 GB2312
// ideographs, the ones ordinary Chinese text is made of.
var commonHan = sync.OnceValue(func() *[0x5200 / 64]uint64 {
	var set [0x5200 / 64]uint64
	var raw []byte
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			raw = append(raw, byte(hi), byte(lo))
		}
	}
	out, _ := simplifiedchinese.GBK.NewDecoder().Bytes(raw)
	for _, r := range string(out) {
		if r >= 0x4E00 && r <= 0x9FFF {
			i := r - 0x4E00
			set[i>>6] |= 1 << (i & 63)
		}
	}
	return &set
})
