package segment

import (
	"slices"
	"strconv"
	"strings"

	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/store/model"
)

// mandates reads a list of legislative mandates, grouped by subprogramme
// and by category (大会决议 …), into one mandates node below the heading.
func (s *segmenter) mandates() {
	f := s.mandatesFrame()
	s.popTo(rankHeading + 1)
	var node *model.Node
	if k := len(f.node.Children); k > 0 && f.node.Children[k-1].Kind == model.KindMandates {
		node = f.node.Children[k-1]
	} else {
		node = &model.Node{Kind: model.KindMandates, Span: s.span(&s.lines[s.i])}
		node.ID = s.childID(f, "list")
		f.node.Children = append(f.node.Children, node)
		s.structured = true
	}
	var g *model.MandateGroup
	var prefix string
	newGroup := func() *model.MandateGroup {
		ng := &model.MandateGroup{Items: []*model.Mandate{}}
		if g != nil {
			ng.Subprogramme, ng.Title, ng.Category = g.Subprogramme, g.Title, g.Category
		}
		node.Groups = append(node.Groups, ng)
		return ng
	}
	var item *model.Mandate
	var cell [3]int                // the layout cell of the line before
	var lineItems []*model.Mandate // the items of one line: one title for several numbers
	open := false                  // the numbers of the line before ended in "；": more follow
	// conventions and declarations are printed without numbers, each
	// title ending with its year ("Cartagena Declaration on Refugees,
	// 1984"): in a layout table, the entry of each column still short of
	// its year
	unfinished := map[[2]int]*model.Mandate{}
	yearList := false                 // the group holds an entry without a number ending with its year
	colOf := map[*model.Mandate]int{} // the layout column of each entry without a number
	g0 := len(node.Groups)
	defer func() { columnOrder(node.Groups[g0:], colOf) }()
	for {
		j := s.next(s.i)
		if j < 0 {
			break
		}
		l := &s.lines[j]
		st := s.classify(l)
		switch st.kind {
		case kMandateGroup:
			s.i = j
			title, sp := s.title(st.title, false)
			node.Span.Extend(sp)
			g = newGroup()
			g.Subprogramme, g.Title, g.Category = intp(st.num), strp(title), nil
			item, open, yearList = nil, false, false
			clear(unfinished)
			continue
		case kMandateCategory:
			if g == nil || g.Category != nil || len(g.Items) > 0 {
				g = newGroup()
			}
			g.Category = strp(st.title)
			prefix, _ = s.v.mandateCategory(st.title)
			item, open, yearList = nil, false, false
			clear(unfinished)
		case kMandateItem:
			if g == nil {
				g = newGroup()
			}
			title := st.title
			if !open {
				// one title may stand for several resolutions: "78/322；80/146"
				lineItems = lineItems[:0]
			} else if len(lineItems) > 0 {
				// the line before ended in "；": its numbers go on here,
				// beside the rest of their title
				title = normalize.Join(lineItems[0].Title, title)
			}
			code := st.code
			var more []string
			if m := s.v.re.mandate.find(title); m != nil && m[2] == "" {
				// numbers without titles side by side ("2282 (2016)
				// 2558 (2020)"): each stands alone
				more, title = splitNumbers(m[1]), ""
			}
			code = strings.TrimSpace(code)
			open = strings.HasSuffix(code, ";") || strings.HasSuffix(code, "；")
			for _, num := range splitNumbers(code) {
				item = &model.Mandate{Number: num}
				if sym := mandateSymbol(prefix, item.Number); sym != "" {
					item.Symbol = strp(sym)
				}
				g.Items = append(g.Items, item)
				lineItems = append(lineItems, item)
			}
			for _, it := range lineItems {
				it.Title = title
			}
			for _, num := range more {
				item = &model.Mandate{Number: num}
				if sym := mandateSymbol(prefix, item.Number); sym != "" {
					item.Symbol = strp(sym)
				}
				g.Items = append(g.Items, item)
				lineItems = append(lineItems[:0], item)
			}
		case kNone:
			// in a layout table, a number alone in its cell takes its
			// title from the next cell of the row; any other cell is an
			// entry of its own
			newCell := l.src.Table != cell[0] || l.src.Row != cell[1] || l.src.Col != cell[2]
			titleCell := item != nil && item.Title == "" && l.src.Table == cell[0] && l.src.Row == cell[1] && l.src.Col > cell[2]
			col := [2]int{l.src.Table, l.src.Col}
			if u := unfinished[col]; u != nil && yearList && newCell && !titleCell {
				// an entry without a number that has not reached its
				// year goes on in the next line of its column, across
				// the rows of a layout table, in a list whose titles
				// end with years; elsewhere each cell is an entry
				item, lineItems = u, lineItems[:0]
				newCell = false
			} else if item != nil && item.Number == "" && l.src.Table > 0 && !newCell && yearEnd(item.Title) {
				newCell = true // one cell, two entries: the first has reached its year
			}
			if item == nil || l.src.Table > 0 && newCell && !titleCell {
				// a mandate printed without a number (a convention, a
				// declaration), or text that is no mandate: kept as an
				// unnumbered item
				if g == nil {
					g = newGroup()
				}
				if prefix != "" {
					s.diag("warning", "mandate-text", "text in a list of mandates that has no number: "+quote(l.text), l, node.ID)
				}
				item = &model.Mandate{Title: l.text}
				g.Items = append(g.Items, item)
				lineItems, open = lineItems[:0], false
				if l.src.Table > 0 {
					colOf[item] = l.src.Col
				}
			} else {
				title := normalize.Join(item.Title, l.text)
				for _, it := range lineItems {
					it.Title = title
				}
				item.Title = title
			}
			if item.Number == "" && yearEnd(item.Title) {
				yearList = true
			}
			if item.Number == "" && l.src.Table > 0 && !yearEnd(item.Title) {
				unfinished[col] = item
			} else {
				delete(unfinished, col)
			}
		default:
			return
		}
		cell = [3]int{l.src.Table, l.src.Row, l.src.Col}
		node.Span.Extend(s.span(l))
		s.i = j + 1
	}
}

// columnOrder puts the entries of a group that are all entries without
// numbers from a layout table in printed order, left column first: the
// table gives them row by row.
func columnOrder(groups []*model.MandateGroup, colOf map[*model.Mandate]int) {
	for _, g := range groups {
		all := len(g.Items) > 0
		for _, it := range g.Items {
			_, ok := colOf[it]
			all = all && ok
		}
		if all {
			slices.SortStableFunc(g.Items, func(a, b *model.Mandate) int { return colOf[a] - colOf[b] })
		}
	}
}

// yearEnd reports whether a title ends with a year, as the titles of
// conventions and declarations in lists of mandates do ("Convention on
// the Rights of the Child, 1989").
func yearEnd(title string) bool {
	t := strings.TrimRight(title, " ")
	if len(t) < 5 || t[len(t)-5] != ' ' {
		return false
	}
	y, err := strconv.Atoi(t[len(t)-4:])
	return err == nil && y >= 1800 && y <= 2099
}

// splitNumbers splits a printed list of mandate numbers ("50/152; 53/125",
// "78/322；80/146") into numbers without spaces.
func splitNumbers(code string) []string {
	var out []string
	for _, num := range strings.FieldsFunc(code, func(r rune) bool { return r == ';' || r == '；' }) {
		if num = strings.ReplaceAll(strings.TrimSpace(num), " ", ""); num != "" {
			out = append(out, num)
		}
	}
	return out
}

// mandateSymbol is the symbol of a mandate from its group's prefix and its
// printed number: "A/RES/" and "69/262,sect.II" give A/RES/69/262 (a
// section of a resolution is not a document of its own); a number that is
// itself a symbol ("WT/MIN(24)/DEC") stands for itself; "" when neither
// tells.
func mandateSymbol(prefix, number string) string {
	if k := strings.Index(number, ",sect."); k >= 0 {
		number = number[:k]
	}
	switch {
	case prefix != "":
		return prefix + number
	case strings.Contains(number, "/") && number[0] >= 'A' && number[0] <= 'Z':
		return number
	}
	return ""
}
