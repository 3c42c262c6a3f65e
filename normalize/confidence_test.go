package normalize

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func TestConfidence(t *testing.T) {
	sd := seed(t)
	cp1252, err := charmap.Windows1252.NewDecoder().String(string(sd))
	if err != nil {
		t.Fatal(err)
	}
	gbAsLatin1 := latin1(gbBytes(t, string(sd)))

	tests := []struct {
		name      string
		in        string
		expectCJK bool
		min, max  float64
		kinds     map[string]int // kind → count; -1: any positive count
	}{
		{name: "empty", in: "", expectCJK: true, min: 1, max: 1},
		{name: "spaces", in: " \n\t　", expectCJK: true, min: 1, max: 1},
		{name: "seed", in: string(sd), expectCJK: true, min: 0.99, max: 1},
		{name: "seed without expectCJK", in: string(sd), min: 0.99, max: 1},
		{name: "seed as latin-1", in: latin1(sd), expectCJK: true, min: 0, max: 0.5, kinds: map[string]int{ProblemMojibake: -1}},
		{name: "seed as latin-1, not expecting CJK", in: latin1(sd), min: 0, max: 0.5, kinds: map[string]int{ProblemMojibake: -1}},
		{name: "seed as windows-1252", in: cp1252, expectCJK: true, min: 0, max: 0.5, kinds: map[string]int{ProblemMojibake: -1, ProblemReplacement: -1}},
		{name: "gbk as latin-1", in: gbAsLatin1, expectCJK: true, min: 0, max: 0.5, kinds: map[string]int{ProblemMojibake: -1}},
		{name: "utf-8 e acute as latin-1", in: "caf\u00C3\u00A9 ok", min: 0.5, max: 0.75, kinds: map[string]int{ProblemMojibake: 2}},
		{name: "quote as windows-1252", in: "\u00E2\u20AC\u0153UN\u00E2\u20AC\u009D", min: 0, max: 0.5, kinds: map[string]int{ProblemMojibake: 6}},
		{name: "french is fine", in: "café crème à la française", min: 1, max: 1},
		{name: "french in chinese text", in: "科特迪瓦（Côte d'Ivoire）的报告和决议", expectCJK: true, min: 0.9, max: 0.99, kinds: map[string]int{ProblemMojibake: 1}},
		{name: "degree and middle dot", in: "马丁·路德 30°", expectCJK: true, min: 1, max: 1},
		{name: "replacement", in: "方案\uFFFD8", min: 0.7, max: 0.8, kinds: map[string]int{ProblemReplacement: 1}},
		{name: "invalid utf-8", in: "方案\xff\xfe", min: 0.4, max: 0.6, kinds: map[string]int{ProblemReplacement: 2}},
		{name: "private use", in: "方案\uE000\uE001", min: 0.4, max: 0.6, kinds: map[string]int{ProblemPrivateUse: 2}},
		{name: "controls", in: "方案\x01\x7f\u0085", min: 0.3, max: 0.5, kinds: map[string]int{ProblemControl: 3}},
		{name: "tab newline cr ff", in: "方案\t\n\r\f8", min: 1, max: 1},
		{name: "unmapped radical", in: "\u2E98方案", expectCJK: true, min: 0.6, max: 0.7, kinds: map[string]int{ProblemKangxiUnmapped: 1}},
		{name: "mapped radical", in: "\u2F45案", expectCJK: true, min: 1, max: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			score, problems := Confidence(tt.in, tt.expectCJK)
			t.Logf("score %.4f", score)
			if score < tt.min || score > tt.max {
				t.Errorf("score = %.4f, want in [%.2f, %.2f]", score, tt.min, tt.max)
			}
			got := map[string]int{}
			for _, p := range problems {
				got[p.Kind] = p.Count
				if p.Count <= 0 || p.Example == "" {
					t.Errorf("problem %+v has no count or example", p)
				}
			}
			for k, n := range tt.kinds {
				if n < 0 && got[k] <= 0 || n >= 0 && got[k] != n {
					t.Errorf("%s count = %d, want %d (problems %+v)", k, got[k], n, problems)
				}
			}
			for k := range got {
				if _, ok := tt.kinds[k]; !ok {
					t.Errorf("unexpected problem %s (problems %+v)", k, problems)
				}
			}
		})
	}
}

func TestConfidenceExamples(t *testing.T) {
	_, problems := Confidence("ok \u00C3\u00A9 \x01 "+strings.Repeat("\u00E4\u00B8\u00AD", 20), false)
	want := []Problem{
		{Kind: ProblemControl, Count: 1, Example: "U+0001"},
		{Kind: ProblemMojibake, Count: 62, Example: "\u00C3\u00A9"},
	}
	if len(problems) != len(want) {
		t.Fatalf("problems = %+v, want %+v", problems, want)
	}
	for i := range want {
		if problems[i] != want[i] {
			t.Errorf("problem %d = %+v, want %+v", i, problems[i], want[i])
		}
	}
}

func TestExpectCJK(t *testing.T) {
	gbkAsLatin1 := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := charmap.ISO8859_1.NewDecoder().String(b)
		return r
	}
	cases := []struct {
		name, text string
		want       bool
	}{
		{"Chinese", "本组织的目标：加强最不发达国家的能力。", true},
		{"Chinese with Latin symbols", "根据 A/69/6/Rev.1 和 ST/SGB/2000/8 以及 E/RES/2014/35 的规定，方案 8 包括次级方案 1 至 3。", true},
		{"English", "The objective, to which this programme contributes, is to advance human rights.", false},
		{"English with a name", "Office of the High Commissioner; Département des affaires économiques, café.", false},
		{"French", "L'objectif auquel le présent programme contribue est de promouvoir l'égalité et la sécurité économique de l'État.", false},
		{"GBK read as Latin-1", gbkAsLatin1("本组织的目标：加强最不发达国家的能力。"), true},
		{"no letters", "1. 2. (a) 3/4 ……", true},
		{"empty", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := CountLetters(c.text)
			if got := l.ExpectCJK(); got != c.want {
				t.Errorf("ExpectCJK = %v, want %v (%+v)", got, c.want, l)
			}
		})
	}
}

// TestCountLetters: counting by lead bytes agrees with decoding each rune.
func TestCountLetters(t *testing.T) {
	text := string(seed(t)) + "Département, café, × ÷ Ã© \u4DFF\u4E00\u9FFF\uA000 \U00020000 abcXYZ"
	var want Letters
	for _, r := range text {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			want.CJK++
		case r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			want.ASCII++
		case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7:
			want.Latin1++
		}
	}
	if got := CountLetters(text); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
