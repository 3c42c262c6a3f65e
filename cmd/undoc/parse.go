package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/undoc/undoc/extract/convert"
	"github.com/undoc/undoc/store/atomicfile"
	"github.com/undoc/undoc/store/emit"
)

// inputFormats are the values --format takes, as convert names them.
var inputFormats = []string{convert.FormatText, convert.FormatPDF, convert.FormatHTML, convert.FormatDocx}

// checkFormat accepts "" (detect) or one of inputFormats.
func checkFormat(cmd *cobra.Command, f string) error {
	if f == "" || slices.Contains(inputFormats, f) {
		return nil
	}
	return usagef(cmd, "--format must be %s, not %q", strings.Join(inputFormats, ", "), f)
}

const parseLong = `Reads one document and writes its JSON (schema_version 1, see
docs/output.md; 'undoc schema' prints its JSON Schema) to standard output.
FILE may be - for standard input.

The format is detected from the bytes (%PDF-, HTML markup) and the file
name; --format forces one. Text may be UTF-8 (with or without BOM),
UTF-16 with BOM, or GB18030/GBK; a guessed encoding is noted in diagnostics.`

type parseFlags struct {
	format, out, symbol, password string
	compact                       bool
}

func newParseCmd(e *env) *cobra.Command {
	var f parseFlags
	c := &cobra.Command{
		Use:   "parse [flags] FILE",
		Short: "Read one document (text, PDF or HTML) and print its JSON",
		Long:  parseLong,
		Args:  exactArgs(1, "one FILE (or - for standard input)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(cmd, f.format); err != nil {
				return err
			}
			return status(runParse(cmd.Context(), e, f, args[0]))
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.format, "format", "", "force the input format: "+strings.Join(inputFormats, ", "))
	fl.StringVarP(&f.out, "output", "o", "", "write the JSON to this file (atomically) instead of standard output")
	fl.BoolVar(&f.compact, "compact", false, "write the JSON on one line")
	fl.StringVar(&f.symbol, "symbol", "", "the document's UN symbol, when known")
	fl.StringVar(&f.password, "password", "", "open an encrypted PDF with this user or owner password (the empty password is always tried)")
	return c
}

func runParse(ctx context.Context, e *env, f parseFlags, name string) int {
	data, err := readInput(name, e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc parse: %v\n", err)
		return exitFailed
	}
	res, cerr := convert.Convert(ctx, convert.Input{Data: data, Name: name, Format: f.format, Symbol: f.symbol}, convert.Options{Password: f.password})
	b, err := emit.Marshal(res.Output, !f.compact)
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc parse: %s: %v\n", name, err)
		return exitFailed
	}
	if f.out != "" {
		err = atomicfile.Write(f.out, b, true)
	} else {
		_, err = e.stdout.Write(b)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc parse: %v\n", err)
		return exitFailed
	}
	switch {
	case cerr != nil:
		e.log.Error().Str("file", name).Err(cerr).Msg("document not read")
		return exitFailed
	case res.NoStructure:
		e.log.Warn().Str("file", name).Msg("no UN document structure recognised")
		return exitNoStructure
	}
	e.log.Debug().Str("file", name).Int("nodes", len(res.Output.Body)).Msg("parsed")
	return exitOK
}

// readInput reads a file, or standard input for "-".
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}
