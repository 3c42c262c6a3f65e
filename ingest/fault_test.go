package ingest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/undoc/undoc/ingest/fakeun"
	"github.com/undoc/undoc/ingest/symbol"
)

// corpus300 makes 300 symbols of several shapes: 6 without any file (not
// found), 6 not published yet (empty file), 3 only under the (OR) alias,
// the rest available.
func corpus300(t *testing.T) (fixtures, []symbol.Symbol, map[string]Status) {
	files := map[string][]byte{}
	var syms []symbol.Symbol
	want := map[string]Status{}
	for i := range 300 {
		var raw string
		switch i % 4 {
		case 0:
			raw = fmt.Sprintf("A/70/%d", i+1)
		case 1:
			raw = fmt.Sprintf("A/70/6 (Sect. %d)", i)
		case 2:
			raw = fmt.Sprintf("S/RES/%d (2015)", 2000+i)
		default:
			raw = fmt.Sprintf("A/RES/69/%d", i)
		}
		sym := symbol.MustParse(raw)
		syms = append(syms, sym)
		name := sym.FileName("zh")
		data := fakePDF(raw, 2000+(i*37)%8000)
		switch {
		case i%50 == 7:
			want[sym.Key()] = NotFound
			continue
		case i%50 == 13:
			data = nil
			want[sym.Key()] = NotPublished
		case i%100 == 21:
			name = symbol.MustParse(raw + "(OR)").FileName("zh")
			want[sym.Key()] = Fetched
		default:
			want[sym.Key()] = Fetched
		}
		files[name] = data
	}
	return writeFixtures(t, files), syms, want
}

// TestFaults300 fetches 300 symbols from a fake with faults on (10% 503,
// 5% 429 with Retry-After, 2% resets mid-body, 2% empty 200s, 1% HTML
// instead of PDF, 20-200 ms latency), then again.
func TestFaults300(t *testing.T) {
	t.Parallel()
	fx, syms, want := corpus300(t)
	srv, err := fakeun.New(fakeun.Config{Dir: fx.dir, Hops: 1, Seed: 300, UndocsMode: fakeun.ModeMixed, Faults: fakeun.Faults{
		P503: 0.10, P429: 0.05, RetryAfter: time.Second, PRetryAfterDate: 0.5,
		PReset: 0.02, PEmpty: 0.02, PHTML: 0.01,
		LatencyMin: 20 * time.Millisecond, LatencyMax: 200 * time.Millisecond,
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	odsURL, err := srv.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	undocsURL, err := srv.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o := testOptions(t, odsURL, undocsURL)
	// Several requests at once per host keep this test short despite the
	// latency; TestPoliteDefaults checks the default of 2.
	o.PerHost = 8
	o.Spacing = 5 * time.Millisecond
	client, sends := recordingClient()
	o.Client = client

	start := time.Now()
	res := mustNew(t, o).FetchAll(context.Background(), syms)
	took := time.Since(start)
	sum := Summarize(res)
	t.Logf("run 1 in %s: %+v", took.Round(time.Millisecond), sum)
	byKey := map[string]Result{}
	for _, r := range res {
		byKey[r.Symbol.Key()] = r
		w := want[r.Symbol.Key()]
		if r.Status != w {
			t.Errorf("%s: %s (%s), want %s", r.Symbol, r.Status, r.Reason, w)
			continue
		}
		switch w {
		case Fetched:
			wantSHA := fx.shas[r.Symbol.Key()]
			if wantSHA == "" {
				wantSHA = fx.shas[r.Symbol.Key()+"(OR)"]
			}
			if r.SHA256 != wantSHA {
				t.Errorf("%s: sha256 %s, want %s", r.Symbol, r.SHA256, wantSHA)
			}
		case NotFound:
			if !strings.Contains(r.Reason, "404") {
				t.Errorf("%s: not found without a reason: %q", r.Symbol, r.Reason)
			}
		case NotPublished:
			if !strings.Contains(r.Reason, "empty body") {
				t.Errorf("%s: not published without a reason: %q", r.Symbol, r.Reason)
			}
		}
	}
	if sum != (Summary{Requested: 300, Fetched: 288, NotFound: 6, NotPublished: 6}) {
		t.Errorf("summary %+v", sum)
	}
	// Each available document arrived whole exactly once (resumed
	// downloads count once), and is stored once.
	whole := map[string]int{}
	faults := map[string]int{}
	for _, r := range srv.Records() {
		faults[r.Fault]++
		if r.Fault == "" && (r.Status == 200 || r.Status == 206) && r.FileBytes > 0 {
			whole[strings.SplitN(r.Target, "?", 2)[0]]++
		}
	}
	t.Logf("faults injected: %v", faults)
	if faults["503"] == 0 || faults["429"] == 0 || faults["reset"]+faults["empty"]+faults["html"] == 0 {
		t.Errorf("faults missing: %v", faults)
	}
	for path, n := range whole {
		if n != 1 {
			t.Errorf("%s delivered whole %d times", path, n)
		}
	}
	if len(whole) != 288 {
		t.Errorf("%d documents delivered, want 288", len(whole))
	}
	f := mustNew(t, o)
	blobs, _ := f.Store().Blobs()
	if len(blobs) != 288 {
		t.Errorf("%d blobs stored, want 288", len(blobs))
	}
	if parts, _ := filepath.Glob(filepath.Join(o.StoreDir, "tmp", "*")); len(parts) != 0 {
		t.Errorf("left in tmp: %v", parts)
	}
	for _, base := range []string{odsURL, undocsURL} {
		checkPoliteness(t, srv, base, sends, o.PerHost, o.Spacing)
	}

	// Run 2: only conditional requests, nothing downloaded again; the 404s
	// are remembered; the unpublished ones are asked again.
	srv.Reset()
	sends.at = map[string][]time.Time{}
	start = time.Now()
	res = f.FetchAll(context.Background(), syms)
	sum = Summarize(res)
	t.Logf("run 2 in %s: %+v", time.Since(start).Round(time.Millisecond), sum)
	if sum != (Summary{Requested: 300, NotModified: 288, NotFound: 6, NotPublished: 6}) {
		t.Errorf("run 2 summary %+v", sum)
	}
	var bytes int64
	uncond := 0
	for _, r := range srv.Records() {
		bytes += r.FileBytes
		if r.Conditional {
			continue
		}
		// Only the unpublished documents, which have nothing stored, may be
		// asked for without validators.
		if sym, ok := requestedSymbol(r.Target); !ok || want[strings.TrimSuffix(sym.Key(), "(OR)")] != NotPublished {
			t.Errorf("unconditional request %s", r.Target)
		}
		uncond++
	}
	for _, r := range res {
		if w := want[r.Symbol.Key()]; r.Status != w && !(w == Fetched && r.Status == NotModified) {
			t.Errorf("run 2: %s: %s (%s)", r.Symbol, r.Status, r.Reason)
			for _, rec := range srv.Records() {
				if sym, ok := requestedSymbol(rec.Target); ok && strings.TrimSuffix(sym.Key(), "(OR)") == r.Symbol.Key() {
					t.Logf("  %s %s %s %d fault=%q cond=%v", rec.Start.Format("05.000"), rec.Host, rec.Target, rec.Status, rec.Fault, rec.Conditional)
				}
			}
		}
		if r.Downloaded != 0 {
			t.Errorf("%s: %d bytes downloaded again", r.Symbol, r.Downloaded)
		}
		if r.Status == NotFound && !r.Cached {
			t.Errorf("%s: 404 asked again", r.Symbol)
		}
	}
	t.Logf("run 2: %d requests, %d unconditional (unpublished documents), %d file bytes sent", len(srv.Records()), uncond, bytes)
	if bytes != 0 {
		t.Errorf("run 2 sent %d file bytes", bytes)
	}
	for _, base := range []string{odsURL, undocsURL} {
		checkPoliteness(t, srv, base, sends, o.PerHost, o.Spacing)
	}
}

// requestedSymbol reads the symbol out of a request target of the fake.
func requestedSymbol(target string) (symbol.Symbol, bool) {
	if strings.HasPrefix(target, "/api/") {
		s, _, ok := symbol.FromURL("http://fake" + target)
		return s, ok
	}
	p, err := url.PathUnescape(strings.TrimPrefix(target, "/zh/"))
	if err != nil {
		return symbol.Symbol{}, false
	}
	s, err := symbol.Parse(p)
	return s, err == nil
}

// TestInterrupted stops a download midway: nothing partial reaches the
// store, and the next run finishes the file with a Range request.
func TestInterrupted(t *testing.T) {
	data := fakePDF("big", 256<<10)
	fx := writeFixtures(t, map[string][]byte{"A_69_6_Rev.1-ZH.pdf": data})
	srv, base := startFake(t, fakeun.Config{Dir: fx.dir, Faults: fakeun.Faults{BodyDelay: 5 * time.Millisecond, ChunkSize: 8 << 10}})
	o := testOptions(t, base, base)
	sym := symbol.MustParse("A/69/6/Rev.1")

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan Result)
	go func() { done <- mustNew(t, o).Fetch(ctx, sym) }()
	var sent int64
	for sent < 64<<10 {
		time.Sleep(2 * time.Millisecond)
		sent = 0
		for _, r := range srv.Records() {
			sent += r.FileBytes
		}
	}
	cancel() // as if the process were stopped
	r := <-done
	if r.Status != Failed || !strings.Contains(r.Reason, "interrupted") {
		t.Fatalf("interrupted run: %+v", r)
	}
	f := mustNew(t, o)
	if blobs, _ := f.Store().Blobs(); len(blobs) != 0 {
		t.Fatalf("partial file in the store: %v", blobs)
	}
	if _, err := os.Stat(filepath.Join(o.OutDir, "A_69_6_Rev.1-ZH.pdf")); err == nil {
		t.Fatal("partial file in --out")
	}
	parts, _ := filepath.Glob(filepath.Join(o.StoreDir, "tmp", "*.part"))
	if len(parts) != 1 {
		t.Fatalf("partial downloads kept: %v", parts)
	}
	st, _ := os.Stat(parts[0])
	t.Logf("interrupted after %d bytes sent, %d kept for resuming", sent, st.Size())

	srv.Reset()
	srv.SetFaults(fakeun.Faults{})
	r = f.Fetch(context.Background(), sym)
	if r.Status != Fetched || r.SHA256 != sha(data) {
		t.Fatalf("next run: %+v", r)
	}
	var resumed bool
	var bytes int64
	for _, rec := range srv.Records() {
		bytes += rec.FileBytes
		if rec.Status == 206 && rec.Range == fmt.Sprintf("bytes=%d-", st.Size()) {
			resumed = true
		}
	}
	t.Logf("next run: %d bytes sent of %d, resumed with Range: %v", bytes, len(data), resumed)
	if !resumed || bytes != int64(len(data))-st.Size() {
		t.Errorf("not resumed: %d bytes sent, %d were kept", bytes, st.Size())
	}
	if parts, _ := filepath.Glob(filepath.Join(o.StoreDir, "tmp", "*")); len(parts) != 0 {
		t.Errorf("left in tmp: %v", parts)
	}
	b, err := os.ReadFile(filepath.Join(o.OutDir, "A_69_6_Rev.1-ZH.pdf"))
	if err != nil || sha(b) != sha(data) {
		t.Errorf("out copy: %v", err)
	}
}

// TestSeedReferences takes the references of the seed document, keeps the
// General Assembly resolutions and the document symbols, and fetches them
// from the fake.
func TestSeedReferences(t *testing.T) {
	b, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Skip(err)
	}
	files := map[string][]byte{}
	var syms []symbol.Symbol
	seen := map[string]bool{}
	for _, c := range symbol.FindCitations(string(b)) {
		if c.Symbol == "" || seen[c.Symbol] {
			continue
		}
		sym := symbol.MustParse(c.Symbol)
		if c.Kind == symbol.KindResolution && !strings.HasPrefix(c.Symbol, "A/RES/") {
			continue
		}
		if sym.String() != c.Symbol {
			t.Errorf("%q is not canonical", c.Symbol)
		}
		seen[c.Symbol] = true
		syms = append(syms, sym)
		files[sym.FileName("zh")] = fakePDF(c.Symbol, 3000)
	}
	for _, s := range []string{"A/RES/69/17", "A/RES/58/269", "A/RES/69/262", "A/69/6/Rev.1", "ST/SGB/2000/8", "A/68/16"} {
		if !seen[s] {
			t.Errorf("seed: %s missing", s)
		}
	}
	if seen["E/RES/2014/35"] {
		t.Error("ECOSOC resolution kept")
	}
	fx := writeFixtures(t, files)
	_, base := startFake(t, fakeun.Config{Dir: fx.dir})
	res := mustNew(t, testOptions(t, base, base)).FetchAll(context.Background(), syms)
	if sum := Summarize(res); sum.Fetched != len(syms) || len(syms) < 15 {
		t.Errorf("%d symbols: %+v", len(syms), sum)
	}
	t.Logf("seed: fetched %d cited symbols", len(syms))
}

// TestKilled kills a separate `undoc fetch` process in the middle of a
// download (SIGKILL: no cleanup runs): nothing partial is in the store, and
// the next run completes.
func TestKilled(t *testing.T) {
	if os.Getenv("UNDOC_TEST_CHILD") != "" {
		t.Skip("child")
	}
	data := fakePDF("killed", 256<<10)
	fx := writeFixtures(t, map[string][]byte{"A_69_6_Rev.1-ZH.pdf": data})
	srv, base := startFake(t, fakeun.Config{Dir: fx.dir, Faults: fakeun.Faults{BodyDelay: 5 * time.Millisecond, ChunkSize: 8 << 10}})
	store, out := t.TempDir(), t.TempDir()
	args := []string{store, out, base}

	cmd := exec.Command(os.Args[0], "-test.run=^TestFetchChild$")
	cmd.Env = append(os.Environ(), "UNDOC_TEST_CHILD="+strings.Join(args, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for sent := int64(0); sent < 64<<10; {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("child never started downloading")
		}
		time.Sleep(2 * time.Millisecond)
		sent = 0
		for _, r := range srv.Records() {
			sent += r.FileBytes
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	if blobs, _ := (Store{Dir: store}).Blobs(); len(blobs) != 0 {
		t.Fatalf("partial file in the store: %v", blobs)
	}
	if names, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(names) != 0 {
		t.Fatalf("partial file in --out: %v", names)
	}

	srv.SetFaults(fakeun.Faults{})
	if sum := childFetch(args); sum.Fetched != 1 || !sum.Complete() {
		t.Fatalf("next run: %+v", sum)
	}
	b, err := os.ReadFile(filepath.Join(out, "A_69_6_Rev.1-ZH.pdf"))
	if err != nil || sha(b) != sha(data) {
		t.Fatalf("after the kill: %v", err)
	}
}

// TestFetchChild is the process TestKilled kills.
func TestFetchChild(t *testing.T) {
	env := os.Getenv("UNDOC_TEST_CHILD")
	if env == "" {
		t.Skip("run by TestKilled")
	}
	if !childFetch(strings.Split(env, "\x1f")).Complete() {
		os.Exit(1)
	}
	os.Exit(0)
}

// childFetch fetches A/69/6/Rev.1 with the store, output folder and
// server of args.
func childFetch(args []string) Summary {
	f, err := New(Options{StoreDir: args[0], OutDir: args[1], ODSURL: args[2], UndocsURL: args[2], Spacing: time.Millisecond})
	if err != nil {
		return Summary{Failed: 1}
	}
	return Summarize(f.FetchAll(context.Background(), []symbol.Symbol{symbol.MustParse("A/69/6/Rev.1")}))
}
