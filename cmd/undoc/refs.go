package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/undoc/undoc/extract/convert"
)

const refsLong = `Lists the UN symbols a document cites (resolutions, decisions, documents),
once each, in the order they first appear, in canonical form. The output
feeds 'undoc fetch @-'.`

func newRefsCmd(e *env) *cobra.Command {
	var format string
	var all bool
	c := &cobra.Command{
		Use:   "refs [flags] FILE",
		Short: "List the UN symbols a document cites, one per line",
		Long:  refsLong,
		Args:  exactArgs(1, "one FILE (or - for standard input)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(cmd, format); err != nil {
				return err
			}
			return status(runRefs(cmd.Context(), e, format, all, args[0]))
		},
	}
	c.Flags().StringVar(&format, "format", "", "force the input format: "+strings.Join(inputFormats, ", "))
	c.Flags().BoolVar(&all, "all", false, "list every occurrence as 'symbol<TAB>kind<TAB>node<TAB>text'")
	return c
}

func runRefs(ctx context.Context, e *env, format string, all bool, name string) int {
	data, err := readInput(name, e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc refs: %v\n", err)
		return exitFailed
	}
	res, cerr := convert.Convert(ctx, convert.Input{Data: data, Name: name, Format: format}, convert.Options{})
	if cerr != nil {
		fmt.Fprintf(e.stderr, "undoc refs: %s: %v\n", name, cerr)
		return exitFailed
	}
	seen := map[string]bool{}
	for _, r := range res.Output.References {
		if all {
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
