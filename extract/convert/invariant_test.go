package convert

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

// bag is a multiset of runes.
type bag map[rune]int

func (b bag) add(s string) {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b[r]++
		}
	}
}

func (b bag) size() int {
	n := 0
	for _, c := range b {
		n += c
	}
	return n
}

// minus returns what b has beyond o.
func (b bag) minus(o bag) bag {
	d := bag{}
	for r, c := range b {
		if c > o[r] {
			d[r] = c - o[r]
		}
	}
	return d
}

func (b bag) String() string {
	rs := make([]rune, 0, len(b))
	for r := range b {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(x, y rune) int { return b[y] - b[x] })
	var s []string
	for _, r := range rs[:min(len(rs), 25)] {
		s = append(s, fmt.Sprintf("%q×%d", r, b[r]))
	}
	return strings.Join(s, " ")
}

// bodyBag collects every character the tree holds, numbers and markers
// included.
func bodyBag(out *model.Output) bag {
	b := bag{}
	str := func(p *string) {
		if p != nil {
			b.add(*p)
		}
	}
	num := func(n model.Numbering) { str(n.Marker) }
	var items func([]*model.Item)
	items = func(its []*model.Item) {
		for _, it := range its {
			num(it.Numbering)
			b.add(it.Text)
			items(it.Items)
		}
	}
	model.Walk(out.Body, func(n *model.Node) {
		b.add(n.Label)
		b.add(n.Title)
		b.add(n.Text)
		str(n.Code)
		items(n.Items)
		for _, a := range n.Accomplishments {
			num(a.Numbering)
			b.add(a.Text)
			for _, ind := range a.Indicators {
				num(ind.Numbering)
				b.add(ind.Text)
			}
		}
		for _, g := range n.Groups {
			str(g.Title)
			str(g.Category)
			for k, m := range g.Items {
				b.add(m.Number)
				if k == 0 || g.Items[k-1].Title != m.Title { // one title for several numbers
					b.add(m.Title)
				}
			}
		}
		for _, h := range n.Header {
			b.add(h)
		}
		for _, r := range n.Rows {
			for _, c := range r {
				b.add(c)
			}
		}
		str(n.Note)
		str(n.FigureText)
		for _, c := range n.Columns {
			b.add(c)
		}
		for _, c := range n.Categories {
			b.add(c.Label)
			b.add(c.Title)
			for _, r := range c.Rows {
				b.add(r.Text)
				b.add(strings.Join(r.Footnotes, ""))
				b.add(valueText(r.Values))
				for _, it := range r.Items {
					b.add(it.Label)
					b.add(it.Text)
					b.add(strings.Join(it.Footnotes, ""))
					b.add(valueText(it.Values))
				}
			}
		}
	})
	return b
}

// valueText writes deliverable values as figures, "–" for none.
func valueText(vs []*float64) string {
	var s []string
	for _, v := range vs {
		if v == nil {
			s = append(s, "–")
		} else {
			s = append(s, strconv.FormatFloat(*v, 'f', -1, 64))
		}
	}
	return strings.Join(s, " ")
}

// structural are the characters the tree may hold as structure rather than
// text: the words of numbered headings (方案, 次级方案, 构成部分, 第…章), the
// prefixes and headers it reads as kinds (本组织的目标：, 秘书处预期成绩 绩效指标,
// 表, 图), digits and the dots and colons after numbers, and the brackets,
// semicolons and spaces of mandate numbers. Header rows repeated after a
// page break are dropped as structure too; their words are in the header.
const structural = "第章方案次级构成部分本组织的目标：:秘书处预期成绩绩效指标表图0123456789.．;；()"

// structureOf is what the tree of out may hold as structure rather than
// text: the structural characters as often as they come, the letter of
// each expected accomplishment once more (a text dump repeats it to open
// the indicator column), the Chinese numeral of each caption (图三 is
// figure 3), and each table's header once more for every page it spans
// (the header repeated after a page break).
func structureOf(out *model.Output) bag {
	b := bag{}
	for range 1000 {
		b.add(structural)
	}
	words := structuralWords["zh"]
	if w, ok := structuralWords[out.Document.Language]; ok {
		words = w
	}
	model.Walk(out.Body, func(n *model.Node) {
		for _, w := range words[n.Kind] {
			b.add(w)
		}
		for _, a := range n.Accomplishments {
			if a.Label != nil {
				b.add(*a.Label)
			}
		}
		if n.Number != nil && (n.Kind == model.KindFigure || n.Kind == model.KindTable) {
			b.add(chineseNumeral(*n.Number))
		}
		for p := n.Span.PageStart; p <= n.Span.PageEnd; p++ {
			for _, h := range n.Header {
				b.add(h)
			}
			if n.Kind == model.KindDeliverables {
				b.add(strings.Join(n.Columns, ""))
				for _, w := range words[n.Kind] {
					b.add(w)
				}
			}
		}
	})
	return b
}

// structuralWords are, per language and node kind, the words a node of
// that kind holds as structure: the word before a number (Subprogramme 2,
// Result 1, Table 10.5), a deliverables table's first header cell, an
// objective's heading and lead-in formula, thousands separators of values.
var structuralWords = map[string]map[string][]string{
	"en": {
		model.KindProgramme:    {"Programme"},
		model.KindSubprogramme: {"Subprogramme"},
		model.KindComponent:    {"Component"},
		model.KindResult:       {"Result"},
		model.KindTable:        {"Table"},
		model.KindFigure:       {"Figure"},
		model.KindDeliverables: {"Table", "Category and subcategory", ",,,,,,,,,,"},
		model.KindObjective:    {"Objective", "The objective, to which this subprogramme contributes, is"},
	},
	"zh": {
		model.KindResult:       {"成果"},
		model.KindDeliverables: {"表"},
		model.KindObjective:    {"目标", "本次级方案为之作出贡献的目标是"},
	},
}

// TestNothingLost: every non-space character of the extracted lines ends
// up in the tree, except hyperlink targets printed where a page ends
// (declared furniture) and what the tree holds as structure; and the tree
// holds no character the lines do not have.
func TestNothingLost(t *testing.T) {
	fixtures := []string{"seed.txt", "seed.gbk.html", "seed-chromium.pdf", "seed-libreoffice.pdf"}
	for _, s := range []string{"6", "10", "13", "24", "25", "29C"} {
		fixtures = append(fixtures, "pdf/A_81_6_Sect."+s+".pdf")
	}
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			res := convertFile(t, name)
			allowed := structureOf(res.Output)
			lines := bag{}
			for _, l := range res.Lines {
				text := strings.TrimSpace(normalize.Fold(l.Text))
				if (strings.HasPrefix(text, "http://") || strings.HasPrefix(text, "https://")) && !strings.ContainsAny(text, " \t") {
					continue // a hyperlink target where the page ends: furniture
				}
				lines.add(text)
			}
			body := bodyBag(res.Output)
			lost, invented := lines.minus(body), body.minus(lines)
			unexplained := lost.minus(allowed)
			structure := lost.size() - unexplained.size()
			t.Logf("%s: %d characters in the lines, %d in the tree; %d held as structure, %d lost, %d invented",
				name, lines.size(), body.size(), structure, unexplained.size(), invented.size())
			// The English budget sections still lose or repeat a few
			// characters where the PDF layer interleaves the two columns
			// of a mandate list (Sect. 10: 49 lost, 1 invented; Sect. 24:
			// 2 lost, 40 invented, of 55,356 and 111,445); everything else
			// must balance exactly.
			bound := 0
			if strings.HasPrefix(name, "pdf/") {
				bound = 60
			}
			if unexplained.size() > bound {
				t.Errorf("lost: %s", unexplained)
			}
			if invented.size() > bound {
				t.Errorf("invented: %s", invented)
			}
		})
	}
}

// chineseNumeral writes 1 to 99 in Chinese numerals: 三, 十二, 二十一.
func chineseNumeral(n int) string {
	d := []rune("〇一二三四五六七八九")
	switch {
	case n < 10:
		return string(d[n%10])
	case n < 20:
		return "十" + strings.TrimPrefix(string(d[n%10]), "〇")
	default:
		return string(d[n/10%10]) + "十" + strings.TrimPrefix(string(d[n%10]), "〇")
	}
}
