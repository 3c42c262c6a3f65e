// Package run converts a batch of documents in three stages joined by
// bounded channels: fetch (read a file or download a symbol, keep the bytes
// in the raw store, decide whether the document changed) → extract
// (convert.Convert on --workers goroutines) → write (the JSON files, then
// the catalog, in group-committed SQLite transactions). A document whose
// bytes and pipeline version are unchanged is skipped; an interrupted run
// takes no new work, lets the documents in hand finish or abandons them,
// and the next run resumes where it stopped.
//
// Isolation: documents are read in this process, each under recover, a
// timeout and its reader's limits; there is no child process per
// document. What used to kill the whole process (an allocation sized by a
// number the file declares: a cross-reference subsection at object 2^32
// asked for 137 GB) is stopped by validation in the readers, which check
// every declared size against the bytes really there before allocating
// (extract/pdf/objects.go). A child process per document was measured
// as the alternative: 50 copies of a 9-page UN PDF (the 2^32 file among
// them) take 2.6 s wall, 1.5 s CPU and 27 MB in one 'undoc run --workers
// 1', against 12.4 s wall and 5.2 s CPU as 50 'undoc parse' processes
// (a process start, the vocabulary and the file read again each time), so
// a 2,662-file batch would pay minutes for a defence that validation
// already gives.
package run

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/undoc/undoc/extract/convert"
	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/atomicfile"
	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/raw"
)

// ErrNotFound is what a Fetcher's error wraps when the UN services have no
// document with that symbol in that language. Such an input is counted as
// not found, apart from the failures.
var ErrNotFound = errors.New("not found")

// Fetcher gets a UN document by symbol into the raw store.
type Fetcher interface {
	Fetch(ctx context.Context, sym symbol.Symbol, lang string) (Fetched, error)
}

// Fetched says where a fetched document's bytes are and where they came from.
type Fetched struct {
	SHA256       string // of the bytes; they are in the raw store under it when Path is empty
	Path         string // a file holding the bytes, when not (only) in the raw store
	URL          string
	ContentType  string
	ETag         string
	LastModified string
	Downloaded   bool // false when the service confirmed the stored copy
}

// Options tune a run. Zero values take the defaults noted.
type Options struct {
	OutDir       string        // one JSON per document plus corpus.jsonl; "" for none
	Workers      int           // extract goroutines; default GOMAXPROCS
	FetchWorkers int           // fetch goroutines; default max(4, Workers)
	Lang         string        // language of symbol inputs; default "zh"
	Version      string        // pipeline version; default convert.Version
	Fetcher      Fetcher       // for symbol inputs; nil fails them
	Refresh      bool          // ask the Fetcher again for symbols already stored
	Sync         bool          // fsync each JSON before its catalog commit (survives power loss, slower)
	Grace        time.Duration // after cancellation, how long documents in hand may take; default 10 s
	Abort        <-chan struct{}
	Progress     *Progress
	Log          zerolog.Logger
	Password     string // for encrypted PDFs whose user password is not empty
	// Convert replaces convert.Convert (tests).
	Convert func(ctx context.Context, in convert.Input) (*convert.Result, error)
}

// Progress counts finished documents while a run goes; read it from
// another goroutine to show progress.
type Progress struct {
	total, done, failed, skipped atomic.Int64
}

// Snapshot returns the inputs, the finished documents (extracted, skipped
// or failed), the failed and the skipped ones.
func (p *Progress) Snapshot() (total, done, failed, skipped int) {
	return int(p.total.Load()), int(p.done.Load()), int(p.failed.Load()), int(p.skipped.Load())
}

// Summary is the one-line JSON report of a run. Each input is counted in
// exactly one of Extracted, Skipped, NotFound, Failed and Abandoned, so
// that these add up to Inputs.
type Summary struct {
	Inputs    int     `json:"inputs"`
	Fetched   int     `json:"fetched"`   // symbols downloaded
	Cached    int     `json:"cached"`    // symbols taken from the store without download
	Extracted int     `json:"extracted"` // documents read this run
	Skipped   int     `json:"skipped"`   // unchanged: same bytes, same pipeline version
	NotFound  int     `json:"not_found"` // symbols the UN services do not have (ErrNotFound)
	Failed    int     `json:"failed"`
	Abandoned int     `json:"abandoned"` // not finished: the run was interrupted
	Seconds   float64 `json:"seconds"`
}

// Failure is a document that could not be fetched, found or read.
type Failure struct {
	Input  string `json:"input"`
	Reason string `json:"reason"`
}

// Report is what a run did.
type Report struct {
	Summary     Summary
	Failures    []Failure // in input order: the failed and the not found
	Interrupted bool      // cancelled before every input was handled
	Corpus      string    // the corpus.jsonl written, or ""
}

type outcome int

const (
	abandoned outcome = iota
	skipped
	extracted
	failed
	notFound
)

type job struct {
	i       int
	in      Input
	key     string
	outName string
	prior   *catalog.Doc

	data          []byte
	sum           string
	sourceName    string
	contentType   string
	fetchedAt     time.Time
	etag, lastMod string
	fetched       bool
	cached        bool
	notFound      bool // the reason is that the services do not have it

	skip    bool
	res     *convert.Result
	cerr    error
	compact []byte
	reason  string

	doc     catalog.Doc
	commit  bool
	oldJSON string
	dur     time.Duration

	// stale is the row the document had under its file key before its
	// symbol was known from the file's name; it goes once the new row is
	// committed. oldOuts are copies in the output folder under names the
	// document no longer has.
	stale   *catalog.Doc
	oldOuts []string
}

// result is the end of one input, written once by the stage that ends it.
type result struct {
	outcome  outcome
	reason   string
	jsonPath string
	fetched  bool
	cached   bool
}

type runner struct {
	st      *Store
	opt     Options
	log     zerolog.Logger
	prog    *Progress
	results []result
	priors  map[string]catalog.Doc // the catalog's rows of the inputs, read before the run
	work    context.Context        // cancelled after the grace time or on Abort
	claimed map[string]bool        // the output names of this run's inputs, lower case
	commit  context.Context        // the caller's context without its cancel: finished documents are recorded after a stop
}

// Run converts the inputs into the store (and OutDir). It returns an error
// only when the run could not be carried out at all; documents that fail
// are listed in the report.
func Run(ctx context.Context, st *Store, inputs []Input, opt Options) (*Report, error) {
	start := time.Now()
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.FetchWorkers <= 0 {
		opt.FetchWorkers = max(4, opt.Workers)
	}
	if opt.Lang == "" {
		opt.Lang = "zh"
	}
	lang, err := symbol.ParseLang(opt.Lang)
	if err != nil {
		return nil, err
	}
	opt.Lang = lang
	if opt.Version == "" {
		opt.Version = convert.Version
	}
	if opt.Grace <= 0 {
		opt.Grace = 10 * time.Second
	}
	if opt.Convert == nil {
		opt.Convert = func(ctx context.Context, in convert.Input) (*convert.Result, error) {
			return convert.Convert(ctx, in, convert.Options{Password: opt.Password})
		}
	}
	if opt.Progress == nil {
		opt.Progress = &Progress{}
	}
	if opt.OutDir != "" {
		if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
			return nil, err
		}
		if _, err := atomicfile.CleanTemps(opt.OutDir); err != nil {
			return nil, err
		}
	}
	r := &runner{st: st, opt: opt, log: opt.Log, prog: opt.Progress, results: make([]result, len(inputs))}
	r.prog.total.Store(int64(len(inputs)))

	// work is what the documents in hand run under: it outlives ctx by the
	// grace time, so that a document being read can finish and be written.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	r.work = work
	r.commit = context.WithoutCancel(ctx)
	finished := make(chan struct{})
	defer close(finished)
	go func() {
		select {
		case <-ctx.Done():
		case <-opt.Abort:
			cancelWork()
			return
		case <-finished:
			return
		}
		t := time.NewTimer(opt.Grace)
		defer t.Stop()
		select {
		case <-t.C:
			r.log.Warn().Dur("grace", opt.Grace).Msg("documents in hand abandoned after the grace time")
		case <-opt.Abort:
		case <-finished:
		}
		cancelWork()
	}()

	keys := make([]string, 0, len(inputs))
	for _, in := range inputs {
		keys = append(keys, in.Key(opt.Lang))
		if fk := in.fileKey(); fk != "" {
			keys = append(keys, fk)
		}
	}
	if r.priors, err = st.Catalog.GetMany(context.WithoutCancel(ctx), keys); err != nil {
		return nil, err
	}
	r.pipeline(ctx, inputs)

	rep := &Report{}
	s := &rep.Summary
	s.Inputs = len(inputs)
	for i, res := range r.results {
		if res.fetched {
			s.Fetched++
		}
		if res.cached {
			s.Cached++
		}
		switch res.outcome {
		case abandoned:
			s.Abandoned++
		case skipped:
			s.Skipped++
		case extracted:
			s.Extracted++
		case failed:
			s.Failed++
			rep.Failures = append(rep.Failures, Failure{Input: inputs[i].Arg, Reason: res.reason})
		case notFound:
			s.NotFound++
			rep.Failures = append(rep.Failures, Failure{Input: inputs[i].Arg, Reason: res.reason})
		}
	}
	rep.Interrupted = s.Abandoned > 0
	if opt.OutDir != "" && !rep.Interrupted {
		p := filepath.Join(opt.OutDir, "corpus.jsonl")
		if err := r.writeCorpus(ctx, p); err != nil {
			return rep, fmt.Errorf("writing %s: %w", p, err)
		}
		rep.Corpus = p
	}
	s.Seconds = roundMillis(time.Since(start).Seconds())
	return rep, nil
}

func roundMillis(s float64) float64 { return float64(int64(s*1000+0.5)) / 1000 }

// pipeline runs the stages and returns when every input is finished or
// abandoned.
func (r *runner) pipeline(ctx context.Context, inputs []Input) {
	w := r.opt.Workers
	names := outNames(inputs, r.opt.Lang)
	r.claimed = make(map[string]bool, len(names))
	for _, n := range names {
		r.claimed[strings.ToLower(n)] = true
	}
	toFetch := make(chan *job, w)
	toExtract := make(chan *job, w)
	toWrite := make(chan *job, w)
	toCommit := make(chan *job, 4*w)

	// No new work once ctx is cancelled (or the run aborted).
	stopped := func() bool { return ctx.Err() != nil || r.work.Err() != nil }
	go func() {
		defer close(toFetch)
		for i, in := range inputs {
			j := &job{i: i, in: in, key: in.Key(r.opt.Lang), outName: names[i]}
			select {
			case toFetch <- j:
			case <-ctx.Done():
				return
			case <-r.work.Done():
				return
			}
		}
	}()

	var fetchWG, extractWG, writeWG sync.WaitGroup
	for range r.opt.FetchWorkers {
		fetchWG.Go(func() {
			for j := range toFetch {
				if stopped() {
					continue // abandoned: not started
				}
				switch r.fetchStage(ctx, j) {
				case toExtractStage:
					toExtract <- j
				case toWriteStage:
					toWrite <- j
				}
			}
		})
	}
	for range w {
		extractWG.Go(func() {
			for j := range toExtract {
				if stopped() {
					continue // abandoned: not started
				}
				if r.extractStage(j) {
					toWrite <- j
				}
			}
		})
	}
	const writers = 2
	for range writers {
		writeWG.Go(func() {
			for j := range toWrite {
				r.writeStage(j)
				toCommit <- j
			}
		})
	}
	committed := make(chan struct{})
	go func() {
		r.commitStage(toCommit)
		close(committed)
	}()

	fetchWG.Wait()
	close(toExtract)
	extractWG.Wait()
	close(toWrite)
	writeWG.Wait()
	close(toCommit)
	<-committed
}

type next int

const (
	dropStage next = iota
	toExtractStage
	toWriteStage
)

// fetchStage gets the bytes of j into the raw store and decides whether
// the document must be read again.
func (r *runner) fetchStage(ctx context.Context, j *job) next {
	if j.in.Err != nil {
		j.reason = j.in.Err.Error()
		return toWriteStage
	}
	if p, ok := r.priors[j.key]; ok {
		j.prior = &p
	}
	if p, ok := r.priors[j.in.fileKey()]; ok && j.in.fileKey() != "" {
		j.stale = &p
	}
	if j.in.IsSymbol() {
		if n, done := r.fetchSymbol(ctx, j); done {
			return n
		}
	} else {
		data, err := os.ReadFile(j.in.Path)
		if err != nil {
			j.reason = "reading: " + err.Error()
			return toWriteStage
		}
		sum, _, err := r.st.Raw.Put(data)
		if err != nil {
			j.reason = err.Error()
			return toWriteStage
		}
		j.data, j.sum, j.sourceName = data, sum, j.in.Path
		j.fetchedAt = time.Now()
		if p := j.prior; p != nil && p.SHA256 == sum && !p.FetchedAt.IsZero() {
			j.fetchedAt = p.FetchedAt
		}
	}
	if r.upToDate(j) {
		j.skip, j.data = true, nil
		return toWriteStage
	}
	return toExtractStage
}

// fetchSymbol gets a symbol's bytes: from the store when a previous run
// kept them (unless Refresh), else from the Fetcher. done is true when the
// job has already gone its way (skipped, failed or abandoned).
func (r *runner) fetchSymbol(ctx context.Context, j *job) (next, bool) {
	p := j.prior
	if p != nil && p.SHA256 != "" && !r.opt.Refresh && r.st.Raw.Has(p.SHA256, p.Bytes) {
		j.sum, j.sourceName, j.fetchedAt, j.etag, j.lastMod = p.SHA256, p.SourceURI, p.FetchedAt, p.ETag, p.LastModified
		j.cached = true
		if r.upToDate(j) {
			j.skip = true
			return toWriteStage, true
		}
		data, err := r.st.Raw.Get(p.SHA256)
		if err == nil {
			j.data = data
			return toExtractStage, false
		}
		r.log.Warn().Str("input", j.in.Arg).Err(err).Msg("stored copy unreadable; fetching again")
		j.cached = false
	}
	if r.opt.Fetcher == nil {
		j.reason = "no fetcher for UN symbols in this run"
		return toWriteStage, true
	}
	f, err := r.opt.Fetcher.Fetch(ctx, j.in.Symbol, r.opt.Lang)
	if ctx.Err() != nil {
		return dropStage, true // abandoned; the fetcher keeps partial downloads
	}
	if err != nil {
		j.reason = "fetching: " + err.Error()
		j.notFound = errors.Is(err, ErrNotFound)
		return toWriteStage, true
	}
	var data []byte
	if f.SHA256 != "" {
		data, err = r.st.Raw.Get(f.SHA256)
	}
	if data == nil && f.Path != "" {
		if data, err = os.ReadFile(f.Path); err == nil {
			f.SHA256, _, err = r.st.Raw.Put(data)
		}
	}
	if err == nil && data == nil {
		err = errors.New("the fetcher returned no bytes")
	}
	if err != nil {
		j.reason = "fetching: " + err.Error()
		return toWriteStage, true
	}
	j.data, j.sum = data, f.SHA256
	j.sourceName, j.contentType, j.etag, j.lastMod = f.URL, f.ContentType, f.ETag, f.LastModified
	if j.sourceName == "" {
		j.sourceName = j.in.Symbol.String()
	}
	j.fetched, j.cached = f.Downloaded, !f.Downloaded
	j.fetchedAt = time.Now()
	if p != nil && p.SHA256 == j.sum && !p.FetchedAt.IsZero() {
		j.fetchedAt = p.FetchedAt
	}
	return toExtractStage, false
}

// upToDate reports whether j's previous output still stands: same bytes,
// same pipeline version, read without failure, and its JSON in place.
func (r *runner) upToDate(j *job) bool {
	p := j.prior
	if p == nil || !p.Done() || p.SHA256 != j.sum || p.Version != r.opt.Version || p.JSONPath == "" {
		return false
	}
	st, err := os.Stat(r.st.abs(p.JSONPath))
	return err == nil && st.Size() == p.JSONBytes
}

// extractStage reads the document. It returns false when the job was
// abandoned because the run was stopped.
func (r *runner) extractStage(j *job) bool {
	t0 := time.Now()
	in := convert.Input{Data: j.data, Name: j.sourceName, ContentType: j.contentType}
	// The format is detected here rather than left to convert, so that the
	// output names it even when the document fails early (empty input).
	in.Format = convert.Detect(j.data, j.sourceName, j.contentType)
	if !j.in.Symbol.IsZero() {
		in.Symbol = j.in.Symbol.String()
	}
	res, err := r.opt.Convert(r.work, in)
	j.data = nil
	if err != nil && r.work.Err() != nil {
		return false
	}
	j.dur = time.Since(t0)
	if res == nil || res.Output == nil {
		j.reason = fmt.Sprintf("reading: %v (no output)", err)
		return true
	}
	j.res, j.cerr = res, err
	if err != nil {
		j.reason = err.Error()
		if d := firstError(res); d != "" && !strings.Contains(j.reason, d) {
			j.reason += ": " + d
		}
	}
	b, merr := emit.Marshal(res.Output, false)
	if merr != nil {
		j.reason = "encoding JSON: " + merr.Error()
		return true
	}
	j.compact = b
	return true
}

func firstError(res *convert.Result) string {
	for _, d := range res.Output.Diagnostics {
		if d.Level == "error" {
			return d.Message
		}
	}
	return ""
}

// writeStage writes j's JSON into the store and the output folder and
// prepares its catalog row.
func (r *runner) writeStage(j *job) {
	if j.skip {
		if r.opt.OutDir != "" {
			if err := r.ensureOut(j); err != nil {
				j.reason = err.Error()
			}
		}
		return
	}
	d := catalog.Doc{Key: j.key, Input: j.in.Arg, Lang: r.opt.Lang, SHA256: j.sum, Bytes: -1,
		FetchedAt: j.fetchedAt, ETag: j.etag, LastModified: j.lastMod, Version: r.opt.Version}
	if !j.in.Symbol.IsZero() {
		d.Symbol = j.in.Symbol.String()
	}
	if j.res != nil {
		doc := j.res.Output.Document
		d.SourceURI, d.Bytes, d.Format = doc.Source.URI, doc.Source.Bytes, doc.Source.Format
		if doc.Symbol != nil && d.Symbol == "" {
			d.Symbol = *doc.Symbol
		}
	}
	if d.Bytes < 0 {
		d.Bytes = 0
	}
	if j.compact != nil {
		sum := raw.Sum(j.compact)
		rel := jsonPath(j.key, sum)
		written := false
		if err := r.st.writeJSON(rel, j.compact, r.opt.Sync); err != nil {
			j.reason = "writing JSON: " + err.Error()
		} else {
			written = true
			d.JSONPath, d.JSONSHA256, d.JSONBytes = rel, sum, int64(len(j.compact))
			if j.prior != nil && j.prior.JSONPath != "" && j.prior.JSONPath != rel {
				j.oldJSON = j.prior.JSONPath
			}
		}
		// A document that failed still gets its JSON, which says why.
		if written && r.opt.OutDir != "" && j.outName != "" {
			out := filepath.Join(r.opt.OutDir, j.outName)
			n, err := writePretty(out, j.compact, r.opt.Sync)
			if err != nil {
				j.reason = "writing " + out + ": " + err.Error()
			} else {
				d.OutPath, d.OutBytes = out, n
				if j.prior != nil {
					j.dropOut(r, j.prior.OutPath, out)
				}
			}
		}
	}
	j.compact = nil
	switch {
	case j.reason != "":
		d.Status, d.Error = catalog.StatusFailed, j.reason
	case j.res != nil && j.res.NoStructure:
		d.Status = catalog.StatusNoStructure
	default:
		d.Status = catalog.StatusOK
	}
	// A document that could not be had keeps its previous row, if any;
	// one that never had a key (a bad list line) gets none.
	j.commit = j.in.Err == nil && (j.res != nil || j.prior == nil)
	if !j.commit || j.res == nil {
		j.stale = nil
	} else if j.stale != nil {
		j.dropOut(r, j.stale.OutPath, d.OutPath)
	}
	j.doc = d
	j.res = nil
}

// ensureOut makes sure a skipped document's copy in the output folder is
// there; it is rewritten from the store when missing or different.
func (r *runner) ensureOut(j *job) error {
	p := j.prior
	out := filepath.Join(r.opt.OutDir, j.outName)
	if p.OutPath == out {
		if st, err := os.Stat(out); err == nil && st.Size() == p.OutBytes {
			return nil
		}
	}
	compact, err := os.ReadFile(r.st.abs(p.JSONPath))
	if err != nil {
		return err
	}
	n, err := writePretty(out, compact, r.opt.Sync)
	if err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	d := *p
	d.OutPath, d.OutBytes, d.UpdatedAt = out, n, time.Time{}
	j.doc, j.commit = d, true
	j.dropOut(r, p.OutPath, out)
	return nil
}

// dropOut marks old, a copy of j's JSON in the output folder under a name
// it no longer has, for removal once the new row is committed. A copy in
// another folder, or under a name another input of this run now has, is
// left alone.
func (j *job) dropOut(r *runner, old, now string) {
	if old == "" || old == now || r.opt.OutDir == "" ||
		filepath.Clean(filepath.Dir(old)) != filepath.Clean(r.opt.OutDir) ||
		r.claimed[strings.ToLower(filepath.Base(old))] {
		return
	}
	j.oldOuts = append(j.oldOuts, old)
}

// writePretty writes the indented form of a compact JSON document, the
// same bytes undoc parse writes.
func writePretty(path string, compact []byte, sync bool) (int64, error) {
	var buf bytes.Buffer
	buf.Grow(len(compact) * 3 / 2)
	if err := json.Indent(&buf, bytes.TrimSuffix(compact, []byte("\n")), "", "  "); err != nil {
		return 0, err
	}
	buf.WriteByte('\n')
	return int64(buf.Len()), atomicfile.Write(path, buf.Bytes(), sync)
}

// commitStage records finished documents in the catalog, as many per
// transaction as are waiting, and then counts them as done.
func (r *runner) commitStage(in <-chan *job) {
	const maxBatch = 256
	batch := make([]*job, 0, maxBatch)
	for j := range in {
		batch = append(batch[:0], j)
	more:
		for len(batch) < maxBatch {
			select {
			case j, ok := <-in:
				if !ok {
					break more
				}
				batch = append(batch, j)
			default:
				break more
			}
		}
		var docs []catalog.Doc
		var staleKeys []string
		for _, j := range batch {
			if j.commit {
				docs = append(docs, j.doc)
			}
			if j.stale != nil {
				staleKeys = append(staleKeys, j.stale.Key)
			}
		}
		// The catalog is written even after a cancel: these documents are done.
		err := r.st.Catalog.Put(r.commit, docs...)
		if err == nil && len(staleKeys) > 0 {
			err = r.st.Catalog.Delete(r.commit, staleKeys...)
		}
		if err != nil {
			r.log.Error().Err(err).Int("documents", len(docs)).Msg("catalog commit failed")
			for _, j := range batch {
				if j.commit && j.reason == "" {
					j.reason = err.Error()
				}
			}
		} else {
			for _, j := range batch {
				if j.oldJSON != "" {
					os.Remove(r.st.abs(j.oldJSON))
				}
				if j.stale != nil && j.stale.JSONPath != "" {
					os.Remove(r.st.abs(j.stale.JSONPath))
				}
				for _, p := range j.oldOuts {
					os.Remove(p)
				}
			}
		}
		for _, j := range batch {
			r.finish(j)
		}
	}
}

// finish records the outcome of j.
func (r *runner) finish(j *job) {
	res := result{fetched: j.fetched, cached: j.cached}
	switch {
	case j.reason != "" && j.notFound:
		res.outcome, res.reason = notFound, j.reason
		r.prog.failed.Add(1)
		r.log.Debug().Str("input", j.in.Arg).Str("reason", j.reason).Msg("not found")
	case j.reason != "":
		res.outcome, res.reason = failed, j.reason
		r.prog.failed.Add(1)
		r.log.Debug().Str("input", j.in.Arg).Str("reason", j.reason).Msg("failed")
	case j.skip:
		res.outcome, res.jsonPath = skipped, j.prior.JSONPath
		r.prog.skipped.Add(1)
		r.log.Debug().Str("input", j.in.Arg).Msg("unchanged")
	default:
		res.outcome = extracted
		r.log.Debug().Str("input", j.in.Arg).Str("status", j.doc.Status).Dur("took", j.dur).Msg("extracted")
	}
	if res.outcome != skipped && j.commit && j.doc.JSONPath != "" {
		res.jsonPath = j.doc.JSONPath
	}
	r.results[j.i] = res
	r.prog.done.Add(1)
}

// writeCorpus writes every document's JSON, one per line, in input order.
// When the corpus there already holds exactly these JSONs (the catalog
// remembers which), it is left as it is.
func (r *runner) writeCorpus(ctx context.Context, path string) error {
	ctx = context.WithoutCancel(ctx)
	h := sha256.New()
	for _, res := range r.results {
		if res.jsonPath != "" {
			io.WriteString(h, res.jsonPath+"\n")
		}
	}
	digest := hex.EncodeToString(h.Sum(nil))
	metaName := "corpus:" + path
	if abs, err := filepath.Abs(path); err == nil {
		metaName = "corpus:" + abs
	}
	if prev, err := r.st.Catalog.Meta(ctx, metaName); err == nil && prev != "" {
		d, size, _ := strings.Cut(prev, " ")
		if st, err := os.Stat(path); err == nil && d == digest && strconv.FormatInt(st.Size(), 10) == size {
			return nil
		}
	}
	var n int64
	err := atomicfile.WriteFunc(path, r.opt.Sync, func(w io.Writer) error {
		bw := &lastByteWriter{w: w}
		defer func() { n = bw.n }()
		for _, res := range r.results {
			if res.jsonPath == "" {
				continue
			}
			f, err := os.Open(r.st.abs(res.jsonPath))
			if err != nil {
				return err
			}
			_, err = io.Copy(bw, f)
			f.Close()
			if err != nil {
				return err
			}
			if bw.last != '\n' {
				if _, err := bw.Write([]byte{'\n'}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// The JSON paths name their content, so the digest names the corpus.
	return r.st.Catalog.SetMeta(ctx, metaName, digest+" "+strconv.FormatInt(n, 10))
}

type lastByteWriter struct {
	w    io.Writer
	last byte
	n    int64
}

func (l *lastByteWriter) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if n > 0 {
		l.last = p[n-1]
		l.n += int64(n)
	}
	return n, err
}
