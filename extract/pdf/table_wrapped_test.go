package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// A performance-measure table in the style of A/81/6 (Sect. 29C, tables
// 29C.2 and 29C.9, as Word exports them): three columns of wrapped text,
// two table rows, each cell several lines at the ordinary leading, and
// each printed line on a white box of its own width and of the line's
// height (Word's text shading), so the boxes of one cell abut. A cell of
// the first row holds two paragraphs, 6 pt apart, while the cells beside
// it run on across that space at the ordinary leading. Each table row is
// one row of cells of several lines, not one row per printed line: the
// boxes hug their lines and part nothing, and a first column's paragraph
// break that the other columns run across is no row boundary.
func TestTableRowsOfWrappedCells(t *testing.T) {
	const size, lead = 10.0, 12.0
	cols := []float64{72, 240, 408}
	// Courier: every glyph 0.6 em wide
	show := func(x, y float64, s string) string {
		w := 0.6 * size * float64(len(s))
		return fmt.Sprintf("1 g %g %g %g %g re f 0 g BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n",
			x, y-3, w, lead, size, x, y, s)
	}
	rows := [][3][]string{
		{
			{"Four sessions held", "", "Staff attended them"},
			{"Four sessions and one", "onsite session held by", "the Office in Geneva"},
			{"Half of the websites", "moved to other hosting", "with higher"},
		},
		{
			{"Ensure feasibility of", "alternative hosting"},
			{"Communicate to and", "raise awareness among", "the offices concerned"},
			{"Primary centre shut", "down"},
		},
	}
	var c strings.Builder
	c.WriteString("BT /F1 10 Tf 1 0 0 1 72 740 Tm (Table 1) Tj ET\n")
	y := 715.0
	for _, r := range rows {
		n := 0
		for k, cell := range r {
			yy := y
			for _, l := range cell {
				if l == "" {
					yy -= 6 // a paragraph break: 6 pt spacing
					continue
				}
				c.WriteString(show(cols[k], yy, l))
				yy -= lead
			}
			n = max(n, int((y-yy)+0.5))
		}
		y -= float64(n) + 10
	}
	c.WriteString(fmt.Sprintf("BT /F1 10 Tf 1 0 0 1 72 %g Tm (The work went on.) Tj ET\n", y-14))
	data := onePage("/F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier >>", c.String(), nil, "")
	res := mustExtract(t, data)
	var got strings.Builder
	for _, l := range res.Lines {
		fmt.Fprintf(&got, "t%d r%d c%d |%s\n", l.Table, l.Row, l.Col, l.Text)
	}
	want := `t0 r0 c0 |Table 1
t1 r1 c1 |Four sessions held
t1 r1 c1 |Staff attended them
t1 r1 c2 |Four sessions and one
t1 r1 c2 |onsite session held by
t1 r1 c2 |the Office in Geneva
t1 r1 c3 |Half of the websites
t1 r1 c3 |moved to other hosting
t1 r1 c3 |with higher
t1 r2 c1 |Ensure feasibility of
t1 r2 c1 |alternative hosting
t1 r2 c2 |Communicate to and
t1 r2 c2 |raise awareness among
t1 r2 c2 |the offices concerned
t1 r2 c3 |Primary centre shut
t1 r2 c3 |down
t0 r0 c0 |The work went on.
`
	if got.String() != want {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want)
	}
}
