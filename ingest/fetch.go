// Package ingest fetches official UN documents by symbol from the Official
// Document System and undocs.org, politely and with validation, into a
// content-addressed raw store.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/undoc/undoc/ingest/symbol"
)

// Default base URLs of the real services.
const (
	DefaultODSURL    = "https://documents.un.org"
	DefaultUndocsURL = "https://undocs.org"
)

// DefaultNotFoundTTL is how long a symbol that the services do not have is
// remembered as not found, so that a batch does not ask again at once.
const DefaultNotFoundTTL = 7 * 24 * time.Hour

// DefaultUserAgent says who is asking and where to complain.
const DefaultUserAgent = "undoc/0.1 (fetches UN documents for text extraction; +https://github.com/undoc/undoc; contact via GitHub issues)"

// Options configure a Fetcher. Zero fields take the defaults noted.
type Options struct {
	ODSURL    string // documents.un.org base; env UNDOC_ODS_URL
	UndocsURL string // undocs.org base; env UNDOC_UNDOCS_URL
	Lang      string // any code symbol.ParseLang takes; default "zh"
	Doc       bool   // ask for the Word original (t=doc) instead of the PDF
	StoreDir  string // raw store, catalog and partial downloads; required
	OutDir    string // where to also write A_69_6_Rev.1-ZH.pdf; "" for none
	UserAgent string // default DefaultUserAgent; env UNDOC_USER_AGENT

	PerHost        int           // requests at once per host; default 2
	Spacing        time.Duration // between request starts per host; default 0.5 s, negative for none
	Workers        int           // symbols in progress at once; default 2×PerHost
	Retries        int           // retries after the first try; default 5, negative for none
	EmptyRetries   int           // retries of an empty 200 before "not published"; default 1, negative for none
	BackoffBase    time.Duration // first backoff; default 1 s
	MaxBackoff     time.Duration // backoff cap and longest Retry-After honoured; default 60 s
	ConnectTimeout time.Duration // default 15 s
	Timeout        time.Duration // one request, body included; default 10 min
	MaxBytes       int64         // size cap; default 512 MiB
	MinBytes       int64         // smallest acceptable file; default 1024
	NotFoundTTL    time.Duration // how long a 404 is believed; default 7 days, negative for not at all
	RetryNotFound  bool          // ask again for symbols remembered as not found, whatever NotFoundTTL says
	Catalog        Catalog       // default a JSONCatalog in StoreDir/catalog
	Client         *http.Client  // default built from the timeouts; must not follow redirects
	Log            io.Writer     // human-readable progress; nil for none
	Now            func() time.Time
}

// Env fills empty base URLs and user agent from the environment.
func (o *Options) Env() {
	if o.ODSURL == "" {
		o.ODSURL = os.Getenv("UNDOC_ODS_URL")
	}
	if o.UndocsURL == "" {
		o.UndocsURL = os.Getenv("UNDOC_UNDOCS_URL")
	}
	if o.UserAgent == "" {
		o.UserAgent = os.Getenv("UNDOC_USER_AGENT")
	}
}

// Status is the outcome of fetching one symbol.
type Status string

// Statuses, as counted in the fetch summary.
const (
	Fetched      Status = "fetched"
	NotModified  Status = "not_modified"
	NotFound     Status = "not_found"
	NotPublished Status = "not_published"
	Failed       Status = "failed"
)

// Result tells what happened to one symbol.
type Result struct {
	Symbol     symbol.Symbol
	Lang       string
	Type       string // "pdf" or "doc"
	Status     Status
	SHA256     string
	Size       int64
	Path       string // the file in the raw store
	Out        string // the copy in OutDir
	URL        string // where the file came from
	Downloaded int64  // bytes received this time
	Cached     bool   // answered from the catalog without asking
	Reason     string // why it was not fetched, or what was retried
}

// Fetcher fetches documents. It is safe for concurrent use.
type Fetcher struct {
	o      Options
	lang   string
	typ    string
	store  Store
	cat    Catalog
	client *http.Client
	gates  gates
	logMu  sync.Mutex
}

// New checks opts and fills in the defaults.
func New(opts Options) (*Fetcher, error) {
	o := opts
	if o.StoreDir == "" {
		return nil, errors.New("ingest: no store directory")
	}
	if o.ODSURL == "" {
		o.ODSURL = DefaultODSURL
	}
	if o.UndocsURL == "" {
		o.UndocsURL = DefaultUndocsURL
	}
	for _, u := range []string{o.ODSURL, o.UndocsURL} {
		pu, err := url.Parse(u)
		if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			return nil, fmt.Errorf("ingest: bad base URL %q", u)
		}
	}
	o.ODSURL = strings.TrimRight(o.ODSURL, "/")
	o.UndocsURL = strings.TrimRight(o.UndocsURL, "/")
	if o.Lang == "" {
		o.Lang = "zh"
	}
	lang, err := symbol.ParseLang(o.Lang)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Spacing == 0 {
		o.Spacing = 500 * time.Millisecond
	}
	o.Spacing = max(o.Spacing, 0)
	if o.Workers <= 0 {
		o.Workers = 2 * o.PerHost
	}
	if o.Retries == 0 {
		o.Retries = 5
	}
	o.Retries = max(o.Retries, 0)
	if o.EmptyRetries == 0 {
		o.EmptyRetries = 1
	}
	o.EmptyRetries = max(o.EmptyRetries, 0)
	if o.BackoffBase <= 0 {
		o.BackoffBase = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 60 * time.Second
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 15 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Minute
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 512 << 20
	}
	if o.MinBytes <= 0 {
		o.MinBytes = 1024
	}
	if o.NotFoundTTL == 0 {
		o.NotFoundTTL = DefaultNotFoundTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	store := Store{Dir: o.StoreDir}
	if err := os.MkdirAll(store.tmpDir(), 0o755); err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if o.Catalog == nil {
		c, err := NewJSONCatalog(filepath.Join(o.StoreDir, "catalog"))
		if err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
		o.Catalog = c
	}
	if o.OutDir != "" {
		if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
	}
	f := &Fetcher{o: o, lang: lang, typ: "pdf", store: store, cat: o.Catalog}
	if o.Doc {
		f.typ = "doc"
	}
	f.gates = gates{n: o.PerHost, spacing: o.Spacing}
	f.client = o.Client
	if f.client == nil {
		tr := &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   o.ConnectTimeout,
			ResponseHeaderTimeout: min(o.Timeout, 2*time.Minute),
			MaxConnsPerHost:       o.PerHost + 1, // the gate limits requests; a spare avoids waiting for a connection being handed back
			MaxIdleConnsPerHost:   o.PerHost,
			IdleConnTimeout:       90 * time.Second,
			DisableCompression:    true, // byte ranges must count file bytes
		}
		f.client = &http.Client{
			Transport:     tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	return f, nil
}

// Store returns the raw store.
func (f *Fetcher) Store() Store { return f.store }

// FetchAll fetches the symbols, Workers at a time, each key once; results
// come back in input order, one per distinct symbol.
func (f *Fetcher) FetchAll(ctx context.Context, syms []symbol.Symbol) []Result {
	seen := map[string]bool{}
	var uniq []symbol.Symbol
	for _, s := range syms {
		k := EntryKey(s, f.lang, f.typ)
		if !seen[k] {
			seen[k] = true
			uniq = append(uniq, s)
		}
	}
	out := make([]Result, len(uniq))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(f.o.Workers, len(uniq)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i] = f.Fetch(ctx, uniq[i])
			}
		}()
	}
	for i := range uniq {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

// kinds of outcome of asking one URL
type kind int

const (
	kFile kind = iota
	kNotModified
	kNotFound
	kNotPublished
	kBadRequest
	kFailed
)

type outcome struct {
	kind    kind
	reason  string
	res     Result // for kFile
	etag    string
	lastMod string
	url     string
}

// Fetch fetches one symbol in the Fetcher's language and type.
func (f *Fetcher) Fetch(ctx context.Context, sym symbol.Symbol) Result {
	key := EntryKey(sym, f.lang, f.typ)
	r := Result{Symbol: sym, Lang: f.lang, Type: f.typ}
	now := f.o.Now()
	prev, havePrev, err := f.cat.Get(key)
	if err != nil {
		r.Status, r.Reason = Failed, "catalog: "+err.Error()
		f.logf("FAILED     %s %s: %s", sym, f.lang, r.Reason)
		return r
	}
	// A 404 is believed until it expires, or until this run's TTL from
	// when it was seen, whichever is sooner: a shorter --not-found-ttl
	// applies to 404s remembered under a longer one.
	until := prev.Expires
	if !prev.Checked.IsZero() && prev.Checked.Add(f.o.NotFoundTTL).Before(until) {
		until = prev.Checked.Add(f.o.NotFoundTTL)
	}
	if havePrev && prev.Status == EntryNotFound && !f.o.RetryNotFound && f.o.NotFoundTTL > 0 && now.Before(until) {
		r.Status, r.Cached = NotFound, true
		r.Reason = "not found (remembered until " + until.Format(time.RFC3339) + "; --retry-not-found asks again)"
		f.logf("not found  %s %s: %s", sym, f.lang, r.Reason)
		return r
	}
	var cond *Entry
	if havePrev && prev.Status == EntryOK && f.store.Has(prev.SHA256) && (prev.ETag != "" || prev.LastModified != "") {
		cond = &prev
	}

	type candidate struct{ name, url string }
	var cands []candidate
	if cond != nil && cond.URL != "" {
		cands = append(cands, candidate{"last URL", cond.URL})
	}
	for _, c := range f.resolvers(sym) {
		cands = append(cands, candidate{c[0], c[1]})
	}
	var fails []string
	var anyFailed, anyUnpublished bool
	for _, c := range cands {
		o := f.get(ctx, key, c.url, cond, 0)
		switch o.kind {
		case kFile:
			res := o.res
			res.Symbol, res.Lang, res.Type = sym, f.lang, f.typ
			res.Status = Fetched
			if cond != nil && cond.SHA256 == res.SHA256 {
				// Same bytes again (the server ignored our validators).
				res.Status = NotModified
			}
			f.remember(key, sym, res, o)
			return f.finish(res)
		case kNotModified:
			res := Result{Symbol: sym, Lang: f.lang, Type: f.typ, Status: NotModified,
				SHA256: cond.SHA256, Size: cond.Size, Path: f.store.BlobPath(cond.SHA256), URL: o.url}
			if o.etag == "" {
				o.etag = cond.ETag
			}
			if o.lastMod == "" {
				o.lastMod = cond.LastModified
			}
			f.remember(key, sym, res, o)
			return f.finish(res)
		case kNotPublished:
			anyUnpublished = true
		case kBadRequest, kFailed:
			anyFailed = true
		}
		fails = append(fails, c.name+": "+o.reason)
		if ctx.Err() != nil {
			break
		}
	}
	r.Reason = strings.Join(fails, "; ")
	switch {
	case ctx.Err() != nil:
		r.Status = Failed
		r.Reason = "interrupted: " + ctx.Err().Error()
	case anyFailed:
		r.Status = Failed
	case anyUnpublished:
		r.Status = NotPublished
	default:
		r.Status = NotFound
		e := Entry{Key: key, Symbol: sym.String(), Lang: f.lang, Type: f.typ, Status: EntryNotFound,
			Checked: now, Expires: now.Add(f.o.NotFoundTTL), Reason: r.Reason}
		if err := f.cat.Put(e); err != nil {
			f.logf("catalog: %v", err)
		}
	}
	label := map[Status]string{Failed: "FAILED    ", NotPublished: "not published", NotFound: "not found "}[r.Status]
	f.logf("%s %s %s: %s", label, sym, f.lang, r.Reason)
	return r
}

// resolvers lists the URLs to try for sym, in order: the ODS API, undocs.org,
// the ODS API with the symbol spelt without the space before parentheses,
// and the ODS original-language alias (OR).
func (f *Fetcher) resolvers(sym symbol.Symbol) [][2]string {
	ods := func(s string) string {
		return f.o.ODSURL + "/api/symbol/access?s=" + url.QueryEscape(s) + "&l=" + symbol.UndocsLang(f.lang) + "&t=" + f.typ
	}
	out := [][2]string{{"ODS", ods(sym.String())}}
	if f.typ == "pdf" {
		var segs []string
		for _, p := range strings.Split(sym.String(), "/") {
			segs = append(segs, url.PathEscape(p))
		}
		out = append(out, [2]string{"undocs", f.o.UndocsURL + "/" + symbol.UndocsLang(f.lang) + "/" + strings.Join(segs, "/")})
	}
	if c := sym.Compact(); c != sym.String() {
		out = append(out, [2]string{"ODS compact", ods(c)})
	}
	if !strings.HasSuffix(sym.Key(), "(OR)") {
		out = append(out, [2]string{"ODS (OR)", ods(sym.String() + "(OR)")})
	}
	return out
}

// remember records a good answer in the catalog.
func (f *Fetcher) remember(key string, sym symbol.Symbol, res Result, o outcome) {
	e := Entry{Key: key, Symbol: sym.String(), Lang: f.lang, Type: f.typ, Status: EntryOK,
		SHA256: res.SHA256, Size: res.Size, URL: o.url, ETag: o.etag, LastModified: o.lastMod, Checked: f.o.Now()}
	if err := f.cat.Put(e); err != nil {
		f.logf("catalog: %v", err)
	}
}

// finish writes the --out copy and logs.
func (f *Fetcher) finish(res Result) Result {
	if f.o.OutDir != "" {
		out, err := f.writeOut(res)
		if err != nil {
			res.Status, res.Reason = Failed, "writing the copy: "+err.Error()
			f.logf("FAILED     %s %s: %s", res.Symbol, res.Lang, res.Reason)
			return res
		}
		res.Out = out
	}
	verb := "fetched   "
	if res.Status == NotModified {
		verb = "unchanged "
	}
	where := ""
	if res.Out != "" {
		where = " -> " + res.Out
	}
	f.logf("%s %s %s: %s, sha256 %s%s", verb, res.Symbol, res.Lang, humanBytes(res.Size), res.SHA256[:12], where)
	return res
}

// writeOut places a copy of the stored file in OutDir under the UN
// Library's file name, as a hard link when it can.
func (f *Fetcher) writeOut(res Result) (string, error) {
	src := f.store.BlobPath(res.SHA256)
	ext := "pdf"
	if f.typ == "doc" {
		ext = sniffExt(src)
	}
	dst := filepath.Join(f.o.OutDir, res.Symbol.FileNameExt(res.Lang, ext))
	if st, err := os.Stat(dst); err == nil && st.Size() == res.Size {
		if sum, err := fileSHA256(dst); err == nil && sum == res.SHA256 {
			return dst, nil
		}
	}
	tmp := dst + ".tmp"
	os.Remove(tmp)
	if err := os.Link(src, tmp); err != nil {
		if err := copyFile(src, tmp); err != nil {
			os.Remove(tmp)
			return "", err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return dst, nil
}

// get asks one resolver URL, following redirects and (at depth 0) one
// viewer page, retrying what may pass.
func (f *Fetcher) get(ctx context.Context, key, u string, cond *Entry, depth int) outcome {
	var last, empty outcome
	empties := 0
	// giveUp ends the retries; an empty 200 seen on the way is the better
	// answer than the transient error that came after it.
	giveUp := func(reason string) outcome {
		if empties > 0 {
			return empty
		}
		last.reason = reason
		return last
	}
	for attempt := 0; ; attempt++ {
		o, retry, wait := f.try(ctx, key, u, cond, depth)
		if !retry || ctx.Err() != nil {
			return o
		}
		last = o
		if o.kind == kNotPublished {
			empty = o
			empties++
			if empties > f.o.EmptyRetries {
				return o
			}
		}
		if attempt >= f.o.Retries {
			return giveUp(fmt.Sprintf("gave up after %d tries: %s", attempt+1, o.reason))
		}
		d := backoff(attempt, f.o.BackoffBase, f.o.MaxBackoff)
		if wait >= 0 {
			if wait > f.o.MaxBackoff {
				return giveUp(fmt.Sprintf("%s; server asks to wait %s, more than %s", o.reason, wait.Round(time.Second), f.o.MaxBackoff))
			}
			d = wait
		}
		f.logf("retry      %s in %s: %s", shortURL(u), d.Round(time.Millisecond), o.reason)
		if err := sleep(ctx, d); err != nil {
			last.reason = "interrupted: " + err.Error()
			return last
		}
	}
}

const maxHops = 10

// try makes one attempt at u: wait is the server's Retry-After, or -1.
func (f *Fetcher) try(ctx context.Context, key, u string, cond *Entry, depth int) (o outcome, retry bool, wait time.Duration) {
	wait = -1
	part := filepath.Join(f.store.tmpDir(), keyFile(key)+".part")
	for hop := 0; hop <= maxHops; hop++ {
		rctx, cancel := context.WithTimeout(ctx, f.o.Timeout)
		req, err := http.NewRequestWithContext(rctx, http.MethodGet, u, nil)
		if err != nil {
			cancel()
			return outcome{kind: kBadRequest, reason: "bad URL: " + err.Error()}, false, wait
		}
		req.Header.Set("User-Agent", f.o.UserAgent)
		req.Header.Set("Accept", "application/pdf, application/msword, application/octet-stream;q=0.9, */*;q=0.5")
		if cond != nil {
			if cond.ETag != "" {
				req.Header.Set("If-None-Match", cond.ETag)
			}
			if cond.LastModified != "" {
				req.Header.Set("If-Modified-Since", cond.LastModified)
			}
		}
		pm, havePart := readPartMeta(part)
		if havePart {
			req.Header.Set("Range", fmt.Sprintf("bytes=%d-", pm.Size))
			if pm.ETag != "" {
				req.Header.Set("If-Range", pm.ETag)
			} else {
				req.Header.Set("If-Range", pm.LastModified)
			}
		}
		resp, err := f.do(req)
		if err != nil {
			cancel()
			return outcome{kind: kFailed, reason: netReason(err)}, ctx.Err() == nil, wait
		}
		code := resp.StatusCode
		switch {
		case code >= 300 && code < 400 && code != http.StatusNotModified:
			loc := resp.Header.Get("Location")
			drain(resp)
			cancel()
			next, err := resp.Request.URL.Parse(loc)
			if loc == "" || err != nil {
				return outcome{kind: kFailed, reason: fmt.Sprintf("%d without a usable Location", code)}, false, wait
			}
			u = next.String()
			continue
		case code == http.StatusNotModified:
			drain(resp)
			cancel()
			if cond == nil {
				return outcome{kind: kFailed, reason: "304 to an unconditional request"}, false, wait
			}
			return outcome{kind: kNotModified, url: u, etag: resp.Header.Get("ETag"), lastMod: resp.Header.Get("Last-Modified")}, false, wait
		case code == http.StatusNotFound || code == http.StatusGone:
			drain(resp)
			cancel()
			return outcome{kind: kNotFound, reason: fmt.Sprint(code)}, false, wait
		case code == http.StatusBadRequest:
			drain(resp)
			cancel()
			return outcome{kind: kBadRequest, reason: "400 Bad Request (a bug in how the request was built: " + shortURL(u) + ")"}, false, wait
		case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
			if d, ok := retryAfter(resp.Header, time.Now()); ok {
				wait = d
			}
			drain(resp)
			cancel()
			return outcome{kind: kFailed, reason: resp.Status}, true, wait
		case code == http.StatusRequestedRangeNotSatisfiable:
			drain(resp)
			cancel()
			removePart(part)
			return outcome{kind: kFailed, reason: "416 for a resumed download"}, true, wait
		case code >= 500 || code == http.StatusRequestTimeout:
			drain(resp)
			cancel()
			return outcome{kind: kFailed, reason: resp.Status}, true, wait
		case code != http.StatusOK && code != http.StatusPartialContent:
			drain(resp)
			cancel()
			return outcome{kind: kFailed, reason: resp.Status}, false, wait
		}
		o, retry = f.body(ctx, key, u, resp, part, pm, havePart, cond, depth)
		cancel()
		return o, retry, wait
	}
	return outcome{kind: kFailed, reason: "too many redirects"}, false, wait
}

// do sends one request through the host's gate; the gate is held until the
// body is closed.
func (f *Fetcher) do(req *http.Request) (*http.Response, error) {
	release, err := f.gates.get(req.URL.Host).acquire(req.Context())
	if err != nil {
		return nil, err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &gatedBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

type gatedBody struct {
	io.ReadCloser
	release func()
}

func (b *gatedBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}

// partMeta describes a partial download kept for a Range resume.
type partMeta struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	Size         int64  `json:"-"`
}

func readPartMeta(part string) (partMeta, bool) {
	var pm partMeta
	b, err := os.ReadFile(part + ".json")
	if err != nil || json.Unmarshal(b, &pm) != nil || (pm.ETag == "" && pm.LastModified == "") {
		return pm, false
	}
	st, err := os.Stat(part)
	if err != nil || st.Size() == 0 {
		return pm, false
	}
	pm.Size = st.Size()
	return pm, true
}

func removePart(part string) {
	os.Remove(part)
	os.Remove(part + ".json")
}

// body reads a 200 or 206 answer: an empty body, a viewer page, an error
// page, or the file, streamed to the partial file and moved into the store
// when whole and valid.
func (f *Fetcher) body(ctx context.Context, key, u string, resp *http.Response, part string, pm partMeta, havePart bool, cond *Entry, depth int) (outcome, bool) {
	defer resp.Body.Close()
	ctype := strings.ToLower(resp.Header.Get("Content-Type"))
	br := bufio.NewReaderSize(resp.Body, 8192)
	head, _ := br.Peek(512)
	if resp.StatusCode == http.StatusOK && len(head) == 0 {
		return outcome{kind: kNotPublished, reason: "200 with an empty body (not published yet)"}, true
	}
	if resp.StatusCode == http.StatusOK && isHTML(ctype, head) || resp.StatusCode == http.StatusPartialContent && strings.Contains(ctype, "html") {
		page, _ := io.ReadAll(io.LimitReader(br, 2<<20))
		if resp.StatusCode == http.StatusOK && depth == 0 {
			if src := viewerTarget(page); src != "" {
				next, err := resp.Request.URL.Parse(src)
				if err == nil {
					resp.Body.Close() // free the slot before the next request
					o := f.get(ctx, key, next.String(), cond, depth+1)
					if o.kind != kFile && o.kind != kNotModified {
						o.reason = "viewer page -> " + o.reason
					}
					return o, false
				}
			}
		}
		return outcome{kind: kFailed, reason: "HTML page instead of the document"}, true
	}
	if !typeAllowed(ctype, f.typ) {
		return outcome{kind: kFailed, reason: "unexpected Content-Type " + ctype}, false
	}
	total := resp.ContentLength // of this answer
	var w *os.File
	var err error
	var offset int64
	if resp.StatusCode == http.StatusPartialContent {
		start, size, ok := contentRange(resp.Header.Get("Content-Range"))
		if !havePart || !ok || start != pm.Size {
			removePart(part)
			return outcome{kind: kFailed, reason: "unexpected partial content"}, true
		}
		offset = start
		total = size
		w, err = os.OpenFile(part, os.O_WRONLY|os.O_APPEND, 0o644)
	} else {
		removePart(part)
		w, err = os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	}
	if err != nil {
		return outcome{kind: kFailed, reason: err.Error()}, false
	}
	if total > f.o.MaxBytes {
		w.Close()
		removePart(part)
		return outcome{kind: kFailed, reason: fmt.Sprintf("file of %s is over the %s cap", humanBytes(total), humanBytes(f.o.MaxBytes))}, false
	}
	etag, lastMod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if resp.StatusCode == http.StatusPartialContent {
		etag, lastMod = pm.ETag, pm.LastModified
	}
	if etag != "" || lastMod != "" {
		meta, _ := json.Marshal(partMeta{URL: u, ETag: etag, LastModified: lastMod})
		os.WriteFile(part+".json", meta, 0o644)
	}
	n, cerr := io.Copy(w, io.LimitReader(br, f.o.MaxBytes-offset+1))
	serr := w.Sync()
	if err := w.Close(); serr == nil {
		serr = err
	}
	got := offset + n
	switch {
	case serr != nil:
		removePart(part)
		return outcome{kind: kFailed, reason: serr.Error()}, false
	case got > f.o.MaxBytes:
		removePart(part)
		return outcome{kind: kFailed, reason: fmt.Sprintf("file is over the %s cap", humanBytes(f.o.MaxBytes))}, false
	case cerr != nil:
		if etag == "" && lastMod == "" {
			removePart(part) // cannot resume safely without a validator
		}
		reason := "body cut after " + humanBytes(got) + ": " + netReason(cerr)
		return outcome{kind: kFailed, reason: reason}, ctx.Err() == nil
	}
	if resp.StatusCode == http.StatusOK && resp.ContentLength >= 0 && n != resp.ContentLength ||
		resp.StatusCode == http.StatusPartialContent && total >= 0 && got != total {
		return outcome{kind: kFailed, reason: fmt.Sprintf("body of %d bytes, %d announced", got, max(total, resp.ContentLength))}, true
	}
	sum, problem := checkFile(part, f.typ, f.o.MinBytes)
	if problem != "" {
		removePart(part)
		return outcome{kind: kFailed, reason: problem}, true
	}
	path, err := f.store.put(part, sum)
	os.Remove(part + ".json")
	if err != nil {
		return outcome{kind: kFailed, reason: "store: " + err.Error()}, false
	}
	res := Result{SHA256: sum, Size: got, Path: path, URL: u, Downloaded: n}
	return outcome{kind: kFile, res: res, url: u, etag: etag, lastMod: lastMod}, false
}

// isHTML tells a web page from a file: by Content-Type, or by how a page
// starts when the type is missing or generic.
func isHTML(ctype string, head []byte) bool {
	if strings.Contains(ctype, "html") {
		return true
	}
	t := bytes.ToLower(bytes.TrimSpace(head))
	for _, p := range []string{"<!doctype", "<html", "<head", "<body", "<meta", "<title", "<script", "<iframe"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}

// viewerTarget finds where a viewer page loads the document: its iframe, or
// a link to a PDF.
func viewerTarget(page []byte) string {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	if src, ok := doc.Find("iframe[src]").First().Attr("src"); ok && strings.TrimSpace(src) != "" {
		return strings.TrimSpace(src)
	}
	if href, ok := doc.Find(`a[href*=".pdf"], a[href*="/api/symbol/access"]`).First().Attr("href"); ok {
		return strings.TrimSpace(href)
	}
	return ""
}

func typeAllowed(ctype, typ string) bool {
	mt := strings.TrimSpace(strings.SplitN(ctype, ";", 2)[0])
	switch mt {
	case "", "application/pdf", "application/x-pdf", "application/octet-stream", "binary/octet-stream", "application/force-download":
		return true
	}
	if typ == "doc" {
		return strings.Contains(mt, "word") || strings.Contains(mt, "officedocument") || strings.Contains(mt, "wordperfect") || mt == "application/zip"
	}
	return false
}

// checkFile checks a downloaded file's size and magic and returns its
// sha256, or what is wrong with it.
func checkFile(path, typ string, minBytes int64) (string, string) {
	fh, err := os.Open(path)
	if err != nil {
		return "", err.Error()
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return "", err.Error()
	}
	if st.Size() < minBytes {
		return "", fmt.Sprintf("file of %d bytes is under the %d-byte minimum", st.Size(), minBytes)
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(fh, head); err != nil {
		return "", err.Error()
	}
	isPDF := bytes.HasPrefix(head, []byte("%PDF-"))
	switch {
	case isPDF:
		tail := make([]byte, min(2048, st.Size()))
		if _, err := fh.ReadAt(tail, st.Size()-int64(len(tail))); err != nil {
			return "", err.Error()
		}
		if !bytes.Contains(tail, []byte("%%EOF")) {
			return "", "PDF without %%EOF at the end (truncated?)"
		}
	case typ == "doc" && (bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0")) || bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("\xFFWPC"))):
	default:
		return "", fmt.Sprintf("not a %s: starts with %q", strings.ToUpper(typ), head)
	}
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return "", err.Error()
	}
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return "", err.Error()
	}
	return hex.EncodeToString(h.Sum(nil)), ""
}

// contentRange reads "bytes a-b/size".
func contentRange(v string) (start, size int64, ok bool) {
	var a, b int64
	if _, err := fmt.Sscanf(v, "bytes %d-%d/%d", &a, &b, &size); err != nil {
		return 0, 0, false
	}
	return a, size, true
}

func sniffExt(path string) string {
	fh, err := os.Open(path)
	if err != nil {
		return "pdf"
	}
	defer fh.Close()
	head := make([]byte, 8)
	io.ReadFull(fh, head)
	switch {
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0")):
		return "doc"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "docx"
	case bytes.HasPrefix(head, []byte("\xFFWPC")):
		return "wpf"
	}
	return "pdf"
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

func netReason(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed early"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

func fileSHA256(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func (f *Fetcher) logf(format string, args ...any) {
	if f.o.Log == nil {
		return
	}
	f.logMu.Lock()
	defer f.logMu.Unlock()
	fmt.Fprintf(f.o.Log, format+"\n", args...)
}

func shortURL(u string) string {
	if pu, err := url.Parse(u); err == nil {
		return pu.Host + pu.EscapedPath()
	}
	return u
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
