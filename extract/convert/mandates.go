package convert

import (
	"fmt"
	"strings"

	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/model"
)

// mandateLinks gives each mandate the full symbol of the link printed on
// its number (a PDF link annotation, a Word hyperlink), where the printed
// number is short ("319 A (IV)" links to A/RES/319(IV)), or when the link
// is printed on the resolution number alone ("70/248" of "70/248 A, sect.
// V" links to A/RES/70/248) and no other link on that text names another
// document. A link that names
// another organ than the list's group heading (a Commission on Narcotic
// Drugs resolution linked to the General Assembly resolution with the same
// number) is not trusted: the group's symbol stays, and a diagnostic says
// so. Only links with a line inside the list count.
func mandateLinks(body []*model.Node, links []link, out *model.Output) {
	// the links to UN documents: their line, printed text and symbol
	type docLink struct {
		line     int
		key, sym string
	}
	var docs []docLink
	for _, l := range links {
		if sym, _, ok := symbol.FromURL(l.uri); ok {
			docs = append(docs, docLink{l.line, strings.Trim(strings.ReplaceAll(l.text, " ", ""), ";；,"), sym.String()})
		}
	}
	if len(docs) == 0 {
		return
	}
	model.Walk(body, func(n *model.Node) {
		if n.Kind != model.KindMandates || n.Span.LineStart == 0 {
			return
		}
		byText := map[string]string{}
		twice := map[string]bool{} // one printed number, links to two documents
		for _, l := range docs {
			if l.line < n.Span.LineStart || l.line > n.Span.LineEnd {
				continue
			}
			if prev, seen := byText[l.key]; !seen && l.key != "" {
				byText[l.key] = l.sym
			} else if seen && prev != l.sym {
				twice[l.key] = true
			}
		}
		for _, g := range n.Groups {
			for _, m := range g.Items {
				num, _, _ := strings.Cut(m.Number, ",sect.") // "69/262, sect. II": the link is on the resolution
				linked, ok := byText[m.Number]
				if !ok {
					linked, ok = byText[num]
				}
				if k := len(num) - 1; !ok && k > 0 && num[k] >= 'A' && num[k] <= 'Z' && num[k-1] >= '0' && num[k-1] <= '9' && !twice[num[:k]] {
					// "70/248 A, sect. V" with the link on "70/248" alone
					linked, ok = byText[num[:k]]
				}
				if !ok || m.Number == "" {
					continue
				}
				if m.Symbol != nil && *m.Symbol != "" && organOf(*m.Symbol) != organOf(linked) {
					out.Diagnostics = append(out.Diagnostics, model.Diagnostic{Level: "warning", Code: "mandate-link-organ",
						Message: fmt.Sprintf("mandate %s is linked to %s, which is not of its group's organ; %s is kept", m.Number, linked, *m.Symbol),
						Node:    n.ID})
					continue
				}
				m.Symbol = &linked
			}
		}
	})
}

// organOf is the organ part of a symbol: "A/RES/" and "A/DEC/" → "A/",
// "A/HRC/RES/" → "A/HRC/", "E/CN.7/…" → "E/CN.7/".
func organOf(sym string) string {
	parts := strings.Split(sym, "/")
	var org []string
	for _, p := range parts {
		if p == "RES" || p == "DEC" || p == "PRST" {
			break
		}
		org = append(org, p)
	}
	return strings.Join(org, "/") + "/"
}
