package segment

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
	"golang.org/x/tools/txtar"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

var update = flag.Bool("update", false, "rewrite the want.json sections of testdata/*.txtar")

func zhVocab(t testing.TB) *Vocab {
	t.Helper()
	v, err := LoadVocab("zh-programme-plan")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// splitLines makes a case's input into lines. A line may start with layout
// hints, as an extractor would attach them: "@{h3} " (a heading of level
// 3), "@{b} " (bold), "@{cell T R C} " (table T, row R, column C) with
// " th" before the brace for a header cell, "@{form} " (form-field text).
func splitLines(s string) []extract.Line {
	var ls []extract.Line
	for i, t := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		l := extract.Line{Text: t, N: i + 1}
		if strings.HasPrefix(t, "@{") {
			end := strings.Index(t, "} ")
			if end < 0 {
				panic("unclosed hint in " + t)
			}
			f := strings.Fields(t[2:end])
			l.Text = t[end+2:]
			switch f[0] {
			case "h1", "h2", "h3", "h4", "h5", "h6":
				l.Heading = int(f[0][1] - '0')
			case "b":
				l.Bold = true
			case "form":
				l.FormField = true
			case "cell":
				l.Table, l.Row, l.Col = atoi(f[1]), atoi(f[2]), atoi(f[3])
				l.HeaderCell = len(f) > 4 && f[4] == "th"
			default:
				panic("unknown hint " + f[0])
			}
		}
		ls = append(ls, l)
	}
	return ls
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

// TestCases runs every testdata/*.txtar: the body segmented from input.txt
// (with the vocabulary named in vocab.txt, the Chinese programme plan's if
// there is none) must equal want.json. go test -update rewrites want.json after a
// deliberate change, so that the diff shows in review.
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar cases")
	}
	v := zhVocab(t)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input, wantOutline []byte
			wantIdx := -1
			cv := v
			for i, f := range ar.Files {
				switch f.Name {
				case "vocab.txt": // another vocabulary than the Chinese programme plan's
					if cv, err = LoadVocab(strings.TrimSpace(string(f.Data))); err != nil {
						t.Fatal(err)
					}
				case "input.txt":
					input = f.Data
				case "want.json":
					wantIdx = i
				case "outline.txt":
					wantOutline = f.Data
				}
			}
			if input == nil {
				t.Fatal("no input.txt section")
			}
			res := Segment(splitLines(string(input)), cv)
			// outline.txt is written by hand and never rewritten by -update.
			if wantOutline != nil {
				if got := outline(res); got != string(wantOutline) {
					t.Errorf("outline differs from outline.txt (written by hand)\n--- got\n%s--- want\n%s", got, wantOutline)
				}
			}
			got, err := json.MarshalIndent(struct {
				Body        []*model.Node      `json:"body"`
				References  []model.Reference  `json:"references"`
				Diagnostics []model.Diagnostic `json:"diagnostics"`
			}{res.Body, res.References, res.Diagnostics}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want.json"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = got
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatal("no want.json section (run go test -update)")
			}
			if want := ar.Files[wantIdx].Data; !bytes.Equal(got, want) {
				t.Errorf("segmentation differs from want.json\n--- got\n%s\n--- want\n%s", got, want)
			}
		})
	}
}

func TestGate(t *testing.T) {
	v := zhVocab(t)
	if v.gate.all {
		t.Fatalf("the vocabulary's patterns should all be gated by first rune: %v", v.gate.ranges)
	}
	for _, s := range []string{"第一章", "A. 概述", "方案 8", "次级方案 2", "构成部分 1", "12. 文本", "表 1", "图一", "总方向", "本组织目标：x", "秘书处预期成绩 绩效指标", "大会决议", "69/137 标题"} {
		if !v.gate.open(s) {
			t.Errorf("gate closed for %q", s)
		}
		if programmePlan.match(v, &line{src: &extract.Line{}, text: s}).kind == kNone {
			t.Errorf("no match for %q", s)
		}
	}
	for _, s := range []string{"该方案还将", "“小岛屿", "(a) 文本", "㈠ 文本"} {
		if v.gate.open(s) {
			t.Errorf("gate open for %q", s)
		}
	}
}

// TestGateSeal checks that a sealed gate (ranges sorted and merged, searched
// by halves) opens for the same first runes as the ranges as added, on every
// rune, for the gates of both bundled vocabularies.
func TestGateSeal(t *testing.T) {
	for _, name := range []string{"zh-programme-plan", "en-budget"} {
		v, err := LoadVocab(name)
		if err != nil {
			t.Fatal(err)
		}
		gates := []*gate{&v.gate}
		for _, p := range []*pattern{&v.re.chapter, &v.re.section, &v.re.programme, &v.re.subprogramme, &v.re.component,
			&v.re.paragraph, &v.re.paragraphDotted, &v.re.table, &v.re.figure, &v.re.mandate, &v.re.result} {
			gates = append(gates, &p.gate)
		}
		for k, g := range gates {
			if !g.sealed && len(g.ranges) > 0 {
				t.Errorf("%s: gate %d not sealed", name, k)
			}
			// the same set of ranges, unsealed, in the order added and
			// overlapping: reversed and each range given twice
			raw := gate{all: g.all}
			for i := len(g.ranges) - 2; i >= 0; i -= 2 {
				raw.ranges = append(raw.ranges, g.ranges[i], g.ranges[i+1], g.ranges[i], g.ranges[i+1])
			}
			sealed := gate{all: g.all, ranges: slices.Clone(raw.ranges)}
			sealed.seal()
			for r := rune(0); r <= unicode.MaxRune; r++ {
				if !utf8.ValidRune(r) {
					continue
				}
				s := string(r) + "x"
				if a, b := raw.open(s), sealed.open(s); a != b || g.open(s) != a {
					t.Fatalf("%s: gate %d: first rune %U: unsealed %v, sealed %v, vocabulary's %v", name, k, r, a, b, g.open(s))
				}
			}
		}
	}
}

// TestGateSealRandom seals random sets of overlapping, touching and nested
// ranges and checks every rune of their span against the unsealed gate.
func TestGateSealRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var raw gate
		for range 1 + rng.IntN(20) {
			lo := rune(rng.IntN(300))
			raw.ranges = append(raw.ranges, lo, lo+rune(rng.IntN(12)))
		}
		sealed := gate{ranges: slices.Clone(raw.ranges)}
		sealed.seal()
		for r := rune(0); r < 330; r++ {
			s := string(r)
			if raw.open(s) != sealed.open(s) {
				t.Fatalf("ranges %v, sealed %v: rune %d: unsealed %v", raw.ranges, sealed.ranges, r, raw.open(s))
			}
		}
	}
}

// TestResultsFromCells: with layout (PDF, HTML), the column of each line
// decides which cell it belongs to, even when a line looks like a marker
// of the other column.
func TestResultsFromCells(t *testing.T) {
	cell := func(n, row, col int, text string) extract.Line {
		return extract.Line{N: n, Page: 1, Table: 1, Row: row, Col: col, Text: text}
	}
	lines := []extract.Line{
		{N: 1, Text: "次级方案 2"},
		{N: 2, Text: "内陆发展中国家"},
		cell(3, 1, 1, "秘书处预期成绩"), cell(4, 1, 2, "绩效指标"),
		cell(5, 2, 1, "(a) 《维也纳行动纲领》得到及时有效的"),
		cell(6, 2, 1, "执行"),
		cell(7, 2, 2, "(a) 将《维也纳行动纲领》纳入其国家发"),
		cell(8, 2, 2, "展战略主流的内陆发展中国家数量增加"),
		cell(9, 1, 1, "秘书处预期成绩"), cell(10, 1, 2, "绩效指标"),
		cell(11, 2, 1, "(b) 切实参与国际贸易体系的能力"),
		cell(12, 2, 2, "(b) ㈠ 贸易便利"),
		cell(13, 2, 2, "化专门举措数量增加"),
		cell(14, 2, 2, "㈡ 专门举措"),
		cell(15, 2, 1, "得到提高"),
		{N: 16, Text: "战略"},
	}
	res := Segment(lines, zhVocab(t))
	var got []string
	model.Walk(res.Body, func(n *model.Node) {
		for _, a := range n.Accomplishments {
			got = append(got, a.ID+"="+a.Text)
			for _, ind := range a.Indicators {
				got = append(got, ind.ID+"="+ind.Text)
			}
		}
	})
	want := []string{
		"sp2/results/a=《维也纳行动纲领》得到及时有效的执行",
		"sp2/results/a/1=将《维也纳行动纲领》纳入其国家发展战略主流的内陆发展中国家数量增加",
		"sp2/results/b=切实参与国际贸易体系的能力得到提高",
		"sp2/results/b/i=贸易便利化专门举措数量增加",
		"sp2/results/b/ii=专门举措",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDisplayWidth checks displayWidth on every rune, alone and after
// others, against the widths rune by rune: CJK ideographs, Hangul and
// full-width forms count two columns, the rest by their East Asian width.
func TestDisplayWidth(t *testing.T) {
	runeWidth := func(r rune) int {
		switch {
		case r < 0x1100:
			return 1
		case r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFF01 && r <= 0xFF60:
			return 2
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			return 2
		}
		return 1
	}
	if got := displayWidth("a\xff名\xe4\xb8"); got != 6 {
		t.Errorf("displayWidth with invalid bytes = %d, want 6 (one column per invalid byte)", got)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "a" + string(r) + "名"
		if got, want := displayWidth(s), 1+runeWidth(r)+2; got != want {
			t.Fatalf("displayWidth(%+q) = %d, want %d", s, got, want)
		}
	}
}

// TestHeadingGate checks Vocab.heading, which runs a heading's pattern only
// when its gate opens for the line's first rune, against the patterns run
// on every line: on the seed's lines, on the headings themselves, and on
// every first rune before the text of a heading.
func TestHeadingGate(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"zh-programme-plan", "en-budget"} {
		v, err := LoadVocab(name)
		if err != nil {
			t.Fatal(err)
		}
		slow := func(s string) *HeadingWord {
			for i := range v.Headings {
				h := &v.Headings[i]
				if h.pat == nil && s == h.Title || h.pat != nil && h.pat.re.MatchString(s) {
					return h
				}
			}
			return nil
		}
		lines := strings.Split(string(seed), "\n")
		lines = append(lines, "2025年方案执行情况", "2026 年计划成果", "Programme performance in 2025", "Planned result for 2026",
			"Adjustments arising from the UN80 Initiative", "Strategy and external factors for 2026")
		matched := 0
		for _, l := range lines {
			if got, want := v.heading(l), slow(l); got != want {
				t.Fatalf("%s: heading(%q) = %v, the patterns say %v", name, l, got, want)
			}
			if v.heading(l) != nil && v.heading(l).pat != nil {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("%s: no line matched a heading pattern: the test checks too little", name)
		}
		for r := rune(0); r <= 0x3100; r++ {
			for _, rest := range []string{"025年方案执行情况", "rogramme performance in 2025", ""} {
				s := string(r) + rest
				if got, want := v.heading(s), slow(s); got != want {
					t.Fatalf("%s: heading(%q) = %v, the patterns say %v", name, s, got, want)
				}
			}
		}
	}
}

// TestRequiredLiteral checks the literal a pattern's matches must hold, by
// hand, and that the vocabulary patterns, with their gates and literals,
// find what the regular expressions alone find on every line of the seed
// and of the English budget section.
func TestRequiredLiteral(t *testing.T) {
	for _, c := range []struct{ pattern, want string }{
		{`^\d{4}\s*年计划成果$`, "年计划成果"},
		{`^Planned result for \d{4}$`, "Planned result for "},
		{`^(\d{1,3})\.(?:\s+(\S.*))?$`, "."},
		{`^(?i:planned) results$`, " results"},
		{`(?i)^planned$`, ""},
		{`^a|bc`, ""},
		{`^(ab)c?`, ""},
		{`abc`, "abc"},
		{`(`, ""},
	} {
		if got := requiredLiteral(c.pattern); got != c.want {
			t.Errorf("requiredLiteral(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
	var lines []string
	for _, f := range []string{"../../testdata/seed.txt", "../../testdata/pdf/A_81_6_Sect.10.pdftotext.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, name := range []string{"zh-programme-plan", "en-budget"} {
		v, err := LoadVocab(name)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, p := range []*pattern{&v.re.chapter, &v.re.section, &v.re.programme, &v.re.subprogramme, &v.re.component,
			&v.re.paragraph, &v.re.paragraphDotted, &v.re.table, &v.re.figure, &v.re.mandate, &v.re.result} {
			if p.re == nil {
				continue
			}
			for _, l := range lines {
				l = strings.TrimSpace(normalize.Fold(l))
				got, want := p.find(l), p.re.FindStringSubmatch(l)
				if !slices.Equal(got, want) {
					t.Fatalf("%s: %s: find(%q) = %q, the pattern alone %q", name, p.re, l, got, want)
				}
				if got != nil {
					found++
				}
			}
		}
		if found < 100 {
			t.Errorf("%s: only %d lines matched a pattern: the test checks too little", name, found)
		}
	}
}

// TestTrimSpace checks trimSpace against strings.TrimSpace on every line of
// the seed, on every rune at either end of a line, and on every three bytes
// at its end.
func TestTrimSpace(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	check := func(s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%+q) = %+q, want %+q", s, got, want)
		}
	}
	for _, l := range strings.Split(string(b), "\n") {
		check(l)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		check(c)
		check(c + "名")
		check("名" + c)
		check("a" + c)
		check("名" + c + " \t ")
		check(c + "\r\n")
	}
	for c := range 256 {
		check("名" + string([]byte{byte(c)}) + " ")
		check(" \v" + string([]byte{byte(c)}))
	}
	for x := 0; x < 1<<24; x++ {
		e := string([]byte{byte(x >> 16), byte(x >> 8), byte(x)})
		check("名" + e)
		check(e)
	}
}
