package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/undoc/undoc/extract/convert"
	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/diff"
	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/model"
	storerun "github.com/undoc/undoc/store/run"
)

// exitDiffTrouble: diff could not read one of the editions (as in diff(1)).
const exitDiffTrouble = 2

const diffLong = `Reports what changed from one edition of a UN document to the next:
programmes, subprogrammes and components added, removed, renamed or
renumbered; objectives reworded; expected accomplishments and indicators
added, removed, reworded (with a character-level diff), moved to another
parent or renumbered; mandates added or removed; captioned tables (表 n)
added, removed or retitled, their rows added or removed, their cells
changed.

OLD and NEW are each the JSON written by 'undoc parse', a document file
(text, PDF or HTML; parsed on the fly), - for standard input (one side
only), or a UN symbol already converted into the store by 'undoc run'
(fetched by symbol, or read from a file whose symbol is known).

Output: --format text (readable; coloured on a terminal), markdown (for
budget sections: grouped by subprogramme, mandates and deliverables as
tables), json (machine-readable, described in README.md), or sqlite:
a database at --out FILE with one row per change (table changes) and
the editions compared (table editions). The default is text on a
terminal and json otherwise.

OLD_DIR and NEW_DIR: two directories of budget sections (any of the
above files), paired by section (document.budget.section, else the
"(Sect. N)" of the symbol); one report per section goes into --out DIR
as sect-N.json (.md, .txt; with --format sqlite, all sections go into
DIR/changes.sqlite), with summary.json naming the unpaired and
unreadable files; the summary is also written to standard output.

Exit status: 0 the editions are identical; 1 they differ; 2 wrong flags or
arguments, or an edition could not be read.`

type diffFlags struct{ format, store, lang, only, out string }

func newDiffCmd(e *env) *cobra.Command {
	var f diffFlags
	defStore, _ := storerun.DefaultDir()
	c := &cobra.Command{
		Use:   "diff [flags] OLD NEW | OLD_DIR NEW_DIR",
		Short: "What changed between two editions (JSON, document files or stored symbols)",
		Long:  diffLong,
		Args:  exactArgs(2, "two editions, OLD and NEW"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return status(runDiff(cmd, e, f, args))
		},
	}
	c.Flags().StringVar(&f.format, "format", "", "output: text, markdown, json, or sqlite into --out (default: text on a terminal, json otherwise)")
	c.Flags().StringVar(&f.store, "store", defStore, "store directory, for editions given by UN symbol")
	c.Flags().StringVar(&f.lang, "lang", "zh", "language of editions given by UN symbol")
	c.Flags().StringVar(&f.out, "out", "", "the SQLite file of --format sqlite; with two directories, where to write the reports and summary.json")
	c.Flags().StringVar(&f.only, "only", "", "report only these kinds, comma-separated: mandates, results, deliverables, objectives, paragraphs, tables, subprogrammes, …")
	return c
}

func runDiff(cmd *cobra.Command, e *env, f diffFlags, names []string) int {
	ctx := cmd.Context()
	format, storeDir, lang := &f.format, &f.store, &f.lang
	if names[0] == "-" && names[1] == "-" {
		fmt.Fprintln(e.stderr, "undoc diff: only one edition can be read from standard input")
		return exitUsage
	}
	terminal := isTerminal(e.stdout)
	switch *format {
	case "":
		*format = "json"
		if terminal {
			*format = "text"
		}
	case "text", "markdown", "json", "sqlite":
	default:
		fmt.Fprintf(e.stderr, "undoc diff: --format must be text, markdown, json or sqlite, not %q\n", *format)
		return exitUsage
	}
	only, err := onlyKinds(f.only)
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc diff: --only: %v\n", err)
		return exitUsage
	}
	if *format == "sqlite" && f.out == "" {
		fmt.Fprintln(e.stderr, "undoc diff: --format sqlite needs --out FILE (with two directories, --out DIR)")
		return exitUsage
	}
	if isDir(names[0]) && isDir(names[1]) {
		return runDiffDirs(cmd, e, f, only, names)
	}
	src := sides{stdin: e.stdin, store: *storeDir, lang: *lang}
	var outs [2]*model.Output
	for i, name := range names {
		o, err := src.load(ctx, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "undoc diff: %s: %v\n", name, err)
			return exitDiffTrouble
		}
		outs[i] = o
	}
	rep := diff.Compare(outs[0], outs[1]).Only(only...)
	if *format == "sqlite" {
		if err := diff.WriteSQLite(ctx, f.out, []diff.Section{{Name: "", Report: rep}}); err != nil {
			fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
			return exitDiffTrouble
		}
		fmt.Fprintf(e.stdout, "%s: %s\n", f.out, summary(rep))
		if rep.Identical {
			return exitOK
		}
		return exitDiffers
	}
	b, err := renderReport(rep, *format, terminal && os.Getenv("NO_COLOR") == "")
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
		return exitDiffTrouble
	}
	if _, err := e.stdout.Write(b); err != nil {
		fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
		return exitDiffTrouble
	}
	e.log.Debug().Int("changes", len(rep.Changes)).Msg("diff")
	if rep.Identical {
		return exitOK
	}
	return exitDiffers
}

// renderReport writes a report in an output format.
func renderReport(rep *diff.Report, format string, color bool) ([]byte, error) {
	switch format {
	case "json":
		return diff.Marshal(rep)
	case "markdown":
		return renderMarkdown(rep), nil
	}
	return renderText(rep, color), nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// sides reads editions.
type sides struct {
	stdin io.Reader
	store string
	lang  string
}

// load reads one edition: a JSON output, a document file, standard input,
// or a symbol's output in the store.
func (s sides) load(ctx context.Context, name string) (*model.Output, error) {
	data, err := readInput(name, s.stdin)
	if errors.Is(err, os.ErrNotExist) {
		if sym, serr := symbol.Parse(name); serr == nil && !fileLike(name) {
			return s.fromStore(ctx, sym)
		}
	}
	if err != nil {
		return nil, err
	}
	if isOutputJSON(data) {
		return readOutput(data)
	}
	res, err := convert.Convert(ctx, convert.Input{Data: data, Name: name}, convert.Options{})
	if err != nil {
		return nil, fmt.Errorf("not read: %w", err)
	}
	if res.NoStructure {
		return nil, errors.New("no UN document structure recognised")
	}
	return res.Output, nil
}

// fileLike tells a path with a document's extension from a symbol such as
// A/69/6/Rev.1, which has a dot but no such extension.
func fileLike(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".txt", ".pdf", ".html", ".htm", ".docx":
		return true
	}
	return false
}

// isOutputJSON tells undoc's JSON from a document: it is an object.
func isOutputJSON(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '{'
}

func readOutput(b []byte) (*model.Output, error) {
	o, err := emit.Read(b)
	if err != nil {
		return nil, fmt.Errorf("not undoc JSON: %w", err)
	}
	if o.SchemaVersion != model.SchemaVersion {
		return nil, fmt.Errorf("schema_version %q, want %q", o.SchemaVersion, model.SchemaVersion)
	}
	return o, nil
}

// fromStore reads the output that 'undoc run' stored for a symbol.
func (s sides) fromStore(ctx context.Context, sym symbol.Symbol) (*model.Output, error) {
	if s.store == "" {
		return nil, errors.New("no such file, and no store to look the symbol up in (--store)")
	}
	path := filepath.Join(s.store, catalog.FileName)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no such file, and no store at %s to look the symbol up in", s.store)
	}
	lang, err := symbol.ParseLang(s.lang)
	if err != nil {
		return nil, err
	}
	cat, err := catalog.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	defer cat.Close()
	doc, ok, err := cat.BySymbol(ctx, sym.String(), lang)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, fmt.Errorf("not in the store %s (convert it first: undoc run %s)", s.store, sym)
	case !doc.Done() || doc.JSONPath == "":
		return nil, fmt.Errorf("in the store, but not read: %s", doc.Error)
	}
	b, err := os.ReadFile(filepath.Join(s.store, filepath.FromSlash(doc.JSONPath)))
	if err != nil {
		return nil, err
	}
	return readOutput(b)
}

// kindNames are the names --only takes, plural as a reader says them,
// and the kinds of change they select.
var kindNames = map[string][]string{
	"mandates":        {diff.KindMandate},
	"results":         {diff.KindResult},
	"deliverables":    {diff.KindDeliverable},
	"objectives":      {diff.KindObjective},
	"tables":          {diff.KindTable, diff.KindRow, diff.KindCell},
	"programmes":      {diff.KindProgramme},
	"subprogrammes":   {diff.KindSubprogramme},
	"components":      {diff.KindComponent},
	"accomplishments": {diff.KindAccomplishment},
	"indicators":      {diff.KindIndicator},
	"paragraphs":      {diff.KindParagraph},
}

// onlyKinds reads --only: names from kindNames, singular or plural.
func onlyKinds(s string) ([]string, error) {
	var kinds []string
	for _, name := range strings.Split(s, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		ks, ok := kindNames[name]
		if !ok {
			ks, ok = kindNames[name+"s"]
		}
		if !ok {
			names := make([]string, 0, len(kindNames))
			for k := range kindNames {
				names = append(names, k)
			}
			sort.Strings(names)
			return nil, fmt.Errorf("unknown kind %q (known: %s)", name, strings.Join(names, ", "))
		}
		kinds = append(kinds, ks...)
	}
	return kinds, nil
}

// Rendering.

// chinese is how a unit is printed in the document.
var chinese = map[string]string{
	diff.KindProgramme:    "方案",
	diff.KindSubprogramme: "次级方案",
	diff.KindComponent:    "构成部分",
	diff.KindTable:        "表",
	diff.KindResult:       "result",
}

// where names an entry: its id and, as printed, its number, marker or
// mandate symbol; f formats the id and the rest.
func where(kind string, en *diff.Entry, f notation) string {
	s := ""
	switch {
	case en.Number != nil:
		s += " " + chinese[kind] + " " + strconv.Itoa(*en.Number)
	case en.Marker != nil:
		s += " " + *en.Marker
	case en.Cell != nil:
		s += " " + cellName(en.Cell)
	case kind == diff.KindParagraph && en.Label != nil:
		s += " ¶ " + *en.Label
	case en.Mandate != nil:
		m := en.Mandate
		sym := m.Number
		if m.Symbol != nil {
			sym = *m.Symbol
		}
		var ctx []string
		if m.Subprogramme != nil {
			ctx = append(ctx, "次级方案 "+strconv.Itoa(*m.Subprogramme))
		}
		if m.Category != nil {
			ctx = append(ctx, *m.Category)
		}
		s += " " + sym
		if len(ctx) > 0 {
			s += " (" + strings.Join(ctx, ", ") + ")"
		}
	}
	if en.Subprogramme != nil {
		s = " subprogramme " + strconv.Itoa(*en.Subprogramme) + s
	}
	return f.code(en.ID) + f.text(s)
}

// cellName names a table row or cell as a reader finds it: "第 2 行 (员额)
// 第 3 列 (2018-2019年)", "表头 第 2 列".
func cellName(c *diff.Cell) string {
	s := "表头"
	if c.Row > 0 {
		s = fmt.Sprintf("第 %d 行", c.Row)
		if c.RowLabel != "" {
			s += " (" + c.RowLabel + ")"
		}
	}
	if c.Col > 0 {
		s += fmt.Sprintf(" 第 %d 列", c.Col)
		if c.Column != "" {
			s += " (" + c.Column + ")"
		}
	}
	return s
}

// notation writes ids and text in an output format.
type notation struct{ code, text func(string) string }

func plain(s string) string { return s }

var (
	textFormat     = notation{plain, plain}
	markdownFormat = notation{func(s string) string { return "`" + s + "`" }, mdEscape.Replace}
)

// subject is the entry a change is about, "old → new" when it moved.
func subject(c diff.Change, f notation) string {
	switch {
	case c.Old == nil:
		return where(c.Kind, c.New, f)
	case c.New == nil:
		return where(c.Kind, c.Old, f)
	}
	o, n := where(c.Kind, c.Old, f), where(c.Kind, c.New, f)
	if o == n {
		return o
	}
	return o + " → " + n
}

// printed is the text of an added or removed entry as printed.
func printed(en *diff.Entry) string {
	if en.Mandate != nil {
		return en.Mandate.Number + " " + en.Text
	}
	return en.Text
}

// summary is "6 changes: 2 added, 1 moved, …".
func summary(r *diff.Report) string {
	if r.Identical {
		return "no changes"
	}
	keys := make([]string, 0, len(r.Summary))
	for k := range r.Summary {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", r.Summary[k], k)
	}
	n := len(r.Changes)
	noun := "changes"
	if n == 1 {
		noun = "change"
	}
	return fmt.Sprintf("%d %s: %s", n, noun, strings.Join(parts, ", "))
}

func sideName(s diff.Side) string {
	name := s.URI
	if s.Symbol != nil {
		name = *s.Symbol + " " + s.URI
	}
	if s.Format != "" {
		name += " (" + s.Format + ")"
	}
	return name
}

// ANSI styles for the text format on a terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDel    = "\x1b[31;9m" // red, struck through
	ansiIns    = "\x1b[32;4m" // green, underlined
)

// renderText writes the report for reading: with colours on a terminal,
// else with [-deleted-] and {+inserted+} marks as wdiff does.
func renderText(r *diff.Report, color bool) []byte {
	var b strings.Builder
	paint := func(style, s string) string {
		if !color {
			return s
		}
		return style + s + ansiReset
	}
	del := func(s string) string {
		if color {
			return ansiDel + s + ansiReset
		}
		return "[-" + s + "-]"
	}
	ins := func(s string) string {
		if color {
			return ansiIns + s + ansiReset
		}
		return "{+" + s + "+}"
	}
	fmt.Fprintf(&b, "%s\n%s\n%s\n", paint(ansiBold, "--- "+sideName(r.Old)), paint(ansiBold, "+++ "+sideName(r.New)), summary(r))
	for _, c := range r.Changes {
		style := ansiYellow
		switch c.Change {
		case diff.Added:
			style = ansiGreen
		case diff.Removed:
			style = ansiRed
		}
		fmt.Fprintf(&b, "\n%s  %s", paint(style+ansiBold, c.Kind+" "+c.Change), subject(c, textFormat))
		if c.Similarity != nil {
			fmt.Fprintf(&b, "  (similarity %.3f)", *c.Similarity)
		}
		b.WriteString("\n  ")
		switch {
		case c.Old == nil:
			b.WriteString(ins(printed(c.New)))
		case c.New == nil:
			b.WriteString(del(printed(c.Old)))
		case len(c.Diff) > 0:
			for _, ed := range c.Diff {
				switch ed.Op {
				case diff.OpDelete:
					b.WriteString(del(ed.Text))
				case diff.OpInsert:
					b.WriteString(ins(ed.Text))
				default:
					b.WriteString(ed.Text)
				}
			}
		default:
			b.WriteString(c.New.Text)
		}
		if d := c.Deliverable; d != nil && d.Column != "" {
			fmt.Fprintf(&b, "\n  %s: %s → %s", d.Column, value(d.OldValue), value(d.NewValue))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// value prints a deliverable's value, "–" for none.
func value(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// mdEscape keeps text from being read as Markdown or HTML.
var mdEscape = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `~`, `\~`, `|`, `\|`, `#`, `\#`,
	`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`)

// renderMarkdown writes the report as a Markdown list, deletions and
// insertions as <del> and <ins> (emphasis markers do not work next to CJK
// punctuation).
func renderMarkdown(r *diff.Report) []byte {
	if budgetFormat(r) {
		return renderBudgetMarkdown(r)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Changes from %s to %s\n\n%s.\n", mdEscape.Replace(sideName(r.Old)), mdEscape.Replace(sideName(r.New)), summary(r))
	if len(r.Changes) > 0 {
		b.WriteByte('\n')
	}
	mdList(&b, r.Changes)
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

// mdList writes changes as a Markdown list.
func mdList(b *strings.Builder, changes []diff.Change) {
	for _, c := range changes {
		fmt.Fprintf(b, "- **%s %s** %s", c.Kind, c.Change, subject(c, markdownFormat))
		if c.Similarity != nil {
			fmt.Fprintf(b, " (similarity %.3f)", *c.Similarity)
		}
		b.WriteString("\n\n  ")
		switch {
		case c.Old == nil:
			b.WriteString("<ins>" + mdEscape.Replace(printed(c.New)) + "</ins>")
		case c.New == nil:
			b.WriteString("<del>" + mdEscape.Replace(printed(c.Old)) + "</del>")
		case len(c.Diff) > 0:
			mdEdits(b, c.Diff)
		default:
			b.WriteString(mdEscape.Replace(c.New.Text))
		}
		b.WriteString("\n\n")
	}
}

// mdEdits writes a character diff, deletions and insertions as <del> and
// <ins>.
func mdEdits(b *strings.Builder, edits []diff.Edit) {
	for _, ed := range edits {
		t := mdEscape.Replace(ed.Text)
		switch ed.Op {
		case diff.OpDelete:
			b.WriteString("<del>" + t + "</del>")
		case diff.OpInsert:
			b.WriteString("<ins>" + t + "</ins>")
		default:
			b.WriteString(t)
		}
	}
}

// budgetFormat tells a report on budget sections in the format since 2020
// (results and deliverables) from one on older programme plans.
func budgetFormat(r *diff.Report) bool {
	for _, c := range r.Changes {
		if c.Kind == diff.KindResult || c.Kind == diff.KindDeliverable {
			return true
		}
	}
	return false
}

// changeGroup is the subprogramme a change belongs to: 0 for the whole
// section, -1 for a change not placed by subprogramme.
func changeGroup(c diff.Change) int {
	en := c.New
	if en == nil {
		en = c.Old
	}
	var sp *int
	switch {
	case c.Deliverable != nil:
		sp = c.Deliverable.Subprogramme
	case en.Mandate != nil:
		sp = en.Mandate.Subprogramme
	case c.Kind == diff.KindResult || c.Kind == diff.KindObjective:
		sp = en.Subprogramme
	default:
		return -1
	}
	if sp == nil {
		return 0
	}
	return *sp
}

// renderBudgetMarkdown writes a report on budget sections grouped by
// subprogramme: mandates and deliverables as tables, results and
// objectives as lists with their character diffs; then the other changes.
func renderBudgetMarkdown(r *diff.Report) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Changes from %s to %s\n\n%s.\n\n", mdEscape.Replace(sideName(r.Old)), mdEscape.Replace(sideName(r.New)), summary(r))
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	b.WriteString("| Kind | Change | Count |\n|---|---|---:|\n")
	for _, k := range kinds {
		chs := make([]string, 0, len(r.ByKind[k]))
		for ch := range r.ByKind[k] {
			chs = append(chs, ch)
		}
		sort.Strings(chs)
		for _, ch := range chs {
			fmt.Fprintf(&b, "| %s | %s | %d |\n", k, ch, r.ByKind[k][ch])
		}
	}
	groups := map[int][]diff.Change{}
	for _, c := range r.Changes {
		g := changeGroup(c)
		groups[g] = append(groups[g], c)
	}
	keys := make([]int, 0, len(groups))
	for g := range groups {
		if g >= 0 {
			keys = append(keys, g)
		}
	}
	sort.Ints(keys)
	for _, g := range keys {
		if g == 0 {
			b.WriteString("\n## Whole section\n")
		} else {
			fmt.Fprintf(&b, "\n## Subprogramme %d\n", g)
		}
		mdBudgetGroup(&b, groups[g])
	}
	if other := groups[-1]; len(other) > 0 {
		b.WriteString("\n## Other changes\n\n")
		mdList(&b, other)
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

// mdBudgetGroup writes the changes of one subprogramme by kind.
func mdBudgetGroup(b *strings.Builder, changes []diff.Change) {
	by := map[string][]diff.Change{}
	for _, c := range changes {
		by[c.Kind] = append(by[c.Kind], c)
	}
	md := mdEscape.Replace
	if cs := by[diff.KindMandate]; len(cs) > 0 {
		b.WriteString("\n### Mandates\n\n| Change | Number | Symbol | Category | Title |\n|---|---|---|---|---|\n")
		for _, c := range cs {
			en := c.New
			if en == nil {
				en = c.Old
			}
			m := en.Mandate
			sym, cat := "", ""
			if m.Symbol != nil {
				sym = *m.Symbol
			}
			if m.Category != nil {
				cat = *m.Category
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", c.Change, md(m.Number), md(sym), md(cat), md(en.Text))
		}
	}
	if cs := by[diff.KindObjective]; len(cs) > 0 {
		b.WriteString("\n### Objective\n\n")
		for _, c := range cs {
			fmt.Fprintf(b, "- **%s**", c.Change)
			if c.Similarity != nil {
				fmt.Fprintf(b, " (similarity %.3f)", *c.Similarity)
			}
			b.WriteString(": ")
			switch {
			case c.Old == nil:
				b.WriteString("<ins>" + md(c.New.Text) + "</ins>")
			case c.New == nil:
				b.WriteString("<del>" + md(c.Old.Text) + "</del>")
			default:
				mdEdits(b, c.Diff)
			}
			b.WriteString("\n")
		}
	}
	if cs := by[diff.KindResult]; len(cs) > 0 {
		b.WriteString("\n### Results\n\n")
		for _, c := range cs {
			fmt.Fprintf(b, "- **%s** %s: ", c.Change, resultPlaces(c))
			switch {
			case c.Old == nil:
				b.WriteString("<ins>" + md(c.New.Text) + "</ins>")
			case c.New == nil:
				b.WriteString("<del>" + md(c.Old.Text) + "</del>")
			case len(c.Diff) > 0:
				mdEdits(b, c.Diff)
			default:
				b.WriteString(md(c.New.Text))
			}
			b.WriteString("\n")
		}
	}
	if cs := by[diff.KindDeliverable]; len(cs) > 0 {
		b.WriteString("\n### Deliverables\n\n| Change | Category | Deliverable | Column | Old | New |\n|---|---|---|---|---:|---:|\n")
		for _, c := range cs {
			d := c.Deliverable
			text := md(d.Text)
			if d.Row != "" {
				text = md(d.Row) + " › " + text
			}
			if c.Change == diff.Reworded {
				var t strings.Builder
				mdEdits(&t, c.Diff)
				text = t.String()
			}
			oldV, newV := "", ""
			if d.Column != "" {
				oldV, newV = value(d.OldValue), value(d.NewValue)
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", c.Change, md(d.Category), text, md(d.Column), oldV, newV)
		}
	}
}

// resultPlaces is "result 2 → result 1" (with the subprogramme when it
// changed), or "result 1".
func resultPlaces(c diff.Change) string {
	name := func(en *diff.Entry, withSP bool) string {
		s := "result"
		if en.Number != nil {
			s += " " + strconv.Itoa(*en.Number)
		}
		if withSP && en.Subprogramme != nil {
			s = "subprogramme " + strconv.Itoa(*en.Subprogramme) + " " + s
		}
		return s
	}
	switch {
	case c.Old == nil:
		return name(c.New, false)
	case c.New == nil:
		return name(c.Old, false)
	}
	moved := (c.Old.Subprogramme == nil) != (c.New.Subprogramme == nil) ||
		(c.Old.Subprogramme != nil && c.New.Subprogramme != nil && *c.Old.Subprogramme != *c.New.Subprogramme)
	o, n := name(c.Old, moved), name(c.New, moved)
	if o == n {
		return o
	}
	return o + " → " + n
}
