package model

import (
	"bytes"
	"encoding/json"
	"fmt"
)

type field struct {
	key string
	val any
}

// MarshalJSON writes the fields of the node's kind, in contract order.
func (n *Node) MarshalJSON() ([]byte, error) {
	fs := []field{{"kind", n.Kind}, {"id", n.ID}, {"span", n.Span}}
	children := n.Children
	if children == nil {
		children = []*Node{}
	}
	switch n.Kind {
	case KindChapter:
		fs = append(fs, field{"number", n.Number}, field{"label", n.Label}, field{"title", n.Title}, field{"children", children})
	case KindSection:
		fs = append(fs, field{"number", n.Code}, field{"title", n.Title}, field{"children", children})
	case KindProgramme, KindSubprogramme, KindComponent:
		fs = append(fs, field{"number", n.Number}, field{"title", n.Title}, field{"children", children})
	case KindHeading:
		fs = append(fs, field{"title", n.Title}, field{"children", children})
	case KindParagraph:
		items := n.Items
		if items == nil {
			items = []*Item{}
		}
		fs = append(fs, field{"number", n.Code}, field{"text", n.Text}, field{"items", items})
	case KindObjective:
		fs = append(fs, field{"text", n.Text})
	case KindResults:
		acc := n.Accomplishments
		if acc == nil {
			acc = []*Accomplishment{}
		}
		fs = append(fs, field{"accomplishments", acc})
	case KindMandates:
		groups := n.Groups
		if groups == nil {
			groups = []*MandateGroup{}
		}
		fs = append(fs, field{"groups", groups})
	case KindTable:
		header, rows := n.Header, n.Rows
		if header == nil {
			header = []string{}
		}
		if rows == nil {
			rows = [][]string{}
		}
		fs = append(fs, field{"number", n.Number}, field{"title", n.Title}, field{"header", header}, field{"rows", rows}, field{"note", n.Note})
	case KindFigure:
		fs = append(fs, field{"number", n.Number}, field{"title", n.Title}, field{"text", n.FigureText})
	default:
		return nil, fmt.Errorf("model: unknown node kind %q", n.Kind)
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(f.key)
		buf.Write(k)
		buf.WriteByte(':')
		v, err := json.Marshal(f.val)
		if err != nil {
			return nil, err
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// wireNode has every field any kind may carry.
type wireNode struct {
	Kind            string            `json:"kind"`
	ID              string            `json:"id"`
	Span            Span              `json:"span"`
	Number          json.RawMessage   `json:"number"`
	Label           string            `json:"label"`
	Title           string            `json:"title"`
	Text            json.RawMessage   `json:"text"`
	Children        []*Node           `json:"children"`
	Items           []*Item           `json:"items"`
	Accomplishments []*Accomplishment `json:"accomplishments"`
	Groups          []*MandateGroup   `json:"groups"`
	Header          []string          `json:"header"`
	Rows            [][]string        `json:"rows"`
	Note            *string           `json:"note"`
}

// UnmarshalJSON reads a node written by MarshalJSON.
func (n *Node) UnmarshalJSON(b []byte) error {
	var w wireNode
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*n = Node{Kind: w.Kind, ID: w.ID, Span: w.Span, Label: w.Label, Title: w.Title,
		Children: w.Children, Items: w.Items, Accomplishments: w.Accomplishments,
		Groups: w.Groups, Header: w.Header, Rows: w.Rows, Note: w.Note}
	if len(w.Number) > 0 && string(w.Number) != "null" {
		switch n.Kind {
		case KindSection, KindParagraph:
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
