package pdf

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// tallTable returns n lines of a four-column table, 10 pt text, two lines
// to a table row.
func tallTable(n int) []*textRow {
	rows := make([]*textRow, n)
	for k := range rows {
		y := float64(k)*12 + float64(k/2)*10
		r := &textRow{top: y, bottom: y + 10, base: y + 8, size: 10, x0: 50, x1: 440}
		for c := range 4 {
			x := 50 + float64(c)*100 + float64(k%3)
			r.segs = append(r.segs, segment{x0: x, x1: x + 40, text: fmt.Sprintf("item %d of %d", k, c)})
			r.spans = append(r.spans, interval{x, x + 40})
		}
		rows[k] = r
	}
	return rows
}

func BenchmarkColumnGaps(b *testing.B) {
	bl := block{rows: tallTable(maxBlockRows)}
	for b.Loop() {
		bl.columnGaps()
	}
}

func BenchmarkArrangeTable(b *testing.B) {
	rows := tallTable(60)
	b.ReportAllocs()
	for b.Loop() {
		t := 0
		arrangeRows(rows, &page{tables: &t, bodyTop: -1e9, bodyBottom: 1e9})
	}
}

func TestTallTable(t *testing.T) {
	n := 0
	ls := arrangeRows(tallTable(60), &page{tables: &n, bodyTop: -1e9, bodyBottom: 1e9})
	if n != 1 || len(ls) != 240 || ls[239].row != 30 || ls[239].col != 4 {
		t.Fatalf("tables %d, lines %d, last %+v", n, len(ls), ls[len(ls)-1])
	}
}

// TestCellSegs checks cellSegs and occupancy against picking each row's
// segments column by column, on rows in and out of column order.
func TestCellSegs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	reordered := 0
	for range 200 {
		b := block{gutters: []interval{{100, 110}, {200, 205}, {300, 330}}}
		for range 1 + rng.IntN(6) {
			r := &textRow{}
			for range rng.IntN(7) {
				x := rng.Float64() * 400
				r.segs = append(r.segs, segment{x0: x, x1: x + rng.Float64()*60, text: fmt.Sprint(x)})
			}
			b.rows = append(b.rows, r)
		}
		b.groupCells()
		if b.reordered != nil {
			reordered++
		}
		occ := b.occupancy()
		for k, r := range b.rows {
			for c := range len(b.gutters) + 1 {
				var want []segment
				for _, s := range r.segs {
					if columnOf(b.gutters, s) == c {
						want = append(want, s)
					}
				}
				if got := b.cellSegs(k, c); !slices.Equal(got, want) || occ[k][c] != (len(want) > 0) {
					t.Fatalf("row %d column %d: got %v, want %v", k, c, got, want)
				}
			}
		}
	}
	if reordered == 0 {
		t.Fatal("no row out of column order")
	}
}
