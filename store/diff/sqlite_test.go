package diff

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestWriteSQLite: one row per change, with the deliverable's column and
// values and the mandate's number where they apply.
func TestWriteSQLite(t *testing.T) {
	old := doc(bmandates(mgroup(1, "65/280")), spn(1, "LDCs", result("sp1", 1, resFood),
		delivs(1, cols2026, drow("Substantive services for meetings", val(46), val(31), val(46), val(48)))))
	new := doc(bmandates(mgroup(1, "76/258")), spn(1, "LDCs", result("sp1", 1, resShocks),
		delivs(1, cols2027, drow("Substantive services for meetings", val(46), val(41), val(50), val(56)))))
	r := Compare(old, new)
	path := filepath.Join(t.TempDir(), "changes.sqlite")
	if err := WriteSQLite(context.Background(), path, []Section{{"10", r}, {"25", Compare(old, old)}}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, editions int
	if err := db.QueryRow(`SELECT count(*) FROM changes`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM editions`).Scan(&editions); err != nil {
		t.Fatal(err)
	}
	if n != len(r.Changes) || n != 5 || editions != 4 {
		t.Errorf("%d rows for %d changes (want 5), %d editions (want 4)", n, len(r.Changes), editions)
	}
	var col string
	var oldV, newV float64
	var sp int
	if err := db.QueryRow(`SELECT "column", old_value, new_value, subprogramme FROM changes WHERE kind = 'deliverable' AND change = 'changed'`).Scan(&col, &oldV, &newV, &sp); err != nil {
		t.Fatal(err)
	}
	if col != "2026 planned" || oldV != 48 || newV != 50 || sp != 1 {
		t.Errorf("deliverable row: %s %v→%v in %d", col, oldV, newV, sp)
	}
	var removed string
	if err := db.QueryRow(`SELECT mandate_number FROM changes WHERE kind = 'mandate' AND change = 'removed' AND section = '10'`).Scan(&removed); err != nil || removed != "65/280" {
		t.Errorf("removed mandate %q, %v", removed, err)
	}
}
