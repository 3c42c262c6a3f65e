// Package html extracts the text of an HTML page holding a UN document (old
// un.org pages, often in GB2312/GBK) into extract.Lines, in reading order.
//
// The work runs in stages, one file each:
//
//   - charset.go: choose the character encoding (BOM, HTTP Content-Type,
//     <meta>), check the claim against the bytes and decode to UTF-8.
//   - source.go: tag every start tag of the decoded source with the line it
//     starts on, so that elements in the parsed tree know their source line.
//   - boiler.go: find navigation, scripts and un.org page furniture to drop.
//   - walk.go, text.go, table.go: walk the tree and emit one Line per visual
//     line (headings, paragraphs, list items, <br> lines, table cells).
//   - notdoc.go: recognise error pages and viewer shells served in place of
//     a document.
//
// Line numbers (Line.N, Link.Line, Diagnostic.Line) are 1-based lines of the
// decoded HTML source. A line ends at LF, CRLF or a lone CR.
package html
