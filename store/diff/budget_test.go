package diff

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/model"
)

// Builders of budget sections in the format since 2020, with ids made the
// way the segmenter makes them for a PDF (no programme level).

func result(sp string, n int, title string, children ...*model.Node) *model.Node {
	return &model.Node{Kind: model.KindResult, ID: fmt.Sprintf("%s/result%d", sp, n), Number: num(n), Title: title, Children: children}
}

func perfTable(id string, n int, caption string, rows ...[]string) *model.Node {
	return &model.Node{Kind: model.KindTable, ID: id, Number: num(n), Title: caption, Header: []string{"2025", "2026"}, Rows: rows}
}

func val(f float64) *float64 { return &f }

// delivs is a deliverables table of subprogramme sp (0: cross-cutting)
// with one category A and the given rows.
func delivs(sp int, columns []string, rows ...*model.DeliverableRow) *model.Node {
	id := "secA/deliverables/table1"
	if sp > 0 {
		id = "sp" + strconv.Itoa(sp) + "/deliverables/table" + strconv.Itoa(sp)
	}
	return &model.Node{Kind: model.KindDeliverables, ID: id, Columns: columns,
		Categories: []*model.DeliverableCategory{{Label: "A", Title: "Facilitation of the intergovernmental process", Rows: rows}}}
}

func drow(text string, values ...*float64) *model.DeliverableRow {
	return &model.DeliverableRow{Text: text, Values: values}
}

func spn(n int, title string, children ...*model.Node) *model.Node {
	return unit(model.KindSubprogramme, "sp"+strconv.Itoa(n), n, title, children...)
}

func bmandates(groups ...*model.MandateGroup) *model.Node {
	return &model.Node{Kind: model.KindMandates, ID: "secA/mandates/list", Groups: groups}
}

func mgroup(sp int, numbers ...string) *model.MandateGroup {
	g := &model.MandateGroup{Category: str("General Assembly resolutions")}
	if sp > 0 {
		g.Subprogramme = num(sp)
	}
	for _, n := range numbers {
		g.Items = append(g.Items, &model.Mandate{Number: n, Symbol: str("A/RES/" + n), Title: "Resolution " + n})
	}
	return g
}

const (
	resFood    = "a new food stockholding mechanism to reduce food insecurity in least developed countries"
	resShocks  = "strengthened resilience to external shocks in the least developed countries"
	resTertiar = "improved tertiary education options in least developed countries through scholarships"
	resPrivate = "strengthened private sector partnerships to build resilience in small island developing States"
	resUnlock  = "unlocking strategic partnerships to accelerate implementation of the Antigua and Barbuda Agenda"
)

var (
	cols2026 = []string{"2024 planned", "2024 actual", "2025 planned", "2026 planned"}
	cols2027 = []string{"2025 planned", "2025 actual", "2026 planned", "2027 planned"}
)

func TestBudgetMatching(t *testing.T) {
	objOld := "to eradicate poverty in the least developed countries"
	cases := []struct {
		name     string
		old, new *model.Output
		want     []string
	}{
		{"identical",
			doc(spn(1, "LDCs", objective("sp1", objOld), result("sp1", 1, resFood), delivs(1, cols2026, drow("Parliamentary documentation", val(3), val(3), val(2), val(1))))),
			doc(spn(1, "LDCs", objective("sp1", objOld), result("sp1", 1, resFood), delivs(1, cols2026, drow("Parliamentary documentation", val(3), val(3), val(2), val(1))))),
			nil},
		{"result renumbered is moved, not removed and added",
			doc(spn(1, "LDCs", result("sp1", 1, resTertiar), result("sp1", 2, resFood), result("sp1", 3, resShocks))),
			doc(spn(1, "LDCs", result("sp1", 1, resFood), result("sp1", 2, resShocks), result("sp1", 3, resUnlock))),
			[]string{"result removed sp1/result1 → -", "result moved sp1/result2 → sp1/result1", "result moved sp1/result3 → sp1/result2", "result added - → sp1/result3"}},
		{"result retitled in place is renamed",
			doc(spn(1, "LDCs", result("sp1", 1, resFood))),
			doc(spn(1, "LDCs", result("sp1", 1, resFood+" and small island developing States"))),
			[]string{"result renamed sp1/result1 → sp1/result1 (diff)"}},
		{"a title printed without its label starts with a capital: same result",
			doc(spn(4, "Advocacy", result("sp4", 1, "Strengthened integration of the three programmes of action"))),
			doc(spn(4, "Advocacy", result("sp4", 1, "strengthened integration of the three programmes of action"))),
			nil},
		{"unrelated titles sharing letters are not paired",
			doc(spn(3, "SIDS", result("sp3", 1, resPrivate))),
			doc(spn(3, "SIDS", result("sp3", 1, resUnlock))),
			[]string{"result removed sp3/result1 → -", "result added - → sp3/result1"}},
		{"result moved to another subprogramme",
			doc(spn(1, "LDCs", result("sp1", 1, resFood)), spn(2, "LLDCs")),
			doc(spn(1, "LDCs"), spn(2, "LLDCs", result("sp2", 1, resFood))),
			[]string{"result moved sp1/result1 → sp2/result1"}},
		{"objective by subprogramme, reworded",
			doc(spn(2, "LLDCs", objective("sp2", objOld))),
			doc(spn(2, "LLDCs", objective("sp2", "to advance sustainable development in landlocked developing countries"))),
			[]string{"objective reworded sp2/objective → sp2/objective (diff)"}},
		{"objective kept when the subprogramme title changed beyond recognition",
			doc(spn(2, "Landlocked developing countries", objective("sp2", objOld))),
			doc(spn(2, "Transit", objective("sp2", objOld))),
			[]string{"subprogramme renamed sp2 → sp2 (diff)"}},
		{"programme level of a Word tree is not a change",
			doc(unit(model.KindProgramme, "prog8", 8, "LDCs, LLDCs and SIDS", spn(1, "LDCs", objective("sp1", objOld), result("sp1", 1, resFood)))),
			doc(spn(1, "LDCs", objective("sp1", objOld), result("sp1", 1, resFood))),
			nil},
		{"mandates by number within subprogramme",
			doc(bmandates(mgroup(0, "56/227"), mgroup(1, "65/280", "76/258"), mgroup(2, "79/233"))),
			doc(bmandates(mgroup(0, "56/227", "80/146"), mgroup(1, "76/258"), mgroup(2, "79/233", "65/280"))),
			[]string{"mandate removed secA/mandates/list#65/280 → -", "mandate added - → secA/mandates/list#80/146", "mandate added - → secA/mandates/list#65/280"}},
		{"mandate without number or symbol is not compared",
			doc(bmandates(&model.MandateGroup{Subprogramme: num(1), Items: []*model.Mandate{{Title: "continued title"}}})),
			doc(bmandates(mgroup(1))),
			nil},
		{"tables by caption under their result, not by number",
			doc(spn(1, "LDCs", result("sp1", 1, resFood, perfTable("sp1/result1/table10.3", 3, "Performance measure", []string{"5", "6"})))),
			doc(spn(1, "LDCs", perfTable("sp1/performance/table10.2", 2, "Performance measure", []string{"1", "2"}),
				result("sp1", 1, resFood, perfTable("sp1/result1/table10.4", 4, "Performance measure", []string{"5", "7"})))),
			[]string{"table added - → sp1/performance/table10.2", "table_cell reworded sp1/result1/table10.3 → sp1/result1/table10.4 (diff)"}},
		{"deliverables compared on the columns of the same year and kind",
			doc(delivs(1, cols2026, drow("Parliamentary documentation (number of documents)", val(3), val(3), val(2), val(1)),
				drow("Substantive services for meetings", val(46), val(31), val(46), val(48)))),
			doc(delivs(1, cols2027, drow("Parliamentary documentation (number of documents)", val(2), val(2), val(1), val(1)),
				drow("Substantive services for meetings", val(46), val(41), val(50), val(56)))),
			// Documentation: 2025 planned 2 and 2026 planned 1 in both
			// (the other columns are not the same year and kind).
			[]string{"deliverable changed sp1/deliverables/table1 → sp1/deliverables/table1 2026 planned 48→50"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Compare(c.old, c.new)
			got := briefBudget(r)
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("changes:\n  %q\nwant:\n  %q", got, c.want)
			}
			if r.Identical != (len(c.want) == 0) {
				t.Errorf("Identical = %v with %d changes", r.Identical, len(c.want))
			}
		})
	}
}

// briefBudget is brief with the column and values of a deliverable change.
func briefBudget(r *Report) []string {
	out := brief(r)
	for i, c := range r.Changes {
		if d := c.Deliverable; d != nil && d.Column != "" {
			out[i] += fmt.Sprintf(" %s %s→%s", d.Column, fv(d.OldValue), fv(d.NewValue))
		}
	}
	return out
}

func fv(f *float64) string {
	if f == nil {
		return "–"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func TestDeliverableRows(t *testing.T) {
	row := "Seminars, workshops and training events (number of days)"
	withItems := func(cols []string, v2026 float64, items ...*model.DeliverableItem) *model.Output {
		r := drow(row, val(17), val(14), val(17), val(v2026))
		if cols[3] == "2027 planned" {
			r = drow(row, val(17), val(17), val(v2026), val(18))
		}
		r.Items = items
		return doc(spn(1, "LDCs", delivs(1, cols, r)))
	}
	item := func(label, text string, vs ...float64) *model.DeliverableItem {
		it := &model.DeliverableItem{Label: label, Text: text}
		for _, v := range vs {
			it.Values = append(it.Values, val(v))
		}
		return it
	}
	cases := []struct {
		name     string
		old, new *model.Output
		want     []string
	}{
		{"item value changed, row value the same",
			withItems(cols2026, 18, item("1", "Future Forum to strengthen dialogue", 1, 1, 1, 2)),
			withItems(cols2027, 18, item("1", "Future Forum to strengthen dialogue", 1, 1, 3, 3)),
			[]string{"deliverable changed sp1/deliverables/table1 → sp1/deliverables/table1 2026 planned 2→3"}},
		{"item reworded keeps its values compared",
			withItems(cols2026, 18, item("1", "Regional review meetings on the Doha Programme of Action for the Least Developed Countries", 1, 1, 1, 2)),
			withItems(cols2027, 18, item("1", "Regional review meetings on the Doha Programme of Action", 1, 1, 2, 2)),
			[]string{"deliverable reworded sp1/deliverables/table1 → sp1/deliverables/table1 (diff)"}},
		{"item added and removed",
			withItems(cols2026, 18, item("1", "On implementing the Samoa Pathway", 1, 1, 1, 1)),
			withItems(cols2027, 18, item("1", "Guide on mainstreaming the Awaza Programme of Action", 1, 1, 1, 1)),
			[]string{"deliverable removed sp1/deliverables/table1 → -", "deliverable added - → sp1/deliverables/table1"}},
		{"prose rows without values are not counted",
			doc(spn(1, "LDCs", delivs(1, cols2026, drow("Consultation, advice and advocacy: advice to the Group")))),
			doc(spn(1, "LDCs", delivs(1, cols2027, drow("External and media relations: press releases")))),
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := briefBudget(Compare(c.old, c.new))
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("changes:\n  %q\nwant:\n  %q", got, c.want)
			}
		})
	}
}

func TestColumnKey(t *testing.T) {
	for in, want := range map[string]string{
		"2026 planned":    "2026 planned",
		"2026\nplanned":   "2026 planned",
		" 2025  Actual ":  "2025 actual",
		"2026 estimate":   "2026 estimate",
		"Planned":         "",
		"2026":            "",
		"Category":        "",
		"2024–2025 total": "2024 total",
		"2026 plannedb":   "2026 planned",
		"2026 planned a":  "2026 planned",
		"2026 plans":      "2026 plans",
		"2026 estimated":  "2026 estimated",
	} {
		if got := columnKey(in); got != want {
			t.Errorf("columnKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBudgetSelf: real budget sections (PDF and Word) against themselves
// parsed again and against their own JSON read back report no change, and
// the budget parts are there to be compared (results, deliverables).
func TestBudgetSelf(t *testing.T) {
	for _, p := range []string{"../../testdata/pdf/A_81_6_Sect.25.pdf", "../../testdata/pdf/A_81_6_Sect.10.pdf", "../../testdata/docx/A_80_6_Sect.10.docx"} {
		t.Run(filepath.Base(p), func(t *testing.T) {
			o := mustParse(t, p)
			a := collect(o, false)
			if len(a.results) == 0 || (len(a.delivs) == 0 && strings.HasSuffix(p, ".pdf")) {
				t.Errorf("%s: %d results, %d deliverables: nothing to compare", p, len(a.results), len(a.delivs))
			}
			if r := Compare(o, mustParse(t, p)); !r.Identical {
				t.Errorf("against itself: %v", brief(r))
			}
			b, err := emit.Marshal(o, true)
			if err != nil {
				t.Fatal(err)
			}
			back, err := emit.Read(b)
			if err != nil {
				t.Fatal(err)
			}
			if r := Compare(o, back); !r.Identical {
				t.Errorf("against its JSON: %v", brief(r))
			}
		})
	}
}

// BenchmarkDiffBudget compares a large budget section (Sect. 24, 40-odd
// pages) with itself parsed twice.
func BenchmarkDiffBudget(b *testing.B) {
	p := "../../testdata/pdf/A_81_6_Sect.24.pdf"
	old, new := mustParse(b, p), mustParse(b, p)
	b.ReportAllocs()
	for b.Loop() {
		if r := Compare(old, new); !r.Identical {
			b.Fatalf("%d changes", len(r.Changes))
		}
	}
}

// BenchmarkDiffEditions compares Sect. 10 of the 2026 edition (Word) with
// that of the 2027 edition (PDF): most entities pair by similarity.
func BenchmarkDiffEditions(b *testing.B) {
	old, new := mustParse(b, "../../testdata/docx/A_80_6_Sect.10.docx"), mustParse(b, "../../testdata/pdf/A_81_6_Sect.10.pdf")
	b.ReportAllocs()
	for b.Loop() {
		Compare(old, new)
	}
}

func TestOnly(t *testing.T) {
	old := doc(bmandates(mgroup(1, "65/280")), spn(1, "LDCs", result("sp1", 1, resFood)))
	new := doc(bmandates(mgroup(1, "76/258")), spn(1, "LDCs", result("sp1", 1, resShocks)))
	r := Compare(old, new)
	if len(r.Changes) != 4 {
		t.Fatalf("%d changes, want 4: %v", len(r.Changes), brief(r))
	}
	for _, c := range []struct {
		kinds []string
		want  int
	}{{nil, 4}, {[]string{KindMandate}, 2}, {[]string{KindResult}, 2}, {[]string{KindDeliverable}, 0}, {[]string{KindMandate, KindResult}, 4}} {
		o := r.Only(c.kinds...)
		n := 0
		for _, byChange := range o.ByKind {
			for _, k := range byChange {
				n += k
			}
		}
		if len(o.Changes) != c.want || n != c.want || o.Identical != (c.want == 0) {
			t.Errorf("Only(%v): %d changes, %d counted, identical %v; want %d", c.kinds, len(o.Changes), n, o.Identical, c.want)
		}
		for _, ch := range o.Changes {
			if len(c.kinds) > 0 && !strings.Contains(fmt.Sprint(c.kinds), ch.Kind) {
				t.Errorf("Only(%v) kept a %s", c.kinds, ch.Kind)
			}
		}
	}
}

// TestEditionsSect25 diffs Sect. 25 of the 2026 edition (Word) against
// that of the 2027 edition (PDF). The mandates and results below were
// checked by hand against both documents: the mandate lists of paragraph
// 25.25 (A/81/6) and of "Legislative mandates" (A/80/6), and the result
// headings.
func TestEditionsSect25(t *testing.T) {
	r := Compare(mustParse(t, "../../testdata/docx/A_80_6_Sect.25.docx"), mustParse(t, "../../testdata/pdf/A_81_6_Sect.25.pdf"))
	var added, removed []string
	results := map[string]int{}
	for _, c := range r.Changes {
		switch {
		case c.Kind == KindMandate && c.Change == Added:
			added = append(added, c.New.Mandate.Number)
		case c.Kind == KindMandate && c.Change == Removed:
			removed = append(removed, c.Old.Mandate.Number)
		case c.Kind == KindResult:
			results[c.Change]++
		case c.Kind == KindObjective:
			t.Errorf("objective %s: the objective is the same in both editions", c.Change)
		case c.Kind == KindDeliverable && c.Change == Changed:
			// Checked by hand, row by row, in table 25.2 of A/80/6 and
			// table 25.1 of A/81/6: the 2025 planned and 2026 planned
			// columns, which both print, hold the same 30 values.
			t.Errorf("deliverable %q: %s changed %v → %v; no value changed", c.Deliverable.Text, c.Deliverable.Column, fv(c.Deliverable.OldValue), fv(c.Deliverable.NewValue))
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	if want := []string{"31/36", "53/125", "71/1", "80/187", "80/188", "80/211"}; !slices.Equal(added, want) {
		t.Errorf("mandates added %v, want %v", added, want)
	}
	if want := []string{"46/108", "538B(VI)", "73/151", "78/184", "78/185", "78/205", "79/156"}; !slices.Equal(removed, want) {
		t.Errorf("mandates removed %v, want %v", removed, want)
	}
	// Result 1 dropped, results 2 and 3 renumbered 1 and 2, a new result 3.
	if want := map[string]int{Added: 1, Removed: 1, Moved: 2}; fmt.Sprint(results) != fmt.Sprint(want) {
		t.Errorf("results %v, want %v", results, want)
	}
}

// TestEditionsSect10 diffs Sect. 10 of the 2026 edition against that of
// the 2027 edition, both read from Word, where the tables are real
// tables. Every change below was checked by hand against the two
// documents (the Word text of A/80/6 (Sect. 10), pdftotext of A/81/6
// (Sect. 10)):
//   - mandates: A/81/6 para. 10.18 against A/80/6 para. 10.14, list by
//     list;
//   - "2026 planned": A/81/6 marks its five revised items with the A/80/6
//     value in square brackets (tables 10.8 and 10.13: "4 [2]", "2 [1]",
//     "7 [6]", "4 [3]", "3 [2]"); the four subcategory rows above them
//     change by the same sums. Item 7 of subprogramme 3 merges A/80/6
//     items 7 (2) and 8 (4) (footnote a); the diff pairs it with item 8,
//     the closer text, so it reads 4 → 7 where the document says [6], and
//     its 2025 planned reads 4 → 6;
//   - results: in subprogrammes 1–3, the old result 1 was dropped, results
//     2 and 3 became 1 and 2, and a new result 3 came in; subprogramme 4's
//     one result of A/80/6 (printed without "Result 1:") is result 1 of
//     A/81/6, which adds result 2.
func TestEditionsSect10(t *testing.T) {
	old := mustParse(t, "../../testdata/docx/A_80_6_Sect.10.docx")
	t.Run("docx", func(t *testing.T) {
		checkEditionsSect10(t, old, mustParse(t, "../../testdata/docx/A_81_6_Sect.10.docx"))
	})
	t.Run("pdf", func(t *testing.T) {
		checkEditionsSect10(t, old, mustParse(t, "../../testdata/pdf/A_81_6_Sect.10.pdf"))
	})
}

func checkEditionsSect10(t *testing.T, old, new *model.Output) {
	r := Compare(old, new)
	var added, removed, values []string
	results := map[string]int{}
	objectives := 0
	for _, c := range r.Changes {
		switch {
		case c.Kind == KindMandate && c.Change == Added:
			added = append(added, fmt.Sprint(c.New.Mandate.Subprogramme != nil && *c.New.Mandate.Subprogramme > 0, " ", c.New.Mandate.Number))
		case c.Kind == KindMandate && c.Change == Removed:
			removed = append(removed, fmt.Sprint(c.Old.Mandate.Subprogramme != nil && *c.Old.Mandate.Subprogramme > 0, " ", c.Old.Mandate.Number))
		case c.Kind == KindDeliverable && c.Change == Changed:
			d := c.Deliverable
			sp := 0
			if d.Subprogramme != nil {
				sp = *d.Subprogramme
			}
			text, _, _ := strings.Cut(d.Text, " (")
			values = append(values, fmt.Sprintf("sp%d %s | %.40s | %s→%s", sp, d.Column, text, fv(d.OldValue), fv(d.NewValue)))
		case c.Kind == KindResult:
			results[c.Change]++
		case c.Kind == KindObjective:
			objectives++
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	wantAdded := []string{"false 78/322", "false 80/146", "true 2025/23", "true 79/279", "true 80/136", "true 80/150", "true 80/151", "true 80/3"}
	if !slices.Equal(added, wantAdded) {
		t.Errorf("mandates added (listed by subprogramme, number):\n  %q\nwant\n  %q", added, wantAdded)
	}
	wantRemoved := strings.Fields("65/280 70/294 77/177 78/233 79/218 2023/29 2024/18 " + // subprogramme 1
		"69/137 73/243 74/233 75/228 76/217 77/246 78/163 74/15 " + // 2
		"69/15 72/279 73/228 74/217 75/215 76/203 77/245 78/232 79/203 74/3") // 3
	for i := range wantRemoved {
		wantRemoved[i] = "true " + wantRemoved[i]
	}
	slices.Sort(wantRemoved)
	if !slices.Equal(removed, wantRemoved) {
		t.Errorf("mandates removed:\n  %q\nwant\n  %q", removed, wantRemoved)
	}
	wantValues := []string{
		"sp2 2026 planned | Substantive services for meetings | 33→35",
		"sp2 2026 planned | Expert group meetings on thematic issues | 2→4",
		"sp2 2026 planned | Technical materials | 3→4",
		"sp2 2026 planned | On thematic development issues in landlo | 1→2",
		"sp3 2026 planned | Seminars, workshops and training events | 16→18",
		"sp3 2025 planned | Seminars on the support from development | 4→6",
		"sp3 2026 planned | Seminars on the support from development | 4→7",
		"sp3 2026 planned | Seminars on private sector involvement i | 3→4",
		"sp3 2026 planned | Technical materials | 10→11",
		"sp3 2026 planned | On matters relating to the financing, im | 2→3",
	}
	if !slices.Equal(values, wantValues) {
		t.Errorf("deliverable values changed:\n  %s\nwant\n  %s", strings.Join(values, "\n  "), strings.Join(wantValues, "\n  "))
	}
	if want := map[string]int{Added: 4, Removed: 3, Moved: 6}; fmt.Sprint(results) != fmt.Sprint(want) {
		t.Errorf("results: %v, want %v", results, want)
	}
	// The three objectives were reworded (subprogramme 1 adds "to
	// strengthen policies", 2 "sustainable and resilient", 3 "economic,
	// social and environmental resilience").
	if objectives != 3 {
		t.Errorf("%d objectives reworded, want 3", objectives)
	}
}
