package docx

import (
	"strconv"
	"strings"
)

// props are the paragraph and run properties the reader uses. A nil field
// is not set at this level and inherits.
type props struct {
	outline *int // w:outlineLvl, 0-based; 9 is body text
	numID   *int
	ilvl    *int
	left    *int // w:ind left/start, in twentieths of a point
	bold    *bool
	vanish  *bool
	size    *int // w:sz, in half-points
}

// over returns p with the fields set in q put over it.
func (p props) over(q props) props {
	if q.outline != nil {
		p.outline = q.outline
	}
	if q.numID != nil {
		p.numID = q.numID
	}
	if q.ilvl != nil {
		p.ilvl = q.ilvl
	}
	if q.left != nil {
		p.left = q.left
	}
	if q.bold != nil {
		p.bold = q.bold
	}
	if q.vanish != nil {
		p.vanish = q.vanish
	}
	if q.size != nil {
		p.size = q.size
	}
	return p
}

func intPtr(s string) *int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return nil
	}
	return &n
}

// pprops reads the properties in a w:pPr (outline level, numbering,
// indentation) and its nothing else.
func pprops(ppr *elem) props {
	var p props
	if ppr == nil {
		return p
	}
	p.outline = intPtr(ppr.val("outlineLvl"))
	if np := ppr.child("numPr"); np != nil {
		p.numID = intPtr(np.val("numId"))
		p.ilvl = intPtr(np.val("ilvl"))
	}
	if ind := ppr.child("ind"); ind != nil {
		if v := ind.attr("left"); v != "" {
			p.left = intPtr(v)
		} else if v := ind.attr("start"); v != "" {
			p.left = intPtr(v)
		}
	}
	return p
}

// rprops reads the run properties in a w:rPr.
func rprops(rpr *elem) props {
	var p props
	if rpr == nil {
		return p
	}
	p.bold = rpr.on("b")
	p.vanish = rpr.on("vanish")
	p.size = intPtr(rpr.val("sz"))
	return p
}

// style is one w:style.
type style struct {
	id, name, typ string
	basedOn       string
	custom        bool  // a style the document defines: named by its id ("H23G"), built-in ones by name ("heading 1")
	own           props // its pPr and rPr together
}

// styles are a document's styles, resolved through basedOn.
type styles struct {
	byID      map[string]*style
	defaults  props  // w:docDefaults
	defaultP  string // the default paragraph style's id
	defaultC  string // the default character style's id
	resolved  map[string]props
	numStyles map[string]*int // numbering style id → its numId
}

// parseStyles reads styles.xml; a nil root gives empty styles.
func parseStyles(root *elem) *styles {
	s := &styles{byID: map[string]*style{}, resolved: map[string]props{}, numStyles: map[string]*int{}}
	if root == nil {
		return s
	}
	for _, k := range root.kids {
		switch {
		case k.is("docDefaults"):
			var d props
			if rd := k.child("rPrDefault"); rd != nil {
				d = d.over(rprops(rd.child("rPr")))
			}
			if pd := k.child("pPrDefault"); pd != nil {
				d = d.over(pprops(pd.child("pPr")))
			}
			s.defaults = d
		case k.is("style"):
			st := &style{id: k.attr("styleId"), custom: k.attr("customStyle") == "1" || k.attr("customStyle") == "true", name: k.val("name"), typ: k.attr("type"), basedOn: k.val("basedOn")}
			st.own = pprops(k.child("pPr")).over(rprops(k.child("rPr")))
			if _, dup := s.byID[st.id]; !dup {
				s.byID[st.id] = st
			}
			if k.attr("default") == "1" || k.attr("default") == "true" {
				switch st.typ {
				case "paragraph":
					s.defaultP = st.id
				case "character":
					s.defaultC = st.id
				}
			}
			if st.typ == "numbering" {
				s.numStyles[st.id] = st.own.numID
			}
		}
	}
	return s
}

// props resolves a style's properties through its basedOn chain (a loop
// or a chain longer than 32 styles ends the walk), without the defaults.
func (s *styles) props(id string) props {
	if p, ok := s.resolved[id]; ok {
		return p
	}
	var chain []*style
	seen := map[string]bool{}
	for cur := id; cur != "" && !seen[cur] && len(chain) < 32; {
		seen[cur] = true
		st := s.byID[cur]
		if st == nil {
			break
		}
		chain = append(chain, st)
		cur = st.basedOn
	}
	var p props
	for i := len(chain) - 1; i >= 0; i-- {
		p = p.over(chain[i].own)
	}
	s.resolved[id] = p
	return p
}

// name is the style's name: the display name of a built-in style
// ("heading 1"), the id of a custom one ("H23G"; its display name, "_ H_2/3_G",
// is decoration).
func (s *styles) name(id string) string {
	if st := s.byID[id]; st != nil {
		if st.name != "" && !st.custom {
			return st.name
		}
		return st.id
	}
	return id
}

// headingLevel is the heading level (1-based) a style name implies
// ("heading 2" → 2), 0 for other names.
func headingLevel(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	if !strings.HasPrefix(n, "heading ") {
		return 0
	}
	v, err := strconv.Atoi(strings.TrimSpace(n[len("heading "):]))
	if err != nil || v < 1 || v > 9 {
		return 0
	}
	return v
}
