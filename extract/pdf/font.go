package pdf

// Fonts: one decoder per font object, following ISO 32000-1:2008 §9.5–9.8
// (simple fonts, Type 3 fonts, Type 0 / CIDFonts, W/DW, Widths/FirstChar,
// FontMatrix, MissingWidth), §9.7.4.3 (CIDToGIDMap is not needed for text)
// and §9.10.2 (mapping character codes to Unicode: ToUnicode first, then
// the encoding's glyph names, then predefined CMaps).

import (
	"fmt"
	"strings"
)

// font decodes the strings shown with one font object.
type font struct {
	name    string // BaseFont
	subtype string
	bold    bool // by its name (boldName)

	// Type0
	composite bool
	codespace []csRange
	encCMap   *cmap           // embedded encoding CMap (code → CID)
	pre       *predefinedCMap // predefined encoding CMap
	cidW      map[uint32]float64
	dw        float64
	vertical  bool
	// cidTab maps the CIDs of a font without ToUnicode map whose
	// encoding gives CIDs (Identity-H/V, embedded CMaps) to text, by its
	// character collection (CIDSystemInfo)
	cidTab *cidTable

	// simple fonts
	simple       *simpleEncoding
	widths       [256]float64
	hasWidth     [256]bool
	missingWidth float64

	toUni *cmap
	// identityToUni: /ToUnicode /Identity-H, codes are UCS-2.
	identityToUni bool

	fm        [6]float64 // glyph space → text space (Type 3; else 1/1000)
	sizeScale float64    // em size relative to the font size

	memo map[uint32]string
	// bad counts codes that could not be mapped to Unicode.
	bad int
}

// glyphCode is one character code in a shown string.
type glyphCode struct {
	code  uint32
	n     int
	text  string
	width float64 // horizontal displacement in text space per unit font size
	space bool    // single-byte code 32: word spacing applies (§9.3.3)
}

const maxStreamBytes = 64 << 20

// readStream returns the decoded bytes of a stream, bounded.
func readStream(v Value) ([]byte, error) { return appendStream(nil, v) }

// appendStream appends the decoded bytes of a stream to dst, bounded.
func appendStream(dst []byte, v Value) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, err = dst, fmt.Errorf("stream: %v", r)
		}
	}()
	s, ok := v.x.(*pdfStream)
	if !ok {
		return dst, fmt.Errorf("not a stream")
	}
	return v.f.streamData(s, dst)
}

func numArray(v Value) []float64 {
	n := v.Len()
	if n > 1<<16 {
		n = 1 << 16
	}
	out := make([]float64, n)
	for i := 0; i < n; i++ {
		out[i] = v.Index(i).Float64()
	}
	return out
}

// loadFont builds the decoder for a font dictionary.
func loadFont(v Value, warn func(code, msg string)) *font {
	f := &font{
		name:      v.Key("BaseFont").Name(),
		subtype:   v.Key("Subtype").Name(),
		fm:        [6]float64{0.001, 0, 0, 0.001, 0, 0},
		sizeScale: 1,
		dw:        1000,
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == vStream {
		data, err := readStream(tu)
		if err != nil && len(data) == 0 {
			warn("tounicode-unreadable", err.Error())
		} else {
			f.toUni = parseCMap(data)
			if len(f.toUni.uni) == 0 && len(f.toUni.uniRanges) == 0 {
				f.toUni = nil
			}
		}
	} else if n := tu.Name(); strings.HasPrefix(n, "Identity") {
		f.identityToUni = true
	}
	switch f.subtype {
	case "Type0":
		f.loadType0(v, warn)
	default:
		f.loadSimple(v, warn)
	}
	f.bold = boldName(f.name)
	return f
}

func (f *font) loadType0(v Value, warn func(code, msg string)) {
	f.composite = true
	enc := v.Key("Encoding")
	// a predefined CMap undoc does not know is read as Identity-H for the
	// code lengths only: its codes are no CIDs
	unknownCMap := false
	switch enc.Kind() {
	case vName:
		if p, ok := lookupPredefinedCMap(enc.Name()); ok {
			f.codespace = p.codespace
			f.vertical = p.vertical
			if p.kind != "identity" {
				f.pre = p
			}
		} else {
			warn("unknown-cmap", "unsupported predefined CMap "+enc.Name()+"; treating as Identity-H")
			f.codespace = []csRange{cs(2, 0, 0xFFFF)}
			unknownCMap = true
		}
	case vStream:
		data, err := readStream(enc)
		if err != nil && len(data) == 0 {
			warn("cmap-unreadable", err.Error())
		}
		cm := parseCMap(data)
		use := cm.useCMap
		if u := enc.Key("UseCMap"); u.Kind() == vName {
			use = u.Name()
		}
		if use != "" {
			if p, ok := lookupPredefinedCMap(use); ok && p.kind != "identity" {
				f.pre = p
				if len(cm.codespace) == 0 {
					cm.codespace = p.codespace
				}
			}
		}
		if len(cm.codespace) == 0 {
			cm.codespace = []csRange{cs(2, 0, 0xFFFF)}
		}
		f.codespace = cm.codespace
		f.encCMap = cm
		f.vertical = cm.wmode == 1 || enc.Key("WMode").Int64() == 1
	default:
		f.codespace = []csRange{cs(2, 0, 0xFFFF)}
	}
	desc := v.Key("DescendantFonts").Index(0)
	if desc.IsNull() {
		desc = v.Key("DescendantFonts") // some writers put the dict directly
	}
	if f.toUni == nil && !f.identityToUni && f.pre == nil && !unknownCMap {
		si := desc.Key("CIDSystemInfo")
		if reg, ord := si.Key("Registry").RawString(), si.Key("Ordering").RawString(); reg == "Adobe" && ord != "Identity" && ord != "" {
			collection := reg + "-" + ord
			encName := enc.Name()
			if encName == "" {
				encName = "an embedded CMap"
			}
			t, err := systemCIDTables.table(collection)
			if err != nil {
				warn("cid-table-missing", fmt.Sprintf("font %s (%s, %s) has no ToUnicode map, so its text needs a CID-to-Unicode table: %v; %s",
					v.Key("BaseFont").Name(), collection, encName, err, cidTableHelp(collection)))
			}
			f.cidTab = t
		}
	}
	if dw := desc.Key("DW"); dw.Kind() == vInteger || dw.Kind() == vReal {
		f.dw = dw.Float64()
	}
	if f.name == "" {
		f.name = desc.Key("BaseFont").Name()
	}
	w := desc.Key("W")
	f.cidW = map[uint32]float64{}
	n := w.Len()
	for i := 0; i < n && len(f.cidW) < 1<<17; {
		first := w.Index(i)
		if i+1 >= n {
			break
		}
		second := w.Index(i + 1)
		if second.Kind() == vArray {
			c := uint32(first.Int64())
			for j, x := range numArray(second) {
				f.cidW[c+uint32(j)] = x
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		lo, hi, x := uint32(first.Float64()), uint32(second.Float64()), w.Index(i+2).Float64()
		if hi >= lo && hi-lo < 1<<16 {
			for c := lo; c <= hi; c++ {
				f.cidW[c] = x
			}
		}
		i += 3
	}
}

func (f *font) loadSimple(v Value, warn func(code, msg string)) {
	desc := v.Key("FontDescriptor")
	flags := desc.Key("Flags").Int64()
	symbolic := flags&4 != 0 && flags&32 == 0
	f.missingWidth = desc.Key("MissingWidth").Float64()
	if f.subtype == "Type3" {
		if m := numArray(v.Key("FontMatrix")); len(m) == 6 {
			copy(f.fm[:], m)
		}
		// the em in text space: FontMatrix times the glyphs' height
		// (FontBBox), not times 1000, which holds only for fonts drawn on
		// a 1000-unit grid (TeX's Type 3 fonts use about 100)
		f.sizeScale = abs(f.fm[3]) * 1000
		if bb := numArray(v.Key("FontBBox")); len(bb) == 4 && abs(bb[3]-bb[1]) > 0 {
			f.sizeScale = abs(f.fm[3]) * abs(bb[3]-bb[1])
		}
		if f.sizeScale < 0.2 || f.sizeScale > 5 {
			f.sizeScale = 1
		}
	}
	first := int(v.Key("FirstChar").Int64())
	for i, w := range numArray(v.Key("Widths")) {
		c := first + i
		if c >= 0 && c < 256 {
			f.widths[c] = w
			f.hasWidth[c] = true
		}
	}
	enc := v.Key("Encoding")
	var base *baseEncoding
	var diffs []diffItem
	switch enc.Kind() {
	case vName:
		base, _ = baseEncodingByName(enc.Name())
	case vDict:
		base, _ = baseEncodingByName(enc.Key("BaseEncoding").Name())
		d := enc.Key("Differences")
		for i := 0; i < d.Len() && i < 1024; i++ {
			x := d.Index(i)
			switch x.Kind() {
			case vInteger, vReal:
				diffs = append(diffs, diffItem{isCode: true, code: int(x.Float64())})
			case vName:
				diffs = append(diffs, diffItem{name: x.Name()})
			}
		}
	}
	if base == nil {
		bf := f.name
		if i := strings.IndexByte(bf, '+'); i == 6 {
			bf = bf[7:]
		}
		switch {
		case strings.HasPrefix(bf, "Symbol"), strings.HasPrefix(bf, "ZapfDingbats"), f.subtype == "Type3":
			base = nil // built-in encoding: only ToUnicode/Differences help
		case f.subtype == "TrueType" || symbolic:
			base = &winAnsi
		default:
			base = &standard
		}
	}
	f.simple = newSimpleEncoding(base)
	f.simple.applyDifferences(diffs)
	if f.subtype == "Type3" {
		f.simple.numericNames()
	}
	if !f.hasAnyWidth() {
		f.standardWidths()
	}
}

func (f *font) hasAnyWidth() bool {
	for _, h := range f.hasWidth {
		if h {
			return true
		}
	}
	return false
}

// standardWidths sets the widths of a font without /Widths from the
// metrics of the standard 14 font it names (std14.go), each code by the
// glyph its encoding gives it; other fonts, and glyphs the metrics do not
// know, get a rough width by kind of character, so that positions stay
// plausible and spaces and repeated letters are not taken for overprint.
func (f *font) standardWidths() {
	family := std14Family(f.name)
	for c := 0; c < 256; c++ {
		text := ""
		if f.simple != nil && f.simple.known[c] {
			text = f.simple.text[c]
		} else if c >= 0x20 && c < 0x7F {
			text = string(rune(c))
		}
		w := std14Width(family, text)
		if w == 0 {
			w = roughWidth(text, family == "Courier")
		}
		f.widths[c] = w
		f.hasWidth[c] = true
	}
}

func roughWidth(text string, mono bool) float64 {
	if mono {
		return 600
	}
	if text == "" {
		return 500
	}
	switch c := []rune(text)[0]; {
	case c == ' ':
		return 250
	case c >= 'A' && c <= 'Z':
		return 667
	case c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == '\'':
		return 278
	case c == 'm' || c == 'w' || c == 'M' || c == 'W':
		return 833
	case c >= 0x2E80:
		return 1000
	}
	return 500
}

// decodeString splits a shown string into character codes (§9.4.3) and
// maps each to text and width.
func (f *font) decodeString(b string, out []glyphCode) []glyphCode {
	for len(b) > 0 {
		n := 1
		if f.composite {
			n = splitCode(f.codespace, b, 2)
			if n <= 0 {
				n = 1
			}
		}
		code := codeValue(b[:n])
		g := glyphCode{code: code, n: n}
		g.text = f.text(code, b[:n])
		g.width = f.width(code, b[:n])
		g.space = n == 1 && code == 32
		out = append(out, g)
		b = b[n:]
	}
	return out
}

// text maps a code to Unicode. In vertical writing a vertical
// presentation form (︵, ︑) is the ordinary character's vertical glyph and
// reads as that character (horizontalForm).
func (f *font) text(code uint32, raw string) string {
	s := f.decodeText(code, raw)
	if f.vertical {
		s = horizontalForm(s)
	}
	return s
}

func (f *font) decodeText(code uint32, raw string) string {
	if f.toUni != nil {
		if s, ok := f.toUni.lookup(code); ok {
			return s
		}
	}
	if f.identityToUni {
		if code >= 0xD800 && code <= 0xDFFF {
			return "\uFFFD"
		}
		return string(rune(code))
	}
	if f.composite {
		if f.pre != nil {
			if s, ok := f.memo[code]; ok {
				return s
			}
			s := f.pre.decode([]byte(raw))
			if s == "" {
				f.bad++
				s = "\uFFFD"
			}
			if f.memo == nil {
				f.memo = map[uint32]string{}
			}
			f.memo[code] = s
			return s
		}
		cid, ok := code, true
		if f.encCMap != nil {
			cid, ok = f.encCMap.cid(code)
		}
		if ok {
			if s, ok := f.cidTab.lookup(cid); ok {
				return s
			}
		}
		f.bad++
		return "\uFFFD"
	}
	if code < 256 && f.simple.known[code] {
		return f.simple.text[code]
	}
	if code == 32 {
		return " "
	}
	f.bad++
	return "\uFFFD"
}

// width returns the horizontal displacement of a code in text space per
// unit of font size (§9.2.4: glyph space is 1/1000 of text space, except
// for Type 3 fonts which use FontMatrix).
func (f *font) width(code uint32, raw string) float64 {
	if f.vertical {
		return 0
	}
	if f.composite {
		cid := code
		known := true
		if f.encCMap != nil {
			if c, ok := f.encCMap.cid(code); ok {
				cid = c
			} else {
				known = false
			}
		}
		if f.pre != nil {
			known = false
			if f.pre.isHalfWidth(raw) {
				// Adobe character collections put proportional ASCII at CIDs 1–95.
				v := codeValue(raw)
				if v >= 0x20 && v < 0x7F {
					if w, ok := f.cidW[v-0x1F]; ok {
						return w / 1000
					}
				}
				return f.dw / 2000
			}
		}
		if known {
			if w, ok := f.cidW[cid]; ok {
				return w / 1000
			}
		}
		return f.dw / 1000
	}
	if code < 256 && f.hasWidth[code] {
		return f.widths[code] * f.fm[0]
	}
	return f.missingWidth * f.fm[0]
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
