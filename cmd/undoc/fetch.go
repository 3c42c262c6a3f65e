package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"

	"github.com/undoc/undoc/ingest"
	"github.com/undoc/undoc/ingest/fakeun"
	"github.com/undoc/undoc/ingest/symbol"
	storerun "github.com/undoc/undoc/store/run"
)

// notFoundHelp is the one meaning of "not found", shared by fetch and run.
const notFoundHelp = `Not found means that none of the UN services has a document with that
symbol in that language (each answered 404). It is remembered for
--not-found-ttl (default 7 days) so that batches do not ask again;
--retry-not-found asks again at once, and --not-found-ttl 0 remembers
nothing. A symbol not found makes the exit status 1, like a failure, and is
counted apart (not_found) in the summary.`

const fetchLong = `Fetches official UN documents by symbol (e.g. A/69/6/Rev.1, "A/70/6 (Sect. 9)",
"S/RES/2623 (2022)") in one language. Each is asked from the Official Document
System (documents.un.org/api/symbol/access), then undocs.org, then the
original-language alias "(OR)". Files are checked (PDF magic, size, type),
kept in the store that undoc run uses (STORE/raw/ab/abcdef...) and copied to
OUT as A_69_6_Rev.1-ZH.pdf. A re-run only asks whether stored files changed.

@FILE reads symbols one per line (also undocs.org links, or JSON lines with a
"symbol" field); @- reads them from standard input, so
  undoc refs doc.txt | undoc fetch @-
fetches what a document cites. Blank lines and lines starting with # are skipped.

The requests are polite: at most --per-host at once per host, --spacing apart,
with retries and growing waits on errors, honouring Retry-After. Please do not
raise these limits against the real UN services.

Progress and errors go to standard error (-q: none); one JSON summary line
goes to standard output:
  {"requested":3,"fetched":2,"not_modified":0,"not_found":1,"not_published":0,"failed":0}
not_published: the service answers with an empty file, which it does before
publication; try again later.

` + notFoundHelp + `

Exit status: 0 when every symbol was fetched or found unchanged; 1 when one
was not found, not published or failed; 2 on usage errors.

Environment: UNDOC_ODS_URL, UNDOC_UNDOCS_URL, UNDOC_USER_AGENT, UNDOC_STORE
set the defaults of --ods-url, --undocs-url, --user-agent and --store.`

// fetchFlags are the flags fetch and run share.
type fetchFlags struct {
	notFoundTTL   time.Duration
	retryNotFound bool
}

func (f *fetchFlags) add(c *cobra.Command) {
	c.Flags().DurationVar(&f.notFoundTTL, "not-found-ttl", ingest.DefaultNotFoundTTL, "how long a symbol not found is remembered; 0 for not at all")
	c.Flags().BoolVar(&f.retryNotFound, "retry-not-found", false, "ask again now for symbols remembered as not found")
}

// apply sets the fetcher's options: a TTL of 0 on the command line is
// "remember nothing", which ingest spells as a negative TTL.
func (f *fetchFlags) apply(o *ingest.Options) {
	o.NotFoundTTL, o.RetryNotFound = f.notFoundTTL, f.retryNotFound
	if o.NotFoundTTL <= 0 {
		o.NotFoundTTL = -1
	}
}

func newFetchCmd(e *env) *cobra.Command {
	var (
		o  ingest.Options
		ff fetchFlags
	)
	def, _ := storerun.DefaultDir()
	if def == "" {
		def = ".undoc"
	}
	c := &cobra.Command{
		Use:   "fetch [flags] SYMBOL... | @FILE | @-",
		Short: "Download documents by UN symbol from ODS and undocs.org",
		Long:  fetchLong,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef(cmd, "no symbols given")
			}
			syms, bad, err := ingest.Symbols(args, e.stdin)
			if err != nil {
				return usagef(cmd, "%v", err)
			}
			if _, err := symbol.ParseLang(o.Lang); err != nil {
				return usagef(cmd, "%v", err)
			}
			if o.Spacing == 0 {
				o.Spacing = -1
			}
			if o.Retries == 0 {
				o.Retries = -1
			}
			ff.apply(&o)
			o.Env()
			ctx := cmd.Context()
			st, err := storerun.OpenStore(ctx, o.StoreDir)
			if err != nil {
				return &exitError{code: exitFailed, msg: "undoc fetch: " + err.Error()}
			}
			defer st.Close()
			o.Catalog = fetchCatalog{context.WithoutCancel(ctx), st.Catalog}
			if !e.quiet {
				o.Log = logLines{e.log, zerolog.InfoLevel}
			}
			f, err := ingest.New(o)
			if err != nil {
				return usagef(cmd, "%v", err)
			}
			sum := ingest.Summarize(f.FetchAll(ctx, syms))
			for _, b := range bad {
				e.log.Error().Str("stage", "fetch").Msg("FAILED     " + b)
			}
			sum.Requested += len(bad)
			sum.Failed += len(bad)
			line, _ := json.Marshal(sum)
			fmt.Fprintln(e.stdout, string(line))
			if !sum.Complete() {
				return status(exitFailed)
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&o.Lang, "lang", "zh", "language: zh (also C, ch, chinese), en, fr, es, ru, ar")
	fl.StringVar(&o.OutDir, "out", ".", `directory for the named copies (A_69_6_Rev.1-ZH.pdf); "" for none`)
	fl.StringVar(&o.StoreDir, "store", def, "store directory: raw files, catalog, partial downloads")
	fl.StringVar(&o.ODSURL, "ods-url", "", "base URL of the Official Document System (default "+ingest.DefaultODSURL+")")
	fl.StringVar(&o.UndocsURL, "undocs-url", "", "base URL of undocs.org (default "+ingest.DefaultUndocsURL+")")
	fl.BoolVar(&o.Doc, "doc", false, "fetch the Word original (t=doc) instead of the PDF")
	fl.StringVar(&o.UserAgent, "user-agent", "", "User-Agent header; keep a way to contact you in it")
	fl.IntVar(&o.PerHost, "per-host", 2, "requests at once per host")
	fl.DurationVar(&o.Spacing, "spacing", 500*time.Millisecond, "least time between request starts per host")
	fl.IntVar(&o.Retries, "retries", 5, "retries of a failing request")
	fl.DurationVar(&o.Timeout, "timeout", 10*time.Minute, "time limit of one request, body included")
	fl.DurationVar(&o.ConnectTimeout, "connect-timeout", 15*time.Second, "time limit to connect")
	fl.Int64Var(&o.MaxBytes, "max-bytes", 512<<20, "largest file accepted")
	ff.add(c)
	return c
}

func newFakeUNCmd(e *env) *cobra.Command {
	var (
		cfg     fakeun.Config
		addr    string
		latency string
	)
	c := &cobra.Command{
		Use:   "fakeun --dir DIR [--addr 127.0.0.1:0] [fault flags]",
		Short: "Serve fixture files the way the UN servers do, for tests and demos",
		Long: `Serves fixture files through the URL shapes of the UN document services, for
tests and demos. Never point it at real UN hosts; it is a stand-in for them:

  GET /api/symbol/access?s=SYMBOL&l=zh&t=pdf   ODS API: redirects, then the file;
                                               404 unknown, 200 empty if not published
  GET /zh/SYMBOL                               undocs.org: file with Content-Disposition,
                                               or the viewer shell; 400 for ch, ZH, ...

Prints the base URL on the first line of standard output; use it as --ods-url
and --undocs-url of undoc fetch.`,
		Args: exactArgs(0, "no arguments (the fixtures are --dir)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cfg.Dir == "" {
				return usagef(cmd, "--dir is required")
			}
			if cfg.Hops == 0 {
				cfg.Hops = -1
			}
			if latency != "" {
				lo, hi, err := fakeun.ParseLatency(latency)
				if err != nil {
					return usagef(cmd, "--latency: %v", err)
				}
				cfg.Faults.LatencyMin, cfg.Faults.LatencyMax = lo, hi
			}
			if err := fakeun.Serve(cmd.Context(), cfg, addr, e.stdout, e.stderr); err != nil {
				return &exitError{code: exitFailed, msg: "undoc fakeun: " + err.Error()}
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&cfg.Dir, "dir", "", "fixture directory: files named like A_69_6_Rev.1-ZH.pdf (empty file = not published yet)")
	fl.StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on; port 0 picks a free one")
	fl.IntVar(&cfg.Hops, "hops", 2, "ODS redirects before the file (0 for none)")
	fl.StringVar(&cfg.UndocsMode, "undocs-mode", fakeun.ModeFailover, "how undocs paths answer: failover (PDF + Content-Disposition), viewer (HTML shell with iframe) or mixed")
	fl.Uint64Var(&cfg.Seed, "seed", 1, "seed of the fault generator")
	fl.StringVar(&latency, "latency", "", "added latency range, e.g. 20ms-200ms")
	fl.Float64Var(&cfg.Faults.P503, "p503", 0, "probability of 503 per request")
	fl.Float64Var(&cfg.Faults.P429, "p429", 0, "probability of 429 per request")
	fl.DurationVar(&cfg.Faults.RetryAfter, "retry-after", time.Second, "Retry-After sent with 429 (and 503 with --retry-after-503)")
	fl.BoolVar(&cfg.Faults.P503RetryAfter, "retry-after-503", false, "send Retry-After with 503 too")
	fl.Float64Var(&cfg.Faults.PRetryAfterDate, "retry-after-date", 0, "share of Retry-After values sent as an HTTP date")
	fl.Float64Var(&cfg.Faults.PReset, "preset", 0, "probability of a connection reset in the middle of a file")
	fl.Float64Var(&cfg.Faults.PTruncate, "ptruncate", 0, "probability of a file body cut short")
	fl.Float64Var(&cfg.Faults.PEmpty, "pempty", 0, "probability of an empty 200 instead of a file")
	fl.Float64Var(&cfg.Faults.PHTML, "phtml", 0, "probability of an HTML error page instead of a file")
	return c
}
