package export

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/undoc/undoc/store/atomicfile"
)

func jsonMarshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// SQLite writes the tables of the store in storeDir to a new SQLite
// database at out, replacing it atomically when it exists. The table
// "references" is also reachable as the view "refs", since REFERENCES is
// an SQL keyword.
func SQLite(ctx context.Context, storeDir, out string) (Counts, error) {
	dir := filepath.Dir(out)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Counts{}, err
	}
	f, err := os.CreateTemp(dir, atomicfile.TempPrefix+filepath.Base(out)+"-*")
	if err != nil {
		return Counts{}, err
	}
	tmp := f.Name()
	f.Close()
	ok := false
	defer func() {
		if !ok {
			for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
				os.Remove(tmp + suffix)
			}
		}
	}()
	if strings.ContainsAny(tmp, "?#") {
		return Counts{}, fmt.Errorf("unsupported character in path %q", out)
	}
	db, err := sql.Open("sqlite", tmp+"?_journal_mode=OFF&_synchronous=OFF")
	if err != nil {
		return Counts{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return Counts{}, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return Counts{}, err
	}
	defer tx.Rollback()
	s := &sqliteSink{stmts: make([]*sql.Stmt, len(tables))}
	for i, t := range tables {
		var defs, marks []string
		for _, c := range t.Columns {
			defs = append(defs, quote(c.Name)+" "+c.Type)
			marks = append(marks, "?")
		}
		if _, err := tx.ExecContext(ctx, "CREATE TABLE "+quote(t.Name)+" ("+strings.Join(defs, ", ")+")"); err != nil {
			return Counts{}, fmt.Errorf("creating %s: %w", t.Name, err)
		}
		st, err := tx.PrepareContext(ctx, "INSERT INTO "+quote(t.Name)+" VALUES ("+strings.Join(marks, ", ")+")")
		if err != nil {
			return Counts{}, err
		}
		defer st.Close()
		s.stmts[i] = st
	}
	s.ctx = ctx
	c, err := walk(ctx, storeDir, s)
	if err != nil {
		return c, err
	}
	for _, t := range tables {
		for _, ix := range t.Indexes {
			var qc []string
			for _, col := range ix {
				qc = append(qc, quote(col))
			}
			name := quote(t.Name + "_" + strings.Join(ix, "_"))
			if _, err := tx.ExecContext(ctx, "CREATE INDEX "+name+" ON "+quote(t.Name)+" ("+strings.Join(qc, ", ")+")"); err != nil {
				return c, err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE VIEW refs AS SELECT * FROM "references"`); err != nil {
		return c, err
	}
	if err := tx.Commit(); err != nil {
		return c, err
	}
	conn.Close()
	if err := db.Close(); err != nil {
		return c, err
	}
	if err := syncFile(tmp); err != nil {
		return c, err
	}
	if err := os.Rename(tmp, out); err != nil {
		return c, err
	}
	ok = true
	return c, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

type sqliteSink struct {
	ctx   context.Context
	stmts []*sql.Stmt
}

func (s *sqliteSink) row(t int, vals []any) error {
	_, err := s.stmts[t].ExecContext(s.ctx, vals...)
	if err != nil {
		return fmt.Errorf("%s: %w", tables[t].Name, err)
	}
	return nil
}

// CSV writes the tables of the store in storeDir as CSV files (UTF-8, a
// header line, empty fields for NULL) named after the tables in the
// folder outDir: documents.csv, nodes.csv and so on. With bom each file
// starts with a UTF-8 byte-order mark, without which Excel reads UTF-8 as
// the system's code page and garbles the Chinese. The files are replaced
// together at the end.
func CSV(ctx context.Context, storeDir, outDir string, bom bool) (Counts, error) {
	s := &csvSink{}
	for _, t := range tables {
		f, err := atomicfile.Create(filepath.Join(outDir, t.Name+".csv"))
		if err != nil {
			s.abort()
			return Counts{}, err
		}
		if bom {
			if _, err := f.WriteString("\uFEFF"); err != nil {
				s.abort()
				return Counts{}, err
			}
		}
		w := csv.NewWriter(f)
		s.files = append(s.files, f)
		s.writers = append(s.writers, w)
		var head []string
		for _, c := range t.Columns {
			head = append(head, c.Name)
		}
		if err := w.Write(head); err != nil {
			s.abort()
			return Counts{}, err
		}
	}
	c, err := walk(ctx, storeDir, s)
	if err != nil {
		s.abort()
		return c, err
	}
	for i, w := range s.writers {
		w.Flush()
		if err := w.Error(); err != nil {
			s.abort()
			return c, err
		}
		if err := s.files[i].Commit(true); err != nil {
			s.abort()
			return c, err
		}
	}
	return c, nil
}

type csvSink struct {
	files   []*atomicfile.File
	writers []*csv.Writer
	rec     []string
}

func (s *csvSink) abort() {
	for _, f := range s.files {
		f.Abort()
	}
}

func (s *csvSink) row(t int, vals []any) error {
	s.rec = s.rec[:0]
	for _, v := range vals {
		s.rec = append(s.rec, csvField(v))
	}
	return s.writers[t].Write(s.rec)
}

func csvField(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}
