package diff

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// sides rebuilds the two texts from an edit script.
func sides(edits []Edit) (a, b string) {
	var sa, sb strings.Builder
	for _, e := range edits {
		if e.Op != OpInsert {
			sa.WriteString(e.Text)
		}
		if e.Op != OpDelete {
			sb.WriteString(e.Text)
		}
	}
	return sa.String(), sb.String()
}

// cost is the number of runes deleted plus inserted.
func cost(edits []Edit) int {
	n := 0
	for _, e := range edits {
		if e.Op != OpEqual {
			n += len([]rune(e.Text))
		}
	}
	return n
}

// lcs is the textbook dynamic-programming longest common subsequence length.
func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestRunesCases(t *testing.T) {
	cases := []struct {
		a, b string
		want []Edit
	}{
		{"", "", nil},
		{"相同", "相同", []Edit{{OpEqual, "相同"}}},
		{"", "新增", []Edit{{OpInsert, "新增"}}},
		{"删除", "", []Edit{{OpDelete, "删除"}}},
		{"信息和通信技术业务", "信息和通信技术业务和服务交付",
			[]Edit{{OpEqual, "信息和通信技术业务"}, {OpInsert, "和服务交付"}}},
		{"联合国系统和国际组织开展", "联合国系统、国际组织和区域组织开展",
			[]Edit{{OpEqual, "联合国系统"}, {OpDelete, "和"}, {OpInsert, "、"}, {OpEqual, "国际"}, {OpInsert, "组织和区域"}, {OpEqual, "组织开展"}}},
		// A one-character equality caught between two larger changes is
		// folded into one replacement.
		{"甲乙丙丁戊", "子丑丙寅卯", []Edit{{OpDelete, "甲乙丙丁戊"}, {OpInsert, "子丑丙寅卯"}}},
		{"数量增加百分比", "数目减少比例", []Edit{{OpEqual, "数"}, {OpDelete, "量增加百分比"}, {OpInsert, "目减少比例"}}},
		// A longer equality stays.
		{"甲乙丙丁戊己", "子丙丁戊丑", []Edit{{OpDelete, "甲乙"}, {OpInsert, "子"}, {OpEqual, "丙丁戊"}, {OpDelete, "己"}, {OpInsert, "丑"}}},
		{"abc", "xyz", []Edit{{OpDelete, "abc"}, {OpInsert, "xyz"}}},
	}
	for _, c := range cases {
		got := Runes(c.a, c.b)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Runes(%q, %q)\n got %q\nwant %q", c.a, c.b, got, c.want)
		}
	}
}

// TestRunesMinimal checks, on random texts over a small alphabet, that the
// raw script rebuilds both texts and is as short as the LCS allows, and
// that the tidied script still rebuilds both texts.
func TestRunesMinimal(t *testing.T) {
	alpha := []rune("发展中国家增加和、ab")
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func() string {
		r := make([]rune, rng.IntN(14))
		for i := range r {
			r[i] = alpha[rng.IntN(len(alpha))]
		}
		return string(r)
	}
	for i := 0; i < 3000; i++ {
		a, b := gen(), gen()
		raw := myers([]rune(a), []rune(b))
		if ga, gb := sides(raw); ga != a || gb != b {
			t.Fatalf("myers(%q, %q) rebuilds %q, %q", a, b, ga, gb)
		}
		ra, rb := []rune(a), []rune(b)
		if want := len(ra) + len(rb) - 2*lcs(ra, rb); cost(raw) != want {
			t.Fatalf("myers(%q, %q) costs %d, the shortest script costs %d: %q", a, b, cost(raw), want, raw)
		}
		if d := distance(ra, rb, len(ra)+len(rb)); d != cost(raw) {
			t.Fatalf("distance(%q, %q) = %d, want %d", a, b, d, cost(raw))
		}
		tidied := Runes(a, b)
		if ga, gb := sides(tidied); ga != a || gb != b {
			t.Fatalf("Runes(%q, %q) rebuilds %q, %q", a, b, ga, gb)
		}
		for j := 1; j < len(tidied); j++ {
			if tidied[j].Op == tidied[j-1].Op || (tidied[j].Op == OpDelete && tidied[j-1].Op == OpInsert) {
				t.Fatalf("Runes(%q, %q) not merged: %q", a, b, tidied)
			}
		}
	}
}

// TestRunesLarge: texts too far apart to align are one replacement, found
// quickly; a small edit in a long text is still found exactly.
func TestRunesLarge(t *testing.T) {
	a := strings.Repeat("甲乙", 1500)
	b := strings.Repeat("丙丁", 1500)
	if got := Runes(a, b); len(got) != 2 || got[0] != (Edit{OpDelete, a}) || got[1] != (Edit{OpInsert, b}) {
		t.Errorf("far apart: %d edits", len(got))
	}
	long := strings.Repeat("内陆发展中国家", 1000)
	edited := long[:3000] + "和" + long[3000:]
	if got := Runes(long, edited); len(got) != 3 || got[1] != (Edit{OpInsert, "和"}) {
		t.Errorf("one insertion in a long text: %q", got)
	}
}

func TestSimilarity(t *testing.T) {
	cases := []struct {
		a, b    string
		atLeast float64
		want    float64
	}{
		{"", "", 0, 1},
		{"相同", "相 同", 0, 1}, // white space does not count
		{"甲乙", "丙丁", 0, 0},
		{"甲乙丙丁", "甲乙", 0, 4.0 / 6},
		{"甲乙丙丁", "甲乙", 0.7, 0}, // below the bar: 0
		{"甲乙丙丁", "甲乙", 4.0 / 6, 4.0 / 6},
	}
	for _, c := range cases {
		if got := Similarity(c.a, c.b, c.atLeast); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("Similarity(%q, %q, %v) = %v, want %v", c.a, c.b, c.atLeast, got, c.want)
		}
	}
}

func BenchmarkRunes(b *testing.B) {
	x := strings.Repeat("内陆发展中国家实施的贸易便利化专门举措数量增加，", 8)
	y := strings.ReplaceAll(x, "数量", "数目")
	for b.Loop() {
		Runes(x, y)
	}
}
