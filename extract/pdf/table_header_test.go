package pdf

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// cjkShow returns a text object that sets s at (x, y) in font /F1 (a
// UniGB-UCS2-H font, one em per character) at the given size.
func cjkShow(x, y, size float64, s string) string {
	var hex strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&hex, "%04X", u)
	}
	return fmt.Sprintf("BT /F1 %g Tf 1 0 0 1 %g %g Tm <%s> Tj ET\n", size, x, y, hex.String())
}

// A classification table in the style of UN programme planning reports: a
// corner cell left empty, a header row of short words ("弱", "一般", "强")
// each centred over its column, and rows of a label and cells of several
// lines set flush left. The header row is one row of cells over the
// columns of the rows below, not one run of text: its words are apart by
// the width of a column, though "一般" is set tight.
func TestTableHeaderRowOfShortWords(t *testing.T) {
	const size = 10.0
	cols := []float64{72, 130, 270, 410} // left edges; columns 2-4 are 120 pt wide
	var c strings.Builder
	c.WriteString(cjkShow(72, 740, size, "表 2"))
	c.WriteString(cjkShow(72, 725, size, "评级标准"))
	// header: centred over columns 2-4 (centres 190, 330, 470)
	c.WriteString(cjkShow(185, 700, size, "弱"))
	c.WriteString(cjkShow(320, 700, size, "一般"))
	c.WriteString(cjkShow(465, 700, size, "强"))
	body := [][4][]string{
		{{"产出"}, {"只列出活动和会议次数，", "未说明服务对象"}, {"说明服务对象，但未说明", "服务对象得到的益处"}, {"说明服务对象及其得到的", "益处"}},
		{{"成果"}, {"未说明最终用户的变化"}, {"说明最终用户的变化，但", "无法衡量"}, {"说明可以衡量的最终用户", "变化"}},
		{{"影响"}, {"与方案目标没有联系"}, {"与方案目标间接联系"}, {"直接促进实现方案目标"}},
	}
	y := 678.0
	for _, r := range body {
		n := 0
		for k, cell := range r {
			for i, l := range cell {
				c.WriteString(cjkShow(cols[k], y-float64(i)*13, size, l))
			}
			n = max(n, len(cell))
		}
		y -= float64(n)*13 + 9
	}
	c.WriteString(cjkShow(72, y-10, size, "本表所列标准适用于所有方案。"))
	data := onePage("/F1 "+type0("/UniGB-UCS2-H", ""), c.String(), nil, "")
	res := mustExtract(t, data)
	var got strings.Builder
	for _, l := range res.Lines {
		h := ""
		if l.HeaderCell {
			h = " th"
		}
		fmt.Fprintf(&got, "t%d r%d c%d%s |%s\n", l.Table, l.Row, l.Col, h, l.Text)
	}
	want := `t0 r0 c0 |表 2
t0 r0 c0 |评级标准
t1 r1 c2 th |弱
t1 r1 c3 th |一般
t1 r1 c4 th |强
t1 r2 c1 |产出
t1 r2 c2 |只列出活动和会议次数，
t1 r2 c2 |未说明服务对象
t1 r2 c3 |说明服务对象，但未说明
t1 r2 c3 |服务对象得到的益处
t1 r2 c4 |说明服务对象及其得到的
t1 r2 c4 |益处
t1 r3 c1 |成果
t1 r3 c2 |未说明最终用户的变化
t1 r3 c3 |说明最终用户的变化，但
t1 r3 c3 |无法衡量
t1 r3 c4 |说明可以衡量的最终用户
t1 r3 c4 |变化
t1 r4 c1 |影响
t1 r4 c2 |与方案目标没有联系
t1 r4 c3 |与方案目标间接联系
t1 r4 c4 |直接促进实现方案目标
t0 r0 c0 |本表所列标准适用于所有方案。
`
	if got.String() != want {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want)
	}
}

// A first row of figures is data, however far its cells sit from their
// columns' left edges: right-aligned figures over wider ones, below a
// label set in from the labels under it (budget tables: "Total 102 102").
func TestTableFiguresRowNoHeader(t *testing.T) {
	const size = 10.0
	var gl []glyph
	y := 100.0
	for _, r := range [][3]string{
		{"    Total", "102", "98"},
		{"Posts", "1,020", "1,980"},
		{"Other", "2,100", "3,250"},
		{"Travel", "3,000", "4,120"},
	} {
		gl = append(gl, textAt(72, y, size, r[0])...)
		// figures set right, flush against x = 250 and x = 330
		gl = append(gl, textAt(250-float64(len(r[1]))*size/2, y, size, r[1])...)
		gl = append(gl, textAt(330-float64(len(r[2]))*size/2, y, size, r[2])...)
		y += 14
	}
	ls := layoutText(t, gl, nil)
	tables := 0
	for _, l := range ls {
		if l.table > 0 {
			tables++
		}
		if l.header {
			t.Errorf("marked as a header cell: %q", l.text)
		}
	}
	if tables == 0 {
		t.Fatalf("no table found:\n%s", dumpLines(ls))
	}
}
