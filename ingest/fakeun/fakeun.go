// Package fakeun is a local stand-in for the UN document services
// (documents.un.org and undocs.org): it serves fixture files through the
// real URL shapes, injects faults, and records what clients did so tests can
// check politeness.
package fakeun

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/undoc/undoc/ingest/symbol"
)

// Undocs modes: how /<lang>/<symbol> answers for a known document.
const (
	ModeFailover = "failover" // 200 with the file and Content-Disposition (the Library's failover)
	ModeViewer   = "viewer"   // 200 HTML viewer shell whose iframe points at the ODS API
	ModeMixed    = "mixed"    // either, chosen per symbol
)

// Config sets up a Server.
type Config struct {
	// Dir holds fixtures named like the UN Library's files:
	// "A_69_6_Rev.1-ZH.pdf", "A_70_6_(Sect._9)-ZH.pdf", "X_1-ZH.doc". An
	// empty file is a document that is not published yet (200, empty body).
	// A name with "(OR)" is served only under that alias.
	Dir string
	// Hops is the number of ODS redirects before the file; default 2,
	// negative for none.
	Hops int
	// UndocsMode is ModeFailover (default), ModeViewer or ModeMixed.
	UndocsMode string
	// ODSBase is the base URL the viewer's iframe points at; default the
	// first address the server listens on.
	ODSBase string
	// Seed seeds the fault generator.
	Seed   uint64
	Faults Faults
}

// Faults are injected at random, each with its own probability per request.
type Faults struct {
	LatencyMin, LatencyMax time.Duration // added before each answer
	P503, P429             float64       // any request
	RetryAfter             time.Duration // sent with 503 and 429, whole seconds; 0 sends none
	P503RetryAfter         bool          // also send Retry-After with 503
	PRetryAfterDate        float64       // share of Retry-After values sent as an HTTP date
	// The rest apply to answers that carry file bytes.
	PReset    float64 // connection reset after part of the body
	PTruncate float64 // Content-Length promised, body cut short
	PEmpty    float64 // 200 with an empty body
	PHTML     float64 // 200 text/html error page instead of the file
	// BodyDelay pauses between chunks of ChunkSize bytes (default 4096).
	BodyDelay time.Duration
	ChunkSize int
}

type fixture struct {
	name    string
	sym     symbol.Symbol
	lang    string
	typ     string // "pdf" or "doc"
	data    []byte
	etag    string
	modTime time.Time
	path    string // final ODS path
	sha     string
}

// Server is the fake. It is an http.Handler; Listen serves it on addresses.
type Server struct {
	cfg      Config
	byKey    map[string]*fixture
	byPath   map[string]*fixture
	mu       sync.Mutex
	rng      *rand.Rand
	faults   Faults
	odsBase  string
	servers  []*http.Server
	rec      recorder
	mux      *http.ServeMux
	closeErr error
}

// New loads the fixtures in cfg.Dir.
func New(cfg Config) (*Server, error) {
	if cfg.Hops == 0 {
		cfg.Hops = 2
	}
	if cfg.Hops < 0 {
		cfg.Hops = 0
	}
	switch cfg.UndocsMode {
	case "":
		cfg.UndocsMode = ModeFailover
	case ModeFailover, ModeViewer, ModeMixed:
	default:
		return nil, fmt.Errorf("fakeun: unknown undocs mode %q", cfg.UndocsMode)
	}
	s := &Server{
		cfg:     cfg,
		byKey:   map[string]*fixture{},
		byPath:  map[string]*fixture{},
		rng:     rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		faults:  cfg.Faults,
		odsBase: strings.TrimRight(cfg.ODSBase, "/"),
	}
	s.rec.hosts = map[string]*hostState{}
	if cfg.Dir != "" {
		if err := s.load(cfg.Dir); err != nil {
			return nil, err
		}
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintln(w, `{"status":"ok"}`)
	})
	s.mux.HandleFunc("GET /api/symbol/access", s.track(s.access))
	s.mux.HandleFunc("GET /api/symbol/hop/{n}/{id}", s.track(s.hop))
	s.mux.HandleFunc("GET /doc/", s.track(s.file))
	s.mux.HandleFunc("GET /{lang}/{sym...}", s.track(s.undocs))
	return s, nil
}

func (s *Server) load(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("fakeun: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		sym, lang, ok := symbol.FromFileName(e.Name())
		if !ok {
			continue
		}
		typ := "pdf"
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".pdf":
		case ".doc", ".docx", ".wpf", ".wpd":
			typ = "doc"
		default:
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("fakeun: %w", err)
		}
		st, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("fakeun: %w", err)
		}
		s.Add(e.Name(), sym, lang, typ, data, st.ModTime())
	}
	return nil
}

// Add serves data as the document sym in lang ("pdf" or "doc" type).
func (s *Server) Add(name string, sym symbol.Symbol, lang, typ string, data []byte, modTime time.Time) {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])
	job := jobNumber(sym.Key() + "|" + lang + "|" + typ)
	ext := "pdf"
	if typ == "doc" {
		ext = strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	}
	f := &fixture{
		name: name, sym: sym, lang: lang, typ: typ, data: data,
		etag:    `"` + h[:16] + `"`,
		modTime: modTime.UTC().Truncate(time.Second),
		path:    fmt.Sprintf("/doc/UNDOC/GEN/%s/%s/%s/%s/%s.%s", job[:3], job[3:6], job[6:8], strings.ToUpper(ext), job, ext),
		sha:     h,
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byKey[fixtureKey(sym, lang, typ)] = f
	s.byPath[f.path] = f
}

// SHA256 returns the hex sha256 of the fixture for sym in lang, or "" when
// there is none.
func (s *Server) SHA256(sym symbol.Symbol, lang string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.byKey[fixtureKey(sym, lang, "pdf")]; f != nil {
		return f.sha
	}
	return ""
}

// SetFaults replaces the fault settings.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	s.faults = f
	s.mu.Unlock()
}

func fixtureKey(sym symbol.Symbol, lang, typ string) string {
	return sym.Key() + "|" + lang + "|" + typ
}

// jobNumber makes a stable ODS-like job number ("N1412345") for a key.
func jobNumber(key string) string {
	sum := sha256.Sum256([]byte(key))
	n := uint32(sum[0])<<16 | uint32(sum[1])<<8 | uint32(sum[2])
	return fmt.Sprintf("N%02d%05d", 10+int(sum[3])%16, n%100000)
}

// ServeHTTP serves the fake services.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Listen serves on addr (e.g. "127.0.0.1:0") in the background and returns
// the base URL. The first address is the ODS base unless Config set one.
func (s *Server) Listen(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("fakeun: %w", err)
	}
	base := "http://" + ln.Addr().String()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.mu.Lock()
	if s.odsBase == "" {
		s.odsBase = base
	}
	s.servers = append(s.servers, srv)
	s.mu.Unlock()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.mu.Lock()
			s.closeErr = err
			s.mu.Unlock()
		}
	}()
	return base, nil
}

// Close stops all listeners.
func (s *Server) Close() error {
	s.mu.Lock()
	servers := s.servers
	s.servers = nil
	err := s.closeErr
	s.mu.Unlock()
	for _, srv := range servers {
		srv.Close()
	}
	return err
}

// ---- handlers ----

// access is documents.un.org/api/symbol/access?s=&l=&t=.
func (s *Server) access(w http.ResponseWriter, r *http.Request, rq *request) {
	q := r.URL.Query()
	lang := q.Get("l")
	code, err := symbol.ParseLang(lang)
	if err != nil || lang == "ch" {
		rq.reply(w, http.StatusBadRequest, "text/html; charset=utf-8", errorPage("Invalid language code"))
		return
	}
	raw := q.Get("s")
	if strings.ContainsAny(raw, "^") || raw == "" {
		rq.reply(w, http.StatusBadRequest, "text/html; charset=utf-8", errorPage("Bad request"))
		return
	}
	typ := "pdf"
	if t := q.Get("t"); t == "doc" {
		typ = "doc"
	} else if t != "" && t != "pdf" {
		rq.reply(w, http.StatusBadRequest, "text/html; charset=utf-8", errorPage("Bad request"))
		return
	}
	f := s.lookup(raw, code, typ)
	if f == nil {
		rq.reply(w, http.StatusNotFound, "text/html; charset=utf-8", errorPage("Not found"))
		return
	}
	if len(f.data) == 0 {
		// Not published yet: 200 with an empty body.
		rq.reply(w, http.StatusOK, "application/pdf", nil)
		return
	}
	if s.cfg.Hops == 0 {
		s.serveFile(w, r, rq, f, false)
		return
	}
	s.redirect(w, rq, 1, f)
}

func (s *Server) redirect(w http.ResponseWriter, rq *request, n int, f *fixture) {
	loc := f.path
	if n < s.cfg.Hops {
		loc = fmt.Sprintf("/api/symbol/hop/%d/%s", n+1, strings.TrimSuffix(filepath.Base(f.path), filepath.Ext(f.path))+"-"+f.typ)
	}
	w.Header().Set("Location", loc)
	rq.reply(w, http.StatusFound, "", nil)
}

// hop is an intermediate redirect of the ODS chain.
func (s *Server) hop(w http.ResponseWriter, r *http.Request, rq *request) {
	n, _ := strconv.Atoi(r.PathValue("n"))
	id := r.PathValue("id")
	var found *fixture
	s.mu.Lock()
	for _, f := range s.byPath {
		if strings.TrimSuffix(filepath.Base(f.path), filepath.Ext(f.path))+"-"+f.typ == id {
			found = f
			break
		}
	}
	s.mu.Unlock()
	if found == nil || n < 1 {
		rq.reply(w, http.StatusNotFound, "text/html; charset=utf-8", errorPage("Not found"))
		return
	}
	s.redirect(w, rq, n, found)
}

// file is the final ODS file path.
func (s *Server) file(w http.ResponseWriter, r *http.Request, rq *request) {
	s.mu.Lock()
	f := s.byPath[r.URL.Path]
	s.mu.Unlock()
	if f == nil {
		rq.reply(w, http.StatusNotFound, "text/html; charset=utf-8", errorPage("Not found"))
		return
	}
	s.serveFile(w, r, rq, f, false)
}

var undocsLangs = map[string]bool{"ar": true, "en": true, "es": true, "fr": true, "ot": true, "ru": true, "zh": true}

// undocs is undocs.org/<lang>/<symbol>, answered as the Library's failover
// does (case-sensitive language codes, HTML error pages), or with the
// docs.un.org viewer shell.
func (s *Server) undocs(w http.ResponseWriter, r *http.Request, rq *request) {
	lang := r.PathValue("lang")
	raw := r.PathValue("sym")
	if !undocsLangs[lang] {
		rq.reply(w, http.StatusBadRequest, "text/html; charset=utf-8",
			errorPage(fmt.Sprintf("'%s' is not a valid language code. Valid codes are: ar, en, es, fr, ot, ru, zh.", lang)))
		return
	}
	f := s.lookup(raw, lang, "pdf")
	if f == nil {
		rq.reply(w, http.StatusNotFound, "text/html; charset=utf-8",
			errorPage(fmt.Sprintf("The document '%s' is not available in '%s'.", raw, lang)))
		return
	}
	if len(f.data) == 0 {
		rq.reply(w, http.StatusOK, "application/pdf", nil)
		return
	}
	mode := s.cfg.UndocsMode
	if mode == ModeMixed {
		mode = ModeFailover
		if f.sha[0]%2 == 0 {
			mode = ModeViewer
		}
	}
	if mode == ModeViewer {
		s.mu.Lock()
		base := s.odsBase
		s.mu.Unlock()
		src := base + "/api/symbol/access?s=" + url.QueryEscape(f.sym.String()) + "&l=" + lang + "&t=pdf"
		rq.reply(w, http.StatusOK, "text/html; charset=utf-8", viewerPage(f.sym.String(), src))
		return
	}
	s.serveFile(w, r, rq, f, true)
}

func (s *Server) lookup(raw, lang, typ string) *fixture {
	sym, err := symbol.Parse(raw)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.byKey[fixtureKey(sym, lang, typ)]; f != nil {
		return f
	}
	if typ == "doc" {
		// No Word original: the API answers with the PDF.
		return s.byKey[fixtureKey(sym, lang, "pdf")]
	}
	return nil
}

// serveFile answers with the file, honouring conditional and range
// requests, and injects the body faults.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rq *request, f *fixture, disposition bool) {
	h := w.Header()
	h.Set("ETag", f.etag)
	h.Set("Last-Modified", f.modTime.Format(http.TimeFormat))
	h.Set("Accept-Ranges", "bytes")
	if notModified(r, f) {
		rq.reply(w, http.StatusNotModified, "", nil)
		return
	}
	fault := s.bodyFault()
	switch fault {
	case "empty":
		rq.fault = fault
		rq.reply(w, http.StatusOK, "application/pdf", nil)
		return
	case "html":
		rq.fault = fault
		h.Del("ETag")
		h.Del("Last-Modified")
		rq.reply(w, http.StatusOK, "text/html; charset=utf-8", errorPage("The document could not be retrieved at this time."))
		return
	}
	ctype := "application/pdf"
	if f.typ == "doc" {
		ctype = "application/msword"
		if strings.HasSuffix(f.path, ".docx") {
			ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		}
	}
	if disposition {
		h.Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", f.sym.FileNameExt(f.lang, filepath.Ext(f.path)[1:])))
	}
	body, status := f.data, http.StatusOK
	if start, end, ok := byteRange(r, f); ok {
		if start >= int64(len(f.data)) {
			h.Set("Content-Range", fmt.Sprintf("bytes */%d", len(f.data)))
			rq.reply(w, http.StatusRequestedRangeNotSatisfiable, "", nil)
			return
		}
		body, status = f.data[start:end], http.StatusPartialContent
		h.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", start, end-1, len(f.data)))
	}
	rq.fileBytes = true
	rq.fault = fault
	s.mu.Lock()
	delay, chunk := s.faults.BodyDelay, s.faults.ChunkSize
	s.mu.Unlock()
	rq.stream(w, status, ctype, body, fault, delay, chunk)
}

func notModified(r *http.Request, f *fixture) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == f.etag || t == "*" {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !f.modTime.After(t) {
			return true
		}
	}
	return false
}

// byteRange reads a single "bytes=a-" or "bytes=a-b" range, ignored when
// If-Range names another version.
func byteRange(r *http.Request, f *fixture) (int64, int64, bool) {
	rh := r.Header.Get("Range")
	if !strings.HasPrefix(rh, "bytes=") || strings.Contains(rh, ",") {
		return 0, 0, false
	}
	if ir := r.Header.Get("If-Range"); ir != "" && ir != f.etag {
		if t, err := http.ParseTime(ir); err != nil || f.modTime.After(t) {
			return 0, 0, false
		}
	}
	a, b, _ := strings.Cut(strings.TrimPrefix(rh, "bytes="), "-")
	start, err := strconv.ParseInt(a, 10, 64)
	if err != nil || start < 0 {
		return 0, 0, false
	}
	end := int64(len(f.data))
	if b != "" {
		e, err := strconv.ParseInt(b, 10, 64)
		if err != nil || e < start {
			return 0, 0, false
		}
		end = min(e+1, end)
	}
	return start, end, true
}

func errorPage(msg string) []byte {
	return []byte(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Error</title></head>
<body><h1>Error</h1><p>` + html.EscapeString(msg) + `</p>
<ul><li>Verify the link contains the correct document symbol and language code.</li>
<li>The document is not yet released or is currently unavailable.</li>
<li>Visit undocs.org for more information.</li></ul></body></html>
`)
}

func viewerPage(sym, src string) []byte {
	return []byte(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Document Viewer</title>
<script src="/assets/viewer.js"></script></head>
<body><div id="app" data-symbol="` + html.EscapeString(sym) + `">
<header>Official Document System</header>
<iframe id="pdf-viewer" title="` + html.EscapeString(sym) + `" src="` + html.EscapeString(src) + `" width="100%" height="100%"></iframe>
</div></body></html>
`)
}
