// Package model holds the output contract (shared/spec/output.md, schema
// version 1): the typed document tree that the segmenter builds and that the
// writers, exports and diff read.
package model

// SchemaVersion is the contract version written into every output.
const SchemaVersion = "1"

// Output is one UN document as data.
type Output struct {
	SchemaVersion string       `json:"schema_version"`
	Document      Document     `json:"document"`
	Body          []*Node      `json:"body"`
	References    []Reference  `json:"references"`
	Diagnostics   []Diagnostic `json:"diagnostics"`
}

// Document says what the document is. The fields after Quality come from
// the masthead and title block, each null when absent.
type Document struct {
	Symbol    *string   `json:"symbol"`
	Language  string    `json:"language"`
	Title     *string   `json:"title"`
	Source    Source    `json:"source"`
	Generator Generator `json:"generator"`
	Quality   Quality   `json:"quality"`

	Date             *string `json:"date"`    // ISO 2026-02-20
	Session          *string `json:"session"` // as printed
	Agenda           *string `json:"agenda"`  // as printed
	Distribution     *string `json:"distribution"`
	OriginalLanguage *string `json:"original_language"` // as printed
	Organ            *string `json:"organ"`
	Budget           *Budget `json:"budget"`
}

// Budget places a budget section in the programme budget.
type Budget struct {
	Part      *Division `json:"part"`
	Section   *Division `json:"section"`
	Programme *Division `json:"programme"`
}

// Division is one level of the budget: its number as printed in digits or
// Roman numerals ("VI", "25", "29C", "21") and its title.
type Division struct {
	Number string `json:"number"`
	Title  string `json:"title"`
}

// Source describes the input bytes.
type Source struct {
	Format   string `json:"format"` // "pdf", "text", "html" or "docx"
	URI      string `json:"uri"`
	SHA256   string `json:"sha256"`
	Bytes    int64  `json:"bytes"`
	Pages    *int   `json:"pages"`
	Encoding string `json:"encoding,omitempty"`
}

// Generator names the program that wrote the output.
type Generator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Quality measures how far the extracted text can be trusted.
type Quality struct {
	TextConfidence float64 `json:"text_confidence"`
}

// Reference is one citation of a UN document or resolution.
type Reference struct {
	Symbol *string `json:"symbol"`
	Kind   string  `json:"kind"` // "document", "resolution" or "decision"
	Text   string  `json:"text"`
	Node   string  `json:"node"`
}

// Diagnostic reports what went wrong or looks doubtful.
type Diagnostic struct {
	Level   string `json:"level"` // "error", "warning" or "info"
	Code    string `json:"code"`
	Message string `json:"message"`
	Node    string `json:"node,omitempty"`
	Page    int    `json:"page,omitempty"`
	Line    int    `json:"line,omitempty"`
}

// Span is where a node came from: lines of the decoded input, and pages for PDFs.
type Span struct {
	LineStart int `json:"line_start,omitempty"`
	LineEnd   int `json:"line_end,omitempty"`
	PageStart int `json:"page_start,omitempty"`
	PageEnd   int `json:"page_end,omitempty"`
}

// Extend widens s to cover o.
func (s *Span) Extend(o Span) {
	if o.LineStart != 0 && (s.LineStart == 0 || o.LineStart < s.LineStart) {
		s.LineStart = o.LineStart
	}
	if o.LineEnd > s.LineEnd {
		s.LineEnd = o.LineEnd
	}
	if o.PageStart != 0 && (s.PageStart == 0 || o.PageStart < s.PageStart) {
		s.PageStart = o.PageStart
	}
	if o.PageEnd > s.PageEnd {
		s.PageEnd = o.PageEnd
	}
}

// Node kinds.
const (
	KindFrontMatter  = "front-matter"
	KindChapter      = "chapter"
	KindSection      = "section"
	KindProgramme    = "programme"
	KindSubprogramme = "subprogramme"
	KindComponent    = "component"
	KindHeading      = "heading"
	KindParagraph    = "paragraph"
	KindObjective    = "objective"
	KindResults      = "results"
	KindMandates     = "mandates"
	KindTable        = "table"
	KindFigure       = "figure"
	// The budget format since 2020.
	KindResult       = "result"
	KindDeliverables = "deliverables"
)

// Node is one element of the document tree. Which fields are written
// depends on Kind (see json.go).
type Node struct {
	Kind string
	ID   string
	Span Span

	// Number is the integer number of a chapter, programme, subprogramme,
	// component, table or figure (nil when printed without one).
	Number *int
	// Code is the string number of a section ("A") or paragraph ("12").
	Code  *string
	Label string // chapter label as printed, "第一章"
	Title string
	Text  string
	// FormField marks a paragraph built from form-field text (a PDF form
	// field's value: extract.Line.FormField); written only when set.
	FormField bool

	Children        []*Node
	Items           []*Item
	Accomplishments []*Accomplishment
	Groups          []*MandateGroup
	Header          []string
	Rows            [][]string
	Note            *string
	FigureText      *string
	Columns         []string               // deliverables: the value columns as printed
	Categories      []*DeliverableCategory // deliverables
}

// DeliverableCategory is one lettered category of a deliverables table
// ("A. Facilitation of the intergovernmental process and expert bodies").
type DeliverableCategory struct {
	Label string            `json:"label"`
	Title string            `json:"title"`
	Rows  []*DeliverableRow `json:"rows"`
}

// DeliverableRow is a subcategory row ("Parliamentary documentation
// (number of documents)") with its values, one per column (nil for "–"),
// footnote marks kept apart from the text, and the numbered items under it.
type DeliverableRow struct {
	Text      string             `json:"text"`
	Footnotes []string           `json:"footnotes"`
	Values    []*float64         `json:"values"`
	Items     []*DeliverableItem `json:"items"`
}

// DeliverableItem is a numbered deliverable under a subcategory row.
type DeliverableItem struct {
	Label     string     `json:"label"`
	Text      string     `json:"text"`
	Footnotes []string   `json:"footnotes"`
	Values    []*float64 `json:"values"`
}

// Numbering is the marker, label and ordinal of a numbered thing.
type Numbering struct {
	Label   *string `json:"label"`
	Marker  *string `json:"marker"`
	Ordinal int     `json:"ordinal"`
}

// Item is a lettered or numbered item of a paragraph; items nest.
type Item struct {
	ID string `json:"id"`
	Numbering
	Text  string  `json:"text"`
	Items []*Item `json:"items"`
}

// Accomplishment is an expected accomplishment with its indicators.
type Accomplishment struct {
	ID string `json:"id"`
	Numbering
	Text       string       `json:"text"`
	Indicators []*Indicator `json:"indicators"`
}

// Indicator is an indicator of achievement.
type Indicator struct {
	ID string `json:"id"`
	Numbering
	Text string `json:"text"`
}

// MandateGroup is the mandates of one subprogramme and category.
type MandateGroup struct {
	Subprogramme *int       `json:"subprogramme"`
	Title        *string    `json:"title"`
	Category     *string    `json:"category"`
	Items        []*Mandate `json:"items"`
}

// Mandate is one resolution or decision in a mandate list.
type Mandate struct {
	Number string  `json:"number"`
	Symbol *string `json:"symbol"`
	Title  string  `json:"title"`
}

// Walk calls fn for n and every node below it, depth first.
func Walk(nodes []*Node, fn func(*Node)) {
	for _, n := range nodes {
		fn(n)
		Walk(n.Children, fn)
	}
}
