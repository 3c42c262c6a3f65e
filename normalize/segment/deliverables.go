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
// cells; in a text dump a row ends with its values. The lettered footnotes
// under the table ("a Reflects updated planned deliverables …") are its
// note, one footnote a line.
func (s *segmenter) deliverables(node *model.Node, local string) {
	node.Kind = model.KindDeliverables
	var cat *model.DeliverableCategory
	var row *model.DeliverableRow
	var header [][]string // per column: the header cell's lines
	var pendingText []string
	var notes [][]string   // the footnotes under the table, each its lines
	var textYears []string // a text dump's header line of years, before its words
	lastKey := [2]int{-1, -1}
	var cells map[int][]string // the layout row being read: column → lines
	add := func(text, vals string) {
		row, cat = s.deliverableRow(node, cat, row, text, vals, len(header))
	}
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
		if len(cells) == 1 && s.v.deliverablesHeader(text) {
			// a table without year columns: the first column's header
			// alone ("Category and subcategory")
			cells = nil
			return
		}
		if cat != nil && nextNote(text, len(notes)) && len(cells) > 1 {
			// "a" in the first cell, the footnote in the second
			notes = append(notes, []string{text})
			for c := 2; c <= maxKey(cells); c++ {
				notes[len(notes)-1] = append(notes[len(notes)-1], cells[c]...)
			}
			cells = nil
			return
		}
		if len(notes) > 0 && !valueRow(cells) { // a footnote's lines in the next row
			for c := 1; c <= maxKey(cells); c++ {
				notes[len(notes)-1] = append(notes[len(notes)-1], cells[c]...)
			}
			cells = nil
			return
		}
		if c1 := cells[1]; len(c1) > 1 {
			// "Meetings of:" and its first item in one cell
			for k := 1; k < len(c1); k++ {
				if strings.HasSuffix(c1[k-1], ":") && reItem().MatchString(c1[k]) {
					add(normalize.JoinLines(c1[:k]), "")
					text = normalize.JoinLines(c1[k:])
					break
				}
			}
		}
		if c2 := cells[2]; len(c2) > 0 && len(text) == 2 && text[1] == '.' && categoryAfter(cat, text[0]) {
			// "C." in the first cell, its title and text rows in the second
			cat = &model.DeliverableCategory{Label: text[:1], Title: c2[0], Rows: []*model.DeliverableRow{}}
			node.Categories = append(node.Categories, cat)
			row, cells = nil, nil
			var part []string
			for _, t := range c2[1:] {
				part = append(part, t)
				if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == '。' {
					add(normalize.JoinLines(part), "")
					part = nil
				}
			}
			if len(part) > 0 {
				add(normalize.JoinLines(part), "")
			}
			return
		}
		var vals []string
		for c := 2; c <= maxKey(cells); c++ {
			vals = append(vals, cells[c]...)
		}
		cells = nil
		if len(vals) > 0 && !anyValue(strings.Join(vals, " ")) {
			// words beside the first cell, no value among them: text
			add(normalize.JoinLines(append([]string{text}, vals...)), "")
			return
		}
		add(text, strings.Join(vals, " "))
	}
	flushText := func() {
		if len(pendingText) == 0 {
			return
		}
		text := normalize.JoinLines(pendingText)
		pendingText = nil
		add(text, "")
	}
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		st := s.classify(l)
		var catMatch []string // "A. Facilitation of …": the next category
		if l.src.Col <= 1 {
			if m := s.v.re.section.find(l.text); m != nil && len(m[1]) == 1 && categoryAfter(cat, m[1][0]) {
				catMatch = m
			}
		}
		isCategory := catMatch != nil
		if st.kind != kNone && !isCategory && !(st.kind == kParagraph && st.major == 0 && l.src.Col <= 1) {
			break // a plain "14." inside the table is a numbered deliverable
		}
		switch {
		case cat != nil && l.src.Table == 0 && len(pendingText) == 0 && nextNote(l.text, len(notes)):
			flushLayout()
			flushText()
			notes = append(notes, []string{l.text})
		case len(notes) > 0 && !isCategory && l.src.Table == 0:
			notes[len(notes)-1] = append(notes[len(notes)-1], l.text) // a footnote's next line
		case isCategory:
			flushLayout()
			flushText()
			cat = &model.DeliverableCategory{Label: catMatch[1], Title: catMatch[2], Rows: []*model.DeliverableRow{}}
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
			if ys := yearsOnly(l.text); ys != nil && (cat == nil && header == nil || len(ys) == len(header)) {
				// a text dump's header: a line of years, a line of words
				// under them; or the header again after a page break
				if header == nil {
					for _, y := range ys {
						header = append(header, []string{y})
					}
				}
				textYears = ys
				break
			}
			if ys := textYears; ys != nil {
				textYears = nil
				if cols := underYears(ys, l.text); cols != nil {
					if cat == nil {
						header = cols
					}
					break
				}
			}
			if cat == nil && header == nil && reYear().MatchString(l.text) {
				header = [][]string{{l.text}} // a text dump's header line
				break
			}
			if s.v.deliverablesHeader(l.text) {
				break // the first column's header, over no year columns
			}
			if text, vals := splitValues(l.text); vals != "" {
				flushText()
				add(text, vals)
				break
			}
			if reItem().MatchString(l.text) {
				flushText() // a numbered item starts a new row
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
	if len(notes) > 0 {
		var ns []string
		for _, n := range notes {
			ns = append(ns, normalize.JoinLines(n))
		}
		note := strings.Join(ns, "\n")
		node.Note = &note
	}
	if len(header) == 1 && len(header[0]) == 1 {
		line := header[0][0] // a text dump's one header line: "2025 planned 2025 actual …"
		header = nil
		for _, c := range columnsOf(line) {
			header = append(header, []string{c})
		}
	}
	for _, h := range header {
		node.Columns = append(node.Columns, strings.Join(h, " "))
	}
	s.leaf(node, local)
	s.checkValues(node)
}

var (
	reYear = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|\s)(19|20)\d\d(?:\s|$)`) })
	// a year heading a column of a text dump: "2025", "2025年"
	reYearCell = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:19|20)\d\d年?$`) })
	// a line that is one figure a chart prints ("8", "70", "1 500",
	// "45%"), which never ends a wrapped title (segmenter.title), as a
	// year ("2027") may
	reChartValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,3}(?:[ ,]\d{3})*(?:\.\d+)?\s?%?$`) })
	reValue      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[–—-]$`) })
	reItem       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,3})\.\s+(.*)$`) })
	// a former value in brackets after a value, with a footnote mark:
	// "24 [26]a" (the planned value of the previous edition)
	reFormerValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\[(?:\d{1,3}(?:,\d{3})+|\d+|[–—-])\][a-z]?$`) })
	// a footnote under a table: its mark, a letter, then its text
	reFootnote = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]\s+\p{Lu}`) })
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

// yearsOnly returns the years of a header line that holds nothing else
// ("2025    2025    2026    2027", "2025年 2025年 …"), nil for any other
// line.
func yearsOnly(s string) []string {
	f := strings.Fields(s)
	for _, t := range f {
		if !reYearCell().MatchString(t) {
			return nil
		}
	}
	if len(f) < 2 {
		return nil
	}
	return f
}

// underYears pairs the years of a text dump's header line with the words
// of the line under it ("Category and subcategory  planned  actual
// planned a  planned"): its last words, one a year, a footnote mark going
// with the word before it; what is left before them is the first
// column's header. nil when the line has too few words or holds a value.
func underYears(years []string, s string) [][]string {
	var words []string
	for _, t := range strings.Fields(s) {
		switch {
		case reValue().MatchString(t):
			return nil
		case footnoteMark(t) && len(words) > 0:
			words[len(words)-1] += " " + t
		default:
			words = append(words, t)
		}
	}
	if len(words) < len(years) {
		return nil
	}
	words = words[len(words)-len(years):]
	cols := make([][]string, len(years))
	for i, y := range years {
		cols[i] = []string{y + " " + words[i]}
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
	n := 0
	for k > 0 && (reValue().MatchString(f[k-1]) || reFormerValue().MatchString(f[k-1])) {
		if reValue().MatchString(f[k-1]) {
			n++
		}
		k--
	}
	if n < 2 || k == 0 {
		return s, ""
	}
	return strings.Join(f[:k], " "), strings.Join(f[k:], " ")
}

// deliverableRow adds a row or a numbered item with its values, ncols of
// them when the header gave ncols columns. Tokens that are neither numbers
// nor "–" are footnote marks. Text with values after a numbered item that
// has none ends that item: the item's lines were cut by a page break.
func (s *segmenter) deliverableRow(node *model.Node, cat *model.DeliverableCategory, row *model.DeliverableRow, text, vals string, ncols int) (*model.DeliverableRow, *model.DeliverableCategory) {
	if cat == nil {
		cat = &model.DeliverableCategory{Rows: []*model.DeliverableRow{}}
		node.Categories = append(node.Categories, cat)
	}
	values, notes := []*float64{}, []string{}
	for _, t := range joinThousands(strings.Fields(vals), ncols) {
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
	if row != nil && len(row.Items) > 0 && len(values) > 0 && !reItem().MatchString(text) {
		if it := row.Items[len(row.Items)-1]; len(it.Values) == 0 && len(it.Footnotes) == 0 {
			it.Text = normalize.JoinLines([]string{it.Text, text})
			it.Values, it.Footnotes = values, notes
			return row, cat
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

// categoryAfter reports whether letter labels a category that may follow
// cat. The five categories keep their letters (A. Facilitation of the
// intergovernmental process … E. Enabling deliverables), and a table
// leaves out those it has none of: A then E, or E alone.
func categoryAfter(cat *model.DeliverableCategory, letter byte) bool {
	if letter < 'A' || letter > 'E' {
		return false
	}
	return cat == nil || len(cat.Label) != 1 || letter > cat.Label[0]
}

// nextNote reports whether the line s opens the table's footnote after
// the n before it: "a The scope of services …", or its mark alone ("a"),
// the marks in order a, b, c.
func nextNote(s string, n int) bool {
	s = strings.TrimSpace(s)
	return n < 26 && s != "" && s[0] == byte('a'+n) && (len(s) == 1 || reFootnote().MatchString(s))
}

// footnoteMark reports whether s is a footnote mark alone: "a".
func footnoteMark(s string) bool {
	return len(s) == 1 && s[0] >= 'a' && s[0] <= 'z'
}

// valueRow reports whether a layout row's cells after the first hold
// values and nothing else, two at least: a deliverable's row, never the
// words of a footnote.
func valueRow(cells map[int][]string) bool {
	var vals []string
	for c := 2; c <= maxKey(cells); c++ {
		vals = append(vals, cells[c]...)
	}
	_, v := splitValues("x " + strings.Join(vals, " "))
	return v != "" && len(strings.Fields(v)) == len(strings.Fields(strings.Join(vals, " ")))
}

// anyValue reports whether s holds a value: a number or "–".
func anyValue(s string) bool {
	for _, t := range strings.Fields(s) {
		if reValue().MatchString(t) {
			return true
		}
	}
	return false
}

// joinThousands joins numbers printed with a space between thousands
// ("12 700") while there are more values than the ncols columns.
func joinThousands(toks []string, ncols int) []string {
	count := func() int {
		n := 0
		for _, t := range toks {
			if reValue().MatchString(t) {
				n++
			}
		}
		return n
	}
	for ncols > 1 && count() > ncols {
		joined := false
		for i := 0; i+1 < len(toks); i++ {
			if reShortNumber().MatchString(toks[i]) && reThousands().MatchString(toks[i+1]) {
				toks = append(toks[:i:i], append([]string{toks[i] + toks[i+1]}, toks[i+2:]...)...)
				joined = true
				break
			}
		}
		if !joined {
			break
		}
	}
	return toks
}

var (
	reShortNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,3}$`) })
	reThousands   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{3}$`) })
)
