package convert

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// budgetTexts is texts with what a budget section adds: result titles,
// mandate numbers and titles, every deliverables category, row and item
// with its values, and the table's footnotes. Mandate symbols are left
// out: the Word file's hyperlinks give symbols the PDF's text does not
// print.
func budgetTexts(out *model.Output) map[string]string {
	m := texts(out)
	model.Walk(out.Body, func(n *model.Node) {
		switch n.Kind {
		case model.KindResult, model.KindResults:
			m[n.ID] = n.Kind + ":" + canon(n.Title)
		case model.KindDeliverables:
			m[n.ID] = n.Kind + ":" + canon(n.Title) + "|" + strings.Join(n.Columns, "|")
			if n.Note != nil {
				m[n.ID+"/note"] = canon(*n.Note)
			}
			for c, cat := range n.Categories {
				cid := fmt.Sprintf("%s/cat%d", n.ID, c+1)
				m[cid] = cat.Label + " " + canon(cat.Title)
				for r, row := range cat.Rows {
					rid := fmt.Sprintf("%s/row%d", cid, r+1)
					m[rid] = canon(row.Text) + values(row.Values)
					for i, it := range row.Items {
						m[fmt.Sprintf("%s/item%d", rid, i+1)] = it.Label + " " + canon(it.Text) + values(it.Values)
					}
				}
			}
		}
	})
	return m
}

func values(vs []*float64) string {
	var b strings.Builder
	for _, v := range vs {
		if v == nil {
			b.WriteString(" –")
		} else {
			fmt.Fprintf(&b, " %g", *v)
		}
	}
	return b.String()
}

// treeDiff lists how two trees' texts differ: ids only in a, only in b,
// and ids whose texts differ.
type treeDiff struct {
	onlyA, onlyB, differ []string
}

func diffTexts(a, b map[string]string) treeDiff {
	var d treeDiff
	for id, x := range a {
		if y, ok := b[id]; !ok {
			d.onlyA = append(d.onlyA, id)
		} else if x != y {
			d.differ = append(d.differ, id)
		}
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			d.onlyB = append(d.onlyB, id)
		}
	}
	slices.Sort(d.onlyA)
	slices.Sort(d.onlyB)
	slices.Sort(d.differ)
	return d
}

// wordPDFGaps are, for each A/81/6 section, the ids of the nodes the Word
// tree has that the PDF tree lacks, those the PDF tree has that the Word
// tree lacks, and those whose texts differ. Each is explained in the
// issue's note; any other difference fails, and so does a listed one that
// is gone (remove it here).
var wordPDFGaps = map[string]struct{ onlyWord, onlyPDF, differ []string }{
	"10": {nil, []string{"sp4/deliverables/table10.14/cat4/row4"},
		[]string{"sp4/deliverables/table10.14/cat4/row2", "sp4/deliverables/table10.14/cat4/row3"}},
	"24": {nil, nil, []string{"sp1/comp3/performance/story/table24.11", "sp2/lessons/table24.15", "sp3/result2/performance-target/table24.17"}},
	"29C": {[]string{"sp1/deliverables/table29C.6/cat2", "sp1/deliverables/table29C.6/cat2/row1"},
		[]string{"sp1/deliverables/table29C.6/cat1/row2"},
		[]string{"sp1/deliverables/table29C.6/cat1", "sp1/performance/story/table29C.2", "sp1/result1/performance-target/table29C.3",
			"sp1/result2/performance-target/table29C.4", "sp2/result1/performance-target/table29C.7",
			"sp3/result1/performance-target/table29C.10"}},
}

// TestWordPDFAgree: the Word original of each A/81/6 section gives the
// tree of its PDF: the same ids and kinds, the same budget counts, and
// the same normalized texts of headings, paragraphs, objectives, results,
// mandates and deliverables, page spans aside. The differences left are
// bounded by wordPDFGap and logged one by one.
func TestWordPDFAgree(t *testing.T) {
	for _, sect := range []string{"6", "10", "13", "24", "25", "29C"} {
		t.Run(sect, func(t *testing.T) {
			pdf := convertFile(t, "pdf/A_81_6_Sect."+sect+".pdf").Output
			word := convertFile(t, "docx/A_81_6_Sect."+sect+".docx").Output
			cp, cw := countBudget(pdf), countBudget(word)
			for col := range exactCounts {
				if cp[col] != cw[col] {
					t.Errorf("%s: Word %d, PDF %d", col, cw[col], cp[col])
				}
			}
			for col := range cp {
				if !exactCounts[col] && cp[col] != cw[col] {
					t.Logf("count %s: Word %d, PDF %d", col, cw[col], cp[col])
				}
			}
			// The front matter is compared by its masthead only: the PDF
			// wraps the title block and the contents into lines of its
			// own page width, which Word does not store.
			for _, out := range []*model.Output{pdf, word} {
				if len(out.Body) == 0 || out.Body[0].Kind != model.KindFrontMatter ||
					texts(out)["front/u1"] != "paragraph:United Nations A/81/6 (Sect. "+sect+")/Part A*" {
					t.Errorf("%s: the body does not open with front matter led by the masthead", out.Document.Source.Format)
				}
			}
			pdf, word = withoutFront(pdf), withoutFront(word)
			tp, tw := budgetTexts(pdf), budgetTexts(word)
			d := diffTexts(tw, tp)
			for _, id := range d.onlyA {
				t.Logf("only in Word: %s %.100q", id, tw[id])
			}
			for _, id := range d.onlyB {
				t.Logf("only in PDF: %s %.100q", id, tp[id])
			}
			for _, id := range d.differ {
				t.Logf("differs: %s\n  Word: %.200q\n  PDF:  %.200q", id, tw[id], tp[id])
			}
			gap := wordPDFGaps[sect]
			t.Logf("Sect. %s: %d nodes in both; %d only in Word, %d only in PDF, %d texts differ",
				sect, len(tp)-len(d.onlyB), len(d.onlyA), len(d.onlyB), len(d.differ))
			for _, c := range []struct {
				what      string
				got, want []string
			}{{"only in Word", d.onlyA, gap.onlyWord}, {"only in PDF", d.onlyB, gap.onlyPDF}, {"texts differ", d.differ, gap.differ}} {
				got, want := slices.Sorted(slices.Values(c.got)), slices.Sorted(slices.Values(c.want))
				if !slices.Equal(got, want) {
					t.Errorf("%s: %q, known %q", c.what, got, want)
				}
			}
		})
	}
}

// TestA80Sections: the six A/80/6 Word files are full sections (parts A
// and B): each gives the current-format tree with section A, its
// subprogrammes and results, and section B (the resources) with its
// tables. Subprogrammes and results of Sect. 10 and 29C were counted by
// hand in the documents (the "Subprogramme N" and "Result N:" headings of
// part A, and Sect. 10's one unlabelled planned result of subprogramme 4).
func TestA80Sections(t *testing.T) {
	hand := map[string][2]int{"10": {4, 10}, "29C": {3, 9}}
	for _, sect := range []string{"6", "10", "13", "24", "25", "29C"} {
		t.Run(sect, func(t *testing.T) {
			out := convertFile(t, "docx/A_80_6_Sect."+sect+".docx").Output
			var top []string
			for _, n := range out.Body {
				if n.Kind == model.KindSection {
					top = append(top, n.ID)
				}
			}
			if strings.Join(top, " ") != "secA secB" {
				t.Errorf("top-level sections %v, want secA secB", top)
			}
			tables := 0
			for _, n := range out.Body {
				if n.ID == "secB" {
					model.Walk(n.Children, func(c *model.Node) {
						if c.Kind == model.KindTable {
							tables++
						}
					})
				}
			}
			if tables == 0 {
				t.Error("section B holds no table")
			}
			c := countBudget(out)
			if h, ok := hand[sect]; ok {
				if c["subprogrammes"] != h[0] {
					t.Errorf("%d subprogrammes, %d by hand", c["subprogrammes"], h[0])
				}
				if c["results"] != h[1] {
					t.Errorf("%d results, %d by hand", c["results"], h[1])
				}
			}
			t.Logf("Sect. %s: %d subprogrammes, %d results, %d tables in section B", sect, c["subprogrammes"], c["results"], tables)
		})
	}
}
