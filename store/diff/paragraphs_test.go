package diff

import (
	"fmt"
	"testing"

	"github.com/undoc/undoc/store/model"
)

func para(parent, code, text string, items ...string) *model.Node {
	n := &model.Node{Kind: model.KindParagraph, ID: parent + "/p" + code, Code: str(code), Text: text}
	for i, it := range items {
		n.Items = append(n.Items, &model.Item{ID: fmt.Sprintf("%s/%c", n.ID, 'a'+i), Text: it})
	}
	return n
}

func section(id string, children ...*model.Node) *model.Node {
	return &model.Node{Kind: model.KindSection, ID: id, Children: children}
}

// Paragraphs of a budget section's strategy, as two editions print them:
// numbers shift when a paragraph is inserted, and the years move on.
const (
	pMandate  = "The mandate of the Office derives from the priorities established in relevant General Assembly resolutions and decisions, including resolution 48/141."
	pStrategy = "In 2026, the Office will continue to support Member States in the implementation of the recommendations of the universal periodic review."
	pStrat27  = "In 2027, the Office will continue to support Member States in the implementation of the recommendations of the universal periodic review."
	pGender   = "The Office integrates a gender perspective into its operational activities, deliverables and results, as appropriate."
	pLiquid   = "The liquidity situation of the Organization affected the delivery of mandates, and the Office prioritized its activities accordingly."
	pCoord    = "The Office coordinates with the regional commissions and the resident coordinator system on data collection."
)

func TestParagraphs(t *testing.T) {
	cases := []struct {
		name     string
		old, new *model.Output
		want     []string
	}{
		{"same paragraphs under new numbers are no change",
			doc(section("secA", para("secA", "24.1", pMandate), para("secA", "24.2", pGender))),
			doc(section("secA", para("secA", "24.1", pMandate), para("secA", "24.2", pCoord), para("secA", "24.3", pGender))),
			[]string{"paragraph added - → secA/p24.2"}},
		{"reworded paragraph is paired by content, whatever its number",
			doc(section("secA", para("secA", "24.3", pStrategy), para("secA", "24.4", pGender))),
			doc(section("secA", para("secA", "24.3", pLiquid), para("secA", "24.4", pStrat27), para("secA", "24.5", pGender))),
			[]string{"paragraph added - → secA/p24.3", "paragraph reworded secA/p24.3 → secA/p24.4 (diff)"}},
		{"removed paragraph",
			doc(section("secA", para("secA", "24.1", pMandate), para("secA", "24.2", pLiquid))),
			doc(section("secA", para("secA", "24.1", pMandate))),
			[]string{"paragraph removed secA/p24.2 → -"}},
		{"unrelated paragraphs are not paired",
			doc(section("secA", para("secA", "24.2", pLiquid))),
			doc(section("secA", para("secA", "24.2", pCoord))),
			[]string{"paragraph removed secA/p24.2 → -", "paragraph added - → secA/p24.2"}},
		{"items are part of the paragraph's content",
			doc(section("secA", para("secA", "24.5", "The Office will:", "provide advice to Member States;", "publish the annual report."))),
			doc(section("secA", para("secA", "24.5", "The Office will:", "provide advice to Member States;", "publish the biennial report."))),
			[]string{"paragraph reworded secA/p24.5 → secA/p24.5 (diff)"}},
		{"paragraph moved to another subprogramme",
			doc(spn(1, "LDCs", para("sp1", "10.7", pCoord)), spn(2, "LLDCs")),
			doc(spn(1, "LDCs"), spn(2, "LLDCs", para("sp2", "10.12", pCoord))),
			[]string{"paragraph moved sp1/p10.7 → sp2/p10.12"}},
		{"paragraphs of an added subprogramme go with it",
			doc(spn(1, "LDCs")),
			doc(spn(1, "LDCs"), spn(2, "LLDCs", para("sp2", "10.12", pCoord))),
			[]string{"subprogramme added - → sp2"}},
		{"front matter is the masthead, not a paragraph of the text",
			doc(&model.Node{Kind: model.KindFrontMatter, ID: "front", Children: []*model.Node{para("front", "1", "17 April 2025")}}),
			doc(&model.Node{Kind: model.KindFrontMatter, ID: "front", Children: []*model.Node{para("front", "1", "22 April 2026")}}),
			nil},
		{"Chinese paragraph reworded",
			doc(section("secA", para("secA", "25.1", "难民署的任务来自大会第319 A (IV)号决议，大会在该决议中决定设立难民署。"))),
			doc(section("secA", para("secA", "25.1", "难民署的任务来自大会第319 A (IV)号决议和第428 (V)号决议。"))),
			[]string{"paragraph reworded secA/p25.1 → secA/p25.1 (diff)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Compare(c.old, c.new)
			got := brief(r)
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("changes:\n  %q\nwant:\n  %q", got, c.want)
			}
			for _, ch := range r.Changes {
				if ch.Kind != KindParagraph {
					continue
				}
				for _, e := range []*Entry{ch.Old, ch.New} {
					if e != nil && (e.Label == nil || *e.Label == "") {
						t.Errorf("%s %s: entry %s has no paragraph number", ch.Kind, ch.Change, e.ID)
					}
				}
			}
		})
	}
}
