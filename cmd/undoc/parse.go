package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/undoc/undoc/extract/convert"
	"github.com/undoc/undoc/store/atomicfile"
	"github.com/undoc/undoc/store/emit"
)

const parseUsage = `Usage: undoc parse [flags] FILE

Reads one document and writes its JSON (schema_version 1, see
docs/output.md; 'undoc schema' prints its JSON Schema) to standard output. FILE may be - for standard input.
The format is detected from the bytes (%%PDF-, HTML markup) and the file
name; --format forces one. Text may be UTF-8 (with or without BOM),
UTF-16 with BOM, or GB18030/GBK; a guessed encoding is noted in diagnostics.

Flags:
`

func runParse(ctx context.Context, e *env, args []string) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "", "force the input format: text, pdf or html")
	outPath := fs.String("o", "", "write the JSON to this file (atomically) instead of standard output")
	compact := fs.Bool("compact", false, "write the JSON on one line")
	symbol := fs.String("symbol", "", "the document's UN symbol, when known")
	fs.Usage = func() { fmt.Fprint(e.stderr, parseUsage); fs.PrintDefaults() }
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
	switch *format {
	case "", convert.FormatText, convert.FormatPDF, convert.FormatHTML:
	default:
		fmt.Fprintf(e.stderr, "undoc parse: --format must be text, pdf or html, not %q\n", *format)
		return exitUsage
	}
	name := fs.Arg(0)
	data, err := readInput(name, e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc parse: %v\n", err)
		return exitFailed
	}
	res, cerr := convert.Convert(ctx, convert.Input{Data: data, Name: name, Format: *format, Symbol: *symbol}, convert.Options{})
	b, err := emit.Marshal(res.Output, !*compact)
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc parse: %s: %v\n", name, err)
		return exitFailed
	}
	if *outPath != "" {
		err = atomicfile.Write(*outPath, b, true)
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
