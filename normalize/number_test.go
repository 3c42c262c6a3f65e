package normalize

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseMarker(t *testing.T) {
	h := &Marker{Marker: "(h)", Label: "h", Ordinal: 8, Style: StyleLetter}
	u := &Marker{Marker: "(u)", Label: "u", Ordinal: 21, Style: StyleLetter}
	w := &Marker{Marker: "(w)", Label: "w", Ordinal: 23, Style: StyleLetter}
	g := &Marker{Marker: "(g)", Label: "g", Ordinal: 7, Style: StyleLetter}
	ii := &Marker{Marker: "(ii)", Label: "ii", Ordinal: 2, Style: StyleRoman}

	type want struct {
		marker, label string
		ordinal       int
		style         Style
		rest          string
	}
	tests := []struct {
		name string
		in   string
		prev *Marker
		want *want // nil: not a marker
	}{
		// Letters.
		{"letter", " (a) 调动和协调国际支持", nil, &want{"(a)", "a", 1, StyleLetter, "调动和协调国际支持"}},
		{"letter d", "(d) 本组织差旅费实现节省  (d) ㈠ 由于", nil, &want{"(d)", "d", 4, StyleLetter, "本组织差旅费实现节省  (d) ㈠ 由于"}},
		{"letter no space", "(b)加强监测", nil, &want{"(b)", "b", 2, StyleLetter, "加强监测"}},
		{"letter full-width brackets", "（a）提高认识", nil, &want{"（a）", "a", 1, StyleLetter, "提高认识"}},
		{"letter full-width letter", "（ｃ） 宣传", nil, &want{"（ｃ）", "c", 3, StyleLetter, "宣传"}},
		{"letter mixed brackets", "(e） 文本", nil, &want{"(e）", "e", 5, StyleLetter, "文本"}},
		{"letter alone", "(z)", nil, &want{"(z)", "z", 26, StyleLetter, ""}},
		{"letter l is not roman", "(l) 文本", nil, &want{"(l)", "l", 12, StyleLetter, "文本"}},
		{"letter c is not roman", "(c) 文本", nil, &want{"(c)", "c", 3, StyleLetter, "文本"}},
		// Ambiguous i, v, x.
		{"i after h is a letter", "(i) 文本", h, &want{"(i)", "i", 9, StyleLetter, "文本"}},
		{"v after u is a letter", "(v) 文本", u, &want{"(v)", "v", 22, StyleLetter, "文本"}},
		{"x after w is a letter", "(x) 文本", w, &want{"(x)", "x", 24, StyleLetter, "文本"}},
		{"i alone is roman", "(i) 文本", nil, &want{"(i)", "i", 1, StyleRoman, "文本"}},
		{"i after g is roman", "(i) 文本", g, &want{"(i)", "i", 1, StyleRoman, "文本"}},
		{"v after iv is roman", "(v) 文本", &Marker{Marker: "(iv)", Label: "iv", Ordinal: 4, Style: StyleRoman}, &want{"(v)", "v", 5, StyleRoman, "文本"}},
		{"x alone is roman", "(x) 文本", nil, &want{"(x)", "x", 10, StyleRoman, "文本"}},
		{"full-width i after h", "（i） 文本", h, &want{"（i）", "i", 9, StyleLetter, "文本"}},
		// Roman.
		{"roman ii", "(ii) 文本", nil, &want{"(ii)", "ii", 2, StyleRoman, "文本"}},
		{"roman iii after ii", "(iii) 文本", ii, &want{"(iii)", "iii", 3, StyleRoman, "文本"}},
		{"roman full-width brackets", "（iv）文本", nil, &want{"（iv）", "iv", 4, StyleRoman, "文本"}},
		{"roman xiv", "(xiv) 文本", nil, &want{"(xiv)", "xiv", 14, StyleRoman, "文本"}},
		{"roman ii after h", "(ii) 文本", h, &want{"(ii)", "ii", 2, StyleRoman, "文本"}},
		// ㈠ … ㈩.
		{"paren ideograph", "㈠ 内陆发展中国家", nil, &want{"㈠", "i", 1, StyleParenIdeograph, "内陆发展中国家"}},
		{"paren ideograph glued", "㈡《2014-2024", nil, &want{"㈡", "ii", 2, StyleParenIdeograph, "《2014-2024"}},
		{"paren ideograph ten", "  ㈩ 文本", nil, &want{"㈩", "x", 10, StyleParenIdeograph, "文本"}},
		// （一）.
		{"full paren cjk", "（三）文本", nil, &want{"（三）", "iii", 3, StyleFullParenCJK, "文本"}},
		{"ascii paren cjk", "(一) 文本", nil, &want{"(一)", "i", 1, StyleFullParenCJK, "文本"}},
		{"full paren cjk twelve", "（十二） 文本", nil, &want{"（十二）", "xii", 12, StyleFullParenCJK, "文本"}},
		// ⑴ … ⒇.
		{"paren digit", "⑵ 文本", nil, &want{"⑵", "ii", 2, StyleParenDigit, "文本"}},
		{"paren digit twenty", "⒇文本", nil, &want{"⒇", "xx", 20, StyleParenDigit, "文本"}},
		{"ascii paren digit", "(3) 文本", nil, &want{"(3)", "iii", 3, StyleParenDigit, "文本"}},
		{"full-width paren digit", "（１２） 文本", nil, &want{"（１２）", "xii", 12, StyleParenDigit, "文本"}},
		// 1.
		{"digit dot", "1. 大会第69/17号决议", nil, &want{"1.", "1", 1, StyleDigitDot, "大会第69/17号决议"}},
		{"digit dot cjk", "12.本报告", nil, &want{"12.", "12", 12, StyleDigitDot, "本报告"}},
		{"digit dot three digits", "104. 文本", nil, &want{"104.", "104", 104, StyleDigitDot, "文本"}},
		{"digit dot quote", "7.《维也纳", nil, &want{"7.", "7", 7, StyleDigitDot, "《维也纳"}},
		{"digit dot at end", "13.", nil, &want{"13.", "13", 13, StyleDigitDot, ""}},
		{"digit dot full-width", "１２． 文本", nil, &want{"１２．", "12", 12, StyleDigitDot, "文本"}},
		{"digit dot leading zero", "05. 文本", nil, &want{"05.", "5", 5, StyleDigitDot, "文本"}},
		// 一、.
		{"cjk comma", "一、 概述", nil, &want{"一、", "1", 1, StyleCJKComma, "概述"}},
		{"cjk comma twelve", "十二、文本", nil, &want{"十二、", "12", 12, StyleCJKComma, "文本"}},
		{"cjk comma twenty-one", "二十一、文本", nil, &want{"二十一、", "21", 21, StyleCJKComma, "文本"}},
		// Not markers.
		{"symbol in brackets", "(A/69/6)", nil, nil},
		{"symbol glued", "(A/69/6/Rev.1)。", nil, nil},
		{"abbreviation", "(世贸组织)《贸易便", nil, nil},
		{"or in brackets", "(或)订正的任务规定", nil, nil},
		{"upper-case roman in resolution", "(XXVIII)号决议", nil, nil},
		{"upper-case letter", "(A) 文本", nil, nil},
		{"two letters", "(ab) 文本", nil, nil},
		{"non-canonical roman", "(iiii) 文本", nil, nil},
		{"empty brackets", "() 文本", nil, nil},
		{"unclosed", "(a 文本", nil, nil},
		{"decimal", "104.8 条", nil, nil},
		{"year", "2015 年后发展议程", nil, nil},
		{"year with dot", "2015. 文本", nil, nil},
		{"range", "2016-2017 两年期", nil, nil},
		{"digit dot latin", "1.a 文本", nil, nil},
		{"full-width decimal", "１．５ 文本", nil, nil},
		{"zero", "0. 文本", nil, nil},
		{"three-digit paren", "(100) 文本", nil, nil},
		{"paren zero", "(0) 文本", nil, nil},
		{"reference to subparagraph", "(a)分段所述", nil, nil},
		{"reference to item", "(b)项", nil, nil},
		{"reference list", "(a)、(b)和(c)", nil, nil},
		{"reference pair", "(a)和(b)分段", nil, nil},
		{"item text starting with 项目", "(a)项目管理", nil, &want{"(a)", "a", 1, StyleLetter, "项目管理"}},
		{"ordinary ideograph", "一项谅解", nil, nil},
		{"cjk number without comma", "十二月", nil, nil},
		{"text", "本组织的目标：", nil, nil},
		{"circled digit is not a style", "① 文本", nil, nil},
		{"empty", "", nil, nil},
		{"spaces", "   ", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, rest, ok := ParseMarker(tt.in, tt.prev)
			if tt.want == nil {
				if ok {
					t.Errorf("ParseMarker(%q) = %+v, want no marker", tt.in, m)
				}
				if rest != tt.in {
					t.Errorf("rest = %q, want input back", rest)
				}
				return
			}
			if !ok {
				t.Fatalf("ParseMarker(%q) found no marker", tt.in)
			}
			got := want{m.Marker, m.Label, m.Ordinal, m.Style, rest}
			if got != *tt.want {
				t.Errorf("ParseMarker(%q) = %+v, want %+v", tt.in, got, *tt.want)
			}
		})
	}
}

func TestFindMarkers(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		style Style
		want  []string // the markers found, in order
	}{
		{"inline ideographs", "实施：㈠《十年期》；㈡《行动纲领》；㈢ 萨摩亚途径；", StyleParenIdeograph, []string{"㈠", "㈡", "㈢"}},
		{"letter then ideograph", "(b) ㈠ 文本", StyleParenIdeograph, []string{"㈠"}},
		{"letter at start", "(b) ㈠ 文本", StyleLetter, []string{"(b)"}},
		{"two columns", "(c) 对落实增加  (c) ㈠ 全球", StyleLetter, []string{"(c)", "(c)"}},
		{"letters inline", "如下：(a) 甲；(b) 乙；(c) 丙", StyleLetter, []string{"(a)", "(b)", "(c)"}},
		{"i after h inline", "(h) 甲；(i) 乙", StyleLetter, []string{"(h)", "(i)"}},
		{"roman inline", "(i) 甲；(ii) 乙；(iii) 丙", StyleRoman, []string{"(i)", "(ii)", "(iii)"}},
		{"roman not letter", "(h) 甲；(i) 乙", StyleRoman, nil},
		{"glued to latin", "A/69/6(a) 和 E/2014(b)", StyleLetter, nil},
		{"references skipped", "第 2 段(a)分段和(b)项", StyleLetter, nil},
		{"paren digits", "⑴ 甲；⑵ 乙", StyleParenDigit, []string{"⑴", "⑵"}},
		{"full paren cjk", "（一）甲；（二）乙", StyleFullParenCJK, []string{"（一）", "（二）"}},
		{"digit dot needs space before", "见第 104.8 条。 5. 文本", StyleDigitDot, []string{"5."}},
		{"cjk comma not inside a word", "统一、协调；二、文本", StyleCJKComma, []string{"二、"}},
		{"none", "没有标记的文本", StyleLetter, nil},
		{"none style", "(a) 文本", StyleNone, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindMarkers(tt.in, tt.style)
			var want []int
			from := 0
			for _, m := range tt.want {
				i := strings.Index(tt.in[from:], m)
				if i < 0 {
					t.Fatalf("bad test: %q not in %q", m, tt.in[from:])
				}
				want = append(want, from+i)
				from += i + len(m)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("FindMarkers(%q, %v) = %v, want %v", tt.in, tt.style, got, want)
			}
			for _, o := range got {
				if _, _, ok := ParseMarker(tt.in[o:], nil); !ok {
					t.Errorf("offset %d does not start a marker", o)
				}
			}
		})
	}
}

func TestChineseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true}, {"二", 2, true}, {"九", 9, true}, {"十", 10, true},
		{"十二", 12, true}, {"二十", 20, true}, {"二十一", 21, true}, {"七十", 70, true},
		{"九十九", 99, true}, {"一百", 100, true}, {"一百零五", 105, true}, {"一百一十", 110, true},
		{"两百", 200, true}, {"三千零二", 3002, true}, {"一万二千", 12000, true}, {"十万", 100000, true},
		{"〇", 0, true}, {"零", 0, true}, {"二〇一五", 2015, true},
		{"12", 12, true}, {"１２", 12, true}, {"0", 0, true},
		{"", 0, false}, {"a", 0, false}, {"十十", 0, false}, {"二十二十", 0, false},
		{"一百五", 0, false}, {"零十", 0, false}, {"十零", 0, false}, {"万", 0, false},
		{"一二十", 0, false}, {"第一", 0, false}, {"1二", 0, false}, {"一万二", 0, false},
	}
	for _, tt := range tests {
		got, ok := ChineseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ChineseNumber(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		n int
		s string
	}{
		{1, "i"}, {2, "ii"}, {3, "iii"}, {4, "iv"}, {5, "v"}, {9, "ix"}, {10, "x"},
		{14, "xiv"}, {19, "xix"}, {40, "xl"}, {90, "xc"}, {400, "cd"}, {1994, "mcmxciv"}, {3999, "mmmcmxcix"},
		{0, ""}, {-1, ""}, {4000, ""},
	}
	for _, tt := range tests {
		if got := Roman(tt.n); got != tt.s {
			t.Errorf("Roman(%d) = %q, want %q", tt.n, got, tt.s)
		}
	}
	for n := 1; n <= 3999; n++ {
		if got, ok := ParseRoman(Roman(n)); !ok || got != n {
			t.Fatalf("ParseRoman(Roman(%d)) = %d, %v", n, got, ok)
		}
	}
	for _, s := range []string{"", "iiii", "vv", "ic", "iix", "abc", "xxxx", "mmmm"} {
		if n, ok := ParseRoman(s); ok {
			t.Errorf("ParseRoman(%q) = %d, want failure", s, n)
		}
	}
	if n, ok := ParseRoman("XIV"); !ok || n != 14 {
		t.Errorf("ParseRoman(XIV) = %d, %v", n, ok)
	}
}

func TestStyleString(t *testing.T) {
	if StyleLetter.String() != "letter" || StyleCJKComma.String() != "cjk-comma" || Style(99).String() != "style(99)" {
		t.Errorf("Style.String: %v %v %v", StyleLetter, StyleCJKComma, Style(99))
	}
}
