package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"sort"
	"testing"
	"unicode/utf8"
)

// storedZip zips the files without compression and without a CRC (a zero
// CRC is not checked), so that the fuzzer's mutations reach the XML
// instead of stopping at a checksum.
func storedZip(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b := []byte(files[n])
		w, err := zw.CreateRaw(&zip.FileHeader{Name: n, Method: zip.Store, CompressedSize64: uint64(len(b)), UncompressedSize64: uint64(len(b))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fuzzSeeds are small packages covering what the reader handles.
func fuzzSeeds() []pack {
	return []pack{
		{body: para("H1", "Programme of work") + numbered("1", "1", "The Office") + numbered("1", "2", "first") + numbered("4", "1", "x") + numbered("5", "0", "y") + para("Para", "z")},
		{body: `<w:tbl><w:tr><w:trPr><w:tblHeader/><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>` + para("", "a") +
			`<w:tbl><w:tr><w:tc>` + para("", "in") + `</w:tc></w:tr></w:tbl></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`},
		{rels: `<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://undocs.org/A/1" TargetMode="External"/>`,
			body: `<w:p><w:hyperlink r:id="rIdL"><w:r><w:t>A/1</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "https://undocs.org/A/2" \l "x"</w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>A/2</w:t><w:br/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>`},
		{body: `<w:p><w:r><w:t>x</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r></w:p>`,
			footnotes: `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/><w:tab/><w:t>note</w:t></w:r></w:p></w:footnote><w:footnote w:id="2">` + para("", "* star") + `</w:footnote>`},
		{body: `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + para("", "box") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>` +
			`<w:ins><w:r><w:t>i</w:t></w:r></w:ins><w:del><w:r><w:delText>d</w:delText></w:r></w:del><w:r><w:sym w:font="Wingdings" w:char="F0A7"/><w:noBreakHyphen/><w:softHyphen/><w:rPr><w:vanish/></w:rPr></w:r></w:p>` +
			`<w:sdt><w:sdtContent>` + para("", "大会") + `</w:sdtContent></w:sdt><w:sectPr><w:footnotePr><w:numFmt w:val="lowerRoman"/></w:footnotePr></w:sectPr>`},
	}
}

func FuzzExtract(f *testing.F) {
	for _, p := range fuzzSeeds() {
		files := p.files()
		files["word/styles.xml"] = `<?xml version="1.0"?><w:styles ` + wNS + `>` + testStyles + `</w:styles>`
		files["word/numbering.xml"] = `<?xml version="1.0"?><w:numbering ` + wNS + `>` + testNumbering + `</w:numbering>`
		f.Add(storedZip(f, files))
		f.Add(zipOf(f, files))
	}
	f.Add([]byte{})
	f.Add(oleFile("WordDocument"))
	f.Add(oleFile("EncryptionInfo"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(context.Background(), data, Options{Limits: Limits{MaxTotal: 8 << 20, MaxPart: 4 << 20}})
		if err != nil {
			if res != nil {
				t.Fatalf("result with error %v", err)
			}
			for _, e := range []error{ErrEmpty, ErrNotDocx, ErrLegacyDoc, ErrEncrypted, ErrTooLarge, ErrBadXML} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("error of no known kind: %v", err)
		}
		for i, l := range res.Lines {
			if l.N != i+1 {
				t.Fatalf("line %d has N %d", i, l.N)
			}
			if l.Text == "" || !utf8.ValidString(l.Text) {
				t.Fatalf("line %d: empty or invalid text %q", l.N, l.Text)
			}
			if l.Table < 0 || l.Row < 0 || l.Col < 0 || (l.Table == 0) != (l.Row == 0) {
				t.Fatalf("line %d: bad table position %d/%d/%d", l.N, l.Table, l.Row, l.Col)
			}
		}
		for _, k := range res.Links {
			if k.Line < 0 || k.Line > len(res.Lines) {
				t.Fatalf("link %v points past the lines", k)
			}
		}
	})
}
