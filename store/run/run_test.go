package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/undoc/undoc/extract/convert"
	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/raw"
)

func openStore(t testing.TB, dir string) *Store {
	t.Helper()
	st, err := OpenStore(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func expand(t testing.TB, args ...string) []Input {
	t.Helper()
	ins, err := Expand(args, nil, "zh")
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

func mustRun(t testing.TB, ctx context.Context, st *Store, ins []Input, opt Options) *Report {
	t.Helper()
	rep, err := Run(ctx, st, ins, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestRun200 converts 200 inputs (seed variants, one in five a PDF or HTML
// fixture), checks the 200 JSONs against the schema, then runs again:
// everything is skipped, in under a tenth of the time.
func TestRun200(t *testing.T) {
	tmp := t.TempDir()
	in, out, store := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "store")
	mixVariants(t, in, 200)
	st := openStore(t, store)
	ins := expand(t, in)
	if len(ins) != 200 {
		t.Fatalf("%d inputs, want 200", len(ins))
	}
	first := mustRun(t, context.Background(), st, ins, Options{OutDir: out})
	t.Logf("first run:  %+v", first.Summary)
	if s := first.Summary; s.Inputs != 200 || s.Extracted != 200 || s.Skipped != 0 || s.Failed != 0 {
		t.Fatalf("first run: %+v %v", s, first.Failures)
	}
	if n := validateDir(t, out); n != 200 {
		t.Errorf("%d JSON files in --out, want 200", n)
	}
	corpus, err := os.ReadFile(filepath.Join(out, "corpus.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(corpus, []byte("\n")); n != 200 {
		t.Errorf("corpus.jsonl has %d lines, want 200", n)
	}
	docs := checkStore(t, store)
	if len(docs) != 200 {
		t.Errorf("%d catalog rows, want 200", len(docs))
	}

	second := mustRun(t, context.Background(), st, ins, Options{OutDir: out})
	t.Logf("second run: %+v", second.Summary)
	if s := second.Summary; s.Extracted != 0 || s.Skipped != 200 || s.Failed != 0 {
		t.Fatalf("second run: %+v", s)
	}
	// How much faster the second run is belongs to a benchmark
	// (BenchmarkRun1000), not to a timed test on a shared machine; that
	// nothing was read again is checked above.
	t.Logf("second run %.3f s, first %.3f s", second.Summary.Seconds, first.Summary.Seconds)
	corpus2, _ := os.ReadFile(filepath.Join(out, "corpus.jsonl"))
	if !bytes.Equal(corpus, corpus2) {
		t.Error("corpus.jsonl changed on a run that skipped everything")
	}

	// One input changes, one output is deleted: only they are redone.
	p := ins[17].Path
	if err := os.WriteFile(p, append(mustRead(t, p), "再加一行。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(out, "doc0042.json")); err != nil {
		t.Fatal(err)
	}
	third := mustRun(t, context.Background(), st, ins, Options{OutDir: out})
	if s := third.Summary; s.Extracted != 1 || s.Skipped != 199 {
		t.Errorf("after changing one input: %+v", s)
	}
	if _, err := os.Stat(filepath.Join(out, "doc0042.json")); err != nil {
		t.Errorf("deleted output not written again: %v", err)
	}
	checkStore(t, store)
	noTemps(t, tmp)
	// Superseded JSONs are removed from the store.
	js, _ := filepath.Glob(filepath.Join(store, "json", "*", "*.json"))
	if len(js) != 200 {
		t.Errorf("%d JSON files in the store, want 200", len(js))
	}
}

func mustRead(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNewVersion: a new pipeline version reads every document again, from
// the stored bytes for symbols (the fetcher is not asked).
func TestNewVersion(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	paths := variants(t, in, 6)
	st := openStore(t, filepath.Join(tmp, "store"))
	f := &fakeFetcher{st: st, docs: map[string][]byte{"A/69/6/Rev.1": mustRead(t, paths[0])}}
	ins := expand(t, in, "A/69/6/Rev.1")
	rep := mustRun(t, context.Background(), st, ins, Options{Fetcher: f})
	if s := rep.Summary; s.Extracted != 7 || s.Fetched != 1 || s.Cached != 0 {
		t.Fatalf("first run: %+v %v", s, rep.Failures)
	}
	rep = mustRun(t, context.Background(), st, ins, Options{Fetcher: f})
	if s := rep.Summary; s.Skipped != 7 || s.Cached != 1 || s.Fetched != 0 {
		t.Fatalf("second run: %+v", s)
	}
	rep = mustRun(t, context.Background(), st, ins, Options{Fetcher: f, Version: "next"})
	if s := rep.Summary; s.Extracted != 7 || s.Skipped != 0 || s.Cached != 1 || s.Fetched != 0 {
		t.Fatalf("new version: %+v", s)
	}
	if n := f.calls.Load(); n != 1 {
		t.Errorf("fetcher asked %d times, want 1", n)
	}
	for _, d := range checkStore(t, st.Dir) {
		if d.Version != "next" {
			t.Errorf("%s: version %q after the new version's run", d.Key, d.Version)
		}
	}
	// --refresh asks again; the same bytes come back, so nothing is redone.
	rep = mustRun(t, context.Background(), st, ins, Options{Fetcher: f, Version: "next", Refresh: true})
	if s := rep.Summary; s.Skipped != 7 || s.Cached != 1 || f.calls.Load() != 2 {
		t.Errorf("refresh: %+v, %d calls", s, f.calls.Load())
	}
}

// fakeFetcher serves documents by symbol into the raw store.
type fakeFetcher struct {
	st    *Store
	docs  map[string][]byte
	calls atomic.Int64
	delay time.Duration
}

func (f *fakeFetcher) Fetch(ctx context.Context, sym symbol.Symbol, lang string) (Fetched, error) {
	n := f.calls.Add(1)
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-ctx.Done():
			return Fetched{}, ctx.Err()
		}
	}
	b, ok := f.docs[sym.String()]
	if !ok {
		return Fetched{}, errors.New("not found: the services have no such document")
	}
	sum, _, err := f.st.Raw.Put(b)
	if err != nil {
		return Fetched{}, err
	}
	return Fetched{SHA256: sum, URL: "https://documents.example/" + sym.String(), ETag: fmt.Sprintf(`"e%d"`, n),
		Downloaded: n == 1}, nil
}

// TestCorrupt: one input is junk. The batch completes, the junk is listed
// as failed with its reason, and its bytes are kept in the store.
func TestCorrupt(t *testing.T) {
	tmp := t.TempDir()
	in, out := filepath.Join(tmp, "in"), filepath.Join(tmp, "out")
	variants(t, in, 8)
	junk := bytes.Repeat([]byte{0x00, 0xff, 0x13, 0x9c, 0x07}, 400)
	junkPath := filepath.Join(in, "broken.pdf")
	if err := os.WriteFile(junkPath, append([]byte("%PDF-1.7\n"), junk...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t, filepath.Join(tmp, "store"))
	list := filepath.Join(tmp, "list.txt")
	os.WriteFile(list, []byte("# inputs\n"+in+"\nA/70/6\nno-such-file.txt\n"), 0o644)
	ins := expand(t, "@"+list)
	rep := mustRun(t, context.Background(), st, ins, Options{OutDir: out})
	s := rep.Summary
	if s.Inputs != 12 || s.Extracted != 8 || s.Failed != 4 {
		t.Fatalf("summary %+v, failures %v", s, rep.Failures)
	}
	reasons := map[string]string{}
	for _, f := range rep.Failures {
		reasons[filepath.Base(f.Input)] = f.Reason
	}
	for name, want := range map[string]string{
		"broken.pdf":       "pdf",
		"empty.txt":        "empty",
		"6":                "no fetcher",
		"no-such-file.txt": "no such file",
	} {
		if !strings.Contains(reasons[name], want) {
			t.Errorf("%s: reason %q, want it to mention %q", name, reasons[name], want)
		}
	}
	docs := checkStore(t, st.Dir)
	var broken *catalog.Doc
	for i, d := range docs {
		if strings.HasSuffix(d.Key, "broken.pdf") {
			broken = &docs[i]
		}
	}
	if broken == nil || broken.Status != catalog.StatusFailed || broken.Error == "" {
		t.Fatalf("catalog row of the broken input: %+v", broken)
	}
	b, err := st.Raw.Get(broken.SHA256)
	if err != nil || !bytes.Equal(b, append([]byte("%PDF-1.7\n"), junk...)) {
		t.Errorf("raw bytes of the broken input not in the store: %v", err)
	}
	// Its JSON says why, like undoc parse's does.
	j := mustRead(t, filepath.Join(out, "broken.json"))
	if o, err := emit.Read(j); err != nil || len(o.Diagnostics) == 0 || o.Diagnostics[len(o.Diagnostics)-1].Level != "error" {
		t.Errorf("broken.json does not carry the error: %v", err)
	}
	validateDir(t, out)
	// Failed documents are tried again on the next run; the rest are skipped.
	rep = mustRun(t, context.Background(), st, ins, Options{OutDir: out})
	if s := rep.Summary; s.Skipped != 8 || s.Failed != 4 {
		t.Errorf("second run %+v", s)
	}
}

// TestPanicIsFailure: a reader that panics fails its document only.
func TestPanicIsFailure(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	variants(t, in, 4)
	st := openStore(t, filepath.Join(tmp, "store"))
	conv := func(ctx context.Context, in convert.Input) (*convert.Result, error) {
		if strings.HasSuffix(in.Name, "doc0002.txt") {
			in.Format = "no-such-format"
		}
		return convert.Convert(ctx, in, convert.Options{})
	}
	rep := mustRun(t, context.Background(), st, expand(t, in), Options{Convert: conv})
	if s := rep.Summary; s.Extracted != 3 || s.Failed != 1 || !strings.Contains(rep.Failures[0].Reason, "unsupported") {
		t.Errorf("%+v %v", s, rep.Failures)
	}
}

// TestCancelResume stops a run half-way: documents in hand finish, none
// is started after the stop, and the next run does exactly the rest.
func TestCancelResume(t *testing.T) {
	tmp := t.TempDir()
	in, out := filepath.Join(tmp, "in"), filepath.Join(tmp, "out")
	variants(t, in, 60)
	st := openStore(t, filepath.Join(tmp, "store"))
	ins := expand(t, in)
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int64
	var startedAfter atomic.Int64
	slow := func(c context.Context, in convert.Input) (*convert.Result, error) {
		if ctx.Err() != nil {
			startedAfter.Add(1)
		}
		if started.Add(1) == 10 {
			cancel()
		}
		time.Sleep(5 * time.Millisecond)
		return convert.Convert(c, in, convert.Options{})
	}
	rep := mustRun(t, ctx, st, ins, Options{OutDir: out, Workers: 2, Convert: slow})
	s := rep.Summary
	t.Logf("interrupted run: %+v, abandoned %d", s, rep.Summary.Abandoned)
	if !rep.Interrupted || rep.Summary.Abandoned == 0 || s.Extracted+rep.Summary.Abandoned != 60 || s.Failed != 0 {
		t.Fatalf("interrupted run: %+v, abandoned %d", s, rep.Summary.Abandoned)
	}
	if s.Extracted < 10 {
		t.Errorf("documents in hand were not finished: %d extracted", s.Extracted)
	}
	// The other worker may have taken its document just before the stop.
	if n := startedAfter.Load(); n > 1 {
		t.Errorf("%d documents started after the stop", n)
	}
	if _, err := os.Stat(filepath.Join(out, "corpus.jsonl")); err == nil {
		t.Error("corpus.jsonl written by an interrupted run")
	}
	done := len(checkStore(t, st.Dir))
	if done != s.Extracted {
		t.Errorf("%d catalog rows, %d extracted", done, s.Extracted)
	}
	rep = mustRun(t, context.Background(), st, ins, Options{OutDir: out})
	if s := rep.Summary; s.Skipped != done || s.Extracted != 60-done || rep.Interrupted {
		t.Errorf("resumed run: %+v", s)
	}
	if n := validateDir(t, out); n != 60 {
		t.Errorf("%d JSON files, want 60", n)
	}
	noTemps(t, tmp)
}

// TestAbort: after the stop, a document that does not finish within the
// grace time is abandoned, not recorded as failed.
func TestAbort(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	variants(t, in, 10)
	st := openStore(t, filepath.Join(tmp, "store"))
	ctx, cancel := context.WithCancel(context.Background())
	stuck := func(c context.Context, in convert.Input) (*convert.Result, error) {
		cancel()
		<-c.Done()
		return convert.Convert(c, in, convert.Options{})
	}
	rep := mustRun(t, ctx, st, expand(t, in), Options{Convert: stuck, Grace: 50 * time.Millisecond, Workers: 1})
	if s := rep.Summary; !rep.Interrupted || s.Failed != 0 || s.Extracted != 0 || rep.Summary.Abandoned != 10 {
		t.Errorf("%+v abandoned %d", s, rep.Summary.Abandoned)
	}
	if docs := checkStore(t, st.Dir); len(docs) != 0 {
		t.Errorf("%d catalog rows after an abandoned run", len(docs))
	}
}

func TestStoreLocked(t *testing.T) {
	dir := t.TempDir()
	openStore(t, dir)
	if _, err := OpenStore(context.Background(), dir); !errors.Is(err, ErrLocked) {
		t.Errorf("second open: %v, want ErrLocked", err)
	}
}

func TestExpand(t *testing.T) {
	tmp := t.TempDir()
	for _, p := range []string{"a/x.txt", "a/b/y.PDF", "a/b/z.htm", "a/.hidden/w.txt", "a/notes.md", "c/x.txt"} {
		p = filepath.Join(tmp, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	list := filepath.Join(tmp, "list.txt")
	os.WriteFile(list, []byte("\ufeff# a list\n\nA/69/6/Rev.1\nhttps://undocs.org/zh/A/70/6\n"+filepath.Join(tmp, "c")+"\nnot a thing\n"), 0o644)
	ins, err := Expand([]string{filepath.Join(tmp, "a"), "a/69/6/rev.1", "@" + list, filepath.Join(tmp, "a", "x.txt")}, nil, "zh")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range ins {
		switch {
		case in.Err != nil:
			got = append(got, "ERR "+in.Arg)
		case in.IsSymbol():
			got = append(got, "SYM "+in.Symbol.String())
		default:
			rel, _ := filepath.Rel(tmp, in.Path)
			got = append(got, "FILE "+filepath.ToSlash(rel))
		}
	}
	want := []string{"FILE a/b/y.PDF", "FILE a/b/z.htm", "FILE a/x.txt", "SYM A/69/6/Rev.1", "SYM A/70/6", "FILE c/x.txt", "ERR not a thing"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	names := outNames(ins, "zh")
	if names[0] != "y.json" || names[3] != "A_69_6_Rev.1-ZH.json" || !strings.HasPrefix(names[2], "x-") || !strings.HasPrefix(names[5], "x-") || names[2] == names[5] {
		t.Errorf("output names %q", names)
	}
	if _, err := Expand([]string{filepath.Join(tmp, "missing.txt")}, nil, "zh"); err == nil {
		t.Error("a missing file is not an error")
	}
}

// TestOneNamePerDocument: a document is its symbol and language. A file
// named after a symbol is the same document as the symbol, with one output
// name; a name a document no longer has is removed from the output
// folder; the row a file had under its path before goes.
func TestOneNamePerDocument(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "out")
	seed := mustRead(t, seedPath)
	named := filepath.Join(tmp, "in", "A_69_6_Rev.1-ZH.txt")
	x1, x2 := filepath.Join(tmp, "a", "x.txt"), filepath.Join(tmp, "b", "x.txt")
	for _, p := range []string{named, x1, x2} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, seed, 0o644)
	}
	st := openStore(t, filepath.Join(tmp, "store"))
	f := &fakeFetcher{st: st, docs: map[string][]byte{"A/69/6/Rev.1": seed}}

	// A row made when files were keyed by path, with its copy under an old name.
	abs, _ := filepath.Abs(named)
	oldOut := filepath.Join(out, "A_69_6_Rev.1-ZH-51cd0616.json")
	os.MkdirAll(out, 0o755)
	os.WriteFile(oldOut, []byte("{}\n"), 0o644)
	if err := st.Catalog.Put(context.Background(), catalog.Doc{Key: "file:" + abs, Input: named, Lang: "zh",
		Status: catalog.StatusOK, OutPath: oldOut, OutBytes: 3, Version: "0.0.1"}); err != nil {
		t.Fatal(err)
	}

	outs := func() []string {
		m, _ := filepath.Glob(filepath.Join(out, "*.json"))
		for i := range m {
			m[i] = filepath.Base(m[i])
		}
		return m
	}
	ins := expand(t, "A/69/6/Rev.1", named)
	if len(ins) != 1 || !ins[0].IsSymbol() {
		t.Fatalf("symbol and its file: %d inputs %+v", len(ins), ins)
	}
	ins = expand(t, named, "A/69/6/Rev.1", x1)
	if len(ins) != 2 || ins[0].Key("zh") != (Input{Symbol: symbol.MustParse("A/69/6/Rev.1")}).Key("zh") {
		t.Fatalf("file and its symbol: %+v", ins)
	}
	rep := mustRun(t, context.Background(), st, ins, Options{OutDir: out, Fetcher: f})
	if s := rep.Summary; s.Extracted != 2 || s.Failed != 0 {
		t.Fatalf("%+v %+v", s, rep.Failures)
	}
	if got := strings.Join(outs(), " "); got != "A_69_6_Rev.1-ZH.json x.json" {
		t.Errorf("outputs %s", got)
	}
	if _, ok, _ := st.Catalog.Get(context.Background(), "file:"+abs); ok {
		t.Error("the row under the file's path is still there")
	}
	doc, ok, err := st.Catalog.Get(context.Background(), ins[0].Key("zh"))
	if !ok || err != nil || doc.Symbol != "A/69/6/Rev.1" {
		t.Errorf("symbol row %+v %v %v", doc, ok, err)
	}

	// The symbol fetched, after the file: the same document, unchanged.
	rep = mustRun(t, context.Background(), st, expand(t, "A/69/6/Rev.1", x1), Options{OutDir: out, Fetcher: f})
	if s := rep.Summary; s.Skipped != 2 {
		t.Errorf("symbol after its file: %+v", s)
	}
	// A second x.txt: both get hashed names, and x.json goes.
	rep = mustRun(t, context.Background(), st, expand(t, "A/69/6/Rev.1", x1, x2), Options{OutDir: out, Fetcher: f})
	got := outs()
	if s := rep.Summary; s.Failed != 0 || len(got) != 3 || slices.Contains(got, "x.json") {
		t.Errorf("%+v: outputs %q", s, got)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("UNDOC_STORE", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	d, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" && d != "/data/undoc" {
		t.Errorf("DefaultDir = %q with XDG_DATA_HOME=/data", d)
	}
	t.Setenv("UNDOC_STORE", "/s")
	if d, _ := DefaultDir(); d != "/s" {
		t.Errorf("DefaultDir = %q with UNDOC_STORE=/s", d)
	}
}

// BenchmarkRun1000 converts 1,000 inputs (as TestRun200's) into a fresh store with
// the default workers and reports documents per second and the peak
// resident memory of the process during the run.
//
//	go test -run XXX -bench Run1000 -benchtime 1x ./store/run
func BenchmarkRun1000(b *testing.B) {
	tmp := b.TempDir()
	in := filepath.Join(tmp, "in")
	mixVariants(b, in, 1000)
	ins := expand(b, in)
	var docs, secs float64
	peak := 0.0
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		dir := filepath.Join(tmp, "s"+strconv.Itoa(i))
		runtime.GC()
		resetPeakRSS()
		st, err := OpenStore(context.Background(), filepath.Join(dir, "store"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Run(context.Background(), st, ins, Options{OutDir: filepath.Join(dir, "out"), Log: zerolog.Nop()})
		b.StopTimer()
		st.Close()
		if err != nil || rep.Summary.Extracted != 1000 {
			b.Fatalf("%v %+v", err, rep.Summary)
		}
		docs += 1000
		secs += rep.Summary.Seconds
		peak = max(peak, peakRSSMB())
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(docs/secs, "docs/s")
	b.ReportMetric(peak, "peak-RSS-MB")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "workers")
}

// resetPeakRSS starts the kernel's peak-RSS count (VmHWM) again, where
// Linux allows it.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

var peakOnce sync.Once

// peakRSSMB reads VmHWM from /proc/self/status (Linux), in MB.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		peakOnce.Do(func() {})
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

var _ = raw.Sum
