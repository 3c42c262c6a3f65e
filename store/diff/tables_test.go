package diff

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/undoc/undoc/store/model"
)

func table(num int, title string, header []string, rows ...[]string) *model.Node {
	return &model.Node{Kind: model.KindTable, ID: fmt.Sprintf("ch1/table%d", num), Number: &num, Title: title, Header: header, Rows: rows}
}

func outputOf(nodes ...*model.Node) *model.Output {
	return &model.Output{Body: []*model.Node{{Kind: model.KindChapter, ID: "ch1", Number: num(1), Children: nodes}}}
}

// TestTables: cells reworded, rows and tables added and removed, a table
// renamed; rows matched by their labels, or by position when the first
// cells are long text.
func TestTables(t *testing.T) {
	head := []string{"", "2016-2017年", "2018-2019年"}
	long1 := "通过提供科学信息和知识以及跟踪世界环境状况，增强利益攸关方的决策和决定能力"
	long2 := "加紧支持环境署及其伙伴为解决重大环境问题正在进行的努力和工作"
	old := outputOf(
		table(1, "所需资源", head, []string{"员额", "10", "12"}, []string{"非员额", "3", "4"}, []string{"合计", "13", "16"}),
		table(2, "已删除的表", []string{"甲", "乙"}, []string{"1", "2"}),
		table(4, "旧标题", []string{"甲", "乙"}, []string{"x", "y"}),
		table(5, "例子", []string{"目标", "预期成绩"}, []string{long1, "决策得到改善"}, []string{long2, "对话得到改善"}),
	)
	new := outputOf(
		table(1, "所需资源", head, []string{"员额", "10", "14"}, []string{"合计", "13", "18"}, []string{"其他", "0", "1"}),
		table(3, "新表", []string{"丙", "丁"}, []string{"5", "6"}),
		table(4, "新标题", []string{"甲", "乙"}, []string{"x", "y"}),
		table(5, "例子", []string{"目标", "预期成绩"}, []string{long1 + "，并加强合作", "决策得到改善"}, []string{long2, "对话得到改善"}),
	)
	type got struct {
		kind, change string
		row, col     int
		text         string
	}
	var gs []got
	for _, c := range Compare(old, new).Changes {
		e := c.New
		if e == nil {
			e = c.Old
		}
		g := got{kind: c.Kind, change: c.Change, text: e.Text}
		if e.Cell != nil {
			g.row, g.col = e.Cell.Row, e.Cell.Col
		}
		gs = append(gs, g)
	}
	want := []got{
		{KindCell, Reworded, 1, 3, "14"},
		{KindRow, Removed, 2, 0, "非员额 | 3 | 4"},
		{KindCell, Reworded, 2, 3, "18"},
		// a removal comes after what preceded it in the old edition: 合计
		{KindTable, Removed, 0, 0, "已删除的表"},
		{KindRow, Added, 3, 0, "其他 | 0 | 1"},
		{KindTable, Added, 0, 0, "新表"},
		{KindTable, Renamed, 0, 0, "新标题"},
		{KindCell, Reworded, 1, 1, long1 + "，并加强合作"},
	}
	if !reflect.DeepEqual(gs, want) {
		t.Errorf("changes:\n got %+v\nwant %+v", gs, want)
	}
	c := Compare(old, new).Changes[0]
	if c.Old.Cell.RowLabel != "员额" || c.Old.Cell.Column != "2018-2019年" || c.Old.Text != "12" || c.Similarity == nil {
		t.Errorf("cell change %+v / %+v", c.Old.Cell, c)
	}
	if r := Compare(old, old); !r.Identical {
		t.Errorf("a document against itself: %+v", r.Changes)
	}
}
