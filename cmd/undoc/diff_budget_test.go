package main

import (
	"os"
	"path/filepath"
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
