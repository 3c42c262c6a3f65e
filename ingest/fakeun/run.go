package fakeun

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Serve is `undoc fakeun`: it serves cfg's fixtures on addr until ctx
// ends, prints the base URL as the first line of stdout and a note on
// stderr.
func Serve(ctx context.Context, cfg Config, addr string, stdout, stderr io.Writer) error {
	if cfg.Dir == "" {
		return errors.New("fakeun: no fixture directory")
	}
	srv, err := New(cfg)
	if err != nil {
		return err
	}
	base, err := srv.Listen(addr)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, base)
	fmt.Fprintf(stderr, "fakeun: serving %d fixtures from %s at %s\n", len(srv.byKey), cfg.Dir, base)
	<-ctx.Done()
	return srv.Close()
}

// ParseLatency reads a latency range such as "20ms-200ms", or one
// duration for a fixed latency.
func ParseLatency(s string) (lo, hi time.Duration, err error) {
	a, b, ranged := strings.Cut(s, "-")
	lo, err1 := time.ParseDuration(a)
	hi = lo
	var err2 error
	if ranged {
		hi, err2 = time.ParseDuration(b)
	}
	if err1 != nil || err2 != nil || hi < lo || lo < 0 {
		return 0, 0, fmt.Errorf("bad latency %q (want e.g. 20ms-200ms)", s)
	}
	return lo, hi, nil
}
