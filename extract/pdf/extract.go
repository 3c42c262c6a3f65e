// Package pdf is undoc's own PDF text layer. It uses
// github.com/ledongthuc/pdf only for the file and object layer (cross
// reference, objects, stream filters) and does everything about text itself:
// fonts and CMaps, the text state machine, layout into lines in reading
// order, tables, page furniture and text confidence.
package pdf

// The entry point: bounded, panic-free extraction of a whole document,
// page by page (ISO 32000-1:2008 §7.7.3 page tree, §7.8 content streams).

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/undoc/undoc/extract"
)

// Options bound one extraction.
type Options struct {
	// Timeout bounds the whole extraction; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxPages stops after this many pages; 0 means all.
	MaxPages int
	// Password opens an encrypted document, as its user or its owner
	// password. Documents encrypted with the empty user password (most
	// encrypted documents) open without one.
	Password string
}

// DefaultTimeout applies when Options.Timeout is 0.
const DefaultTimeout = 2 * time.Minute

// Result is the text of a document.
type Result struct {
	// Lines are the text lines in reading order, furniture removed, with
	// Page set and N numbered from 1. Table lines carry Table/Row/Col.
	Lines []extract.Line
	// Pages is the number of pages read.
	Pages int
	// Symbol is the document symbol from the running header (or the
	// masthead), "" if none was found.
	Symbol string
	// JobNumber is the job number from the footer, e.g. "15-05342 (C)".
	JobNumber string
	// Links are the URI link annotations, in page order. Annotations
	// that continue one link (same URI, next to each other) are one Link.
	Links []Link
	// Confidence is 0..1: how plausible the decoded text is.
	Confidence float64
	// Diagnostics are warnings about the document, each naming where.
	Diagnostics []Diagnostic
}

// Link is a URI link annotation (§12.5.6.5) and where it sits.
type Link struct {
	URI string
	// Text is the text under the annotation's rectangle, "" if none.
	Text string
	Page int
	// Line is the N of the line under the link, 0 when the link is on
	// page furniture or on no text.
	Line int
}

// Diagnostic is one problem found while extracting.
type Diagnostic struct {
	Level   string // "warn" or "error"
	Code    string // stable identifier, e.g. "undecodable-text"
	Message string
	Page    int    // 1-based, 0 for the document
	Font    string // BaseFont, when the problem is a font's
}

// Extract reads the text of a PDF document. It never panics: a panic in the
// PDF library or here becomes an error, and time is bounded by ctx and
// opt.Timeout.
func Extract(ctx context.Context, data []byte, opt Options) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := sniff(data); err != nil {
		return nil, err
	}
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	guard := make(chan *pdfFile, 1)
	go func() {
		var o outcome
		defer func() {
			if x := recover(); x != nil {
				o = outcome{nil, fmt.Errorf("%w: %v", ErrMalformed, x)}
			}
			done <- o
		}()
		o.res, o.err = extractDoc(ctx, data, opt, guard)
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-ctx.Done():
		select {
		case g := <-guard:
			g.cancelled.Store(true) // make the library's reads fail so the goroutine ends
		default:
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("pdf: extraction timed out: %w", ctx.Err())
		}
		return nil, fmt.Errorf("pdf: extraction cancelled: %w", ctx.Err())
	}
}

// docState is what one extraction keeps across pages: font decoders (one
// per font object), resources, diagnostics. Glyphs are per page only.
type docState struct {
	r        *pdfFile
	fonts    map[string]*font
	resCache map[string]*resources
	diags    []Diagnostic
	seenDiag map[string]bool
	fallback *font
	glyphBuf []glyph
	// contentBuf is reused for each page's content bytes, scratch for
	// each page's layout
	contentBuf []byte
	scratch    scratch
}

func extractDoc(ctx context.Context, data []byte, opt Options, guard chan<- *pdfFile) (*Result, error) {
	r, err := openPDF(data, opt.Password, func(g *pdfFile) { guard <- g })
	if err != nil {
		return nil, err
	}
	d := &docState{r: r, fonts: map[string]*font{}, resCache: map[string]*resources{}, seenDiag: map[string]bool{}}
	w := newPageWalker(r)
	var pages []pageText
	tables := 0
	stats := newTextStats()
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if opt.MaxPages > 0 && n >= opt.MaxPages {
			break
		}
		p, ok := w.safeNext(func(msg string) { d.warn(n+1, "", "page-tree", msg) })
		if !ok {
			break
		}
		n++
		pt := d.page(ctx, p, n, &tables, stats)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pages = append(pages, pt)
	}
	if n == 0 {
		return nil, ErrNoPages
	}
	res := &Result{Pages: n}
	res.Symbol, res.JobNumber = removeFurniture(pages)
	kept := 0
	for _, pt := range pages {
		for _, l := range pt.lines {
			if !l.furniture {
				kept++
			}
		}
	}
	res.Lines = make([]extract.Line, 0, kept)
	seq := 0
	var seqOf []int // N of each line of the page, 0 for furniture
	for _, pt := range pages {
		seqOf = seqOf[:0]
		left := math.Inf(1) // the page's text margin
		for _, l := range pt.lines {
			if !l.furniture && l.table == 0 {
				left = math.Min(left, l.x0)
			}
		}
		for _, l := range pt.lines {
			if l.furniture {
				seqOf = append(seqOf, 0)
				continue
			}
			seq++
			seqOf = append(seqOf, seq)
			indent := 0.0
			if l.x0 > left && !math.IsInf(left, 1) {
				indent = math.Round((l.x0-left)*10) / 10
			}
			res.Lines = append(res.Lines, extract.Line{Text: l.text, N: seq, Page: pt.page, Table: l.table, Row: l.row, Col: l.col,
				HeaderCell: l.header, Size: math.Round(l.size*10) / 10, Bold: l.bold, Indent: indent, FormField: l.form})
		}
		for _, l := range pt.links {
			if l.at >= 0 {
				l.Line = seqOf[l.at]
			}
			res.Links = append(res.Links, l.Link)
		}
	}
	res.Confidence = stats.confidence(d)
	res.Diagnostics = d.diags
	return res, nil
}

func (d *docState) warn(page int, fontName, code, msg string) {
	key := fmt.Sprint(page, fontName, code, msg)
	if d.seenDiag[key] || len(d.diags) > 1000 {
		return
	}
	d.seenDiag[key] = true
	d.diags = append(d.diags, Diagnostic{Level: "warn", Code: code, Message: msg, Page: page, Font: fontName})
}

func (d *docState) fallbackFont() *font {
	if d.fallback == nil {
		d.fallback = &font{name: "(none)", simple: newSimpleEncoding(&standard), fm: [6]float64{0.001, 0, 0, 0.001, 0, 0}, sizeScale: 1}
		d.fallback.standardWidths()
	}
	return d.fallback
}

func (d *docState) resourcesFor(v Value) *resources {
	key := v.String()
	if r, ok := d.resCache[key]; ok {
		return r
	}
	r := &resources{v: v, fonts: map[string]*font{}}
	if len(d.resCache) < 4096 {
		d.resCache[key] = r
	}
	return r
}

func (d *docState) fontFor(res *resources, name string, page int) (f *font) {
	if f, ok := res.fonts[name]; ok {
		return f
	}
	v := res.v.Key("Font").Key(name)
	if v.Kind() != vDict {
		d.warn(page, name, "missing-font", "font resource /"+name+" not found")
		f = d.fallbackFont()
		res.fonts[name] = f
		return f
	}
	key := v.String()
	if f, ok := d.fonts[key]; ok {
		res.fonts[name] = f
		return f
	}
	defer func() {
		if x := recover(); x != nil {
			d.warn(page, v.Key("BaseFont").Name(), "font-unreadable", fmt.Sprintf("font /%s: %v", name, x))
			f = d.fallbackFont()
			res.fonts[name] = f
		}
	}()
	f = loadFont(v, func(code, msg string) { d.warn(page, v.Key("BaseFont").Name(), code, msg) })
	d.fonts[key] = f
	res.fonts[name] = f
	return f
}

func (d *docState) property(res *resources, name string) interface{} {
	p := res.v.Key("Properties").Key(name)
	if at := p.Key("ActualText"); at.Kind() == vString {
		return textString(at.RawString())
	}
	return nil
}

type pageLine struct {
	pline
	furniture bool
}

type pageText struct {
	page  int
	h     float64 // page height
	lines []pageLine
	links []pageLink
}

// pageLink is a link with the index of its line in pageText.lines (-1: none).
type pageLink struct {
	Link
	at  int
	box [4]float64 // display space: x0, top, x1, bottom
}

var debugLayout = os.Getenv("UNDOC_PDF_DEBUG") != ""

// page interprets one page and lays it out. Problems become diagnostics;
// the glyphs read before a failure are kept.
func (d *docState) page(ctx context.Context, p pageInfo, n int, tables *int, stats *textStats) (pt pageText) {
	P, _, H := p.displayMatrix()
	pt = pageText{page: n, h: H}
	in := &interp{ctx: ctx, doc: d, page: n, gs: gstate{ctm: P, th: 1}, glyphs: d.glyphBuf[:0]}
	defer func() {
		// keep the buffer for the next page; drop references into this one
		clear(in.glyphs)
		if cap(in.glyphs) <= 1<<16 {
			d.glyphBuf = in.glyphs[:0]
		}
	}()
	func() {
		defer func() {
			if x := recover(); x != nil {
				d.warn(n, "", "page-error", fmt.Sprintf("page %d: content could not be read completely: %v", n, x))
			}
		}()
		res := d.resourcesFor(p.resources)
		data := pageContents(d.contentBuf[:0], p.v, func(msg string) { d.warn(n, "", "content-unreadable", msg) })
		if cap(data) <= 16<<20 {
			d.contentBuf = data[:0] // for the next page: nothing keeps a reference into it
		}
		if err := in.run(data, res); err != nil {
			d.warn(n, "", "page-error", fmt.Sprintf("page %d: %v", n, err))
		}
	}()
	func() {
		defer func() {
			if x := recover(); x != nil {
				d.warn(n, "", "annots-unreadable", fmt.Sprintf("page %d: form field appearances: %v", n, x))
			}
		}()
		in.drawAppearances(p.v, P, d.resourcesFor(p.resources))
	}()
	if debugLayout {
		for _, r := range in.rules {
			fmt.Fprintf(os.Stderr, "p%d rule %+v\n", n, r)
		}
	}
	stats.addPage(n, in.glyphs, d)
	var links []pageLink
	func() {
		defer func() {
			if x := recover(); x != nil {
				d.warn(n, "", "annots-unreadable", fmt.Sprint(x))
			}
		}()
		links = readLinks(p.v, P, n)
	}()
	linkTexts(in.glyphs, links) // before layout, which reorders the glyphs
	for _, l := range layoutPage(in.glyphs, in.rules, tables, H, &d.scratch) {
		pt.lines = append(pt.lines, pageLine{pline: l})
	}
	pt.links = placeLinks(links, pt.lines)
	return pt
}

// pageContents appends the decoded content streams of a page to buf.
func pageContents(buf []byte, v Value, warn func(string)) []byte {
	c := v.Key("Contents")
	switch c.Kind() {
	case vStream:
		data, err := appendStream(buf, c)
		if err != nil {
			warn(err.Error())
		}
		return data
	case vArray:
		all := buf
		for i := 0; i < c.Len() && i < 10000; i++ {
			var err error
			if all, err = appendStream(all, c.Index(i)); err != nil {
				warn(err.Error())
			}
			all = append(all, '\n')
			if len(all) > maxStreamBytes {
				warn("page content larger than limit")
				break
			}
		}
		return all
	}
	return buf
}

// readLinks reads a page's URI link annotations (§12.5.6.5, §12.6.4.7)
// and their rectangles. P maps user space to display space, as for the
// glyphs.
func readLinks(page Value, P matrix, n int) []pageLink {
	var out []pageLink
	an := page.Key("Annots")
	for i := 0; i < an.Len() && i < 10000; i++ {
		a := an.Index(i)
		if a.Key("Subtype").Name() != "Link" {
			continue
		}
		act := a.Key("A")
		if act.Key("S").Name() != "URI" {
			continue
		}
		u := act.Key("URI")
		if u.Kind() != vString {
			continue
		}
		uri := u.RawString()
		if len(uri) >= 2 && uri[0] == 0xFE && uri[1] == 0xFF {
			uri = textString(uri)
		}
		uri = strings.TrimSpace(uri)
		if uri == "" {
			continue
		}
		r := a.Key("Rect")
		x0, y0 := P.apply(r.Index(0).Float64(), r.Index(1).Float64())
		x1, y1 := P.apply(r.Index(2).Float64(), r.Index(3).Float64())
		box := [4]float64{min(x0, x1) - 1, min(y0, y1) - 1, max(x0, x1) + 1, max(y0, y1) + 1}
		out = append(out, pageLink{Link: Link{URI: uri, Page: n}, box: box, at: -1})
	}
	return out
}

// linkTexts sets each link's text: the upright glyphs whose centres lie in
// its box, in content order. One pass over the glyphs, each looked up
// among the boxes sorted by top.
func linkTexts(gl []glyph, links []pageLink) {
	if len(links) == 0 {
		return
	}
	byTop := make([]int, len(links))
	tallest := 0.0
	for i := range links {
		byTop[i] = i
		tallest = max(tallest, links[i].box[3]-links[i].box[1])
	}
	slices.SortFunc(byTop, func(a, b int) int { return cmp.Compare(links[a].box[1], links[b].box[1]) })
	text := make([]strings.Builder, len(links))
	for _, g := range gl {
		if g.dir != 0 || g.artifact {
			continue
		}
		cx, cy := g.x+g.w/2, g.y-g.size*0.35
		// the boxes with top ≤ cy, from the last; none below cy - tallest holds cy
		k, _ := slices.BinarySearchFunc(byTop, cy, func(i int, y float64) int {
			if links[i].box[1] <= y {
				return -1
			}
			return 1
		})
		for k--; k >= 0 && links[byTop[k]].box[1] >= cy-tallest; k-- {
			b := links[byTop[k]].box
			if cx >= b[0] && cx <= b[2] && cy <= b[3] {
				text[byTop[k]].WriteString(g.text)
			}
		}
	}
	for i := range links {
		links[i].Text = strings.TrimSpace(text[i].String())
	}
}

// placeLinks finds the line under each link, joins the halves of links
// broken at a line end, and puts the links in reading order.
func placeLinks(links []pageLink, lines []pageLine) []pageLink {
	var out []pageLink
	for _, l := range links {
		l.at = lineAt(lines, l.box)
		if k := len(out) - 1; k >= 0 && out[k].URI == l.URI {
			// a link that wraps onto the next line comes as two annotations
			if a, b, ok := wrapped(out[k], l, lines); ok {
				a.Text += b.Text
				out[k] = a
				continue
			}
		}
		out = append(out, l)
	}
	// annotations are stored in any order
	slices.SortStableFunc(out, func(a, b pageLink) int { return cmp.Compare(uint(a.at), uint(b.at)) })
	return out
}

// wrapped tells whether two annotations of one URI are the halves of a
// link broken at a line end, and returns them in reading order.
func wrapped(a, b pageLink, lines []pageLine) (pageLink, pageLink, bool) {
	if a.at > b.at {
		a, b = b, a
	}
	if a.at < 0 || b.at != a.at+1 {
		return a, b, false
	}
	const slack = 3
	end := a.box[2] >= lines[a.at].x1-slack
	start := b.box[0] <= lines[b.at].x0+slack
	return a, b, end && start
}

// lineAt is the index of the line that overlaps box most, -1 if none does.
func lineAt(lines []pageLine, box [4]float64) int {
	best, bestArea := -1, 0.0
	for i, l := range lines {
		w := min(l.x1, box[2]) - max(l.x0, box[0])
		h := min(l.bottom, box[3]) - max(l.top, box[1])
		if w > 0 && h > 0 && w*h > bestArea {
			best, bestArea = i, w*h
		}
	}
	return best
}
