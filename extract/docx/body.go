package docx

import (
	"context"
	"fmt"
	"strings"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/ingest/symbol"
)

// reader walks one document.
type reader struct {
	ctx  context.Context
	pkg  *pkg
	st   *styles
	nb   *numbering
	rels map[string]rel
	// headers are the header parts read so far, by relationship id
	headers map[string]*elem

	res *Result

	cell   cellPos // where lines go now; zero outside tables
	inCell bool
	tables int

	para   *paraBuf // the paragraph being read, nil between paragraphs
	fields []*field // open fields, outermost first
	links  []*openLink
	closed []*openLink // closed links whose paragraph is still being read
	boxes  []*elem     // text boxes met in the current paragraph

	deferred []*elem // framed paragraphs at the foot of the page, read at the section's end

	notes      []noteRef // footnote and endnote references, in order
	pageNotes  []noteRef // footnotes referenced on the page being read
	printed    map[noteRef]bool
	inNotes    bool
	notePart   func(typ, fallback string) (*elem, error)
	noteParts  map[string]map[string]*elem // part type → id → note
	noteSeen   map[noteRef]bool
	noteMarks  map[noteRef]string
	mark       string // the mark w:footnoteRef prints in the note being read
	numbered   [2]int // footnotes, endnotes numbered so far
	noteFormat [2]string

	unknownSym   int
	brokenFields int
	steps        int
}

type cellPos struct {
	table, row, col int
	header          bool
}

// field is an open complex field (w:fldChar begin ... end).
type field struct {
	instr  strings.Builder
	inCode bool // between begin and separate: the instruction
	link   *openLink
}

// openLink is a hyperlink whose text is being read.
type openLink struct {
	idx  int // into res.Links
	text strings.Builder
	para *paraBuf // the paragraph its first text is in
	pc   int      // and the piece
}

type noteRef struct {
	endnote bool
	id      string
}

// piece is the text of a paragraph up to a line break.
type piece struct {
	text        strings.Builder
	bold, plain int // runes of text in bold and not
	size        int // the first text run's w:sz, 0 if unknown
}

// paraBuf collects a paragraph's text.
type paraBuf struct {
	pieces []*piece
	line   []int // after flush: the N each piece became (0: dropped)
}

func (p *paraBuf) cur() *piece { return p.pieces[len(p.pieces)-1] }

// read walks the main document, then the notes.
func read(ctx context.Context, p *pkg) (*Result, error) {
	main := "word/document.xml"
	if m := p.mainPart(); m != "" {
		main = m
	}
	r := &reader{ctx: ctx, pkg: p, res: &Result{}, noteSeen: map[noteRef]bool{}, noteMarks: map[noteRef]string{},
		noteFormat: [2]string{"decimal", "lowerRoman"}}
	dir := main[:strings.LastIndex(main, "/")+1]
	rels, err := p.rels(main)
	if err != nil {
		return nil, err
	}
	r.rels = rels
	r.printed, r.noteParts = map[noteRef]bool{}, map[string]map[string]*elem{}
	part := func(typ, fallback string) (*elem, error) {
		name := dir + fallback
		for _, rl := range rels {
			if strings.HasSuffix(rl.typ, "/"+typ) && !rl.external {
				name = rl.target
				break
			}
		}
		b, err := p.part(name)
		if err != nil || b == nil {
			return nil, err
		}
		return parseXML(b, p.lim.MaxDepth)
	}
	stylesRoot, err := part("styles", "styles.xml")
	if err != nil {
		return nil, err
	}
	r.st = parseStyles(stylesRoot)
	numRoot, err := part("numbering", "numbering.xml")
	if err != nil {
		return nil, err
	}
	r.nb = parseNumbering(numRoot, r.st)
	b, err := p.part(main)
	if err != nil {
		return nil, err
	}
	doc, err := parseXML(b, p.lim.MaxDepth)
	if err != nil {
		return nil, err
	}
	body := doc.child("body")
	if body == nil {
		return nil, fmt.Errorf("%w: %s has no w:body", ErrNotDocx, main)
	}
	r.noteFormats(body)
	r.notePart = part
	r.mastheadLines(body)
	if err := r.blocks(body.kids); err != nil {
		return nil, err
	}
	if err := r.flushDeferred(); err != nil {
		return nil, err
	}
	if err := r.pageEnd(); err != nil { // the last page's footnotes
		return nil, err
	}
	if err := r.readNotes(); err != nil {
		return nil, err
	}
	if r.unknownSym > 0 {
		r.res.Diagnostics = append(r.res.Diagnostics, Diagnostic{Level: "warning", Code: "unknown-symbol",
			Message: fmt.Sprintf("%d symbol-font characters not known; left out", r.unknownSym)})
	}
	if r.brokenFields > 0 {
		r.res.Diagnostics = append(r.res.Diagnostics, Diagnostic{Level: "warning", Code: "broken-field",
			Message: fmt.Sprintf("%d fields end inside their instruction; closed at the end of the paragraph", r.brokenFields)})
	}
	r.res.Title = r.title()
	r.res.Symbol = r.mastheadSymbol(body)
	return r.res, nil
}

// firstPageHeader is the parsed header printed on the first page: the
// first section's first-page header when it has one (w:titlePg); nil
// otherwise or when the part cannot be read. A default header repeats on
// every page and is page furniture, as in the PDF reading.
func (r *reader) firstPageHeader(body *elem) *elem {
	sect := firstSectPr(body)
	if sect == nil {
		return nil
	}
	if t := sect.on("titlePg"); t == nil || !*t {
		return nil
	}
	for _, k := range sect.kids {
		if k.is("headerReference") && k.attr("type") == "first" {
			return r.header(k.rid("id"))
		}
	}
	return nil
}

// header is the parsed header part of relationship id, read once; nil
// when there is none or it cannot be read.
func (r *reader) header(id string) *elem {
	if h, ok := r.headers[id]; ok {
		return h
	}
	var root *elem
	if rl, ok := r.rels[id]; ok && !rl.external {
		if b, err := r.pkg.part(rl.target); err == nil && b != nil {
			if e, err := parseXML(b, r.pkg.lim.MaxDepth); err == nil {
				root = e
			}
		}
	}
	if r.headers == nil {
		r.headers = map[string]*elem{}
	}
	r.headers[id] = root
	return root
}

// mastheadLines reads the first page's header, where a UN Word document
// keeps its masthead ("United Nations", the symbol, "General Assembly",
// the distribution, date and original language), into the first lines, as
// the PDF prints them at the top of the first page: a table row gives one
// line of the first paragraph of each cell, left to right (the text on one
// baseline), then the cells' further paragraphs, cell by cell.
func (r *reader) mastheadLines(body *elem) {
	h := r.firstPageHeader(body)
	if h == nil {
		return
	}
	add := func(s string) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			r.res.Lines = append(r.res.Lines, extract.Line{Text: s, N: len(r.res.Lines) + 1})
		}
	}
	para := func(p *elem) string {
		var b strings.Builder
		visibleText(p, &b)
		return b.String()
	}
	for _, k := range h.kids {
		switch {
		case k.is("p"):
			add(para(k))
		case k.is("tbl"):
			for _, tr := range r.items(k.kids, "tr", nil) {
				var first []string
				var rest []*elem
				for _, tc := range r.items(tr.kids, "tc", nil) {
					seen := false
					for _, p := range r.items(tc.kids, "p", nil) {
						if t := strings.TrimSpace(para(p)); !seen && t != "" {
							first, seen = append(first, t), true
						} else if seen {
							rest = append(rest, p)
						}
					}
				}
				add(strings.Join(first, " "))
				for _, p := range rest {
					add(para(p))
				}
			}
		}
	}
}

// mastheadSymbol finds the document symbol in the header of the first
// page (the masthead): the first document symbol in the text of the first
// section's first-page header, else its default header; "" if none.
func (r *reader) mastheadSymbol(body *elem) string {
	sect := firstSectPr(body)
	if sect == nil {
		return ""
	}
	refs := map[string]string{}
	for _, k := range sect.kids {
		if k.is("headerReference") {
			refs[k.attr("type")] = k.rid("id")
		}
	}
	var ids []string
	if t := sect.on("titlePg"); t != nil && *t {
		ids = append(ids, refs["first"])
	}
	ids = append(ids, refs["default"])
	for _, id := range ids {
		root := r.header(id)
		if root == nil {
			continue
		}
		var text strings.Builder
		visibleText(root, &text)
		for _, c := range symbol.FindCitations(text.String()) {
			if c.Kind == symbol.KindDocument && c.Symbol != "" {
				return strings.TrimRight(c.Symbol, "*") // the masthead's footnote mark
			}
		}
	}
	return ""
}

// firstSectPr is the first section's properties: the first w:sectPr in a
// paragraph's properties, else the body's own.
func firstSectPr(body *elem) *elem {
	var find func(e *elem, depth int) *elem
	find = func(e *elem, depth int) *elem {
		if e.is("sectPr") {
			return e
		}
		if depth > 8 {
			return nil
		}
		for _, k := range e.kids {
			if s := find(k, depth+1); s != nil {
				return s
			}
		}
		return nil
	}
	for _, k := range body.kids {
		if s := find(k, 0); s != nil {
			return s
		}
	}
	return nil
}

// visibleText appends the w:t text under e, a space for each tab and a
// line break after each paragraph; field instructions are left out.
func visibleText(e *elem, b *strings.Builder) {
	switch {
	case e.is("t"):
		b.WriteString(e.text)
	case e.is("tab"):
		b.WriteByte(' ')
	case e.is("del"), e.is("moveFrom"):
		return
	}
	for _, k := range e.kids {
		visibleText(k, b)
	}
	if e.is("p") {
		b.WriteByte('\n')
	}
}

// title reads dc:title from the core properties.
func (r *reader) title() string {
	b, err := r.pkg.part("docProps/core.xml")
	if err != nil || b == nil {
		return ""
	}
	root, err := parseXML(b, r.pkg.lim.MaxDepth)
	if err != nil {
		return ""
	}
	for _, k := range root.kids {
		if k.name == "title" {
			var s strings.Builder
			collect(k, &s)
			return strings.Join(strings.Fields(s.String()), " ")
		}
	}
	return ""
}

// collect appends the text of every t element under e.
func collect(e *elem, b *strings.Builder) {
	b.WriteString(e.text)
	for _, k := range e.kids {
		collect(k, b)
	}
}

// noteFormats reads the number formats of footnotes and endnotes from the
// body's section properties.
func (r *reader) noteFormats(body *elem) {
	for _, k := range body.kids {
		if !k.is("sectPr") {
			continue
		}
		if f := k.child("footnotePr").val("numFmt"); f != "" {
			r.noteFormat[0] = f
		}
		if f := k.child("endnotePr").val("numFmt"); f != "" {
			r.noteFormat[1] = f
		}
	}
}

// tick checks for cancellation now and then.
func (r *reader) tick() error {
	r.steps++
	if r.steps%1024 == 0 {
		return r.ctx.Err()
	}
	return nil
}

// blocks reads block-level content: paragraphs, tables, and the
// containers around them.
func (r *reader) blocks(kids []*elem) error {
	for _, k := range kids {
		if err := r.tick(); err != nil {
			return err
		}
		var err error
		switch {
		case k.is("p") && !r.inCell && pageFooterFrame(k):
			r.deferred = append(r.deferred, k)
		case k.is("p"):
			brk := pageBreak(k)
			if brk == breakBefore && !r.inCell {
				err = r.pageEnd()
			}
			if err == nil {
				err = r.paragraph(k)
			}
			if err == nil && brk == breakInside && !r.inCell {
				err = r.pageEnd()
			}
			if err == nil && !r.inCell && k.child("pPr").child("sectPr") != nil {
				err = r.flushDeferred() // the end of a section
			}
		case k.is("tbl"):
			err = r.table(k)
			if err == nil && !r.inCell && pageBreak(k) != noBreak {
				err = r.pageEnd()
			}
		case k.is("sdt"):
			if c := k.child("sdtContent"); c != nil {
				err = r.blocks(c.kids)
			}
		case k.is("customXml"), k.is("ins"), k.is("moveTo"), k.is("txbxContent"):
			err = r.blocks(k.kids)
		case k.name == "AlternateContent" && k.space == nsMC:
			err = r.blocks(choice(k))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Where a paragraph or table holds the page break Word last rendered.
const (
	noBreak = iota
	breakBefore
	breakInside
)

// pageBreak tells whether e holds a page break Word rendered when it last
// saved the file (w:lastRenderedPageBreak) or a hard one (w:br
// w:type="page"), and whether it comes before any text of e.
func pageBreak(e *elem) int {
	text := false
	var walk func(e *elem) int
	walk = func(e *elem) int {
		switch {
		case e.is("lastRenderedPageBreak"), e.is("br") && e.attr("type") == "page":
			if text {
				return breakInside
			}
			return breakBefore
		case e.is("t"):
			text = text || strings.TrimSpace(e.text) != ""
		case e.is("del"), e.is("moveFrom"), e.is("instrText"):
			return noBreak
		}
		for _, k := range e.kids {
			if b := walk(k); b != noBreak {
				return b
			}
		}
		return noBreak
	}
	return walk(e)
}

// pageEnd prints the footnotes referenced on the page that ends here, below
// the footnote separator, as the PDF prints them at the foot of the page.
func (r *reader) pageEnd() error {
	refs := r.pageNotes
	r.pageNotes = nil
	if len(refs) == 0 {
		return nil
	}
	notes, err := r.noteElems(false)
	if err != nil || notes == nil {
		return err
	}
	r.inNotes = true
	defer func() { r.inNotes, r.mark = false, "" }()
	if sep := notes["-1"]; sep != nil && sep.attr("type") == "separator" {
		if err := r.blocks(sep.kids); err != nil {
			return err
		}
	}
	for _, ref := range refs {
		if note := notes[ref.id]; note != nil {
			r.printed[ref] = true
			r.mark = r.noteMarks[ref]
			if err := r.blocks(note.kids); err != nil {
				return err
			}
		}
	}
	return nil
}

// noteElems reads the footnotes (or endnotes) part once: id → note, nil
// when there is none.
func (r *reader) noteElems(endnote bool) (map[string]*elem, error) {
	typ, el := "footnotes", "footnote"
	if endnote {
		typ, el = "endnotes", "endnote"
	}
	if m, ok := r.noteParts[typ]; ok {
		return m, nil
	}
	root, err := r.notePart(typ, typ+".xml")
	if err != nil {
		return nil, err
	}
	var m map[string]*elem
	if root != nil {
		m = map[string]*elem{}
		for _, k := range root.kids {
			if k.is(el) {
				m[k.attr("id")] = k
			}
		}
	}
	r.noteParts[typ] = m
	return m, nil
}

// pageFooterFrame tells whether a paragraph sits in a frame anchored to
// the lower half of the page, or aligned to the foot of the page or of its
// margins: the notes of a UN masthead ("* The present
// document ...") are typed so. They print at the foot of the page, after
// the section's text, and are read there.
func pageFooterFrame(p *elem) bool {
	f := p.child("pPr").child("framePr")
	if f == nil {
		return false
	}
	switch f.attr("vAnchor") {
	case "page":
		if y := intPtr(f.attr("y")); y != nil && *y > 7920 { // twips: below the middle of a letter or A4 page
			return true
		}
	case "text":
		return false
	}
	// page or margin (the default): aligned to its foot
	return f.attr("yAlign") == "bottom"
}

// flushDeferred reads the paragraphs kept for the end of the section.
func (r *reader) flushDeferred() error {
	d := r.deferred
	r.deferred = nil
	for _, p := range d {
		if err := r.paragraph(p); err != nil {
			return err
		}
	}
	return nil
}

// choice is the content of an mc:AlternateContent to read: its first
// mc:Choice, else its mc:Fallback.
func choice(ac *elem) []*elem {
	for _, k := range ac.kids {
		if k.name == "Choice" && k.space == nsMC {
			return k.kids
		}
	}
	for _, k := range ac.kids {
		if k.name == "Fallback" && k.space == nsMC {
			return k.kids
		}
	}
	return nil
}

// items lists the rows of a table or the cells of a row: the children
// named local, through content controls and tracked insertions.
func (r *reader) items(kids []*elem, local string, out []*elem) []*elem {
	for _, k := range kids {
		switch {
		case k.is(local):
			out = append(out, k)
		case k.is("sdt"):
			if c := k.child("sdtContent"); c != nil {
				out = r.items(c.kids, local, out)
			}
		case k.is("customXml"), k.is("ins"), k.is("moveTo"):
			out = r.items(k.kids, local, out)
		}
	}
	return out
}

// table reads a w:tbl: each cell's lines carry the table, the row and the
// grid column the cell starts at (gridSpan moves the next cell on; a
// vMerge continuation cell is empty by definition and skipped). A table
// nested in a cell is flattened into that cell, row by row.
func (r *reader) table(tbl *elem) error {
	if r.inCell {
		for _, tr := range r.items(tbl.kids, "tr", nil) {
			for _, tc := range r.items(tr.kids, "tc", nil) {
				if err := r.blocks(tc.kids); err != nil {
					return err
				}
			}
		}
		return nil
	}
	r.tables++
	r.inCell = true
	defer func() { r.inCell, r.cell = false, cellPos{} }()
	row := 0
	for _, tr := range r.items(tbl.kids, "tr", nil) {
		trPr := tr.child("trPr")
		if trPr.child("del") != nil {
			continue // a deleted row
		}
		row++
		header := false
		if h := trPr.on("tblHeader"); h != nil {
			header = *h
		}
		col := 0
		if v := intPtr(trPr.val("gridBefore")); v != nil && *v > 0 && *v < 1000 {
			col = *v
		}
		for _, tc := range r.items(tr.kids, "tc", nil) {
			tcPr := tc.child("tcPr")
			span := 1
			if v := intPtr(tcPr.val("gridSpan")); v != nil && *v > 1 && *v < 1000 {
				span = *v
			}
			if vm := tcPr.child("vMerge"); vm != nil && vm.attr("val") != "restart" {
				col += span
				continue
			}
			r.cell = cellPos{table: r.tables, row: row, col: col + 1, header: header}
			if err := r.blocks(tc.kids); err != nil {
				return err
			}
			col += span
		}
	}
	return nil
}

// paragraph reads a w:p into one line per piece between line breaks.
func (r *reader) paragraph(p *elem) error {
	ppr := p.child("pPr")
	styleID := ppr.val("pStyle")
	if styleID == "" {
		styleID = r.st.defaultP
	}
	pp := r.st.defaults.over(r.st.props(styleID))
	direct := pprops(ppr)
	pp = pp.over(direct)
	if direct.numID == nil && direct.ilvl != nil {
		pp.numID = r.st.props(styleID).numID
	}
	if direct.numID != nil && direct.ilvl == nil {
		pp.ilvl = nil
	}
	if direct.numID == nil && direct.ilvl == nil {
		pp.ilvl = r.st.props(styleID).ilvl
	}
	label := r.nb.label(pp.numID, pp.ilvl, styleID)

	outer := r.para
	pb := &paraBuf{pieces: []*piece{{}}}
	r.para = pb
	pb.cur().text.WriteString(label)
	boxes := r.boxes
	r.boxes = nil
	if err := r.inline(p.kids, pp); err != nil {
		return err
	}
	// A field instruction does not run past its paragraph: a field still
	// in its instruction here lost its separate or end, and is closed so
	// that it does not hide the rest of the document.
	for n := len(r.fields); n > 0 && r.fields[n-1].inCode; n = len(r.fields) {
		r.fields = r.fields[:n-1]
		r.brokenFields++
	}
	heading := 0
	if pp.outline != nil && *pp.outline >= 0 && *pp.outline < 9 {
		heading = *pp.outline + 1
	} else if h := headingLevel(r.st.name(styleID)); h > 0 {
		heading = h
	}
	var indent float64
	if pp.left != nil {
		indent = float64(*pp.left) / 20
	}
	style := ""
	if styleID != "" {
		style = r.st.name(styleID)
	}
	pb.line = make([]int, len(pb.pieces))
	for i, pc := range pb.pieces {
		text := tidy(pc.text.String())
		if text == "" {
			continue
		}
		l := extract.Line{Text: text, N: len(r.res.Lines) + 1, Table: r.cell.table, Row: r.cell.row, Col: r.cell.col,
			HeaderCell: r.cell.header, Heading: heading, Style: style, Indent: indent,
			Bold: pc.bold > 0 && pc.plain == 0, Size: float64(pc.size) / 2}
		r.res.Lines = append(r.res.Lines, l)
		pb.line[i] = l.N
		if i == 0 && label != "" {
			r.res.labeled = append(r.res.labeled, l.N)
		}
	}
	for _, l := range append(r.links, r.closed...) {
		if l.para == pb {
			r.placeLink(l)
		}
	}
	r.closed = r.closed[:0]
	r.para = outer
	mine := r.boxes
	r.boxes = boxes
	for _, b := range mine {
		if err := r.blocks(b.kids); err != nil {
			return err
		}
	}
	return nil
}

// placeLink sets a link's line from the paragraph its text starts in: the
// line of that piece, or of the next piece that became a line.
func (r *reader) placeLink(l *openLink) {
	for i := l.pc; i < len(l.para.line); i++ {
		if l.para.line[i] > 0 {
			r.res.Links[l.idx].Line = l.para.line[i]
			break
		}
	}
	l.para = nil
}

// nbsp reads the no-break spaces as spaces.
var nbsp = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

// tidy turns tabs into spaces (a run of white space holding a tab becomes
// one space), no-break spaces (U+00A0, U+202F) into spaces, as the PDF
// rendering gives them, and trims the line.
func tidy(s string) string {
	s = nbsp.Replace(s)
	if strings.ContainsRune(s, '\t') {
		var b strings.Builder
		rs := []rune(s)
		for i := 0; i < len(rs); {
			if rs[i] == ' ' || rs[i] == '\t' {
				j, tab := i, false
				for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t') {
					tab = tab || rs[j] == '\t'
					j++
				}
				if tab {
					b.WriteByte(' ')
				} else {
					b.WriteString(string(rs[i:j]))
				}
				i = j
				continue
			}
			b.WriteRune(rs[i])
			i++
		}
		s = b.String()
	}
	return strings.Trim(s, " \u00a0")
}

// inCode tells whether text is being dropped: inside a field instruction.
func (r *reader) inCode() bool {
	for _, f := range r.fields {
		if f.inCode {
			return true
		}
	}
	return false
}

// write adds visible text to the paragraph and the open links.
func (r *reader) write(s string, rp props) {
	if s == "" || r.inCode() || r.para == nil {
		return
	}
	pc := r.para.cur()
	pc.text.WriteString(s)
	n := len([]rune(strings.TrimSpace(s)))
	if n > 0 {
		if rp.bold != nil && *rp.bold {
			pc.bold += n
		} else {
			pc.plain += n
		}
		if pc.size == 0 && rp.size != nil && *rp.size > 0 {
			pc.size = *rp.size
		}
	}
	for _, l := range r.links {
		l.text.WriteString(s)
		if l.para == nil && r.res.Links[l.idx].Line == 0 && strings.TrimSpace(s) != "" {
			l.para, l.pc = r.para, len(r.para.pieces)-1
		}
	}
}

// newline ends a piece of the paragraph (w:br, w:cr).
func (r *reader) newline() {
	if r.inCode() || r.para == nil {
		return
	}
	r.para.pieces = append(r.para.pieces, &piece{})
	for _, l := range r.links {
		l.text.WriteByte(' ')
	}
}

// openLinkTo starts a link to an external target.
func (r *reader) openLinkTo(uri string) *openLink {
	r.res.Links = append(r.res.Links, Link{URI: uri})
	l := &openLink{idx: len(r.res.Links) - 1}
	r.links = append(r.links, l)
	return l
}

// closeLink ends a link and keeps its text.
func (r *reader) closeLink(l *openLink) {
	for i, o := range r.links {
		if o == l {
			r.links = append(r.links[:i], r.links[i+1:]...)
			break
		}
	}
	r.res.Links[l.idx].Text = strings.Join(strings.Fields(l.text.String()), " ")
	switch {
	case l.para == nil:
	case l.para == r.para:
		r.closed = append(r.closed, l) // placed when its paragraph ends
	default:
		r.placeLink(l)
	}
}

// inline reads the content of a paragraph (or a hyperlink, a field, a
// tracked insertion inside one) with the paragraph's properties.
func (r *reader) inline(kids []*elem, pp props) error {
	for _, k := range kids {
		if err := r.tick(); err != nil {
			return err
		}
		var err error
		switch {
		case k.is("r"):
			err = r.run(k, pp)
		case k.is("hyperlink"):
			var l *openLink
			if rl, ok := r.rels[k.rid("id")]; ok && rl.external {
				uri := rl.target
				if a := k.attr("anchor"); a != "" {
					uri += "#" + a
				}
				l = r.openLinkTo(uri)
			}
			err = r.inline(k.kids, pp)
			if l != nil {
				r.closeLink(l)
			}
		case k.is("fldSimple"):
			var l *openLink
			if uri := hyperlinkTarget(k.attr("instr")); uri != "" {
				l = r.openLinkTo(uri)
			}
			err = r.inline(k.kids, pp)
			if l != nil {
				r.closeLink(l)
			}
		case k.is("ins"), k.is("moveTo"), k.is("smartTag"), k.is("customXml"), k.is("dir"), k.is("bdo"):
			err = r.inline(k.kids, pp)
		case k.is("sdt"):
			if c := k.child("sdtContent"); c != nil {
				err = r.inline(c.kids, pp)
			}
		case k.name == "AlternateContent" && k.space == nsMC:
			err = r.inline(choice(k), pp)
		case k.name == "oMath" || k.name == "oMathPara":
			var b strings.Builder
			collect(k, &b)
			r.write(b.String(), pp)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// run reads a w:r.
func (r *reader) run(run *elem, pp props) error {
	rpr := run.child("rPr")
	rp := pp.over(r.st.props(rpr.val("rStyle"))).over(rprops(rpr))
	hidden := rp.vanish != nil && *rp.vanish
	font := ""
	for _, k := range run.kids {
		switch {
		case k.is("t"):
			if !hidden {
				r.write(k.text, rp)
			}
		case k.is("tab"), k.is("ptab"):
			if !hidden {
				r.write("\t", rp)
			}
		case k.is("br"), k.is("cr"):
			if !hidden {
				r.newline()
			}
		case k.is("noBreakHyphen"):
			if !hidden {
				r.write("-", rp)
			}
		case k.is("sym"):
			if hidden {
				continue
			}
			font = k.attr("font")
			code, ok := parseSym(k.attr("char"))
			s, known := symbolChar(font, code)
			if !ok || !known {
				r.unknownSym++
				continue
			}
			r.write(s, rp)
		case k.is("fldChar"):
			r.fieldChar(k.attr("fldCharType"))
		case k.is("instrText"):
			if n := len(r.fields); n > 0 && r.fields[n-1].inCode && r.fields[n-1].instr.Len() < 4096 {
				r.fields[n-1].instr.WriteString(k.text)
			}
		case k.is("footnoteReference"), k.is("endnoteReference"):
			if mark := r.noteRef(k); !hidden {
				r.write(mark, rp)
			}
		case k.is("footnoteRef"), k.is("endnoteRef"):
			if !hidden {
				r.write(r.mark, rp)
			}
		case k.is("ruby"):
			if base := k.child("rubyBase"); base != nil {
				if err := r.inline(base.kids, pp); err != nil {
					return err
				}
			}
		case k.name == "AlternateContent" && k.space == nsMC:
			for _, c := range choice(k) {
				r.findBoxes(c)
			}
		case k.is("drawing"), k.is("pict"), k.is("object"):
			r.findBoxes(k)
		}
	}
	return nil
}

// findBoxes queues the outermost text boxes under e, to be read as
// paragraphs after the paragraph that anchors them.
func (r *reader) findBoxes(e *elem) {
	if e.is("txbxContent") {
		r.boxes = append(r.boxes, e)
		return
	}
	if e.name == "AlternateContent" && e.space == nsMC {
		for _, c := range choice(e) {
			r.findBoxes(c)
		}
		return
	}
	for _, k := range e.kids {
		r.findBoxes(k)
	}
}

// fieldChar follows a complex field: the instruction (between begin and
// separate) is dropped, the result kept; a HYPERLINK field's result is a
// link. The stack of open fields is bounded.
func (r *reader) fieldChar(typ string) {
	switch typ {
	case "begin":
		if len(r.fields) < 64 {
			r.fields = append(r.fields, &field{inCode: true})
		}
	case "separate":
		if n := len(r.fields); n > 0 && r.fields[n-1].inCode {
			f := r.fields[n-1]
			f.inCode = false
			if uri := hyperlinkTarget(f.instr.String()); uri != "" {
				f.link = r.openLinkTo(uri)
			}
		}
	case "end":
		if n := len(r.fields); n > 0 {
			f := r.fields[n-1]
			r.fields = r.fields[:n-1]
			if f.link != nil {
				r.closeLink(f.link)
			}
		}
	}
}

// hyperlinkTarget reads a HYPERLINK field instruction: its URL, with
// "#anchor" added for \l; "" for other fields and links within the
// document.
func hyperlinkTarget(instr string) string {
	f := fieldArgs(instr)
	if len(f) == 0 || !strings.EqualFold(f[0], "HYPERLINK") {
		return ""
	}
	var uri, anchor string
	for i := 1; i < len(f); i++ {
		switch strings.ToLower(f[i]) {
		case `\l`:
			if i+1 < len(f) {
				anchor = f[i+1]
				i++
			}
		case `\o`, `\t`:
			i++
		case `\m`, `\n`, `\h`:
		default:
			if uri == "" && !strings.HasPrefix(f[i], `\`) {
				uri = f[i]
			}
		}
	}
	if uri == "" {
		return ""
	}
	if anchor != "" {
		uri += "#" + anchor
	}
	return uri
}

// fieldArgs splits a field instruction into words; quoted words keep
// their spaces.
func fieldArgs(s string) []string {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return out
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return append(out, s[1:])
			}
			out = append(out, s[1:1+end])
			s = s[end+2:]
			continue
		}
		end := strings.IndexAny(s, " \t\r\n")
		if end < 0 {
			return append(out, s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
}

// noteRef records a footnote or endnote reference and returns the mark
// Word prints for it: the next number, or "" when a custom mark follows in
// the text. A note referred to again keeps its mark.
func (r *reader) noteRef(k *elem) string {
	ref := noteRef{endnote: k.is("endnoteReference"), id: k.attr("id")}
	if r.noteSeen[ref] || len(r.notes) > 100000 {
		return r.noteMarks[ref]
	}
	r.noteSeen[ref] = true
	r.notes = append(r.notes, ref)
	if !ref.endnote && !r.inNotes {
		r.pageNotes = append(r.pageNotes, ref)
	}
	if c := k.on("customMarkFollows"); c != nil && *c {
		r.noteMarks[ref] = ""
		return ""
	}
	i := 0
	if ref.endnote {
		i = 1
	}
	r.numbered[i]++
	r.noteMarks[ref] = formatNumber(r.numbered[i], r.noteFormat[i])
	return r.noteMarks[ref]
}

// readNotes reads the footnotes not yet printed at a page's end, then the
// endnotes, as lines after the body.
func (r *reader) readNotes() error {
	r.inNotes = true
	defer func() { r.inNotes, r.mark = false, "" }()
	for _, end := range []bool{false, true} {
		has := false
		for _, n := range r.notes {
			has = has || n.endnote == end && !r.printed[n]
		}
		if !has {
			continue
		}
		notes, err := r.noteElems(end)
		if err != nil {
			return err
		}
		for _, n := range r.notes {
			if n.endnote != end || r.printed[n] {
				continue
			}
			note := notes[n.id]
			if note == nil {
				continue
			}
			r.mark = r.noteMarks[n]
			if err := r.blocks(note.kids); err != nil {
				return err
			}
		}
	}
	return nil
}
