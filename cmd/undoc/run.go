package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"

	"github.com/undoc/undoc/ingest"
	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/catalog"
	storerun "github.com/undoc/undoc/store/run"
)

// exitInterrupted: the run was stopped by a signal; run it again to resume.
const exitInterrupted = 130

const runLong = `Converts a batch of documents into the store and, with --out, into one JSON
file per document plus corpus.jsonl. An INPUT is a UN symbol (A/69/6/Rev.1,
fetched from the UN document services), a file, a directory (searched
recursively for .pdf, .txt, .html and .htm), or @LIST, a file with one
INPUT per line (@- for standard input).

A document is its symbol and language: a file named like a symbol in the
run's language (A_69_6_Rev.1-ZH.pdf) is the same document as the symbol
A/69/6/Rev.1, with the same output name (A_69_6_Rev.1-ZH.json); other
files are named after the file (seed.txt -> seed.json).

The work goes in stages joined by bounded queues: fetch (read or download,
keep the bytes in the store) -> extract and segment (--workers at once) ->
write (JSON files, then the catalog). A document whose bytes and pipeline
version are unchanged since the last run is skipped; a new pipeline version
reads the stored bytes again, without downloading them again.

Ctrl-C or SIGTERM: no new document is started, the ones in hand finish
(for at most --grace; a second Ctrl-C abandons them), and undoc exits with
status 130. Run the same command again to go on where it stopped. A run
killed outright (kill -9, power cut) also leaves a usable store.

corpus.jsonl holds every document's JSON, one per line, in input order;
like the per-document files it includes the documents that failed, whose
diagnostics say why. It is rewritten only when a run completes.

On a terminal, progress goes to standard error. The last line on standard
output is a JSON summary:
  {"inputs":200,"fetched":0,"cached":0,"extracted":3,"skipped":197,"not_found":0,"failed":0,"abandoned":0,"seconds":0.4}
fetched: symbols downloaded; cached: symbols taken from the store. Each
input is counted once in extracted, skipped, not_found, failed or
abandoned (not finished because the run was interrupted), so these add up
to inputs.

` + notFoundHelp + `

Exit status: 0 done; 1 some document failed or was not found (each is
listed on standard error with its reason); 2 wrong flags or arguments; 130
interrupted.

Environment: UNDOC_STORE sets the default store; UNDOC_ODS_URL,
UNDOC_UNDOCS_URL and UNDOC_USER_AGENT tune fetching (see undoc fetch).`

type runFlags struct {
	storeDir, outDir, lang, progress string
	password                         string
	storeErr                         error
	workers, fetchWorkers            int
	refresh, fsync                   bool
	grace                            time.Duration
	fetch                            fetchFlags
}

func newRunCmd(e *env) *cobra.Command {
	var f runFlags
	var defStore string
	defStore, f.storeErr = storerun.DefaultDir()
	c := &cobra.Command{
		Use:   "run [flags] INPUT...",
		Short: "Convert a batch (symbols, files, folders, @lists) into a store",
		Long:  runLong,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRun(cmd, e, f, args)
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.storeDir, "store", defStore, "store directory: catalog, raw documents, outputs")
	fl.StringVar(&f.outDir, "out", "", "also write one JSON per document and corpus.jsonl to this directory")
	fl.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents extracted at once")
	fl.IntVar(&f.fetchWorkers, "fetch-workers", 0, "documents read or fetched at once (default max(4, workers)); fetching stays polite per host")
	fl.StringVar(&f.lang, "lang", "zh", "language of the documents fetched by symbol")
	fl.StringVar(&f.progress, "progress", "auto", "progress display on standard error: auto (on a terminal), on or off")
	fl.BoolVar(&f.refresh, "refresh", false, "ask the UN services whether stored documents changed")
	fl.BoolVar(&f.fsync, "fsync", false, "flush every output to disk before recording it (survives power loss; slower)")
	fl.StringVar(&f.password, "password", "", "open encrypted PDFs with this user or owner password (the empty password is always tried)")
	fl.DurationVar(&f.grace, "grace", 10*time.Second, "after Ctrl-C or SIGTERM, how long documents in hand may take to finish")
	f.fetch.add(c)
	return c
}

func runRun(cmd *cobra.Command, e *env, f runFlags, args []string) error {
	start := time.Now()
	ctx := cmd.Context()
	if len(args) == 0 {
		return usagef(cmd, "no inputs (symbols, files, folders or @lists)")
	}
	if f.storeDir == "" {
		return usagef(cmd, "no --store and no default store: %v", f.storeErr)
	}
	if f.workers < 1 {
		return usagef(cmd, "--workers must be at least 1")
	}
	var showProgress bool
	switch f.progress {
	case "auto":
		showProgress = isTerminal(e.stderr)
	case "on":
		showProgress = true
	case "off":
	default:
		return usagef(cmd, "--progress must be auto, on or off, not %q", f.progress)
	}
	lng, err := symbol.ParseLang(f.lang)
	if err != nil {
		return usagef(cmd, "%v", err)
	}
	storeDir := &f.storeDir

	// Logs go through the progress line, which clears itself before a log
	// line and draws itself again after.
	var disp *progressLine
	logw := e.stderr
	if showProgress {
		disp = &progressLine{w: e.stderr}
		logw = disp
	}
	log := e.log
	if disp != nil {
		format := e.logFormat
		if format == "" {
			format = "text"
		}
		log = newLogger(logw, format, e.log.GetLevel())
	}

	inputs, err := storerun.Expand(args, e.stdin, lng)
	if err != nil {
		return usagef(cmd, "%v", err)
	}
	if len(inputs) == 0 {
		log.Warn().Strs("args", args).Msg("no documents found (folders are searched for .pdf, .txt, .html and .htm)")
	}
	st, err := storerun.OpenStore(ctx, *storeDir)
	if err != nil {
		log.Error().Err(err).Str("store", *storeDir).Msg("cannot open the store")
		return status(exitFailed)
	}
	defer st.Close()

	// A second Ctrl-C abandons the documents in hand at once.
	abort := make(chan struct{})
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	stopSigs := make(chan struct{})
	defer close(stopSigs)
	go func() {
		n := 0
		for {
			select {
			case <-sigs:
				if n++; n == 2 {
					close(abort)
					return
				}
			case <-stopSigs:
				return
			}
		}
	}()

	prog := &storerun.Progress{}
	opt := storerun.Options{
		OutDir: f.outDir, Workers: f.workers, FetchWorkers: f.fetchWorkers, Lang: lng,
		Refresh: f.refresh, Sync: f.fsync, Grace: f.grace, Abort: abort, Progress: prog, Log: log,
		Password: f.password,
	}
	for _, in := range inputs {
		if in.IsSymbol() {
			opt.Fetcher = newIngestFetcher(*storeDir, lng, st.Catalog, log, f.fetch)
			break
		}
	}
	log.Info().Int("inputs", len(inputs)).Str("store", *storeDir).Int("workers", f.workers).Msg("run")
	if disp != nil {
		disp.start(prog)
	}
	rep, err := storerun.Run(ctx, st, inputs, opt)
	if disp != nil {
		disp.stop()
	}
	if err != nil && rep == nil {
		log.Error().Err(err).Msg("run failed")
		return status(exitFailed)
	}
	for _, f := range rep.Failures {
		log.Error().Str("input", f.Input).Str("reason", f.Reason).Msg("document failed")
	}
	if err != nil {
		log.Error().Err(err).Msg("run failed")
	}
	if rep.Interrupted {
		log.Warn().Int("abandoned", rep.Summary.Abandoned).Msg("interrupted: run the same command again to resume")
	}
	// The summary's time is the whole command's: reading the inputs and
	// opening the store included.
	rep.Summary.Seconds = float64(time.Since(start).Milliseconds()) / 1000
	line, _ := json.Marshal(rep.Summary)
	fmt.Fprintln(e.stdout, string(line))
	switch {
	case rep.Interrupted:
		return status(exitInterrupted)
	case err != nil || rep.Summary.Failed > 0 || rep.Summary.NotFound > 0:
		return status(exitFailed)
	}
	return nil
}

// progressLine draws "done/total, rate, ETA, failures" on one terminal
// line, redrawn a few times a second. It is written by hand: it is forty
// lines, and it must also carry the log lines (clearing itself before
// each), which the progress libraries would need wrapping for anyway.
type progressLine struct {
	w       io.Writer
	mu      sync.Mutex
	line    string
	prog    *storerun.Progress
	quit    chan struct{}
	wg      sync.WaitGroup
	start0  time.Time
	samples []sample
}

type sample struct {
	t    time.Time
	done int
}

func (p *progressLine) start(prog *storerun.Progress) {
	p.prog, p.quit, p.start0 = prog, make(chan struct{}), time.Now()
	p.samples = []sample{{p.start0, 0}}
	p.wg.Go(func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case now := <-t.C:
				p.redraw(now)
			}
		}
	})
}

func (p *progressLine) stop() {
	close(p.quit)
	p.wg.Wait()
	p.redraw(time.Now())
	p.mu.Lock()
	if p.line != "" {
		fmt.Fprintln(p.w)
		p.line = ""
	}
	p.mu.Unlock()
}

func (p *progressLine) redraw(now time.Time) {
	total, done, failed, _ := p.prog.Snapshot()
	// The rate is taken over the last ten seconds, so that a run that
	// starts with skipped documents does not promise too early an end.
	p.samples = append(p.samples, sample{now, done})
	for len(p.samples) > 2 && now.Sub(p.samples[0].t) > 10*time.Second {
		p.samples = p.samples[1:]
	}
	rate := 0.0
	if s0 := p.samples[0]; now.Sub(s0.t) > 0 {
		rate = float64(done-s0.done) / now.Sub(s0.t).Seconds()
	}
	eta := "--"
	if rate > 0 {
		eta = (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second).String()
	}
	pct := 0
	if total > 0 {
		pct = done * 100 / total
	}
	line := fmt.Sprintf("%d/%d documents  %3d%%  %.1f/s  ETA %s  elapsed %s",
		done, total, pct, rate, eta, now.Sub(p.start0).Round(time.Second))
	if failed > 0 {
		line += fmt.Sprintf("  failed %d", failed)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line = line
	fmt.Fprint(p.w, "\r\x1b[K"+line)
}

// Write prints a log line above the progress line.
func (p *progressLine) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.line != "" {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	n, err := p.w.Write(b)
	if p.line != "" {
		fmt.Fprint(p.w, p.line)
	}
	return n, err
}

// ingestFetcher fetches symbols with ingest's fetcher into the same store
// directory (its raw layout is the store's), keeping the fetcher's
// validators in the SQLite catalog.
type ingestFetcher struct {
	once sync.Once
	f    *ingest.Fetcher
	err  error
	opts ingest.Options
	cat  *catalog.Catalog
}

func newIngestFetcher(storeDir, lang string, cat *catalog.Catalog, log zerolog.Logger, ff fetchFlags) *ingestFetcher {
	o := ingest.Options{StoreDir: storeDir, Lang: lang, Log: logLines{log, zerolog.DebugLevel}}
	ff.apply(&o)
	o.Env()
	return &ingestFetcher{opts: o, cat: cat}
}

func (a *ingestFetcher) Fetch(ctx context.Context, sym symbol.Symbol, lang string) (storerun.Fetched, error) {
	a.once.Do(func() {
		o := a.opts
		// The catalog outlives one document's context: a cancelled
		// fetch must still be able to record what it learnt.
		o.Catalog = fetchCatalog{context.WithoutCancel(ctx), a.cat}
		a.f, a.err = ingest.New(o)
	})
	if a.err != nil {
		return storerun.Fetched{}, a.err
	}
	r := a.f.Fetch(ctx, sym)
	switch r.Status {
	case ingest.Fetched, ingest.NotModified:
	case ingest.NotFound:
		return storerun.Fetched{}, fmt.Errorf("%w: %s", storerun.ErrNotFound, r.Reason)
	default:
		return storerun.Fetched{}, fmt.Errorf("%s: %s", strings.ReplaceAll(string(r.Status), "_", " "), r.Reason)
	}
	f := storerun.Fetched{SHA256: r.SHA256, Path: r.Path, URL: r.URL, Downloaded: r.Status == ingest.Fetched}
	e, ok, err := a.cat.GetFetch(ctx, ingest.EntryKey(sym, r.Lang, r.Type))
	if err != nil {
		return storerun.Fetched{}, fmt.Errorf("reading the fetch catalog: %w", err)
	}
	if ok {
		f.ETag, f.LastModified = e.ETag, e.LastModified
		if f.URL == "" {
			f.URL = e.URL
		}
	}
	return f, nil
}

// fetchCatalog keeps ingest's catalog entries in the store's SQLite
// catalog, under the context of the command that opened it.
type fetchCatalog struct {
	ctx context.Context
	c   *catalog.Catalog
}

func (fc fetchCatalog) Get(key string) (ingest.Entry, bool, error) {
	e, ok, err := fc.c.GetFetch(fc.ctx, key)
	if err != nil || !ok {
		return ingest.Entry{}, false, err
	}
	return ingest.Entry{Key: e.Key, Symbol: e.Symbol, Lang: e.Lang, Type: e.Type, Status: e.Status,
		SHA256: e.SHA256, Size: e.Size, URL: e.URL, ETag: e.ETag, LastModified: e.LastModified,
		Checked: e.Checked, Expires: e.Expires, Reason: e.Reason}, true, nil
}

func (fc fetchCatalog) Put(e ingest.Entry) error {
	return fc.c.PutFetch(fc.ctx, catalog.FetchEntry{Key: e.Key, Symbol: e.Symbol, Lang: e.Lang,
		Type: e.Type, Status: e.Status, SHA256: e.SHA256, Size: e.Size, URL: e.URL, ETag: e.ETag,
		LastModified: e.LastModified, Checked: e.Checked, Expires: e.Expires, Reason: e.Reason})
}

// logLines turns the fetcher's progress lines into log events.
type logLines struct {
	log   zerolog.Logger
	level zerolog.Level
}

func (l logLines) Write(b []byte) (int, error) {
	for _, s := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if s = strings.TrimSpace(s); s != "" {
			l.log.WithLevel(l.level).Str("stage", "fetch").Msg(s)
		}
	}
	return len(b), nil
}
