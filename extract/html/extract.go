package html

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"

	"github.com/undoc/undoc/extract"
)

// Result is what Extract reads from one HTML page.
type Result struct {
	// Lines are the document's visual lines in reading order.
	Lines []extract.Line
	// Charset is the encoding the page was decoded with (lower-case WHATWG
	// name: "utf-8", "gb18030", "big5", "windows-1252", ...). Pages labelled
	// gb2312 or gbk are decoded as gb18030, their superset.
	Charset string
	// CharsetSource says where Charset came from: "bom", "http" (the
	// contentType argument), "meta" (<meta charset> or http-equiv, or an XML
	// declaration) or "sniffed" (no usable claim, or a claim the bytes
	// contradicted; see the "charset-mismatch" diagnostic).
	CharsetSource string
	// Title is the page's <title>, white space collapsed; when there is none,
	// the first heading line.
	Title string
	// Links are the references to UN documents (<a href> to undocs.org,
	// docs.un.org, documents.un.org and the ODS/daccess hosts), in order.
	Links []Link
	// Diagnostics report what went wrong or was guessed.
	Diagnostics []Diagnostic
}

// Link is an <a href> to a UN document.
type Link struct {
	// Href is the href attribute, trimmed.
	Href string
	// Text is the anchor text, white space collapsed.
	Text string
	// Line is the decoded source line on which the <a> tag starts (the same
	// numbering as extract.Line.N).
	Line int
}

// Diagnostic levels.
const (
	LevelInfo    = "info"
	LevelWarning = "warning"
	LevelError   = "error"
)

// Diagnostic is a finding about the input. Codes:
//
//	charset-mismatch    the declared charset does not fit the bytes; corrected
//	charset-unknown     the declared label is not a known encoding
//	charset-conflict    HTTP and <meta> disagree
//	charset-sniffed     no charset declared; chosen from the bytes
//	decode-replacement  bytes the decoder could not read became U+FFFD
//	decode-error        the decoder failed; read as UTF-8
//	not-html            no markup at all; each source line taken as a line
//	no-structure        markup, but no block, heading, table or <br> in it
//	little-text         almost no text was found
//	boilerplate         page furniture (navigation, scripts, footers) dropped
type Diagnostic struct {
	Level   string
	Code    string
	Message string
	// Line is the decoded source line concerned, 0 when none.
	Line int
}

// ErrEmpty is returned for empty (or all white space) input.
var ErrEmpty = errors.New("html: empty input")

// NotDocumentError is returned when the page is not a document: an error
// page ("404", "Page not found", "文件未找到", an ODS error shell), a redirect
// shell, or a viewer whose body is only an iframe.
type NotDocumentError struct {
	Reason string
}

func (e *NotDocumentError) Error() string {
	return "html: page holds no document: " + e.Reason
}

// Extract reads an HTML page. contentType is the HTTP Content-Type the page
// was served with, or "" when unknown (a file). It returns ErrEmpty for empty
// input, a *NotDocumentError for error pages and shells, and another error
// for input that is not HTML at all (a PDF, binary data). Malformed markup is
// read as browsers read it; it never makes Extract fail or panic.
func Extract(data []byte, contentType string) (*Result, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if err := checkNotBinary(data); err != nil {
		return nil, err
	}

	text, cs, diags := decodeInput(data, contentType)
	res := &Result{Charset: cs.name, CharsetSource: cs.source, Diagnostics: diags}
	if strings.TrimSpace(strings.TrimPrefix(text, "\uFEFF")) == "" {
		return nil, ErrEmpty
	}

	ms := markSource(text)
	if ms.startTags == 0 {
		// Nothing recognisable as markup: best effort, one line per source
		// line, entities left as they are.
		res.Lines = plainLines(text)
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Level: LevelWarning, Code: "not-html",
			Message: "no HTML markup found; each non-empty source line taken as a line"})
		if reason := notDocument(res, shell{}, textRunes(res.Lines)); reason != "" {
			return nil, &NotDocumentError{Reason: reason}
		}
		return res, nil
	}

	root, err := xhtml.Parse(strings.NewReader(ms.html))
	if err != nil {
		return nil, fmt.Errorf("html: parse: %w", err)
	}
	doc := goquery.NewDocumentFromNode(root)

	res.Title = collapse(doc.Find("title").First().Text())
	drop := findBoilerplate(doc)
	sh := findShell(doc)

	w := newWalker(drop, ms.lines)
	w.walk(root)
	w.flush()
	lines := dropBoilerplateLines(w.lines)

	res.Lines = lines
	res.Links = w.links
	if res.Title == "" {
		for _, l := range lines {
			if l.Heading > 0 {
				res.Title = l.Text
				break
			}
		}
	}
	if n := w.dropped + (len(w.lines) - len(lines)); n > 0 {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Level: LevelInfo, Code: "boilerplate",
			Message: fmt.Sprintf("dropped %d blocks of page furniture (scripts, styles, navigation, footers)", n)})
	}

	size := textRunes(res.Lines)
	if reason := notDocument(res, sh, size); reason != "" {
		return nil, &NotDocumentError{Reason: reason}
	}
	if len(res.Lines) > 0 && !w.structured {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Level: LevelWarning, Code: "no-structure",
			Message: "no paragraphs, headings, lists, tables or <br> found; the text is one run"})
	}
	if size < minTextRunes {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Level: LevelWarning, Code: "little-text",
			Message: fmt.Sprintf("only %d characters of text found", size)})
	}
	return res, nil
}

// checkNotBinary rejects input that is plainly not HTML.
func checkNotBinary(data []byte) error {
	if bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("%PDF-")) {
		return errors.New("html: input is a PDF, not HTML")
	}
	if _, ok := sniffUTF16(data); ok || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return nil
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B {
			ctl++
		}
	}
	if ctl*10 > len(head) {
		return errors.New("html: input is binary data, not HTML")
	}
	return nil
}

// plainLines splits tagless text into lines.
func plainLines(text string) []extract.Line {
	var out []extract.Line
	n := 0
	for _, l := range splitLines(text) {
		n++
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, extract.Line{Text: t, N: n})
		}
	}
	return out
}

// splitLines splits at LF, CRLF and lone CR.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}
