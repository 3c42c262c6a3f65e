package convert

import (
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
	for _, l := range links {
		sym, _, ok := symbol.FromURL(l.uri)
		if !ok {
			continue
		}
		around := nodesAt(all, l.line)
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
		node := placeOf(around, bare)
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

// nodesAt lists the nodes whose span holds line, outermost first; all is
// the tree in document order.
func nodesAt(all []*model.Node, line int) []*model.Node {
	var out []*model.Node
	if line <= 0 {
		return out
	}
	for _, n := range all {
		if n.Span.LineStart <= line && line <= n.Span.LineEnd {
			out = append(out, n)
		}
	}
	return out
}

// placeOf is the id of the innermost of nodes whose own text holds text
// (spaces removed), else of the innermost node; "" when there are none.
func placeOf(nodes []*model.Node, text string) string {
	if len(nodes) == 0 {
		return ""
	}
	if text != "" {
		for k := len(nodes) - 1; k >= 0; k-- {
			if holds(nodes[k], text) {
				return nodes[k].ID
			}
		}
	}
	return nodes[len(nodes)-1].ID
}

// holds tells whether the text of node n itself (not of its children)
// contains text, spaces removed.
func holds(n *model.Node, text string) bool {
	in := func(s string) bool { return strings.Contains(strings.ReplaceAll(s, " ", ""), text) }
	var items func([]*model.Item) bool
	items = func(its []*model.Item) bool {
		for _, it := range its {
			if in(it.Text) || items(it.Items) {
				return true
			}
		}
		return false
	}
	if in(n.Title) || in(n.Text) || items(n.Items) {
		return true
	}
	for _, a := range n.Accomplishments {
		if in(a.Text) {
			return true
		}
		for _, ind := range a.Indicators {
			if in(ind.Text) {
				return true
			}
		}
	}
	for _, g := range n.Groups {
		for _, m := range g.Items {
			if in(m.Number) || in(m.Title) {
				return true
			}
		}
	}
	for _, row := range n.Rows {
		for _, c := range row {
			if in(c) {
				return true
			}
		}
	}
	return n.FigureText != nil && in(*n.FigureText)
}
