// Package diff compares two editions of a UN document, given as outputs of
// the pipeline, and reports what changed in the parts of a programme plan
// that analysts follow from edition to edition: programmes, subprogrammes
// and components (added, removed, renamed, renumbered), objectives
// (reworded), expected accomplishments and indicators (added, removed,
// reworded with a character-level diff, moved or renumbered), legislative
// mandates (added, removed) and the captioned tables (表 n: added, removed,
// renamed; their rows added or removed; their cells reworded) and the
// paragraphs of the text (added, removed, reworded, moved; matched by
// content, never by number).
//
// Entries are matched on their stable ids and numbering first; where the
// numbering shifted, on unchanged text; then on text similarity. An item
// that kept its text under a new label is moved (or renumbered), never
// deleted and added again. White space is not a difference.
package diff

import (
	"bytes"
	"encoding/json"

	"github.com/undoc/undoc/store/model"
)

// SchemaVersion is the version of the report's JSON shape.
const SchemaVersion = "1"

// Kinds of entries a change is about.
const (
	KindProgramme      = model.KindProgramme
	KindSubprogramme   = model.KindSubprogramme
	KindComponent      = model.KindComponent
	KindObjective      = model.KindObjective
	KindAccomplishment = "accomplishment"
	KindIndicator      = "indicator"
	KindMandate        = "mandate"
)

// Changes.
const (
	Added      = "added"      // only in the new edition
	Removed    = "removed"    // only in the old edition
	Renamed    = "renamed"    // a programme, subprogramme or component with the same number and a new title
	Reworded   = "reworded"   // an objective, accomplishment or indicator in the same place with new text
	Renumbered = "renumbered" // in the same parent under a new number or label
	Moved      = "moved"      // an accomplishment or indicator now under another parent
)

// Report is what changed from the old edition to the new one.
type Report struct {
	SchemaVersion string         `json:"schema_version"`
	Old           Side           `json:"old"`
	New           Side           `json:"new"`
	Identical     bool           `json:"identical"`
	Summary       map[string]int `json:"summary"` // change → how many
	// ByKind counts the changes by kind, then change.
	ByKind  map[string]map[string]int `json:"by_kind"`
	Changes []Change                  `json:"changes"`
}

// Side says which document an edition was read from.
type Side struct {
	Symbol *string `json:"symbol"`
	URI    string  `json:"uri"`
	Format string  `json:"format"`
	SHA256 string  `json:"sha256"`
}

// Change is one difference. Old is nil for an addition and New for a
// removal. Diff is set whenever the text (or title) changed, so a moved or
// renumbered entry that was also reworded carries it; Similarity then says
// how much of the text was kept (see Similarity).
type Change struct {
	Kind       string   `json:"kind"`
	Change     string   `json:"change"`
	Old        *Entry   `json:"old"`
	New        *Entry   `json:"new"`
	Similarity *float64 `json:"similarity,omitempty"`
	Diff       []Edit   `json:"diff,omitempty"`
	// Deliverable names a deliverable and, for a value that changed, the
	// column and both values.
	Deliverable *Deliverable `json:"deliverable,omitempty"`
}

// Entry is one side of a change. Text is the title of a programme,
// subprogramme, component or table, the text of an objective,
// accomplishment, indicator or table cell, the cells of a table row joined
// by " | ", and the title of a mandate. ID is the node id (for a mandate,
// the id of its mandates list; for a row or cell, its table's).
type Entry struct {
	ID     string `json:"id"`
	Number *int   `json:"number,omitempty"`
	// Subprogramme is the number of the subprogramme an objective or a
	// result belongs to.
	Subprogramme *int     `json:"subprogramme,omitempty"`
	Label        *string  `json:"label,omitempty"`
	Marker       *string  `json:"marker,omitempty"`
	Text         string   `json:"text"`
	Mandate      *Mandate `json:"mandate,omitempty"`
	Cell         *Cell    `json:"cell,omitempty"`
}

// Mandate identifies a mandate and the group it is listed in.
type Mandate struct {
	Number       string  `json:"number"`
	Symbol       *string `json:"symbol"`
	Subprogramme *int    `json:"subprogramme"`
	Category     *string `json:"category"`
}

// Compare reports what changed from old to new.
func Compare(old, new *model.Output) *Report {
	a, b := collect(old, false), collect(new, true)
	flattenProgrammes(a, b)
	m := &matcher{old: a, new: b}
	m.run()
	r := &Report{
		SchemaVersion: SchemaVersion,
		Old:           side(old),
		New:           side(new),
		Summary:       map[string]int{},
		ByKind:        map[string]map[string]int{},
		Changes:       m.changes(),
	}
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	for _, c := range r.Changes {
		r.count(c)
	}
	r.Identical = len(r.Changes) == 0
	return r
}

func side(o *model.Output) Side {
	return Side{Symbol: o.Document.Symbol, URI: o.Document.Source.URI,
		Format: o.Document.Source.Format, SHA256: o.Document.Source.SHA256}
}

// Marshal writes a report as indented JSON ending in a newline, with HTML
// characters kept as they are.
func Marshal(r *Report) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Only keeps the changes of the given kinds, with the summary and counts
// made again; no kinds keeps them all.
func (r *Report) Only(kinds ...string) *Report {
	if len(kinds) == 0 {
		return r
	}
	keep := map[string]bool{}
	for _, k := range kinds {
		keep[k] = true
	}
	out := *r
	out.Changes = []Change{}
	out.Summary, out.ByKind = map[string]int{}, map[string]map[string]int{}
	for _, c := range r.Changes {
		if keep[c.Kind] {
			out.Changes = append(out.Changes, c)
			out.count(c)
		}
	}
	out.Identical = len(out.Changes) == 0
	return &out
}

func (r *Report) count(c Change) {
	r.Summary[c.Change]++
	if r.ByKind[c.Kind] == nil {
		r.ByKind[c.Kind] = map[string]int{}
	}
	r.ByKind[c.Kind][c.Change]++
}
