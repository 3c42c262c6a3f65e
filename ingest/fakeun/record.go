package fakeun

import (
	"net"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"
)

// Record is one request as the fake saw it.
type Record struct {
	Host        string // Host header: one per listener
	Target      string // path and query
	Start, End  time.Time
	Status      int   // 499 when the client went away first
	FileBytes   int64 // bytes of document content sent
	Conditional bool  // If-None-Match or If-Modified-Since was sent
	Range       string
	Fault       string // injected fault, if any: "503", "429", "reset", "truncate", "empty", "html"
	UserAgent   string
}

// HostStats sums up the records of one host.
type HostStats struct {
	Requests    int
	MaxInFlight int           // most requests handled at once
	MinSpacing  time.Duration // smallest gap between two request arrivals
	FileBytes   int64
	Conditional int
	Statuses    map[int]int
	Faults      map[string]int
}

type hostState struct {
	inFlight, maxInFlight int
}

type recorder struct {
	mu      sync.Mutex
	records []*Record
	hosts   map[string]*hostState
}

// request tracks one request while it is handled.
type request struct {
	rec       *recorder
	r         *Record
	once      sync.Once
	fault     string
	fileBytes bool
}

func (rc *recorder) begin(r *http.Request) *request {
	rec := &Record{
		Host:        r.Host,
		Target:      r.URL.RequestURI(),
		Start:       time.Now(),
		Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "",
		Range:       r.Header.Get("Range"),
		UserAgent:   r.UserAgent(),
		Status:      499,
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.records = append(rc.records, rec)
	h := rc.hosts[r.Host]
	if h == nil {
		h = &hostState{}
		rc.hosts[r.Host] = h
	}
	h.inFlight++
	h.maxInFlight = max(h.maxInFlight, h.inFlight)
	return &request{rec: rc, r: rec}
}

// done ends the request as far as concurrency goes. Handlers call it just
// before the last byte of the answer leaves, so a client can never see a
// complete answer while the fake still counts the request as in flight.
func (rq *request) done() {
	rq.once.Do(func() {
		rq.rec.mu.Lock()
		defer rq.rec.mu.Unlock()
		rq.r.End = time.Now()
		rq.r.Fault = rq.fault
		rq.rec.hosts[rq.r.Host].inFlight--
	})
}

func (rq *request) setStatus(code int) {
	rq.rec.mu.Lock()
	rq.r.Status = code
	rq.rec.mu.Unlock()
}

func (rq *request) addBytes(n int) {
	if !rq.fileBytes {
		return
	}
	rq.rec.mu.Lock()
	rq.r.FileBytes += int64(n)
	rq.rec.mu.Unlock()
}

// reply writes a whole small answer.
func (rq *request) reply(w http.ResponseWriter, status int, ctype string, body []byte) {
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	if status != http.StatusNotModified && status != http.StatusFound {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	rq.setStatus(status)
	if len(body) == 0 {
		rq.done()
		w.WriteHeader(status)
		return
	}
	w.WriteHeader(status)
	n := len(body)
	w.Write(body[:n-1])
	rq.done()
	w.Write(body[n-1:])
}

// stream writes a file body in chunks, breaking it as the fault says.
func (rq *request) stream(w http.ResponseWriter, status int, ctype string, body []byte, fault string, delay time.Duration, chunk int) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	rq.setStatus(status)
	w.WriteHeader(status)
	flusher, _ := w.(http.Flusher)
	limit := len(body)
	if fault == "reset" || fault == "truncate" {
		limit = len(body) / 2
	}
	if chunk <= 0 {
		chunk = 4096
	}
	for off := 0; off < limit; {
		n := min(chunk, limit-off)
		last := off+n == len(body)
		if last {
			// Hold back the final byte until the request is counted done.
			if n > 1 {
				if _, err := w.Write(body[off : off+n-1]); err != nil {
					rq.done()
					return
				}
				rq.addBytes(n - 1)
			}
			rq.done()
			w.Write(body[off+n-1 : off+n])
			rq.addBytes(1)
			return
		}
		if _, err := w.Write(body[off : off+n]); err != nil {
			rq.done()
			return
		}
		rq.addBytes(n)
		off += n
		if delay > 0 {
			if flusher != nil {
				flusher.Flush()
			}
			time.Sleep(delay)
		}
	}
	// Only faults get here: part of the body was sent.
	if flusher != nil {
		flusher.Flush()
	}
	rq.done()
	if fault == "reset" {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				if tc, ok := conn.(*net.TCPConn); ok {
					tc.SetLinger(0)
				}
				conn.Close()
				return
			}
		}
	}
	panic(http.ErrAbortHandler)
}

// Records returns a copy of the requests seen since the last Reset.
func (s *Server) Records() []Record {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	out := make([]Record, len(s.rec.records))
	for i, r := range s.rec.records {
		out[i] = *r
	}
	return out
}

// Stats sums up the records per host.
func (s *Server) Stats() map[string]HostStats {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	out := map[string]HostStats{}
	starts := map[string][]time.Time{}
	for _, r := range s.rec.records {
		st := out[r.Host]
		if st.Statuses == nil {
			st.Statuses = map[int]int{}
			st.Faults = map[string]int{}
		}
		st.Requests++
		st.FileBytes += r.FileBytes
		if r.Conditional {
			st.Conditional++
		}
		st.Statuses[r.Status]++
		if r.Fault != "" {
			st.Faults[r.Fault]++
		}
		out[r.Host] = st
		starts[r.Host] = append(starts[r.Host], r.Start)
	}
	for host, ts := range starts {
		st := out[host]
		st.MaxInFlight = s.rec.hosts[host].maxInFlight
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
		for i := 1; i < len(ts); i++ {
			if d := ts[i].Sub(ts[i-1]); i == 1 || d < st.MinSpacing {
				st.MinSpacing = d
			}
		}
		out[host] = st
	}
	return out
}

// Reset forgets the records and concurrency peaks.
func (s *Server) Reset() {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	s.rec.records = nil
	for _, h := range s.rec.hosts {
		h.maxInFlight = h.inFlight
	}
}

// track wraps a handler with recording, latency and status faults.
func (s *Server) track(h func(http.ResponseWriter, *http.Request, *request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rq := s.rec.begin(r)
		defer rq.done()
		if d := s.latency(); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		if code, retryAfter := s.statusFault(); code != 0 {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			rq.fault = strconv.Itoa(code)
			rq.reply(w, code, "text/html; charset=utf-8", errorPage(http.StatusText(code)))
			return
		}
		h(w, r, rq)
	}
}

func (s *Server) latency() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faults
	if f.LatencyMax <= 0 {
		return 0
	}
	if f.LatencyMax <= f.LatencyMin {
		return f.LatencyMin
	}
	return f.LatencyMin + time.Duration(s.rng.Int64N(int64(f.LatencyMax-f.LatencyMin)))
}

func (s *Server) statusFault() (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faults
	u := s.rng.Float64()
	var code int
	switch {
	case u < f.P503:
		code = http.StatusServiceUnavailable
	case u < f.P503+f.P429:
		code = http.StatusTooManyRequests
	default:
		return 0, ""
	}
	if f.RetryAfter <= 0 || code == http.StatusServiceUnavailable && !f.P503RetryAfter {
		return code, ""
	}
	if s.rng.Float64() < f.PRetryAfterDate {
		return code, time.Now().Add(f.RetryAfter).UTC().Format(http.TimeFormat)
	}
	return code, strconv.Itoa(int((f.RetryAfter + time.Second - 1) / time.Second))
}

func (s *Server) bodyFault() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faults
	u := s.rng.Float64()
	for _, c := range []struct {
		p    float64
		name string
	}{{f.PReset, "reset"}, {f.PTruncate, "truncate"}, {f.PEmpty, "empty"}, {f.PHTML, "html"}} {
		if u < c.p {
			return c.name
		}
		u -= c.p
	}
	return ""
}
