package convert

import (
	"cmp"
	"slices"
	"strings"

	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/model"
)

// link is a hyperlink in the source: its target, the text it covers, and
// the input line it sits on (0 if unknown).
type link struct {
	uri, text string
	line      int
	// precise is set when line is the link's own line (PDF), so that a
	// citation stands for it only inside the innermost node around it.
	precise bool
}

// linkReferences adds a reference for each link to a UN document that no
// citation found in the text stands for. A citation stands for one link at
// most: the same symbol, or text that contains the link's, in the innermost
// node around the link that has one (HTML spans are coarse, so the search
// widens to the enclosing nodes). Links to anything but a UN document are
// not references.
func linkReferences(body []*model.Node, refs []model.Reference, links []link) []model.Reference {
	if len(links) == 0 {
		return refs
	}
	cited := make([]citation, len(refs))
	for i, r := range refs {
		cited[i] = citation{node: r.Node, text: strings.ReplaceAll(r.Text, " ", "")}
		if r.Symbol != nil {
			cited[i].symbol = *r.Symbol
		}
	}
	var all []*model.Node // the tree in document order, walked once
	model.Walk(body, func(n *model.Node) { all = append(all, n) })
	aroundOf := nodesAt(all, links)
	own := ownTexts{}
	for li, l := range links {
		sym, _, ok := symbol.FromURL(l.uri)
		if !ok {
			continue
		}
		around := aroundOf[li]
		text := strings.Trim(l.text, " ,.;:()（），。；：")
		bare := strings.ReplaceAll(text, " ", "")
		ids := make([]string, len(around))
		for i, n := range around {
			ids[i] = n.ID
		}
		if l.precise && len(ids) > 1 {
			ids = ids[len(ids)-1:]
		}
		if i := standsFor(cited, ids, sym.String(), bare); i >= 0 {
			cited[i].used = true
			continue
		}
		node := placeOf(around, bare, own)
		if text == "" {
			text = l.uri
		}
		s := sym.String()
		refs = append(refs, model.Reference{Symbol: &s, Kind: sym.Kind(), Text: text, Node: node})
	}
	return refs
}

// citation is a reference found in the text; used once a link is matched to it.
type citation struct {
	node, symbol, text string // text without spaces
	used               bool
}

// standsFor finds an unused citation for a link: under the innermost of
// nodes first, then under the outer ones; anywhere when nodes is empty.
// It returns -1 when there is none.
func standsFor(cited []citation, nodes []string, sym, text string) int {
	match := func(c citation) bool {
		return !c.used && (c.symbol == sym || text != "" && strings.Contains(c.text, text))
	}
	if len(nodes) == 0 {
		for i, c := range cited {
			if match(c) {
				return i
			}
		}
		return -1
	}
	for k := len(nodes) - 1; k >= 0; k-- {
		for i, c := range cited {
			if match(c) && (c.node == nodes[k] || strings.HasPrefix(c.node, nodes[k]+"/")) {
				return i
			}
		}
	}
	return -1
}

// nodesAt lists, for each link, the nodes whose span holds its line, in
// document order (outermost first); all is the tree in document order.
// One sweep over the links by line and the nodes by first line: a node
// joins the candidates when the sweep reaches its first line and leaves
// after its last, so the cost is the nodes plus the lists returned.
func nodesAt(all []*model.Node, links []link) [][]*model.Node {
	out := make([][]*model.Node, len(links))
	byLine := make([]int, len(links))
	for i := range byLine {
		byLine[i] = i
	}
	slices.SortStableFunc(byLine, func(a, b int) int { return cmp.Compare(links[a].line, links[b].line) })
	byStart := make([]int, len(all))
	for i := range byStart {
		byStart[i] = i
	}
	slices.SortStableFunc(byStart, func(a, b int) int { return cmp.Compare(all[a].Span.LineStart, all[b].Span.LineStart) })
	var active []int // indexes into all
	next := 0
	for _, li := range byLine {
		line := links[li].line
		if line <= 0 {
			continue
		}
		for next < len(byStart) && all[byStart[next]].Span.LineStart <= line {
			active = append(active, byStart[next])
			next++
		}
		k := 0
		for _, ni := range active {
			if all[ni].Span.LineEnd >= line {
				active[k] = ni
				k++
			}
		}
		active = active[:k]
		holding := slices.Clone(active)
		slices.Sort(holding)
		nodes := make([]*model.Node, len(holding))
		for i, ni := range holding {
			nodes[i] = all[ni]
		}
		out[li] = nodes
	}
	return out
}

// placeOf is the id of the innermost of nodes whose own text holds text
// (spaces removed), else of the innermost node; "" when there are none.
func placeOf(nodes []*model.Node, text string, own ownTexts) string {
	if len(nodes) == 0 {
		return ""
	}
	if text != "" {
		for k := len(nodes) - 1; k >= 0; k-- {
			if own.holds(nodes[k], text) {
				return nodes[k].ID
			}
		}
	}
	return nodes[len(nodes)-1].ID
}

// ownTexts keeps each node's own texts with the spaces removed, made once
// per node however many links look at it.
type ownTexts map[*model.Node][]string

// holds tells whether one of the texts of node n itself (not of its
// children) contains text, spaces removed.
func (o ownTexts) holds(n *model.Node, text string) bool {
	parts, ok := o[n]
	if !ok {
		parts = nodeTexts(n)
		for i, p := range parts {
			parts[i] = strings.ReplaceAll(p, " ", "")
		}
		o[n] = parts
	}
	for _, p := range parts {
		if strings.Contains(p, text) {
			return true
		}
	}
	return false
}

// nodeTexts lists the texts of node n itself: title, text, items (nested),
// accomplishments and indicators, group members, table cells, figure text.
func nodeTexts(n *model.Node) []string {
	out := []string{n.Title, n.Text}
	var items func([]*model.Item)
	items = func(its []*model.Item) {
		for _, it := range its {
			out = append(out, it.Text)
			items(it.Items)
		}
	}
	items(n.Items)
	for _, a := range n.Accomplishments {
		out = append(out, a.Text)
		for _, ind := range a.Indicators {
			out = append(out, ind.Text)
		}
	}
	for _, g := range n.Groups {
		for _, m := range g.Items {
			out = append(out, m.Number, m.Title)
		}
	}
	for _, row := range n.Rows {
		out = append(out, row...)
	}
	if n.FigureText != nil {
		out = append(out, *n.FigureText)
	}
	return out
}
