// Package extract turns source bytes (text dumps, PDFs, HTML) into Lines: the
// text of a document in reading order, with where each line came from and,
// when the source has layout, which table cell it belongs to.
package extract

// Line is one line of a document as extracted, before normalisation.
type Line struct {
	// Text is the line as extracted. Extractors do not join or fold it.
	Text string
	// N is the 1-based line number in the decoded input (text, HTML), or the
	// 1-based sequence number of the line in the document (PDF).
	N int
	// Page is the 1-based page the line sits on, or 0 when unknown.
	Page int
	// Row and Col place the line in a table found by layout (PDF, HTML):
	// Row counts table rows from 1 within one table, Col counts columns
	// from 1. Both are 0 for running text.
	Row, Col int
	// Table numbers the tables found by layout from 1; 0 for running text.
	Table int
	// Heading is set when the source marked the line as a heading (HTML h1-h6,
	// bold centred paragraphs). 0 means not known to be a heading.
	Heading int
}
