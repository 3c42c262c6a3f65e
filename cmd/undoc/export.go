package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/undoc/undoc/store/export"
	storerun "github.com/undoc/undoc/store/run"
)

const exportLong = `Writes the documents of a store as analysis tables: documents, nodes,
accomplishments, indicators, mandates, references and table_cells (each
cell of each captioned table, row 0 being its header). Each row of the
tree's tables carries doc_id, node_id and the chapter, programme,
subprogramme and component it sits under.

--format sqlite writes one SQLite database at PATH (replaced atomically);
REFERENCES is an SQL keyword, so that table is also the view refs.
--format csv writes documents.csv, nodes.csv and so on into the folder PATH,
in UTF-8; add --bom when the files are for Excel, which otherwise reads
them in the system's code page and garbles the Chinese.
A run may be going on in the same store: the export reads what was
committed when it started.

Standard output gets one JSON line with the rows written per table.`

const exportExample = `  undoc export --out undoc.sqlite
  sqlite3 undoc.sqlite 'SELECT programme, subprogramme, count(*) FROM indicators GROUP BY 1, 2'`

type exportFlags struct {
	store, format, out string
	bom                bool
	storeErr           error
}

func newExportCmd(e *env) *cobra.Command {
	var f exportFlags
	var defStore string
	defStore, f.storeErr = storerun.DefaultDir()
	c := &cobra.Command{
		Use:     "export [--store DIR] [--format sqlite|csv] --out PATH",
		Short:   "Write a store's documents as SQLite or CSV analysis tables",
		Long:    exportLong,
		Example: exportExample,
		Args:    exactArgs(0, "no arguments (the store is --store)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.out == "" {
				return usagef(cmd, "--out is required")
			}
			return status(runExport(cmd, e, f))
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.store, "store", defStore, "store directory written by undoc run")
	fl.StringVar(&f.format, "format", "sqlite", "sqlite (one database file) or csv (one file per table in a folder)")
	fl.StringVar(&f.out, "out", "", "the database file (sqlite) or folder (csv) to write")
	fl.BoolVar(&f.bom, "bom", false, "csv: start each file with a UTF-8 byte-order mark (for Excel)")
	return c
}

func runExport(cmd *cobra.Command, e *env, f exportFlags) int {
	ctx := cmd.Context()
	storeDir, format, out, bom := &f.store, &f.format, &f.out, &f.bom
	derr := f.storeErr
	if *storeDir == "" {
		fmt.Fprintf(e.stderr, "undoc export: no --store and no default store: %v\n", derr)
		return exitUsage
	}
	var (
		c   export.Counts
		err error
	)
	switch strings.ToLower(*format) {
	case "sqlite":
		c, err = export.SQLite(ctx, *storeDir, *out)
	case "csv":
		c, err = export.CSV(ctx, *storeDir, *out, *bom)
	default:
		fmt.Fprintf(e.stderr, "undoc export: --format must be sqlite or csv, not %q\n", *format)
		return exitUsage
	}
	if err != nil {
		e.log.Error().Err(err).Str("store", *storeDir).Str("out", *out).Msg("export failed")
		return exitFailed
	}
	if c.Unreadable > 0 {
		e.log.Warn().Int("documents", c.Unreadable).Msg("some outputs could not be read; their documents rows say why")
	}
	line, _ := json.Marshal(c)
	fmt.Fprintln(e.stdout, string(line))
	return exitOK
}
