package masthead

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// want is the part of Meta a case checks, with the budget flattened.
type want struct {
	Symbol, Organ, Body, Distribution, Date, Original string
	Session                                           string
	SessionNumber                                     int
	SessionDates, Agenda                              string
	Items, AgendaTitles, Title                        []string
	Adopted, Meeting                                  string
	// Part, Section, Programme, Subprogramme: "number|title", "" for none.
	Part, Section, Programme, Subprogramme string
	// StopAt is the first line of the body: every non-blank line before
	// it must be consumed, except the lines in Left, and nothing after it.
	StopAt string
	Left   []string
}

func got(m Meta) want {
	w := want{
		Symbol: m.Symbol, Organ: m.Organ, Body: m.Body, Distribution: m.Distribution, Date: m.Date,
		Original: m.OriginalLanguage, Session: m.Session, SessionNumber: m.SessionNumber,
		SessionDates: m.SessionDates, Agenda: m.Agenda, Items: m.AgendaItems,
		AgendaTitles: m.AgendaTitles, Title: m.Title, Adopted: m.Adopted, Meeting: m.Meeting,
	}
	if b := m.Budget; b != nil {
		div := func(d *Division) string {
			if d == nil {
				return ""
			}
			return d.Number + "|" + d.Title
		}
		w.Part, w.Section, w.Programme, w.Subprogramme = div(b.Part), div(b.Section), div(b.Programme), div(b.Subprogramme)
	}
	return w
}

// checkConsumed checks that Parse took every non-blank line before the
// line equal to stopAt (after trimming) and no other.
func checkConsumed(t *testing.T, lines []string, m Meta, stopAt string, left ...string) {
	t.Helper()
	var wantIdx []int
	stopped := false
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == stopAt {
			stopped = true
			break
		}
		if l != "" && !slices.Contains(left, l) {
			wantIdx = append(wantIdx, i)
		}
	}
	if !stopped {
		t.Fatalf("test case: no line %q in input", stopAt)
	}
	if !reflect.DeepEqual(m.Consumed, wantIdx) {
		t.Errorf("consumed lines\n got %v\nwant %v", m.Consumed, wantIdx)
	}
}

func compare(t *testing.T, g, w want) {
	t.Helper()
	w.StopAt, w.Left = "", nil
	if !reflect.DeepEqual(g, w) {
		gj, _ := json.MarshalIndent(g, "", "  ")
		wj, _ := json.MarshalIndent(w, "", "  ")
		t.Errorf("got\n%s\nwant\n%s", gj, wj)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// budget81 is what every A/81/6 section's masthead shares.
func budget81(symbol, date string) want {
	return want{
		Symbol: symbol, Organ: "General Assembly", Distribution: "General", Date: date,
		Original: "English", Session: "Eighty-first session", SessionNumber: 81,
		Agenda: "Items 138 and 139 of the preliminary list", Items: []string{"138", "139"},
		AgendaTitles: []string{"Proposed programme budget for 2027", "Programme planning"},
		Title:        []string{"Proposed programme budget for 2027"},
		StopAt:       "Contents",
	}
}

func with(w want, f func(*want)) want { f(&w); return w }

// TestRealMastheads reads the first-page lines of the six A/81/6 sections
// and of the seed (testdata/real, cut from `pdftotext -layout` and from
// undoc's own PDF extractor).
func TestRealMastheads(t *testing.T) {
	cases := []struct {
		file string
		want want
	}{
		{"A_81_6_Sect.6.layout.txt", with(budget81("A/81/6 (Sect. 6)/Part A", "2026-02-24"), func(w *want) {
			w.Part, w.Section, w.Programme = "II|Political affairs", "6|Peaceful uses of outer space", "5|Peaceful uses of outer space"
		})},
		{"A_81_6_Sect.10.layout.txt", with(budget81("A/81/6 (Sect. 10)/Part A", "2026-02-19"), func(w *want) {
			w.Part = "IV|International cooperation for development"
			w.Section = "10|Least developed countries, landlocked developing countries and small island developing States"
			w.Programme = "8|Least developed countries, landlocked developing countries and small island developing States"
		})},
		{"A_81_6_Sect.13.layout.txt", with(budget81("A/81/6 (Sect. 13)/Part A", "2026-02-19"), func(w *want) {
			w.Part, w.Section = "IV|International cooperation for development", "13|International Trade Centre"
			w.Programme, w.Subprogramme = "10|Trade and development", "6|Trade and development"
		})},
		{"A_81_6_Sect.24.layout.txt", with(budget81("A/81/6 (Sect. 24)/Part A", "2026-04-10"), func(w *want) {
			// pdftotext splits "programme" in the title block of this file.
			w.Title = []string{"Proposed program me budget for 2027"}
			w.Part, w.Section, w.Programme = "VI|Human rights and humanitarian affairs", "24|Human rights", "20|Human rights"
		})},
		{"A_81_6_Sect.25.layout.txt", with(budget81("A/81/6 (Sect. 25)/Part A", "2026-02-20"), func(w *want) {
			w.Part = "VI|Human rights and humanitarian affairs"
			w.Section = "25|International protection, durable solutions and assistance to refugees"
			w.Programme = "21|International protection, durable solutions and assistance to refugees"
		})},
		{"A_81_6_Sect.25.extract.txt", with(budget81("A/81/6 (Sect. 25)/Part A", "2026-02-20"), func(w *want) {
			w.Part = "VI|Human rights and humanitarian affairs"
			w.Section = "25|International protection, durable solutions and assistance to refugees"
			w.Programme = "21|International protection, durable solutions and assistance to refugees"
		})},
		{"A_81_6_Sect.29C.layout.txt", with(budget81("A/81/6 (Sect. 29C)/Part A", "2026-03-13"), func(w *want) {
			w.Part, w.Section = "VIII|Common support services", "29C|Office of Information and Communications Technology"
			w.Programme = "25|Management and support services"
		})},
		{"seed-chromium.layout.txt", want{
			Symbol: "A/70/6 (Introduction)", Organ: "大会", Body: "方案和协调委员会", Distribution: "General",
			Date: "2015-04-01", Original: "English", Session: "第五十五届会议", SessionNumber: 55,
			SessionDates: "2015年6月1日至26日", Agenda: "临时议程项目3(b)", Items: []string{"3(b)"},
			Title:  []string{"方案问题：2016-2017两年期拟议方案预算", "秘书长的报告"},
			StopAt: "第一章",
		}},
		{"seed-libreoffice.extract.txt", want{
			Symbol: "A/70/6 (Introduction)", Organ: "大会", Body: "方案和协调委员会", Distribution: "General",
			Date: "2015-04-01", Original: "English", Session: "第五十五届会议", SessionNumber: 55,
			SessionDates: "2015 年 6 月 1 日至 26 日", Agenda: "临时议程项目 3(b)", Items: []string{"3(b)"},
			Title:  []string{"方案问题：2016-2017 两年期拟议方案预算", "秘书长的报告"},
			StopAt: "第一章",
		}},
		{"seed-chromium.extract.txt", want{
			Symbol: "A/70/6 (Introduction)", Organ: "大会", Body: "方案和协调委员会", Distribution: "General",
			Date: "2015-04-01", Original: "English", Session: "第五十五届会议", SessionNumber: 55,
			SessionDates: "2015年6月1日至26日", Agenda: "临时议程项目3(b)", Items: []string{"3(b)"},
			Title:  []string{"方案问题：2016-2017两年期拟议方案预算", "秘书长的报告"},
			StopAt: "第一章",
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			lines := readLines(t, filepath.Join("testdata", "real", c.file))
			m := Parse(lines)
			compare(t, got(m), c.want)
			checkConsumed(t, lines, m, c.want.StopAt)
		})
	}
}

// TestCases runs testdata/cases/*.txtar: realistic mastheads written for
// these tests (each says which UN style it represents), input.txt parsed
// and compared with want.json.
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/cases/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/cases/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range ar.Files {
				files[f.Name] = string(f.Data)
			}
			var w want
			if err := json.Unmarshal([]byte(files["want.json"]), &w); err != nil {
				t.Fatalf("want.json: %v", err)
			}
			lines := strings.Split(strings.TrimRight(files["input.txt"], "\n"), "\n")
			m := Parse(lines)
			compare(t, got(m), w)
			checkConsumed(t, lines, m, w.StopAt, w.Left...)
		})
	}
}

// TestChineseFixtureMatchesEnglish parses the masthead of the constructed
// Chinese budget section (testdata/zh-budget-2020) and of the English PDF's
// first page: symbol, date, session, agenda items and the budget's numbers,
// from which ids are built, are the same; the language differs.
func TestChineseFixtureMatchesEnglish(t *testing.T) {
	zhAll := readLines(t, filepath.Join("..", "..", "testdata", "zh-budget-2020", "A_81_6_Sect.25.zh.txt"))
	var zh []string
	for i, l := range zhAll {
		if l == "" { // the end of the "#" header
			zh = zhAll[i+1:]
			break
		}
	}
	en := readLines(t, filepath.Join("testdata", "real", "A_81_6_Sect.25.extract.txt"))
	z, e := Parse(zh), Parse(en)
	if z.Budget == nil || e.Budget == nil {
		t.Fatalf("budget: zh %v, en %v", z.Budget, e.Budget)
	}
	type ids struct {
		Symbol, Date        string
		Session             int
		Items               []string
		Part, Section, Prog string
	}
	of := func(m Meta) ids {
		return ids{m.Symbol, m.Date, m.SessionNumber, m.AgendaItems, m.Budget.Part.Number, m.Budget.Section.Number, m.Budget.Programme.Number}
	}
	if !reflect.DeepEqual(of(z), of(e)) {
		t.Errorf("zh %+v\nen %+v", of(z), of(e))
	}
	if of(e).Part != "VI" || of(e).Section != "25" || of(e).Prog != "21" {
		t.Errorf("en budget numbers %+v", of(e))
	}
	if got := z.Budget.Section.Title; got != "难民的国际保护、持久解决办法和援助" {
		t.Errorf("zh section title %q", got)
	}
	if lz, le := Language(strings.Join(zhAll, "\n")), Language(strings.Join(en, "\n")); lz != "zh" || le != "en" {
		t.Errorf("Language: zh fixture %q, English page %q", lz, le)
	}
}
