package convert

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// sectFacts are facts of one A/81/6 section read by hand from
// `pdftotext -layout` of its PDF (poppler-utils 22.12), lines joined by
// hand; spaces pdftotext puts inside words ("micro -, small") are left
// out, as the Word original prints them. They check the golden files of
// the sections independently of the goldens themselves.
type sectFacts struct {
	// masthead: date (ISO), then part, section and programme as
	// "number title"
	date, part, section, programme string
	// objectives in printed order: the clause after "is", each found in
	// the objective's text
	objectives []string
	// results in printed order: "N: title"
	results []string
	// every table and figure caption: "label title" (the table's title
	// line(s) under "Table N.N", the figure's under "Figure N.I")
	captions []string
	// deliverable rows and items: "label|text|values" with the values as
	// printed, "–" for none, former values in brackets and marks left out
	deliverables []string
}

var handFacts = map[string]sectFacts{
	"6": {
		date: "2026-02-24", part: "II Political affairs", section: "6 Peaceful uses of outer space",
		programme:  "5 Peaceful uses of outer space",
		objectives: []string{"to strengthen international cooperation in the conduct of space activities for peaceful purposes and advance the use of space science and technology and their applications."},
		results: []string{
			"1: increased access to space",
			"2: greater access to space solutions, partnerships, capacity-building and involvement in governance of outer space activities",
			"3: increased use of space-based technology and data for disaster management and emergency response",
		},
		captions: []string{
			"6.1 Performance measure",
			"6.I Performance measure: number of satellites launched into outer space through the Access to Space for All initiative (cumulative)",
			"6.II Performance measure: number of Member States applying to become members of the Committee on the Peaceful Uses of Outer Space (annual)",
			"6.III Performance measure: number of Member States using space-based virtual replicas to support early warning, flood modelling or infrastructure risk assessments (annual)",
			"6.2 Deliverables for the period 2025–2027, by category and subcategory",
		},
		deliverables: []string{
			"6.2|Parliamentary documentation (number of documents)|105 103 84 95",
			"6.2|2. Meetings of the General Assembly|– – – –",
			"6.2|8. Intersessional consultations of the Committee on the Peaceful Uses of Outer Space, including its Scientific and Technical and Legal Subcommittees|3 10 3 10",
			"6.2|14. World Space Forum|3 – 3 3",
			"6.2|19. Publications on the Office’s activities and the Committee on the Peaceful Uses of Outer Space|6 5 1 2",
		},
	},
	"10": {
		date: "2026-02-19", part: "IV International cooperation for development",
		section:   "10 Least developed countries, landlocked developing countries and small island developing States",
		programme: "8 Least developed countries, landlocked developing countries and small island developing States",
		objectives: []string{
			"to eradicate poverty in the least developed countries and accelerate structural transformation of their economies, and to ensure effective graduation from the least developed country category.",
			"to advance sustainable and resilient development in landlocked developing countries characterized by structural transformation and growth of science, technology and innovation, by increased trade, trade facilitation and regional integration, by improved transit, transport and connectivity, and by enhanced adaptive capacity, strengthening resilience and reducing vulnerability to climate change and disasters",
			"to advance sustainable development and economic, social and environmental resilience in small island developing States.",
			"to advance the sustainable development priorities and the shared challenges of the least developed countries, landlocked developing countries and small island developing States.",
		},
		results: []string{
			"1: a new food stockholding mechanism to reduce food insecurity in least developed countries",
			"2: strengthened resilience to external shocks in the least developed countries",
			"3: least developing countries strengthen pathways for sustainable and irreversible graduation from the least developed country category",
			"1: strategic financing for development initiatives to enhance landlocked developing countries’ economic resilience",
			"2: advancement of freedom of transit issues for landlocked developing countries",
			"3: mainstreaming of the Awaza Programme of Action for Landlocked Developing Countries into national and sectoral development strategies, development cooperation frameworks and strategic plans",
			"1: data-driven decisions to address structural vulnerabilities and resilience of small island developing States",
			"2: small island developing States use the monitoring and reporting framework for the Antigua and Barbuda Agenda for Small Island Developing States to inform national planning strategies",
			"3: unlocking strategic partnerships to accelerate implementation of the Antigua and Barbuda Agenda for Small Island Developing States",
			"1: strengthened integration of the three programmes of action into relevant intergovernmental processes",
			"2: real-time analytics and monitoring of the three programmes of action to inform policy formulation, planning and decision-making",
		},
		captions: []string{
			"10.1 Cross-cutting deliverables for the period 2025–2027, by category and subcategory",
			"10.2 Performance measure", "10.3 Performance measure", "10.4 Performance measure",
			"10.I Performance measure: number of least developed countries using the Sustainable Graduation Support Facility to undertake assessments and develop strategies, plans and policies for sustainable and irreversible graduation (cumulative)",
			"10.5 Subprogramme 1: deliverables for the period 2025–2027, by category and subcategory",
			"10.6 Performance measure",
			"10.II Performance measure: foreign direct investment inflows to landlocked developing countries (annual)",
			"10.7 Performance measure",
			"10.III Performance measure: number of countries mainstreaming the Awaza Programme of Action for Landlocked Developing Countries into national development planning and monitoring processes (cumulative)",
			"10.8 Subprogramme 2: deliverables for the period 2025–2027, by category and subcategory",
			"10.9 Performance measure", "10.10 Performance measure", "10.11 Performance measure", "10.12 Performance measure",
			"10.13 Subprogramme 3: deliverables for the period 2025–2027, by category and subcategory",
			"10.IV Performance measure: number of least developed countries, landlocked developing countries and small island developing States integrating their programmes of action into the voluntary national reviews (cumulative)",
			"10.V Performance measure: number of country profiles with up-to-date, accessible data and number of views and downloads of data, data visualizations, dashboards or analytics from the data platform (annual)",
			"10.14 Subprogramme 4: deliverables for the period 2025–2027, by category and subcategory",
		},
		deliverables: []string{
			"10.5|Substantive services for meetings (number of three-hour meetings)|46 41 48 56",
			"10.5|5. Meetings of the midterm review of the Doha Programme of Action|– – – 10",
			"10.5|12. Least Developed Countries Future Forum to strengthen dialogue between researchers and policymakers|1 1 2 2",
			"10.5|Publications (number of publications)|2 – 1 1",
			"10.8|8. Expert group meetings on thematic issues such as structural economic transformation, digitalization, financing for development, trade facilitation measures and climate-resilient transport systems|2 2 4 4",
			"10.8|11. On strengthening of the participation of landlocked developing countries in relevant regional and bilateral cooperation frameworks and their accession to international conventions, and corridor development|1 1 1 1",
			"10.13|Technical materials (number of materials)|10 3 11 8",
			"10.13|16. On mainstreaming the Antigua and Barbuda Agenda for Small Island Developing States and related issues into the work of the United Nations system and enhancing the coherence of issues relating to small island developing States in United Nations processes|2 1 2 1",
		},
	},
	"13": {
		date: "2026-02-19", part: "IV International cooperation for development", section: "13 International Trade Centre",
		programme:  "10 Trade and development",
		objectives: []string{"to enhance inclusive and sustainable growth and development through trade and international business development for micro-, small and medium-sized enterprises in developing countries, especially the least developed countries, and countries with economies in transition, through increased business capacities of those enterprises to trade and through a conducive business environment and strengthened institutional ecosystems for those enterprises."},
		results: []string{
			"1: strengthened services provided by local business support organizations to small businesses to capitalize on the African Continental Free Trade Area",
			"2: transition of textile and clothing small and medium-sized enterprises in Africa and the Asia-Pacific region to sustainable operations",
			"3: strengthened export competitiveness of small and medium-sized enterprises from Eastern Europe and Central Asia",
		},
		captions: []string{
			"13.1 Performance measure",
			"13.I Performance measure: number of business support organizations that improved their African Continental Free Trade Area-related services and number of small businesses served by those business support organizations (cumulative)",
			"13.II Performance measure: number of jobs and sustainability initiatives in textile and clothing small and medium-sized enterprises in Africa and the Asia-Pacific region (cumulative)",
			"13.2 Performance measure",
			"13.3 Deliverables for the period 2025–2027, by category and subcategory",
		},
		deliverables: []string{
			"13.3|3. The Joint Advisory Group on the International Trade Centre and formal meetings of the Consultative Committee of the ITC trust fund|4 4 4 4",
			"13.3|Seminars, workshops and training events (number of days)|5000 3867 5000 4500",
			"13.3|9. Training events on trade intelligence, policy and strategy|1200 842 1200 1000",
			"13.3|12. SME Competitiveness Outlook flagship report|1 1 – 1",
			"13.3|14. Papers on trade-related subjects, such as inclusive and sustainable trade, trade and market intelligence, and the competitiveness of small and medium-sized enterprises (including women- or youth-led enterprises)|25 25 24 15",
		},
	},
	"24": {
		date: "2026-04-10", part: "VI Human rights and humanitarian affairs", section: "24 Human rights",
		programme: "20 Human rights",
		objectives: []string{
			"to advance the promotion and protection of all human rights through strengthened integration of all human rights into areas of work of the United Nations system.",
			"to advance the promotion and protection of the effective enjoyment by all of all human rights through the effective realization of the right to development.",
			"to advance the promotion and protection of the effective enjoyment by all of all human rights through increased knowledge, awareness and understanding.",
			"to advance the promotion and protection of the effective enjoyment of all human rights by all, in particular through support and advice to the human rights treaty bodies and by increasing awareness among national and international actors of the international human rights treaties and the work of treaty bodies.",
			"to advance the promotion and protection of the effective enjoyment by all of all human rights, through enhanced capacity-building, including through assistance to requesting Member States.",
			"to advance the promotion and protection of the effective enjoyment by all of all human rights, by providing strengthened support and advice to the Human Rights Council and its subsidiary bodies and mechanisms, including the Human Rights Council Advisory Committee, the special procedures, the universal periodic review and the complaint procedure.",
		},
		results: []string{
			"1: international human rights standards on economic, social and cultural rights are integrated into the development of State budgets",
			"2: increased promotion and protection of human rights in national policies and practices through the economic, social and cultural rights knowledge hub",
			"3: Member States adopt counter-terrorism laws and implement measures that are consistent with and are applied in a manner that fully respects the rights enshrined in the Universal Declaration of Human Rights and their obligations under international human rights law",
			"1: anti-corruption policies and practices to address the negative impact of corruption on the enjoyment of human rights",
			"2: strengthened promotion and protection of the right to development",
			"3: advancement of the promotion of the right to development at the regional and national levels",
			"1: young human rights defenders from Indigenous, minority and people of African descent communities deepen their understanding of human rights",
			"2: improved understanding by Member States and other stakeholders of the human rights implications of digital technologies",
			"3: Member States adopt and implement evidence-based anti-racism policies and action that strengthen equality, non-discrimination, tolerance and the enjoyment of all human rights",
			"1: increased international cooperation to support national mechanisms for implementation, reporting and follow-up",
			"2: improved access by State Parties and stakeholders to the recommendations of treaty bodies to facilitate their implementation",
			"3: one-stop shop for gaining access to information on the work of treaty bodies",
			"1: strengthened effectiveness of national human rights institutions in line with the Paris Principles",
			"2: increased technical cooperation to support Member States in the Caribbean Community in their efforts to promote, protect and fulfil human rights",
			"3: Member States and other stakeholders take action to address human rights situations at the country and regional levels",
			"1: enhanced contribution of national human rights institutions to the universal periodic review mechanism",
			"2: enhanced engagement of United Nations country teams with the universal periodic review mechanism",
			"3: improved access of persons with disabilities to the work of the Human Rights Council",
		},
		captions: []string{
			"24.1 Cross-cutting deliverables for the period 2025–2027, by category and subcategory",
			"24.2 Performance measure", "24.3 Performance measure", "24.4 Performance measure", "24.5 Performance measure",
			"24.6 Subprogramme 1 (a): deliverables for the period 2025–2027, by category and subcategory",
			"24.I Performance measure: number of Member States and stakeholders that have been certified to operationalize the right to development in the achievement of the Sustainable Development Goals, including for country-led voluntary national reviews (annual)",
			"24.7 Performance measure", "24.8 Performance measure", "24.9 Performance measure",
			"24.10 Subprogramme 1 (b): deliverables for the period 2025–2027, by category and subcategory",
			"24.11 Performance measure",
			"24.II Performance measure: number of fellows participating in training programmes for people of African descent, Indigenous Peoples and minorities (annual)",
			"24.12 Performance measure", "24.13 Performance measure",
			"24.14 Subprogramme 1 (c): deliverables for the period 2025–2027, by category and subcategory",
			"24.III Performance measure: number of lists of issues and lists of issues prior to reporting adopted by the treaty bodies (annual)",
			"24.IV Performance measure: number of countries that have shared practices on implementation, reporting and follow up to the international human rights mechanisms through the knowledge hub (cumulative)",
			"24.V Performance measure: number of users of the treaty body database (annual)",
			"24.15 Performance measure",
			"24.16 Subprogramme 2: deliverables for the period 2025–2027, by category and subcategory",
			"24.VI Performance measure: number of reports of investigations presented to the Human Rights Council (annual)",
			"24.VII Performance measure: number of national human rights institutions established or strengthened in line with the Paris Principles (cumulative)",
			"24.17 Performance measure", "24.18 Performance measure",
			"24.19 Subprogramme 3: deliverables for the period 2025–2027, by category and subcategory",
			"24.VIII Performance measure: number of communications and number of responses from Member States and other stakeholders",
			"24.IX Performance measure: number of written and oral submissions made by national human rights institutions during the universal periodic review (annual)",
			"24.X Performance measure: number of written submissions made by United Nations country teams during the universal periodic review (annual)",
			"24.XI Performance measure: number of meetings of the Human Rights Council accessible to persons with disabilities",
			"24.20 Subprogramme 4: deliverables for the period 2025–2027, by category and subcategory",
		},
		deliverables: []string{
			"24.1|Meetings of:|",
			"24.1|3. The Committee for Programme and Coordination|1 1 1 1",
			"24.1|5. The General Assembly (Third and Fifth Committees)|34 34 32 32",
			"24.1|Fact-finding, monitoring and investigation missions (number of missions)|3 13 3 5",
			"24.6|3. Meetings of the Human Rights Council: thematic plenary panel on human rights mainstreaming|1 1 1 1",
			"24.6|4. On human rights and the sustainable development agenda; and on environmental perspectives and human rights|2 2 2 2",
		},
	},
	"25": {
		date: "2026-02-20", part: "VI Human rights and humanitarian affairs",
		section:   "25 International protection, durable solutions and assistance to refugees",
		programme: "21 International protection, durable solutions and assistance to refugees",
		// up to the footnote mark "1" after "concern"
		objectives: []string{"to ensure international protection for refugees and other persons of concern"},
		results: []string{
			"1: increased prevalence of national and local partners in refugee response plans globally",
			"2: strengthened protection and access to services for refugees and asylum-seekers",
			"3: increased adherence to international conventions on statelessness",
		},
		captions: []string{
			"25.I Performance measure: number of Global Refugee Forum pledges (cumulative)",
			"25.II Performance measure: percentage of local and national operational partners in refugee response plans globally (as a proportion of all partners)",
			"25.III Performance measure: number of persons of concern who have created digital accounts through the Digital Gateway (cumulative)",
			"25.IV Performance measure: number of States that are signatories to the 1954 Convention relating to the Status of Stateless Persons and the 1961 Convention on the Reduction of Statelessness (cumulative)",
			"25.1 Deliverables for the period 2025–2027, by category and subcategory",
		},
		deliverables: []string{
			"25.1|2. Report of the Secretary-General to the General Assembly on assistance to refugees, returnees and displaced persons in Africa|1 – 1 1",
			"25.1|8. Documents and conference room papers for the Executive Committee and the Standing Committee|19 30 26 20",
			"25.1|Documentation services for meetings (thousands of words)|200 200 200 200",
			"25.1|15. On attaining a favourable protection environment, realizing rights in safe environments, empowering communities and securing solutions such as voluntary repatriation, local integration and resettlement|9 8 11 12",
			"25.1|Seminars, workshops and training events (number of days)|60 51 60 51",
		},
	},
	"29C": {
		date: "2026-03-13", part: "VIII Common support services", section: "29C Office of Information and Communications Technology",
		programme: "25 Management and support services",
		objectives: []string{
			"to enhance an innovative, secure, coherent and unified digital space for the United Nations.",
			"to ensure that the Secretariat benefits from resilient, secure and effective ICT services that enable consistent, reliable and modern digital operations across the Organization.",
			"to ensure the effective and efficient implementation of mandates by Secretariat entities.",
		},
		results: []string{
			"1: enhanced effectiveness in mandate delivery by leveraging generative artificial intelligence",
			"2: ethical and responsible use of artificial intelligence",
			"3: enable Secretariat entities to apply the information and communications technology strategy effectively for improved mandate delivery",
			"1: strengthened governance of technologies that support intergovernmental meetings",
			"2: reduced risks through cloud-based authentication for secure access",
			"3: reduced fragmentation and strengthened information and communications technology resilience, security and standardization of data centre infrastructure",
			"1: timely custom information technology solutions for mandate delivery",
			"2: information and communications technology solutions integrate artificial intelligence to assist in decision-making",
			"3: enhanced standards, security, multilingualism and accessibility of United Nations public information websites",
		},
		captions: []string{
			"29C.1 Cross-cutting deliverables for the period 2025–2027, by category and subcategory",
			"29C.2 Performance measure", "29C.3 Performance measure", "29C.4 Performance measure", "29C.5 Performance measure",
			"29C.6 Subprogramme 1: deliverables for 2027, by category and subcategory",
			"29C.I Performance measure: number of Wi-Fi incidents",
			"29C.7 Performance measure",
			"29C.II Performance measure: number of user workstations at Headquarters that have been migrated to cloud-based authentication (cumulative)",
			"29C.III Performance measure: number of entity-managed data centres or server rooms",
			"29C.8 Subprogramme 2: deliverables for the period 2025–2027, by category and subcategory",
			"29C.9 Performance measure", "29C.10 Performance measure", "29C.11 Performance measure",
			"29C.IV Performance measure: percentage of websites managed by the Office of Information and Communications Technology with enhanced accessibility and compliant with standards, security and multilingualism",
			"29C.12 Subprogramme 3: deliverables for 2027, by category and subcategory",
		},
		deliverables: []string{
			"29C.1|1. Report of the Secretary-General on the implementation of the information and communications technology strategy for the United Nations|– 1 – 1",
			"29C.1|Substantive services for meetings (number of three-hour meetings)|3 5 7 7",
			"29C.1|4. The Advisory Committee on Administrative and Budgetary Questions|1 2 3 3",
			"29C.8|Conference and secretariat services for meetings (number of three-hour meetings)|12700 13457 16651 18463",
			"29C.8|Meetings of intergovernmental and expert bodies|12700 13457 16651 18463",
		},
	},
}

// handFactGaps are, per section, the hand facts the PDF's tree is known
// to miss, by key; any other miss fails, and so does a listed miss that is
// gone (remove it here). Left: figure 10.II's caption followed by its unit
// line, the footnote mark glued to 24.I's caption ("stakeholdersa") and
// kept in the text of 29C.8's first row ("meetings)a").
var handFactGaps = map[string][]string{
	"10":  {"caption 10.II"},
	"24":  {"caption 24.I"},
	"29C": {"deliverable 29C.8|Conference and secretariat services for meetings (number of three-hour meetings)"},
}

// wordFactGaps is handFactGaps for the Word originals, which give the same
// facts (an independent check of the hand reading) but for the two glued
// footnote marks (24.I, 29C.8).
var wordFactGaps = map[string][]string{
	"24":  {"caption 24.I"},
	"29C": {"deliverable 29C.8|Conference and secretariat services for meetings (number of three-hour meetings)"},
}

// treeFacts renders a tree in the terms of sectFacts, keyed by what each
// fact is about.
func treeFacts(out *model.Output) map[string]string {
	m := map[string]string{}
	d := out.Document
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	div := func(p *model.Division) string {
		if p == nil {
			return "<nil>"
		}
		return p.Number + " " + p.Title
	}
	m["date"] = str(d.Date)
	if d.Budget != nil {
		m["part"], m["section"], m["programme"] = div(d.Budget.Part), div(d.Budget.Section), div(d.Budget.Programme)
	}
	objectives, results := 0, 0
	model.Walk(out.Body, func(n *model.Node) {
		switch n.Kind {
		case model.KindObjective:
			objectives++
			m["objective "+strconv.Itoa(objectives)] = canon(n.Text)
		case model.KindResult:
			results++
			num := n.ID[strings.LastIndex(n.ID, "result")+len("result"):]
			m["result "+strconv.Itoa(results)] = num + ": " + canon(n.Title)
		case model.KindTable, model.KindFigure, model.KindDeliverables:
			m["caption "+n.Label] = n.Label + " " + canon(n.Title)
		}
		if n.Kind != model.KindDeliverables {
			return
		}
		for _, c := range n.Categories {
			for _, r := range c.Rows {
				m["deliverable "+n.Label+"|"+canon(r.Text)] = values(r.Values)
				for _, it := range r.Items {
					m["deliverable "+n.Label+"|"+it.Label+". "+canon(it.Text)] = values(it.Values)
				}
			}
		}
	})
	return m
}

// TestUNHandFacts compares the PDF tree of each A/81/6 section, and the
// Word original's, with the facts read by hand in handFacts: masthead,
// objectives, results, every caption and some deliverable rows with their
// values.
func TestUNHandFacts(t *testing.T) {
	for _, file := range []string{"6.pdf", "10.pdf", "13.pdf", "24.pdf", "25.pdf", "29C.pdf",
		"6.docx", "10.docx", "13.docx", "24.docx", "25.docx", "29C.docx"} {
		sect, format, _ := strings.Cut(file, ".")
		known := handFactGaps[sect]
		if format == "docx" {
			known = wordFactGaps[sect]
		}
		t.Run(file, func(t *testing.T) {
			f := handFacts[sect]
			got := treeFacts(convertFile(t, format+"/A_81_6_Sect."+file).Output)
			var miss, missKeys []string
			check := func(key, want string, ok func(got string) bool) {
				if g, found := got[key]; !found || !ok(g) {
					miss = append(miss, fmt.Sprintf("%s\n  hand: %q\n  tree: %q", key, want, g))
					missKeys = append(missKeys, key)
				}
			}
			equal := func(want string) func(string) bool { return func(g string) bool { return g == want } }
			check("date", f.date, equal(f.date))
			check("part", f.part, equal(f.part))
			check("section", f.section, equal(f.section))
			check("programme", f.programme, equal(f.programme))
			for i, o := range f.objectives {
				check("objective "+strconv.Itoa(i+1), o, func(g string) bool { return strings.Contains(g, o) })
			}
			if got["objective "+strconv.Itoa(len(f.objectives)+1)] != "" {
				miss = append(miss, fmt.Sprintf("more than %d objectives", len(f.objectives)))
				missKeys = append(missKeys, "objectives")
			}
			for i, r := range f.results {
				check("result "+strconv.Itoa(i+1), r, equal(r))
			}
			if got["result "+strconv.Itoa(len(f.results)+1)] != "" {
				miss = append(miss, fmt.Sprintf("more than %d results", len(f.results)))
				missKeys = append(missKeys, "results")
			}
			captions := 0
			for k := range got {
				if strings.HasPrefix(k, "caption ") {
					captions++
				}
			}
			if captions != len(f.captions) {
				miss = append(miss, fmt.Sprintf("%d captions, %d by hand", captions, len(f.captions)))
				missKeys = append(missKeys, "captions")
			}
			for _, c := range f.captions {
				check("caption "+c[:strings.Index(c, " ")], c, equal(c))
			}
			for _, dl := range f.deliverables {
				p := strings.Split(dl, "|")
				vals := ""
				if p[2] != "" {
					vals = " " + p[2]
				}
				check("deliverable "+p[0]+"|"+p[1], vals, equal(vals))
			}
			for _, m := range miss {
				t.Logf("differs from the hand facts: %s", m)
			}
			t.Logf("%s: %d hand facts differ from the tree (%d known)", file, len(miss), len(known))
			slices.Sort(missKeys)
			if want := slices.Sorted(slices.Values(known)); !slices.Equal(missKeys, want) {
				t.Errorf("hand facts that differ:\n  %s\nknown:\n  %s", strings.Join(missKeys, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}
