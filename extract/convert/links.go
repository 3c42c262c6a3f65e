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
	for _, l := range links {
		sym, _, ok := symbol.FromURL(l.uri)
		if !ok {
			continue
		}
		around := nodesAt(body, l.line)
		text := strings.Trim(l.text, " ,.;:()（），。；：")
		if i := standsFor(cited, around, sym.String(), strings.ReplaceAll(text, " ", "")); i >= 0 {
			cited[i].used = true
			continue
		}
		node := ""
		if len(around) > 0 {
			node = around[len(around)-1]
		}
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

// nodesAt lists the nodes whose span holds line, outermost first.
func nodesAt(body []*model.Node, line int) []string {
	var ids []string
	if line <= 0 {
		return ids
	}
	model.Walk(body, func(n *model.Node) {
		if n.Span.LineStart <= line && line <= n.Span.LineEnd {
			ids = append(ids, n.ID)
		}
	})
	return ids
}
