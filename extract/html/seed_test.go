package html

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/undoc/undoc/extract"
)

const (
	seedHTML = "../../testdata/seed.gbk.html"
	seedText = "../../testdata/seed.txt"
)

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return b
}

func extractSeed(t testing.TB) *Result {
	t.Helper()
	res, err := Extract(readFile(t, seedHTML), "")
	if err != nil {
		t.Fatalf("Extract(seed): %v", err)
	}
	return res
}

// comparable removes white space and folds full-width ASCII (U+FF01-U+FF5E)
// to ASCII.
func comparable(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFF01 - 0x21
		}
		out = append(out, r)
	}
	return out
}

// multisetScores returns character-multiset recall and precision of got
// against want.
func multisetScores(want, got []rune) (recall, precision float64) {
	counts := map[rune]int{}
	for _, r := range want {
		counts[r]++
	}
	common := 0
	for _, r := range got {
		if counts[r] > 0 {
			counts[r]--
			common++
		}
	}
	if len(want) > 0 {
		recall = float64(common) / float64(len(want))
	}
	if len(got) > 0 {
		precision = float64(common) / float64(len(got))
	}
	return recall, precision
}

// seedBody is seed.txt without the hyperlink target lines the PDF dump
// prints at page ends.
func seedBody(t testing.TB) string {
	var sb strings.Builder
	for _, l := range strings.Split(string(readFile(t, seedText)), "\n") {
		tl := strings.TrimSpace(l)
		if strings.HasPrefix(tl, "http://undocs.org/") || strings.HasPrefix(tl, "https://undocs.org/") {
			continue
		}
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func joinLines(lines []extract.Line) string {
	var sb strings.Builder
	for _, l := range lines {
		sb.WriteString(l.Text)
	}
	return sb.String()
}

func TestSeedRecallPrecision(t *testing.T) {
	res := extractSeed(t)
	want := comparable(seedBody(t))
	got := comparable(joinLines(res.Lines))
	recall, precision := multisetScores(want, got)
	t.Logf("seed: %d lines, want %d chars, got %d chars, recall %.4f, precision %.4f",
		len(res.Lines), len(want), len(got), recall, precision)
	if recall < 0.99 || precision < 0.99 {
		t.Errorf("recall %.4f, precision %.4f; want both >= 0.99", recall, precision)
	}
	if res.Charset != "gb18030" || res.CharsetSource != SourceMeta {
		t.Errorf("charset %s from %s; want gb18030 from meta", res.Charset, res.CharsetSource)
	}
	if res.Title != "A/70/6 (Introduction)" {
		t.Errorf("title %q", res.Title)
	}
	for _, d := range res.Diagnostics {
		if d.Level != LevelInfo {
			t.Errorf("unexpected diagnostic on the seed: %+v", d)
		}
	}
}

// The scores must be able to fail: a page that lost a share of its text, or
// grew foreign text, scores below the bar.
func TestSeedScoresCanFail(t *testing.T) {
	res := extractSeed(t)
	want := comparable(seedBody(t))
	half := comparable(joinLines(res.Lines[:len(res.Lines)*9/10]))
	if r, _ := multisetScores(want, half); r >= 0.99 {
		t.Errorf("recall of 90%% of the lines = %.4f; the measure does not see losses", r)
	}
	extra := comparable(joinLines(res.Lines) + strings.Repeat("页面导航菜单", 40))
	if _, p := multisetScores(want, extra); p >= 0.99 {
		t.Errorf("precision with 240 foreign characters = %.4f; the measure does not see noise", p)
	}
}

func TestSeedResultTables(t *testing.T) {
	res := extractSeed(t)
	type cellKey struct{ table, row, col int }
	cells := map[cellKey][]string{}
	maxCol := map[int]int{}
	for _, l := range res.Lines {
		if l.Table == 0 {
			if l.Row != 0 || l.Col != 0 {
				t.Errorf("running line with Row/Col: %+v", l)
			}
			continue
		}
		if l.Row < 1 || l.Col < 1 {
			t.Errorf("table line without Row/Col: %+v", l)
		}
		k := cellKey{l.Table, l.Row, l.Col}
		cells[k] = append(cells[k], l.Text)
		maxCol[l.Table] = max(maxCol[l.Table], l.Col)
	}
	// The page has 17 tables: 13 result tables and tables 1-4 of chapter II.
	if len(maxCol) != 17 {
		t.Errorf("found %d tables, want 17", len(maxCol))
	}
	results := 0
	reItem := regexp.MustCompile(`^\([a-z]\) `)
	for tn := 1; tn <= len(maxCol); tn++ {
		h1, h2 := cells[cellKey{tn, 1, 1}], cells[cellKey{tn, 1, 2}]
		if len(h1) != 1 || h1[0] != "秘书处预期成绩" {
			continue
		}
		results++
		if len(h2) != 1 || h2[0] != "绩效指标" || maxCol[tn] != 2 {
			t.Errorf("table %d: header %q | %q, %d columns", tn, h1, h2, maxCol[tn])
		}
		for row := 2; ; row++ {
			acc, ind := cells[cellKey{tn, row, 1}], cells[cellKey{tn, row, 2}]
			if acc == nil && ind == nil {
				if row == 2 {
					t.Errorf("table %d has no rows", tn)
				}
				break
			}
			// Column 1: one expected accomplishment "(x) ..."; column 2 its
			// indicators, starting with the same letter.
			if len(acc) != 1 || !reItem.MatchString(acc[0]) || len(ind) == 0 || !strings.HasPrefix(ind[0], acc[0][:4]) {
				t.Errorf("table %d row %d: accomplishment %q, indicators %q", tn, row, acc, ind)
			}
		}
	}
	if results != 13 {
		t.Errorf("found %d result tables, want 13", results)
	}
	// Spot check: programme 8, subprogramme 2, (b) has three indicators.
	ind := cells[cellKey{1, 3, 2}]
	if len(ind) != 3 || !strings.HasPrefix(ind[1], "㈡ 联合国系统和国际组织为改进过境") {
		t.Errorf("table 1 row 3 col 2 = %q", ind)
	}
	// Table 3 of chapter II has an empty corner cell: row 2 starts in column 1
	// with "目标" and its three cells follow in columns 2-4.
	for tn := 1; tn <= len(maxCol); tn++ {
		if maxCol[tn] == 4 {
			if got := cells[cellKey{tn, 1, 1}]; got != nil {
				t.Errorf("table %d: empty corner cell produced %q", tn, got)
			}
			if got := cells[cellKey{tn, 2, 1}]; len(got) != 1 || got[0] != "目标" {
				t.Errorf("table %d row 2 col 1 = %q", tn, got)
			}
		}
	}
}

func TestSeedHeadings(t *testing.T) {
	res := extractSeed(t)
	want := []struct {
		text  string
		level int
	}{
		{"方案问题：2016-2017两年期拟议方案预算", 7},
		{"第一章", 1},
		{"根据 2016-2017 两年期拟议方案预算对两年期方案计划所作变动汇总", 1},
		{"A.\u2003概述", 2},
		{"方案 8", 2},
		{"次级方案 2", 3},
		{"总方向", 4},
		{"第二章", 1},
		{"F.\u2003建议大会采取的行动", 2},
	}
	levels := map[string]int{}
	for _, l := range res.Lines {
		if _, seen := levels[l.Text]; !seen {
			levels[l.Text] = l.Heading
		}
	}
	for _, w := range want {
		if got, ok := levels[w.text]; !ok || got != w.level {
			t.Errorf("heading %q: level %d (found %v), want %d", w.text, got, ok, w.level)
		}
	}
	for _, text := range []string{"秘书长的报告", "7. 本方案的任务涵盖四个主要内容："} {
		if levels[text] != 0 {
			t.Errorf("%q marked heading %d", text, levels[text])
		}
	}
	headings := 0
	for _, l := range res.Lines {
		if l.Heading >= 1 && l.Heading <= 6 {
			headings++
		}
	}
	src := decodeGB(t, readFile(t, seedHTML))
	wantN := len(regexp.MustCompile(`<h[1-6]>`).FindAllString(src, -1))
	if wantN < 50 || headings != wantN {
		t.Errorf("%d h1-h6 lines, want %d", headings, wantN)
	}
}

func decodeGB(t testing.TB, b []byte) string {
	t.Helper()
	d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(d)
}

func TestSeedLinks(t *testing.T) {
	res := extractSeed(t)
	src := decodeGB(t, readFile(t, seedHTML))
	re := regexp.MustCompile(`<a href="(http://undocs\.org/[^"]+)">([^<]*)</a>`)
	want := re.FindAllStringSubmatch(src, -1)
	if len(want) < 20 {
		t.Fatalf("fixture has only %d undocs links", len(want))
	}
	if len(res.Links) != len(want) {
		t.Fatalf("%d links, want %d", len(res.Links), len(want))
	}
	srcLines := splitLines(src)
	for i, m := range want {
		l := res.Links[i]
		if l.Href != m[1] || l.Text != m[2] {
			t.Errorf("link %d = %+v, want %s %q", i, l, m[1], m[2])
		}
		if l.Line < 1 || l.Line > len(srcLines) || !strings.Contains(srcLines[l.Line-1], `"`+m[1]+`"`) {
			t.Errorf("link %d: line %d does not hold %s", i, l.Line, m[1])
		}
	}
}

// Every line number points at a source line that holds the start of the
// line's text (the fixture has few, long lines; N must still be right).
func TestSeedLineNumbers(t *testing.T) {
	res := extractSeed(t)
	srcLines := splitLines(decodeGB(t, readFile(t, seedHTML)))
	reTag := regexp.MustCompile(`<[^>]*>`)
	for i, s := range srcLines {
		srcLines[i] = xhtml.UnescapeString(reTag.ReplaceAllString(s, ""))
	}
	for _, l := range res.Lines {
		if l.N < 1 || l.N > len(srcLines) {
			t.Fatalf("line %+v: N out of range 1..%d", l, len(srcLines))
		}
		prefix := []rune(l.Text)
		if len(prefix) > 4 {
			prefix = prefix[:4]
		}
		if !strings.Contains(srcLines[l.N-1], string(prefix)) {
			t.Errorf("source line %d does not hold %q", l.N, string(prefix))
		}
	}
	if res.Lines[0].N != 3 || res.Lines[3].Text != "第一章" || res.Lines[3].N != 4 {
		t.Errorf("first lines: %+v / %+v", res.Lines[0], res.Lines[3])
	}
}

func BenchmarkExtractSeed(b *testing.B) {
	data := readFile(b, seedHTML)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
