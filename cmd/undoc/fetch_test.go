package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/catalog"
)

// TestFetchCatalogError: a catalog that cannot be read is an error, not
// "never fetched" or "not found", for the fetch catalog and for a run's
// fetcher alike.
func TestFetchCatalogError(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cat, err := catalog.Open(ctx, filepath.Join(dir, catalog.FileName))
	if err != nil {
		t.Fatal(err)
	}
	fc := fetchCatalog{ctx, cat}
	if _, ok, err := fc.Get("A/1/1|zh|pdf"); ok || err != nil {
		t.Fatalf("empty catalog: %v %v", ok, err)
	}
	cat.Close()
	if _, ok, err := fc.Get("A/1/1|zh|pdf"); ok || err == nil {
		t.Errorf("closed catalog: ok %v, error %v", ok, err)
	}
	f := newIngestFetcher(dir, "zh", cat, zerolog.Nop(), fetchFlags{})
	f.opts.ODSURL, f.opts.UndocsURL = "http://127.0.0.1:1", "http://127.0.0.1:1"
	_, err = f.Fetch(ctx, symbol.MustParse("A/1/1"), "zh")
	if err == nil || !strings.Contains(err.Error(), "catalog") || strings.Contains(err.Error(), "not found") {
		t.Errorf("run's fetcher on a closed catalog: %v", err)
	}
}
