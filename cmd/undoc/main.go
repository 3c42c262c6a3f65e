// Command undoc turns official United Nations documents into data: it
// fetches documents by symbol, extracts their Chinese text from PDF, text
// and HTML, segments it into programmes, subprogrammes, objectives, result
// tables and mandates, and writes structured JSON.
//
// The command line is built with cobra (github.com/spf13/cobra): flags may
// come before or after the arguments, every command has --help on
// standard output, and `undoc completion bash|zsh|fish` writes completion
// scripts. Flag parsing lives here only; the library packages take
// options structs.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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

const rootLong = `undoc turns UN documents into structured JSON.

Run 'undoc COMMAND --help' for a command's flags. Flags may come before or
after the arguments.

Exit status:
  0  success
  1  a document could not be read, fetched or found (its JSON, when there is
     one, says why in diagnostics)
  2  wrong flags or arguments
  3  the document was read but no UN document structure was recognised

Logs go to standard error: coloured text on a terminal, JSON lines otherwise
(--log-format json|text to choose). Data goes to standard output.`

// env is what a subcommand may use: its streams and the logger.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            zerolog.Logger
	logFormat      string // --log-format as given ("" = by terminal)
	quiet          bool   // -q: warnings and errors only
}

// exitError ends a command with a status; msg, when set, is printed as one
// line on standard error.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// status turns a command's exit status into what cobra's RunE returns.
func status(code int) error {
	if code == exitOK {
		return nil
	}
	return &exitError{code: code}
}

// usagef is a one-line usage error of cmd, with a pointer to its help.
func usagef(cmd *cobra.Command, format string, a ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf("%s: %s (see '%s --help')",
		cmd.CommandPath(), fmt.Sprintf(format, a...), cmd.CommandPath())}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	}
	// cobra's own errors: an unknown command, a wrong number of arguments.
	fmt.Fprintln(stderr, "undoc: "+oneLine(err.Error())+" (see 'undoc --help')")
	return exitUsage
}

// oneLine folds cobra's "unknown command" message and its "Did you mean
// this?" list into one line.
func oneLine(s string) string {
	msg, sugg, ok := strings.Cut(s, "\n\nDid you mean this?\n")
	if !ok {
		return strings.Join(strings.Fields(s), " ")
	}
	return strings.TrimSpace(msg) + "; did you mean " + strings.Join(strings.Fields(sugg), " or ") + "?"
}

func newRoot(e *env) *cobra.Command {
	var verbose bool
	root := &cobra.Command{
		Use:           "undoc",
		Short:         "Turn UN documents into structured JSON",
		Long:          rootLong,
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		// Without a command: the usage on standard error, status 2.
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprint(e.stderr, cmd.UsageString())
			return &exitError{code: exitUsage, msg: "undoc: no command given"}
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			switch e.logFormat {
			case "", "json", "text":
			default:
				return usagef(cmd, "--log-format must be json or text, not %q", e.logFormat)
			}
			level := zerolog.InfoLevel
			switch {
			case verbose && e.quiet:
				return usagef(cmd, "-v and -q cannot go together")
			case verbose:
				level = zerolog.DebugLevel
			case e.quiet:
				level = zerolog.WarnLevel
			}
			e.log = newLogger(e.stderr, e.logFormat, level)
			return nil
		},
	}
	root.SetVersionTemplate("undoc {{.Version}}\n")
	pf := root.PersistentFlags()
	pf.BoolVarP(&verbose, "verbose", "v", false, "log debug detail too")
	pf.BoolVarP(&e.quiet, "quiet", "q", false, "log warnings and errors only (fetch: no progress lines)")
	pf.StringVar(&e.logFormat, "log-format", "", "log format on standard error: json or text (default text on a terminal, json otherwise)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usagef(cmd, "%s%s", err, flagSuggestion(cmd, err))
	})
	root.AddCommand(newParseCmd(e), newRefsCmd(e), newFetchCmd(e), newFakeUNCmd(e),
		newRunCmd(e), newExportCmd(e), newDiffCmd(e), newSchemaCmd(e))
	// undoc completion SHELL is cobra's; an unknown shell is a usage error
	// rather than the help with status 0.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return usagef(cmd, "needs a shell: bash, zsh, fish or powershell")
				}
				return usagef(cmd, "no completion for %q: bash, zsh, fish or powershell", args[0])
			}
		}
	}
	return root
}

// flagSuggestion names the flag an unknown --flag was probably meant to
// be: one whose name starts with it, or that it starts with.
func flagSuggestion(cmd *cobra.Command, err error) string {
	_, name, ok := strings.Cut(err.Error(), "unknown flag: --")
	if !ok || name == "" {
		return ""
	}
	var best string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if best == "" && !f.Hidden && (strings.HasPrefix(f.Name, name) || strings.HasPrefix(name, f.Name)) {
			best = f.Name
		}
	})
	if best == "" {
		return ""
	}
	return "; did you mean --" + best + "?"
}

// exactArgs checks the number of arguments with a one-line reason that
// names them.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef(cmd, "takes %s, got %d argument%s", what, len(args), plural(len(args)))
		}
		return nil
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
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
