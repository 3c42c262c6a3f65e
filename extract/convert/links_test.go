package convert

import (
	"context"
	"os"
	"testing"

	"github.com/undoc/undoc/normalize/segment"
	"github.com/undoc/undoc/store/model"
)

func TestLinkReferences(t *testing.T) {
	body := []*model.Node{{ID: "ch1", Span: model.Span{LineStart: 1, LineEnd: 20}, Children: []*model.Node{
		{ID: "ch1/p1", Span: model.Span{LineStart: 2, LineEnd: 5}},
		{ID: "ch1/p2", Span: model.Span{LineStart: 6, LineEnd: 9}},
	}}}
	sym := func(s string) *string { return &s }
	cited := []model.Reference{
		{Symbol: sym("A/RES/69/17"), Kind: "resolution", Text: "第69/17号决议", Node: "ch1/p1/a"},
		{Symbol: sym("E/RES/2014/35"), Kind: "resolution", Text: "经济及社会理事会第 2014/35 号决议", Node: "ch1/p2"},
	}
	cases := []struct {
		name  string
		link  link
		want  *model.Reference // nil: no new reference
		first []link           // links before this one
	}{
		{"same symbol under the node", link{"http://undocs.org/ch/A/RES/69/17", "第69/17号决议", 3, false}, nil, nil},
		{"citation text holds the anchor", link{"http://undocs.org/ch/A/RES/2014/35", "第2014/35号决议", 7, false}, nil, nil},
		{"not a UN document", link{"https://www.un.org/zh/about", "联合国", 3, false}, nil, nil},
		{"uncited resolution", link{"https://docs.un.org/en/A/RES/48/121", "48/121;", 4, false},
			&model.Reference{Symbol: sym("A/RES/48/121"), Kind: "resolution", Text: "48/121", Node: "ch1/p1"}, nil},
		{"a citation elsewhere, not yet matched", link{"http://undocs.org/ch/A/RES/69/17", "69/17", 8, false}, nil, nil},
		{"the citation elsewhere has its own link", link{"http://undocs.org/ch/A/RES/69/17", "69/17", 8, false},
			&model.Reference{Symbol: sym("A/RES/69/17"), Kind: "resolution", Text: "69/17", Node: "ch1/p2"},
			[]link{{"http://undocs.org/ch/A/RES/69/17", "第69/17号决议", 3, false}}},
		{"one citation, two links", link{"http://undocs.org/ch/A/RES/69/17", "第69/17号决议", 4, false},
			&model.Reference{Symbol: sym("A/RES/69/17"), Kind: "resolution", Text: "第69/17号决议", Node: "ch1/p1"},
			[]link{{"http://undocs.org/ch/A/RES/69/17", "第69/17号决议", 3, false}}},
		{"decision, no anchor text", link{"https://undocs.org/A/DEC/70/551", "", 12, false},
			&model.Reference{Symbol: sym("A/DEC/70/551"), Kind: "decision", Text: "https://undocs.org/A/DEC/70/551", Node: "ch1"}, nil},
		{"document on furniture", link{"https://undocs.org/A/81/50", "A/81/50", 0, false},
			&model.Reference{Symbol: sym("A/81/50"), Kind: "document", Text: "A/81/50", Node: ""}, nil},
		{"on furniture, cited somewhere", link{"http://undocs.org/ch/A/RES/69/17", "69/17", 0, false}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := linkReferences(body, cited, append(c.first, c.link))
			if c.want == nil {
				if len(got) != len(cited) {
					t.Errorf("added %+v", got[len(cited):])
				}
				return
			}
			if len(got) != len(cited)+1 {
				t.Fatalf("%d references, want %d", len(got), len(cited)+1)
			}
			g := got[len(cited)]
			if *g.Symbol != *c.want.Symbol || g.Kind != c.want.Kind || g.Text != c.want.Text || g.Node != c.want.Node {
				t.Errorf("got %s %s %q %q, want %s %s %q %q", *g.Symbol, g.Kind, g.Text, g.Node, *c.want.Symbol, c.want.Kind, c.want.Text, c.want.Node)
			}
		})
	}
}

// TestLinkedCitations: in the English budget PDFs most resolutions are
// cited as bare numbers ("resolution 48/121"), which only their links name.
func TestLinkedCitations(t *testing.T) {
	out := convertFile(t, "pdf/A_81_6_Sect.24.pdf").Output
	n, fromLinks := 0, 0
	for _, r := range out.References {
		if r.Symbol != nil && *r.Symbol == "A/RES/48/121" && r.Node == "secA/orientation/background/p24.1" && r.Text == "48/121" {
			n++
		}
		if r.Kind == "resolution" {
			fromLinks++
		}
	}
	if n != 1 {
		t.Errorf("resolution 48/121 in secA/orientation/background/p24.1 found %d times, want 1", n)
	}
	if len(out.References) < 400 || fromLinks < 350 {
		t.Errorf("%d references, %d resolutions; the PDF has 423 link annotations", len(out.References), fromLinks)
	}
}

// TestLinkPlaceByText: when every span holds the link's line (an HTML page
// on one source line), the link goes to the node whose text holds its
// anchor, not to the last node of the page.
func TestLinkPlaceByText(t *testing.T) {
	all := model.Span{LineStart: 1, LineEnd: 1}
	body := []*model.Node{{ID: "ch1", Span: all, Title: "第一章", Children: []*model.Node{
		{ID: "ch1/p1", Span: all, Text: "见大会第48/121号决议和其他文件。"},
		{ID: "ch1/p2", Span: all, Text: "最后一段。"},
	}}}
	got := linkReferences(body, nil, []link{{"https://undocs.org/zh/A/RES/48/121", "48/121", 1, false}})
	if len(got) != 1 || got[0].Node != "ch1/p1" {
		t.Errorf("got %+v, want one reference at ch1/p1", got)
	}
	got = linkReferences(body, nil, []link{{"https://undocs.org/zh/A/RES/1/2", "不在文中", 1, false}})
	if len(got) != 1 || got[0].Node != "ch1/p2" {
		t.Errorf("anchor in no node: got %+v, want the innermost node ch1/p2", got)
	}
}

// BenchmarkLinkReferences times link placement alone on A/81/6 Sect. 24
// (423 link annotations).
func BenchmarkLinkReferences(b *testing.B) {
	data, err := os.ReadFile("../../testdata/pdf/A_81_6_Sect.24.pdf")
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Data: data, Name: "A_81_6_Sect.24.pdf", Format: FormatPDF}
	lines, links, err := extractPDF(context.Background(), in, newOutput(in))
	if err != nil {
		b.Fatal(err)
	}
	vocab, err := vocabFor("en") // Sect. 24 is English, as Convert would detect
	if err != nil {
		b.Fatal(err)
	}
	seg := segment.Segment(lines, vocab)
	b.Logf("%d links, %d references", len(links), len(seg.References))
	b.ResetTimer()
	for range b.N {
		refs := append([]model.Reference(nil), seg.References...)
		linkReferences(seg.Body, refs, links)
	}
}

// TestMandateLinks: a link on the resolution number of a mandate printed
// with its part and section ("70/248 A, sect. V", A/81/6 Sect. 29C) gives
// the symbol where the text gives none better; a link whose organ is not
// the group's is not taken.
func TestMandateLinks(t *testing.T) {
	sym := func(s string) *string { return &s }
	items := []*model.Mandate{
		{Number: "70/248A,sect.V", Symbol: sym("A/RES/70/248A")},
		{Number: "71/272B,sect.III", Symbol: sym("A/RES/71/272B")},
		{Number: "69/262,sect.II", Symbol: sym("A/RES/69/262")},
		{Number: "49/32", Symbol: sym("A/HRC/RES/49/32")},
		{Number: "72/262C", Symbol: sym("A/RES/72/262C")},
		{Number: "72/262D", Symbol: sym("A/RES/72/262D")},
	}
	body := []*model.Node{{ID: "mandates/list", Kind: model.KindMandates, Span: model.Span{LineStart: 1, LineEnd: 9},
		Groups: []*model.MandateGroup{{Items: items}}}}
	links := []link{
		{"https://docs.un.org/en/A/RES/70/248", "70/248", 2, true},
		{"https://docs.un.org/en/A/RES/71/272B", "71/272", 3, true},
		{"https://docs.un.org/en/A/RES/69/262", "69/262,", 4, true},
		{"https://docs.un.org/en/A/RES/49/32", "49/32", 5, true},
		// one printed number, two parts, two links: neither part is told by them
		{"https://docs.un.org/en/A/RES/72/262X", "72/262", 6, true},
		{"https://docs.un.org/en/A/RES/72/262Y", "72/262", 7, true},
	}
	out := &model.Output{}
	mandateLinks(body, links, out)
	want := []string{"A/RES/70/248", "A/RES/71/272 B", "A/RES/69/262", "A/HRC/RES/49/32", "A/RES/72/262C", "A/RES/72/262D"}
	for i, m := range items {
		if *m.Symbol != want[i] {
			t.Errorf("%s: symbol %s, want %s", m.Number, *m.Symbol, want[i])
		}
	}
	if len(out.Diagnostics) != 1 {
		t.Errorf("%d diagnostics, want 1 (49/32): %+v", len(out.Diagnostics), out.Diagnostics)
	}
}
