package main

import (
	"context"

	"github.com/rs/zerolog"

	"github.com/undoc/undoc/ingest"
	"github.com/undoc/undoc/ingest/fakeun"
	storerun "github.com/undoc/undoc/store/run"
)

// runFetch is `undoc fetch` on the same store as `undoc run` (default
// directory, raw layout, SQLite catalog), so that a document fetched by
// one is not downloaded again by the other. Progress goes to the log.
func runFetch(ctx context.Context, e *env, args []string) int {
	def, _ := storerun.DefaultDir() // on error ingest falls back to .undoc
	c := ingest.Command{DefaultStore: def, Open: func(o *ingest.Options) (func(), error) {
		st, err := storerun.OpenStore(ctx, o.StoreDir)
		if err != nil {
			return nil, err
		}
		o.Catalog = fetchCatalog{st.Catalog}
		o.Log = logLines{e.log, zerolog.InfoLevel}
		return func() { st.Close() }, nil
	}}
	return c.Run(ctx, args, e.stdin, e.stdout, e.stderr)
}

func runFakeUN(ctx context.Context, e *env, args []string) int {
	return fakeun.RunFakeUN(ctx, args, e.stdout, e.stderr)
}
