package html

import (
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
)

// The HTML parser in golang.org/x/net/html keeps no source positions. To
// know where an element starts, markSource rewrites the decoded source once:
// every start tag gets a first attribute lineAttr="S-E" (the lines on which
// the tag starts and ends). The parser copies attributes onto the element it
// builds, even when it moves the element (foster parenting, adoption agency),
// so the tree then carries its own line numbers. Elements the parser invents
// (tbody, implied html/body) carry none and inherit the running line.
const lineAttr = "data-undoc-ln"

// lineCounter counts lines across byte chunks: LF, CRLF and lone CR each end
// a line.
type lineCounter struct {
	line   int
	lastCR bool
}

func (lc *lineCounter) feed(b []byte) {
	for _, c := range b {
		switch c {
		case '\n':
			if !lc.lastCR {
				lc.line++
			}
			lc.lastCR = false
		case '\r':
			lc.line++
			lc.lastCR = true
		default:
			lc.lastCR = false
		}
	}
}

// markedSource is the decoded source with line attributes added.
type markedSource struct {
	html      string
	lines     int // number of lines in the decoded source
	startTags int // start tags seen by the tokenizer
}

func markSource(src string) markedSource {
	var sb strings.Builder
	sb.Grow(len(src) + len(src)/8)
	z := xhtml.NewTokenizer(strings.NewReader(src))
	lc := lineCounter{line: 1}
	ms := markedSource{}
	off := 0 // offset in src after the current token
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		start := lc.line
		lc.feed(raw)
		off += len(raw)
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			sb.Write(raw)
			continue
		}
		ms.startTags++
		end := lc.line
		if name := tagName(raw); name == "pre" || name == "listing" || name == "textarea" {
			// The parser drops a line break right after these start tags;
			// count it as part of the tag so the text's lines stay right.
			rest := src[off:]
			if strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r") {
				end++
			}
		}
		// The tag name runs from after '<' to the first space, '/' or '>'.
		i := 1
		for i < len(raw) && !isTagNameEnd(raw[i]) {
			i++
		}
		sb.Write(raw[:i])
		sb.WriteString(" " + lineAttr + `="`)
		sb.WriteString(strconv.Itoa(start))
		sb.WriteByte('-')
		sb.WriteString(strconv.Itoa(end))
		sb.WriteByte('"')
		if i < len(raw) && raw[i] == '/' {
			// "<br/>": keep the slash apart from our attribute value.
			sb.WriteByte(' ')
		}
		sb.Write(raw[i:])
	}
	// An unfinished tag at the very end is dropped, as the parser drops it.
	ms.html = sb.String()
	ms.lines = countLines(src)
	return ms
}

// tagName returns the lower-case name of the start tag in raw.
func tagName(raw []byte) string {
	i := 1
	for i < len(raw) && !isTagNameEnd(raw[i]) {
		i++
	}
	return strings.ToLower(string(raw[1:i]))
}

func isTagNameEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
		return true
	}
	return false
}

// countLines returns the number of lines in s (at least 1).
func countLines(s string) int {
	lc := lineCounter{line: 1}
	lc.feed([]byte(s))
	if n := len(s); n > 0 && (s[n-1] == '\n' || s[n-1] == '\r') {
		lc.line--
	}
	if lc.line < 1 {
		return 1
	}
	return lc.line
}

// nodeLines returns the lines on which n's start tag starts and ends, from
// the attribute markSource added; ok is false for elements the parser made
// up.
func nodeLines(n *xhtml.Node) (start, end int, ok bool) {
	for _, a := range n.Attr {
		if a.Key != lineAttr || a.Namespace != "" {
			continue
		}
		s, e, found := strings.Cut(a.Val, "-")
		if !found {
			return 0, 0, false
		}
		si, err1 := strconv.Atoi(s)
		ei, err2 := strconv.Atoi(e)
		if err1 != nil || err2 != nil || si < 1 || ei < si {
			return 0, 0, false
		}
		return si, ei, true
	}
	return 0, 0, false
}
