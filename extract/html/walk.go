package html

import (
	"net/url"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/undoc/undoc/extract"
)

// lineCtx is what the enclosing elements say about the lines inside them.
type lineCtx struct {
	table, row, col int  // table cell, all 0 outside tables
	header          bool // a th cell or a cell of a thead
	heading         int  // 1-6 for h1-h6, 7 for a bold centred paragraph
	centered, bold  bool
}

// walker walks the parsed tree in document order and emits Lines.
type walker struct {
	drop    map[*xhtml.Node]bool
	maxLine int

	lines []extract.Line
	links []Link

	lb     lineBuilder
	cur    int // running source line
	ctx    lineCtx
	tables int // data tables numbered so far
	pre    int // depth of <pre>

	dropped    int  // dropped subtrees of page furniture
	structured bool // saw a block, heading, table or <br>
}

func newWalker(drop map[*xhtml.Node]bool, maxLine int) *walker {
	return &walker{drop: drop, maxLine: maxLine, cur: 1}
}

// blockTags are the elements that start and end a line.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"center": true, "dd": true, "details": true, "dialog": true, "dir": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "html": true,
	"li": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true, "ul": true,
	"caption": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true,
	"tfoot": true, "legend": true, "option": true, "optgroup": true, "listing": true,
	"plaintext": true, "xmp": true, "frameset": true,
}

// skipTags hold no document text.
var skipTags = map[string]bool{
	"head": true, "title": true, "script": true, "style": true, "noscript": true,
	"template": true, "iframe": true, "frame": true, "frameset": true, "noframes": true,
	"object": true, "embed": true, "canvas": true, "video": true, "audio": true,
	"select": true, "button": true, "input": true, "textarea": true, "rt": true,
	"rp": true, "map": true, "datalist": true, "meta": true, "link": true, "base": true,
}

func (w *walker) walk(n *xhtml.Node) {
	switch n.Type {
	case xhtml.DocumentNode:
		w.children(n)
	case xhtml.TextNode:
		if w.pre > 0 {
			w.preText(n.Data)
		} else {
			w.lb.addText(n.Data, &w.cur)
		}
	case xhtml.CommentNode:
		w.cur += strings.Count(n.Data, "\n")
	case xhtml.ElementNode:
		w.element(n)
	}
}

func (w *walker) children(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// sync moves the running line to n's start tag and returns the line the
// element starts on.
func (w *walker) sync(n *xhtml.Node) int {
	start, end, ok := nodeLines(n)
	if !ok {
		return w.cur
	}
	w.cur = end
	return start
}

func (w *walker) element(n *xhtml.Node) {
	start := w.sync(n)
	if w.drop[n] {
		if blockTags[n.Data] {
			w.flush()
		}
		w.dropped++
		w.skip(n)
		return
	}
	if n.Namespace != "" || skipTags[n.Data] {
		// SVG and MathML (figures drawn in markup) and non-text elements.
		if blockTags[n.Data] {
			w.flush()
		}
		w.skip(n)
		return
	}
	switch n.Data {
	case "br":
		w.structured = true
		w.flush()
		return
	case "hr":
		w.flush()
		return
	case "img", "wbr", "area", "col", "colgroup", "param", "source", "track":
		return
	case "table":
		w.table(n)
		return
	case "a":
		w.link(n, start)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		w.block(n, start, int(n.Data[1]-'0'))
		return
	case "pre", "listing", "xmp", "plaintext":
		w.pre++
		w.block(n, start, 0)
		w.pre--
		return
	}
	if blockTags[n.Data] {
		w.block(n, start, 0)
		return
	}
	w.children(n) // inline
}

// block walks an element that stands on lines of its own.
func (w *walker) block(n *xhtml.Node, start, heading int) {
	w.flush()
	saved := w.ctx
	switch n.Data {
	case "html", "body", "form":
	default:
		w.structured = true
	}
	if n.Data == "center" || isCentered(n) {
		w.ctx.centered = true
	}
	if isBoldStyle(n) {
		w.ctx.bold = true
	}
	if heading > 0 {
		w.ctx.heading = heading
		w.structured = true
	} else if w.ctx.heading == 0 && (n.Data == "p" || n.Data == "div" || n.Data == "center") && w.isStyledHeading(n) {
		w.ctx.heading = 7
	}
	if w.pre == 0 {
		// Preformatted lines are numbered where their text is.
		w.lb.blockLine = start
	}
	w.children(n)
	w.flush()
	w.lb.blockLine = 0
	w.ctx = saved
}

// flush ends the current line.
func (w *walker) flush() {
	text, n := w.lb.take()
	if text == "" {
		return
	}
	if n < 1 {
		n = 1
	}
	if n > w.maxLine {
		n = w.maxLine
	}
	w.lines = append(w.lines, extract.Line{
		Text:       text,
		N:          n,
		Table:      w.ctx.table,
		Row:        w.ctx.row,
		Col:        w.ctx.col,
		Heading:    w.ctx.heading,
		HeaderCell: w.ctx.header,
		Bold:       w.ctx.bold,
	})
}

// preText handles text inside <pre>: white space kept, one line per source
// line.
func (w *walker) preText(s string) {
	for _, r := range s {
		switch r {
		case '\n':
			w.cur++
			w.flush()
		case '\r':
		default:
			w.lb.writeVerbatim(r, w.cur)
		}
	}
}

// skip passes over a subtree that is not emitted, keeping the running line.
func (w *walker) skip(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case xhtml.ElementNode:
			w.sync(c)
			w.skip(c)
		case xhtml.TextNode, xhtml.CommentNode:
			w.cur += strings.Count(c.Data, "\n")
		}
	}
}

// link records an <a href> to a UN document.
func (w *walker) link(n *xhtml.Node, start int) {
	href := strings.TrimSpace(attr(n, "href"))
	if href == "" || !isDocLink(href) {
		return
	}
	w.links = append(w.links, Link{Href: href, Text: inlineText(n), Line: start})
}

// docHosts are the hosts of UN document links: the undocs.org resolver and
// its successor docs.un.org, the Official Document System (documents.un.org,
// ods.un.org) and the legacy daccess/dds hosts.
var docHosts = []string{
	"undocs.org", "docs.un.org", "documents.un.org", "ods.un.org",
	"daccess-ods.un.org", "daccess-dds-ny.un.org", "documents-dds-ny.un.org",
}

func isDocLink(href string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return false
	}
	for _, h := range docHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	// Other legacy ODS mirrors: daccess-ods*, daccess-dds-*, documents-dds-*.
	if strings.HasSuffix(host, ".un.org") {
		first, _, _ := strings.Cut(host, ".")
		for _, p := range []string{"daccess-", "documents-dds", "ods-"} {
			if strings.HasPrefix(first, p) {
				return true
			}
		}
	}
	return false
}

// inlineText returns the text of n's subtree on one line.
func inlineText(n *xhtml.Node) string {
	var lb lineBuilder
	cur := 0
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case xhtml.TextNode:
				lb.addText(c.Data, &cur)
			case xhtml.ElementNode:
				if c.Namespace != "" || skipTags[c.Data] {
					continue
				}
				if c.Data == "br" || blockTags[c.Data] {
					lb.space(true)
				}
				walk(c)
				if blockTags[c.Data] {
					lb.space(true)
				}
			}
		}
	}
	walk(n)
	t, _ := lb.take()
	return t
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// styleProp returns the value of a CSS property in n's style attribute,
// lower-cased, or "".
func styleProp(n *xhtml.Node, prop string) string {
	style := attr(n, "style")
	if style == "" {
		return ""
	}
	for _, decl := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), prop) {
			v = strings.ToLower(strings.TrimSpace(v))
			v = strings.TrimSpace(strings.TrimSuffix(v, "!important"))
			return v
		}
	}
	return ""
}

func isCentered(n *xhtml.Node) bool {
	return strings.EqualFold(strings.TrimSpace(attr(n, "align")), "center") ||
		styleProp(n, "text-align") == "center"
}

func isBoldStyle(n *xhtml.Node) bool {
	switch n.Data {
	case "b", "strong":
		return true
	}
	switch styleProp(n, "font-weight") {
	case "bold", "bolder", "600", "700", "800", "900":
		return true
	}
	return false
}

// maxStyledHeading is the longest text (in characters) taken for a bold
// centred heading; longer bold centred text is a paragraph.
const maxStyledHeading = 300

// isStyledHeading reports a bold centred paragraph: centred by itself or by
// an ancestor, all of its text bold, no block inside it, and short.
func (w *walker) isStyledHeading(n *xhtml.Node) bool {
	if !w.ctx.centered && !isCentered(n) {
		return false
	}
	chars := 0
	ok := allBold(n, w.ctx.bold || isBoldStyle(n), &chars)
	return ok && chars > 0 && chars <= maxStyledHeading
}

// allBold reports whether every non-space text under n is bold; chars counts
// the text. A block inside n makes it a container, not a heading.
func allBold(n *xhtml.Node, bold bool, chars *int) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case xhtml.TextNode:
			t := strings.TrimFunc(c.Data, isHTMLSpace)
			if t == "" {
				continue
			}
			if !bold {
				return false
			}
			*chars += utf8.RuneCountInString(t)
			if *chars > maxStyledHeading {
				return false
			}
		case xhtml.ElementNode:
			if c.Namespace != "" || skipTags[c.Data] {
				continue
			}
			if c.Data != "br" && blockTags[c.Data] {
				return false
			}
			if !allBold(c, bold || isBoldStyle(c), chars) {
				return false
			}
		}
	}
	return true
}
