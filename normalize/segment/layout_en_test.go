package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// TestLaidOutBudget: rules for a budget section laid out in cells or
// marked with headings by its source (Word, HTML), read with the English
// budget vocabulary.
func TestLaidOutBudget(t *testing.T) {
	v, err := LoadVocab("en-budget")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, input string
		want        []string
	}{{
		name: "mandate number cell takes the title cell of its row",
		input: `@{h1} Legislative mandates
General Assembly resolutions
@{cell 1 1 1} 319 A (IV)
@{cell 1 1 2} Refugees and stateless persons
@{cell 1 2 1} 50/152; 53/125
@{cell 1 2 2} Office of the United Nations High Commissioner for Refugees
@{cell 1 3 1} 70/1 Transforming our world
@{cell 1 3 2} A second cell after a titled number
Conventions and conference declarations
@{cell 2 1 1} Convention relating to the Status of Refugees, 1951
@{cell 2 2 1} Cartagena Declaration on Refugees, 1984`,
		want: []string{
			"heading mandates=Legislative mandates",
			"mandate 319A(IV)=Refugees and stateless persons",
			"mandate 50/152=Office of the United Nations High Commissioner for Refugees",
			"mandate 53/125=Office of the United Nations High Commissioner for Refugees",
			"mandate 70/1=Transforming our world",
			"mandate =A second cell after a titled number",
			"mandate =Convention relating to the Status of Refugees, 1951",
			"mandate =Cartagena Declaration on Refugees, 1984",
		},
	}, {
		name: "a table's title marked as a heading like its caption",
		input: `@{h1} Deliverables
25.26 Table 25.1 lists all deliverables of UNHCR.
@{h2} Table 25.1
@{h2} Deliverables for the period 2025–2027, by category and subcategory
@{cell 1 1 1 th} Category and subcategory
@{cell 1 1 2 th} 2025 planned
@{cell 1 2 1} A. Facilitation of the intergovernmental process and expert bodies
@{cell 1 3 1} Parliamentary documentation (number of documents)
@{cell 1 3 2} 34`,
		want: []string{"heading deliverables=Deliverables", "paragraph p25.26=Table 25.1 lists all deliverables of UNHCR. (0 items)", "deliverables table25.1=Deliverables for the period 2025–2027, by category and subcategory"},
	}, {
		name: "the footnote rule ends a paragraph",
		input: `@{h1} Deliverables
25.3 To contribute to the objective, UNHCR will:
(a) Respond to crises;
(b) Support implementation of the Global Compact on Refugees;
__________________
1 Other persons of concern include asylum-seekers.
(c) Enhance the protection of internally displaced persons.`,
		want: []string{"heading deliverables=Deliverables",
			"paragraph p25.3=To contribute to the objective, UNHCR will: (2 items)",
			"paragraph u1=__________________ 1 Other persons of concern include asylum-seekers. (c) Enhance the protection of internally displaced persons. (0 items)"},
	}, {
		name: "section B follows on from A after the subprogrammes closed it",
		input: `A. Proposed programme plan for 2026 and programme performance in 2024
Subprogramme 1
Least developed countries
Subprogramme 2
Landlocked developing countries
B. Proposed post and non-post resource requirements for 2026`,
		want: []string{"section secA=Proposed programme plan for 2026 and programme performance in 2024",
			"subprogramme sp1=Least developed countries", "subprogramme sp2=Landlocked developing countries",
			"section secB=Proposed post and non-post resource requirements for 2026"},
	}, {
		name: "a heading of another level after a caption is no title",
		input: `@{h2} Table 3
@{h1} Legislative mandates
@{cell 1 1 1} a
@{cell 1 1 2} b`,
		want: []string{"table table3=", "heading mandates=Legislative mandates", "paragraph u1=a b (0 items)"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Segment(splitLines(c.input), v)
			var got []string
			model.Walk(res.Body, func(n *model.Node) {
				switch n.Kind {
				case model.KindSection, model.KindSubprogramme:
					got = append(got, n.Kind+" "+n.ID+"="+n.Title)
				case model.KindTable, model.KindDeliverables, model.KindHeading:
					got = append(got, n.Kind+" "+n.ID[strings.LastIndex(n.ID, "/")+1:]+"="+n.Title)
				case model.KindParagraph:
					got = append(got, fmt.Sprintf("paragraph %s=%s (%d items)", n.ID[strings.LastIndex(n.ID, "/")+1:], n.Text, len(n.Items)))
				}
				for _, g := range n.Groups {
					for _, it := range g.Items {
						got = append(got, "mandate "+it.Number+"="+it.Title)
					}
				}
			})
			if g, w := strings.Join(got, "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("got\n%s\nwant\n%s", g, w)
			}
		})
	}
}
