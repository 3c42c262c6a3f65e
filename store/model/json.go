package model

import (
	"encoding/json"
	"fmt"
)

// The per-kind shapes in which nodes are written. Children are converted
// to these shapes before encoding, so that the encoder walks the whole tree
// in one pass.
type (
	chapterJSON struct {
		Kind     string `json:"kind"`
		ID       string `json:"id"`
		Span     Span   `json:"span"`
		Number   *int   `json:"number"`
		Label    string `json:"label"`
		Title    string `json:"title"`
		Children []any  `json:"children"`
	}
	sectionJSON struct {
		Kind     string  `json:"kind"`
		ID       string  `json:"id"`
		Span     Span    `json:"span"`
		Number   *string `json:"number"`
		Title    string  `json:"title"`
		Children []any   `json:"children"`
	}
	numberedJSON struct {
		Kind     string `json:"kind"`
		ID       string `json:"id"`
		Span     Span   `json:"span"`
		Number   *int   `json:"number"`
		Title    string `json:"title"`
		Children []any  `json:"children"`
	}
	headingJSON struct {
		Kind     string `json:"kind"`
		ID       string `json:"id"`
		Span     Span   `json:"span"`
		Title    string `json:"title"`
		Children []any  `json:"children"`
	}
	frontJSON struct {
		Kind     string `json:"kind"`
		ID       string `json:"id"`
		Span     Span   `json:"span"`
		Children []any  `json:"children"`
	}
	paragraphJSON struct {
		Kind      string  `json:"kind"`
		ID        string  `json:"id"`
		Span      Span    `json:"span"`
		Number    *string `json:"number"`
		Text      string  `json:"text"`
		Items     []*Item `json:"items"`
		FormField bool    `json:"form_field,omitempty"`
	}
	objectiveJSON struct {
		Kind   string  `json:"kind"`
		ID     string  `json:"id"`
		Span   Span    `json:"span"`
		Number *string `json:"number"`
		Text   string  `json:"text"`
	}
	deliverablesJSON struct {
		Kind       string                 `json:"kind"`
		ID         string                 `json:"id"`
		Span       Span                   `json:"span"`
		Label      *string                `json:"label"`
		Number     *int                   `json:"number"`
		Title      string                 `json:"title"`
		Columns    []string               `json:"columns"`
		Categories []*DeliverableCategory `json:"categories"`
		Note       *string                `json:"note"`
	}
	resultsJSON struct {
		Kind            string            `json:"kind"`
		ID              string            `json:"id"`
		Span            Span              `json:"span"`
		Accomplishments []*Accomplishment `json:"accomplishments"`
	}
	mandatesJSON struct {
		Kind   string          `json:"kind"`
		ID     string          `json:"id"`
		Span   Span            `json:"span"`
		Groups []*MandateGroup `json:"groups"`
	}
	tableJSON struct {
		Kind   string     `json:"kind"`
		ID     string     `json:"id"`
		Span   Span       `json:"span"`
		Label  *string    `json:"label"`
		Number *int       `json:"number"`
		Title  string     `json:"title"`
		Header []string   `json:"header"`
		Rows   [][]string `json:"rows"`
		Note   *string    `json:"note"`
	}
	figureJSON struct {
		Kind   string  `json:"kind"`
		ID     string  `json:"id"`
		Span   Span    `json:"span"`
		Label  *string `json:"label"`
		Number *int    `json:"number"`
		Title  string  `json:"title"`
		Text   *string `json:"text"`
	}
)

// MarshalJSON writes the fields of the node's kind, in contract order.
func (n *Node) MarshalJSON() ([]byte, error) {
	w, err := n.shape()
	if err != nil {
		return nil, err
	}
	return json.Marshal(w)
}

// shape converts n and its children to their per-kind shapes.
func (n *Node) shape() (any, error) {
	children := make([]any, 0, len(n.Children))
	for _, c := range n.Children {
		w, err := c.shape()
		if err != nil {
			return nil, err
		}
		children = append(children, w)
	}
	switch n.Kind {
	case KindChapter:
		return chapterJSON{n.Kind, n.ID, n.Span, n.Number, n.Label, n.Title, children}, nil
	case KindSection:
		return sectionJSON{n.Kind, n.ID, n.Span, n.Code, n.Title, children}, nil
	case KindProgramme, KindSubprogramme, KindComponent, KindResult:
		return numberedJSON{n.Kind, n.ID, n.Span, n.Number, n.Title, children}, nil
	case KindFrontMatter:
		return frontJSON{n.Kind, n.ID, n.Span, children}, nil
	case KindHeading:
		return headingJSON{n.Kind, n.ID, n.Span, n.Title, children}, nil
	case KindParagraph:
		return paragraphJSON{n.Kind, n.ID, n.Span, n.Code, n.Text, orEmpty(n.Items), n.FormField}, nil
	case KindObjective:
		return objectiveJSON{n.Kind, n.ID, n.Span, n.Code, n.Text}, nil
	case KindDeliverables:
		return deliverablesJSON{n.Kind, n.ID, n.Span, n.label(), n.Number, n.Title, orEmpty(n.Columns), orEmpty(n.Categories), n.Note}, nil
	case KindResults:
		return resultsJSON{n.Kind, n.ID, n.Span, orEmpty(n.Accomplishments)}, nil
	case KindMandates:
		return mandatesJSON{n.Kind, n.ID, n.Span, orEmpty(n.Groups)}, nil
	case KindTable:
		return tableJSON{n.Kind, n.ID, n.Span, n.label(), n.Number, n.Title, orEmpty(n.Header), orEmpty(n.Rows), n.Note}, nil
	case KindFigure:
		return figureJSON{n.Kind, n.ID, n.Span, n.label(), n.Number, n.Title, n.FigureText}, nil
	}
	return nil, fmt.Errorf("model: unknown node kind %q", n.Kind)
}

// label is a caption's number as printed, nil when none was printed.
func (n *Node) label() *string {
	if n.Label == "" {
		return nil
	}
	return &n.Label
}

// orEmpty writes a nil slice as [] rather than null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// wireNode has every field any kind may carry.
type wireNode struct {
	Kind            string                 `json:"kind"`
	ID              string                 `json:"id"`
	Span            Span                   `json:"span"`
	Number          json.RawMessage        `json:"number"`
	Label           string                 `json:"label"`
	Title           string                 `json:"title"`
	Text            json.RawMessage        `json:"text"`
	Children        []*Node                `json:"children"`
	Items           []*Item                `json:"items"`
	Accomplishments []*Accomplishment      `json:"accomplishments"`
	Groups          []*MandateGroup        `json:"groups"`
	Header          []string               `json:"header"`
	Rows            [][]string             `json:"rows"`
	Note            *string                `json:"note"`
	Columns         []string               `json:"columns"`
	Categories      []*DeliverableCategory `json:"categories"`
	FormField       bool                   `json:"form_field"`
}

// UnmarshalJSON reads a node written by MarshalJSON.
func (n *Node) UnmarshalJSON(b []byte) error {
	var w wireNode
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*n = Node{Kind: w.Kind, ID: w.ID, Span: w.Span, Label: w.Label, Title: w.Title,
		Children: w.Children, Items: w.Items, Accomplishments: w.Accomplishments,
		Groups: w.Groups, Header: w.Header, Rows: w.Rows, Note: w.Note,
		Columns: w.Columns, Categories: w.Categories, FormField: w.FormField}
	if len(w.Number) > 0 && string(w.Number) != "null" {
		switch n.Kind {
		case KindSection, KindParagraph, KindObjective:
			var s string
			if err := json.Unmarshal(w.Number, &s); err != nil {
				return fmt.Errorf("node %s: number: %w", w.ID, err)
			}
			n.Code = &s
		default:
			var i int
			if err := json.Unmarshal(w.Number, &i); err != nil {
				return fmt.Errorf("node %s: number: %w", w.ID, err)
			}
			n.Number = &i
		}
	}
	if len(w.Text) > 0 && string(w.Text) != "null" {
		var s string
		if err := json.Unmarshal(w.Text, &s); err != nil {
			return fmt.Errorf("node %s: text: %w", w.ID, err)
		}
		if n.Kind == KindFigure {
			n.FigureText = &s
		} else {
			n.Text = s
		}
	}
	return nil
}

// outputJSON is Output with its body in per-kind shapes.
type outputJSON struct {
	SchemaVersion string       `json:"schema_version"`
	Document      Document     `json:"document"`
	Body          []any        `json:"body"`
	References    []Reference  `json:"references"`
	Diagnostics   []Diagnostic `json:"diagnostics"`
}

// Shape returns o in the form encoding/json writes in one pass, without
// calling Node.MarshalJSON for every node.
func (o *Output) Shape() (any, error) {
	body := make([]any, 0, len(o.Body))
	for _, n := range o.Body {
		w, err := n.shape()
		if err != nil {
			return nil, err
		}
		body = append(body, w)
	}
	return outputJSON{o.SchemaVersion, o.Document, body, orEmpty(o.References), orEmpty(o.Diagnostics)}, nil
}
