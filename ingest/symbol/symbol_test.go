package symbol

import (
	"os"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want, file string
	}{
		{"A/69/6/Rev.1", "A/69/6/Rev.1", "A_69_6_Rev.1-ZH.pdf"},
		{"a/69/6/rev.1", "A/69/6/Rev.1", "A_69_6_Rev.1-ZH.pdf"},
		{"A/69/6/REV.1", "A/69/6/Rev.1", ""},
		{" A / 69 / 6 / Rev. 1 ", "A/69/6/Rev.1", ""},
		{"Ａ／６９／６／Ｒｅｖ．１", "A/69/6/Rev.1", ""},
		{"(A/69/6/Rev.1)", "A/69/6/Rev.1", ""},
		{"（A/69/5/Add.12）", "A/69/5/Add.12", "A_69_5_Add.12-ZH.pdf"},
		{"A/70/6 (Sect. 9)", "A/70/6 (Sect. 9)", "A_70_6_(Sect._9)-ZH.pdf"},
		{"A/70/6(Sect.9)", "A/70/6 (Sect. 9)", ""},
		{"A/70/6 (SECT. 9)", "A/70/6 (Sect. 9)", ""},
		{"A/70/6（Sect. 9）", "A/70/6 (Sect. 9)", ""},
		{"A/70/6\u3000(sect 9)", "A/70/6 (Sect. 9)", ""},
		{"A/70/6 (Prog. 8)", "A/70/6 (Prog. 8)", "A_70_6_(Prog._8)-ZH.pdf"},
		{"A/70/6 (PROG.8)", "A/70/6 (Prog. 8)", ""},
		{"A/70/6 (Part I)", "A/70/6 (Part I)", "A_70_6_(Part_I)-ZH.pdf"},
		{"A/70/6 (PART I)", "A/70/6 (Part I)", ""},
		{"A/78/6 (Sect. 3)/Add.7", "A/78/6 (Sect. 3)/Add.7", "A_78_6_(Sect._3)_Add.7-ZH.pdf"},
		{"A/81/6 (SECT. 3)/ADD.4", "A/81/6 (Sect. 3)/Add.4", ""},
		{"A/81/6 (Sect. 24)/Part A", "A/81/6 (Sect. 24)/Part A", "A_81_6_(Sect._24)_Part_A-ZH.pdf"},
		{"A/81/6 (Sect. 24)/PART a", "A/81/6 (Sect. 24)/Part A", ""},
		{"S/RES/2623 (2022)", "S/RES/2623 (2022)", "S_RES_2623_(2022)-ZH.pdf"},
		{"S/RES/2623(2022)", "S/RES/2623 (2022)", ""},
		{"S/RES/2623（2022）", "S/RES/2623 (2022)", ""},
		{"A/RES/2758(XXVI)", "A/RES/2758 (XXVI)", "A_RES_2758_(XXVI)-ZH.pdf"},
		{"A/RES/2758 (xxvi)", "A/RES/2758 (XXVI)", ""},
		{"A/RES/103(I)", "A/RES/103 (I)", ""},
		{"A/RES/49/35 A", "A/RES/49/35 A", "A_RES_49_35_A-ZH.pdf"},
		{"A/RES/49/35A", "A/RES/49/35 A", ""},
		{"A/RES/377 A (V)", "A/RES/377 A (V)", ""},
		{"A/RES/377A(V)", "A/RES/377 A (V)", ""},
		{"A/RES/S-8/1", "A/RES/S-8/1", ""},
		{"A/RES/ES-11/1", "A/RES/ES-11/1", ""},
		{"ST/SGB/2000/8", "ST/SGB/2000/8", "ST_SGB_2000_8-ZH.pdf"},
		{"st/sgb/2000/8", "ST/SGB/2000/8", ""},
		{"A/RES/69/17", "A/RES/69/17", ""},
		{"a/res/69/17", "A/RES/69/17", ""},
		{"A/C.3/78/L.49/Rev.1", "A/C.3/78/L.49/Rev.1", "A_C.3_78_L.49_Rev.1-ZH.pdf"},
		{"A/C.3/78/L.60/Rev.1", "A/C.3/78/L.60/Rev.1", ""},
		{"A/78/481/Add.2", "A/78/481/Add.2", ""},
		{"A/69/5/Corr.1", "A/69/5/Corr.1", ""},
		{"ST/SGB/2015/1/Amend.1", "ST/SGB/2015/1/Amend.1", ""},
		{"A/79/PV.1", "A/79/PV.1", "A_79_PV.1-ZH.pdf"},
		{"S/PV.10146 (Resumption 1)", "S/PV.10146 (Resumption 1)", ""},
		{"S/Agenda/8979", "S/Agenda/8979", ""},
		{"E/CN.4/Sub.2/1998/13", "E/CN.4/Sub.2/1998/13", ""},
		{"( A / CN . 10 / 203 )", "A/CN.10/203", ""},
		{"E/RES/2014/35", "E/RES/2014/35", ""},
		{"A/69/6(OR)", "A/69/6 (OR)", ""},
		{"A/DEC/69/xxx", "A/DEC/69/xxx", ""},
		{"A/C.5/69/L.1", "A/C.5/69/L.1", ""},
		{"A/HRC/RES/28/1", "A/HRC/RES/28/1", ""},
	}
	for _, tt := range tests {
		s, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if s.String() != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, s, tt.want)
		}
		if want := MustParse(tt.want); s != want || s.Key() != want.Key() {
			t.Errorf("Parse(%q) not equal to Parse(%q)", tt.in, tt.want)
		}
		if tt.file != "" {
			if got := s.FileName("zh"); got != tt.file {
				t.Errorf("FileName(%q) = %q, want %q", tt.want, got, tt.file)
			}
			back, lang, ok := FromFileName(tt.file)
			if !ok || back != s || lang != "zh" {
				t.Errorf("FromFileName(%q) = %q %q %v, want %q", tt.file, back, lang, ok, s)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"", "   ", "A", "69/6", "A//6", "A/69/", "/A/69", "A/70/6 (Sect. 9", "A/70/6 Sect. 9)",
		"A/70/6 ((1))", "A/69/6 Rev.1", "A/69/6?x", "第69/17号", strings.Repeat("A/1", 100),
	} {
		if s, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %q, want error", in, s)
		}
	}
}

func TestKey(t *testing.T) {
	pairs := [][2]string{
		{"S/RES/2623 (2022)", "S/RES/2623(2022)"},
		{"A/RES/2758 (XXVI)", "A/RES/2758(XXVI)"},
		{"A/70/6 (Sect. 9)", "a/70/6(SECT.9)"},
		{"A/RES/49/35 A", "A/RES/49/35A"},
	}
	for _, p := range pairs {
		a, b := MustParse(p[0]), MustParse(p[1])
		if a.Key() != b.Key() {
			t.Errorf("Key(%q)=%q != Key(%q)=%q", p[0], a.Key(), p[1], b.Key())
		}
	}
	if MustParse("A/69/61").Key() == MustParse("A/6/961").Key() {
		t.Error("keys must keep the slashes")
	}
	if got := MustParse("A/RES/2758 (XXVI)").Compact(); got != "A/RES/2758(XXVI)" {
		t.Errorf("Compact = %q", got)
	}
	if k := MustParse("A/RES/69/17").Kind(); k != KindResolution {
		t.Errorf("Kind = %q", k)
	}
}

func TestParseLang(t *testing.T) {
	tests := map[string]string{
		"zh": "zh", "ZH": "zh", "C": "zh", "c": "zh", "ch": "zh", "chinese": "zh", "Chinese": "zh", "中文": "zh",
		"en": "en", "E": "en", "fr": "fr", "F": "fr", "es": "es", "S": "es", "ru": "ru", "R": "ru",
		"ar": "ar", "A": "ar", "ot": "ot", "O": "ot", "de": "ot",
	}
	for in, want := range tests {
		got, err := ParseLang(in)
		if err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "xx", "zz", "chn"} {
		if _, err := ParseLang(in); err == nil {
			t.Errorf("ParseLang(%q) should fail", in)
		}
	}
	ods := map[string]string{"zh": "C", "ch": "C", "C": "C", "en": "E", "fr": "F", "es": "S", "ru": "R", "ar": "A", "xx": ""}
	for in, want := range ods {
		if got := ODSLang(in); got != want {
			t.Errorf("ODSLang(%q) = %q, want %q", in, got, want)
		}
	}
	undocs := map[string]string{"zh": "zh", "ch": "zh", "C": "zh", "E": "en", "S": "es", "A": "ar", "xx": ""}
	for in, want := range undocs {
		if got := UndocsLang(in); got != want {
			t.Errorf("UndocsLang(%q) = %q, want %q", in, got, want)
		}
	}
	for _, l := range Languages {
		if UndocsLang(ODSLang(l)) != l {
			t.Errorf("round trip %q", l)
		}
	}
}

func TestFromURL(t *testing.T) {
	tests := []struct {
		in, sym, lang string
		ok            bool
	}{
		{"http://undocs.org/ch/A/69/6/Rev.1", "A/69/6/Rev.1", "zh", true},
		{"https://undocs.org/zh/A/RES/69/17", "A/RES/69/17", "zh", true},
		{"https://www.undocs.org/zh/A/RES/2758(XXVI)", "A/RES/2758 (XXVI)", "zh", true},
		{"https://undocs.org/en/A/81/6%20(Sect.%203)", "A/81/6 (Sect. 3)", "en", true},
		{"https://docs.un.org/en/S/PV.9800", "S/PV.9800", "en", true},
		{"https://undocs.org/S/PV.88", "S/PV.88", "en", true},
		{"https://undocs.org/A/RES/69/17", "A/RES/69/17", "en", true},
		{"https://documents.un.org/api/symbol/access?s=A/RES/69/17&l=zh&t=pdf", "A/RES/69/17", "zh", true},
		{"https://documents.un.org/api/symbol/access?s=A%2FRES%2F69%2F17&l=C&t=pdf", "A/RES/69/17", "zh", true},
		{"https://documents.un.org/api/symbol/access?s=S%2FRES%2F2623%20(2022)&l=en&t=pdf", "S/RES/2623 (2022)", "en", true},
		{"http://daccess-ods.un.org/access.nsf/Get?Open&DS=A/58/99&Lang=C", "A/58/99", "zh", true},
		{"http://daccess-ods.un.org/access.nsf/Get?Open&DS=S/RES/1966(2010)&Lang=E", "S/RES/1966 (2010)", "en", true},
		{"http://127.0.0.1:8080/api/symbol/access?s=A/69/6&l=zh&t=pdf", "A/69/6", "zh", true},
		{"https://documents-dds-ny.un.org/doc/UNDOC/GEN/N00/812/31/PDF/N0081231.pdf", "", "", false},
		{"https://example.org/zh/A/69/6", "", "", false},
		{"https://undocs.org/zh/", "", "", false},
		{"not a url", "", "", false},
	}
	for _, tt := range tests {
		s, lang, ok := FromURL(tt.in)
		if ok != tt.ok || s.String() != tt.sym || lang != tt.lang {
			t.Errorf("FromURL(%q) = %q %q %v, want %q %q %v", tt.in, s, lang, ok, tt.sym, tt.lang, tt.ok)
		}
	}
}

func TestFindCitations(t *testing.T) {
	type c struct{ text, sym, kind string }
	tests := []struct {
		in   string
		want []c
	}{
		{"1. 大会第69/17号决议通过了2016-2017两年期方案计划和优先事项(A/69/6/Rev.1)。",
			[]c{{"第69/17号决议", "A/RES/69/17", "resolution"}, {"A/69/6/Rev.1", "A/69/6/Rev.1", "document"}}},
		{"该决议回顾，大会第 58/269 号决议请方案", []c{{"第 58/269 号决议", "A/RES/58/269", "resolution"}}},
		{"；第 58/269 号决议", []c{{"第 58/269 号决议", "A/RES/58/269", "resolution"}}},
		{"根据经济及社会理事会第 2014/35 号决议认可的西亚经济社会委员会第315(XXVIII)号决议，正在",
			[]c{{"第 2014/35 号决议", "E/RES/2014/35", "resolution"}, {"第315(XXVIII)号决议", "", "resolution"}}},
		{"安全理事会第2623(2022)号决议", []c{{"第2623(2022)号决议", "S/RES/2623 (2022)", "resolution"}}},
		{"安全理事会2022年2月27日第2623(2022)号决议", []c{{"第2623(2022)号决议", "S/RES/2623 (2022)", "resolution"}}},
		{"安理会第 2623（2022）号决议", []c{{"第 2623（2022）号决议", "S/RES/2623 (2022)", "resolution"}}},
		{"大会在第 68/20 号决议中核可", []c{{"第 68/20 号决议", "A/RES/68/20", "resolution"}}},
		{"大会第 69/xxx 号决定", []c{{"第 69/xxx 号决定", "A/DEC/69/xxx", "decision"}}},
		{"大会第 55/488 号决定", []c{{"第 55/488 号决定", "A/DEC/55/488", "decision"}}},
		{"经济及社会理事会第 2014/208 号决定", []c{{"第 2014/208 号决定", "E/DEC/2014/208", "decision"}}},
		{"第 56/227 号决议，其中大会决定设立办事处；第 65/280 号决议，其中",
			[]c{{"第 56/227 号决议", "A/RES/56/227", "resolution"}, {"第 65/280 号决议", "A/RES/65/280", "resolution"}}},
		{"大会第69/137和69/15号决议", []c{{"第69/137", "A/RES/69/137", "resolution"}, {"69/15号决议", "A/RES/69/15", "resolution"}}},
		{"大会第 56/227、56/228 和第 57/1 号决议",
			[]c{{"第 56/227", "A/RES/56/227", "resolution"}, {"56/228", "A/RES/56/228", "resolution"}, {"57/1 号决议", "A/RES/57/1", "resolution"}}},
		{"第 59/311 号决议", []c{{"第 59/311 号决议", "A/RES/59/311", "resolution"}}},
		{"United Nations A/81/6 (Sect. 24)/Part A* General Assembly", []c{{"A/81/6 (Sect. 24)/Part A*", "A/81/6 (Sect. 24)/Part A*", "document"}}},
		{"A/81/6 (Sect. 24)/Part IV and", []c{{"A/81/6 (Sect. 24)/Part IV", "A/81/6 (Sect. 24)/Part IV", "document"}}},
		{"第 59/311\n\n号决议", []c{{"第 59/311\n\n号决议", "A/RES/59/311", "resolution"}}},
		{"大会在第 68/20 号决\n\n议中", []c{{"第 68/20 号决\n\n议", "A/RES/68/20", "resolution"}}},
		{"回顾其1994年12月9日第49/35 A号决议", []c{{"第49/35 A号决议", "A/RES/49/35 A", "resolution"}}},
		{"第194(III)号决议", []c{{"第194(III)号决议", "A/RES/194 (III)", "resolution"}}},
		{"第377A(V)号决议", []c{{"第377A(V)号决议", "A/RES/377 A (V)", "resolution"}}},
		{"联合国大会2020年9月21日第75/1号决议通过", []c{{"第75/1号决议", "A/RES/75/1", "resolution"}}},
		{"大会第60 / 91号决议", []c{{"第60 / 91号决议", "A/RES/60/91", "resolution"}}},
		{"大会第ES-11/1号决议", []c{{"第ES-11/1号决议", "A/RES/ES-11/1", "resolution"}}},
		{"人权理事会第 28/1 号决议", []c{{"第 28/1 号决议", "A/HRC/RES/28/1", "resolution"}}},
		{"方案和协调委员会第 5 号决定", []c{{"第 5 号决定", "", "decision"}}},
		{"经社理事会第1721(LIII)号决议", []c{{"第1721(LIII)号决议", "E/RES/1721 (LIII)", "resolution"}}},
		{"安理会第 1325(2000) 号决议和第 69/1 号决议",
			[]c{{"第 1325(2000) 号决议", "S/RES/1325 (2000)", "resolution"}, {"第 69/1 号决议", "A/RES/69/1", "resolution"}}},
		{"见秘书长公报(ST/SGB/2000/8)和(A/68/16)。", []c{{"ST/SGB/2000/8", "ST/SGB/2000/8", "document"}, {"A/68/16", "A/68/16", "document"}}},
		{"具体说是A/69/6/Rev.1 号文件第 25.13 段", []c{{"A/69/6/Rev.1", "A/69/6/Rev.1", "document"}}},
		{"审计委员会的报告（A/69/5/Add.12）", []c{{"A/69/5/Add.12", "A/69/5/Add.12", "document"}}},
		{"审查S/Agenda/8979号文件所载的问题", []c{{"S/Agenda/8979", "S/Agenda/8979", "document"}}},
		{"( A / CN . 10 / 203 )", []c{{"A / CN . 10 / 203", "A/CN.10/203", "document"}}},
		{"拟议方案预算(A/70/6 (Sect. 9))", []c{{"A/70/6 (Sect. 9)", "A/70/6 (Sect. 9)", "document"}}},
		{"报告(A/78/6 (Sect. 3)/Add.7)", []c{{"A/78/6 (Sect. 3)/Add.7", "A/78/6 (Sect. 3)/Add.7", "document"}}},
		{"决议(A/RES/69/17)", []c{{"A/RES/69/17", "A/RES/69/17", "resolution"}}},
		{"http://undocs.org/ch/A/69/6/Rev.1", nil},
		{"(EIDMS) (XXVIII) (b) 2016/17 第 9 段", nil},
	}
	for _, tt := range tests {
		got := FindCitations(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("FindCitations(%q) = %+v, want %d citations", tt.in, got, len(tt.want))
			continue
		}
		for i, g := range got {
			w := tt.want[i]
			if g.Text != w.text || g.Symbol != w.sym || g.Kind != w.kind || tt.in[g.Start:g.End] != g.Text {
				t.Errorf("FindCitations(%q)[%d] = %+v, want %+v", tt.in, i, g, w)
			}
		}
	}
}

// The seed document, as extracted with its line breaks, cites these.
func TestFindCitationsSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Skip(err)
	}
	text := string(b)
	got := map[string]int{}
	var unknown []string
	for _, c := range FindCitations(text) {
		if text[c.Start:c.End] != c.Text {
			t.Fatalf("bad offsets %+v", c)
		}
		if c.Symbol == "" {
			unknown = append(unknown, c.Text)
			continue
		}
		got[c.Symbol]++
	}
	for _, s := range []string{"A/RES/69/17", "A/RES/58/269", "A/RES/69/137", "A/RES/56/227", "A/RES/65/280",
		"A/RES/58/201", "A/RES/63/2", "A/RES/59/311", "A/RES/69/15", "E/RES/2014/35", "A/RES/69/262",
		"A/RES/68/247", "A/RES/68/20", "A/RES/55/231", "A/69/6/Rev.1", "ST/SGB/2000/8", "A/68/16", "A/57/6/Rev.1"} {
		if got[s] == 0 {
			t.Errorf("seed: %s not found", s)
		}
	}
	if len(unknown) != 1 || !strings.Contains(unknown[0], "315(XXVIII)") {
		t.Errorf("seed: unknown citations %q, want only ESCWA 315(XXVIII)", unknown)
	}
	if got["A/69/6/Rev.1"] != 2 {
		t.Errorf("seed: A/69/6/Rev.1 cited %d times, want 2 (links are not citations)", got["A/69/6/Rev.1"])
	}
	for s := range got {
		if _, err := Parse(s); err != nil {
			t.Errorf("seed: %q does not parse", s)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"A/69/6/Rev.1", "A/70/6 (Sect. 9)", "S/RES/2623(2022)", "A/RES/49/35 A",
		"（A/69/5/Add.12）", "A/78/6 (Sect. 3)/Add.7", "a//", "((", "A/RES/377A(V)", "_(x)-ZH.pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if containsWWW(in) != strings.Contains(strings.ToLower(in), "www.") {
			t.Fatalf("containsWWW(%q) disagrees with lowering", in)
		}
		s, err := Parse(in)
		if err != nil {
			return
		}
		// A canonical form parses to itself.
		again, err := Parse(s.String())
		if err != nil || again != s {
			t.Fatalf("Parse(%q) = %q, reparse = %q, %v", in, s, again, err)
		}
		_ = s.FileName("zh")
		FromFileName(in)
		FromURL(in)
		FindCitations(in)
	})
}

// TestContainsWWW checks the case-blind search against lowering the text.
func TestContainsWWW(t *testing.T) {
	for _, s := range []string{"", "www.", "WwW.un.org", "ww.", "www", "wwwx", "xWWW.", "see www", "ＷＷＷ.", "İwww.", "w\xffww."} {
		if got, want := containsWWW(s), strings.Contains(strings.ToLower(s), "www."); got != want {
			t.Errorf("containsWWW(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkFindCitationsSeedLines reads the seed line by line, as the
// segmenter reads a document's nodes.
func BenchmarkFindCitationsSeedLines(b *testing.B) {
	data, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, l := range lines {
			FindCitations(l)
		}
	}
}
