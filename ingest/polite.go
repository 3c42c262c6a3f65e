package ingest

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// gate limits the requests to one host: at most n at once, and starts at
// least spacing apart.
type gate struct {
	slots   chan struct{}
	spacing time.Duration
	mu      sync.Mutex
	last    time.Time // when the last request was let through
}

func newGate(n int, spacing time.Duration) *gate {
	return &gate{slots: make(chan struct{}, n), spacing: spacing}
}

// acquire waits for a slot and until spacing has passed since the last
// request was let through. The caller must call release once the answer
// has been read. The spacing is checked when the request is let through,
// not planned ahead, so a late wake-up never lets two requests go together.
func (g *gate) acquire(ctx context.Context) (release func(), err error) {
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	var once sync.Once
	release = func() { once.Do(func() { <-g.slots }) }
	for {
		g.mu.Lock()
		now := time.Now()
		wait := g.last.Add(g.spacing).Sub(now)
		if g.last.IsZero() || wait <= 0 {
			g.last = now
			g.mu.Unlock()
			return release, nil
		}
		g.mu.Unlock()
		if err := sleep(ctx, wait); err != nil {
			release()
			return nil, err
		}
	}
}

// gates hands out one gate per host.
type gates struct {
	mu      sync.Mutex
	n       int
	spacing time.Duration
	m       map[string]*gate
}

func (gs *gates) get(host string) *gate {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	if gs.m == nil {
		gs.m = map[string]*gate{}
	}
	g := gs.m[host]
	if g == nil {
		g = newGate(gs.n, gs.spacing)
		gs.m[host] = g
	}
	return g
}

// backoff returns the wait before retry number attempt (0-based):
// exponential from base, capped, with jitter over its upper half.
func backoff(attempt int, base, limit time.Duration) time.Duration {
	d := base
	for i := 0; i < attempt && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(half+1)
}

// retryAfter reads a Retry-After header: seconds or an HTTP date. ok is
// false when there is none or it cannot be read.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(min(n, 1<<30)) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
