package pdf

// The content-stream interpreter: graphics state (q/Q, cm), text state and
// text objects, following ISO 32000-1:2008 §8.3 (coordinate systems),
// §8.4 (graphics state), §9.3 (text state parameters Tc, Tw, Tz, TL, Tf,
// Tr, Ts), §9.4 (text objects: BT/ET, Td, TD, Tm, T*, Tj, TJ, ', ") with the
// glyph displacement of §9.4.4, §8.10 (Form XObjects), §8.5 (path
// construction, used only to find ruling lines) and §14.6/§14.9.4
// (marked content, ActualText, artifacts).

import (
	"context"
	"errors"
	"math"
)

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (row-vector convention of §8.3.4).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// translate sets m to [1 0 0 1 tx ty] × m.
func (m *matrix) translate(tx, ty float64) {
	m[4] += tx*m[0] + ty*m[2]
	m[5] += tx*m[1] + ty*m[3]
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// glyph is one shown character (or an ActualText replacement) in display
// space: x to the right, y down from the top of the (rotated) page.
type glyph struct {
	x, y     float64 // origin on the baseline, in the glyph's own frame
	w        float64 // advance along the baseline
	size     float64 // em size
	dir      int8    // 0 upright, 1 rotated 90° clockwise, 2 upside down, 3 rotated 90° anticlockwise
	text     string
	space    bool // the glyph is a space character
	font     *font
	artifact bool // inside an /Artifact marked-content sequence
	actual   bool // replaced by ActualText
	form     bool // drawn by a form field's appearance stream
}

type rule struct {
	horiz     bool
	pos       float64 // y for horizontal rules, x for vertical
	from, to  float64
	thickness float64
	shade     bool // an edge of a filled box, not a line drawn as such
}

type gstate struct {
	ctm                matrix
	tc, tw, th, tl, ts float64
	font               *font
	fs                 float64
	fontName           string
}

type mcEntry struct {
	actual   *string
	start    int
	artifact bool
}

// interp interprets the content streams of one page.
type interp struct {
	ctx            context.Context
	doc            *docState
	page           int
	gs             gstate
	stack          []gstate
	tm, tlm        matrix
	glyphs         []glyph
	rules          []rule
	mc             []mcEntry
	ops            int
	depth          int
	form           bool // drawing a form field's appearance
	codes          []glyphCode
	arrBuf         []operand
	path           []pathSeg
	pathX, pathY   float64
	startX, startY float64
}

type pathSeg struct {
	rect           bool
	x0, y0, x1, y1 float64 // user space
}

var errOpBudget = errors.New("content stream operator budget exceeded")

const maxOpsPerPage = 5_000_000

type resources struct {
	v     Value
	fonts map[string]*font
}

func (in *interp) run(data []byte, res *resources) error {
	l := &lexer{b: data}
	var ops []operand
	for {
		t, o, op := l.next()
		switch t {
		case tEOF:
			return nil
		case tOperand:
			if len(ops) < 4096 {
				ops = append(ops, o)
			}
			continue
		case tArrOpen:
			// TJ arrays: reuse one buffer (nested arrays go through object)
			arr := in.arrBuf[:0]
			for {
				t2, o2, _ := l.next()
				if t2 == tEOF || t2 == tArrClose {
					break
				}
				if t2 == tOperand {
					if len(arr) < 1<<16 {
						arr = append(arr, o2)
					}
					continue
				}
				if t2 == tArrOpen || t2 == tDictOpen {
					l.object(t2, o2, 2)
				}
			}
			in.arrBuf = arr
			if len(ops) < 4096 {
				ops = append(ops, operand{k: kArr, a: arr})
			}
			continue
		case tDictOpen:
			// marked-content properties: only ActualText is read
			v := l.dictEntry("ActualText")
			if len(ops) < 4096 {
				ops = append(ops, v)
			}
			continue
		case tArrClose, tDictClose:
			continue
		}
		in.ops++
		if in.ops&4095 == 0 {
			if err := in.ctx.Err(); err != nil {
				return err
			}
			if in.ops > maxOpsPerPage {
				return errOpBudget
			}
		}
		if op == "BI" {
			length := 0
			// inline image dictionary up to ID
			for {
				t2, o2, op2 := l.next()
				if t2 == tEOF {
					return nil
				}
				if t2 == tOp && op2 == "ID" {
					break
				}
				if t2 == tOperand && o2.k == kName && (o2.s == "L" || o2.s == "Length") {
					t3, o3, _ := l.next()
					if t3 == tOperand && o3.k == kNum {
						length = int(o3.n)
					}
				}
			}
			l.skipInlineImage(length)
			ops = ops[:0]
			continue
		}
		in.do(op, ops, res)
		ops = ops[:0]
	}
}

func num(ops []operand, i int) float64 {
	if i < len(ops) && ops[i].k == kNum {
		return ops[i].n
	}
	return 0
}

func nums(ops []operand, n int) ([]float64, bool) {
	if len(ops) < n {
		return nil, false
	}
	out := make([]float64, n)
	for i := 0; i < n; i++ {
		o := ops[len(ops)-n+i]
		if o.k != kNum {
			return nil, false
		}
		out[i] = o.n
	}
	return out, true
}

func (in *interp) do(op string, ops []operand, res *resources) {
	g := &in.gs
	switch op {
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, *g)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*g = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(ops, 6); ok {
			g.ctm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.mul(g.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tc":
		g.tc = num(ops, len(ops)-1)
	case "Tw":
		g.tw = num(ops, len(ops)-1)
	case "Tz":
		g.th = num(ops, len(ops)-1) / 100
	case "TL":
		g.tl = num(ops, len(ops)-1)
	case "Ts":
		g.ts = num(ops, len(ops)-1)
	case "Tf":
		if len(ops) >= 2 && ops[len(ops)-2].k == kName {
			name := ops[len(ops)-2].s
			g.fs = ops[len(ops)-1].n
			if name != g.fontName || g.font == nil {
				g.font = in.doc.fontFor(res, name, in.page)
				g.fontName = name
			}
		}
	case "Td":
		if v, ok := nums(ops, 2); ok {
			in.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(in.tlm)
			in.tm = in.tlm
		}
	case "TD":
		if v, ok := nums(ops, 2); ok {
			g.tl = -v[1]
			in.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if v, ok := nums(ops, 6); ok {
			in.tm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
			in.tlm = in.tm
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if n := len(ops); n > 0 && ops[n-1].k == kStr {
			in.show(ops[n-1].s)
		}
	case "'":
		in.nextLine()
		if n := len(ops); n > 0 && ops[n-1].k == kStr {
			in.show(ops[n-1].s)
		}
	case "\"":
		if n := len(ops); n >= 3 && ops[n-1].k == kStr {
			g.tw = ops[n-3].n
			g.tc = ops[n-2].n
			in.nextLine()
			in.show(ops[n-1].s)
		}
	case "TJ":
		if n := len(ops); n > 0 && ops[n-1].k == kArr {
			for _, e := range ops[n-1].a {
				switch e.k {
				case kStr:
					in.show(e.s)
				case kNum:
					in.adjust(e.n)
				}
			}
		}
	case "BMC":
		in.mc = append(in.mc, mcEntry{start: len(in.glyphs), artifact: len(ops) > 0 && ops[len(ops)-1].s == "Artifact" || in.inArtifact()})
	case "BDC":
		e := mcEntry{start: len(in.glyphs), artifact: in.inArtifact()}
		if len(ops) >= 2 {
			tag, props := ops[len(ops)-2], ops[len(ops)-1]
			if tag.s == "Artifact" {
				e.artifact = true
			}
			var at operand
			var ok bool
			if props.k == kDict {
				at, ok = props.key("ActualText")
			} else if props.k == kName {
				p := in.doc.property(res, props.s)
				if s, has := p.(string); has {
					at, ok = operand{k: kStr, s: s}, true
				}
			}
			if ok && at.k == kStr {
				s := textString(at.s)
				e.actual = &s
			}
		}
		if len(in.mc) < 256 {
			in.mc = append(in.mc, e)
		}
	case "EMC":
		if n := len(in.mc); n > 0 {
			e := in.mc[n-1]
			in.mc = in.mc[:n-1]
			if e.actual != nil {
				in.applyActualText(e)
			}
		}
	case "Do":
		if n := len(ops); n > 0 && ops[n-1].k == kName {
			in.doXObject(res, ops[n-1].s)
		}
	// path construction, for ruling lines
	case "m":
		if v, ok := nums(ops, 2); ok {
			in.pathX, in.pathY = v[0], v[1]
			in.startX, in.startY = v[0], v[1]
		}
	case "l":
		if v, ok := nums(ops, 2); ok {
			if len(in.path) < 4096 {
				in.path = append(in.path, pathSeg{x0: in.pathX, y0: in.pathY, x1: v[0], y1: v[1]})
			}
			in.pathX, in.pathY = v[0], v[1]
		}
	case "c", "v", "y":
		if v, ok := nums(ops, 2); ok {
			in.pathX, in.pathY = v[0], v[1]
		}
		in.path = append(in.path[:0], pathSeg{x0: math.NaN()}) // curves: not a rule
	case "h":
		in.pathX, in.pathY = in.startX, in.startY
	case "re":
		if v, ok := nums(ops, 4); ok && len(in.path) < 4096 {
			in.path = append(in.path, pathSeg{rect: true, x0: v[0], y0: v[1], x1: v[0] + v[2], y1: v[1] + v[3]})
		}
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
		in.paintPath(op == "S" || op == "s")
		in.path = in.path[:0]
	case "n":
		in.path = in.path[:0]
	}
}

func (in *interp) inArtifact() bool {
	for _, e := range in.mc {
		if e.artifact {
			return true
		}
	}
	return false
}

func (in *interp) nextLine() {
	in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
	in.tm = in.tlm
}

func (in *interp) adjust(n float64) {
	g := &in.gs
	if g.font != nil && g.font.vertical {
		in.tm.translate(0, -n/1000*g.fs)
		return
	}
	in.tm.translate(-n/1000*g.fs*g.th, 0)
}

// show emits the glyphs of one string and advances the text matrix (§9.4.4).
func (in *interp) show(s string) {
	g := &in.gs
	f := g.font
	if f == nil {
		f = in.doc.fallbackFont()
	}
	in.codes = f.decodeString(s, in.codes[:0])
	for _, c := range in.codes {
		if c.text != "" && len(in.glyphs) < maxGlyphsPerPage {
			in.emit(in.tm.mul(g.ctm), c, f)
		}
		if f.vertical {
			ty := -g.fs + g.tc
			if c.space {
				ty += g.tw
			}
			in.tm.translate(0, ty)
			continue
		}
		tx := c.width*g.fs + g.tc
		if c.space {
			tx += g.tw
		}
		in.tm.translate(tx*g.th, 0)
	}
}

const maxGlyphsPerPage = 1 << 20

func (in *interp) emit(m matrix, c glyphCode, f *font) {
	g := &in.gs
	// origin, advance end and up vector in display space
	x0, y0 := m.apply(0, g.ts)
	adv := c.width * g.fs * g.th
	if f.vertical {
		adv = g.fs
	}
	x1, y1 := m.apply(adv, g.ts)
	ux, uy := m[2]*g.fs, m[3]*g.fs
	size := hypot(ux, uy) * f.sizeScale
	if f.vertical {
		x1, y1 = m.apply(0, g.ts-g.fs)
	}
	dx, dy := x1-x0, y1-y0
	var dir int8
	if f.vertical {
		dir = 1
	} else if dx == 0 && dy == 0 {
		// zero-width glyph: direction from the text matrix
		dx, dy = m[0], m[1]
	}
	if !f.vertical {
		switch {
		case math.Abs(dx) >= math.Abs(dy) && dx >= 0:
			dir = 0
		case math.Abs(dx) >= math.Abs(dy):
			dir = 2
		case dy > 0:
			dir = 1
		default:
			dir = 3
		}
	}
	w := hypot(x1-x0, y1-y0)
	// express the origin in the glyph's own frame (rotate so text is horizontal)
	x, y := rotateToFrame(x0, y0, dir)
	if size == 0 || math.IsNaN(size) || math.IsInf(size, 0) {
		size = 1
	}
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return
	}
	in.glyphs = append(in.glyphs, glyph{
		x: x, y: y, w: w, size: size, dir: dir, text: c.text,
		space: c.text == " " || c.text == "\u00A0", font: f, artifact: in.inArtifact(), form: in.form,
	})
}

// hypot is math.Hypot, quick for the axis-parallel vectors of most text.
func hypot(x, y float64) float64 {
	switch {
	case y == 0:
		return math.Abs(x)
	case x == 0:
		return math.Abs(y)
	}
	return math.Hypot(x, y)
}

// rotateToFrame maps display coordinates into the frame where text of
// direction dir runs left to right with y growing downwards.
func rotateToFrame(x, y float64, dir int8) (float64, float64) {
	switch dir {
	case 1: // text runs downwards
		return y, -x
	case 2:
		return -x, -y
	case 3: // text runs upwards
		return -y, x
	}
	return x, y
}

func (in *interp) applyActualText(e mcEntry) {
	if e.start > len(in.glyphs) {
		return
	}
	gl := in.glyphs[e.start:]
	if len(gl) == 0 {
		return
	}
	first := gl[0]
	minX, maxX := first.x, first.x+first.w
	for _, q := range gl[1:] {
		if q.dir != first.dir {
			continue
		}
		minX = math.Min(minX, q.x)
		maxX = math.Max(maxX, q.x+q.w)
	}
	first.x = minX
	first.w = maxX - minX
	first.text = *e.actual
	first.actual = true
	first.space = false
	in.glyphs = append(in.glyphs[:e.start], first)
	if first.text == "" {
		in.glyphs = in.glyphs[:e.start]
	}
}

func (in *interp) paintPath(stroke bool) {
	ctm := in.gs.ctm
	for _, p := range in.path {
		if math.IsNaN(p.x0) {
			continue
		}
		ax, ay := ctm.apply(p.x0, p.y0)
		bx, by := ctm.apply(p.x1, p.y1)
		minX, maxX := math.Min(ax, bx), math.Max(ax, bx)
		minY, maxY := math.Min(ay, by), math.Max(ay, by)
		w, h := maxX-minX, maxY-minY
		switch {
		case h <= 3 && w >= 8:
			in.rules = append(in.rules, rule{horiz: true, pos: (minY + maxY) / 2, from: minX, to: maxX, thickness: h})
		case w <= 3 && h >= 8:
			in.rules = append(in.rules, rule{pos: (minX + maxX) / 2, from: minY, to: maxY, thickness: w})
		case p.rect && w > 8 && h > 8 && !stroke:
			// a filled box (cell shading): its top and bottom edges separate rows
			in.rules = append(in.rules, rule{horiz: true, pos: minY, from: minX, to: maxX, shade: true},
				rule{horiz: true, pos: maxY, from: minX, to: maxX, shade: true})
		case p.rect && stroke && w > 8 && h > 8:
			in.rules = append(in.rules, rule{horiz: true, pos: minY, from: minX, to: maxX},
				rule{horiz: true, pos: maxY, from: minX, to: maxX},
				rule{pos: minX, from: minY, to: maxY}, rule{pos: maxX, from: minY, to: maxY})
		}
		if len(in.rules) > 1<<16 {
			in.rules = in.rules[:1<<16]
		}
	}
}

const maxFormDepth = 12

func (in *interp) doXObject(res *resources, name string) {
	if in.depth >= maxFormDepth {
		return
	}
	xo := res.v.Key("XObject").Key(name)
	if xo.Kind() != vStream || xo.Key("Subtype").Name() != "Form" {
		return
	}
	in.runForm(xo, name, res)
}

// runForm interprets a form XObject (§8.10) in the current state, with its
// /Matrix and /Resources.
func (in *interp) runForm(xo Value, name string, res *resources) {
	data, err := readStream(xo)
	if err != nil && len(data) == 0 {
		in.doc.warn(in.page, "", "xobject-unreadable", "form XObject "+name+": "+err.Error())
		return
	}
	saved := in.gs
	savedStack := len(in.stack)
	savedTm, savedTlm := in.tm, in.tlm
	if m := numArray(xo.Key("Matrix")); len(m) == 6 {
		in.gs.ctm = matrix{m[0], m[1], m[2], m[3], m[4], m[5]}.mul(in.gs.ctm)
	}
	sub := res
	if r := xo.Key("Resources"); r.Kind() == vDict {
		sub = in.doc.resourcesFor(r)
	}
	in.depth++
	err = in.run(data, sub)
	in.depth--
	in.gs = saved
	if len(in.stack) > savedStack {
		in.stack = in.stack[:savedStack]
	}
	in.tm, in.tlm = savedTm, savedTlm
	if err != nil {
		panic(err) // propagated to the page boundary
	}
}

// drawAppearances interprets the normal appearance streams of a page's
// form fields (Widget) and free-text annotations (§12.5.5), whose text
// the page's content does not draw: each BBox, transformed by the
// stream's Matrix, is mapped onto the annotation's Rect (Algorithm 8.1).
// P is the page's display matrix.
func (in *interp) drawAppearances(page Value, P matrix, res *resources) {
	an := page.Key("Annots")
	for i := 0; i < an.Len() && i < 1000; i++ {
		a := an.Index(i)
		if st := a.Key("Subtype").Name(); st != "Widget" && st != "FreeText" {
			continue
		}
		if a.Key("F").Int64()&2 != 0 { // hidden
			continue
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() == vDict {
			ap = ap.Key(a.Key("AS").Name())
		}
		rect, bbox := numArray(a.Key("Rect")), numArray(ap.Key("BBox"))
		if ap.Kind() != vStream || len(rect) != 4 || len(bbox) != 4 {
			continue
		}
		m := matrix{1, 0, 0, 1, 0, 0}
		if v := numArray(ap.Key("Matrix")); len(v) == 6 {
			m = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
		}
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, c := range [4][2]float64{{bbox[0], bbox[1]}, {bbox[2], bbox[1]}, {bbox[0], bbox[3]}, {bbox[2], bbox[3]}} {
			x, y := m.apply(c[0], c[1])
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		}
		rx0, ry0, rx1, ry1 := min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
		if x1-x0 <= 0 || y1-y0 <= 0 {
			continue
		}
		sx, sy := (rx1-rx0)/(x1-x0), (ry1-ry0)/(y1-y0)
		A := matrix{sx, 0, 0, sy, rx0 - x0*sx, ry0 - y0*sy}
		in.gs = gstate{ctm: A.mul(P), th: 1}
		in.stack = in.stack[:0]
		in.form = a.Key("Subtype").Name() == "Widget"
		in.runForm(ap, "appearance", res)
		in.form = false
	}
}
