package diff

import (
	"math"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/undoc/undoc/store/model"
)

// entity is one comparable thing of an edition: a programme, subprogramme
// or component (a unit), an objective, an accomplishment, an indicator or a
// mandate.
type entity struct {
	kind   string
	isNew  bool
	pos    int // document order within its edition
	id     string
	unit   *entity // the unit it belongs to; nil at the top
	parent *entity // an indicator's accomplishment
	res    int     // which results table of its unit holds an accomplishment
	result *entity // the result (budget format) a table sits under

	number        *int
	label, marker *string
	slot          string // its place among its siblings: number, ordinal or mandate symbol
	text, norm    string // norm: text without white space
	mandate       *model.Mandate
	group         *model.MandateGroup
	cell          *Cell // a table's row or cell
	dv            *deliv

	children []*entity // a unit's units; an accomplishment's indicators
	match    *entity
}

// edition is the entities of one output.
type edition struct {
	all        []*entity
	roots      []*entity // units outside any unit
	objectives []*entity
	accs       []*entity
	inds       []*entity
	mandates   []*entity
	tables     []*entity
	results    []*entity
	delivs     []*entity // deliverable rows and items with their values
	paras      []*entity
}

func (d *edition) add(e *entity) *entity {
	e.pos = len(d.all)
	e.norm = squeeze(e.text)
	d.all = append(d.all, e)
	return e
}

// collect lists the entities of an output in document order.
func collect(o *model.Output, isNew bool) *edition {
	d := &edition{}
	tables := map[*entity]int{}
	var walk func(nodes []*model.Node, unit, result *entity)
	walk = func(nodes []*model.Node, unit, result *entity) {
		for _, n := range nodes {
			switch n.Kind {
			case model.KindProgramme, model.KindSubprogramme, model.KindComponent:
				u := d.add(&entity{kind: n.Kind, isNew: isNew, id: n.ID, unit: unit, number: n.Number, slot: numberSlot(n.Number), text: n.Title})
				if unit == nil {
					d.roots = append(d.roots, u)
				} else {
					unit.children = append(unit.children, u)
				}
				walk(n.Children, u, nil)
				continue
			case model.KindResult:
				r := d.add(&entity{kind: KindResult, isNew: isNew, id: n.ID, unit: unit, number: n.Number, slot: numberSlot(n.Number), text: n.Title})
				// "Result 1: strengthened …" prints the title in lower
				// case after its label; a result printed without one
				// (A/80/6 Sect. 10, subprogramme 4) starts with a capital.
				r.norm = lowerFirst(r.norm)
				d.results = append(d.results, r)
				walk(n.Children, unit, r)
				continue
			case model.KindDeliverables:
				d.addDeliverables(n, unit, isNew)
			case model.KindObjective:
				d.objectives = append(d.objectives, d.add(&entity{kind: KindObjective, isNew: isNew, id: n.ID, unit: unit, text: n.Text}))
			case model.KindResults:
				r := tables[unit]
				tables[unit]++
				for _, a := range n.Accomplishments {
					ae := d.add(&entity{kind: KindAccomplishment, isNew: isNew, id: a.ID, unit: unit, res: r,
						label: a.Label, marker: a.Marker, slot: strconv.Itoa(a.Ordinal), text: a.Text})
					d.accs = append(d.accs, ae)
					for _, in := range a.Indicators {
						ie := d.add(&entity{kind: KindIndicator, isNew: isNew, id: in.ID, unit: unit, parent: ae, res: r,
							label: in.Label, marker: in.Marker, slot: strconv.Itoa(in.Ordinal), text: in.Text})
						d.inds = append(d.inds, ie)
						ae.children = append(ae.children, ie)
					}
				}
			case model.KindTable:
				d.addTable(n, unit, result, isNew)
			case model.KindFrontMatter:
				continue // the masthead and title: document metadata, not text
			case model.KindParagraph:
				d.paras = append(d.paras, d.add(&entity{kind: KindParagraph, isNew: isNew, id: n.ID, unit: unit, label: n.Code, text: paragraphText(n)}))
			case model.KindMandates:
				for _, g := range n.Groups {
					for _, it := range g.Items {
						if it.Symbol == nil && squeeze(it.Number) == "" {
							continue // nothing to know it by in the other edition
						}
						d.mandates = append(d.mandates, d.add(&entity{kind: KindMandate, isNew: isNew, id: n.ID, unit: unit,
							slot: mandateKey(it), text: it.Title, mandate: it, group: g}))
					}
				}
			}
			walk(n.Children, unit, result)
		}
	}
	walk(o.Body, nil, nil)
	return d
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if l := unicode.ToLower(r); l != r {
		return string(l) + s[size:]
	}
	return s
}

func numberSlot(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// mandateKey identifies a mandate: its symbol, else its number as printed.
func mandateKey(m *model.Mandate) string {
	if m.Symbol != nil {
		return *m.Symbol
	}
	return squeeze(m.Number)
}

// homeKey is where an entity sits, in the old edition's terms: the old
// unit (or accomplishment, for an indicator) that its parent matched, and
// which results table. Entities of both editions with equal keys are in
// the same place.
type homeKey struct {
	p   *entity
	res int
}

func home(e *entity) homeKey {
	p := e.unit
	if e.kind == KindIndicator {
		p = e.parent
	}
	if e.isNew && p != nil && p.match != nil {
		p = p.match
	}
	return homeKey{p, e.res}
}

// Similarity thresholds for pairing entities whose text changed: the
// further apart they sit, the more of the text must be kept.
const (
	simSamePlace = 0.5 // same parent, same number
	simSameHome  = 0.6 // same parent, other number
	simElsewhere = 0.7 // another parent
)

type matcher struct {
	old, new *edition
}

func link(o, n *entity) { o.match, n.match = n, o }

func (m *matcher) run() {
	m.units(m.old.roots, m.new.roots)
	m.objectives()
	m.items(m.old.accs, m.new.accs)
	m.items(m.old.inds, m.new.inds)
	m.mandates()
	m.results()
	m.tables()
	m.deliverables()
	m.paragraphs()
}

// units pairs the units of one level (the children of two matched units),
// kind by kind: same number and title; same title under a new number; same
// number under a new title; similar title. Then it descends into the pairs.
func (m *matcher) units(olds, news []*entity) {
	passes := []func(o, n *entity) bool{
		func(o, n *entity) bool { return o.slot == n.slot && o.norm == n.norm },
		func(o, n *entity) bool { return o.norm == n.norm },
		func(o, n *entity) bool { return o.slot != "" && o.slot == n.slot },
	}
	for _, same := range passes {
		for _, o := range olds {
			if o.match != nil {
				continue
			}
			for _, n := range news {
				if n.match == nil && n.kind == o.kind && same(o, n) {
					link(o, n)
					break
				}
			}
		}
	}
	var cands []candidate
	for _, o := range olds {
		for _, n := range news {
			if o.match == nil && n.match == nil && o.kind == n.kind {
				if s := Similarity(o.text, n.text, simSamePlace); s >= simSamePlace {
					cands = append(cands, candidate{o, n, s})
				}
			}
		}
	}
	greedy(cands)
	for _, o := range olds {
		if o.match != nil {
			m.units(o.children, o.match.children)
		}
	}
}

// objectives pairs the objectives of matched units in order.
func (m *matcher) objectives() {
	byHome := map[homeKey][]*entity{}
	for _, n := range m.new.objectives {
		byHome[home(n)] = append(byHome[home(n)], n)
	}
	for _, o := range m.old.objectives {
		k := home(o)
		if ns := byHome[k]; len(ns) > 0 {
			link(o, ns[0])
			byHome[k] = ns[1:]
		}
	}
	// A subprogramme not paired (renamed beyond recognition, or read
	// without its heading in one format) keeps its objective by number.
	for _, o := range m.old.objectives {
		sp := subprogrammeOf(o.unit)
		if o.match != nil || sp == nil {
			continue
		}
		for _, n := range m.new.objectives {
			if n.match == nil && sameInt(sp, subprogrammeOf(n.unit)) {
				link(o, n)
				break
			}
		}
	}
}

// items pairs accomplishments (or indicators): same place and text; same
// text elsewhere (a move or renumbering), preferring the same parent;
// then similar text, preferring the same parent and number.
func (m *matcher) items(olds, news []*entity) {
	type place struct {
		h    homeKey
		slot string
	}
	at := map[place]*entity{}
	byText := map[string][]*entity{}
	for _, n := range news {
		at[place{home(n), n.slot}] = n
		byText[n.norm] = append(byText[n.norm], n)
	}
	for _, o := range olds {
		if n := at[place{home(o), o.slot}]; n != nil && n.match == nil && n.norm == o.norm {
			link(o, n)
		}
	}
	for _, o := range olds {
		if o.match != nil {
			continue
		}
		var best *entity
		for _, n := range byText[o.norm] {
			if n.match != nil {
				continue
			}
			if best == nil || (home(n) == home(o) && home(best) != home(o)) {
				best = n
			}
		}
		if best != nil {
			link(o, best)
		}
	}
	var cands []candidate
	for _, o := range olds {
		if o.match != nil {
			continue
		}
		ho := home(o)
		for _, n := range news {
			if n.match != nil {
				continue
			}
			need, bonus := simElsewhere, 0.0
			if home(n) == ho {
				need, bonus = simSameHome, 0.1
				if n.slot == o.slot {
					need, bonus = simSamePlace, 0.15
				}
			}
			if !mayReach(o.norm, n.norm, need) {
				continue
			}
			if s := Similarity(o.text, n.text, need); s >= need {
				cands = append(cands, candidate{o, n, s + bonus})
			}
		}
	}
	greedy(cands)
	if len(olds) > 0 && olds[0].kind == KindAccomplishment {
		byIndicators(olds, news)
	}
}

// byIndicators pairs accomplishments of the same table whose text was
// rewritten beyond recognition but which kept at least half of their
// indicators word for word: the same accomplishment, reworded.
func byIndicators(olds, news []*entity) {
	var cands []candidate
	for _, o := range olds {
		if o.match != nil || len(o.children) == 0 {
			continue
		}
		texts := map[string]int{}
		for _, in := range o.children {
			texts[in.norm]++
		}
		for _, n := range news {
			if n.match != nil || home(n) != home(o) {
				continue
			}
			kept := 0
			seen := map[string]int{}
			for _, in := range n.children {
				if seen[in.norm] < texts[in.norm] {
					kept++
				}
				seen[in.norm]++
			}
			share := float64(kept) / float64(max(len(o.children), len(n.children)))
			if share >= 0.5 {
				bonus := 0.0
				if n.slot == o.slot {
					bonus = 0.1
				}
				cands = append(cands, candidate{o, n, share + bonus})
			}
		}
	}
	greedy(cands)
}

// mayReach tells from the lengths alone whether two texts can be similar
// enough: the similarity is at most 2·min(n,m)/(n+m).
func mayReach(a, b string, need float64) bool {
	n, m := len([]rune(a)), len([]rune(b))
	if n+m == 0 {
		return true
	}
	return 2*float64(min(n, m))/float64(n+m) >= need
}

// mandates pairs mandates by symbol (else number): in the same unit and
// subprogramme group first; then in the same subprogramme group; then,
// for mandates not listed by subprogramme, anywhere (a mandate listed
// under another programme is neither added nor removed). A mandate that
// left one subprogramme's list for another's is removed from one and
// added to the other.
func (m *matcher) mandates() {
	passes := []func(o, n *entity) bool{
		func(o, n *entity) bool {
			return home(n) == home(o) && sameInt(o.group.Subprogramme, n.group.Subprogramme)
		},
		func(o, n *entity) bool { return sameInt(o.group.Subprogramme, n.group.Subprogramme) },
		func(o, n *entity) bool { return o.group.Subprogramme == nil || n.group.Subprogramme == nil },
	}
	for _, pass := range passes {
		for _, o := range m.old.mandates {
			if o.match != nil {
				continue
			}
			for _, n := range m.new.mandates {
				if n.match == nil && n.slot == o.slot && pass(o, n) {
					link(o, n)
					break
				}
			}
		}
	}
}

// candidate is a possible pairing by similar text, with its score.
type candidate struct {
	o, n  *entity
	score float64
}

// greedy links the best-scoring candidates first, in document order among
// equals, each entity at most once.
func greedy(cands []candidate) {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		case a.o.pos != b.o.pos:
			return a.o.pos - b.o.pos
		}
		return a.n.pos - b.n.pos
	})
	for _, c := range cands {
		if c.o.match == nil && c.n.match == nil {
			link(c.o, c.n)
		}
	}
}

// change says how a matched pair differs, "" when it does not.
func change(o, n *entity) string {
	switch o.kind {
	case KindProgramme, KindSubprogramme, KindComponent:
		switch {
		case o.slot != n.slot:
			return Renumbered
		case o.norm != n.norm:
			return Renamed
		}
	case KindObjective:
		if o.norm != n.norm {
			return Reworded
		}
	case KindResult:
		switch {
		case home(o) != home(n) || o.slot != n.slot:
			return Moved
		case o.norm != n.norm:
			return Renamed
		}
	case KindAccomplishment, KindIndicator:
		switch {
		case home(o) != home(n):
			return Moved
		case o.slot != n.slot:
			return Renumbered
		case o.norm != n.norm:
			return Reworded
		}
	case KindTable:
		if o.norm != n.norm {
			return Renamed
		}
	case KindCell:
		if o.norm != n.norm {
			return Reworded
		}
	case KindParagraph:
		switch {
		case home(o) != home(n):
			return Moved
		case o.norm != n.norm:
			return Reworded
		}
	}
	return ""
}

// folded tells whether an unmatched entity is part of a larger addition or
// removal (its unit, or its accomplishment, is itself unmatched) and so is
// not reported on its own.
func folded(e *entity) bool {
	switch e.kind {
	case KindIndicator, KindRow, KindCell:
		return e.parent.match == nil
	case KindDeliverable:
		// Only quantified deliverables are counted in and out; an item
		// goes with its row when the row is itself reported.
		if !e.dv.valued || (e.parent != nil && e.parent.match == nil && e.parent.dv.valued) {
			return true
		}
	}
	return e.unit != nil && e.unit.match == nil
}

// changes lists the differences in the new edition's order; a removal
// comes after what preceded it in the old edition.
func (m *matcher) changes() []Change {
	type keyed struct {
		c          Change
		at, phase  int
		oldAt, seq int
	}
	var ks []keyed
	for _, n := range m.new.all {
		switch {
		case n.match != nil && n.kind == KindDeliverable:
			for _, c := range delivChanges(n.match, n) {
				ks = append(ks, keyed{c, n.pos, 0, n.match.pos, len(ks)})
			}
		case n.kind == KindDeliverable && !folded(n):
			ks = append(ks, keyed{delivChange(nil, n, Added), n.pos, 0, -1, len(ks)})
		case n.match != nil:
			if ch := change(n.match, n); ch != "" {
				ks = append(ks, keyed{pairChange(n.match, n, ch), n.pos, 0, n.match.pos, len(ks)})
			}
		case !folded(n):
			e := entry(n)
			ks = append(ks, keyed{Change{Kind: n.kind, Change: Added, New: &e}, n.pos, 0, -1, len(ks)})
		}
	}
	anchor := -1
	for _, o := range m.old.all {
		switch {
		case o.match != nil:
			anchor = o.match.pos
		case o.kind == KindDeliverable && !folded(o):
			ks = append(ks, keyed{delivChange(o, nil, Removed), anchor, 1, o.pos, len(ks)})
		case !folded(o):
			e := entry(o)
			ks = append(ks, keyed{Change{Kind: o.kind, Change: Removed, Old: &e}, anchor, 1, o.pos, len(ks)})
		}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		for _, d := range []int{a.at - b.at, a.phase - b.phase, a.oldAt - b.oldAt, a.seq - b.seq} {
			if d != 0 {
				return d
			}
		}
		return 0
	})
	out := make([]Change, len(ks))
	for i, k := range ks {
		out[i] = k.c
	}
	return out
}

func pairChange(o, n *entity, ch string) Change {
	eo, en := entry(o), entry(n)
	c := Change{Kind: o.kind, Change: ch, Old: &eo, New: &en}
	if o.norm != n.norm {
		s := math.Round(Similarity(o.text, n.text, 0)*1000) / 1000
		c.Similarity = &s
		c.Diff = Runes(o.text, n.text)
	}
	return c
}

func entry(e *entity) Entry {
	en := Entry{ID: e.id, Text: e.text}
	switch e.kind {
	case KindProgramme, KindSubprogramme, KindComponent:
		en.Number = e.number
	case KindAccomplishment, KindIndicator:
		en.Label, en.Marker = e.label, e.marker
	case KindObjective:
		en.Subprogramme = subprogrammeOf(e.unit)
	case KindResult:
		en.Number, en.Subprogramme = e.number, subprogrammeOf(e.unit)
	case KindDeliverable, KindParagraph:
		en.Label = e.label
	case KindMandate:
		en.Mandate = &Mandate{Number: e.mandate.Number, Symbol: e.mandate.Symbol,
			Subprogramme: e.group.Subprogramme, Category: e.group.Category}
	case KindTable:
		en.Number = e.number
	case KindRow, KindCell:
		en.Cell = e.cell
	}
	return en
}
