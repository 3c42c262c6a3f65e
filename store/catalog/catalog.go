// Package catalog is the store's index, kept in embedded SQLite: for each
// document what its bytes were (sha256, size), where they came from (input,
// source URI, fetch time, HTTP validators), which pipeline version read
// them, where its JSON is and how the reading went. It also keeps the
// fetcher's per-symbol validators. Every change is one SQLite transaction,
// so a killed process leaves the catalog as it was before or after it.
package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// FileName is the catalog's file name inside a store directory.
const FileName = "catalog.sqlite"

// schemaVersion is the layout of the tables below; a catalog written by a
// newer layout is refused.
const schemaVersion = 1

// Document statuses.
const (
	StatusOK          = "ok"           // read, structure found
	StatusNoStructure = "no_structure" // read, but no UN document structure recognised
	StatusFailed      = "failed"       // could not be fetched or read; Error says why
)

// Doc is what the catalog keeps about one document.
type Doc struct {
	Key          string    // "file:/abs/path" or "symbol:A/69/6/REV.1|zh"
	Input        string    // the input as given
	Symbol       string    // canonical UN symbol, when known
	Lang         string    // language code
	SourceURI    string    // file: or http(s): URI the bytes came from
	SHA256       string    // of the input bytes ("" when they could not be had)
	Bytes        int64     // size of the input bytes
	Format       string    // text, pdf or html
	FetchedAt    time.Time // when the bytes entered the store
	ETag         string    // HTTP validators of a fetched document
	LastModified string
	Version      string // pipeline version that read the bytes
	JSONPath     string // output JSON, relative to the store directory
	JSONSHA256   string
	JSONBytes    int64
	OutPath      string // the copy written to --out, if any
	OutBytes     int64
	Status       string
	Error        string
	UpdatedAt    time.Time
}

// Done reports whether the document was read (with or without structure).
func (d Doc) Done() bool { return d.Status == StatusOK || d.Status == StatusNoStructure }

// FetchEntry is what the fetcher remembers about one symbol, language and
// type: where it was served from and its validators, or that it was not
// found (until Expires).
type FetchEntry struct {
	Key          string
	Symbol       string
	Lang         string
	Type         string
	Status       string
	SHA256       string
	Size         int64
	URL          string
	ETag         string
	LastModified string
	Checked      time.Time
	Expires      time.Time
	Reason       string
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS documents (
	key              TEXT PRIMARY KEY,
	input            TEXT NOT NULL,
	symbol           TEXT NOT NULL DEFAULT '',
	lang             TEXT NOT NULL DEFAULT '',
	source_uri       TEXT NOT NULL DEFAULT '',
	sha256           TEXT NOT NULL DEFAULT '',
	bytes            INTEGER NOT NULL DEFAULT 0,
	format           TEXT NOT NULL DEFAULT '',
	fetched_at       TEXT NOT NULL DEFAULT '',
	etag             TEXT NOT NULL DEFAULT '',
	last_modified    TEXT NOT NULL DEFAULT '',
	pipeline_version TEXT NOT NULL DEFAULT '',
	json_path        TEXT NOT NULL DEFAULT '',
	json_sha256      TEXT NOT NULL DEFAULT '',
	json_bytes       INTEGER NOT NULL DEFAULT 0,
	out_path         TEXT NOT NULL DEFAULT '',
	out_bytes        INTEGER NOT NULL DEFAULT 0,
	status           TEXT NOT NULL CHECK (status IN ('ok', 'no_structure', 'failed')),
	error            TEXT NOT NULL DEFAULT '',
	updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
CREATE TABLE IF NOT EXISTS fetches (
	key           TEXT PRIMARY KEY,
	symbol        TEXT NOT NULL,
	lang          TEXT NOT NULL,
	type          TEXT NOT NULL,
	status        TEXT NOT NULL,
	sha256        TEXT NOT NULL DEFAULT '',
	size          INTEGER NOT NULL DEFAULT 0,
	url           TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	checked       TEXT NOT NULL DEFAULT '',
	expires       TEXT NOT NULL DEFAULT '',
	reason        TEXT NOT NULL DEFAULT ''
) STRICT;
`

// Catalog is an open catalog. It is safe for concurrent use.
type Catalog struct {
	db   *sql.DB
	path string
}

// Open opens or creates the catalog at path (see FileName).
func Open(ctx context.Context, path string) (*Catalog, error) {
	return open(ctx, path, false)
}

// OpenReadOnly opens an existing catalog for reading; a run may be writing
// it at the same time.
func OpenReadOnly(ctx context.Context, path string) (*Catalog, error) {
	return open(ctx, path, true)
}

func open(ctx context.Context, path string, readOnly bool) (*Catalog, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("catalog: unsupported character in path %q", path)
	}
	// WAL: readers never block the writer, and a commit is one append to
	// the log. synchronous=NORMAL: a killed process loses nothing that was
	// committed; a power loss may lose the last commits but never leaves
	// the database corrupt.
	dsn := path + "?_busy_timeout=30000&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"
	if !readOnly {
		if err := create(ctx, path); err != nil {
			return nil, err
		}
	}
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		dsn = path + "?_busy_timeout=30000&_query_only=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	c := &Catalog{db: db, path: path}
	if readOnly {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'documents'`).Scan(&n); err != nil {
			db.Close()
			return nil, fmt.Errorf("catalog: %s: %w", path, err)
		}
		if n == 0 {
			db.Close()
			return nil, fmt.Errorf("catalog: %s is not an undoc catalog", path)
		}
	} else if err := c.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return c, nil
}

// create makes the catalog file at path, if there is none, with its tables
// already in it: they are written to a file of their own, which is then
// linked in under the catalog's name. A run killed while it creates the
// catalog leaves either no catalog or a whole one, never a database
// without its tables, which later runs would refuse. Two runs that create
// it at once both succeed: the second finds the first one's.
func create(ctx context.Context, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		return nil // there is one (or Open will say why it cannot be read)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".new-*")
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	defer os.Remove(tmp + "-journal")
	db, err := sql.Open("sqlite", tmp+"?_busy_timeout=30000&_txlock=immediate")
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	err = (&Catalog{db: db, path: path}).init(ctx)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("catalog: %w", err)
	}
	return nil
}

func (c *Catalog) init(ctx context.Context) error {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("catalog: %s: %w", c.path, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("catalog: creating tables: %w", err)
	}
	var v string
	err = tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE name = 'schema_version'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (name, value) VALUES ('schema_version', ?)`, fmt.Sprint(schemaVersion)); err != nil {
			return fmt.Errorf("catalog: %w", err)
		}
	case err != nil:
		return fmt.Errorf("catalog: %w", err)
	case v != fmt.Sprint(schemaVersion):
		return fmt.Errorf("catalog: %s has layout version %s; this undoc reads version %d", c.path, v, schemaVersion)
	}
	return tx.Commit()
}

// Close closes the database.
func (c *Catalog) Close() error { return c.db.Close() }

// DB gives read access for queries the methods do not cover.
func (c *Catalog) DB() *sql.DB { return c.db }

const docCols = `key, input, symbol, lang, source_uri, sha256, bytes, format, fetched_at, etag,
	last_modified, pipeline_version, json_path, json_sha256, json_bytes, out_path, out_bytes,
	status, error, updated_at`

func scanDoc(sc interface{ Scan(...any) error }) (Doc, error) {
	var d Doc
	var fetched, updated string
	err := sc.Scan(&d.Key, &d.Input, &d.Symbol, &d.Lang, &d.SourceURI, &d.SHA256, &d.Bytes, &d.Format,
		&fetched, &d.ETag, &d.LastModified, &d.Version, &d.JSONPath, &d.JSONSHA256, &d.JSONBytes,
		&d.OutPath, &d.OutBytes, &d.Status, &d.Error, &updated)
	d.FetchedAt = parseTime(fetched)
	d.UpdatedAt = parseTime(updated)
	return d, err
}

// Get returns the document with this key.
func (c *Catalog) Get(ctx context.Context, key string) (Doc, bool, error) {
	d, err := scanDoc(c.db.QueryRowContext(ctx, `SELECT `+docCols+` FROM documents WHERE key = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return Doc{}, false, nil
	}
	if err != nil {
		return Doc{}, false, fmt.Errorf("catalog: %w", err)
	}
	return d, true, nil
}

// BySymbol returns the document of a UN symbol (canonical form, as in
// Doc.Symbol) in a language, whatever its key: fetched by symbol, read
// from a file named after it, or a file whose text named it. When several
// rows have the symbol, a read one (Done) wins over a failed one, then the
// most recently updated.
func (c *Catalog) BySymbol(ctx context.Context, symbol, lang string) (Doc, bool, error) {
	d, err := scanDoc(c.db.QueryRowContext(ctx, `SELECT `+docCols+` FROM documents
		WHERE symbol = ? COLLATE NOCASE AND lang = ?
		ORDER BY status IN ('`+StatusOK+`', '`+StatusNoStructure+`') DESC, updated_at DESC, key
		LIMIT 1`, symbol, lang))
	if errors.Is(err, sql.ErrNoRows) {
		return Doc{}, false, nil
	}
	if err != nil {
		return Doc{}, false, fmt.Errorf("catalog: %w", err)
	}
	return d, true, nil
}

// GetMany returns the documents with these keys that are in the catalog.
func (c *Catalog) GetMany(ctx context.Context, keys []string) (map[string]Doc, error) {
	out := make(map[string]Doc, len(keys))
	const chunk = 500
	for len(keys) > 0 {
		n := min(chunk, len(keys))
		args := make([]any, n)
		for i, k := range keys[:n] {
			args[i] = k
		}
		keys = keys[n:]
		rows, err := c.db.QueryContext(ctx, `SELECT `+docCols+` FROM documents WHERE key IN (?`+strings.Repeat(", ?", n-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		for rows.Next() {
			d, err := scanDoc(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("catalog: %w", err)
			}
			out[d.Key] = d
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
	}
	return out, nil
}

// Meta returns a value the store keeps for itself (e.g. what the last
// corpus written to a folder held), or "".
func (c *Catalog) Meta(ctx context.Context, name string) (string, error) {
	var v string
	err := c.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("catalog: %w", err)
	}
	return v, nil
}

// SetMeta sets a value the store keeps for itself.
func (c *Catalog) SetMeta(ctx context.Context, name, value string) error {
	if name == "schema_version" {
		return errors.New("catalog: schema_version is not settable")
	}
	if _, err := c.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)`, name, value); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	return nil
}

// All returns every document, ordered by key, read in one transaction.
func (c *Catalog) All(ctx context.Context) ([]Doc, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT `+docCols+` FROM documents ORDER BY key`)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	var out []Doc
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return out, nil
}

// Put inserts or replaces documents, all in one transaction. UpdatedAt is
// set to now when zero.
func (c *Catalog) Put(ctx context.Context, docs ...Doc) error {
	if len(docs) == 0 {
		return nil
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO documents (`+docCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	defer st.Close()
	now := time.Now()
	for _, d := range docs {
		if d.Key == "" {
			return errors.New("catalog: document without key")
		}
		if d.UpdatedAt.IsZero() {
			d.UpdatedAt = now
		}
		if _, err := st.ExecContext(ctx, d.Key, d.Input, d.Symbol, d.Lang, d.SourceURI, d.SHA256, d.Bytes,
			d.Format, formatTime(d.FetchedAt), d.ETag, d.LastModified, d.Version, d.JSONPath, d.JSONSHA256,
			d.JSONBytes, d.OutPath, d.OutBytes, d.Status, d.Error, formatTime(d.UpdatedAt)); err != nil {
			return fmt.Errorf("catalog: %s: %w", d.Key, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	return nil
}

// Delete removes documents by key.
func (c *Catalog) Delete(ctx context.Context, keys ...string) error {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	defer tx.Rollback()
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE key = ?`, k); err != nil {
			return fmt.Errorf("catalog: %w", err)
		}
	}
	return tx.Commit()
}

const fetchCols = `key, symbol, lang, type, status, sha256, size, url, etag, last_modified, checked, expires, reason`

// GetFetch returns the fetch entry with this key.
func (c *Catalog) GetFetch(ctx context.Context, key string) (FetchEntry, bool, error) {
	var e FetchEntry
	var checked, expires string
	err := c.db.QueryRowContext(ctx, `SELECT `+fetchCols+` FROM fetches WHERE key = ?`, key).Scan(
		&e.Key, &e.Symbol, &e.Lang, &e.Type, &e.Status, &e.SHA256, &e.Size, &e.URL, &e.ETag,
		&e.LastModified, &checked, &expires, &e.Reason)
	if errors.Is(err, sql.ErrNoRows) {
		return FetchEntry{}, false, nil
	}
	if err != nil {
		return FetchEntry{}, false, fmt.Errorf("catalog: %w", err)
	}
	e.Checked, e.Expires = parseTime(checked), parseTime(expires)
	return e, true, nil
}

// PutFetch inserts or replaces a fetch entry.
func (c *Catalog) PutFetch(ctx context.Context, e FetchEntry) error {
	if e.Key == "" {
		return errors.New("catalog: fetch entry without key")
	}
	_, err := c.db.ExecContext(ctx, `INSERT OR REPLACE INTO fetches (`+fetchCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Key, e.Symbol, e.Lang, e.Type, e.Status, e.SHA256, e.Size, e.URL, e.ETag, e.LastModified,
		formatTime(e.Checked), formatTime(e.Expires), e.Reason)
	if err != nil {
		return fmt.Errorf("catalog: %s: %w", e.Key, err)
	}
	return nil
}

// Check runs SQLite's integrity check and the catalog's own rules, and
// returns what is wrong, or nil.
func (c *Catalog) Check(ctx context.Context) error {
	rows, err := c.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return fmt.Errorf("catalog: %w", err)
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	rows.Close()
	var bad int
	if err := c.db.QueryRowContext(ctx, `SELECT count(*) FROM documents
		WHERE (status IN ('ok', 'no_structure') AND (sha256 = '' OR json_path = '' OR json_sha256 = '' OR pipeline_version = ''))
		   OR (status = 'failed' AND error = '')`).Scan(&bad); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	if bad > 0 {
		msgs = append(msgs, fmt.Sprintf("%d documents lack a field their status needs", bad))
	}
	if len(msgs) > 0 {
		return fmt.Errorf("catalog: %s: %s", c.path, strings.Join(msgs, "; "))
	}
	return nil
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
