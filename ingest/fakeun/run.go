package fakeun

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// RunFakeUN implements `undoc fakeun --dir DIR [--addr 127.0.0.1:0]`: it
// serves the fixtures until ctx ends and prints the base URL on stdout.
// It returns 0, 1 on failure, 2 on a usage error.
func RunFakeUN(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fakeun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		cfg     Config
		addr    string
		latency string
	)
	fs.StringVar(&cfg.Dir, "dir", "", "fixture directory: files named like A_69_6_Rev.1-ZH.pdf (empty file = not published yet)")
	fs.StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on; port 0 picks a free one")
	fs.IntVar(&cfg.Hops, "hops", 2, "ODS redirects before the file (0 for none)")
	fs.StringVar(&cfg.UndocsMode, "undocs-mode", ModeFailover, "how undocs paths answer: failover (PDF + Content-Disposition), viewer (HTML shell with iframe) or mixed")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "seed of the fault generator")
	fs.StringVar(&latency, "latency", "", "added latency range, e.g. 20ms-200ms")
	fs.Float64Var(&cfg.Faults.P503, "p503", 0, "probability of 503 per request")
	fs.Float64Var(&cfg.Faults.P429, "p429", 0, "probability of 429 per request")
	fs.DurationVar(&cfg.Faults.RetryAfter, "retry-after", time.Second, "Retry-After sent with 429 (and 503 with --retry-after-503)")
	fs.BoolVar(&cfg.Faults.P503RetryAfter, "retry-after-503", false, "send Retry-After with 503 too")
	fs.Float64Var(&cfg.Faults.PRetryAfterDate, "retry-after-date", 0, "share of Retry-After values sent as an HTTP date")
	fs.Float64Var(&cfg.Faults.PReset, "preset", 0, "probability of a connection reset in the middle of a file")
	fs.Float64Var(&cfg.Faults.PTruncate, "ptruncate", 0, "probability of a file body cut short")
	fs.Float64Var(&cfg.Faults.PEmpty, "pempty", 0, "probability of an empty 200 instead of a file")
	fs.Float64Var(&cfg.Faults.PHTML, "phtml", 0, "probability of an HTML error page instead of a file")
	fs.Usage = func() {
		fmt.Fprintf(stderr, `Usage: undoc fakeun --dir DIR [--addr 127.0.0.1:0] [fault flags]

Serves fixture files through the URL shapes of the UN document services, for
tests and demos. Never point it at real UN hosts; it is a stand-in for them:

  GET /api/symbol/access?s=SYMBOL&l=zh&t=pdf   ODS API: redirects, then the file;
                                               404 unknown, 200 empty if not published
  GET /zh/SYMBOL                               undocs.org: file with Content-Disposition,
                                               or the viewer shell; 400 for ch, ZH, ...

Prints the base URL on the first line of stdout; use it as --ods-url and
--undocs-url of undoc fetch.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if cfg.Dir == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "fakeun: --dir is required and no arguments are taken")
		fs.Usage()
		return 2
	}
	if cfg.Hops == 0 {
		cfg.Hops = -1
	}
	if latency != "" {
		lo, hi, ok := strings.Cut(latency, "-")
		a, err1 := time.ParseDuration(lo)
		b := a
		var err2 error
		if ok {
			b, err2 = time.ParseDuration(hi)
		}
		if err1 != nil || err2 != nil || b < a {
			fmt.Fprintf(stderr, "fakeun: bad --latency %q (want e.g. 20ms-200ms)\n", latency)
			return 2
		}
		cfg.Faults.LatencyMin, cfg.Faults.LatencyMax = a, b
	}
	srv, err := New(cfg)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	base, err := srv.Listen(addr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, base)
	fmt.Fprintf(stderr, "fakeun: serving %d fixtures from %s at %s\n", len(srv.byKey), cfg.Dir, base)
	<-ctx.Done()
	if err := srv.Close(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
