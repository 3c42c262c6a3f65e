package pdf

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// textAt lays out s as glyphs of the given size from x on baseline y, one
// em per CJK character and half an em per other character; a space
// advances without a glyph.
func textAt(x, y, size float64, s string) []glyph {
	var gl []glyph
	for _, r := range s {
		w := size / 2
		if isCJK(r) {
			w = size
		}
		if r != ' ' {
			gl = append(gl, glyph{x: x, y: y, w: w, size: size, text: string(r)})
		}
		x += w
	}
	return gl
}

func layoutText(t *testing.T, gl []glyph, rules []rule) []pline {
	t.Helper()
	tables := 0
	return layoutPage(gl, rules, &tables, 842, &scratch{})
}

func dumpLines(ls []pline) string {
	var b strings.Builder
	for _, l := range ls {
		fmt.Fprintf(&b, "t%d r%d c%d |%s\n", l.table, l.row, l.col, l.text)
	}
	return b.String()
}

// A LibreOffice result table: cells 3 pt apart (a quarter em), each cell
// centred vertically in its row, so the one-line cell sits between the
// lines of the other cell, on baselines of its own.
func TestTableNarrowGutterOffsetBaselines(t *testing.T) {
	const size, left, right = 11.0, 64.0, 287.0
	var gl []glyph
	gl = append(gl, textAt(130, 230, size, "秘书处预期成绩")...)
	gl = append(gl, textAt(390, 230, size, "绩效指标")...)
	// row (a): two lines left, one right, centred
	gl = append(gl, textAt(left, 270, size, "(a) 二十个字的左边单元格文字甲乙丙丁戊")...)
	gl = append(gl, textAt(left, 290, size, "第二行")...)
	gl = append(gl, textAt(right, 280, size, "(a) 右边单元格只有一行")...)
	// row (b): two lines left, three right
	gl = append(gl, textAt(right, 328, size, "(b) ㈠ 右边第一行文字二十个字甲乙丙丁")...)
	gl = append(gl, textAt(left, 338, size, "(b) 左边第一行二十个字的单元格文字甲乙丙")...)
	gl = append(gl, textAt(right, 348, size, "右边第二行")...)
	gl = append(gl, textAt(left, 358, size, "左边第二行")...)
	gl = append(gl, textAt(right, 368, size, "㈡ 右边第三行")...)
	// running text after the table
	gl = append(gl, textAt(left, 440, size, "战略")...)
	gl = append(gl, textAt(left, 470, size, "21. 本构成部分由全球服务司负责，将侧重于制定跨领域的重要技术政策并将其制度化。")...)
	got := dumpLines(layoutText(t, gl, nil))
	want := `t1 r1 c1 |秘书处预期成绩
t1 r1 c2 |绩效指标
t1 r2 c1 |(a) 二十个字的左边单元格文字甲乙丙丁戊
t1 r2 c1 |第二行
t1 r2 c2 |(a) 右边单元格只有一行
t1 r3 c1 |(b) 左边第一行二十个字的单元格文字甲乙丙
t1 r3 c1 |左边第二行
t1 r3 c2 |(b) ㈠ 右边第一行文字二十个字甲乙丙丁
t1 r3 c2 |右边第二行
t1 r3 c2 |㈡ 右边第三行
t0 r0 c0 |战略
t0 r0 c0 |21. 本构成部分由全球服务司负责，将侧重于制定跨领域的重要技术政策并将其制度化。
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A Chromium result table: top-aligned cells, a gutter of three quarters
// of an em, a ruling line under the header, and a second paragraph in an
// indicator cell that belongs to the row above.
func TestTableTopAligned(t *testing.T) {
	const size, left, right = 11.0, 112.0, 320.0
	var gl []glyph
	gl = append(gl, textAt(116, 86, size, "秘书处预期成绩")...)
	gl = append(gl, textAt(324, 86, size, "绩效指标")...)
	gl = append(gl, textAt(left, 111, size, "(a) 发展信通技术服务，更好地促进会员")...)
	gl = append(gl, textAt(right, 111, size, "(a) ㈠ 会员国对信通技术服务的满意")...)
	gl = append(gl, textAt(left, 130, size, "国的工作")...)
	gl = append(gl, textAt(right, 130, size, "度提高")...)
	gl = append(gl, textAt(right+27, 156, size, "㈡ 会员国更多采用信通技术工具")...)
	gl = append(gl, textAt(left, 185, size, "(b) 发展信通技术方案")...)
	gl = append(gl, textAt(right, 185, size, "(b) 奉行联合国信通技术战略")...)
	rules := []rule{{horiz: true, pos: 95, from: 112, to: 319.5}, {horiz: true, pos: 95, from: 319.5, to: 527}}
	got := dumpLines(layoutText(t, gl, rules))
	want := `t1 r1 c1 |秘书处预期成绩
t1 r1 c2 |绩效指标
t1 r2 c1 |(a) 发展信通技术服务，更好地促进会员
t1 r2 c1 |国的工作
t1 r2 c2 |(a) ㈠ 会员国对信通技术服务的满意
t1 r2 c2 |度提高
t1 r2 c2 |㈡ 会员国更多采用信通技术工具
t1 r3 c1 |(b) 发展信通技术方案
t1 r3 c2 |(b) 奉行联合国信通技术战略
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Text on both sides of a wide gap is never run together, table or not.
func TestWideGapKeepsSeparator(t *testing.T) {
	var gl []glyph
	gl = append(gl, textAt(100, 100, 10, "至少获得四次产前护理")...)
	gl = append(gl, textAt(260, 100, 10, "外部因素")...)
	ls := layoutText(t, gl, nil)
	if len(ls) != 1 || ls[0].text != "至少获得四次产前护理\u3000外部因素" {
		t.Errorf("got %q", dumpLines(ls))
	}
	// a gap of a few points between CJK characters is a gap too
	gl = append(textAt(100, 100, 10, "甲乙丙"), textAt(133, 100, 10, "丁戊")...)
	if ls := layoutText(t, gl, nil); ls[0].text != "甲乙丙\u3000丁戊" {
		t.Errorf("got %q", ls[0].text)
	}
	// but not the even spacing of distributed text
	gl = nil
	for i, r := range "方案和协调委员会" {
		gl = append(gl, textAt(60+float64(i)*60, 100, 10, string(r))...)
	}
	if ls := layoutText(t, gl, nil); ls[0].text != "方案和协调委员会" {
		t.Errorf("got %q", ls[0].text)
	}
}

// The blank left half of a full-width opening bracket separates it from
// the Latin text before it, as a space would.
func TestSpaceBeforeOpeningBracket(t *testing.T) {
	gl := textAt(60, 100, 11, "69/137《十年期行动纲领》和《宣言》")
	if ls := layoutText(t, gl, nil); ls[0].text != "69/137 《十年期行动纲领》和《宣言》" {
		t.Errorf("got %q", ls[0].text)
	}
}

// Running text whose word spaces happen to line up is not a table, nor
// is a list with hanging labels.
func TestNoFalseTables(t *testing.T) {
	var gl []glyph
	y := 100.0
	for _, l := range []string{
		"6.5 The above-mentioned work is expected to result in:",
		"    (a)    A safer and more sustainable outer space;",
		"    (b)    Space-based solutions enabling monitoring of and progress",
		"           towards the achievement of the Goals;",
		"6.6 With regard to the external factors, the overall plan is based on",
		"    the planning assumption that organizations are able and willing.",
	} {
		gl = append(gl, textAt(100, y, 10, l)...)
		y += 12
	}
	for _, l := range layoutText(t, gl, nil) {
		if l.table != 0 {
			t.Fatalf("table found:\n%s", dumpLines(layoutText(t, gl, nil)))
		}
	}
	if n := utf8.RuneCountInString(dumpLines(layoutText(t, gl, nil))); n == 0 {
		t.Fatal("no text")
	}
}

// TestLetteredParagraphLabels: the paragraph numbers of a lettered budget
// section (A/81/6 Sect. 29C: "29C.2", of sections 29A-29H) hang beside
// their text as "6.1" does; a number with a letter alone is no label.
func TestLetteredParagraphLabels(t *testing.T) {
	for s, want := range map[string]bool{"29C.2": true, "29C.12": true, "6.1": true, "12A": false, "29C": false} {
		if got := isLabel(s); got != want {
			t.Errorf("isLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

// sortByY sorts as a stable sort by baseline does.
func TestSortByY(t *testing.T) {
	ys := []float64{50, 10, 10, 30, 50, 10, 20, 20, 50, 5, 30, 30}
	var gl []glyph
	for i, y := range ys {
		gl = append(gl, glyph{x: float64(i), y: y, text: fmt.Sprint(i)})
	}
	want := slices.Clone(gl)
	slices.SortStableFunc(want, func(a, b glyph) int { return cmpFloat(a.y, b.y) })
	sortByY(gl)
	for i := range gl {
		if gl[i].text != want[i].text {
			t.Fatalf("got %v, want %v", gl, want)
		}
	}
}

func TestIsLabel(t *testing.T) {
	cases := map[string]bool{
		"(a)": true, "㈠": true, "⑴": true, "（十一）": true, "一、": true, "iv.": true,
		"6.1": true, "A.": true, "•": true, "57/300; 58/269": true, "1472 A (XIV);": true, "": true,
		"本组织的目标": false, "(a) 会员国": false, "Objective": false, "2016-2017": false,
		// the numbers of mandate lists (A/81/6, Sect. 13, 24, 29C)
		"S-30/1": true, "OS/14/2": true, "2282 (2016)": true, "1993/2A": true, "18/2; 19/1": true,
		"71/272 B, sect. III": true, "69/262, sect. II": true, "WT/MIN(01)/DEC/1": true, "WT/MIN(17)/58": true,
		"Human Rights Council": false, "S-30": false, "A world of sports": false,
	}
	for s, want := range cases {
		if got := isLabel(s); got != want {
			t.Errorf("isLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

// sideLists lays out rows of two lists of mandates side by side: number,
// title, number, title, a line every 12 points from baseline y.
func sideLists(rows [][4]string, y, size float64) []glyph {
	var gl []glyph
	for i, r := range rows {
		for c, x := range [4]float64{64, 124, 370, 430} {
			gl = append(gl, textAt(x, y+12*float64(i), size, r[c])...)
		}
	}
	return gl
}

// Two lists of mandates side by side (A/81/6 Sect. 24, President's
// statements): number and title on the left, number and title on the
// right, titles wrapped; numbers such as "OS/14/2" and "S-30/1" are
// labels, so the page reads as two columns, the left one first.
func TestMandateColumns(t *testing.T) {
	const size = 10.0
	rows := [][4]string{
		{"1/1", "Entry into force of the Optional Protocol to", "20/1", "Reports of the Working Group on the"},
		{"", "the Convention against Torture and Other", "", "Universal Periodic Review"},
		{"", "Cruel, Inhuman or Degrading Treatment or", "29/1", "Enhancing the efficiency of the Human"},
		{"", "Punishment", "", "Rights Council"},
		{"8/1", "Modalities and practices for the Universal", "OS/14/2", "Methods of work of the Consultative Group"},
		{"", "Periodic Review process", "", "of the Human Rights Council"},
		{"S-30/1", "Follow-up to President’s statement 8/1", "OS/19/1", "Efficiency of the Human Rights Council:"},
		{"15/2", "President’s statement", "", "addressing financial and time constraints"},
		{"18/2; 19/1", "Statement by the President", "", ""},
	}
	got := dumpLines(layoutText(t, sideLists(rows, 200, size), nil))
	var want strings.Builder
	for c := 0; c < 4; c += 2 {
		for _, r := range rows {
			if s := strings.TrimSpace(r[c] + " " + r[c+1]); s != "" {
				fmt.Fprintf(&want, "t0 r0 c0 |%s\n", s)
			}
		}
	}
	if got != want.String() {
		t.Errorf("got\n%s\nwant\n%s", got, want.String())
	}
}

// The last row of two lists of mandates side by side, at the top of a page
// (A/81/6 Sect. 10, page 5): one row holds both numbers; the left title
// wraps below. The two columns are read one after the other all the same.
func TestMandateColumnsOneRow(t *testing.T) {
	const size = 10.0
	var gl []glyph
	gl = append(gl, textAt(64, 100, size, "79/279")...)
	gl = append(gl, textAt(124, 100, size, "Further modalities of the Third United")...)
	gl = append(gl, textAt(370, 100, size, "80/3")...)
	gl = append(gl, textAt(430, 100, size, "Awaza Political Declaration")...)
	gl = append(gl, textAt(124, 112, size, "Nations Conference on Landlocked")...)
	gl = append(gl, textAt(124, 124, size, "Developing Countries")...)
	gl = append(gl, textAt(90, 150, 12, "Subprogramme 3")...) // a heading, set larger
	got := dumpLines(layoutText(t, gl, nil))
	want := "t0 r0 c0 |79/279 Further modalities of the Third United\n" +
		"t0 r0 c0 |Nations Conference on Landlocked\n" +
		"t0 r0 c0 |Developing Countries\n" +
		"t0 r0 c0 |80/3 Awaza Political Declaration\n" +
		"t0 r0 c0 |Subprogramme 3\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A space glyph that the next glyph is drawn over is no word space: the
// zero-width joiner of "2022–‍2031" (A/81/6 Sect. 10, 13, 24, 29C) is
// drawn as a space, and the year after it starts within its advance. A
// space glyph with room of its own stays a space.
func TestOverdrawnSpace(t *testing.T) {
	const size = 8.5
	gl := textAt(100, 100, size, "2022–")
	gl = append(gl, glyph{x: 121.5, y: 100, w: 2.13, size: size, text: " ", space: true})
	gl = append(gl, textAt(121.74, 100, size, "2031 and")...)
	gl = append(gl, glyph{x: 160, y: 100, w: 2.13, size: size, text: " ", space: true})
	gl = append(gl, textAt(162.13, 100, size, "beyond")...)
	if ls := layoutText(t, gl, nil); len(ls) != 1 || ls[0].text != "2022–2031 and beyond" {
		t.Errorf("got %q", dumpLines(ls))
	}
}

// Two lists of mandates side by side fill the page down into the footer
// band (A/81/6 Sect. 24, pages 8, 11 and 12): the last line of the left
// column, below the band's edge, still ends that column; the running
// footer, further down, is no part of it.
func TestMandateColumnsIntoFooterBand(t *testing.T) {
	const size = 10.0
	rows := [][4]string{
		{"66/149", "World Down Syndrome Day", "", "for the Treatment of Prisoners (the Nelson"},
		{"68/173", "Follow-up to the International Year of", "", "Mandela Rules)"},
		{"", "Human Rights Learning", "73/161", "World Braille Day"},
	}
	gl := sideLists(rows, 752, size) // the band starts at 0.905 × 842 = 762
	gl = append(gl, textAt(64, 810, size, "26-04944")...)
	gl = append(gl, textAt(500, 810, size, "11/47")...)
	got := dumpLines(layoutText(t, gl, nil))
	want := "t0 r0 c0 |66/149 World Down Syndrome Day\n" +
		"t0 r0 c0 |68/173 Follow-up to the International Year of\n" +
		"t0 r0 c0 |Human Rights Learning\n" +
		"t0 r0 c0 |for the Treatment of Prisoners (the Nelson\n" +
		"t0 r0 c0 |Mandela Rules)\n" +
		"t0 r0 c0 |73/161 World Braille Day\n" +
		"t0 r0 c0 |26-04944 11/47\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
