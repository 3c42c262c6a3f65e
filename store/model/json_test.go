package model

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestNodeRoundTrip(t *testing.T) {
	one, a := 1, "a"
	body := []*Node{{Kind: KindChapter, ID: "ch1", Number: &one, Label: "第一章", Title: "T", Span: Span{LineStart: 1, LineEnd: 2},
		Children: []*Node{
			{Kind: KindSection, ID: "ch1/secA", Code: &a, Title: "概述"},
			{Kind: KindParagraph, ID: "ch1/p1", Text: "文本", Items: []*Item{{ID: "ch1/p1/a", Numbering: Numbering{Label: &a, Marker: &a, Ordinal: 1}, Text: "x"}}},
			{Kind: KindParagraph, ID: "ch1/u1", Text: "无编号"},
			{Kind: KindParagraph, ID: "ch1/u2", Text: "Jane Doe", FormField: true},
			{Kind: KindResults, ID: "ch1/results", Accomplishments: []*Accomplishment{{ID: "ch1/results/a", Text: "成绩", Indicators: []*Indicator{{ID: "ch1/results/a/1", Numbering: Numbering{Ordinal: 1}, Text: "指标"}}}}},
			{Kind: KindFigure, ID: "ch1/fig1", Number: &one, Title: "图"},
			{Kind: KindTable, ID: "ch1/table1", Title: "表", Header: []string{"a"}, Rows: [][]string{{"b"}}},
			{Kind: KindMandates, ID: "ch1/list", Groups: []*MandateGroup{{Items: []*Mandate{{Number: "69/15", Title: "t"}}}}},
		}}}
	b1, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	var back []*Node
	if err := json.Unmarshal(b1, &back); err != nil {
		t.Fatal(err)
	}
	b2, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if string(b1) != string(b2) {
		t.Errorf("round trip differs:\n%s\n%s", b1, b2)
	}
	s := string(b1)
	for _, want := range []string{`"number":null,"text":"无编号","items":[]`, `"label":null,"marker":null,"ordinal":1`, `"text":null}`, `"note":null`, `"children":[]`} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if _, err := json.Marshal(&Node{Kind: "nonsense"}); err == nil {
		t.Error("an unknown kind was written")
	}
}

func TestSpanExtend(t *testing.T) {
	s := Span{LineStart: 5, LineEnd: 6}
	s.Extend(Span{LineStart: 3, LineEnd: 4, PageStart: 2, PageEnd: 2})
	s.Extend(Span{LineStart: 9, LineEnd: 10, PageStart: 3, PageEnd: 3})
	if s != (Span{LineStart: 3, LineEnd: 10, PageStart: 2, PageEnd: 3}) {
		t.Errorf("Extend gave %+v", s)
	}
}
