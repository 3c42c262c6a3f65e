package segment

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/undoc/undoc/store/model"
)

// outline renders a segmentation as one line per node, item, row and
// diagnostic, so that a case's expectation can be written by hand before
// the code runs (the outline.txt section of a txtar case):
//
//	<kind> <id> [#number] [«title»] [[form]] [= text]  a node, children indented by two ([form]: form-field text)
//	item <id> <marker> = text                    an item of a paragraph
//	acc <id> = text / ind <id> = text            result rows (old format)
//	group sp=<n|-> «title» [category]            a group of mandates
//	mandate <number> <symbol|-> = title
//	header: a | b, row: a | b, note: …, figtext: …
//	! <level> <code> @<node>                     a diagnostic
func outline(res *Result) string {
	var b strings.Builder
	line := func(depth int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", depth))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	var items func(depth int, its []*model.Item)
	items = func(depth int, its []*model.Item) {
		for _, it := range its {
			marker := "-"
			if it.Marker != nil {
				marker = *it.Marker
			}
			line(depth, "item %s %s = %s", it.ID, marker, it.Text)
			items(depth+1, it.Items)
		}
	}
	var nodes func(depth int, ns []*model.Node)
	nodes = func(depth int, ns []*model.Node) {
		for _, n := range ns {
			head := n.Kind + " " + n.ID
			if n.Number != nil {
				head += " #" + strconv.Itoa(*n.Number)
			}
			if n.Code != nil {
				head += " #" + *n.Code
			}
			if n.Title != "" {
				head += " «" + n.Title + "»"
			}
			if n.FormField {
				head += " [form]"
			}
			if n.Text != "" {
				head += " = " + n.Text
			}
			line(depth, "%s", head)
			items(depth+1, n.Items)
			for _, a := range n.Accomplishments {
				line(depth+1, "acc %s = %s", a.ID, a.Text)
				for _, ind := range a.Indicators {
					line(depth+2, "ind %s = %s", ind.ID, ind.Text)
				}
			}
			for _, g := range n.Groups {
				sp, title, cat := "-", "", ""
				if g.Subprogramme != nil {
					sp = strconv.Itoa(*g.Subprogramme)
				}
				if g.Title != nil {
					title = " «" + *g.Title + "»"
				}
				if g.Category != nil {
					cat = " [" + *g.Category + "]"
				}
				line(depth+1, "group sp=%s%s%s", sp, title, cat)
				for _, m := range g.Items {
					sym := "-"
					if m.Symbol != nil {
						sym = *m.Symbol
					}
					line(depth+2, "mandate %s %s = %s", m.Number, sym, m.Title)
				}
			}
			if len(n.Header) > 0 {
				line(depth+1, "header: %s", strings.Join(n.Header, " | "))
			}
			for _, r := range n.Rows {
				line(depth+1, "row: %s", strings.Join(r, " | "))
			}
			if n.Note != nil {
				line(depth+1, "note: %s", *n.Note)
			}
			if n.FigureText != nil {
				line(depth+1, "figtext: %s", strings.ReplaceAll(*n.FigureText, "\n", " / "))
			}
			nodes(depth+1, n.Children)
		}
	}
	nodes(0, res.Body)
	for _, d := range res.Diagnostics {
		line(0, "! %s %s @%s", d.Level, d.Code, d.Node)
	}
	return b.String()
}
