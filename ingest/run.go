package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

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

// Complete reports whether every symbol requested was had: fetched or
// confirmed unchanged. Not found (the services have no such document in
// that language), not published and failed all make it false; undoc fetch
// and undoc run then exit with status 1.
func (s Summary) Complete() bool {
	return s.NotFound+s.NotPublished+s.Failed == 0
}

// Symbols reads the arguments of undoc fetch: UN symbols, and @FILE or @-
// (standard input) lists of them. A list line that is no symbol is
// returned in bad, to be counted as failed; an argument that is no symbol,
// or a list that cannot be read, is an error.
func Symbols(args []string, stdin io.Reader) (syms []symbol.Symbol, bad []string, err error) {
	for _, a := range args {
		if !strings.HasPrefix(a, "@") {
			s, err := symbol.Parse(a)
			if err != nil {
				return nil, nil, err
			}
			syms = append(syms, s)
			continue
		}
		var r io.Reader = stdin
		if a != "@-" {
			fh, err := os.Open(a[1:])
			if err != nil {
				return nil, nil, err
			}
			defer fh.Close()
			r = fh
		} else if stdin == nil {
			return nil, nil, errors.New("@-: no standard input")
		}
		s, b, err := readList(r)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", a, err)
		}
		syms = append(syms, s...)
		bad = append(bad, b...)
	}
	return syms, bad, nil
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
