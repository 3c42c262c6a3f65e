package docx

import (
	"archive/zip"
	"bytes"
	"testing"
)

// Small Word packages built in the tests: the parts a real one needs,
// with the body, styles, numbering and notes given.

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml"`

// pack is a package under construction.
type pack struct {
	body, styles, numbering, footnotes string
	rels                               string // extra <Relationship> elements of the document
}

func (p pack) files() map[string]string {
	f := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + p.body + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
			p.rels + `</Relationships>`,
	}
	if p.styles != "" {
		f["word/styles.xml"] = `<?xml version="1.0"?><w:styles ` + wNS + `>` + p.styles + `</w:styles>`
	}
	if p.numbering != "" {
		f["word/numbering.xml"] = `<?xml version="1.0"?><w:numbering ` + wNS + `>` + p.numbering + `</w:numbering>`
	}
	if p.footnotes != "" {
		f["word/footnotes.xml"] = `<?xml version="1.0"?><w:footnotes ` + wNS + `>` + p.footnotes + `</w:footnotes>`
	}
	return f
}

func (p pack) bytes(t testing.TB) []byte { return zipOf(t, p.files()) }

// zipOf zips the files, deflated, in a stable order.
func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml"} {
		s, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// para is a paragraph with a style (or "") and runs of plain text.
func para(style string, runs ...string) string {
	s := `<w:p>`
	if style != "" {
		s += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	for _, r := range runs {
		s += `<w:r><w:t xml:space="preserve">` + r + `</w:t></w:r>`
	}
	return s + `</w:p>`
}

// numbered is a paragraph in list numID at level ilvl.
func numbered(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` +
		`<w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// lvl is a list level definition.
func lvl(ilvl, start, format, text string, extra string) string {
	return `<w:lvl w:ilvl="` + ilvl + `"><w:start w:val="` + start + `"/><w:numFmt w:val="` + format + `"/>` +
		`<w:lvlText w:val="` + text + `"/>` + extra + `</w:lvl>`
}
