package diff

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go

	"github.com/undoc/undoc/store/atomicfile"
)

// Section is the report on one pair of documents, named (a budget
// section's number, or "" for a single pair).
type Section struct {
	Name   string
	Report *Report
}

// sqliteSchema has one row per change, and one per edition compared.
const sqliteSchema = `
CREATE TABLE changes (
	section TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, change TEXT NOT NULL,
	subprogramme INTEGER, old_id TEXT, new_id TEXT, old_number INTEGER, new_number INTEGER,
	old_text TEXT, new_text TEXT, mandate_number TEXT, mandate_symbol TEXT, category TEXT,
	row TEXT, "column" TEXT, old_value REAL, new_value REAL, similarity REAL);
CREATE INDEX changes_kind ON changes (kind, change);
CREATE TABLE editions (section TEXT NOT NULL, side TEXT NOT NULL, symbol TEXT, uri TEXT, format TEXT, sha256 TEXT);`

// WriteSQLite writes the changes of the reports into a new SQLite
// database at path, one row per change; path is replaced only when all is
// written.
func WriteSQLite(ctx context.Context, path string, sections []Section) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		for _, suffix := range []string{"", "-journal"} {
			os.Remove(tmp + suffix)
		}
	}()
	if strings.ContainsAny(tmp, "?#") {
		return fmt.Errorf("unsupported character in path %q", path)
	}
	if err := writeSQLite(ctx, tmp, sections); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func writeSQLite(ctx context.Context, file string, sections []Section) error {
	db, err := sql.Open("sqlite", file+"?_journal_mode=OFF&_synchronous=OFF")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, sqliteSchema); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO changes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	ed, err := tx.PrepareContext(ctx, `INSERT INTO editions VALUES (?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ed.Close()
	for _, s := range sections {
		for i, sd := range []Side{s.Report.Old, s.Report.New} {
			if _, err := ed.ExecContext(ctx, s.Name, [2]string{"old", "new"}[i], sd.Symbol, sd.URI, sd.Format, sd.SHA256); err != nil {
				return err
			}
		}
		for i, c := range s.Report.Changes {
			if _, err := ins.ExecContext(ctx, row(s.Name, i, c)...); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// row is the columns of a change in the changes table.
func row(section string, seq int, c Change) []any {
	var (
		sp                             *int
		oldID, newID, oldText, newText *string
		oldNum, newNum                 *int
		mNumber, mSymbol, category     *string
		rowText, column                *string
		oldValue, newValue             *float64
	)
	for _, e := range []struct {
		en       *Entry
		id, text **string
		number   **int
	}{{c.Old, &oldID, &oldText, &oldNum}, {c.New, &newID, &newText, &newNum}} {
		if e.en == nil {
			continue
		}
		*e.id, *e.text, *e.number = &e.en.ID, &e.en.Text, e.en.Number
		if e.en.Subprogramme != nil {
			sp = e.en.Subprogramme
		}
		if m := e.en.Mandate; m != nil {
			mNumber, mSymbol, category, sp = &m.Number, m.Symbol, m.Category, m.Subprogramme
		}
	}
	if d := c.Deliverable; d != nil {
		sp, category = d.Subprogramme, &d.Category
		if d.Row != "" {
			rowText = &d.Row
		}
		if d.Column != "" {
			column, oldValue, newValue = &d.Column, d.OldValue, d.NewValue
		}
	}
	return []any{section, seq + 1, c.Kind, c.Change, sp, oldID, newID, oldNum, newNum, oldText, newText,
		mNumber, mSymbol, category, rowText, column, oldValue, newValue, c.Similarity}
}
