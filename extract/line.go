// Package extract turns source bytes (text dumps, PDFs, HTML, Word) into
// Lines: the text of a document in reading order, with where each line came
// from and the layout evidence the source gives (headings, weight, size,
// indentation, table cells), so that the segmenter can use layout before it
// guesses from words.
package extract

// Line is one line of a document as extracted, before normalisation.
type Line struct {
	// Text is the line as extracted. Extractors do not join or fold it.
	Text string
	// N is the 1-based line number in the decoded input (text, HTML), or the
	// 1-based sequence number of the line in the document (PDF, Word).
	N int
	// Page is the 1-based page the line sits on, or 0 when unknown.
	Page int
	// Row and Col place the line in a table found by layout (PDF, HTML,
	// Word): Row counts table rows from 1 within one table, Col counts
	// columns from 1. Both are 0 for running text.
	Row, Col int
	// Table numbers the tables found by layout from 1; 0 for running text.
	Table int
	// Heading is set when the source marked the line as a heading: HTML
	// h1-h6, a Word heading style or outline level (1-based), bold centred
	// paragraphs. 0 means not known to be a heading.
	Heading int
	// HeaderCell is set for a table cell the source marks as a header
	// (HTML th or thead, a Word repeated header row), or that PDF layout
	// shows as one (a first row of cells set off from their columns' left
	// edges, see extract/pdf/tablehead.go).
	HeaderCell bool
	// Bold is set when the whole line is set in a bold weight (HTML b or
	// strong, PDF bold font, Word bold run properties).
	Bold bool
	// Size is the font size in points, 0 when unknown.
	Size float64
	// Indent is the left indentation in points from the text's left margin,
	// 0 when unknown or at the margin.
	Indent float64
	// Style is the source's name for the paragraph's style (a Word style
	// name such as "Heading 1" or "H23G"), empty when the source has none.
	Style string
	// FormField is set when the line is the text of an interactive form
	// field, not of the page (PDF: a Widget annotation's appearance,
	// ISO 32000-1:2008 §12.7); such a line holds nothing else.
	FormField bool
}
