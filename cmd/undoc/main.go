// Command undoc turns official United Nations documents into data: it
// fetches documents by symbol, extracts their Chinese text from PDF, text
// and HTML, segments it into programmes, subprogrammes, objectives, result
// tables and mandates, and writes structured JSON.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/rs/zerolog"
	"golang.org/x/term"
)

// Exit codes shared by the subcommands.
const (
	exitOK          = 0 // done
	exitFailed      = 1 // a document could not be read or fetched
	exitUsage       = 2 // wrong flags or arguments
	exitNoStructure = 3 // read, but no document structure recognised
	exitDiffers     = 1 // diff: the editions differ
)

const usage = `undoc turns UN documents into structured JSON.

Usage:
  undoc <command> [flags] [arguments]

Commands:
  parse FILE       read one document (text, PDF or HTML) and print its JSON
  refs FILE        list the UN symbols a document cites, one per line
  fetch SYMBOL...  download documents by UN symbol from ODS and undocs.org
                   (also @list.txt, or @- to read symbols from standard input)
  fakeun           serve fixture files the way the UN servers do, for tests and demos
  run INPUT...     convert a batch (symbols, files, folders, @lists) into a store;
                   unchanged documents are skipped, an interrupted run resumes
  export           write a store's documents as SQLite or CSV analysis tables
  diff OLD NEW     what changed between two editions (JSON, document files or stored symbols)
  schema           print the JSON Schema of the output (docs/output.md is the contract)

Run 'undoc <command> --help' for a command's flags.

Exit status:
  0  success
  1  a document could not be read (its JSON still says why, in diagnostics)
  2  wrong flags or arguments
  3  the document was read but no UN document structure was recognised

Logs go to standard error: coloured text on a terminal, JSON lines otherwise
(--log-format json|text to choose). Data goes to standard output.
`

type command struct {
	run func(ctx context.Context, env *env, args []string) int
}

// env is what a subcommand may use: its streams and the logger.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            zerolog.Logger
}

var commands = map[string]command{
	"parse":  {runParse},
	"refs":   {runRefs},
	"fetch":  {runFetch},
	"fakeun": {runFakeUN},
	"run":    {runRun},
	"export": {runExport},
	"diff":   {runDiff},
	"schema": {runSchema},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	logFormat, level := "", zerolog.InfoLevel
	for len(args) > 0 {
		switch a := args[0]; {
		case a == "-h" || a == "--help" || a == "help":
			fmt.Fprint(stdout, usage)
			return exitOK
		case a == "--version":
			fmt.Fprintln(stdout, "undoc", version())
			return exitOK
		case a == "-v" || a == "--verbose":
			level = zerolog.DebugLevel
			args = args[1:]
			continue
		case a == "-q" || a == "--quiet":
			level = zerolog.WarnLevel
			args = args[1:]
			continue
		case len(a) > 13 && a[:13] == "--log-format=":
			logFormat = a[13:]
			args = args[1:]
			continue
		}
		break
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "undoc: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, log: newLogger(stderr, logFormat, level)}
	return cmd.run(ctx, e, args[1:])
}

func newLogger(w io.Writer, format string, level zerolog.Level) zerolog.Logger {
	if format == "" {
		format = "json"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			format = "text"
		}
	}
	if format == "text" {
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: "15:04:05"}
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger()
}
