package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/undoc/undoc/ingest/symbol"
)

// Summary is the one-line JSON report of `undoc fetch`.
type Summary struct {
	Requested    int `json:"requested"`
	Fetched      int `json:"fetched"`
	NotModified  int `json:"not_modified"`
	NotFound     int `json:"not_found"`
	NotPublished int `json:"not_published"`
	Failed       int `json:"failed"`
}

// Summarize counts results by status.
func Summarize(results []Result) Summary {
	var s Summary
	for _, r := range results {
		s.add(r.Status)
	}
	return s
}

func (s *Summary) add(st Status) {
	s.Requested++
	switch st {
	case Fetched:
		s.Fetched++
	case NotModified:
		s.NotModified++
	case NotFound:
		s.NotFound++
	case NotPublished:
		s.NotPublished++
	default:
		s.Failed++
	}
}

const fetchUsage = `Usage: undoc fetch [flags] SYMBOL... | @FILE | @-

Fetches official UN documents by symbol (e.g. A/69/6/Rev.1, "A/70/6 (Sect. 9)",
"S/RES/2623 (2022)") in one language. Each is asked from the Official Document
System (documents.un.org/api/symbol/access), then undocs.org, then the
original-language alias "(OR)". Files are checked (PDF magic, size, type),
kept in a content-addressed store (STORE/raw/ab/abcdef...) and copied to OUT
as A_69_6_Rev.1-ZH.pdf. A re-run only asks whether stored files changed.

@FILE reads symbols one per line (also undocs.org links, or JSON lines with a
"symbol" field); @- reads them from standard input, so
  undoc refs doc.txt | undoc fetch @-
fetches what a document cites. Blank lines and lines starting with # are skipped.

The requests are polite: at most --per-host at once per host, --spacing apart,
with retries and growing waits on errors, honouring Retry-After. Please do not
raise these limits against the real UN services.

Progress and errors go to standard error; one JSON summary line goes to
standard output:
  {"requested":3,"fetched":2,"not_modified":0,"not_found":1,"not_published":0,"failed":0}
not_found: the services have no such document in that language (remembered
for --not-found-ttl). not_published: the service answers with an empty file,
which it does before publication; try again later.

Exit status: 0 when nothing failed, 1 when something failed, 2 on usage errors.

Environment: UNDOC_ODS_URL, UNDOC_UNDOCS_URL, UNDOC_USER_AGENT, UNDOC_STORE
set the defaults of --ods-url, --undocs-url, --user-agent and --store.

Flags:
`

// Command is `undoc fetch` with what its caller supplies.
type Command struct {
	// DefaultStore is the default of --store when $UNDOC_STORE is not
	// set; "" means ".undoc".
	DefaultStore string
	// Open, when set, is called with the options read from the flags
	// before anything is fetched. It may set the catalog and the log (the
	// progress lines go to standard error when it leaves Log nil and
	// --quiet is not given). done is called at the end.
	Open func(o *Options) (done func(), err error)
}

// RunFetch implements `undoc fetch` with a JSON catalog in the store
// directory. It returns the exit status.
func RunFetch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return Command{}.Run(ctx, args, stdin, stdout, stderr)
}

// Run implements `undoc fetch`. It returns the exit status.
func (c Command) Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o Options
	storeDef := os.Getenv("UNDOC_STORE")
	if storeDef == "" {
		storeDef = c.DefaultStore
	}
	if storeDef == "" {
		storeDef = ".undoc"
	}
	fs.StringVar(&o.Lang, "lang", "zh", "language: zh (also C, ch, chinese), en, fr, es, ru, ar")
	fs.StringVar(&o.OutDir, "out", ".", `directory for the named copies (A_69_6_Rev.1-ZH.pdf); "" for none`)
	fs.StringVar(&o.StoreDir, "store", storeDef, "store directory: raw files, catalog, partial downloads")
	fs.StringVar(&o.ODSURL, "ods-url", "", "base URL of the Official Document System (default "+DefaultODSURL+")")
	fs.StringVar(&o.UndocsURL, "undocs-url", "", "base URL of undocs.org (default "+DefaultUndocsURL+")")
	fs.BoolVar(&o.Doc, "doc", false, "fetch the Word original (t=doc) instead of the PDF")
	fs.StringVar(&o.UserAgent, "user-agent", "", "User-Agent header; keep a way to contact you in it")
	fs.IntVar(&o.PerHost, "per-host", 2, "requests at once per host")
	fs.DurationVar(&o.Spacing, "spacing", 500*time.Millisecond, "least time between request starts per host")
	fs.IntVar(&o.Retries, "retries", 5, "retries of a failing request")
	fs.DurationVar(&o.Timeout, "timeout", 10*time.Minute, "time limit of one request, body included")
	fs.DurationVar(&o.ConnectTimeout, "connect-timeout", 15*time.Second, "time limit to connect")
	fs.Int64Var(&o.MaxBytes, "max-bytes", 512<<20, "largest file accepted")
	fs.DurationVar(&o.NotFoundTTL, "not-found-ttl", 7*24*time.Hour, "how long a 404 is remembered")
	quiet := fs.Bool("quiet", false, "no progress lines, errors only in the summary")
	fs.Usage = func() {
		fmt.Fprint(stderr, fetchUsage)
		fs.PrintDefaults()
	}
	// Flags may come after symbols too.
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(positional) == 0 {
		fmt.Fprintln(stderr, "undoc fetch: no symbols given")
		fs.Usage()
		return 2
	}
	if o.Spacing == 0 {
		o.Spacing = -1
	}
	if o.Retries == 0 {
		o.Retries = -1
	}
	o.Env()
	if c.Open != nil {
		done, err := c.Open(&o)
		if err != nil {
			fmt.Fprintf(stderr, "undoc fetch: %v\n", err)
			return 1
		}
		defer done()
	}
	if *quiet {
		o.Log = nil
	} else if o.Log == nil {
		o.Log = stderr
	}

	var syms []symbol.Symbol
	var bad []string
	for _, a := range positional {
		if strings.HasPrefix(a, "@") {
			var r io.Reader
			if a == "@-" {
				r = stdin
			} else {
				fh, err := os.Open(a[1:])
				if err != nil {
					fmt.Fprintf(stderr, "undoc fetch: %v\n", err)
					return 2
				}
				defer fh.Close()
				r = fh
			}
			s, b, err := readList(r)
			if err != nil {
				fmt.Fprintf(stderr, "undoc fetch: reading %s: %v\n", a, err)
				return 2
			}
			syms = append(syms, s...)
			bad = append(bad, b...)
			continue
		}
		s, err := symbol.Parse(a)
		if err != nil {
			fmt.Fprintf(stderr, "undoc fetch: %v\n", err)
			return 2
		}
		syms = append(syms, s)
	}
	f, err := New(o)
	if err != nil {
		fmt.Fprintf(stderr, "undoc fetch: %v\n", err)
		return 2
	}
	results := f.FetchAll(ctx, syms)
	sum := Summarize(results)
	for _, b := range bad {
		fmt.Fprintf(stderr, "FAILED     %s\n", b)
		sum.add(Failed)
	}
	line, _ := json.Marshal(sum)
	fmt.Fprintln(stdout, string(line))
	if sum.Failed > 0 {
		return 1
	}
	return 0
}

// readList reads one symbol per line: a symbol, a link, or a JSON object
// with a "symbol" field. Lines that are none of these are returned as bad.
func readList(r io.Reader) (syms []symbol.Symbol, bad []string, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if s, ok := lineSymbol(line); ok {
			syms = append(syms, s)
			continue
		}
		bad = append(bad, fmt.Sprintf("line %d: not a symbol: %q", n, line))
	}
	return syms, bad, sc.Err()
}

func lineSymbol(line string) (symbol.Symbol, bool) {
	if strings.HasPrefix(line, "{") {
		var v struct {
			Symbol *string `json:"symbol"`
		}
		if json.Unmarshal([]byte(line), &v) != nil || v.Symbol == nil || *v.Symbol == "" {
			return symbol.Symbol{}, false
		}
		line = *v.Symbol
	}
	if strings.Contains(line, "://") || strings.HasPrefix(line, "www.") {
		s, _, ok := symbol.FromURL(line)
		return s, ok
	}
	if s, err := symbol.Parse(line); err == nil {
		return s, true
	}
	// "SYMBOL<TAB>anything": the first field.
	if first, _, ok := strings.Cut(line, "\t"); ok {
		if s, err := symbol.Parse(first); err == nil {
			return s, true
		}
	}
	return symbol.Symbol{}, false
}
