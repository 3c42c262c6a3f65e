package segment

import (
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// TestFigureTitleEndsBeforeValues: a figure's title, however wide its last
// line, ends before the chart's first value ("8", "70"), which stays in the
// figure's text. Shaped after figures 10.IV and 24.IV of A/81/6 as the PDF
// gives them (the title's lines full width, the axis values below).
func TestFigureTitleEndsBeforeValues(t *testing.T) {
	v, err := LoadVocab("en-budget")
	if err != nil {
		t.Fatal(err)
	}
	input := `10.65 Progress towards the objective is presented in the performance measure below (see figure 10.IV).
Figure 10.IV
Performance measure: number of least developed countries, landlocked developing countries and small island
developing States integrating their programmes of action into the voluntary national reviews (cumulative)
8
7
10.66 The subprogramme will continue its work.
Figure 24.IV
Performance measure: number of countries that have shared practices on implementation, reporting and
follow up to the international human rights mechanisms through the knowledge hub (cumulative)
70
60
47`
	var got []string
	model.Walk(Segment(splitLines(input), v).Body, func(n *model.Node) {
		if n.Kind == model.KindFigure {
			text := ""
			if n.FigureText != nil {
				text = strings.ReplaceAll(*n.FigureText, "\n", " / ")
			}
			got = append(got, n.Label+" «"+n.Title+"» "+text)
		}
	})
	want := []string{
		"10.IV «Performance measure: number of least developed countries, landlocked developing countries and small island developing States integrating their programmes of action into the voluntary national reviews (cumulative)» 8 / 7",
		"24.IV «Performance measure: number of countries that have shared practices on implementation, reporting and follow up to the international human rights mechanisms through the knowledge hub (cumulative)» 70 / 60 / 47",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}
