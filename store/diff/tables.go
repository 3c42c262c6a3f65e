package diff

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/undoc/undoc/store/model"
)

// Kinds of the entries of captioned tables (表 n).
const (
	KindTable = model.KindTable // a whole table: added, removed, renamed (its title)
	KindRow   = "table_row"     // a row of a table present in both editions: added, removed
	KindCell  = "table_cell"    // a cell of a row present in both: added, removed, reworded
)

// Cell says where in a table a row or cell is. Row 0 is the header, data
// rows count from 1, columns from 1 (0 for a whole row).
type Cell struct {
	Row      int    `json:"row"`
	Col      int    `json:"col"`
	RowLabel string `json:"row_label,omitempty"` // the row's first cell, when rows are matched by it
	Column   string `json:"column,omitempty"`    // the column's header
}

// maxLabel is the longest first cell (in characters) that still names its
// row. Rows are matched by such labels ("员额", "目标") when every row of a
// table has a distinct one, else by position: a long first cell is text
// that may itself change.
const maxLabel = 20

// addTable adds a captioned table, its rows and their cells to d.
func (d *edition) addTable(n *model.Node, unit, result *entity, isNew bool) {
	t := d.add(&entity{kind: KindTable, isNew: isNew, id: n.ID, unit: unit, result: result, number: n.Number, slot: n.ID, text: n.Title})
	d.tables = append(d.tables, t)
	rows := append([][]string{n.Header}, n.Rows...)
	byLabel := labelled(n.Rows)
	for r, row := range rows {
		cell := &Cell{Row: r}
		slot := "#" + strconv.Itoa(r)
		if r > 0 && byLabel {
			cell.RowLabel = row[0]
			slot = "=" + squeeze(row[0])
		}
		re := d.add(&entity{kind: KindRow, isNew: isNew, id: n.ID, unit: unit, parent: t, slot: slot,
			text: strings.Join(row, " | "), cell: cell})
		t.children = append(t.children, re)
		for c, text := range row {
			cc := *cell
			cc.Col = c + 1
			if r > 0 && c < len(n.Header) {
				cc.Column = n.Header[c]
			}
			ce := d.add(&entity{kind: KindCell, isNew: isNew, id: n.ID, unit: unit, parent: re, slot: strconv.Itoa(c + 1),
				text: text, cell: &cc})
			re.children = append(re.children, ce)
		}
	}
}

// labelled tells whether every row has a short first cell of its own.
func labelled(rows [][]string) bool {
	seen := map[string]bool{}
	for _, row := range rows {
		if len(row) == 0 {
			return false
		}
		k := squeeze(row[0])
		if k == "" || utf8.RuneCountInString(k) > maxLabel || seen[k] {
			return false
		}
		seen[k] = true
	}
	return len(rows) > 0
}

// tables pairs tables by caption in the same place (the same unit, or
// the same result), in order; by a caption that only one table of each
// edition has; then by id. Tables renumber from edition to edition
// (10.5 → 10.6), so their number is not their identity. Then it pairs
// their rows by label or position, and the cells of paired rows by column.
func (m *matcher) tables() {
	oldCaptions, newCaptions := captions(m.old.tables), captions(m.new.tables)
	passes := []func(o, n *entity) bool{
		func(o, n *entity) bool { return o.norm != "" && o.norm == n.norm && tableHome(o) == tableHome(n) },
		func(o, n *entity) bool {
			return o.norm != "" && o.norm == n.norm && oldCaptions[o.norm] == 1 && newCaptions[n.norm] == 1
		},
		func(o, n *entity) bool { return o.slot == n.slot },
	}
	for _, same := range passes {
		for _, o := range m.old.tables {
			if o.match != nil {
				continue
			}
			for _, n := range m.new.tables {
				if n.match == nil && same(o, n) {
					link(o, n)
					break
				}
			}
		}
	}
	for _, o := range m.old.tables {
		if o.match == nil {
			continue
		}
		pairBySlot(o.children, o.match.children)
		for _, r := range o.children {
			if r.match != nil {
				pairBySlot(r.children, r.match.children)
			}
		}
	}
}

// tableHome is where a table sits, in the old edition's terms: under a
// result, else in its unit.
func tableHome(e *entity) homeKey {
	if r := e.result; r != nil {
		if e.isNew && r.match != nil {
			r = r.match
		}
		return homeKey{r, -1}
	}
	return home(e)
}

// captions counts the tables of each caption.
func captions(tables []*entity) map[string]int {
	n := map[string]int{}
	for _, t := range tables {
		n[t.norm]++
	}
	return n
}

// pairBySlot links entities with the same slot.
func pairBySlot(olds, news []*entity) {
	for _, o := range olds {
		for _, n := range news {
			if n.match == nil && n.slot == o.slot {
				link(o, n)
				break
			}
		}
	}
}
