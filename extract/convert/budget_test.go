package convert

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// budgetCounts are the structure counts of a budget section, as
// testdata/un-en/counts.tsv gives them by hand (see its README).
type budgetCounts map[string]int

func countBudget(out *model.Output) budgetCounts {
	c := budgetCounts{}
	model.Walk(out.Body, func(n *model.Node) {
		switch n.Kind {
		case model.KindSubprogramme:
			c["subprogrammes"]++
		case model.KindObjective:
			c["objectives"]++
		case model.KindResult:
			c["results"]++
		case model.KindTable, model.KindFigure:
			if n.Kind == model.KindTable {
				c["tables"]++
			} else {
				c["figures"]++
			}
			if strings.HasPrefix(n.Title, "Performance measure") {
				c["performance_measures"]++
				c[n.Kind+"_pm"]++
			}
		case model.KindDeliverables:
			c["tables"]++
			c["deliverables_tables"]++
			for _, cat := range n.Categories {
				if cat.Label != "" {
					c["deliverable_categories"]++
				}
				for _, r := range cat.Rows {
					if len(r.Values) > 0 {
						c["deliverable_subcategory_rows"]++
						c["deliverable_rows_with_values"]++
					} else {
						c["deliverable_text_rows"]++
					}
					for _, it := range r.Items {
						c["deliverable_items"]++
						if len(it.Values) > 0 {
							c["deliverable_rows_with_values"]++
						}
					}
				}
			}
		case model.KindMandates:
			for _, g := range n.Groups {
				c["mandates"] += len(g.Items)
			}
		}
	})
	c["performance_measure_tables"] = c["table_pm"]
	c["performance_measure_figures"] = c["figure_pm"]
	return c
}

// exactCounts are the counts the tree must already give exactly. The
// others (deliverable rows split or joined by the PDF's table layout,
// components of a subprogramme, mandate lines, tables counted by another
// definition) are logged as known gaps until they are read right.
var exactCounts = map[string]bool{
	"subprogrammes": true, "objectives": true, "results": true,
	"performance_measures": true, "performance_measure_tables": true, "performance_measure_figures": true,
	"figures": true,
}

// TestUNBudgetStructure compares the tree of each of the six A/81/6
// sections, from the PDF and from the Word original, with the counts taken
// by hand in testdata/un-en/counts.tsv.
func TestUNBudgetStructure(t *testing.T) {
	f, err := os.Open("../../testdata/un-en/counts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	cols := strings.Split(sc.Text(), "\t")
	for sc.Scan() {
		row := strings.Split(sc.Text(), "\t")
		sect := row[0]
		for _, file := range []string{"pdf/A_81_6_Sect." + sect + ".pdf", "docx/A_81_6_Sect." + sect + ".docx"} {
			t.Run(sect+"/"+file[:strings.Index(file, "/")], func(t *testing.T) {
				got := countBudget(convertFile(t, file).Output)
				var gaps []string
				for k, col := range cols[1:] {
					want, _ := strconv.Atoi(row[k+1])
					if _, checked := got[col]; !checked && want == 0 {
						continue
					}
					switch {
					case got[col] == want:
					case exactCounts[col]:
						t.Errorf("%s: %d, want %d", col, got[col], want)
					default:
						gaps = append(gaps, fmt.Sprintf("%s %d/%d", col, got[col], want))
					}
				}
				t.Logf("%s: %v; known gaps (got/want): %s", file, got, strings.Join(gaps, ", "))
			})
		}
	}
}
