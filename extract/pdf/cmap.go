package pdf

// CMap parsing for ToUnicode maps and embedded encoding CMaps, following
// ISO 32000-1:2008 §9.7.5 (CMaps), §9.7.6.2 (codespace ranges and code
// splitting) and §9.10.3 (ToUnicode CMaps: bfchar, bfrange with string or
// array destinations, UTF-16BE destinations including surrogate pairs and
// one code mapping to several code points).

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

type csRange struct {
	n      int
	lo, hi [4]byte
}

type uniRange struct {
	lo, hi uint32
	dst    []uint16 // UTF-16 units of the string for lo; last unit increments
}

type cidRange struct {
	lo, hi, cid uint32
}

// cmap is a parsed CMap: codespace ranges, code→Unicode (bf*) and
// code→CID (cid*) mappings.
type cmap struct {
	name      string
	useCMap   string
	wmode     int
	codespace []csRange
	uni       map[uint32]string
	uniRanges []uniRange
	cids      map[uint32]uint32
	cidRanges []cidRange
}

// maxExpand bounds how many entries one bfrange may expand into a map;
// larger ranges are kept as ranges.
const maxExpand = 256

// parseCMap parses a CMap program. It never fails: what cannot be read is
// skipped.
func parseCMap(data []byte) *cmap {
	cm := &cmap{uni: map[uint32]string{}}
	l := &lexer{b: data}
	var stack []operand
	push := func(o operand) {
		if len(stack) < 1<<16 {
			stack = append(stack, o)
		}
	}
	for steps := 0; steps < 1<<22; steps++ {
		t, o, op := l.next()
		if t == tEOF {
			break
		}
		switch t {
		case tOperand:
			push(o)
			continue
		case tArrOpen, tDictOpen:
			v, _ := l.object(t, o, 1)
			push(v)
			continue
		case tArrClose, tDictClose:
			continue
		}
		switch op {
		case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar", "begincidrange", "beginnotdefrange", "beginnotdefchar":
			stack = stack[:0]
		case "endcodespacerange":
			for i := 0; i+1 < len(stack); i += 2 {
				lo, hi := stack[i].s, stack[i+1].s
				if stack[i].k != kStr || len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				r := csRange{n: len(lo)}
				copy(r.lo[:], lo)
				copy(r.hi[:], hi)
				cm.codespace = append(cm.codespace, r)
			}
			stack = stack[:0]
		case "endbfchar":
			for i := 0; i+1 < len(stack); i += 2 {
				src, dst := stack[i], stack[i+1]
				if src.k != kStr || len(src.s) == 0 || len(src.s) > 4 {
					continue
				}
				var s string
				switch dst.k {
				case kStr:
					s = utf16String(dst.s)
				case kName:
					s = glyphNameToUnicode(dst.s)
				default:
					continue
				}
				cm.uni[codeValue(src.s)] = s
			}
			stack = stack[:0]
		case "endbfrange":
			for i := 0; i+2 < len(stack); i += 3 {
				cm.addBFRange(stack[i], stack[i+1], stack[i+2])
			}
			stack = stack[:0]
		case "endcidchar":
			for i := 0; i+1 < len(stack); i += 2 {
				if stack[i].k != kStr || stack[i+1].k != kNum || len(stack[i].s) > 4 {
					continue
				}
				if cm.cids == nil {
					cm.cids = map[uint32]uint32{}
				}
				cm.cids[codeValue(stack[i].s)] = uint32(stack[i+1].n)
			}
			stack = stack[:0]
		case "endcidrange":
			for i := 0; i+2 < len(stack); i += 3 {
				lo, hi, c := stack[i], stack[i+1], stack[i+2]
				if lo.k != kStr || hi.k != kStr || c.k != kNum || len(lo.s) > 4 || len(hi.s) > 4 {
					continue
				}
				a, b := codeValue(lo.s), codeValue(hi.s)
				if b < a {
					continue
				}
				cm.cidRanges = append(cm.cidRanges, cidRange{a, b, uint32(c.n)})
			}
			stack = stack[:0]
		case "endnotdefrange", "endnotdefchar":
			stack = stack[:0]
		case "usecmap":
			if n := len(stack); n > 0 && stack[n-1].k == kName {
				cm.useCMap = stack[n-1].s
			}
			stack = stack[:0]
		case "def":
			if n := len(stack); n >= 2 && stack[n-2].k == kName {
				switch stack[n-2].s {
				case "WMode":
					cm.wmode = int(stack[n-1].n)
				case "CMapName":
					cm.name = stack[n-1].s
				}
			}
			stack = stack[:0]
		default:
			// begincmap, endcmap, findresource, dict, begin, end, ...
			if len(stack) > 64 {
				stack = stack[:0]
			}
		}
	}
	sort.Slice(cm.cidRanges, func(i, j int) bool { return cm.cidRanges[i].lo < cm.cidRanges[j].lo })
	return cm
}

func (cm *cmap) addBFRange(lo, hi, dst operand) {
	if lo.k != kStr || hi.k != kStr || len(lo.s) == 0 || len(lo.s) > 4 || len(hi.s) > 4 {
		return
	}
	a, b := codeValue(lo.s), codeValue(hi.s)
	if b < a {
		return
	}
	switch dst.k {
	case kArr:
		for j, d := range dst.a {
			c := a + uint32(j)
			if c > b {
				break
			}
			switch d.k {
			case kStr:
				cm.uni[c] = utf16String(d.s)
			case kName:
				cm.uni[c] = glyphNameToUnicode(d.s)
			}
		}
	case kStr:
		units := utf16Units(dst.s)
		if len(units) == 0 {
			return
		}
		if b-a >= maxExpand {
			cm.uniRanges = append(cm.uniRanges, uniRange{a, b, units})
			return
		}
		for c := a; c <= b; c++ {
			cm.uni[c] = rangeString(units, c-a)
		}
	}
}

// rangeString returns the destination of code lo+off in a bfrange whose
// destination for lo is units: the last UTF-16 unit is incremented.
func rangeString(units []uint16, off uint32) string {
	u := make([]uint16, len(units))
	copy(u, units)
	last := uint32(u[len(u)-1]) + off
	u[len(u)-1] = uint16(last)
	if last > 0xFFFF && len(u) > 1 {
		u[len(u)-2] += uint16(last >> 16)
	}
	return decodeUTF16(u)
}

// lookup returns the Unicode text for a code.
func (cm *cmap) lookup(code uint32) (string, bool) {
	if s, ok := cm.uni[code]; ok {
		return s, true
	}
	for _, r := range cm.uniRanges {
		if code >= r.lo && code <= r.hi {
			return rangeString(r.dst, code-r.lo), true
		}
	}
	return "", false
}

// cid returns the CID for a code of an encoding CMap.
func (cm *cmap) cid(code uint32) (uint32, bool) {
	if c, ok := cm.cids[code]; ok {
		return c, true
	}
	i := sort.Search(len(cm.cidRanges), func(i int) bool { return cm.cidRanges[i].hi >= code })
	for ; i < len(cm.cidRanges) && cm.cidRanges[i].lo <= code; i++ {
		r := cm.cidRanges[i]
		if code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// split returns the length in bytes of the code at the start of b, following
// the codespace ranges (§9.7.6.2). With no codespace, codes are def bytes.
func splitCode[T ~string | ~[]byte](cs []csRange, b T, def int) int {
	if len(cs) == 0 {
		if def > len(b) {
			return len(b)
		}
		return def
	}
	for n := 1; n <= 4 && n <= len(b); n++ {
		for _, r := range cs {
			if r.n != n {
				continue
			}
			ok := true
			for i := 0; i < n; i++ {
				if b[i] < r.lo[i] || b[i] > r.hi[i] {
					ok = false
					break
				}
			}
			if ok {
				return n
			}
		}
	}
	// No full match: consume the length of a range whose first byte
	// matches, else the shortest range.
	best := 0
	for _, r := range cs {
		if b[0] >= r.lo[0] && b[0] <= r.hi[0] && (best == 0 || r.n < best) {
			best = r.n
		}
	}
	if best == 0 {
		best = 4
		for _, r := range cs {
			if r.n < best {
				best = r.n
			}
		}
	}
	if best > len(b) {
		best = len(b)
	}
	return best
}

func codeValue[T ~string | ~[]byte](s T) uint32 {
	var v uint32
	for i := 0; i < len(s) && i < 4; i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

func utf16Units(s string) []uint16 {
	if len(s) == 1 {
		return []uint16{uint16(s[0])}
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

// utf16String decodes a bfchar/bfrange destination (UTF-16BE).
func utf16String(s string) string {
	return decodeUTF16(utf16Units(s))
}

func decodeUTF16(u []uint16) string {
	if len(u) == 1 && u[0] < utf8.RuneSelf {
		return string(rune(u[0]))
	}
	return string(utf16.Decode(u))
}
