package normalize

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"方案 8", "方案 8"},
		{"\u2F45案", "方案"},        // ⽅ Kangxi radical square
		{"\u2F08", "人"},          // ⼈
		{"\u2FA8", "門"},          // ⾨
		{"\u2E9F", "母"},          // ⺟ has a decomposition
		{"\u2ED3期", "长期"},        // ⻓ C-simplified long
		{"\u2ED4户", "门户"},        // ⻔
		{"\u2E98", "\u2E98"},     // ⺘ hand component: no equivalent, kept
		{"\uF900", "\u8C48"},     // 豈 compatibility → unified
		{"\uF91D", "\u6B04"},     // 欄
		{"\uFA0E", "\uFA0E"},     // 﨎 is a unified ideograph: kept
		{"\U0002F800", "\u4E3D"}, // supplement compatibility ideograph
		{"ＵＮ", "UN"},
		{"Ｕ　Ｎ", "U N"},
		{"１２", "12"},
		{"Ａ／６９／６", "A／69／6"}, // full-width slash is punctuation: kept
		{"ａｂｃｘｙｚ０９ＡＺ", "abcxyz09AZ"},
		{"第　58/269　号", "第 58/269 号"},
		{"，。；：“”《》（）、", "，。；：“”《》（）、"},
		{"（ａ）", "（a）"},
		{"＠［｀｛～", "＠［｀｛～"}, // neighbours of the letter ranges
		{"㈠⑴", "㈠⑴"},
		{"\xff\xfeＡ\xe2", "\xff\xfeA\xe2"}, // invalid UTF-8 passes through
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got, _, err := transform.String(FoldTransformer(), tt.in); err != nil || got != tt.want {
			t.Errorf("FoldTransformer(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestFoldRanges(t *testing.T) {
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		got := []rune(Fold(string(r)))
		if len(got) != 1 || !unicode.Is(unicode.Han, got[0]) || got[0] >= 0x2E80 && got[0] <= 0x2FFF {
			t.Errorf("Kangxi %U folds to %q", r, string(got))
		}
	}
	for _, rg := range [][2]rune{{0xF900, 0xFAFF}, {0x2F800, 0x2FA1F}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if got, want := Fold(string(r)), norm.NFC.String(string(r)); got != want {
				t.Errorf("compatibility %U folds to %q, want %q", r, got, want)
			}
		}
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		got := Fold(string(r))
		alnum := r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A
		if alnum != (got != string(r)) {
			t.Errorf("full-width %U folds to %q", r, got)
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	s := string(seed(t))
	if Fold(s) != s {
		t.Fatal("seed should not change")
	}
	if n := testing.AllocsPerRun(10, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold allocates %v times on unchanged text", n)
	}
}

// TestFoldTransformerStream feeds the transformer one byte at a time and
// through a tiny destination buffer.
func TestFoldTransformerStream(t *testing.T) {
	in := strings.Repeat("ＵＮ\u2F45案\uF900，\U0002F800１\xe2x", 50) + string(seed(t)[:3000])
	want := Fold(in)
	r := transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), FoldTransformer())
	got, err := io.ReadAll(iotest.OneByteReader(r))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("streamed fold differs from Fold")
	}
	dst := make([]byte, 4)
	var out []byte
	src := []byte(in)
	for len(src) > 0 {
		nDst, nSrc, err := FoldTransformer().Transform(dst, src, true)
		out = append(out, dst[:nDst]...)
		src = src[nSrc:]
		if err != nil && err != transform.ErrShortDst {
			t.Fatal(err)
		}
		if nSrc == 0 && nDst == 0 {
			t.Fatal("no progress")
		}
	}
	if string(out) != want {
		t.Errorf("small-buffer fold differs from Fold")
	}
}

// TestFoldSkipsIdeographs checks Fold's quick path over ideographs (three
// bytes at a time) against FoldTransformer, which reads rune by rune: on
// every three bytes with an ideograph's lead byte, valid or not, followed
// by characters that fold.
func TestFoldSkipsIdeographs(t *testing.T) {
	for c0 := 0xE3; c0 <= 0xEA; c0++ {
		for c1 := range 256 {
			for _, c2 := range []byte{0x00, 'a', 0x80, 0xBF, 0xC0, 0xE2, 0xE3, 0xEF, 0xF0} {
				s := string([]byte{byte(c0), byte(c1), c2}) + "Ａ\u2F45　"
				want, _, err := transform.String(FoldTransformer(), s)
				if err != nil {
					t.Fatal(err)
				}
				if got := Fold(s); got != want {
					t.Fatalf("Fold(%+q) = %+q, FoldTransformer gives %+q", s, got, want)
				}
			}
		}
	}
}
