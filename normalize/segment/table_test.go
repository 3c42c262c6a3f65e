package segment

import (
	"reflect"
	"strings"
	"testing"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/normalize"
)

// TestLayoutGrid: rows of a table that layout cut into cells, across page
// breaks.
func TestLayoutGrid(t *testing.T) {
	cell := func(table, row, col int, text string) extract.Line {
		return extract.Line{Text: text, Table: table, Row: row, Col: col}
	}
	th := func(table, col int, text string) extract.Line {
		return extract.Line{Text: text, Table: table, Row: 1, Col: col, HeaderCell: true}
	}
	loose := func(text string) extract.Line { return extract.Line{Text: text} }
	cases := []struct {
		name   string
		in     []extract.Line
		header []string
		want   [][]string
	}{
		{"two layout tables, one per page: rows stay apart",
			[]extract.Line{cell(5, 1, 1, "目"), cell(5, 1, 1, "标"), cell(5, 1, 2, "甲"), cell(6, 1, 1, "绩效"), cell(6, 1, 2, "乙")},
			nil, [][]string{{"目标", "甲"}, {"绩效", "乙"}}},
		{"header repeated on the next page is dropped",
			[]extract.Line{th(1, 1, "目标"), th(1, 2, "预期成绩"), th(1, 3, "绩效指标"), cell(1, 2, 1, "甲"),
				th(2, 1, "目标"), th(2, 2, "预期成绩"), th(2, 3, "绩效指标"), cell(2, 2, 3, "乙")},
			[]string{"目标", "预期成绩", "绩效指标"}, [][]string{{"甲", "", ""}, {"", "", "乙"}}},
		{"a row cut by a page break: its top is one loose line",
			[]extract.Line{loose("加紧支持　关于世界　从发展"), th(10, 1, "目标"), th(10, 2, "预期成绩"), th(10, 3, "绩效指标"),
				cell(10, 2, 1, "伙伴"), cell(10, 2, 2, "形势"), cell(10, 2, 3, "政策")},
			[]string{"目标", "预期成绩", "绩效指标"}, [][]string{{"加紧支持伙伴", "关于世界形势", "从发展政策"}}},
		{"a row marked as a header that is not the header again is a row (A/81/6 Sect. 29C, Word, table 29C.5)",
			[]extract.Line{th(1, 1, "2023 (actual)"), th(1, 2, "2024 (actual)"),
				{Text: "Resolution adopted", Table: 1, Row: 3, Col: 1, HeaderCell: true}, {Text: "Strategy presented", Table: 1, Row: 3, Col: 2, HeaderCell: true}},
			[]string{"2023 (actual)", "2024 (actual)"}, [][]string{{"Resolution adopted", "Strategy presented"}}},
		{"the header printed loose above such a row is the header again",
			[]extract.Line{loose("类别　所需经费　说明"), loose("员额　一百　新设"), th(3, 1, "类别"), th(3, 2, "所需经费"), th(3, 3, "说明"),
				cell(3, 2, 1, "经费"), cell(3, 2, 2, "二十"), cell(3, 2, 3, "续设")},
			[]string{"类别", "所需经费", "说明"}, [][]string{{"员额经费", "一百二十", "新设续设"}}},
		{"an unmarked first row is no header; a repeat of it is",
			[]extract.Line{cell(4, 1, 1, "甲"), cell(4, 1, 2, "乙"), cell(4, 2, 1, "丙"), cell(5, 1, 1, "甲"), cell(5, 1, 2, "乙"), cell(5, 2, 1, "丁")},
			[]string{"甲", "乙"}, [][]string{{"丙", ""}, {"丁", ""}}},
		{"any other loose line is a row of its own",
			[]extract.Line{cell(1, 1, 1, "甲"), cell(1, 1, 2, "乙"), cell(1, 1, 3, "丙"), loose("注：说明"), cell(1, 2, 1, "丁")},
			nil, [][]string{{"甲", "乙", "丙"}, {"注：说明", "", ""}, {"丁", "", ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := newLayoutGrid()
			for _, src := range c.in {
				l := &line{src: &src, text: src.Text}
				if src.Table > 0 {
					g.add(l)
				} else {
					g.addLoose(l)
				}
			}
			header, rows := g.rows()
			if !reflect.DeepEqual(header, c.header) || !reflect.DeepEqual(rows, c.want) {
				t.Errorf("got header %q rows %q\nwant header %q rows %q", header, rows, c.header, c.want)
			}
		})
	}
}

// A text dump's header line and row labels, from its spaces: CJK text
// takes none, so a space between ideographs parts cells.
func TestDumpHeaderAndRowLabel(t *testing.T) {
	headers := map[string][]string{
		" 否 部分 是 ":    {"否", "部分", "是"},
		" 弱 一般 强":     {"弱", "一般", "强"}, // an empty corner cell, no cell marks
		"类别 说明 ":      {"类别", "说明"},
		"类别 说明":       nil, // neither end marked: a row label and its cell
		"分类标准 ":       nil, // one cell: a title
		" 类别 2024 年 ": nil, // figures: columnRows reads those
		"(a) 《行动纲领》 ": nil,
	}
	for in, want := range headers {
		l := &line{src: &extract.Line{Text: in}, text: strings.TrimSpace(normalize.Fold(in))}
		got, ok := dumpHeader(l)
		if ok != (want != nil) || ok && !reflect.DeepEqual(got, want) {
			t.Errorf("dumpHeader(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	labels := map[string][2]string{
		"目标 不包括满足指定":      {"目标", "不包括满足指定"},
		"预期成绩 指出对最终用户的益处": {"预期成绩", "指出对最终用户的益处"},
		"(a) 改进法律框架":      {},
		"通过提供科学信息":        {},
		"2024 年 预算":       {},
		"目标 ":             {},
	}
	for in, want := range labels {
		label, rest, ok := rowLabel(in)
		if ok != (want[0] != "") || label != want[0] || rest != want[1] {
			t.Errorf("rowLabel(%q) = %q, %q, %v; want %q", in, label, rest, ok, want)
		}
	}
}
