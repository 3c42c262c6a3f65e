package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/undoc/undoc/extract/convert"
)

const refsUsage = `Usage: undoc refs [flags] FILE

Lists the UN symbols a document cites (resolutions, decisions, documents),
once each, in the order they first appear, in canonical form. The output
feeds 'undoc fetch @-'.

Flags:
`

func runRefs(ctx context.Context, e *env, args []string) int {
	fs := flag.NewFlagSet("refs", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "", "force the input format: text, pdf or html")
	all := fs.Bool("all", false, "list every occurrence as 'symbol<TAB>kind<TAB>node<TAB>text'")
	fs.Usage = func() { fmt.Fprint(e.stderr, refsUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	data, err := readInput(fs.Arg(0), e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc refs: %v\n", err)
		return exitFailed
	}
	res, cerr := convert.Convert(ctx, convert.Input{Data: data, Name: fs.Arg(0), Format: *format}, convert.Options{})
	if cerr != nil {
		fmt.Fprintf(e.stderr, "undoc refs: %s: %v\n", fs.Arg(0), cerr)
		return exitFailed
	}
	seen := map[string]bool{}
	for _, r := range res.Output.References {
		if *all {
			sym := ""
			if r.Symbol != nil {
				sym = *r.Symbol
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", sym, r.Kind, r.Node, r.Text)
			continue
		}
		if r.Symbol == nil || seen[*r.Symbol] {
			continue
		}
		seen[*r.Symbol] = true
		fmt.Fprintln(e.stdout, *r.Symbol)
	}
	return exitOK
}
