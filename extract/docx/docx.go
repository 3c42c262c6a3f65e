// Package docx extracts the text of a Word (Office Open XML, .docx) document
// into extract.Lines for the segmenter, with the layout evidence Word keeps:
// style names and outline levels, bold and size, indentation, table cells,
// and the numbers Word prints for automatically numbered paragraphs.
//
// The work runs in stages, one file each:
//
//   - zip.go: open the package with limits on entry count, declared and
//     actual uncompressed size and compression ratio; tell legacy .doc and
//     encrypted files (OLE compound files) apart. Entry names are only keys
//     of a map, never paths on disk.
//   - xml.go: parse a part into a small element tree, rejecting DOCTYPE and
//     ENTITY declarations and bounding the nesting depth.
//   - styles.go: paragraph and character styles with basedOn inheritance.
//   - numbering.go: list numbering (abstractNum, num, level overrides) and
//     the printed label of each numbered paragraph, computed as Word does.
//   - body.go: walk the body, tables, text boxes, fields, hyperlinks,
//     tracked changes, footnotes and endnotes into Lines and Links.
//
// Choices: one Line per paragraph, or per piece of a paragraph cut by a
// line break (w:br, w:cr). Tabs read as one space. The first page's header
// (the masthead) gives the first Lines, a header table row as one line.
// Footnotes are printed where the page ends that references them, as the
// PDF prints them: at the page break Word rendered when it last saved the
// file (w:lastRenderedPageBreak, or a hard page break), below the footnote
// separator's text, before the paragraph that opens the page or after the
// one the break falls in. Footnotes left, and endnotes, are kept as Lines
// after the body (each in order of first reference, the first line of each
// starting with its mark, "1 ..."); the reference mark stays in the
// body text where Word prints it ("persons of concern1"), as in the text
// of the PDF, so that both renderings give the same text.
// Other headers and footers are page furniture and are not read; comments are
// ignored; deleted text (w:del, w:moveFrom) is dropped and inserted text
// (w:ins, w:moveTo) kept; field instructions are dropped and their results
// kept; hidden text (w:vanish) is dropped. Of an mc:AlternateContent only
// the first mc:Choice is read (its mc:Fallback holds the same text again).
// Paragraphs framed at the foot of the page (the masthead's notes, "* The
// present document ...") are read at the end of their section, where the
// PDF prints them.
package docx

import (
	"context"
	"errors"

	"github.com/undoc/undoc/extract"
)

// Errors a document can fail with. Each wraps into a message that says
// what was found.
var (
	// ErrEmpty is returned for an input with no bytes.
	ErrEmpty = errors.New("docx: empty input")
	// ErrNotDocx is returned for bytes that are not a zip package holding
	// a Word document (word/document.xml), or a truncated one.
	ErrNotDocx = errors.New("docx: not a Word document package")
	// ErrLegacyDoc is returned for an OLE compound file: a Word 97-2003
	// .doc (or another legacy Office file), which this reader does not read.
	ErrLegacyDoc = errors.New("docx: legacy Office file (.doc, OLE compound file); save it as .docx")
	// ErrEncrypted is returned for a password-protected Office file (an
	// OLE compound file holding EncryptionInfo).
	ErrEncrypted = errors.New("docx: encrypted (password-protected) Office file")
	// ErrTooLarge is returned when a limit on the package is exceeded:
	// entry count, uncompressed size or compression ratio.
	ErrTooLarge = errors.New("docx: package exceeds a safety limit")
	// ErrBadXML is returned for a part that is not well-formed XML, holds
	// a DOCTYPE or ENTITY declaration, or nests too deep.
	ErrBadXML = errors.New("docx: bad XML part")
)

// Limits bound the work done on one package. Zero fields take the defaults.
type Limits struct {
	// MaxEntries is the most entries the zip may list (default 5000).
	MaxEntries int
	// MaxTotal is the most uncompressed bytes all entries may declare
	// together (default 512 MiB).
	MaxTotal int64
	// MaxPart is the most uncompressed bytes read from one part (default
	// 32 MiB; the largest in the corpus, A/80/6 (Sect. 24), has 6.5 MB);
	// the bytes actually inflated are counted, not only declared.
	MaxPart int64
	// MaxRatio is the highest uncompressed/compressed ratio an entry over
	// 1 MiB may declare (default 250).
	MaxRatio int64
	// MaxDepth is the deepest element nesting accepted in a part
	// (default 256).
	MaxDepth int
}

func (l Limits) withDefaults() Limits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = 5000
	}
	if l.MaxTotal <= 0 {
		l.MaxTotal = 512 << 20
	}
	if l.MaxPart <= 0 {
		l.MaxPart = 32 << 20
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = 250
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 256
	}
	return l
}

// Options tune an extraction.
type Options struct {
	Limits Limits
}

// Result is what a Word document yields.
type Result struct {
	// Lines are the document's lines in reading order: the masthead, the
	// body with each page's footnotes at its end, then the notes left and
	// the endnotes. N numbers them from 1; Page is 0 (Word does not store
	// pages).
	Lines []extract.Line
	// Links are the hyperlinks (w:hyperlink relationships and HYPERLINK
	// fields) to external targets, in document order.
	Links []Link
	// Title is the core property dc:title, "" when there is none.
	Title string
	// Symbol is the document symbol in the masthead (the first page's
	// header), "" when none is found.
	Symbol string
	// Diagnostics are problems found that did not stop the reading.
	Diagnostics []Diagnostic

	labeled []int // the N of each line that starts with a computed list label
}

// Link is a hyperlink in the document.
type Link struct {
	URI string
	// Text is the text the link covers, white space collapsed.
	Text string
	// Line is the N of the line the link's text starts on, 0 if it covers
	// no text.
	Line int
}

// Diagnostic is one problem found while extracting.
type Diagnostic struct {
	Level   string // "info" or "warning"
	Code    string // stable identifier, e.g. "unknown-symbol"
	Message string
}

// Extract reads a .docx document. A bad package returns one of the errors
// above (wrapped with detail); it never panics on bad input.
func Extract(ctx context.Context, data []byte, opt Options) (*Result, error) {
	if len(data) == 0 {
		return nil, ErrEmpty
	}
	pkg, err := openPackage(data, opt.Limits.withDefaults())
	if err != nil {
		return nil, err
	}
	return read(ctx, pkg)
}
