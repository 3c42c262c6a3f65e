package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/model"
)

func fp(f float64) *float64 { return &f }
func ip(i int) *int         { return &i }
func sp(s string) *string   { return &s }

// budgetEdition is a one-subprogramme budget section of the format since
// 2020: a mandate, a result and a deliverables table.
func budgetEdition(year int, mandate, result string, meetings2026 float64) *model.Output {
	cols := []string{"2024 planned", "2024 actual", "2025 planned", "2026 planned"}
	vals := []*float64{fp(46), fp(31), fp(46), fp(meetings2026)}
	if year == 2027 {
		cols = []string{"2025 planned", "2025 actual", "2026 planned", "2027 planned"}
		vals = []*float64{fp(46), fp(41), fp(meetings2026), fp(56)}
	}
	return &model.Output{SchemaVersion: model.SchemaVersion, Document: model.Document{Source: model.Source{Format: "pdf", URI: "file:A_" + mandate}},
		Body: []*model.Node{
			{Kind: model.KindSection, ID: "secA", Children: []*model.Node{{Kind: model.KindMandates, ID: "secA/mandates/list",
				Groups: []*model.MandateGroup{{Subprogramme: ip(1), Category: sp("General Assembly resolutions"),
					Items: []*model.Mandate{{Number: mandate, Symbol: sp("A/RES/" + mandate), Title: "Least developed countries"}}}}}}},
			{Kind: model.KindSubprogramme, ID: "sp1", Number: ip(1), Title: "Least developed countries", Children: []*model.Node{
				{Kind: model.KindResult, ID: "sp1/result1", Number: ip(1), Title: result},
				{Kind: model.KindDeliverables, ID: "sp1/deliverables/table10.5", Columns: cols, Categories: []*model.DeliverableCategory{{
					Label: "A", Title: "Facilitation of the intergovernmental process and expert bodies",
					Rows: []*model.DeliverableRow{{Text: "Substantive services for meetings (number of three-hour meetings)", Values: vals}}}}},
			}},
		}}
}

func TestDiffBudgetReports(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, o *model.Output) string {
		b, err := emit.Marshal(o, true)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	old := write("old.json", budgetEdition(2026, "65/280", "a new food stockholding mechanism to reduce food insecurity", 48))
	new := write("new.json", budgetEdition(2027, "80/150", "improved tertiary education options through an online university", 50))
	cases := []struct {
		name         string
		args         []string
		code         int
		want, unwant []string
	}{
		{"markdown grouped by subprogramme", []string{"--format", "markdown"}, exitDiffers,
			[]string{"## Subprogramme 1\n", "### Mandates\n", "| removed | 65/280 | A/RES/65/280 | General Assembly resolutions |",
				"| added | 80/150 |", "### Results\n", "- **added** result 1: <ins>improved tertiary",
				"### Deliverables\n", "| changed | A. Facilitation of the intergovernmental process and expert bodies | Substantive services for meetings (number of three-hour meetings) | 2026 planned | 48 | 50 |",
				"| deliverable | changed | 1 |", "| mandate | added | 1 |"},
			[]string{"2025 planned"}},
		{"only results", []string{"--format", "markdown", "--only", "results"}, exitDiffers,
			[]string{"### Results\n", "2 changes: 1 added, 1 removed."}, []string{"### Mandates", "### Deliverables"}},
		{"only mandates and deliverables, singular", []string{"--format", "json", "--only", "mandate, deliverables"}, exitDiffers,
			[]string{`"kind": "mandate"`, `"column": "2026 planned"`, `"old_value": 48`, `"new_value": 50`}, []string{`"kind": "result"`}},
		{"text shows the column", []string{"--format", "text"}, exitDiffers,
			[]string{"deliverable changed", "2026 planned: 48 → 50", "result added  sp1/result1 subprogramme 1 result 1"}, nil},
		{"unknown kind", []string{"--only", "paragraphz"}, exitUsage, nil, nil},
		{"sqlite without --out", []string{"--format", "sqlite"}, exitUsage, nil, nil},
		{"sqlite", []string{"--format", "sqlite", "--out", filepath.Join(dir, "c.sqlite")}, exitDiffers,
			[]string{"c.sqlite: 5 changes: 2 added, 1 changed, 2 removed"}, nil},
		{"only a kind with no change", []string{"--format", "text", "--only", "objectives"}, exitOK, []string{"no changes"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", append(append([]string{"diff"}, c.args...), old, new)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errs)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range c.unwant {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestDiffDirs: two directories are paired by budget section, one report
// per section, and the files left over are named, not fatal.
func TestDiffDirs(t *testing.T) {
	root := t.TempDir()
	oldDir, newDir, out := filepath.Join(root, "old"), filepath.Join(root, "new"), filepath.Join(root, "out")
	for _, d := range []string{oldDir, newDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(dir, name, section string, symbol *string, o *model.Output) {
		if section != "" {
			o.Document.Budget = &model.Budget{Section: &model.Division{Number: section}}
		}
		o.Document.Symbol = symbol
		b, err := emit.Marshal(o, true)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	food := "a new food stockholding mechanism to reduce food insecurity"
	write(oldDir, "a.json", "10", nil, budgetEdition(2026, "65/280", food, 48))
	write(newDir, "b.json", "", sp("A/81/6 (Sect. 10)/Part A"), budgetEdition(2027, "80/150", food, 50)) // paired by symbol
	write(oldDir, "c.json", "25", nil, budgetEdition(2026, "71/1", food, 48))
	write(newDir, "d.json", "25", nil, budgetEdition(2026, "71/1", food, 48)) // the same: identical
	write(oldDir, "e.json", "29C", nil, budgetEdition(2026, "71/1", food, 48))
	write(newDir, "f.json", "", nil, budgetEdition(2026, "71/1", food, 48)) // no section
	if err := os.WriteFile(filepath.Join(newDir, "g.txt"), []byte("just words\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	if code, _, errs := runCmd(t, "", "diff", oldDir, newDir); code != exitUsage || !strings.Contains(errs, "--out") {
		t.Errorf("without --out: exit %d, %s", code, errs)
	}
	code, stdout, errs := runCmd(t, "", "diff", "--format", "markdown", "--out", out, oldDir, newDir)
	if code != exitDiffTrouble || !strings.Contains(errs, "g.txt") {
		t.Errorf("exit %d, want %d (an unreadable file): %s", code, exitDiffTrouble, errs)
	}
	for _, w := range []string{"| 10 | a.json | b.json | 3 | deliverable: 1 changed; mandate: 1 added, 1 removed |", "| 25 | c.json | d.json | 0 |", "e.json: no section 29C in the new directory", "f.json: not a budget section", "g.txt: not read"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("summary lacks %q:\n%s", w, stdout)
		}
	}
	md, err := os.ReadFile(filepath.Join(out, "sect-10.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "| changed | A. Facilitation of the intergovernmental process and expert bodies | Substantive services for meetings (number of three-hour meetings) | 2026 planned | 48 | 50 |") {
		t.Errorf("sect-10.md:\n%s", md)
	}
	var sum batchSummary
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	if len(sum.Sections) != 2 || len(sum.Unpaired) != 2 || len(sum.Unreadable) != 1 || sum.Sections[0].Section != "10" || !sum.Sections[1].Identical {
		t.Errorf("summary.json: %s", b)
	}
	// Without the unreadable file the exit status says the editions differ.
	if err := os.Remove(filepath.Join(newDir, "g.txt")); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCmd(t, "", "diff", "--format", "json", "--out", out, oldDir, newDir); code != exitDiffers {
		t.Errorf("exit %d, want %d: %s", code, exitDiffers, errs)
	}
}

func TestSectionOrder(t *testing.T) {
	secs := []string{"29C", "10", "2", "29A", "6"}
	sort.Slice(secs, func(i, j int) bool { return sectionLess(secs[i], secs[j]) })
	if got := strings.Join(secs, " "); got != "2 6 10 29A 29C" {
		t.Errorf("order %s", got)
	}
}
