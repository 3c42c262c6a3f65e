package docx

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// The Word originals of the six A/81/6 sections, checked against the text
// pdftotext -layout gives for their PDFs (testdata/pdf/*.pdftotext.txt).

const testdata = "../../testdata/"

var unSections = []string{"6", "10", "13", "24", "25", "29C"}

func readUN(t testing.TB, sect string) (*Result, string) {
	t.Helper()
	b, err := os.ReadFile(testdata + "docx/A_81_6_Sect." + sect + ".docx")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(context.Background(), b, Options{})
	if err != nil {
		t.Fatalf("Sect. %s: %v", sect, err)
	}
	pdf, err := os.ReadFile(testdata + "pdf/A_81_6_Sect." + sect + ".pdftotext.txt")
	if err != nil {
		t.Fatal(err)
	}
	return res, string(pdf)
}

// paraNumbers lists the paragraph numbers of a section ("25.1", "29C.14")
// at the start of lines, in order.
func paraNumbers(sect string, lines []string) []string {
	re := regexp.MustCompile(`^\s*(` + regexp.QuoteMeta(sect) + `\.\d+)(\s|$)`)
	var out []string
	for _, l := range lines {
		if m := re.FindStringSubmatch(l); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// TestUNParagraphNumbers: the paragraph numbers read from Word are the
// ones printed in the PDF, in the same order.
func TestUNParagraphNumbers(t *testing.T) {
	for _, sect := range unSections {
		t.Run(sect, func(t *testing.T) {
			res, pdf := readUN(t, sect)
			var body []string
			for _, l := range res.Lines {
				if l.Table == 0 {
					body = append(body, l.Text)
				}
			}
			got := paraNumbers(sect, body)
			want := paraNumbers(sect, strings.Split(pdf, "\n"))
			if len(want) < 20 {
				t.Fatalf("only %d paragraph numbers in the PDF text", len(want))
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("paragraph numbers differ:\n docx %v\n  pdf %v", got, want)
			}
			t.Logf("Sect. %s: %d paragraph numbers agree", sect, len(got))
		})
	}
}

// TestUNListLabels: every line whose number Word computes from
// numbering.xml (the contents' "I." and "A.", list items) is printed the
// same in the PDF: its label and first words are in the pdftotext text.
func TestUNListLabels(t *testing.T) {
	total := 0
	for _, sect := range unSections {
		res, pdf := readUN(t, sect)
		flat := strings.Join(strings.Fields(pdf), " ")
		for _, n := range res.labeled {
			words := strings.Fields(res.Lines[n-1].Text)
			head := strings.Join(words[:min(len(words), 4)], " ")
			total++
			if !strings.Contains(flat, head) {
				t.Errorf("Sect. %s line %d: %q not in the PDF text", sect, n, head)
			}
		}
	}
	if total == 0 {
		t.Fatal("no computed labels in the six sections")
	}
	t.Logf("%d computed labels, all printed so in the PDFs", total)
}

// furniture matches the lines pdftotext prints for page furniture: page
// numbers with the job number, the bar code, running heads.
var furniture = regexp.MustCompile(`^\s*(\d+/\d+\s+\d\d-\d{5}|\d\d-\d{5}(\s+\(E\))?(\s+\d+/\d+|\s+\d{6})?|\*\d{7}\*|Part [IVX]+\s{3,}.*|Section \d+[A-Z]?\s{3,}.*)\s*$`)

// pdfText is the PDF's text without the running heads and footers: the
// first line of every page after the first, and the lines furniture
// matches.
func pdfText(pdf string) string {
	var b strings.Builder
	for i, page := range strings.Split(pdf, "\f") {
		first := i > 0
		for _, l := range strings.Split(page, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			if first {
				first = false
				continue
			}
			if furniture.MatchString(l) {
				continue
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// recall is the share of the characters (letters and digits, case folded)
// of want that got holds, counted as multisets, and the share of words.
func recall(got, want string) (chars, words float64) {
	count := func(s string) map[rune]int {
		m := map[rune]int{}
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				m[unicode.ToLower(r)]++
			}
		}
		return m
	}
	g, w := count(got), count(want)
	var hit, all int
	for r, n := range w {
		hit += min(n, g[r])
		all += n
	}
	chars = float64(hit) / float64(max(all, 1))
	wordsOf := func(s string) map[string]int {
		m := map[string]int{}
		for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[f]++
		}
		return m
	}
	gw, ww := wordsOf(got), wordsOf(want)
	hit, all = 0, 0
	for f, n := range ww {
		hit += min(n, gw[f])
		all += n
	}
	return chars, float64(hit) / float64(max(all, 1))
}

// TestUNRecall: the Word text holds (nearly) all the text of the PDF, page
// furniture aside. What Word does not give: the text of charts (axis
// labels and data labels: chart parts are not read), the masthead (a
// page header in Word), and the halves of words pdftotext breaks at a
// hyphen. Precision (the share of the Word text the PDF text holds) is
// logged too.
func TestUNRecall(t *testing.T) {
	for _, sect := range unSections {
		t.Run(sect, func(t *testing.T) {
			res, pdf := readUN(t, sect)
			var b strings.Builder
			for _, l := range res.Lines {
				b.WriteString(l.Text)
				b.WriteByte('\n')
			}
			want := pdfText(pdf)
			chars, words := recall(b.String(), want)
			back, _ := recall(want, b.String())
			t.Logf("Sect. %s: character recall %.4f, word recall %.4f, character precision %.4f (%d lines, %d links)", sect, chars, words, back, len(res.Lines), len(res.Links))
			if chars < 0.95 || words < 0.93 {
				t.Errorf("Sect. %s: character recall %.4f, word recall %.4f; want ≥ 0.95, 0.93", sect, chars, words)
			}
			if want := "A/81/6 (Sect. " + sect + ")"; !strings.HasPrefix(res.Symbol, want) {
				t.Errorf("symbol %q, want %s...", res.Symbol, want)
			}
		})
	}
}

// BenchmarkExtractSect24 measures the Word reader alone on the largest of
// the six sections.
func BenchmarkExtractSect24(b *testing.B) {
	data, err := os.ReadFile(testdata + "docx/A_81_6_Sect.24.docx")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(context.Background(), data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
