package segment

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

// table reads a captioned table (表 n): title, header, rows and note. With
// layout from a PDF or HTML each cell is known, and the header is the row
// the source marks (HTML th, a PDF row set off over its columns). A text
// dump ends each cell's last line with a space; where that gives whole
// rows of the header's width the cells are read from it, else each row is
// its label and the rest of its text. The header of a text dump is its
// first line of whole cells (see dumpHeader).
func (s *segmenter) table(st start) {
	node := &model.Node{Kind: model.KindTable, Number: intp(st.num)}
	node.Title, node.Span = s.tableTitle(st.title)
	local := "table" + strconv.Itoa(st.num)
	node.Label = st.label
	if strings.Contains(st.label, ".") { // budget sections: 10.5, 10.I
		local = "table" + st.label
	}
	if s.v.deliverablesTable(node.Title) {
		s.deliverables(node, local)
		return
	}
	var rows [][]string
	var grid *layoutGrid // the cells layout found
	var note []string
	var body []*line // text dump: the lines of the rows
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if note != nil {
			if s.v.tableNote(l.text) { // a source after the note
				note = append(note, l.text)
			} else if terminal(note[len(note)-1]) || s.classify(l).kind != kNone {
				break
			} else {
				note = append(note, l.text)
			}
		} else if s.v.tableNote(l.text) {
			note = []string{l.text}
		} else if h, ok := dumpHeader(l); ok && (len(node.Header) == 0 && len(body) == 0 && grid == nil || slices.Equal(h, nonEmpty(node.Header))) {
			if len(node.Header) == 0 {
				node.Header = h
			} // else the header repeated after a page break
		} else if s.classify(l).kind != kNone {
			break
		} else if s.layout && l.src.Table > 0 {
			if grid == nil {
				grid = newLayoutGrid()
			}
			grid.add(l)
		} else if grid != nil {
			grid.addLoose(l)
		} else {
			body = append(body, l)
		}
		node.Span.Extend(s.span(l))
		s.i = j + 1
	}
	lost := false
	if len(node.Header) == 0 && grid == nil && len(body) > 0 {
		if h := yearColumns(body[0].text); h != nil {
			node.Header, body = h, body[1:]
		}
	}
	if grid != nil {
		// lines before the first cell come before the first row (see rows),
		// ahead of the loose lines among the cells
		pre := make([]looseLine, 0, len(body)+len(grid.loose))
		for _, l := range body {
			pre = append(pre, looseLine{0, l.src.Text})
		}
		grid.loose = append(pre, grid.loose...)
		var h []string
		h, rows = grid.rows()
		if len(node.Header) == 0 {
			node.Header = h
		}
		if len(node.Header) == 0 && len(rows) > 1 {
			// the header on one line, above the cells or as the first one
			if h := yearColumns(rows[0][0]); len(h) >= len(rows[0]) && strings.Join(rows[0][1:], "") == "" {
				node.Header = h
				// and where a page break cut the table, printed again
				first := rows[0]
				rows = slices.DeleteFunc(rows[1:], func(r []string) bool { return slices.Equal(r, first) })
			}
		}
	} else if cols := columnRows(body); cols != nil {
		// a layout text dump: columns set apart by runs of spaces; the
		// first row heads the table when it holds no figure and a row
		// below does
		if len(node.Header) == 0 && len(cols) > 1 && !hasFigure(cols[0]) && anyFigure(cols[1:]) {
			node.Header, cols = cols[0], cols[1:]
		}
		rows = cols
	} else if len(body) > 0 {
		var ok bool
		if rows, ok = s.dumpCells(body, len(node.Header)); !ok {
			rows, lost = s.dumpRows(body), true
		}
	}
	if len(node.Header) > 1 && yearColumns(strings.Join(node.Header, " ")) != nil {
		whole := true
		for i := range rows {
			rows[i] = splitDashes(rows[i], len(node.Header))
			whole = whole && len(rows[i]) == len(node.Header)
		}
		lost = lost && !whole
	}
	if len(rows) > 0 && len(node.Header) > 0 && len(rows[0]) == len(node.Header)+1 {
		node.Header = append([]string{""}, node.Header...) // the row labels' column
	}
	node.Rows = rows
	if note != nil {
		n := normalize.JoinLines(note)
		node.Note = &n
	}
	s.leaf(node, local)
	if lost {
		s.diag("info", "table-cells-unknown", "the text dump does not show cell boundaries; each row holds its label and the rest of its text", nil, node.ID)
	}
}

// dumpCells cuts a text dump's table lines into cells, a cell ending at a
// line that ends with a space, and the cells into rows of ncols cells, or
// ncols+1 when the rows open with a label ("目标 不包括…"). ok is false when
// the cells do not fill whole rows.
func (s *segmenter) dumpCells(body []*line, ncols int) (rows [][]string, ok bool) {
	if ncols < 2 {
		return nil, false
	}
	_, _, labelled := rowLabel(body[0].text)
	width := ncols
	if labelled {
		width++
	}
	var cells, cur []string
	for _, l := range body {
		text := l.text
		if labelled && len(cur) == 0 && len(cells)%width == 0 {
			label, rest, ok := rowLabel(text)
			if !ok {
				return nil, false
			}
			cells, text = append(cells, label), rest
		}
		cur = append(cur, text)
		if strings.HasSuffix(l.src.Text, " ") {
			cells, cur = append(cells, normalize.JoinLines(cur)), nil
		}
	}
	if len(cur) > 0 || len(cells)%width != 0 {
		return nil, false
	}
	for i := 0; i < len(cells); i += width {
		rows = append(rows, cells[i:i+width:i+width])
	}
	return rows, true
}

// dumpRows reads a text dump's table lines as rows of a label and the rest
// of the row's text.
func (s *segmenter) dumpRows(body []*line) [][]string {
	var rows [][]string
	for _, l := range body {
		if label, rest, ok := rowLabel(l.text); ok {
			rows = append(rows, []string{label, rest})
		} else if len(rows) > 0 {
			r := rows[len(rows)-1]
			r[len(r)-1] = normalize.Join(r[len(r)-1], l.text)
		} else {
			rows = append(rows, []string{l.text})
		}
	}
	return rows
}

// tableTitle reads the caption line and the title lines that follow it,
// stopping at the header row.
func (s *segmenter) tableTitle(first string) (string, model.Span) {
	sp := s.span(&s.lines[s.i])
	s.i++
	var parts []string
	if first != "" {
		parts = append(parts, first)
	}
	for len(parts) < 3 {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		if _, ok := dumpHeader(l); ok || l.src.Table > 0 || len(splitCells(l.src.Text)) > 1 || s.v.deliverablesHeader(l.text) {
			break // the table itself begins
		}
		prev := &s.lines[s.i-1]
		k := s.classify(l).kind
		if prev.match.kind == kSubprogramme { // a table titled by its subprogramme
		} else if k != kNone && k != kLayoutHeading || len(parts) > 0 && !s.isFull(prev) {
			break
		}
		parts = append(parts, l.text)
		sp.Extend(s.span(l))
		s.i = j + 1
	}
	return normalize.JoinLines(parts), sp
}

// layoutGrid collects the cells layout found for a table, rows in the
// order they appear (a table broken by a page is several layout tables),
// and the lines layout left outside them.
type layoutGrid struct {
	index map[[2]int]int     // (layout table, row) → row
	cells []map[int][]string // per row: column → lines
	th    []bool             // per row: every line a header cell
	ncols int
	loose []looseLine
}

// looseLine is a line inside a table that layout did not place in a cell;
// at is the row it comes before.
type looseLine struct {
	at   int
	text string // as extracted
}

func newLayoutGrid() *layoutGrid { return &layoutGrid{index: map[[2]int]int{}} }

func (g *layoutGrid) add(l *line) {
	key := [2]int{l.src.Table, l.src.Row}
	r, ok := g.index[key]
	if !ok {
		r = len(g.cells)
		g.index[key] = r
		g.cells = append(g.cells, map[int][]string{})
		g.th = append(g.th, true)
	}
	g.th[r] = g.th[r] && l.src.HeaderCell
	g.cells[r][l.src.Col] = append(g.cells[r][l.src.Col], l.text)
	g.ncols = max(g.ncols, l.src.Col)
}

func (g *layoutGrid) addLoose(l *line) {
	g.loose = append(g.loose, looseLine{len(g.cells), l.src.Text})
}

// rows returns the table's header, the first row the source marks as one
// or else a first row printed again further down (after a page break), and
// its other rows; header rows repeated after a page break are dropped,
// and so is a loose line that repeats the header. Another row the source
// marks as a header is kept. A loose line with a piece for each column is
// the top of the row after it, cut by a page break; any other loose line
// is a row of its own. No other text is dropped.
func (g *layoutGrid) rows() (header []string, out [][]string) {
	isHeader := func(r int, _ []string) bool { return g.th[r] }
	rows := make([][]string, len(g.cells))
	for r, cs := range g.cells {
		rows[r] = make([]string, g.ncols)
		for c := 1; c <= g.ncols; c++ {
			if ls := cs[c]; ls != nil {
				rows[r][c-1] = strings.TrimSpace(normalize.JoinLines(ls))
			}
		}
	}
	repeated := false
	for r := 1; r < len(rows) && len(rows) > 0; r++ {
		repeated = repeated || slices.Equal(rows[r], rows[0])
	}
	if repeated {
		inner, first := isHeader, rows[0]
		isHeader = func(r int, row []string) bool { return inner(r, row) || slices.Equal(row, first) }
	}
	// drop header rows, keeping the loose lines before the same rows
	kept, at := rows[:0], make([]int, len(rows)+1) // at[r]: r's index among the kept rows
	for r, row := range rows {
		at[r] = len(kept)
		// a header row other than the first is dropped only where it
		// repeats the first: a source may mark a row of text as a header
		// (a Word table's repeated-header flag on a body row)
		if isHeader(r, row) && (header == nil || slices.Equal(row, header)) {
			if header == nil {
				header = row
			}
			continue
		}
		kept = append(kept, row)
	}
	at[len(rows)] = len(kept)
	rows = kept
	next := 0
	for _, ll := range g.loose {
		for ; next < at[ll.at]; next++ {
			out = append(out, rows[next])
		}
		pieces := splitCells(ll.text)
		if header != nil && slices.Equal(pieces, nonEmpty(header)) {
			continue // the header printed again where the page breaks
		}
		if len(pieces) == g.ncols && next < len(rows) {
			for c, p := range pieces {
				rows[next][c] = normalize.Join(p, rows[next][c])
			}
			continue
		}
		row := make([]string, max(g.ncols, len(pieces)))
		copy(row, pieces)
		out = append(out, row)
	}
	return header, append(out, rows[next:]...)
}

// dumpHeader reads a text dump's header line: two cells or more, each
// of ideographs only (CJK text takes no spaces, so a space between
// ideographs parts cells), the line ending with a space (each cell
// whole) or starting with one (an empty corner cell before the header
// words): " 否 部分 是 ".
func dumpHeader(l *line) ([]string, bool) {
	raw := normalize.Fold(l.src.Text)
	if !strings.HasPrefix(raw, " ") && !strings.HasSuffix(raw, " ") {
		return nil, false
	}
	cells := strings.Fields(l.text)
	if len(cells) < 2 {
		return nil, false
	}
	for _, c := range cells {
		if !normalize.AllHan(c) {
			return nil, false
		}
	}
	return cells, true
}

// rowLabel returns the label a text dump's table row opens with and the
// rest of the line: ideographs and a space before the first cell's text
// ("目标 不包括…"); CJK text takes no spaces, so the space parts cells.
func rowLabel(s string) (label, rest string, ok bool) {
	label, rest, ok = strings.Cut(s, " ")
	if !ok || !normalize.AllHan(label) || strings.TrimSpace(rest) == "" {
		return "", "", false
	}
	return label, strings.TrimSpace(rest), true
}

// nonEmpty returns the cells that are not empty.
func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// columnRows reads a text dump's table lines as rows of cells when every
// line splits into the same number (two or more) of cells; else nil.
func columnRows(body []*line) [][]string {
	var rows [][]string
	for _, l := range body {
		cells := splitCells(l.src.Text)
		if len(cells) < 2 || len(rows) > 0 && len(cells) != len(rows[0]) {
			return nil
		}
		rows = append(rows, cells)
	}
	return rows
}

// hasFigure reports whether a cell of the row is a figure: digits with
// separators, signs, brackets or a percent sign, and nothing else.
func hasFigure(row []string) bool {
	for _, c := range row {
		digits := false
		figure := c != "" && strings.IndexFunc(c, func(r rune) bool {
			switch {
			case r >= '0' && r <= '9':
				digits = true
				return false
			case strings.ContainsRune(" .,()%+-–−", r):
				return false
			}
			return true
		}) < 0
		if figure && digits {
			return true
		}
	}
	return false
}

func anyFigure(rows [][]string) bool {
	for _, r := range rows {
		if hasFigure(r) {
			return true
		}
	}
	return false
}

// splitCells cuts a line at ideographic spaces and runs of two or more
// spaces, which is how cells side by side come out as one line.
func splitCells(s string) []string {
	var out []string
	for _, f := range strings.Split(strings.ReplaceAll(s, "\u3000", "  "), "  ") {
		if f = strings.TrimSpace(normalize.Fold(f)); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// yearColumn is a column heading of a budget's performance measure: a year
// and what its figures are, "2023 (actual)", "2027 (planned)".
var yearColumn = regexp.MustCompile(`^(?:19|20)\d\d \(\pL+\)$`)

// yearColumns reads a line of two or more such headings, set on one line
// by a PDF or a text dump; nil when the line is anything else.
func yearColumns(s string) []string {
	var cols []string
	for _, f := range strings.Fields(s) {
		if len(f) == 4 && f[0] >= '0' && f[0] <= '9' {
			cols = append(cols, f)
		} else if len(cols) > 0 {
			cols[len(cols)-1] += " " + f
		} else {
			return nil
		}
	}
	if len(cols) < 2 {
		return nil
	}
	for _, c := range cols {
		if !yearColumn.MatchString(c) {
			return nil
		}
	}
	return cols
}

// splitDashes parts the dashes that open a row's first cell into cells of
// their own when that gives the row n cells: a performance measure marks a
// year without a result "–", a cell so narrow that a PDF sets it against
// the next one ("– – 28 least developed countries …").
func splitDashes(row []string, n int) []string {
	if len(row) == 0 || len(row) >= n {
		return row
	}
	words := strings.Fields(row[0])
	d := 0
	for d < len(words) && words[d] == "–" {
		d++
	}
	if d == 0 {
		return row
	}
	cells := slices.Repeat([]string{"–"}, d)
	if rest := strings.Join(words[d:], " "); rest != "" {
		cells = append(cells, rest)
	}
	cells = append(cells, row[1:]...)
	if len(cells) != n {
		return row
	}
	return cells
}
