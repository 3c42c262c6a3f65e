package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/undoc/undoc/store/diff"
	"github.com/undoc/undoc/store/model"
)

// batchSummary is what 'undoc diff OLD_DIR NEW_DIR' did: the sections it
// paired and compared, and the files it could not pair or read.
type batchSummary struct {
	Old        string            `json:"old"`
	New        string            `json:"new"`
	Sections   []batchSection    `json:"sections"`
	Unpaired   []batchUnpaired   `json:"unpaired"`
	Unreadable []batchUnreadable `json:"unreadable"`
}

type batchSection struct {
	Section   string                    `json:"section"`
	Old       string                    `json:"old"`
	New       string                    `json:"new"`
	Report    string                    `json:"report"`
	Identical bool                      `json:"identical"`
	Changes   int                       `json:"changes"`
	ByKind    map[string]map[string]int `json:"by_kind"`
}

type batchUnpaired struct {
	Side    string `json:"side"` // "old" or "new"
	File    string `json:"file"`
	Section string `json:"section,omitempty"`
	Reason  string `json:"reason"`
}

type batchUnreadable struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// sectRE finds the section in a budget symbol: "A/81/6 (Sect. 29C)".
var sectRE = regexp.MustCompile(`\(Sect\.\s*([0-9]+[A-Z]?)\)`)

// budgetSection is the budget section an output is, "" when it says none.
func budgetSection(o *model.Output) string {
	if b := o.Document.Budget; b != nil && b.Section != nil && b.Section.Number != "" {
		return b.Section.Number
	}
	if s := o.Document.Symbol; s != nil {
		if m := sectRE.FindStringSubmatch(*s); m != nil {
			return m[1]
		}
	}
	return ""
}

// sectionLess orders sections as the budget does: 2, 10, 29A, 29C.
func sectionLess(a, b string) bool {
	na, _ := strconv.Atoi(strings.TrimRight(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	nb, _ := strconv.Atoi(strings.TrimRight(b, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	if na != nb {
		return na < nb
	}
	return a < b
}

// isDir tells whether a name is a directory.
func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

// runDiffDirs compares two directories of budget sections, section by
// section, writing one report per section into f.out and a summary there
// and on standard output. A file that cannot be read is named in the
// summary and the others are still compared.
func runDiffDirs(cmd *cobra.Command, e *env, f diffFlags, only []string, dirs []string) int {
	if f.out == "" {
		fmt.Fprintln(e.stderr, "undoc diff: comparing two directories needs --out DIR for the reports")
		return exitUsage
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
		return exitDiffTrouble
	}
	src := sides{stdin: e.stdin, store: f.store, lang: f.lang}
	sum := batchSummary{Old: dirs[0], New: dirs[1], Sections: []batchSection{}, Unpaired: []batchUnpaired{}, Unreadable: []batchUnreadable{}}
	type doc struct {
		file string
		out  *model.Output
	}
	var bySection [2]map[string]doc
	for i, dir := range dirs {
		side := [2]string{"old", "new"}[i]
		bySection[i] = map[string]doc{}
		entries, err := os.ReadDir(dir)
		if err != nil {
			fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
			return exitDiffTrouble
		}
		for _, de := range entries {
			if de.IsDir() || !fileLike(de.Name()) {
				continue
			}
			path := filepath.Join(dir, de.Name())
			o, err := src.load(cmd.Context(), path)
			if err != nil {
				sum.Unreadable = append(sum.Unreadable, batchUnreadable{File: path, Error: err.Error()})
				continue
			}
			sec := budgetSection(o)
			switch prev, dup := bySection[i][sec]; {
			case sec == "":
				sum.Unpaired = append(sum.Unpaired, batchUnpaired{Side: side, File: path, Reason: "not a budget section (no section number, no \"(Sect. N)\" in its symbol)"})
			case dup:
				sum.Unpaired = append(sum.Unpaired, batchUnpaired{Side: side, File: path, Section: sec, Reason: "section " + sec + " is already read from " + prev.file})
			default:
				bySection[i][sec] = doc{path, o}
			}
		}
	}
	var secs []string
	for sec := range bySection[0] {
		if _, ok := bySection[1][sec]; ok {
			secs = append(secs, sec)
		}
	}
	for i, side := range []string{"old", "new"} {
		for sec, d := range bySection[i] {
			if _, ok := bySection[1-i][sec]; !ok {
				sum.Unpaired = append(sum.Unpaired, batchUnpaired{Side: side, File: d.file, Section: sec, Reason: "no section " + sec + " in the " + [2]string{"new", "old"}[i] + " directory"})
			}
		}
	}
	sort.Slice(sum.Unpaired, func(i, j int) bool { return sum.Unpaired[i].File < sum.Unpaired[j].File })
	sort.Slice(secs, func(i, j int) bool { return sectionLess(secs[i], secs[j]) })
	ext := map[string]string{"json": ".json", "markdown": ".md", "text": ".txt"}[f.format]
	differ := len(sum.Unpaired) > 0
	var all []diff.Section
	for _, sec := range secs {
		o, n := bySection[0][sec], bySection[1][sec]
		rep := diff.Compare(o.out, n.out).Only(only...)
		path := filepath.Join(f.out, "changes.sqlite")
		if f.format == "sqlite" {
			all = append(all, diff.Section{Name: sec, Report: rep})
		} else {
			b, err := renderReport(rep, f.format, false)
			if err != nil {
				fmt.Fprintf(e.stderr, "undoc diff: section %s: %v\n", sec, err)
				return exitDiffTrouble
			}
			path = filepath.Join(f.out, "sect-"+sec+ext)
			if err := os.WriteFile(path, b, 0o644); err != nil {
				fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
				return exitDiffTrouble
			}
		}
		differ = differ || !rep.Identical
		sum.Sections = append(sum.Sections, batchSection{Section: sec, Old: o.file, New: n.file, Report: path,
			Identical: rep.Identical, Changes: len(rep.Changes), ByKind: rep.ByKind})
	}
	if f.format == "sqlite" {
		if err := diff.WriteSQLite(cmd.Context(), filepath.Join(f.out, "changes.sqlite"), all); err != nil {
			fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
			return exitDiffTrouble
		}
	}
	js, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
		return exitDiffTrouble
	}
	js = append(js, '\n')
	if err := os.WriteFile(filepath.Join(f.out, "summary.json"), js, 0o644); err != nil {
		fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
		return exitDiffTrouble
	}
	out := js
	if f.format == "text" || f.format == "markdown" {
		out = renderBatchSummary(&sum, f.format == "markdown")
	}
	if _, err := e.stdout.Write(out); err != nil {
		fmt.Fprintf(e.stderr, "undoc diff: %v\n", err)
		return exitDiffTrouble
	}
	switch {
	case len(sum.Unreadable) > 0:
		for _, u := range sum.Unreadable {
			fmt.Fprintf(e.stderr, "undoc diff: %s: %s\n", u.File, u.Error)
		}
		return exitDiffTrouble
	case differ:
		return exitDiffers
	}
	return exitOK
}

// renderBatchSummary writes the summary for reading: a table of sections
// with their counts by kind, then the files not compared.
func renderBatchSummary(s *batchSummary, markdown bool) []byte {
	var b strings.Builder
	esc := plain
	if markdown {
		esc = mdEscape.Replace
		fmt.Fprintf(&b, "# Changes from %s to %s\n\n| Section | Old | New | Changes | By kind |\n|---|---|---|---:|---|\n", esc(s.Old), esc(s.New))
	} else {
		fmt.Fprintf(&b, "--- %s\n+++ %s\n", s.Old, s.New)
	}
	for _, sec := range s.Sections {
		kinds := make([]string, 0, len(sec.ByKind))
		for k, chs := range sec.ByKind {
			names := make([]string, 0, len(chs))
			for ch := range chs {
				names = append(names, ch)
			}
			sort.Strings(names)
			parts := make([]string, len(names))
			for i, ch := range names {
				parts[i] = fmt.Sprintf("%d %s", chs[ch], ch)
			}
			kinds = append(kinds, k+": "+strings.Join(parts, ", "))
		}
		sort.Strings(kinds)
		if markdown {
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", sec.Section, esc(filepath.Base(sec.Old)), esc(filepath.Base(sec.New)), sec.Changes, esc(strings.Join(kinds, "; ")))
		} else {
			fmt.Fprintf(&b, "Sect. %s  %s → %s  %d changes  %s\n", sec.Section, filepath.Base(sec.Old), filepath.Base(sec.New), sec.Changes, strings.Join(kinds, "; "))
		}
	}
	if len(s.Unpaired)+len(s.Unreadable) > 0 {
		if markdown {
			b.WriteString("\n## Not compared\n\n")
		} else {
			b.WriteString("\nNot compared:\n")
		}
		for _, u := range s.Unpaired {
			fmt.Fprintf(&b, "- %s %s: %s\n", u.Side, esc(u.File), esc(u.Reason))
		}
		for _, u := range s.Unreadable {
			fmt.Fprintf(&b, "- %s: not read: %s\n", esc(u.File), esc(u.Error))
		}
	}
	return []byte(b.String())
}
