package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// enCase is a budget section's lines (with the hints of splitLines) and
// what they must give, one string a line.
type enCase struct {
	name, input string
	want        []string
}

func enVocab(t *testing.T) *Vocab {
	t.Helper()
	v, err := LoadVocab("en-budget")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// runEnCases segments each case with the English budget vocabulary and
// compares what render makes of the result with the case's want.
func runEnCases(t *testing.T, cases []enCase, render func(*Result) []string) {
	v := enVocab(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(Segment(splitLines(c.input), v))
			if g, w := strings.Join(got, "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("got\n%s\nwant\n%s", g, w)
			}
		})
	}
}

// TestLaidOutBudget: rules for a budget section laid out in cells or
// marked with headings by its source (Word, HTML), read with the English
// budget vocabulary.
func TestLaidOutBudget(t *testing.T) {
	runEnCases(t, []enCase{{
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
	}}, func(res *Result) []string {
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
		return got
	})
}

// TestBudgetHeadings: the headings of a budget section's programme of
// work, read with the English budget vocabulary, as a Word file marks them
// (heading levels), as a PDF sets them (bold lines, wrapped) and as a text
// dump gives them (neither). Each line of want is a node's kind, full id
// and title or text.
func TestBudgetHeadings(t *testing.T) {
	runEnCases(t, []enCase{{
		// A/81/6 Sect. 10, 24, 25 …: "Programme performance in 2025" and
		// the title of the story it tells, then the story's paragraphs.
		name: "the story's title below programme performance (Word)",
		input: `@{h1} Programme performance in 2025
@{h2} Adoption of the Awaza Political Declaration
10.37 Mobilization of global support can help.
@{h1} Planned results for 2027`,
		want: []string{"heading performance «Programme performance in 2025»",
			"heading performance/story «Adoption of the Awaza Political Declaration»",
			"paragraph performance/story/p10.37 = Mobilization of global support can help.",
			"heading planned-results «Planned results for 2027»"},
	}, {
		name: "the story's title below programme performance (PDF, wrapped)",
		input: `@{b} Programme performance in 2025
@{b} Accelerated implementation and strengthened monitoring of the Doha Programme of Action
@{b} for the Least Developed Countries
10.24 Least developed countries continue to face overlapping crises.`,
		want: []string{"heading performance «Programme performance in 2025»",
			"heading performance/story «Accelerated implementation and strengthened monitoring of the Doha Programme of Action for the Least Developed Countries»",
			"paragraph performance/story/p10.24 = Least developed countries continue to face overlapping crises."},
	}, {
		name: "the story's title below programme performance (text dump)",
		input: `Programme performance in 2025
Accelerated implementation and strengthened monitoring of the Doha Programme of Action
for the Least Developed Countries
10.24 Least developed countries continue to face overlapping crises.`,
		want: []string{"heading performance «Programme performance in 2025»",
			"heading performance/story «Accelerated implementation and strengthened monitoring of the Doha Programme of Action for the Least Developed Countries»",
			"paragraph performance/story/p10.24 = Least developed countries continue to face overlapping crises."},
	}, {
		// A/81/6 and A/80/6 Sect. 6, A/80/6 Sect. 25: a section without
		// subprogrammes prints the programme's title where a subprogramme's
		// heading would be
		name: "the programme's title after programme of work (Word)",
		input: `@{h1} Programme of work
@{h1} Peaceful uses of outer space
@{h1} Objective
6.3 The objective, to which this programme contributes, is to strengthen international cooperation.`,
		want: []string{"heading programme-of-work «Programme of work»",
			"heading programme-of-work/title «Peaceful uses of outer space»",
			"objective objective = to strengthen international cooperation."},
	}, {
		name: "the programme's title after programme of work (text dump)",
		input: `Programme of work
Peaceful uses of outer space
Objective
6.3 The objective, to which this programme contributes, is to strengthen international cooperation.`,
		want: []string{"heading programme-of-work «Programme of work»",
			"heading programme-of-work/title «Peaceful uses of outer space»",
			"objective objective = to strengthen international cooperation."},
	}, {
		// A/80/6 Sect. 10, part B: the resources of subprogramme 1, whose
		// heading is no title of "Programme of work"
		name: "a subprogramme printed again after programme of work is no title",
		input: `A. Proposed programme plan for 2026 and programme performance in 2024
Subprogramme 1
Least developed countries
B. Proposed post and non-post resource requirements for 2026
@{h1} Programme of work
@{h1} Subprogramme 1
@{h1} Least developed countries
10.88 The proposed regular budget resources for 2026 amount to $2,966,500.`,
		want: []string{"section secA «Proposed programme plan for 2026 and programme performance in 2024»",
			"subprogramme sp1 «Least developed countries»",
			"section secB «Proposed post and non-post resource requirements for 2026»",
			"heading secB/programme-of-work «Programme of work»",
			"paragraph secB/programme-of-work/u1 = Subprogramme 1",
			"heading secB/h1 «Least developed countries»",
			"paragraph secB/h1/p10.88 = The proposed regular budget resources for 2026 amount to $2,966,500."},
	}, {
		// A/81/6 Sect. 24, subprogramme 1, component 1, result 3
		name: "a result's title over four bold lines (PDF)",
		input: `@{b} Result 3: Member States adopt counter-terrorism laws and implement measures that are
@{b} consistent with and are applied in a manner that fully respects the rights enshrined in the
@{b} Universal Declaration of Human Rights and their obligations under international human
@{b} rights law
@{b} Proposed programme plan for 2027
24.29 To advance full compliance with obligations under international law, the subprogramme acted.`,
		want: []string{"result result3 «Member States adopt counter-terrorism laws and implement measures that are consistent with and are applied in a manner that fully respects the rights enshrined in the Universal Declaration of Human Rights and their obligations under international human rights law»",
			"heading result3/plan «Proposed programme plan for 2027»",
			"paragraph result3/plan/p24.29 = To advance full compliance with obligations under international law, the subprogramme acted."},
	}, {
		// every new result of A/81/6 (and "… for 2026" in A/80/6) has
		// this heading where the others have "Programme performance in
		// 2025 and target for 2027"
		name: "a new result's proposed programme plan",
		input: `Result 3: least developed countries strengthen pathways for graduation
Proposed programme plan for 2027
10.30 As more least developed countries meet the graduation thresholds, the Assembly has acted.`,
		want: []string{"result result3 «least developed countries strengthen pathways for graduation»",
			"heading result3/plan «Proposed programme plan for 2027»",
			"paragraph result3/plan/p10.30 = As more least developed countries meet the graduation thresholds, the Assembly has acted."},
	}, {
		name: "a bold title wrapped in a PDF",
		input: `@{b} A. Proposed programme plan for 2027 and programme performance
@{b} in 2025
@{b} Overall orientation
@{b} Result 1: a new food stockholding mechanism to reduce food insecurity in least
@{b} developed countries
@{b} Programme performance in 2025 and target for 2027
10.26 The subprogramme’s work contributed to a call by Member States.`,
		want: []string{"section secA «Proposed programme plan for 2027 and programme performance in 2025»",
			"heading secA/orientation «Overall orientation»",
			"result secA/result1 «a new food stockholding mechanism to reduce food insecurity in least developed countries»",
			"heading secA/result1/performance-target «Programme performance in 2025 and target for 2027»",
			"paragraph secA/result1/performance-target/p10.26 = The subprogramme’s work contributed to a call by Member States."},
	}, {
		// A/81/6 and A/80/6 Sect. 10, subprogramme 4
		name: "one planned result, labelled",
		input: `@{h1} Planned result for 2027
@{h2} Result 1: strengthened integration of the three programmes of action
@{h2} Programme performance in 2025 and target for 2027
10.63 The subprogramme’s work contributed to four countries.`,
		want: []string{"heading planned-results «Planned result for 2027»",
			"result result1 «strengthened integration of the three programmes of action»",
			"heading result1/performance-target «Programme performance in 2025 and target for 2027»",
			"paragraph result1/performance-target/p10.63 = The subprogramme’s work contributed to four countries."},
	}, {
		// A/80/6 Sect. 10, subprogramme 4: the one result has no "Result 1:"
		name: "one planned result, unlabelled (Word)",
		input: `@{h1} Planned result for 2026
10.61 The planned result for 2026 is a new result.
@{h2} Strengthened integration of the three programmes of action
10.62 The Office amplifies the voices of the most vulnerable countries.`,
		want: []string{"heading planned-results «Planned result for 2026»",
			"paragraph planned-results/p10.61 = The planned result for 2026 is a new result.",
			"result result1 «Strengthened integration of the three programmes of action»",
			"paragraph result1/p10.62 = The Office amplifies the voices of the most vulnerable countries."},
	}, {
		// A/81/6 Sect. 29C (Office of Information and Communications
		// Technology): a lettered section numbers its paragraphs 29C.1 …
		name: "paragraph numbers of a lettered section",
		input: `Strategy and external factors for 2027
29C.9 With regard to inter-agency coordination, the Office will continue.
29C.10 In line with the recent guidance provided by Member States, the Office will act.
29C.11 The Office integrates a gender perspective.`,
		want: []string{"heading strategy «Strategy and external factors for 2027»",
			"paragraph strategy/p29C.9 = With regard to inter-agency coordination, the Office will continue.",
			"paragraph strategy/p29C.10 = In line with the recent guidance provided by Member States, the Office will act.",
			"paragraph strategy/p29C.11 = The Office integrates a gender perspective."},
	}}, func(res *Result) []string {
		var got []string
		model.Walk(res.Body, func(n *model.Node) {
			s := n.Kind + " " + n.ID
			if n.Title != "" {
				s += " «" + n.Title + "»"
			}
			if n.Text != "" {
				s += " = " + n.Text
			}
			got = append(got, s)
		})
		return got
	})
}

// TestPerformanceMeasureHeader: a performance measure's table (A/81/6,
// every section) heads its columns with years and kinds, "2023 (actual)"
// … "2027 (planned)". Word gives them as header cells; a PDF sets them in
// a smaller type on one line, above the cells layout found or as the first
// cell of them; a text dump on one line.
func TestPerformanceMeasureHeader(t *testing.T) {
	v := enVocab(t)
	cases := []struct {
		name, input string
		header      []string
		rows        [][]string
	}{{
		name: "Word",
		input: `Table 13.2
Performance measure
@{cell 1 1 1 th} 2023 (actual)
@{cell 1 1 2 th} 2024 (actual)
@{cell 1 1 3 th} 2025 (actual)
@{cell 1 2 1} Textile exports grew
@{cell 1 2 2} Contracts were signed
@{cell 1 2 3} A road map was developed`,
		header: []string{"2023 (actual)", "2024 (actual)", "2025 (actual)"},
		rows:   [][]string{{"Textile exports grew", "Contracts were signed", "A road map was developed"}},
	}, {
		name: "PDF, the header above the cells",
		input: `Table 13.2
Performance measure
2023 (actual) 2024 (actual) 2025 (actual)
@{cell 7 1 1} Textile exports
@{cell 7 1 1} grew
@{cell 7 1 2} Contracts were signed
@{cell 7 1 3} A road map was developed`,
		header: []string{"2023 (actual)", "2024 (actual)", "2025 (actual)"},
		rows:   [][]string{{"Textile exports grew", "Contracts were signed", "A road map was developed"}},
	}, {
		name: "PDF, the header in the first cell",
		input: `Table 29C.2
Performance measure
@{cell 3 1 1} 2023 (actual) 2024 (actual) 2025 (actual)
@{cell 3 2 1} 4 virtual sessions conducted
@{cell 3 2 2} 4 virtual sessions conducted
@{cell 3 2 3} 82 per cent of staff trained`,
		header: []string{"2023 (actual)", "2024 (actual)", "2025 (actual)"},
		rows:   [][]string{{"4 virtual sessions conducted", "4 virtual sessions conducted", "82 per cent of staff trained"}},
	}, {
		// A/81/6 Sect. 29C, tables 29C.7 and 29C.9: the header over the
		// cells, printed again where a page break cuts the table
		name: "PDF, the header again after a page break",
		input: `Table 29C.7
Performance measure
2023 (actual) 2024 (actual) 2025 (actual)
@{cell 11 1 1} Entities nominate members
@{cell 11 1 2} The group completed guidelines
@{cell 11 1 3} The board endorsed them
the guidelines on infrastructure
2023 (actual) 2024 (actual) 2025 (actual)
@{cell 12 1 1} for the working group
@{cell 12 1 2} as well as deployments
@{cell 12 1 3} at meetings`,
		header: []string{"2023 (actual)", "2024 (actual)", "2025 (actual)"},
		rows: [][]string{{"Entities nominate members", "The group completed guidelines", "The board endorsed them"},
			{"the guidelines on infrastructure", "", ""}, {"for the working group", "as well as deployments", "at meetings"}},
	}, {
		// A/81/6 Sect. 10, table 10.4: a year without a result is "–", a
		// cell so narrow that the PDF sets it against the next one
		name: "PDF, a year's dash against the next cell",
		input: `Table 10.4
Performance measure
@{cell 4 1 1} 2023 (actual) 2024 (actual) 2025 (actual) 2026 (planned) 2027 (planned)
@{cell 4 2 1} – Member States consider
@{cell 4 2 1} policy recommendations
@{cell 4 2 2} Member States adopt them
@{cell 4 2 3} Policies applied
@{cell 4 2 4} Policies reviewed`,
		header: []string{"2023 (actual)", "2024 (actual)", "2025 (actual)", "2026 (planned)", "2027 (planned)"},
		rows:   [][]string{{"–", "Member States consider policy recommendations", "Member States adopt them", "Policies applied", "Policies reviewed"}},
	}, {
		// A/81/6 Sect. 10, table 10.2: no cells found at all
		name: "PDF, no cells found",
		input: `Table 10.2
Performance measure
2023 (actual) 2024 (actual) 2025 (actual)
– – 28 least developed countries
improved their national monitoring`,
		header: []string{"2023 (actual)", "2024 (actual)", "2025 (actual)"},
		rows:   [][]string{{"–", "–", "28 least developed countries improved their national monitoring"}},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Segment(splitLines(c.input), v)
			var tab *model.Node
			model.Walk(res.Body, func(n *model.Node) {
				if n.Kind == model.KindTable {
					tab = n
				}
			})
			if tab == nil {
				t.Fatal("no table")
			}
			if fmt.Sprintf("%q %q", tab.Header, tab.Rows) != fmt.Sprintf("%q %q", c.header, c.rows) {
				t.Errorf("got header %q rows %q\nwant header %q rows %q", tab.Header, tab.Rows, c.header, c.rows)
			}
		})
	}
}
