package fakeun

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fakePDF(n int) []byte {
	b := []byte("%PDF-1.7\n")
	for len(b) < n-7 {
		b = append(b, fmt.Sprintf("%% filler %d\n", len(b))...)
	}
	return append(b, "\n%%EOF\n"...)
}

func newServer(t *testing.T, cfg Config, files map[string][]byte) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg.Dir = dir
	s, err := New(cfg)
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

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t *testing.T, u string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestShapes(t *testing.T) {
	pdf := fakePDF(3000)
	s, base := newServer(t, Config{}, map[string][]byte{
		"A_69_6_Rev.1-ZH.pdf":     pdf,
		"A_70_6_(Sect._9)-ZH.pdf": pdf,
		"A_80_PV.3-ZH.pdf":        nil,
		"A_71_1_(OR)-ZH.pdf":      pdf,
	})

	// ODS: two redirects, then the file.
	u := base + "/api/symbol/access?s=A%2F69%2F6%2FRev.1&l=zh&t=pdf"
	for hop := 0; hop < 2; hop++ {
		resp, _ := get(t, u)
		if resp.StatusCode != http.StatusFound {
			t.Fatalf("hop %d: %d", hop, resp.StatusCode)
		}
		u = base + resp.Header.Get("Location")
	}
	if !strings.Contains(u, "/doc/UNDOC/GEN/") || !strings.HasSuffix(u, ".pdf") {
		t.Errorf("final URL %s", u)
	}
	resp, body := get(t, u)
	if resp.StatusCode != 200 || string(body) != string(pdf) || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("file: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	etag := resp.Header.Get("ETag")
	if resp, _ := get(t, u, "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
		t.Errorf("conditional: %d", resp.StatusCode)
	}
	if resp, _ := get(t, u, "If-Modified-Since", resp.Header.Get("Last-Modified")); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since: %d", resp.StatusCode)
	}
	resp, body = get(t, u, "Range", "bytes=1000-", "If-Range", etag)
	if resp.StatusCode != http.StatusPartialContent || string(body) != string(pdf[1000:]) ||
		resp.Header.Get("Content-Range") != fmt.Sprintf("bytes 1000-%d/%d", len(pdf)-1, len(pdf)) {
		t.Errorf("range: %d %s", resp.StatusCode, resp.Header.Get("Content-Range"))
	}
	if resp, _ := get(t, u, "Range", "bytes=1000-", "If-Range", `"other"`); resp.StatusCode != 200 {
		t.Errorf("If-Range mismatch: %d", resp.StatusCode)
	}

	// ODS: l=C works, raw slashes and other spellings too; unknown → 404; bad l → 400.
	for _, q := range []string{"s=A/69/6/Rev.1&l=C&t=pdf", "s=a%2F69%2F6%2Frev.1&l=zh", "s=A/70/6%20(Sect.%209)&l=zh&t=pdf", "s=A/70/6(SECT.9)&l=zh&t=pdf"} {
		if resp, _ := get(t, base+"/api/symbol/access?"+q); resp.StatusCode != http.StatusFound {
			t.Errorf("%s: %d", q, resp.StatusCode)
		}
	}
	for q, want := range map[string]int{
		"s=A/69/999&l=zh&t=pdf":        404,
		"s=A/69/6/Rev.1&l=en&t=pdf":    404,
		"s=A/69/6/Rev.1&l=ch&t=pdf":    400,
		"s=A/69/6/Rev.1&l=xx&t=pdf":    400,
		"s=A/69/6/Rev.1^x&l=zh&t=pdf":  400,
		"s=A/71/1&l=zh&t=pdf":          404,
		"s=A%2F71%2F1(OR)&l=zh&t=pdf":  302,
		"s=A/80/PV.3&l=zh&t=pdf":       200,
		"s=A/69/6/Rev.1&l=zh&t=doc":    302,
		"s=A/69/6/Rev.1&l=zh&t=wpfxxx": 400,
	} {
		resp, body := get(t, base+"/api/symbol/access?"+q)
		if resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", q, resp.StatusCode, want)
		}
		if want == 200 && len(body) != 0 {
			t.Errorf("%s: not-published body of %d bytes", q, len(body))
		}
	}

	// undocs: failover answers with the file and Content-Disposition.
	resp, body = get(t, base+"/zh/A/70/6%20(Sect.%209)")
	if resp.StatusCode != 200 || string(body) != string(pdf) ||
		resp.Header.Get("Content-Disposition") != `inline; filename="A_70_6_(Sect._9)-ZH.pdf"` || resp.Header.Get("Location") != "" {
		t.Errorf("undocs: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	for path, want := range map[string]int{"/ch/A/69/6/Rev.1": 400, "/ZH/A/69/6/Rev.1": 400, "/zh/A/69/999": 404, "/en/A/69/6/Rev.1": 404} {
		resp, body := get(t, base+path)
		if resp.StatusCode != want || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "<h1>Error</h1>") {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	st := s.Stats()
	if len(st) != 1 {
		t.Fatalf("stats for %d hosts", len(st))
	}
	for _, h := range st {
		if h.Requests < 20 || h.MaxInFlight != 1 || h.Conditional != 2 {
			t.Errorf("stats %+v", h)
		}
	}
}

func TestViewer(t *testing.T) {
	pdf := fakePDF(2000)
	_, base := newServer(t, Config{UndocsMode: ModeViewer, Hops: -1}, map[string][]byte{"A_RES_69_17-ZH.pdf": pdf})
	resp, body := get(t, base+"/zh/A/RES/69/17")
	if resp.StatusCode != 200 || !strings.Contains(string(body), `<iframe id="pdf-viewer"`) {
		t.Fatalf("viewer: %d %s", resp.StatusCode, body)
	}
	i := strings.Index(string(body), `<iframe`)
	i += strings.Index(string(body[i:]), `src="`) + 5
	src := strings.ReplaceAll(string(body[i:i+strings.Index(string(body[i:]), `"`)]), "&amp;", "&")
	if !strings.HasPrefix(src, base+"/api/symbol/access?s=A%2FRES%2F69%2F17&l=zh") {
		t.Errorf("iframe src %s", src)
	}
	resp, body = get(t, src)
	if resp.StatusCode != 200 || string(body) != string(pdf) {
		t.Errorf("iframe target: %d", resp.StatusCode)
	}
}

func TestFaults(t *testing.T) {
	pdf := fakePDF(20000)
	s, base := newServer(t, Config{Hops: -1, Faults: Faults{P429: 1, RetryAfter: 2 * time.Second}}, map[string][]byte{"A_1_1-ZH.pdf": pdf})
	u := base + "/api/symbol/access?s=A/1/1&l=zh"
	resp, _ := get(t, u)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" {
		t.Errorf("429: %d %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	s.SetFaults(Faults{P503: 1, RetryAfter: 3 * time.Second, P503RetryAfter: true, PRetryAfterDate: 1})
	resp, _ = get(t, u)
	if ra, err := http.ParseTime(resp.Header.Get("Retry-After")); resp.StatusCode != 503 || err != nil || time.Until(ra) > 4*time.Second {
		t.Errorf("503: %d %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	for _, fault := range []string{"reset", "truncate"} {
		f := Faults{}
		if fault == "reset" {
			f.PReset = 1
		} else {
			f.PTruncate = 1
		}
		s.SetFaults(f)
		resp, err := http.Get(u)
		if err != nil {
			continue // reset before the headers were read
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil || len(b) >= len(pdf) {
			t.Errorf("%s: read %d bytes, err %v", fault, len(b), err)
		}
	}
	s.SetFaults(Faults{PEmpty: 1})
	if resp, body := get(t, u); resp.StatusCode != 200 || len(body) != 0 {
		t.Errorf("empty: %d %d", resp.StatusCode, len(body))
	}
	s.SetFaults(Faults{PHTML: 1})
	if resp, body := get(t, u); resp.StatusCode != 200 || !strings.HasPrefix(string(body), "<!DOCTYPE html>") {
		t.Errorf("html: %d", resp.StatusCode)
	}
	s.SetFaults(Faults{LatencyMin: 30 * time.Millisecond, LatencyMax: 40 * time.Millisecond})
	start := time.Now()
	get(t, u)
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("latency %s", d)
	}
	faults := map[string]int{}
	for _, r := range s.Records() {
		faults[r.Fault]++
	}
	for _, f := range []string{"429", "503", "reset", "truncate", "empty", "html"} {
		if faults[f] != 1 {
			t.Errorf("fault %s recorded %d times", f, faults[f])
		}
	}
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "A_69_6-ZH.pdf"), fakePDF(2000), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error)
	go func() {
		done <- Serve(ctx, Config{Dir: dir}, "127.0.0.1:0", pw, io.Discard)
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSpace(line)
	if resp, _ := get(t, base+"/zh/A/69/6"); resp.StatusCode != 200 {
		t.Errorf("served %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if err := Serve(context.Background(), Config{}, "127.0.0.1:0", io.Discard, io.Discard); err == nil {
		t.Error("no fixture directory: no error")
	}
}

func TestParseLatency(t *testing.T) {
	for _, c := range []struct {
		in     string
		lo, hi time.Duration
		ok     bool
	}{
		{"20ms-200ms", 20 * time.Millisecond, 200 * time.Millisecond, true},
		{"5ms", 5 * time.Millisecond, 5 * time.Millisecond, true},
		{"200ms-20ms", 0, 0, false},
		{"fast", 0, 0, false},
		{"1ms-", 0, 0, false},
	} {
		lo, hi, err := ParseLatency(c.in)
		if (err == nil) != c.ok || lo != c.lo || hi != c.hi {
			t.Errorf("%q: %v %v %v", c.in, lo, hi, err)
		}
	}
}
