package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/undoc/undoc/ingest/fakeun"
	"github.com/undoc/undoc/ingest/symbol"
)

// fakePDF makes a small PDF-looking file whose bytes depend on seed.
func fakePDF(seed string, n int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for i := 0; b.Len() < n-7; i++ {
		fmt.Fprintf(&b, "%d 0 obj << /T (%s %d) >> endobj\n", i+1, seed, i)
	}
	b.WriteString("\n%%EOF\n")
	return b.Bytes()
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

type fixtures struct {
	dir  string
	shas map[string]string // by symbol key, "" for not published
}

func writeFixtures(t *testing.T, files map[string][]byte) fixtures {
	t.Helper()
	fx := fixtures{dir: t.TempDir(), shas: map[string]string{}}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(fx.dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		sym, _, ok := symbol.FromFileName(name)
		if !ok {
			t.Fatalf("bad fixture name %s", name)
		}
		if len(data) > 0 {
			fx.shas[sym.Key()] = sha(data)
		} else {
			fx.shas[sym.Key()] = ""
		}
	}
	return fx
}

func startFake(t *testing.T, cfg fakeun.Config) (*fakeun.Server, string) {
	t.Helper()
	s, err := fakeun.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	base, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, base
}

func testOptions(t *testing.T, ods, undocs string) Options {
	return Options{
		ODSURL: ods, UndocsURL: undocs, StoreDir: t.TempDir(), OutDir: t.TempDir(),
		Spacing: 2 * time.Millisecond, BackoffBase: 5 * time.Millisecond, MaxBackoff: 2 * time.Second,
		MinBytes: 512, Timeout: 20 * time.Second,
	}
}

func mustNew(t *testing.T, o Options) *Fetcher {
	t.Helper()
	f, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestResolvers(t *testing.T) {
	fx := writeFixtures(t, map[string][]byte{
		"A_69_6_Rev.1-ZH.pdf":      fakePDF("a", 3000),
		"A_70_6_(Sect._9)-ZH.pdf":  fakePDF("b", 3000),
		"A_71_1_(OR)-ZH.pdf":       fakePDF("c", 3000),
		"A_80_PV.3-ZH.pdf":         nil,
		"S_RES_2623_(2022)-ZH.pdf": fakePDF("d", 3000),
	})
	full, fullURL := startFake(t, fakeun.Config{Dir: fx.dir})
	empty, emptyURL := startFake(t, fakeun.Config{})
	viewer, viewerURL := startFake(t, fakeun.Config{Dir: fx.dir, UndocsMode: fakeun.ModeViewer, ODSBase: fullURL})

	syms := []symbol.Symbol{symbol.MustParse("A/69/6/Rev.1"), symbol.MustParse("a/70/6(sect.9)"), symbol.MustParse("A/71/1"),
		symbol.MustParse("A/80/PV.3"), symbol.MustParse("A/69/999"), symbol.MustParse("S/RES/2623(2022)")}
	want := map[string]Status{"A/69/6/Rev.1": Fetched, "A/70/6 (Sect. 9)": Fetched, "A/71/1": Fetched,
		"A/80/PV.3": NotPublished, "A/69/999": NotFound, "S/RES/2623 (2022)": Fetched}

	check := func(name string, o Options, syms []symbol.Symbol, nblobs int) []Result {
		t.Helper()
		var log bytes.Buffer
		o.Log = &log
		f := mustNew(t, o)
		res := f.FetchAll(context.Background(), syms)
		for _, r := range res {
			if r.Status != want[r.Symbol.String()] {
				t.Errorf("%s: %s: %s (%s), want %s", name, r.Symbol, r.Status, r.Reason, want[r.Symbol.String()])
			}
			if r.Status == Fetched {
				if r.SHA256 != fx.shas[r.Symbol.Key()] && r.SHA256 != fx.shas[r.Symbol.Key()+"(OR)"] {
					t.Errorf("%s: %s: sha256 %s", name, r.Symbol, r.SHA256)
				}
				b, err := os.ReadFile(filepath.Join(o.OutDir, r.Symbol.FileName("zh")))
				if err != nil || sha(b) != r.SHA256 {
					t.Errorf("%s: out copy of %s: %v", name, r.Symbol, err)
				}
				if got, _ := fileSHA256(f.Store().BlobPath(r.SHA256)); got != r.SHA256 {
					t.Errorf("%s: blob of %s", name, r.Symbol)
				}
			}
		}
		blobs, _ := f.Store().Blobs()
		if len(blobs) != nblobs {
			t.Errorf("%s: %d blobs, want %d", name, len(blobs), nblobs)
		}
		if t.Failed() {
			t.Log(log.String())
		}
		return res
	}

	// 1. The ODS API with two redirects (and the (OR) alias for A/71/1).
	check("ods", testOptions(t, fullURL, emptyURL), syms, 4)
	// The (OR) alias is an ODS spelling: without ODS, A/71/1 is not found.
	noAlias := append(syms[:2:2], syms[3:]...)
	// 2. ODS knows nothing: undocs.org answers with the file.
	full.Reset()
	check("undocs failover", testOptions(t, emptyURL, fullURL), noAlias, 3)
	for _, r := range full.Records() {
		if strings.HasPrefix(r.Target, "/ch/") || strings.Contains(r.Target, "l=ch") || !strings.HasPrefix(r.UserAgent, "undoc/") {
			t.Errorf("request %s with UA %q", r.Target, r.UserAgent)
		}
	}
	// 3. undocs.org answers with the viewer shell; its iframe leads to the file.
	check("undocs viewer", testOptions(t, emptyURL, viewerURL), noAlias, 3)
	if n := viewer.Stats()[strings.TrimPrefix(viewerURL, "http://")].Requests; n == 0 {
		t.Error("viewer not asked")
	}
	_ = empty

	// A 404 is remembered: the next run asks nothing.
	o := testOptions(t, fullURL, emptyURL)
	mustNew(t, o).FetchAll(context.Background(), syms[4:5])
	c, _ := NewJSONCatalog(filepath.Join(o.StoreDir, "catalog"))
	if e, ok, err := c.Get(EntryKey(syms[4], "zh", "pdf")); err != nil || !ok || e.Status != EntryNotFound {
		t.Errorf("catalog entry %+v %v %v", e, ok, err)
	}
	full.Reset()
	empty.Reset()
	r := mustNew(t, o).Fetch(context.Background(), syms[4])
	if r.Status != NotFound || !r.Cached || len(full.Records())+len(empty.Records()) != 0 {
		t.Errorf("cached 404: %+v, %d requests", r, len(full.Records())+len(empty.Records()))
	}
	// ... unless asked to retry, or told to believe no 404 (a negative
	// TTL, which --not-found-ttl 0 gives) ...
	for name, change := range map[string]func(*Options){
		"RetryNotFound":    func(o *Options) { o.RetryNotFound = true },
		"negative TTL":     func(o *Options) { o.NotFoundTTL = -1 },
		"TTL shorter than": func(o *Options) { o.NotFoundTTL = time.Nanosecond },
	} {
		o2 := o
		change(&o2)
		full.Reset()
		empty.Reset()
		if r := mustNew(t, o2).Fetch(context.Background(), syms[4]); r.Status != NotFound || r.Cached || len(full.Records())+len(empty.Records()) == 0 {
			t.Errorf("%s: %+v, %d requests", name, r, len(full.Records())+len(empty.Records()))
		}
	}
	// ... or until it expires.
	o.Now = func() time.Time { return time.Now().Add(8 * 24 * time.Hour) }
	if r := mustNew(t, o).Fetch(context.Background(), syms[4]); r.Status != NotFound || r.Cached {
		t.Errorf("expired 404: %+v", r)
	}
}

// brokenCatalog cannot be read.
type brokenCatalog struct{}

func (brokenCatalog) Get(string) (Entry, bool, error) {
	return Entry{}, false, errors.New("disk I/O error")
}
func (brokenCatalog) Put(Entry) error { return nil }

// TestCatalogError: a catalog that cannot be read fails the symbol; it is
// not taken for "never fetched" nor for "not found".
func TestCatalogError(t *testing.T) {
	fx := writeFixtures(t, map[string][]byte{"A_69_6_Rev.1-ZH.pdf": fakePDF("a", 3000)})
	_, base := startFake(t, fakeun.Config{Dir: fx.dir})
	o := testOptions(t, base, base)
	o.Catalog = brokenCatalog{}
	r := mustNew(t, o).Fetch(context.Background(), symbol.MustParse("A/69/6/Rev.1"))
	if r.Status != Failed || !strings.Contains(r.Reason, "disk I/O error") {
		t.Errorf("%+v", r)
	}
}

func TestValidation(t *testing.T) {
	fx := writeFixtures(t, map[string][]byte{
		"A_1_1-ZH.pdf":  fakePDF("a", 3000),
		"A_1_2-ZH.pdf":  []byte("<html><body>Error 91: Object variable not set</body></html>" + strings.Repeat(" ", 1000)),
		"A_1_3-ZH.pdf":  []byte("%PDF-1.4 tiny %%EOF"),
		"A_1_4-ZH.pdf":  append(fakePDF("d", 3000)[:2500], strings.Repeat("x", 2500)...),
		"A_1_5-ZH.docx": append([]byte("PK\x03\x04"), bytes.Repeat([]byte("w"), 3000)...),
	})
	_, base := startFake(t, fakeun.Config{Dir: fx.dir, Hops: -1})
	o := testOptions(t, base, base)
	o.Retries = 1
	f := mustNew(t, o)
	for sym, want := range map[string]string{
		"A/1/2": "HTML page instead",
		"A/1/3": "under the 512-byte minimum",
		"A/1/4": "without %%EOF",
	} {
		r := f.Fetch(context.Background(), symbol.MustParse(sym))
		if r.Status != Failed || !strings.Contains(r.Reason, want) {
			t.Errorf("%s: %s %q, want failure %q", sym, r.Status, r.Reason, want)
		}
	}
	blobs, _ := f.Store().Blobs()
	if len(blobs) != 0 {
		t.Errorf("invalid files stored: %v", blobs)
	}
	// The size cap.
	o.MaxBytes = 1000
	if r := mustNew(t, o).Fetch(context.Background(), symbol.MustParse("A/1/1")); r.Status != Failed || !strings.Contains(r.Reason, "cap") {
		t.Errorf("cap: %s %q", r.Status, r.Reason)
	}
	// --doc: the Word original.
	o = testOptions(t, base, base)
	o.Doc = true
	r := mustNew(t, o).Fetch(context.Background(), symbol.MustParse("A/1/5"))
	if r.Status != Fetched || r.Type != "doc" || !strings.HasSuffix(r.Out, "A_1_5-ZH.docx") {
		t.Errorf("doc: %+v", r)
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	fx := writeFixtures(t, map[string][]byte{"A_1_1-ZH.pdf": fakePDF("a", 3000)})
	s, base := startFake(t, fakeun.Config{Dir: fx.dir, Hops: -1, Faults: fakeun.Faults{P429: 1, RetryAfter: time.Second}})
	o := testOptions(t, base, base)
	o.Retries = 1
	r := mustNew(t, o).Fetch(context.Background(), symbol.MustParse("A/1/1"))
	if r.Status != Failed {
		t.Fatalf("%+v", r)
	}
	recs := s.Records()
	if len(recs) < 2 || recs[1].Start.Sub(recs[0].Start) < 950*time.Millisecond {
		t.Errorf("Retry-After: 1 not honoured: %d requests", len(recs))
	}
	// A Retry-After longer than the cap: give up rather than wait.
	s.SetFaults(fakeun.Faults{P503: 1, P503RetryAfter: true, RetryAfter: 5 * time.Second})
	start := time.Now()
	o.MaxBackoff = time.Second
	r = mustNew(t, o).Fetch(context.Background(), symbol.MustParse("A/1/1"))
	if r.Status != Failed || !strings.Contains(r.Reason, "asks to wait") || time.Since(start) > 3*time.Second {
		t.Errorf("long Retry-After: %s %q after %s", r.Status, r.Reason, time.Since(start))
	}

	if d, ok := retryAfter(http.Header{"Retry-After": {"7"}}, time.Now()); !ok || d != 7*time.Second {
		t.Errorf("seconds: %s", d)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if d, ok := retryAfter(http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}, now); !ok || d != 90*time.Second {
		t.Errorf("date: %s", d)
	}
	if _, ok := retryAfter(http.Header{"Retry-After": {"soon"}}, now); ok {
		t.Error("junk accepted")
	}
	for i := range 12 {
		d := backoff(i, time.Second, time.Minute)
		if d > time.Minute || d < time.Second/2 {
			t.Errorf("backoff(%d) = %s", i, d)
		}
	}
}

// statsFor returns the fake's stats for the host of base.
func statsFor(s *fakeun.Server, base string) fakeun.HostStats {
	return s.Stats()[strings.TrimPrefix(base, "http://")]
}

// sendLog is a client transport that notes when each request leaves, per host.
type sendLog struct {
	mu sync.Mutex
	rt http.RoundTripper
	at map[string][]time.Time
}

func (l *sendLog) RoundTrip(r *http.Request) (*http.Response, error) {
	l.mu.Lock()
	l.at[r.URL.Host] = append(l.at[r.URL.Host], time.Now())
	l.mu.Unlock()
	return l.rt.RoundTrip(r)
}

// recordingClient is a client like the Fetcher's own, with a sendLog.
func recordingClient() (*http.Client, *sendLog) {
	l := &sendLog{rt: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 8}, at: map[string][]time.Time{}}
	return &http.Client{Transport: l, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, l
}

// gaps returns the sorted gaps between consecutive times, and the shortest
// span of k consecutive times.
func gaps(ts []time.Time, k int) ([]time.Duration, time.Duration) {
	ts = slices.Clone(ts)
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	var out []time.Duration
	for i := 1; i < len(ts); i++ {
		out = append(out, ts[i].Sub(ts[i-1]))
	}
	span := time.Duration(1 << 62)
	for i := 0; i+k-1 < len(ts); i++ {
		span = min(span, ts[i+k-1].Sub(ts[i]))
	}
	slices.Sort(out)
	return out, span
}

// checkPoliteness checks the limits on one host. The fake never saw more
// than perHost requests at once. The spacing is checked over windows of 10
// requests, both as the client sent them and as the fake saw them arrive:
// on a loaded machine one request can be scheduled late, which shortens a
// single gap, but no stretch of requests may come faster than the spacing
// allows (20% slack).
func checkPoliteness(t *testing.T, s *fakeun.Server, base string, l *sendLog, perHost int, spacing time.Duration) {
	t.Helper()
	const k = 10
	st := statsFor(s, base)
	host := strings.TrimPrefix(base, "http://")
	sent, sentSpan := gaps(l.at[host], k)
	var arr []time.Time
	for _, r := range s.Records() {
		if r.Host == host {
			arr = append(arr, r.Start)
		}
	}
	seen, seenSpan := gaps(arr, k)
	r := func(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }
	t.Logf("%s: %d requests, max in flight %d (limit %d); spacing %s: min gap client %s, fake %s; median gap fake %s; shortest %d-request span client %s, fake %s (limit %s)",
		host, st.Requests, st.MaxInFlight, perHost, spacing, r(sent[0]), r(st.MinSpacing), r(seen[len(seen)/2]), k, r(sentSpan), r(seenSpan), (k-1)*spacing)
	if st.MaxInFlight > perHost {
		t.Errorf("max in flight %d > %d", st.MaxInFlight, perHost)
	}
	limit := (k - 1) * spacing * 8 / 10
	if sentSpan < limit || seenSpan < limit {
		t.Errorf("%d requests within %s (client) / %s (fake), want at least %s", k, sentSpan, seenSpan, limit)
	}
	if seen[len(seen)/2] < spacing {
		t.Errorf("median gap %s < %s", seen[len(seen)/2], spacing)
	}
}

// TestPoliteDefaults checks the default limit of 2 requests at once per
// host, with a spacing, against a fake with latency.
func TestPoliteDefaults(t *testing.T) {
	files := map[string][]byte{}
	var syms []symbol.Symbol
	for i := range 24 {
		files[fmt.Sprintf("A_70_%d-ZH.pdf", i+1)] = fakePDF(fmt.Sprint(i), 2000)
		syms = append(syms, symbol.MustParse(fmt.Sprintf("A/70/%d", i+1)))
	}
	fx := writeFixtures(t, files)
	s, base := startFake(t, fakeun.Config{Dir: fx.dir, Hops: 1, Faults: fakeun.Faults{LatencyMin: 5 * time.Millisecond, LatencyMax: 30 * time.Millisecond}})
	o := testOptions(t, base, base)
	o.Spacing = 10 * time.Millisecond
	o.PerHost = 0 // default 2
	o.Workers = 8
	client, l := recordingClient()
	o.Client = client
	res := mustNew(t, o).FetchAll(context.Background(), syms)
	if sum := Summarize(res); sum.Fetched != 24 {
		t.Fatalf("%+v", sum)
	}
	if st := statsFor(s, base); st.MaxInFlight != 2 {
		t.Errorf("max in flight %d, want 2", st.MaxInFlight)
	}
	checkPoliteness(t, s, base, l, 2, o.Spacing)
}

// TestSymbols reads the arguments of undoc fetch: symbols, lists from a
// file and from standard input; bad list lines are returned, a bad
// argument is an error.
func TestSymbols(t *testing.T) {
	list := "# cited\nA/69/6/Rev.1\nhttp://undocs.org/ch/ST/SGB/2000/8\n{\"symbol\": \"A/69/999\", \"kind\": \"document\"}\n\nnot a symbol\n"
	listFile := filepath.Join(t.TempDir(), "list.txt")
	if err := os.WriteFile(listFile, []byte("A/1/1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	syms, bad, err := Symbols([]string{"a/69/6/rev.1", "@-", "@" + listFile}, strings.NewReader(list))
	var got []string
	for _, s := range syms {
		got = append(got, s.String())
	}
	if err != nil || strings.Join(got, " ") != "A/69/6/Rev.1 A/69/6/Rev.1 ST/SGB/2000/8 A/69/999 A/1/1" || len(bad) != 1 || !strings.Contains(bad[0], "line 6") {
		t.Errorf("%q %q %v", got, bad, err)
	}
	for _, args := range [][]string{{"A//1"}, {"@/does/not/exist"}} {
		if _, _, err := Symbols(args, nil); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
	if _, _, err := Symbols([]string{"@-"}, nil); err == nil {
		t.Error("@- without standard input: no error")
	}
}

func TestEnv(t *testing.T) {
	t.Setenv("UNDOC_ODS_URL", "http://127.0.0.1:1")
	t.Setenv("UNDOC_UNDOCS_URL", "http://127.0.0.1:2")
	t.Setenv("UNDOC_USER_AGENT", "test-agent (me@example.org)")
	o := Options{UndocsURL: "http://127.0.0.1:3"}
	o.Env()
	if o.ODSURL != "http://127.0.0.1:1" || o.UndocsURL != "http://127.0.0.1:3" || o.UserAgent != "test-agent (me@example.org)" {
		t.Errorf("%+v", o)
	}
	if _, err := New(Options{StoreDir: t.TempDir(), ODSURL: "ftp://x"}); err == nil {
		t.Error("bad URL accepted")
	}
}
