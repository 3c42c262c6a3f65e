package segment

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

// deliverables reads a deliverables table of the budget format (since
// 2020): the column headers (years with planned or actual), lettered
// categories, subcategory rows with one value per column, the numbered
// items under them, and the categories given as text (substantive and
// communication deliverables). With layout (PDF, HTML, Word) a row is its
// cells; in a text dump a row ends with its values.
func (s *segmenter) deliverables(node *model.Node, local string) {
	node.Kind = model.KindDeliverables
	var cat *model.DeliverableCategory
	var row *model.DeliverableRow
	var header [][]string // per column: the header cell's lines
	var pendingText []string
	lastKey := [2]int{-1, -1}
	var cells map[int][]string // the layout row being read: column → lines
	flushLayout := func() {
		if cells == nil {
			return
		}
		if isHeaderRow(cells) { // the header, or its repeat after a page break
			if header == nil {
				header = headerColumns(cells)
			}
			cells = nil
			return
		}
		text := normalize.JoinLines(cells[1])
		if c2 := cells[2]; len(c2) > 0 && len(text) == 2 && text[1] == '.' && nextCategory(cat) == text[0] {
			// "C." in the first cell, its title and text rows in the second
			cat = &model.DeliverableCategory{Label: text[:1], Title: c2[0], Rows: []*model.DeliverableRow{}}
			node.Categories = append(node.Categories, cat)
			row, cells = nil, nil
			var part []string
			for _, t := range c2[1:] {
				part = append(part, t)
				if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == '。' {
					row, cat = s.deliverableRow(node, cat, row, normalize.JoinLines(part), "")
					part = nil
				}
			}
			if len(part) > 0 {
				row, cat = s.deliverableRow(node, cat, row, normalize.JoinLines(part), "")
			}
			return
		}
		var vals []string
		for c := 2; c <= maxKey(cells); c++ {
			vals = append(vals, cells[c]...)
		}
		cells = nil
		row, cat = s.deliverableRow(node, cat, row, text, strings.Join(vals, " "))
	}
	flushText := func() {
		if len(pendingText) == 0 {
			return
		}
		text := normalize.JoinLines(pendingText)
		pendingText = nil
		row, cat = s.deliverableRow(node, cat, row, text, "")
	}
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		st := s.classify(l)
		isCategory := false
		if m := s.v.re.section.find(l.text); m != nil && l.src.Col <= 1 {
			isCategory = m[1][0] == nextCategory(cat)
		}
		if st.kind != kNone && !isCategory && !(st.kind == kParagraph && st.major == 0 && l.src.Col <= 1) {
			break // a plain "14." inside the table is a numbered deliverable
		}
		switch {
		case isCategory:
			flushLayout()
			flushText()
			m := s.v.re.section.find(l.text)
			cat = &model.DeliverableCategory{Label: m[1], Title: m[2], Rows: []*model.DeliverableRow{}}
			node.Categories = append(node.Categories, cat)
			row = nil
		case l.src.Table > 0 && l.src.Col > 0:
			flushText()
			key := [2]int{l.src.Table, l.src.Row}
			if key != lastKey {
				flushLayout()
				lastKey, cells = key, map[int][]string{}
			}
			cells[l.src.Col] = append(cells[l.src.Col], l.text)
		default:
			flushLayout()
			if cat == nil && len(node.Columns) == 0 && header == nil && reYear().MatchString(l.text) {
				header = [][]string{{l.text}} // a text dump's header line
				break
			}
			if _, vals := splitValues(l.text); vals != "" {
				flushText()
				text, vals := splitValues(l.text)
				row, cat = s.deliverableRow(node, cat, row, text, vals)
				break
			}
			pendingText = append(pendingText, l.text)
			if r, _ := utf8.DecodeLastRuneInString(l.text); r == '.' || r == '。' {
				flushText() // a text row ends with its sentence, not at a semicolon
			}
		}
		node.Span.Extend(s.span(l))
		s.i = j + 1
	}
	flushLayout()
	flushText()
	for _, h := range header {
		node.Columns = append(node.Columns, strings.Join(h, " "))
	}
	s.leaf(node, local)
	s.checkValues(node)
}

var (
	reYear  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|\s)(19|20)\d\d(?:\s|$)`) })
	reValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[–—-]$`) })
	reItem  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,3})\.\s+(.*)$`) })
	// a column header: a year and a word or two ("2025 planned")
	reHeaderCell = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:19|20)\d\d(?:\s+\S+){0,2}$`) })
)

// isHeaderRow reports whether the layout row's cells after the first each
// hold a year: "2025 planned".
func isHeaderRow(cells map[int][]string) bool {
	n := 0
	for c, ls := range cells {
		if c < 2 {
			continue
		}
		if headerCell(ls) == nil {
			return false
		}
		n++
	}
	return n > 0
}

func headerColumns(cells map[int][]string) [][]string {
	var cols [][]string
	for c := 2; c <= maxKey(cells); c++ {
		for _, col := range headerCell(cells[c]) {
			cols = append(cols, []string{col})
		}
	}
	return cols
}

// headerCell reads the columns of a header cell: "2025" over "planned" is
// one; "2025 2026" over "actual planned" is two columns the PDF's layout
// put in one cell, paired in order. nil when the cell is no column header.
func headerCell(lines []string) []string {
	if t := strings.Join(lines, " "); reHeaderCell().MatchString(t) {
		return []string{t}
	}
	var years, words []string
	for _, f := range strings.Fields(strings.Join(lines, " ")) {
		if reYear().MatchString(f) {
			years = append(years, f)
		} else {
			words = append(words, f)
		}
	}
	if len(years) < 2 || len(years) != len(words) {
		return nil
	}
	cols := make([]string, len(years))
	for i := range years {
		cols[i] = years[i] + " " + words[i]
	}
	return cols
}

// columnsOf cuts a header line into its columns, each a year and the words
// after it: "2025 planned 2025 actual" → ["2025 planned", "2025 actual"].
func columnsOf(s string) []string {
	var cols []string
	for _, f := range strings.Fields(s) {
		if reYear().MatchString(f) || len(cols) == 0 {
			cols = append(cols, f)
		} else {
			cols[len(cols)-1] += " " + f
		}
	}
	return cols
}

func maxKey(m map[int][]string) int {
	k := 0
	for c := range m {
		k = max(k, c)
	}
	return k
}

// splitValues cuts the values off the end of a text dump's row:
// "Parliamentary documentation (number of documents) 34 44 41 34".
func splitValues(s string) (text, vals string) {
	f := strings.Fields(s)
	k := len(f)
	for k > 0 && reValue().MatchString(f[k-1]) {
		k--
	}
	if len(f)-k < 2 || k == 0 {
		return s, ""
	}
	return strings.Join(f[:k], " "), strings.Join(f[k:], " ")
}

// deliverableRow adds a row or a numbered item with its values. Tokens
// that are neither numbers nor "–" are footnote marks.
func (s *segmenter) deliverableRow(node *model.Node, cat *model.DeliverableCategory, row *model.DeliverableRow, text, vals string) (*model.DeliverableRow, *model.DeliverableCategory) {
	if cat == nil {
		cat = &model.DeliverableCategory{Rows: []*model.DeliverableRow{}}
		node.Categories = append(node.Categories, cat)
	}
	values, notes := []*float64{}, []string{}
	for _, t := range strings.Fields(vals) {
		switch {
		case t == "–" || t == "—" || t == "-":
			values = append(values, nil)
		case reValue().MatchString(t):
			v, _ := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
			values = append(values, &v)
		default:
			notes = append(notes, t)
		}
	}
	if m := reItem().FindStringSubmatch(text); m != nil && row != nil {
		row.Items = append(row.Items, &model.DeliverableItem{Label: m[1], Text: m[2], Footnotes: notes, Values: values})
		return row, cat
	}
	r := &model.DeliverableRow{Text: text, Footnotes: notes, Values: values, Items: []*model.DeliverableItem{}}
	cat.Rows = append(cat.Rows, r)
	return r, cat
}

// checkValues reports rows whose values do not fill the columns.
func (s *segmenter) checkValues(node *model.Node) {
	n := len(node.Columns)
	for _, c := range node.Categories {
		for _, r := range c.Rows {
			if len(r.Values) > 0 && len(r.Values) != n {
				s.diag("warning", "deliverable-values", strconv.Itoa(len(r.Values))+" values for "+strconv.Itoa(n)+" columns: "+quote(r.Text), nil, node.ID)
			}
			for _, it := range r.Items {
				if len(it.Values) > 0 && len(it.Values) != n {
					s.diag("warning", "deliverable-values", strconv.Itoa(len(it.Values))+" values for "+strconv.Itoa(n)+" columns: "+quote(it.Text), nil, node.ID)
				}
			}
		}
	}
}

// nextCategory is the letter the category after cat has: A, B, C, D.
func nextCategory(cat *model.DeliverableCategory) byte {
	if cat != nil && len(cat.Label) == 1 {
		return cat.Label[0] + 1
	}
	return 'A'
}
