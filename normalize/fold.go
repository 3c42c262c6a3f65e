package normalize

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Ranges of the fold tables.
const (
	radicalFirst   = 0x2E80 // CJK Radicals Supplement
	radicalLast    = 0x2FD5 // end of Kangxi Radicals
	compatFirst    = 0xF900 // CJK Compatibility Ideographs
	compatLast     = 0xFAFF
	compatSupFirst = 0x2F800 // CJK Compatibility Ideographs Supplement
	compatSupLast  = 0x2FA1F
)

// Radicals of the supplement block that have no Unicode decomposition but
// print as a whole character; PDFs with poor ToUnicode maps carry them in
// place of the character (Unicode's EquivalentUnifiedIdeograph data).
var radicalExtra = map[rune]rune{
	'⺁': '厂', '⺊': '卜', '⺜': '日', '⺝': '月', '⺠': '民', '⺩': '王',
	'⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長',
	'⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风',
	'⻜': '飞', '⻝': '食', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼',
	'⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾',
	'⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙',
	'⻱': '龜', '⻲': '亀',
}

// The fold tables, each built from the Unicode decompositions the first
// time a rune of its range is folded: most documents have none, and
// building them all costs a few milliseconds of every process's start.
var (
	radicalMap = sync.OnceValue(func() *[radicalLast - radicalFirst + 1]rune {
		var m [radicalLast - radicalFirst + 1]rune
		for r := rune(radicalFirst); r <= radicalLast; r++ {
			if d, ok := single(norm.NFKC.String(string(r))); ok && d != r {
				m[r-radicalFirst] = d
			}
		}
		for r, d := range radicalExtra {
			if m[r-radicalFirst] == 0 {
				m[r-radicalFirst] = d
			}
		}
		return &m
	})
	compatMap = sync.OnceValue(func() *[compatLast - compatFirst + 1]rune {
		var m [compatLast - compatFirst + 1]rune
		for r := rune(compatFirst); r <= compatLast; r++ {
			if d, ok := single(norm.NFD.String(string(r))); ok && d != r {
				m[r-compatFirst] = d
			}
		}
		return &m
	})
	compatSupMap = sync.OnceValue(func() *[compatSupLast - compatSupFirst + 1]rune {
		var m [compatSupLast - compatSupFirst + 1]rune
		for r := rune(compatSupFirst); r <= compatSupLast; r++ {
			if d, ok := single(norm.NFD.String(string(r))); ok && d != r {
				m[r-compatSupFirst] = d
			}
		}
		return &m
	})
)

// single returns the only rune of s.
func single(s string) (rune, bool) {
	r, n := utf8.DecodeRuneInString(s)
	return r, n > 0 && n == len(s) && r != utf8.RuneError
}

// foldRune returns the folded form of r, or r itself.
func foldRune(r rune) rune {
	switch {
	case r >= 0xFF10 && r <= 0xFF5A:
		if r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 {
			return r - 0xFEE0
		}
	case r == 0x3000:
		return ' '
	case r >= radicalFirst && r <= radicalLast:
		if d := radicalMap()[r-radicalFirst]; d != 0 {
			return d
		}
	case r >= compatFirst && r <= compatLast:
		if d := compatMap()[r-compatFirst]; d != 0 {
			return d
		}
	case r >= compatSupFirst && r <= compatSupLast:
		if d := compatSupMap()[r-compatSupFirst]; d != 0 {
			return d
		}
	}
	return r
}

// mayFold reports whether a rune starting with byte c can change under
// foldRune: all folded code points are encoded with one of these lead bytes.
func mayFold(c byte) bool {
	return c == 0xE2 || c == 0xE3 || c == 0xEF || c == 0xF0
}

// Fold maps full-width ASCII letters and digits to half-width, U+3000 to a
// space, Kangxi and supplement radicals to the ideograph they stand for, and
// CJK compatibility ideographs to their unified ideograph. Punctuation,
// full-width or not, is kept. Fold returns s itself when nothing changes;
// invalid UTF-8 is copied through.
func Fold(s string) string {
	var b strings.Builder
	done := 0 // bytes of s already written to b
	for i := 0; i < len(s); {
		if HanAt(s[i:]) { // an ideograph never folds: its three bytes at once
			i += 3
			continue
		}
		if !mayFold(s[i]) {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		f := foldRune(r)
		if f == r {
			i += w
			continue
		}
		if done == 0 && b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:i])
		b.WriteRune(f)
		i += w
		done = i
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// FoldTransformer returns a transformer that applies Fold to a stream.
func FoldTransformer() transform.Transformer {
	return foldTransformer{}
}

type foldTransformer struct{ transform.NopResetter }

func (foldTransformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		// Copy a run of bytes that cannot fold.
		j := nSrc
		for j < len(src) && !mayFold(src[j]) {
			j++
		}
		if j > nSrc {
			n := copy(dst[nDst:], src[nSrc:j])
			nDst += n
			nSrc += n
			if nSrc < j {
				return nDst, nSrc, transform.ErrShortDst
			}
			continue
		}
		if !utf8.FullRune(src[nSrc:]) && !atEOF {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, w := utf8.DecodeRune(src[nSrc:])
		f := foldRune(r)
		if f == r {
			if len(dst)-nDst < w {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], src[nSrc:nSrc+w])
			nSrc += w
			continue
		}
		if len(dst)-nDst < utf8.RuneLen(f) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], f)
		nSrc += w
	}
	return nDst, nSrc, nil
}
