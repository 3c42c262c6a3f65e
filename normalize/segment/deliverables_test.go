package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// deliverablesOutline renders the deliverables nodes of a segmentation,
// one line per column list, category, row, item and note, values as
// printed ("–" for null), footnote marks after "^".
func deliverablesOutline(res *Result) []string {
	var out []string
	vals := func(vs []*float64, notes []string) string {
		var b strings.Builder
		for _, v := range vs {
			if v == nil {
				b.WriteString(" –")
			} else {
				fmt.Fprintf(&b, " %g", *v)
			}
		}
		for _, n := range notes {
			b.WriteString(" ^" + n)
		}
		return b.String()
	}
	model.Walk(res.Body, func(n *model.Node) {
		if n.Kind != model.KindDeliverables {
			return
		}
		out = append(out, "title: "+n.Title, "columns: "+strings.Join(n.Columns, " | "))
		for _, c := range n.Categories {
			out = append(out, "cat "+c.Label+" "+c.Title)
			for _, r := range c.Rows {
				out = append(out, "  row "+r.Text+vals(r.Values, r.Footnotes))
				for _, it := range r.Items {
					out = append(out, "    item "+it.Label+" "+it.Text+vals(it.Values, it.Footnotes))
				}
			}
		}
		if n.Note != nil {
			out = append(out, "note: "+*n.Note)
		}
	})
	return out
}

// TestDeliverablesLayout: deliverables tables as the PDF layer gives them
// for the A/81/6 sections (cells, page breaks that leave a row's lines
// outside the table, footnotes under the table), each case shaped after
// lines of at least two real tables (named in the case).
func TestDeliverablesLayout(t *testing.T) {
	v, err := LoadVocab("en-budget")
	if err != nil {
		t.Fatal(err)
	}
	const head = `Table 13.3
Deliverables for the period 2025–2027, by category and subcategory
@{cell 1 1 1} Category and subcategory
@{cell 1 1 2} 2025
@{cell 1 1 2} planned
@{cell 1 1 3} 2025
@{cell 1 1 3} actual
@{cell 1 1 4} 2026
@{cell 1 1 4} planned
@{cell 1 1 5} 2027
@{cell 1 1 5} planned
`
	cases := []struct {
		name, input string
		want        []string
	}{{
		// Sect. 10 p. 10 (item 12) and p. 20 (item 16), Sect. 6 p. 8
		// (item 19): the last row of a page falls outside the table, the
		// item's last line carrying the values
		name: "an item's lines outside the table at a page foot",
		input: head + `@{cell 2 1 1} B. Generation and transfer of knowledge
@{cell 2 2 1} Seminars, workshops and training events (number of days)
@{cell 2 2 2} 3 2 3 3
@{cell 2 3 1} 11. Workshop on graduation
@{cell 2 3 2} 2 2 2 2
12. Least Developed Countries Future Forum to strengthen dialogue between researchers and
policymakers 1 1 2 2
@{cell 3 1 1} Technical materials (number of materials)
@{cell 3 1 2} 4 4 4 4`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat B Generation and transfer of knowledge",
			"  row Seminars, workshops and training events (number of days) 3 2 3 3",
			"    item 11 Workshop on graduation 2 2 2 2",
			"    item 12 Least Developed Countries Future Forum to strengthen dialogue between researchers and policymakers 1 1 2 2",
			"  row Technical materials (number of materials) 4 4 4 4"},
	}, {
		// Sect. 10 p. 16 (item 11): the first line at the head of a page,
		// outside the table, the rest in its first row
		name: "an item's first line outside the table at a page head",
		input: head + `@{cell 2 1 1} B. Generation and transfer of knowledge
@{cell 2 2 1} Seminars, workshops and training events (number of days)
@{cell 2 2 2} 3 2 3 3
11. On strengthening of the participation of landlocked developing countries in relevant regional
@{cell 3 1 1} and bilateral cooperation frameworks and their accession to international conventions, and
@{cell 3 1 1} corridor development
@{cell 3 1 2} 1 1 1 1`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat B Generation and transfer of knowledge",
			"  row Seminars, workshops and training events (number of days) 3 2 3 3",
			"    item 11 On strengthening of the participation of landlocked developing countries in relevant regional and bilateral cooperation frameworks and their accession to international conventions, and corridor development 1 1 1 1"},
	}, {
		// Sect. 24 (tables 24.1 and 24.6) and Sect. 29C (table 29C.1):
		// "Meetings of:" / "Reports to:" in one cell with their first item
		name: "a text row and its first item in one cell",
		input: head + `@{cell 2 1 1} A. Facilitation of the intergovernmental process and expert bodies
@{cell 2 2 1} Substantive services for meetings (number of three-hour meetings)
@{cell 2 2 2} 3 5 7 7
@{cell 2 3 1} Meetings of:
@{cell 2 3 1} 2. The Fifth Committee
@{cell 2 3 2} 1 2 3 3
@{cell 2 4 1} 3. The Committee for Programme and Coordination
@{cell 2 4 2} 1 1 1 1`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat A Facilitation of the intergovernmental process and expert bodies",
			"  row Substantive services for meetings (number of three-hour meetings) 3 5 7 7",
			"  row Meetings of:",
			"    item 2 The Fifth Committee 1 2 3 3",
			"    item 3 The Committee for Programme and Coordination 1 1 1 1"},
	}, {
		// the footnotes under the tables of Sect. 6, 10 (two), 13, 24 (in
		// cells: the mark in the first), and 29C (table 29C.8: one text line)
		name: "footnotes under the table are its note",
		input: head + `@{cell 2 1 1} D. Communication deliverables
@{cell 2 2 1} Digital platforms and multimedia content: websites and explainer videos on outer space.
@{cell 2 3 1} a
@{cell 2 3 2} Presented in A/80/6 (Sect. 10) as “7. Seminars on the support from development partners” and “8. Seminars in
@{cell 2 3 2} support of the Alliance of Small Island States”.
@{cell 2 4 1} b
@{cell 2 4 2} Reflects updated planned deliverables for 2026. Values in square brackets represent the number of planned deliverables
@{cell 2 4 2} reflected in A/80/6 (Sect. 10).`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat D Communication deliverables",
			"  row Digital platforms and multimedia content: websites and explainer videos on outer space.",
			"note: a Presented in A/80/6 (Sect. 10) as “7. Seminars on the support from development partners” and “8. Seminars in support of the Alliance of Small Island States”.\nb Reflects updated planned deliverables for 2026. Values in square brackets represent the number of planned deliverables reflected in A/80/6 (Sect. 10)."},
	}, {
		// Sect. 29C, table 29C.8: A then E, values with a space between
		// thousands, the footnote one text line
		name: "categories by their letters, thousands apart, a footnote line",
		input: head + `@{cell 2 1 1} A. Facilitation of the intergovernmental process and expert bodies
@{cell 2 1 1} Conference and secretariat services for meetings (number of three-hour meetings)a
@{cell 2 1 2} 12 700
@{cell 2 1 3} 13 457
@{cell 2 1 4} 16 651
@{cell 2 1 5} 18 463
E. Enabling deliverables
Information and communications technology: hardware and infrastructure, and software and applications; and advice and
support to users on ICT matters.
a The scope of services is limited to New York.`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat A Facilitation of the intergovernmental process and expert bodies",
			"  row Conference and secretariat services for meetings (number of three-hour meetings)a 12700 13457 16651 18463",
			"cat E Enabling deliverables",
			"  row Information and communications technology: hardware and infrastructure, and software and applications; and advice and support to users on ICT matters.",
			"note: a The scope of services is limited to New York."},
	}, {
		// a table that goes on after a footnote (a page's footnote set
		// under the part of the table on that page): a row of values is a
		// row, never footnote text
		name: "a row of values after a footnote is a row",
		input: head + `@{cell 2 1 1} B. Generation and transfer of knowledge
@{cell 2 2 1} Seminars, workshops and training events (number of days)a
@{cell 2 2 2} 3 2 3 3
@{cell 2 3 1} a
@{cell 2 3 2} Includes the workshops planned under the road map.
@{cell 3 1 1} Technical materials (number of materials)
@{cell 3 1 2} 4 4 4 4`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat B Generation and transfer of knowledge",
			"  row Seminars, workshops and training events (number of days)a 3 2 3 3",
			"  row Technical materials (number of materials) 4 4 4 4",
			"note: a Includes the workshops planned under the road map."},
	}, {
		// a text row's wrapped line may start like a footnote ("a United
		// Nations …"); a footnote starts after a row's end, with the
		// marks in order
		name: "no footnote inside a text row",
		input: head + `@{cell 2 1 1} C. Substantive deliverables
Consultation, advice and advocacy: advice to Member States on the establishment of
a United Nations system-wide approach to landlocked developing countries.
b Not a footnote: the first would be marked a.`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat C Substantive deliverables",
			"  row Consultation, advice and advocacy: advice to Member States on the establishment of a United Nations system-wide approach to landlocked developing countries.",
			"  row b Not a footnote: the first would be marked a."},
	}, {
		// the Word originals: the footnotes are paragraphs after the
		// table, one each (Sect. 10, table 10.13: a and b)
		name: "footnotes as paragraphs after the table",
		input: head + `@{cell 2 1 1} D. Communication deliverables
@{cell 2 2 1} Digital platforms and multimedia content: websites and explainer videos on outer space.
a Presented in A/80/6 (Sect. 10) as “7. Seminars on the support from development partners”.
b Reflects updated planned deliverables for 2026. Values in square brackets represent the number of planned deliverables reflected in A/80/6 (Sect. 10).`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat D Communication deliverables",
			"  row Digital platforms and multimedia content: websites and explainer videos on outer space.",
			"note: a Presented in A/80/6 (Sect. 10) as “7. Seminars on the support from development partners”.\nb Reflects updated planned deliverables for 2026. Values in square brackets represent the number of planned deliverables reflected in A/80/6 (Sect. 10)."},
	}, {
		// Sect. 29C, tables 29C.6 and 29C.12: only category E, under the
		// first column's header alone, outside the cells; a cell of words
		// beside E is text, not footnote marks
		name: "a table of category E only",
		input: `Table 29C.6
Deliverables for 2027, by category and subcategory
Category and subcategory
@{cell 1 1 1} E. Enabling deliverables
@{cell 1 1 2} Communication deliverables
Information and communications technology: ICT and information management policies and standards; enterprise
architecture and contract management of 107 enterprise-level ICT contracts.`,
		want: []string{"title: Deliverables for 2027, by category and subcategory", "columns: ",
			"cat E Enabling deliverables",
			"  row Communication deliverables",
			"  row Information and communications technology: ICT and information management policies and standards; enterprise architecture and contract management of 107 enterprise-level ICT contracts."},
	}, {
		// the Word originals of tables 29C.6 and 29C.12: without year
		// columns, the first row is the first column's header alone
		name: "a header row of one cell",
		input: `Table 29C.6
Deliverables for 2027, by category and subcategory
@{cell 1 1 1} Category and subcategory
@{cell 1 2 1} Communication deliverables
@{cell 1 3 1} E. Enabling deliverables
@{cell 1 4 1} Information and communications technology: ICT and information management policies and standards.`,
		want: []string{"title: Deliverables for 2027, by category and subcategory", "columns: ",
			"cat  ",
			"  row Communication deliverables",
			"cat E Enabling deliverables",
			"  row Information and communications technology: ICT and information management policies and standards."},
	}, {
		// Sect. 13 p. 9 (item 14), values printed "24 [26]a" after a page
		// foot; Sect. 10 (tables 10.8, 10.13) prints "3 [2]" in cells
		name: "a value with its former value in brackets and a mark",
		input: head + `@{cell 2 1 1} B. Generation and transfer of knowledge
@{cell 2 2 1} Technical materials (number of materials)
@{cell 2 2 2} 26 26 25 16
14. Papers on trade-related subjects, such as inclusive and sustainable trade, trade and market
intelligence, and the competitiveness of small and medium-sized enterprises (including
women- or youth-led enterprises) 25 25 24 [26]a 15`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned | 2027 planned",
			"cat B Generation and transfer of knowledge",
			"  row Technical materials (number of materials) 26 26 25 16",
			"    item 14 Papers on trade-related subjects, such as inclusive and sustainable trade, trade and market intelligence, and the competitiveness of small and medium-sized enterprises (including women- or youth-led enterprises) 25 25 24 15 ^[26]a"},
	}, {
		// a text dump of the PDF (pdftotext -layout of Sect. 13 and
		// Sect. 6): the header on two lines, the second led by the first
		// column's header and with a footnote mark; "Meetings of:" over a
		// wrapped item; thousands set apart by a space; the header again
		// after a page break; the footnote's mark on a line of its own
		// (so in Sect. 6, 13, 29C)
		name: "a layout text dump",
		input: `Table 13.3
Deliverables for the period 2025–2027, by category and subcategory

                                                                                                         2025    2025       2026      2027
Category and subcategory                                                                              planned   actual planned a planned


A. Facilitation of the intergovernmental process and expert bodies
    Substantive services for meetings (number of three-hour meetings)                                      8        8         8         8
    Meetings of:
    3. The Joint Advisory Group on the International Trade Centre and formal meetings of the
       Consultative Committee of the ITC trust fund                                                        4        4         4         4
    4. The Advisory Committee on Administrative and Budgetary Questions                                    1        1         1         1
B. Generation and transfer of knowledge
    Field and technical cooperation projects (number of projects)                                        145     146        145       145
    Seminars, workshops and training events (number of days)                                           5 000    3 867     5 000     4 500
    10. Training events on business support institutions and ecosystems                                  800     767        800       800

                                                                                                         2025    2025       2026      2027
Category and subcategory                                                                              planned   actual planned a planned

    11. Training events on value chains and sustainability                                             3 000    2 258     3 000     2 700
  a
      Reflects updated planned deliverables for 2026. Value in square brackets represents the number of planned deliverables
      reflected in A/80/6 (Sect. 13).`,
		want: []string{"title: Deliverables for the period 2025–2027, by category and subcategory",
			"columns: 2025 planned | 2025 actual | 2026 planned a | 2027 planned",
			"cat A Facilitation of the intergovernmental process and expert bodies",
			"  row Substantive services for meetings (number of three-hour meetings) 8 8 8 8",
			"  row Meetings of:",
			"    item 3 The Joint Advisory Group on the International Trade Centre and formal meetings of the Consultative Committee of the ITC trust fund 4 4 4 4",
			"    item 4 The Advisory Committee on Administrative and Budgetary Questions 1 1 1 1",
			"cat B Generation and transfer of knowledge",
			"  row Field and technical cooperation projects (number of projects) 145 146 145 145",
			"  row Seminars, workshops and training events (number of days) 5000 3867 5000 4500",
			"    item 10 Training events on business support institutions and ecosystems 800 767 800 800",
			"    item 11 Training events on value chains and sustainability 3000 2258 3000 2700",
			"note: a Reflects updated planned deliverables for 2026. Value in square brackets represents the number of planned deliverables reflected in A/80/6 (Sect. 13)."},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Segment(splitLines(c.input), v)
			got := deliverablesOutline(res)
			if len(got) == 0 {
				t.Log(outline(res))
			}
			if g, w := strings.Join(got, "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("got\n%s\nwant\n%s", g, w)
			}
		})
	}
}
