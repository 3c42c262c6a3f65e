// Package export turns the documents of a store into analysis tables,
// written as one SQLite database or as CSV files: documents, nodes,
// accomplishments, indicators, mandates and references. Every row of the
// tree's tables carries the document id, the node id and the chapter,
// programme, subprogramme and component numbers it sits under, so that the
// tables load straight into SQL, pandas or DuckDB.
package export

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/model"
	"github.com/undoc/undoc/store/raw"
)

// Column is one column of a table: its name and SQLite type.
type Column struct {
	Name, Type string
}

// Table is one exported table.
type Table struct {
	Name    string
	Columns []Column
	Indexes [][]string // columns of each index made in SQLite
}

func cols(spec string) []Column {
	var out []Column
	for _, f := range strings.Split(spec, ",") {
		name, typ, _ := strings.Cut(strings.TrimSpace(f), " ")
		out = append(out, Column{name, typ})
	}
	return out
}

// context columns that every tree row carries.
const where = "chapter INTEGER, programme INTEGER, subprogramme INTEGER, component INTEGER"

// The tables, in the order they are written. The row functions below fill
// the columns in this order.
var tables = []Table{
	{Name: "documents", Columns: cols(`doc_id INTEGER, key TEXT, input TEXT, symbol TEXT, language TEXT, title TEXT,
		format TEXT, source_uri TEXT, sha256 TEXT, bytes INTEGER, pages INTEGER, text_confidence REAL,
		pipeline_version TEXT, status TEXT, error TEXT, fetched_at TEXT, json_path TEXT, nodes INTEGER,
		errors INTEGER, warnings INTEGER`), Indexes: [][]string{{"symbol"}}},
	{Name: "nodes", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, parent_id TEXT, kind TEXT,
		depth INTEGER, seq INTEGER, ` + where + `, section TEXT, number TEXT, label TEXT, title TEXT, text TEXT,
		content TEXT, line_start INTEGER, line_end INTEGER, page_start INTEGER, page_end INTEGER`),
		Indexes: [][]string{{"doc_id", "node_id"}, {"kind"}, {"programme", "subprogramme", "component"}}},
	{Name: "accomplishments", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, accomplishment_id TEXT,
		` + where + `, label TEXT, marker TEXT, ordinal INTEGER, text TEXT, indicators INTEGER`),
		Indexes: [][]string{{"programme", "subprogramme", "component"}}},
	{Name: "indicators", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, accomplishment_id TEXT,
		indicator_id TEXT, ` + where + `, accomplishment_label TEXT, label TEXT, marker TEXT, ordinal INTEGER,
		text TEXT`), Indexes: [][]string{{"programme", "subprogramme", "component"}}},
	{Name: "mandates", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, ` + where + `,
		group_ordinal INTEGER, group_title TEXT, category TEXT, ordinal INTEGER, number TEXT,
		mandate_symbol TEXT, title TEXT, organ TEXT`), Indexes: [][]string{{"mandate_symbol"}}},
	{Name: "references", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, ` + where + `,
		ref_symbol TEXT, kind TEXT, text TEXT`), Indexes: [][]string{{"ref_symbol"}}},
	{Name: "table_cells", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, ` + where + `,
		table_number INTEGER, table_title TEXT, row INTEGER, col INTEGER, column_header TEXT, text TEXT,
		value REAL`),
		Indexes: [][]string{{"doc_id", "node_id"}}},
	{Name: "results", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, ` + where + `, number INTEGER,
		title TEXT`), Indexes: [][]string{{"programme", "subprogramme"}}},
	{Name: "deliverables", Columns: cols(`doc_id INTEGER, symbol TEXT, node_id TEXT, ` + where + `,
		table_label TEXT, category TEXT, category_title TEXT, row_ordinal INTEGER, row_text TEXT, item_label TEXT,
		text TEXT, column_ordinal INTEGER, column_header TEXT, year INTEGER, kind TEXT, value REAL`),
		Indexes: [][]string{{"subprogramme", "category"}, {"year", "kind"}}},
}

// Tables describes the exported tables.
func Tables() []Table { return tables }

// Table indexes into tables.
const (
	tDocuments = iota
	tNodes
	tAccomplishments
	tIndicators
	tMandates
	tReferences
	tCells
	tResults
	tDeliverables
)

// Counts is the number of rows written per table, and the documents whose
// JSON could not be read (they still have a documents row saying why).
type Counts struct {
	Rows       map[string]int `json:"rows"`
	Unreadable int            `json:"unreadable"`
}

// sink receives rows.
type sink interface {
	row(table int, vals []any) error
}

// walk reads the store's catalog and every document's JSON and sends the
// rows to s, one document at a time.
func walk(ctx context.Context, storeDir string, s sink) (Counts, error) {
	path := filepath.Join(storeDir, catalog.FileName)
	if _, err := os.Stat(path); err != nil {
		return Counts{}, fmt.Errorf("no catalog in %s: %w", storeDir, err)
	}
	cat, err := catalog.OpenReadOnly(ctx, path)
	if err != nil {
		return Counts{}, err
	}
	docs, err := cat.All(ctx)
	cat.Close()
	if err != nil {
		return Counts{}, err
	}
	c := Counts{Rows: map[string]int{}}
	for _, t := range tables {
		c.Rows[t.Name] = 0
	}
	emitRow := func(t int, vals ...any) error {
		if len(vals) != len(tables[t].Columns) {
			return fmt.Errorf("export: %d values for the %d columns of %s", len(vals), len(tables[t].Columns), tables[t].Name)
		}
		c.Rows[tables[t].Name]++
		return s.row(t, vals)
	}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		id := i + 1
		out, rerr := readJSON(storeDir, d)
		if rerr != nil {
			c.Unreadable++
			if d.Error == "" {
				d.Error = rerr.Error()
			} else {
				d.Error += "; " + rerr.Error()
			}
		}
		if err := documentRow(id, d, out, emitRow); err != nil {
			return c, err
		}
		if out != nil {
			if err := treeRows(id, out, emitRow); err != nil {
				return c, err
			}
		}
	}
	return c, nil
}

func readJSON(storeDir string, d catalog.Doc) (*model.Output, error) {
	if d.JSONPath == "" {
		return nil, nil
	}
	b, err := os.ReadFile(filepath.Join(storeDir, filepath.FromSlash(d.JSONPath)))
	if err != nil {
		return nil, fmt.Errorf("output JSON: %w", err)
	}
	if d.JSONSHA256 != "" && raw.Sum(b) != d.JSONSHA256 {
		return nil, errors.New("output JSON: content does not match the catalog's sha256")
	}
	out, err := emit.Read(b)
	if err != nil {
		return nil, fmt.Errorf("output JSON: %w", err)
	}
	return out, nil
}

type emitFunc func(t int, vals ...any) error

func documentRow(id int, d catalog.Doc, out *model.Output, emit emitFunc) error {
	var title, pages, conf any
	symbol := nullStr(d.Symbol)
	nodes, errs, warns := 0, 0, 0
	if out != nil {
		doc := out.Document
		if doc.Title != nil {
			title = *doc.Title
		}
		if doc.Source.Pages != nil {
			pages = *doc.Source.Pages
		}
		conf = doc.Quality.TextConfidence
		if doc.Symbol != nil {
			symbol = *doc.Symbol
		}
		model.Walk(out.Body, func(*model.Node) { nodes++ })
		for _, dg := range out.Diagnostics {
			switch dg.Level {
			case "error":
				errs++
			case "warning":
				warns++
			}
		}
	}
	fetched := any(nil)
	if !d.FetchedAt.IsZero() {
		fetched = d.FetchedAt.UTC().Format("2006-01-02T15:04:05Z")
	}
	return emit(tDocuments, id, d.Key, d.Input, symbol, nullStr(d.Lang), title, nullStr(d.Format),
		nullStr(d.SourceURI), nullStr(d.SHA256), d.Bytes, pages, conf, nullStr(d.Version), d.Status,
		nullStr(d.Error), fetched, nullStr(d.JSONPath), nodes, errs, warns)
}

// place is where a node sits: the numbers of what encloses it.
type place struct {
	chapter, programme, subprogramme, component any
	section                                     any
}

func (p place) vals() []any { return []any{p.chapter, p.programme, p.subprogramme, p.component} }

func treeRows(id int, out *model.Output, emit emitFunc) error {
	symbol := any(nil)
	if out.Document.Symbol != nil {
		symbol = *out.Document.Symbol
	}
	places := map[string]place{}
	seq := 0
	var visit func(nodes []*model.Node, parent string, depth int, p place) error
	visit = func(nodes []*model.Node, parent string, depth int, p place) error {
		for _, n := range nodes {
			np := p
			switch n.Kind {
			case model.KindChapter:
				np = place{chapter: intOrNil(n.Number)}
			case model.KindSection:
				np.section = strOrNil(n.Code)
			case model.KindProgramme:
				np.programme, np.subprogramme, np.component = intOrNil(n.Number), nil, nil
			case model.KindSubprogramme:
				np.subprogramme, np.component = intOrNil(n.Number), nil
			case model.KindComponent:
				np.component = intOrNil(n.Number)
			}
			places[n.ID] = np
			seq++
			number := any(nil)
			switch {
			case n.Number != nil:
				number = fmt.Sprint(*n.Number)
			case n.Code != nil:
				number = *n.Code
			}
			text := nullStr(n.Text)
			if n.FigureText != nil {
				text = *n.FigureText
			}
			vals := append([]any{id, symbol, n.ID, nullStr(parent), n.Kind, depth, seq}, np.vals()...)
			vals = append(vals, np.section, number, nullStr(n.Label), nullStr(n.Title), text, content(n),
				nullInt(n.Span.LineStart), nullInt(n.Span.LineEnd), nullInt(n.Span.PageStart), nullInt(n.Span.PageEnd))
			if err := emit(tNodes, vals...); err != nil {
				return err
			}
			if err := resultRows(id, symbol, n, np, emit); err != nil {
				return err
			}
			if err := mandateRows(id, symbol, n, np, emit); err != nil {
				return err
			}
			if err := cellRows(id, symbol, n, np, emit); err != nil {
				return err
			}
			if err := budgetRows(id, symbol, n, np, emit); err != nil {
				return err
			}
			if err := visit(n.Children, n.ID, depth+1, np); err != nil {
				return err
			}
		}
		return nil
	}
	if err := visit(out.Body, "", 0, place{}); err != nil {
		return err
	}
	for _, r := range out.References {
		p := lookupPlace(places, r.Node)
		vals := append([]any{id, symbol, nullStr(r.Node)}, p.vals()...)
		vals = append(vals, strOrNil(r.Symbol), r.Kind, r.Text)
		if err := emit(tReferences, vals...); err != nil {
			return err
		}
	}
	return nil
}

// cellRows writes a captioned table's cells, one row each: row 0 is the
// header, data rows count from 1, columns from 1.
func cellRows(id int, symbol any, n *model.Node, p place, emit emitFunc) error {
	if n.Kind != model.KindTable {
		return nil
	}
	for r, row := range append([][]string{n.Header}, n.Rows...) {
		for c, text := range row {
			head := any(nil)
			if c < len(n.Header) && n.Header[c] != "" {
				head = n.Header[c]
			}
			vals := append([]any{id, symbol, n.ID}, p.vals()...)
			value := any(nil)
			if v, ok := cellNumber(text); ok && r > 0 {
				value = v
			}
			vals = append(vals, intOrNil(n.Number), nullStr(n.Title), r, c+1, head, text, value)
			if err := emit(tCells, vals...); err != nil {
				return err
			}
		}
	}
	return nil
}

// cellNumber reads a cell that holds one figure as UN tables print them:
// "1 234.5" or "1,234.5" (spaces or commas between thousands), "-12",
// "(1 234)" for a decrease, "82%" (82). ok is false for anything else,
// dashes for nil included.
func cellNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00A0", " "))
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	s = strings.TrimSuffix(s, "%")
	for _, minus := range []string{"-", "−"} {
		if rest, ok := strings.CutPrefix(s, minus); ok {
			neg, s = !neg, rest
			break
		}
	}
	var b strings.Builder
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			b.WriteByte(c)
		case c == '.':
			b.WriteByte(c)
		case (c == ' ' || c == ',') && digits > 0 && thousands(s[i+1:]):
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// thousands tells whether s starts with a group of three digits that ends
// the number or is followed by another separator or the decimals.
func thousands(s string) bool {
	if len(s) < 3 || !isDigits(s[:3]) {
		return false
	}
	return len(s) == 3 || strings.IndexByte(" ,.", s[3]) >= 0
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func resultRows(id int, symbol any, n *model.Node, p place, emit emitFunc) error {
	for _, a := range n.Accomplishments {
		vals := append([]any{id, symbol, n.ID, a.ID}, p.vals()...)
		vals = append(vals, strOrNil(a.Label), strOrNil(a.Marker), a.Ordinal, a.Text, len(a.Indicators))
		if err := emit(tAccomplishments, vals...); err != nil {
			return err
		}
		for _, ind := range a.Indicators {
			vals := append([]any{id, symbol, n.ID, a.ID, ind.ID}, p.vals()...)
			vals = append(vals, strOrNil(a.Label), strOrNil(ind.Label), strOrNil(ind.Marker), ind.Ordinal, ind.Text)
			if err := emit(tIndicators, vals...); err != nil {
				return err
			}
		}
	}
	return nil
}

func mandateRows(id int, symbol any, n *model.Node, p place, emit emitFunc) error {
	for gi, g := range n.Groups {
		gp := p
		if g.Subprogramme != nil {
			gp.subprogramme = *g.Subprogramme
		}
		for mi, m := range g.Items {
			vals := append([]any{id, symbol, n.ID}, gp.vals()...)
			vals = append(vals, gi+1, strOrNil(g.Title), strOrNil(g.Category), mi+1, m.Number, strOrNil(m.Symbol), m.Title, organ(m.Symbol))
			if err := emit(tMandates, vals...); err != nil {
				return err
			}
		}
	}
	return nil
}

// organs name the organ a mandate's symbol belongs to, by its prefix
// (longest first), in English whatever the document's language.
var organs = []struct{ prefix, organ string }{
	{"A/HRC/", "Human Rights Council"},
	{"E/CN.4/", "Commission on Human Rights"},
	{"A/", "General Assembly"},
	{"S/", "Security Council"},
	{"E/", "Economic and Social Council"},
}

func organ(sym *string) any {
	if sym == nil {
		return nil
	}
	for _, o := range organs {
		if strings.HasPrefix(*sym, o.prefix) {
			return o.organ
		}
	}
	return nil
}

// budgetRows writes a result's number and title, and a deliverables
// table's values, one row per value: the row or numbered item, its
// column as printed and the column's year and kind ("planned", "actual").
func budgetRows(id int, symbol any, n *model.Node, p place, emit emitFunc) error {
	switch n.Kind {
	case model.KindResult:
		vals := append([]any{id, symbol, n.ID}, p.vals()...)
		return emit(tResults, append(vals, intOrNil(n.Number), n.Title)...)
	case model.KindDeliverables:
	default:
		return nil
	}
	// each column's header, year and kind ("2026 planned"), read once
	heads, years, kinds := make([]any, len(n.Columns)), make([]any, len(n.Columns)), make([]any, len(n.Columns))
	for c, h := range n.Columns {
		heads[c] = h
		if y, k, ok := model.Column(h); ok {
			years[c], kinds[c] = y, k
		}
	}
	value := func(cat *model.DeliverableCategory, ri int, row, item, text string, vs []*float64) error {
		for c, v := range vs {
			head, year, kind := any(nil), any(nil), any(nil)
			if c < len(n.Columns) {
				head, year, kind = heads[c], years[c], kinds[c]
			}
			val := any(nil)
			if v != nil {
				val = *v
			}
			vals := append([]any{id, symbol, n.ID}, p.vals()...)
			vals = append(vals, nullStr(n.Label), nullStr(cat.Label), nullStr(cat.Title), ri, row, nullStr(item), text, c+1, head, year, kind, val)
			if err := emit(tDeliverables, vals...); err != nil {
				return err
			}
		}
		return nil
	}
	for _, cat := range n.Categories {
		for ri, r := range cat.Rows {
			if err := value(cat, ri+1, r.Text, "", r.Text, r.Values); err != nil {
				return err
			}
			for _, it := range r.Items {
				if err := value(cat, ri+1, r.Text, it.Label, it.Text, it.Values); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// lookupPlace finds the node a reference points to, or the nearest node
// above it when the id names an item inside a node.
func lookupPlace(places map[string]place, id string) place {
	for id != "" {
		if p, ok := places[id]; ok {
			return p
		}
		i := strings.LastIndexByte(id, '/')
		if i < 0 {
			break
		}
		id = id[:i]
	}
	return place{}
}

// content is the structured part of a node that has no column of its own:
// a table's header, rows and note, or a paragraph's items, as JSON.
func content(n *model.Node) any {
	var v any
	switch {
	case n.Kind == model.KindTable:
		v = struct {
			Header []string   `json:"header"`
			Rows   [][]string `json:"rows"`
			Note   *string    `json:"note"`
		}{n.Header, n.Rows, n.Note}
	case len(n.Items) > 0:
		v = n.Items
	default:
		return nil
	}
	b, err := jsonMarshal(v)
	if err != nil {
		return nil
	}
	return string(b)
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(i int) any {
	if i == 0 {
		return nil
	}
	return i
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func strOrNil(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}
