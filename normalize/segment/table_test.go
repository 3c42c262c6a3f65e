package segment

import (
	"reflect"
	"testing"

	"github.com/undoc/undoc/extract"
)

// TestLayoutGrid: rows of a table that layout cut into cells, across page
// breaks.
func TestLayoutGrid(t *testing.T) {
	cell := func(table, row, col int, text string) extract.Line {
		return extract.Line{Text: text, Table: table, Row: row, Col: col}
	}
	loose := func(text string) extract.Line { return extract.Line{Text: text} }
	th := func(table, row, col int, text string) extract.Line {
		return extract.Line{Text: text, Table: table, Row: row, Col: col, HeaderCell: true}
	}
	isHeader := func(_ int, r []string) bool {
		return reflect.DeepEqual(r, []string{"目标", "预期成绩", "绩效指标"})
	}
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
			[]extract.Line{cell(1, 1, 1, "目标"), cell(1, 1, 2, "预期成绩"), cell(1, 1, 3, "绩效指标"), cell(1, 2, 1, "甲"),
				cell(2, 1, 1, "目标"), cell(2, 1, 2, "预期成绩"), cell(2, 1, 3, "绩效指标"), cell(2, 2, 3, "乙")},
			[]string{"目标", "预期成绩", "绩效指标"}, [][]string{{"甲", "", ""}, {"", "", "乙"}}},
		{"a row cut by a page break: its top is one loose line",
			[]extract.Line{loose("加紧支持　关于世界　从发展"), cell(10, 1, 1, "目标"), cell(10, 1, 2, "预期成绩"), cell(10, 1, 3, "绩效指标"),
				cell(10, 2, 1, "伙伴"), cell(10, 2, 2, "形势"), cell(10, 2, 3, "政策")},
			[]string{"目标", "预期成绩", "绩效指标"}, [][]string{{"加紧支持伙伴", "关于世界形势", "从发展政策"}}},
		{"a row marked as a header that is not the header again is a row (A/81/6 Sect. 29C, Word, table 29C.5)",
			[]extract.Line{th(1, 1, 1, "2023 (actual)"), th(1, 1, 2, "2024 (actual)"), th(1, 3, 1, "Resolution adopted"), th(1, 3, 2, "Strategy presented")},
			[]string{"2023 (actual)", "2024 (actual)"}, [][]string{{"Resolution adopted", "Strategy presented"}}},
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
			header, rows := g.rows(func(r int, row []string) bool { return g.th[r] || isHeader(r, row) }) // as table() asks
			if !reflect.DeepEqual(header, c.header) || !reflect.DeepEqual(rows, c.want) {
				t.Errorf("got header %q rows %q\nwant header %q rows %q", header, rows, c.header, c.want)
			}
		})
	}
}

func TestTableHeaderWithoutSpaces(t *testing.T) {
	v := zhVocab(t)
	cases := map[string][]string{
		"否部分是":        {"否", "部分", "是"},
		"否 部分 是":      {"否", "部分", "是"},
		"目标预期成绩绩效指标":  {"目标", "预期成绩", "绩效指标"},
		"目标":          nil,
		"目标是":         {"目标", "是"},
		"分类标准":        nil,
		"目标预期成绩和绩效指标": nil,
	}
	for in, want := range cases {
		got, ok := v.tableHeader(in)
		if ok != (want != nil) || ok && !reflect.DeepEqual(got, want) {
			t.Errorf("tableHeader(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
