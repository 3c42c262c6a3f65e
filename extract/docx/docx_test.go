package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/undoc/undoc/extract"
)

// UN-like styles: Normal, a custom heading based on another, a body style,
// a numbered style, and a bold character style.
const testStyles = `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="H1"><w:name w:val="_ H_1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="H23"><w:name w:val="_ H_2/3"/><w:basedOn w:val="H1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="SingleTxt"><w:name w:val="__Single Txt"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="1267"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Para"><w:name w:val="Para"/><w:basedOn w:val="SingleTxt"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>`

// Lists: 1 is "25.1"/"(a)"/"(i)" paragraphs of a section numbered 25; 2
// shares its definition and continues it; 3 restarts it at level 1; 9 is
// the numbered style's; 4 has a level that never restarts and letters.
var testNumbering = `<w:abstractNum w:abstractNumId="0">` +
	lvl("0", "25", "decimal", "%1.", "") +
	lvl("1", "1", "decimal", "%1.%2", `<w:suff w:val="tab"/>`) +
	lvl("2", "1", "lowerLetter", "(%3)", "") +
	lvl("3", "1", "lowerRoman", "(%4)", "") +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1">` +
	lvl("0", "1", "upperLetter", "%1.", `<w:suff w:val="space"/>`) +
	lvl("1", "1", "upperRoman", "%2", `<w:lvlRestart w:val="0"/><w:suff w:val="nothing"/>`) +
	lvl("2", "1", "bullet", "\uf0b7", `<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>`) +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2">` +
	lvl("0", "1", "decimal", "%1.", `<w:pStyle w:val="Para"/>`) +
	`</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="7"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>` +
	`<w:num w:numId="9"><w:abstractNumId w:val="2"/></w:num>`

func texts(lines []extract.Line) []string {
	var s []string
	for _, l := range lines {
		s = append(s, l.Text)
	}
	return s
}

func extractPack(t *testing.T, p pack) *Result {
	t.Helper()
	if p.styles == "" {
		p.styles = testStyles
	}
	if p.numbering == "" {
		p.numbering = testNumbering
	}
	res, err := Extract(context.Background(), p.bytes(t), Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return res
}

func TestExtract(t *testing.T) {
	cases := []struct {
		name  string
		p     pack
		want  []string
		check func(t *testing.T, r *Result)
	}{
		{
			name: "numbering as Word prints it",
			p: pack{body: numbered("1", "1", "The Office") + numbered("1", "2", "first") + numbered("1", "2", "second") +
				numbered("1", "3", "roman one") + numbered("1", "3", "roman two") + numbered("1", "2", "third") +
				numbered("1", "1", "Second para") + numbered("1", "2", "again a") +
				numbered("2", "1", "continued by another num") +
				numbered("3", "1", "restarted at 7") + numbered("3", "1", "then 8") +
				numbered("0", "1", "numId 0 is no number")},
			want: []string{"25.1 The Office", "(a) first", "(b) second", "(i) roman one", "(ii) roman two", "(c) third",
				"25.2 Second para", "(a) again a", "25.3 continued by another num", "25.7 restarted at 7", "25.8 then 8",
				"numId 0 is no number"},
		},
		{
			name: "letters, romans, no restart, bullets, suffixes, overridden level",
			p: pack{body: numbered("4", "0", "alpha") + numbered("4", "1", "one") + numbered("4", "0", "beta") +
				numbered("4", "1", "two: never restarts") + numbered("4", "2", "bullet") +
				numbered("5", "0", "own letters") + numbered("5", "0", "next")},
			want: []string{"A. alpha", "Ione", "B. beta", "IItwo: never restarts", "• bullet", "a) own letters", "b) next"},
		},
		{
			name: "numbering from a paragraph style",
			p:    pack{body: para("Para", "first") + para("Para", "second") + para("", "plain")},
			want: []string{"1. first", "2. second", "plain"},
		},
		{
			name: "styles, outline levels, inheritance, bold, size, indent",
			p: pack{body: para("H1", "Programme of work") + para("H23", "Subprogramme 1") + para("Heading3", "Built-in heading") +
				para("SingleTxt", "Body text") +
				`<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>all bold</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:outlineLvl w:val="2"/><w:ind w:left="720"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>direct</w:t></w:r><w:r><w:t xml:space="preserve"> mixed</w:t></w:r></w:p>`},
			want: []string{"Programme of work", "Subprogramme 1", "Built-in heading", "Body text", "all bold", "direct mixed"},
			check: func(t *testing.T, r *Result) {
				want := []struct {
					heading int
					bold    bool
					size    float64
					indent  float64
					style   string
				}{{1, true, 12, 0, "H1"}, {2, true, 10, 0, "H23"}, {3, false, 10, 0, "heading 3"}, {0, false, 10, 63.35, "SingleTxt"},
					{0, true, 10, 0, "Normal"}, {3, false, 14, 36, "Normal"}}
				for i, w := range want {
					l := r.Lines[i]
					if l.Heading != w.heading || l.Bold != w.bold || l.Size != w.size || l.Indent != w.indent || l.Style != w.style {
						t.Errorf("line %d %q: heading %d bold %v size %v indent %v style %q; want %+v", i, l.Text, l.Heading, l.Bold, l.Size, l.Indent, l.Style, w)
					}
				}
			},
		},
		{
			name: "tables: gridSpan, vMerge, header rows, nested tables",
			p: pack{body: para("", "before") + `<w:tbl>` +
				`<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + para("", "Category") + `</w:tc><w:tc>` + para("", "2027") + `</w:tc></w:tr>` +
				`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + para("", "merged") + `</w:tc><w:tc>` + para("", "a") + `</w:tc><w:tc>` + para("", "1") + `</w:tc></w:tr>` +
				`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>` + para("", "b") + `</w:tc><w:tc>` +
				`<w:tbl><w:tr><w:tc>` + para("", "inner 1") + `</w:tc><w:tc>` + para("", "inner 2") + `</w:tc></w:tr></w:tbl>` + `</w:tc></w:tr>` +
				`</w:tbl>` + para("", "after")},
			want: []string{"before", "Category", "2027", "merged", "a", "1", "b", "inner 1", "inner 2", "after"},
			check: func(t *testing.T, r *Result) {
				var got []string
				for _, l := range r.Lines {
					got = append(got, fmt.Sprintf("%d/%d/%d/%v", l.Table, l.Row, l.Col, l.HeaderCell))
				}
				want := "0/0/0/false 1/1/1/true 1/1/3/true 1/2/1/false 1/2/2/false 1/2/3/false 1/3/2/false 1/3/3/false 1/3/3/false 0/0/0/false"
				if g := strings.Join(got, " "); g != want {
					t.Errorf("table/row/col/header\n got %s\nwant %s", g, want)
				}
			},
		},
		{
			name: "hyperlinks by relationship and by field; other fields keep their result",
			p: pack{rels: `<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://undocs.org/A/RES/77/267" TargetMode="External"/>`,
				body: para("", "first line") +
					`<w:p><w:r><w:t xml:space="preserve">resolution </w:t></w:r><w:hyperlink r:id="rIdL"><w:r><w:t>77/267</w:t></w:r></w:hyperlink><w:r><w:t>, para. 10</w:t></w:r></w:p>` +
					`<w:p><w:r><w:t xml:space="preserve">and </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://docs.un.org/en/A/RES/2222(XXI)" \o "tip" </w:instrText></w:r>` +
					`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2222 (XXI)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
					`<w:p><w:r><w:t xml:space="preserve">page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
					`<w:fldSimple w:instr=" HYPERLINK &quot;https://undocs.org/E/2025/1&quot; "><w:r><w:t xml:space="preserve"> E/2025/1</w:t></w:r></w:fldSimple></w:p>`},
			want: []string{"first line", "resolution 77/267, para. 10", "and 2222 (XXI)", "page 4 E/2025/1"},
			check: func(t *testing.T, r *Result) {
				want := []Link{{"https://undocs.org/A/RES/77/267", "77/267", 2}, {"https://docs.un.org/en/A/RES/2222(XXI)", "2222 (XXI)", 3}, {"https://undocs.org/E/2025/1", "E/2025/1", 4}}
				if fmt.Sprint(r.Links) != fmt.Sprint(want) {
					t.Errorf("links\n got %v\nwant %v", r.Links, want)
				}
			},
		},
		{
			name: "footnotes after the body, reference marks where Word prints them",
			p: pack{body: `<w:p><w:r><w:t>persons of concern</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> and more</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>text</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>`,
				footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
					`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>Second note.</w:t></w:r></w:p></w:footnote>` +
					`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>Other persons of concern.</w:t></w:r></w:p></w:footnote>`},
			want: []string{"persons of concern1 and more", "text2", "1 Other persons of concern.", "2 Second note."},
		},
		{
			name: "footnotes at the foot of the page Word last rendered, below the separator",
			p: pack{body: `<w:p><w:r><w:t>A</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
				`<w:p><w:r><w:lastRenderedPageBreak/><w:t>B</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>` +
				`<w:p><w:r><w:t>C</w:t><w:lastRenderedPageBreak/><w:t xml:space="preserve"> more</w:t></w:r></w:p>` + para("", "D"),
				footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>__________________</w:t></w:r></w:p></w:footnote>` +
					`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>Note one.</w:t></w:r></w:p></w:footnote>` +
					`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>Note two.</w:t></w:r></w:p></w:footnote>`},
			want: []string{"A1", "__________________", "1 Note one.", "B2", "C more", "__________________", "2 Note two.", "D"},
		},
		{
			name: "no-break spaces read as spaces",
			p:    pack{body: para("", "see figure\u00a025.IV and\u202fmore\u00a0")},
			want: []string{"see figure 25.IV and more"},
		},
		{
			name: "text boxes read once; tracked changes; comments; hidden text",
			p: pack{body: `<w:p><w:r><w:t xml:space="preserve">anchor </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + para("", "in the box") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><v:textbox><w:txbxContent>` + para("", "in the box") + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
				`<w:ins w:id="1" w:author="x"><w:r><w:t>inserted</w:t></w:r></w:ins><w:del w:id="2" w:author="x"><w:r><w:delText>deleted</w:delText></w:r></w:del>` +
				`<w:commentRangeStart w:id="3"/><w:r><w:t xml:space="preserve"> kept</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>` +
				`<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r></w:p>`},
			want: []string{"anchor inserted kept", "in the box"},
		},
		{
			name: "symbols, tabs, breaks, hyphens, East Asian runs",
			p: pack{body: `<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>item</w:t><w:tab/><w:tab/><w:t>two</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>line one</w:t><w:br/><w:t>line two</w:t><w:br w:type="page"/><w:t>co</w:t><w:softHyphen/><w:t>operation</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>follow</w:t><w:noBreakHyphen/><w:t>up</w:t></w:r></w:p>` +
				`<w:p><w:r><w:rPr><w:rFonts w:eastAsia="SimSun" w:hint="eastAsia"/><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t>大会第</w:t></w:r><w:r><w:t>77/267</w:t></w:r><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>号决议</w:t></w:r>` +
				`<w:r><w:ruby><w:rt><w:r><w:t>reading</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>（基）</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`},
			want: []string{"• item two", "line one", "line two", "cooperation", "follow-up", "大会第77/267号决议（基）"},
		},
		{
			name: "a field that never ends its instruction hides only its paragraph's rest",
			p: pack{body: `<w:p><w:r><w:t xml:space="preserve">before </w:t><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:t>lost</w:t></w:r></w:p>` +
				para("", "next paragraph")},
			want: []string{"before", "next paragraph"},
			check: func(t *testing.T, r *Result) {
				if len(r.Diagnostics) != 1 || r.Diagnostics[0].Code != "broken-field" {
					t.Errorf("diagnostics %+v", r.Diagnostics)
				}
			},
		},
		{
			name: "notes framed at the foot of the page come at the end of their section",
			p: pack{body: para("", "masthead") +
				`<w:p><w:pPr><w:framePr w:w="9792" w:vAnchor="page" w:hAnchor="page" w:x="1196" w:y="12961"/></w:pPr><w:r><w:t>* The present document</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:framePr w:vAnchor="text" w:y="12961"/></w:pPr><w:r><w:t>framed in the text</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:framePr w:w="9792" w:hAnchor="page" w:x="1210" w:yAlign="bottom"/></w:pPr><w:r><w:t>** A/80/50.</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:framePr w:vAnchor="page" w:y="400"/></w:pPr><w:r><w:t>framed at the top</w:t></w:r></w:p>` +
				para("", "contents") + `<w:p><w:pPr><w:sectPr/></w:pPr></w:p>` + para("", "body")},
			want: []string{"masthead", "framed in the text", "framed at the top", "contents", "* The present document", "** A/80/50.", "body"},
		},
		{
			name: "content controls and an empty paragraph",
			p:    pack{body: `<w:sdt><w:sdtContent>` + para("", "in a control") + `</w:sdtContent></w:sdt><w:p/>` + para("", "end")},
			want: []string{"in a control", "end"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := extractPack(t, c.p)
			if g, w := strings.Join(texts(r.Lines), "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("lines\n got:\n%s\nwant:\n%s", g, w)
			}
			for i, l := range r.Lines {
				if l.N != i+1 {
					t.Errorf("line %d has N %d", i, l.N)
				}
			}
			if c.check != nil {
				c.check(t, r)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {4, "lowerRoman", "iv"}, {1994, "upperRoman", "MCMXCIV"}, {26, "lowerLetter", "z"},
		{27, "lowerLetter", "aa"}, {53, "upperLetter", "AAA"}, {3, "decimalZero", "03"}, {12, "decimalZero", "12"},
		{2, "ordinal", "2nd"}, {13, "ordinal", "13th"}, {21, "chineseCounting", "二十一"}, {10, "chineseCounting", "十"},
		{3, "decimalEnclosedParen", "(3)"}, {7, "cardinalText", "7"}, {0, "lowerLetter", "0"},
	} {
		if got := formatNumber(c.n, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

// oleFile is the start of an OLE compound file whose directory names the
// streams given (UTF-16LE, as compound files store them).
func oleFile(streams ...string) []byte {
	b := append([]byte{}, oleMagic...)
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		b = append(b, utf16le(s)...)
		b = append(b, make([]byte, 64)...)
	}
	return b
}

// TestBadPackages: each bad input ends in its own clear error.
func TestBadPackages(t *testing.T) {
	good := pack{body: para("", "text")}.bytes(t)
	bomb := func() []byte { // one entry inflating 200 MiB of zeros from ~200 KiB
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		small := pack{body: para("", "x")}
		for name, s := range small.files() {
			if name == "word/document.xml" {
				continue
			}
			w, _ := zw.Create(name)
			w.Write([]byte(s))
		}
		w, _ := zw.Create("word/document.xml")
		zero := make([]byte, 1<<20)
		for range 200 {
			w.Write(zero)
		}
		zw.Close()
		return buf.Bytes()
	}()
	lying := func() []byte { // the bomb, its central directory claiming 1 KiB
		b := bytes.Clone(bomb)
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			h := f.FileHeader
			raw, _ := f.OpenRaw()
			if f.Name == "word/document.xml" {
				h.UncompressedSize64 = 1024
			}
			w, _ := zw.CreateRaw(&h)
			var rb bytes.Buffer
			rb.ReadFrom(raw)
			w.Write(rb.Bytes())
		}
		zw.Close()
		return buf.Bytes()
	}()
	withDoc := func(doc string) []byte {
		f := pack{}.files()
		f["word/document.xml"] = doc
		return zipOf(t, f)
	}
	entities := withDoc(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`)
	external := withDoc(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`)
	undeclared := withDoc(`<?xml version="1.0"?><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>`)
	deep := withDoc(`<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + strings.Repeat("<w:sdt><w:sdtContent>", 400) +
		strings.Repeat("</w:sdtContent></w:sdt>", 400) + `</w:body></w:document>`)
	noDocument := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>"})
	many := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := range 6000 {
			w, _ := zw.Create(fmt.Sprintf("word/media/x%d", i))
			w.Write([]byte("x"))
		}
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(pack{}.files()["word/document.xml"]))
		zw.Close()
		return buf.Bytes()
	}()
	original, err := os.ReadFile(testdata + "docx/A_81_6_Sect.25.docx")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want error
		say  string // in the message
		lim  Limits
	}{
		{"empty file", nil, ErrEmpty, "empty", Limits{}},
		{"legacy .doc", oleFile("Root Entry", "WordDocument", "1Table"), ErrLegacyDoc, ".doc", Limits{}},
		{"encrypted docx", oleFile("Root Entry", "EncryptionInfo", "EncryptedPackage"), ErrEncrypted, "encrypted", Limits{}},
		{"truncated zip", good[:len(good)/2], ErrNotDocx, "truncated", Limits{}},
		{"truncated Word original, an embedded workbook's directory last", original[:len(original)/2], ErrNotDocx, "embedded", Limits{}},
		{"not a zip", []byte("%PDF-1.7 not a docx"), ErrNotDocx, "zip", Limits{}},
		{"WordPerfect", []byte("\xffWPC\x10\x00\x00\x00\x01\x0a"), ErrNotDocx, "WordPerfect", Limits{}},
		{"zip without word/document.xml", noDocument, ErrNotDocx, "word/document.xml", Limits{}},
		{"zip bomb", bomb, ErrTooLarge, "ratio", Limits{}},
		{"zip bomb over the part limit", bomb, ErrTooLarge, "declares 209715200 bytes", Limits{MaxRatio: 1 << 30}},
		// archive/zip itself stops at the declared size; the count of bytes
		// read would stop it at the part limit otherwise.
		{"zip bomb lying about its size", lying, ErrNotDocx, "damaged", Limits{}},
		{"too many entries", many, ErrTooLarge, "entries", Limits{}},
		{"entity expansion", entities, ErrBadXML, "ENTITY", Limits{}},
		{"external entity", external, ErrBadXML, "ENTITY", Limits{}},
		{"undeclared entity", undeclared, ErrBadXML, "entity", Limits{}},
		{"nesting too deep", deep, ErrBadXML, "deeper", Limits{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Extract(context.Background(), c.data, Options{Limits: c.lim})
			if !errors.Is(err, c.want) {
				t.Fatalf("error %v (result %v), want %v", err, res != nil, c.want)
			}
			if !strings.Contains(err.Error(), c.say) {
				t.Errorf("error %q does not say %q", err, c.say)
			}
		})
	}
}

// TestEntryNamesAreNotPaths: entry names like ../../x are keys, not paths;
// a relationship pointing outside the package finds nothing and writes
// nothing.
func TestEntryNamesAreNotPaths(t *testing.T) {
	f := pack{body: para("", "safe")}.files()
	f["word/_rels/document.xml.rels"] = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../../../../etc/passwd"/></Relationships>`
	res, err := Extract(context.Background(), zipOf(t, f), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g := strings.Join(texts(res.Lines), "|"); g != "safe" {
		t.Errorf("lines %q", g)
	}
	if got := resolve("word/", "../../../../etc/passwd"); got != "etc/passwd" {
		t.Errorf("resolve = %q", got)
	}
}
