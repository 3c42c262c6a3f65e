package diff

import (
	"math"
	"strconv"
	"strings"

	"github.com/undoc/undoc/store/model"
)

// Kinds of entries of the budget format since 2020.
const (
	KindResult      = model.KindResult // a result: added, removed, renamed, moved
	KindDeliverable = "deliverable"    // a deliverable row or item: added, removed, its value in a column changed
)

// Changed is the change of a deliverable whose value in a column shared by
// both editions (the same year and kind, "2026 planned") is not the same.
const Changed = "changed"

// Deliverable says which deliverable changed and, for a value, in which
// column and from what to what. Row is the subcategory row an item is
// listed under ("" for a row itself). Column, OldValue and NewValue are
// empty for an added or removed deliverable; a nil value is printed "–".
type Deliverable struct {
	Subprogramme *int     `json:"subprogramme"`
	Category     string   `json:"category"`
	Row          string   `json:"row,omitempty"`
	Text         string   `json:"text"`
	Column       string   `json:"column,omitempty"`
	OldValue     *float64 `json:"old_value"`
	NewValue     *float64 `json:"new_value"`
}

// deliv is what a deliverable entity carries besides its text.
type deliv struct {
	sp       *int
	category string // as printed: "A. Facilitation of …"
	place    string // where it is listed: subprogramme and category title (squeezed, lower-cased)
	row      string // an item's row text
	values   []*float64
	columns  []string // the columns as printed
	valued   bool     // some value is not "–"
}

// addDeliverables adds the rows of a deliverables table, and the numbered
// items under them, to d.
func (d *edition) addDeliverables(n *model.Node, unit *entity, isNew bool) {
	sp := subprogrammeOf(unit)
	spKey := "-"
	if sp != nil {
		spKey = strconv.Itoa(*sp)
	}
	for _, c := range n.Categories {
		cat := strings.TrimSpace(c.Label + ". " + c.Title)
		if c.Label == "" {
			cat = c.Title
		}
		key := strings.ToLower(squeeze(c.Title))
		if key == "" {
			key = strings.ToLower(c.Label)
		}
		place := spKey + "\x00" + key
		for _, r := range c.Rows {
			re := d.add(&entity{kind: KindDeliverable, isNew: isNew, id: n.ID, unit: unit, slot: key, text: r.Text,
				dv: &deliv{sp: sp, category: cat, place: place, values: r.Values, columns: n.Columns, valued: anyValue(r.Values)}})
			d.delivs = append(d.delivs, re)
			for _, it := range r.Items {
				ie := d.add(&entity{kind: KindDeliverable, isNew: isNew, id: n.ID, unit: unit, parent: re, slot: key, text: it.Text,
					label: strPtr(it.Label), dv: &deliv{sp: sp, category: cat, place: place, row: r.Text, values: it.Values,
						columns: n.Columns, valued: anyValue(it.Values)}})
				d.delivs = append(d.delivs, ie)
				re.children = append(re.children, ie)
			}
		}
	}
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func anyValue(vs []*float64) bool {
	for _, v := range vs {
		if v != nil {
			return true
		}
	}
	return false
}

// subprogrammeOf is the number of the subprogramme a unit is or sits in,
// nil outside any.
func subprogrammeOf(u *entity) *int {
	for ; u != nil; u = u.unit {
		if u.kind == KindSubprogramme {
			return u.number
		}
	}
	return nil
}

func sameInt(a, b *int) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// flattenProgrammes drops the programme level from an edition when the
// other has none: a Word budget section wraps its subprogrammes in the
// programme its heading names, the PDF of the same section does not, and
// neither says more than document.budget.programme does.
func flattenProgrammes(a, b *edition) {
	has := func(d *edition) bool {
		for _, e := range d.all {
			if e.kind == KindProgramme {
				return true
			}
		}
		return false
	}
	switch ha, hb := has(a), has(b); {
	case ha && !hb:
		a.dropProgrammes()
	case hb && !ha:
		b.dropProgrammes()
	}
}

func (d *edition) dropProgrammes() {
	up := func(u *entity) *entity {
		for u != nil && u.kind == KindProgramme {
			u = u.unit
		}
		return u
	}
	var all, roots []*entity
	for _, e := range d.all {
		if e.kind == KindProgramme {
			continue
		}
		e.unit = up(e.unit)
		if e.unit == nil && (e.kind == KindSubprogramme || e.kind == KindComponent) {
			roots = append(roots, e)
		}
		e.pos = len(all)
		all = append(all, e)
	}
	d.all, d.roots = all, roots
}

// results pairs results: the same title in the same subprogramme; the same
// title elsewhere; then similar titles, preferring the same subprogramme
// and number. A result's number is not its identity: each edition
// renumbers them.
func (m *matcher) results() {
	pairByText(m.old.results, m.new.results, func(o, n *entity) (need, bonus float64, ok bool) {
		if home(n) != home(o) {
			return simResultElsewhere, 0, true
		}
		if n.slot == o.slot {
			return simResult, 0.15, true
		}
		return simResult, 0.1, true
	})
}

// pairByText pairs entities whose place is not their identity (results,
// paragraphs): the same text in the same home, then the same text
// anywhere; then, best first, similar text, where cut says how much must
// be kept for a pair (need), what is added to its score (bonus), and
// whether it is a candidate at all.
func pairByText(olds, news []*entity, cut func(o, n *entity) (need, bonus float64, ok bool)) {
	byText := map[string][]*entity{}
	for _, n := range news {
		byText[n.norm] = append(byText[n.norm], n)
	}
	for _, anywhere := range []bool{false, true} {
		for _, o := range olds {
			if o.match != nil {
				continue
			}
			for _, n := range byText[o.norm] {
				if n.match == nil && (anywhere || home(n) == home(o)) {
					link(o, n)
					break
				}
			}
		}
	}
	var cands []candidate
	for _, o := range olds {
		if o.match != nil {
			continue
		}
		for _, n := range news {
			if n.match != nil {
				continue
			}
			need, bonus, ok := cut(o, n)
			if !ok || !mayReach(o.norm, n.norm, need) {
				continue
			}
			if s := Similarity(o.text, n.text, need); s >= need {
				cands = append(cands, candidate{o, n, s + bonus})
			}
		}
	}
	greedy(cands)
}

// How much of a result's title must be kept for it to be the same result
// retitled: English titles of unrelated results share half their letters
// in order ("strengthened private sector partnerships to build resilience
// …" and "unlocking strategic partnerships to accelerate …" score 0.57).
const (
	simResult          = 0.7 // in the same subprogramme
	simResultElsewhere = 0.8
)

// columnKey reads a column header as year and kind ("2026 planned",
// "2026 plannedb" → "2026 planned"); "" when it is not of that shape.
func columnKey(h string) string {
	year, kind, ok := model.Column(h)
	if !ok {
		return ""
	}
	return strconv.Itoa(year) + " " + kind
}

// deliverables pairs deliverable rows with the same text in the same
// subprogramme and category, then with similar text there; then the items
// of paired rows the same way.
func (m *matcher) deliverables() {
	var orows, nrows []*entity
	for _, e := range m.old.delivs {
		if e.parent == nil {
			orows = append(orows, e)
		}
	}
	for _, e := range m.new.delivs {
		if e.parent == nil {
			nrows = append(nrows, e)
		}
	}
	pairDelivs(orows, nrows, simDeliverable)
	for _, o := range orows {
		if o.match != nil {
			pairDelivs(o.children, o.match.children, simItem)
		}
	}
}

// How much of a deliverable's text must be kept for it to be the same
// deliverable reworded: a row anywhere in its category; an item under
// the same row, where fewer candidates compete.
const (
	simDeliverable = 0.8
	simItem        = 0.6
)

func pairDelivs(olds, news []*entity, need float64) {
	for _, o := range olds {
		for _, n := range news {
			if n.match == nil && n.dv.place == o.dv.place && strings.EqualFold(n.norm, o.norm) {
				link(o, n)
				break
			}
		}
	}
	var cands []candidate
	for _, o := range olds {
		if o.match != nil {
			continue
		}
		for _, n := range news {
			if n.match != nil || n.dv.place != o.dv.place || !mayReach(o.norm, n.norm, need) {
				continue
			}
			if s := Similarity(o.text, n.text, need); s >= need {
				cands = append(cands, candidate{o, n, s})
			}
		}
	}
	greedy(cands)
}

// delivChanges lists how a pair of deliverables differs: one change per
// column of the same year and kind whose value is not the same.
func delivChanges(o, n *entity) []Change {
	var out []Change
	if !strings.EqualFold(o.norm, n.norm) && (o.dv.valued || n.dv.valued) {
		c := delivChange(o, n, Reworded)
		s := math.Round(Similarity(o.text, n.text, 0)*1000) / 1000
		c.Similarity, c.Diff = &s, Runes(o.text, n.text)
		out = append(out, c)
	}
	oldAt := map[string]int{}
	for i, h := range o.dv.columns {
		if k := columnKey(h); k != "" {
			oldAt[k] = i
		}
	}
	for j, h := range n.dv.columns {
		k := columnKey(h)
		i, ok := oldAt[k]
		if k == "" || !ok {
			continue
		}
		ov, nv := valueAt(o.dv.values, i), valueAt(n.dv.values, j)
		if sameValue(ov, nv) {
			continue
		}
		c := delivChange(o, n, Changed)
		c.Deliverable.Column = k // "2026 planneda" → "2026 planned": the mark is a footnote
		c.Deliverable.OldValue, c.Deliverable.NewValue = ov, nv
		out = append(out, c)
	}
	return out
}

func valueAt(vs []*float64, i int) *float64 {
	if i < len(vs) {
		return vs[i]
	}
	return nil
}

func sameValue(a, b *float64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// delivChange is a change of a deliverable, o or n nil for an addition or
// removal.
func delivChange(o, n *entity, ch string) Change {
	c := Change{Kind: KindDeliverable, Change: ch}
	e := n
	if o != nil {
		eo := entry(o)
		c.Old = &eo
		e = o
	}
	if n != nil {
		en := entry(n)
		c.New = &en
		e = n
	}
	c.Deliverable = &Deliverable{Subprogramme: e.dv.sp, Category: e.dv.category, Row: e.dv.row, Text: e.text}
	return c
}
