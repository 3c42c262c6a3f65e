package pdf

import (
	"strings"
	"testing"
)

func TestCMapBFCharAndRanges(t *testing.T) {
	cm := parseCMap([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test def
2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
4 beginbfchar
<01> <0041>
<8141> <D83DDE00>
<02> <006600660069>
<03> /Euro
endbfchar
3 beginbfrange
<10> <12> <4E2D>
<20> <22> [<0061> <00620063> <D840DC00>]
<8200> <82FF> <00FF>
endbfrange
1 begincidrange <8140> <81FF> 100 endcidrange
endcmap CMapName currentdict /CMap defineresource pop end end`))
	cases := map[uint32]string{
		0x01: "A", 0x8141: "😀", 0x02: "ffi", 0x03: "€",
		0x10: "中", 0x11: "丮", 0x12: "丯",
		0x20: "a", 0x21: "bc", 0x22: "𠀀",
		0x8200: "ÿ", 0x8201: "Ā", 0x82FF: "Ǿ",
	}
	for code, want := range cases {
		got, ok := cm.lookup(code)
		if !ok || got != want {
			t.Errorf("code %X: got %q (%v), want %q", code, got, ok, want)
		}
	}
	if _, ok := cm.lookup(0x13); ok {
		t.Errorf("code 13 should be unmapped")
	}
	if cid, ok := cm.cid(0x8145); !ok || cid != 105 {
		t.Errorf("cid(8145) = %d, %v", cid, ok)
	}
	// codespace: 1-byte <00>-<80>, 2-byte <8140>-<FEFE>
	for _, c := range []struct {
		in   []byte
		want int
	}{{[]byte{0x41, 0x81}, 1}, {[]byte{0x81, 0x41}, 2}, {[]byte{0xFF}, 1}, {[]byte{0x81}, 1}} {
		if got := splitCode(cm.codespace, c.in, 2); got != c.want {
			t.Errorf("split %X = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestCMapCodespaceWidths(t *testing.T) {
	cm := parseCMap([]byte(`begincmap 3 begincodespacerange <00> <7F> <8000> <8FFF> <90000000> <9FFFFFFF> endcodespacerange
1 beginbfchar <90000001> <0033> endbfchar
1 beginbfrange <8000> <8002> <0030> endbfrange endcmap`))
	b := []byte{0x41, 0x80, 0x01, 0x90, 0x00, 0x00, 0x01}
	var got []int
	for len(b) > 0 {
		n := splitCode(cm.codespace, b, 1)
		got = append(got, n)
		b = b[n:]
	}
	if len(got) != 3 || got[0] != 1 || got[1] != 2 || got[2] != 4 {
		t.Fatalf("split lengths %v, want [1 2 4]", got)
	}
	if s, _ := cm.lookup(0x90000001); s != "3" {
		t.Errorf("4-byte code: %q", s)
	}
	if s, _ := cm.lookup(0x8002); s != "2" {
		t.Errorf("range: %q", s)
	}
}

func TestCMapMalformedDoesNotPanic(t *testing.T) {
	for _, src := range []string{
		"beginbfchar <01",
		"beginbfrange <01> <05> [ <0041> endbfrange",
		"begincodespacerange <0000000000> <FF> endcodespacerange",
		"beginbfrange <05> <01> <0041> endbfrange",
		"<<<<[[[[ /a /b def",
		"",
	} {
		parseCMap([]byte(src))
	}
}

func TestGlyphNames(t *testing.T) {
	for name, want := range map[string]string{
		"A": "A", "eacute": "é", "uni4E2D": "中", "uni00410042": "AB", "u1F600": "😀",
		"f_f_i": "ffi", "a.sc": "a", "Euro": "€", "quoteright": "’", "g123": "", ".notdef": "",
	} {
		if got := glyphNameToUnicode(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

func TestBaseEncodings(t *testing.T) {
	if winAnsi[0x93] != '“' || winAnsi[0xE9] != 'é' || winAnsi[0x80] != '€' {
		t.Errorf("WinAnsi: %q %q %q", winAnsi[0x93], winAnsi[0xE9], winAnsi[0x80])
	}
	if macRoman[0x8E] != 'é' || macRoman[0xD2] != '“' {
		t.Errorf("MacRoman: %q %q", macRoman[0x8E], macRoman[0xD2])
	}
	if standard[0x27] != '’' || standard[0xAE] != 'ﬁ' || standard[0xE9] != 'Ø' {
		t.Errorf("Standard: %q %q %q", standard[0x27], standard[0xAE], standard[0xE9])
	}
}

func TestPredefinedCMaps(t *testing.T) {
	cases := []struct {
		name string
		code []byte
		want string
	}{
		{"UniGB-UCS2-H", []byte{0x4E, 0x2D}, "中"},
		{"UniGB-UTF16-H", []byte{0xD8, 0x40, 0xDC, 0x00}, "𠀀"},
		{"GBK-EUC-H", []byte{0xD6, 0xD0}, "中"},
		{"GBK-EUC-H", []byte{0x41}, "A"},
		{"GB-EUC-H", []byte{0xB9, 0xFA}, "国"},
		{"ETen-B5-H", []byte{0xA4, 0xA4}, "中"},
	}
	for _, c := range cases {
		p, ok := lookupPredefinedCMap(c.name)
		if !ok {
			t.Fatalf("%s not known", c.name)
		}
		if n := splitCode(p.codespace, c.code, 2); n != len(c.code) {
			t.Errorf("%s: split %X gives %d bytes", c.name, c.code, n)
		}
		if got := p.decode(c.code); got != c.want {
			t.Errorf("%s %X: %q, want %q", c.name, c.code, got, c.want)
		}
	}
}

// TestRowCellCMaps: the row-and-cell CMaps of the Japanese, Chinese and
// Korean collections, without ToUnicode, read their characters.
func TestRowCellCMaps(t *testing.T) {
	for _, c := range []struct{ cmap, want string }{
		{"/H", "亜唖"},
		{"/V", "亜唖"},
		{"/GB-H", "啊阿"},
		{"/KSC-H", "가각"},
	} {
		res := mustExtract(t, onePage("/F1 "+type0(c.cmap, ""), "BT /F1 12 Tf 72 700 Td <30213022> Tj ET", nil, ""))
		if got := strings.ReplaceAll(allText(res), "\n", ""); got != c.want {
			t.Errorf("%s: %q, want %q", c.cmap, got, c.want)
		}
	}
}
