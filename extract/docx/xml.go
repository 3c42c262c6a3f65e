package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Namespaces the reader tells apart. Transitional and strict OOXML name
// the same vocabulary differently.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// elem is one element of a parsed part: its local name, whether it is in
// the WordprocessingML namespace, its attributes, children and text.
type elem struct {
	name  string
	space string
	attrs []xml.Attr
	kids  []*elem
	text  string // character data directly inside, for w:t and the like
}

// is tells whether e is the WordprocessingML element local.
func (e *elem) is(local string) bool {
	return e.name == local && (e.space == nsW || e.space == nsWStrict)
}

// attr is the value of the attribute with this local name (any namespace
// but the relationships one), "" when absent.
func (e *elem) attr(local string) string {
	for _, a := range e.attrs {
		if a.Name.Local == local && a.Name.Space != nsR && a.Name.Space != nsRStrict {
			return a.Value
		}
	}
	return ""
}

// rid is the r:id (or another relationships-namespace attribute) value.
func (e *elem) rid(local string) string {
	for _, a := range e.attrs {
		if a.Name.Local == local && (a.Name.Space == nsR || a.Name.Space == nsRStrict) {
			return a.Value
		}
	}
	return ""
}

// child is the first WordprocessingML child named local, nil if none.
func (e *elem) child(local string) *elem {
	if e == nil {
		return nil
	}
	for _, k := range e.kids {
		if k.is(local) {
			return k
		}
	}
	return nil
}

// val is the w:val of the child named local, "" when absent.
func (e *elem) val(local string) string {
	if c := e.child(local); c != nil {
		return c.attr("val")
	}
	return ""
}

// on reads a toggle property (w:b, w:vanish): nil when absent, else its
// value (absent w:val means on).
func (e *elem) on(local string) *bool {
	c := e.child(local)
	if c == nil {
		return nil
	}
	v := true
	switch c.attr("val") {
	case "0", "false", "off":
		v = false
	}
	return &v
}

// errDepth is wrapped when a part nests deeper than the limit.
var errDepth = errors.New("element nesting deeper than the limit")

// parseXML parses a part into its root element. DOCTYPE and ENTITY
// declarations are refused outright (no entity is ever expanded: the
// decoder knows only the five predefined ones), and nesting is bounded.
func parseXML(b []byte, maxDepth int) (*elem, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var stack []*elem
	var root *elem
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadXML, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			s := strings.ToUpper(string(t))
			if strings.Contains(s, "DOCTYPE") || strings.Contains(s, "ENTITY") {
				return nil, fmt.Errorf("%w: DOCTYPE or ENTITY declaration (refused: entity expansion)", ErrBadXML)
			}
			return nil, fmt.Errorf("%w: unexpected directive <!%.20s", ErrBadXML, s)
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, fmt.Errorf("%w: %w (%d)", ErrBadXML, errDepth, maxDepth)
			}
			e := &elem{name: t.Name.Local, space: t.Name.Space, attrs: keptAttrs(t.Attr)}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, e)
			} else if root == nil {
				root = e
			} else {
				return nil, fmt.Errorf("%w: more than one root element", ErrBadXML)
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fmt.Errorf("%w: unbalanced end element", ErrBadXML)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				e := stack[len(stack)-1]
				if keepsText[e.name] {
					e.text += string(t)
				}
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%w: no root element", ErrBadXML)
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("%w: unexpected end of part", ErrBadXML)
	}
	resolveNames(root, nil)
	return root, nil
}

// keptAttrs drops the attributes no reader looks at and Word writes on
// every paragraph and run (revision ids, paragraph ids), which would
// otherwise be most of a large part's tree.
func keptAttrs(attrs []xml.Attr) []xml.Attr {
	out := attrs[:0]
	for _, a := range attrs {
		if strings.HasPrefix(a.Name.Local, "rsid") || a.Name.Local == "paraId" || a.Name.Local == "textId" {
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// keepsText lists the elements whose character data is read.
var keepsText = map[string]bool{"t": true, "instrText": true}

// resolveNames replaces the prefixes RawToken leaves on names with their
// namespace URLs, from the xmlns declarations in scope. (RawToken is used
// so that the decoder does not check end tags against a namespace map it
// would otherwise build and discard per token.)
func resolveNames(e *elem, scope map[string]string) {
	var own map[string]string
	for _, a := range e.attrs {
		if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
			if own == nil {
				own = make(map[string]string, len(scope)+4)
				for k, v := range scope {
					own[k] = v
				}
			}
			if a.Name.Space == "" {
				own[""] = a.Value
			} else {
				own[a.Name.Local] = a.Value
			}
		}
	}
	if own != nil {
		scope = own
	}
	e.space = scope[e.space]
	for i, a := range e.attrs {
		if a.Name.Space != "" && a.Name.Space != "xmlns" && a.Name.Space != "xml" {
			e.attrs[i].Name.Space = scope[a.Name.Space]
		}
	}
	for _, k := range e.kids {
		resolveNames(k, scope)
	}
}
