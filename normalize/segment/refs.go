package segment

import (
	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/model"
)

// references lists every citation in the tree's text, one per occurrence,
// in reading order, with the id of the node it occurs in.
func references(body []*model.Node, v *Vocab) []model.Reference {
	refs := []model.Reference{}
	cite := func(text, node string) {
		for _, c := range symbol.FindCitations(text) {
			r := model.Reference{Kind: c.Kind, Text: c.Text, Node: node}
			if c.Symbol != "" {
				sym := c.Symbol
				r.Symbol = &sym
			}
			refs = append(refs, r)
		}
	}
	var items func(parent string, its []*model.Item)
	items = func(parent string, its []*model.Item) {
		for _, it := range its {
			cite(it.Text, it.ID)
			items(it.ID, it.Items)
		}
	}
	model.Walk(body, func(n *model.Node) {
		cite(n.Title, n.ID)
		cite(n.Text, n.ID)
		items(n.ID, n.Items)
		for _, a := range n.Accomplishments {
			cite(a.Text, a.ID)
			for _, ind := range a.Indicators {
				cite(ind.Text, ind.ID)
			}
		}
		for _, g := range n.Groups {
			for _, m := range g.Items {
				if m.Number == "" { // a convention or declaration: no symbol to cite
					cite(m.Title, n.ID)
					continue
				}
				kind := "resolution"
				if g.Category != nil && isDecisionCategory(*g.Category, v) {
					kind = "decision"
				}
				refs = append(refs, model.Reference{Symbol: m.Symbol, Kind: kind, Text: m.Number, Node: n.ID})
				cite(m.Title, n.ID)
			}
		}
		for _, row := range n.Rows {
			for _, c := range row {
				cite(c, n.ID)
			}
		}
		if n.Note != nil {
			cite(*n.Note, n.ID)
		}
	})
	return refs
}

func isDecisionCategory(c string, v *Vocab) bool {
	p, _ := v.mandateCategory(c)
	return len(p) > 4 && p[len(p)-4:] == "DEC/"
}
