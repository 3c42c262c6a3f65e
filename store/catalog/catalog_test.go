package catalog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	c, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	d := Doc{Key: "file:/a.txt", Input: "a.txt", Symbol: "A/69/6/Rev.1", Lang: "zh", SourceURI: "file:a.txt",
		SHA256: strings.Repeat("a", 64), Bytes: 10, Format: "text", FetchedAt: now, ETag: `"x"`,
		Version: "0.1.0", JSONPath: "json/aa/x.json", JSONSHA256: strings.Repeat("b", 64), JSONBytes: 5,
		Status: StatusOK, UpdatedAt: now}
	failed := Doc{Key: "file:/b.txt", Input: "b.txt", Status: StatusFailed, Error: "empty input"}
	if err := c.Put(ctx, d, failed); err != nil {
		t.Fatal(err)
	}
	got, ok, err := c.Get(ctx, d.Key)
	if err != nil || !ok || got != d {
		t.Errorf("Get:\n%+v\nwant\n%+v (%v)", got, d, err)
	}
	m, err := c.GetMany(ctx, []string{d.Key, "file:/none", failed.Key})
	if err != nil || len(m) != 2 || m[failed.Key].Error != "empty input" || m[failed.Key].UpdatedAt.IsZero() {
		t.Errorf("GetMany %v %v", m, err)
	}
	if err := c.Check(ctx); err != nil {
		t.Error(err)
	}
	// A row that breaks the rules is reported by Check.
	bad := Doc{Key: "file:/c.txt", Input: "c.txt", Status: StatusOK}
	if err := c.Put(ctx, bad); err != nil {
		t.Fatal(err)
	}
	if err := c.Check(ctx); err == nil {
		t.Error("Check passed a done row without JSON")
	}
	if err := c.Delete(ctx, bad.Key); err != nil {
		t.Fatal(err)
	}
	if err := c.Put(ctx, Doc{Key: "x", Input: "x", Status: "weird"}); err == nil {
		t.Error("an unknown status was accepted")
	}
	e := FetchEntry{Key: "A/69/6/REV.1|zh|pdf", Symbol: "A/69/6/Rev.1", Lang: "zh", Type: "pdf", Status: "ok",
		ETag: `"e"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT", Checked: now}
	if err := c.PutFetch(ctx, e); err != nil {
		t.Fatal(err)
	}
	if g, ok, err := c.GetFetch(ctx, e.Key); err != nil || !ok || g != e {
		t.Errorf("GetFetch %+v %v", g, err)
	}
	if err := c.SetMeta(ctx, "corpus:/x", "abc 12"); err != nil {
		t.Fatal(err)
	}
	if v, _ := c.Meta(ctx, "corpus:/x"); v != "abc 12" {
		t.Errorf("Meta %q", v)
	}
	if err := c.SetMeta(ctx, "schema_version", "9"); err == nil {
		t.Error("schema_version was settable")
	}
	c.Close()

	// Reopened, read-only: the same rows.
	r, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	all, err := r.All(ctx)
	if err != nil || len(all) != 2 || all[0].Key != d.Key {
		t.Errorf("All %v %v", all, err)
	}
	if err := r.Put(ctx, d); err == nil {
		t.Error("read-only catalog accepted a write")
	}
}

func TestNewerLayoutRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	c, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DB().Exec(`UPDATE meta SET value = '99' WHERE name = 'schema_version'`); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "layout version 99") {
		t.Errorf("open of a newer layout: %v", err)
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(t.TempDir(), "none.sqlite")); err == nil {
		t.Error("read-only open of a missing catalog did not fail")
	}
}

// TestBySymbol finds a document by symbol whatever its key; a read row
// wins over a failed one, and the language must match.
func TestBySymbol(t *testing.T) {
	ctx := context.Background()
	c, err := Open(ctx, filepath.Join(t.TempDir(), FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rows := []Doc{
		{Key: "file:/a/intro.txt", Symbol: "A/70/6 (Introduction)", Lang: "zh", Status: StatusOK, JSONPath: "json/a.json"},
		{Key: "symbol:A/70/6(INTRODUCTION)|zh", Symbol: "A/70/6 (Introduction)", Lang: "zh", Status: StatusFailed},
		{Key: "file:/a/intro-en.txt", Symbol: "A/70/6 (Introduction)", Lang: "en", Status: StatusOK, JSONPath: "json/e.json"},
	}
	for _, d := range rows { // one at a time: the failed row is the newest
		if err := c.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond)
	}
	for _, tc := range []struct {
		sym, lang, key string
	}{
		{"A/70/6 (Introduction)", "zh", "file:/a/intro.txt"},
		{"a/70/6 (introduction)", "zh", "file:/a/intro.txt"},
		{"A/70/6 (Introduction)", "en", "file:/a/intro-en.txt"},
		{"A/70/6 (Introduction)", "fr", ""},
		{"A/71/6", "zh", ""},
	} {
		d, ok, err := c.BySymbol(ctx, tc.sym, tc.lang)
		if err != nil || ok != (tc.key != "") || d.Key != tc.key {
			t.Errorf("BySymbol(%q, %q) = %q %v %v, want %q", tc.sym, tc.lang, d.Key, ok, err, tc.key)
		}
	}
}

// TestCreateWhole: a new catalog appears under its name with its tables
// already in it (a run killed while creating it leaves none or a whole
// one; TestKill9Resume in store/run kills runs at their start), no
// temporary file is left, and runs that create it at once all open it.
func TestCreateWhole(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			c, err := Open(ctx, path)
			if err == nil {
				err = c.Close()
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	// a directory that cannot be written: a clear error, nothing created
	if os.Getuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if _, err := Open(ctx, filepath.Join(ro, FileName)); err == nil {
			t.Error("no error in a read-only directory")
		}
	}
}
