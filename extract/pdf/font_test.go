package pdf

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestSimpleFontEncodings(t *testing.T) {
	widths := "/FirstChar 32 /LastChar 255 /Widths [" + strings.Repeat("500 ", 224) + "]"
	cases := []struct {
		name, font, show, want string
	}{
		{"WinAnsi without ToUnicode (Word subsets)", "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+TimesNewRomanPSMT /Encoding /WinAnsiEncoding " + widths + " >>", `(Caf\351 \223x\224 \200)`, "Café “x” €"},
		{"MacRoman", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /MacRomanEncoding " + widths + " >>", `(Caf\216 \322x\323)`, "Café “x”"},
		{"Standard (no Encoding, Type1)", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman " + widths + " >>", `(it\047s \256ne)`, "it’s ﬁne"},
		{"Differences with glyph names", "<< /Type /Font /Subtype /Type1 /BaseFont /X /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /uni4E2D /u1F600 /Euro /eacute] >> " + widths + " >>", `(ABCD)`, "中😀€é"},
		{"ToUnicode overrides encoding", "<< /Type /Font /Subtype /TrueType /BaseFont /X /Encoding /WinAnsiEncoding /ToUnicode 5 0 R " + widths + " >>", `(\001\002\003)`, "联合国"},
	}
	tu := stream("", "begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <01> <02> [<8054> <5408>] endbfrange 1 beginbfchar <03> <56FD> endbfchar endcmap")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := onePage("/F1 "+c.font, "BT /F1 12 Tf 72 700 Td "+c.show+" Tj ET", []string{tu}, "")
			if got := allText(mustExtract(t, data)); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func type0(enc, tounicode string) string {
	s := "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding " + enc + " /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 [500 500] 10 20 600] >>]"
	if tounicode != "" {
		s += " /ToUnicode " + tounicode
	}
	return s + " >>"
}

func TestCompositeFonts(t *testing.T) {
	tu := stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <8054> <0002> <D83DDE00> endbfchar 1 beginbfrange <0010> <0011> <5408> endbfrange endcmap")
	encStream := stream("/Type /CMap /CMapName /Custom /UseCMap /GBK-EUC-H", "begincmap 2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange endcmap")
	cases := []struct {
		name, font, show, want string
	}{
		{"Identity-H with ToUnicode", type0("/Identity-H", "5 0 R"), "<000100100011>", "联合吉"},
		{"ToUnicode surrogate pair", type0("/Identity-H", "5 0 R"), "<0002>", "😀"},
		{"Identity-V", type0("/Identity-V", "5 0 R"), "<00010010>", "联合"},
		{"UniGB-UCS2-H without ToUnicode", type0("/UniGB-UCS2-H", ""), "<8054540856FD>", "联合国"},
		{"UniGB-UTF16-H without ToUnicode", type0("/UniGB-UTF16-H", ""), "<4E2DD840DC00>", "中𠀀"},
		{"GBK-EUC-H without ToUnicode", type0("/GBK-EUC-H", ""), "<C1AABACF41B9FA>", "联合A国"},
		{"GB-EUC-H without ToUnicode", type0("/GB-EUC-H", ""), "<D6D0B9FA>", "中国"},
		{"embedded CMap using GBK-EUC-H", type0("6 0 R", ""), "<D6D0B9FA>", "中国"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := onePage("/F1 "+c.font, "BT /F1 12 Tf 72 700 Td "+c.show+" Tj ET", []string{tu, encStream}, "")
			res := mustExtract(t, data)
			got := strings.ReplaceAll(allText(res), "\n", "")
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if res.Confidence < 0.99 {
				t.Errorf("confidence %.2f", res.Confidence)
			}
		})
	}
}

func TestType3FontAndActualText(t *testing.T) {
	t3 := "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /g1 6 0 R >> /Encoding << /Type /Encoding /Differences [1 /g1 /g2] >> /FirstChar 1 /LastChar 2 /Widths [1000 1000] /ToUnicode 5 0 R /Resources << >> >>"
	tu := stream("", "begincmap 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <5E74> <02> <6708> endbfchar endcmap")
	proc := stream("", "1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f")
	helv := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	content := "BT /F1 12 Tf 72 700 Td <0102> Tj ET " +
		"/Span << /ActualText (\xFE\xFF\x00f\x00i) >> BDC BT /F2 12 Tf 72 650 Td (XY) Tj ET EMC"
	res := mustExtract(t, onePage("/F1 "+t3+" /F2 "+helv, content, []string{tu, proc}, ""))
	if got := allText(res); got != "年月\nfi" {
		t.Errorf("got %q", got)
	}
}

func TestTextStateOperators(t *testing.T) {
	helv := "/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + strings.Repeat("500 ", 95) + "] >>"
	form := stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Matrix [1 0 0 1 0 -100] /Resources << /Font << "+helv+" >> >>", "BT /F1 10 Tf 72 500 Td (In a form) Tj ET")
	content := strings.Join([]string{
		"BT /F1 10 Tf 14 TL 72 700 Td [(Hel) -20 (lo) -600 (world)] TJ",
		"T* (second line) Tj",
		"(third) ' 2 0 (fourth) \"",
		"ET q 1 0 0 1 0 -50 cm BT /F1 10 Tf 50 Tz 3 Ts 1 0 0 1 72 600 Tm (squeezed) Tj ET Q",
		"/Fm1 Do",
		"BT /F1 10 Tf 2 Tc 72 300 Td (spaced) Tj ET",
	}, "\n")
	res := mustExtract(t, onePage(helv, content, []string{form}, "/XObject << /Fm1 5 0 R >>"))
	want := "Hello world\nsecond line\nthird\nfourth\nsqueezed\nIn a form\nspaced"
	if got := allText(res); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRotatedPage(t *testing.T) {
	helv := "/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	// on a page rotated by 90°, text drawn upwards reads left to right
	content := "BT /F1 12 Tf 0 1 -1 0 100 100 Tm (first) Tj 0 1 -1 0 130 100 Tm (second) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 90 /MediaBox [0 0 600 800] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << " + helv + " >> >> /Contents 4 0 R >>",
		stream("", content),
	}
	res := mustExtract(t, tinyPDF(objs, ""))
	if got := allText(res); got != "second\nfirst" && got != "first\nsecond" {
		t.Errorf("got %q", got)
	}
}

func TestLinksAndMojibakeDiagnostics(t *testing.T) {
	// a CJK document where one font decodes to Latin-1 garbage
	tu := stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <0040> <4E00> endbfrange endcmap")
	bad := "<< /Type /Font /Subtype /TrueType /BaseFont /BAAAAA+SimSun /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [" + strings.Repeat("1000 ", 224) + "] >>"
	content := "BT /F1 12 Tf 72 700 Td <000100020003000400050006000700080009000A000B000C> Tj ET BT /F2 12 Tf 72 600 Td (\xC1\xAA\xBA\xCF\xB9\xFA\xD6\xD0\xB9\xFA\xC8\xCB\xC3\xF1) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 " + type0("/Identity-H", "5 0 R") + " /F2 " + bad + " >> >> /Contents 4 0 R /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (http://undocs.org/ch/A/69/6) >> >>] >>",
		stream("", content),
		tu,
	}
	res := mustExtract(t, tinyPDF(objs, ""))
	if len(res.Links) != 1 || res.Links[0].URI != "http://undocs.org/ch/A/69/6" {
		t.Errorf("links %v", res.Links)
	}
	if res.Confidence > 0.5 {
		t.Errorf("confidence %.2f for mojibake", res.Confidence)
	}
	found := false
	for _, d := range res.Diagnostics {
		if d.Code == "mojibake" && d.Page == 1 && strings.Contains(d.Font, "SimSun") {
			found = true
		}
	}
	if !found {
		t.Errorf("no mojibake diagnostic naming page and font: %+v", res.Diagnostics)
	}
	// unmapped glyphs: U+FFFD lowers confidence and is diagnosed (the
	// Adobe-Identity collection has no CID-to-Unicode table; an Adobe-GB1
	// font without ToUnicode would be read through poppler-data's)
	noMap := strings.Replace(type0("/Identity-H", ""), "(GB1)", "(Identity)", 1)
	res = mustExtract(t, onePage("/F1 "+noMap, "BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET", nil, ""))
	if res.Confidence > 0.1 || len(res.Diagnostics) == 0 || res.Diagnostics[0].Code != "undecodable-text" {
		t.Errorf("confidence %.2f, diagnostics %+v", res.Confidence, res.Diagnostics)
	}
}

func TestErrors(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seed-chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	encrypted := tinyPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <" + strings.Repeat("00", 32) + "> /U <" + strings.Repeat("11", 32) + "> >>",
	}, "/Encrypt 3 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]")
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"whitespace", []byte(" \n\t"), ErrEmpty},
		{"truncated", seed[:len(seed)/2], ErrMalformed},
		{"html error page", []byte("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not found</body></html>"), ErrNotPDF},
		{"encrypted", encrypted, ErrEncrypted},
		{"garbage", []byte("%PDF-1.4\nthis is not really a pdf\n%%EOF\n"), ErrMalformed},
		{"no pages", tinyPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, ""), ErrNoPages},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Extract(context.Background(), c.data, Options{Timeout: 10 * time.Second})
			if err == nil {
				t.Fatalf("no error, %d lines", len(res.Lines))
			}
			if !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
			t.Logf("%s: %v", c.name, err)
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, seed, Options{}); err == nil {
		t.Errorf("cancelled context: no error")
	}
}

func TestMaxPages(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seed-chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(context.Background(), data, Options{MaxPages: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 2 || res.Lines[len(res.Lines)-1].Page != 2 {
		t.Errorf("pages %d", res.Pages)
	}
}

// TestType3NumericGlyphNames: Type 3 fonts whose Differences name glyphs
// by number (TeX's "a97", "g65", bare "98"; T1's ligatures below 32) read
// as those characters, and a font drawn on a 100-unit grid keeps two
// lines apart.
func TestType3NumericGlyphNames(t *testing.T) {
	t3 := "<< /Type /Font /Subtype /Type3 /FontBBox [0 -20 90 80] /FontMatrix [0.01 0 0 0.01 0 0] /CharProcs << >> " +
		"/Encoding << /Type /Encoding /Differences [28 /a28 65 /g65 97 /a97 /98 /a225 /.notdef] >> /FirstChar 28 /LastChar 100 " +
		"/Widths [60 " + strings.Repeat("0 ", 36) + "70 " + strings.Repeat("0 ", 31) + "50 50 50 50] /Resources << >> >>"
	content := "BT /F1 12 Tf 72 700 Td (\x1cAab) Tj 0 -14 Td (ab\x63) Tj ET"
	res := mustExtract(t, onePage("/F1 "+t3, content, nil, ""))
	if got := allText(res); got != "fiAab\nabá" {
		t.Errorf("got %q", got)
	}
}
