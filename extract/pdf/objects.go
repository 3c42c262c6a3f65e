package pdf

// The object layer (ISO 32000-1:2008 §7.3 objects, §7.5 file structure):
// cross-reference tables and streams with their /Prev chain, object
// streams, indirect references, stream data with its filters (filters.go)
// and the standard security handler (crypt.go).
//
// Every count the file declares (xref subsections, /Index, /W, /N and
// /First of object streams, /Length) is checked against the bytes that are
// really there before anything is read or allocated from it, and the cross
// reference is a map filled only from entries present in the file, so no
// declared number can make this code allocate more than the file (and its
// decoded streams, capped at maxStreamBytes each) can justify. A file that
// declares impossible sizes fails with ErrMalformed; a cross-reference that
// is merely broken (wrong offsets, garbage) is rebuilt by scanning the file
// for "n g obj" headers, as other readers do.

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// maxObjectNumber is the largest object number accepted in a
// cross-reference: ISO 32000-1 Annex C.2 gives 8,388,607 as the limit of
// conforming readers; larger files may use up to one per byte.
func maxObjectNumber(fileSize int) int64 { return max(8388607, int64(fileSize)) }

type objRef struct {
	id  uint32
	gen uint16
}

type pdfName string

type pdfDict map[string]any

type pdfArray []any

// pdfStream is a stream object: its dictionary and where its data starts.
type pdfStream struct {
	dict pdfDict
	off  int // offset of the first data byte
	ref  objRef
}

// xrefEntry locates one object: at off in the file, or in object stream
// stm (whose offsets table gives its place).
type xrefEntry struct {
	free  bool // deleted (an "f" entry): not looked for elsewhere
	off   int64
	gen   uint16
	inStm bool
	stm   uint32
}

// objStream is the decoded data of an object stream and the offsets of
// its objects.
type objStream struct {
	data []byte
	offs map[uint32]int
}

// pdfFile is an open document.
type pdfFile struct {
	data      []byte
	xref      map[uint32]xrefEntry
	trailer   pdfDict
	objs      map[uint32]any
	stms      map[uint32]*objStream
	resolving map[uint32]bool
	crypt     *security
	cancelled atomic.Bool
	work      int64 // bytes parsed or decoded, bounded by budget
	budget    int64
	repaired  bool             // the cross-reference was rebuilt by scanning
	scan      map[uint32]int64 // object headers found by scanning, once needed
}

// errObjects is how the object layer reports a structural error through
// panics that the callers turn into errors.
type objError struct{ msg string }

func (e objError) Error() string { return e.msg }

func (f *pdfFile) fail(format string, a ...any) {
	panic(objError{fmt.Sprintf(format, a...)})
}

// spend counts n bytes of work and stops a file whose structure makes the
// reader go over the same bytes again and again.
func (f *pdfFile) spend(n int) {
	if f.cancelled.Load() {
		panic(errCancelled)
	}
	f.work += int64(n)
	if f.work > f.budget {
		f.cancelled.Store(true)
		panic(objError{"read budget exceeded (loop in the file structure?)"})
	}
}

// Value is one PDF object, with references resolved on access.
type Value struct {
	f   *pdfFile
	x   any
	ref objRef // the indirect object this value came from, if it was one
}

type valueKind uint8

const (
	vNull valueKind = iota
	vBool
	vInteger
	vReal
	vString
	vName
	vDict
	vArray
	vStream
)

func (v Value) Kind() valueKind {
	switch v.x.(type) {
	case bool:
		return vBool
	case int64:
		return vInteger
	case float64:
		return vReal
	case string:
		return vString
	case pdfName:
		return vName
	case pdfDict:
		return vDict
	case pdfArray:
		return vArray
	case *pdfStream:
		return vStream
	}
	return vNull
}

func (v Value) IsNull() bool { return v.x == nil }

func (v Value) dict() pdfDict {
	switch x := v.x.(type) {
	case pdfDict:
		return x
	case *pdfStream:
		return x.dict
	}
	return nil
}

// Key is the value of a dictionary (or stream dictionary) entry.
func (v Value) Key(k string) Value {
	d := v.dict()
	if d == nil {
		return Value{}
	}
	return v.f.resolve(d[k])
}

// Keys are the keys of a dictionary, sorted.
func (v Value) Keys() []string {
	d := v.dict()
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (v Value) Index(i int) Value {
	a, ok := v.x.(pdfArray)
	if !ok || i < 0 || i >= len(a) {
		return Value{}
	}
	return v.f.resolve(a[i])
}

func (v Value) Len() int {
	a, _ := v.x.(pdfArray)
	return len(a)
}

func (v Value) Name() string {
	n, _ := v.x.(pdfName)
	return string(n)
}

func (v Value) Int64() int64 {
	i, _ := v.x.(int64)
	return i
}

func (v Value) Float64() float64 {
	switch x := v.x.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

func (v Value) RawString() string {
	s, _ := v.x.(string)
	return s
}

// String identifies the value: "n g R" for an indirect object, else its
// contents written out (references as "n g R").
func (v Value) String() string {
	if v.ref.id != 0 {
		return fmt.Sprintf("%d %d R", v.ref.id, v.ref.gen)
	}
	var b strings.Builder
	writeObj(&b, v.x, 0)
	return b.String()
}

func writeObj(b *strings.Builder, x any, depth int) {
	if depth > 16 || b.Len() > 1<<16 {
		b.WriteString("…")
		return
	}
	switch x := x.(type) {
	case nil:
		b.WriteString("null")
	case bool, int64, float64:
		fmt.Fprint(b, x)
	case string:
		b.WriteString(strconv.Quote(x))
	case pdfName:
		b.WriteString("/" + string(x))
	case objRef:
		fmt.Fprintf(b, "%d %d R", x.id, x.gen)
	case pdfArray:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeObj(b, e, depth+1)
		}
		b.WriteByte(']')
	case pdfDict:
		keys := Value{x: x}.Keys()
		b.WriteString("<<")
		for _, k := range keys {
			b.WriteString("/" + k + " ")
			writeObj(b, x[k], depth+1)
			b.WriteByte(' ')
		}
		b.WriteString(">>")
	case *pdfStream:
		fmt.Fprintf(b, "stream@%d", x.off)
	}
}

// resolve follows a reference (and a reference to a reference, a few
// times); anything else is returned as it is.
func (f *pdfFile) resolve(x any) Value {
	for hops := 0; hops < 8; hops++ {
		r, ok := x.(objRef)
		if !ok {
			return Value{f: f, x: x}
		}
		x = f.object(r)
		if _, again := x.(objRef); !again {
			return Value{f: f, x: x, ref: r}
		}
	}
	return Value{f: f}
}

// object loads indirect object r, nil if it is absent or unreadable.
func (f *pdfFile) object(r objRef) any {
	if x, ok := f.objs[r.id]; ok {
		return x
	}
	e, ok := f.xref[r.id]
	if !ok && !f.repaired {
		// not in the cross-reference at all: an incomplete table
		if off, found := f.scanned()[r.id]; found {
			e, ok = xrefEntry{off: off}, true
		}
	}
	if !ok || f.resolving[r.id] {
		return nil
	}
	f.resolving[r.id] = true
	defer delete(f.resolving, r.id)
	var x any
	if e.inStm {
		x = f.objectInStream(r.id, e)
	} else {
		var found bool
		if x, found = f.objectAt(r, e.off); !found && !f.repaired && !e.free {
			// a wrong offset in the cross-reference: find the object's
			// header in the file instead
			if off, ok := f.scanned()[r.id]; ok && off != e.off {
				x, _ = f.objectAt(r, off)
			}
		}
	}
	if len(f.objs) < 1<<20 {
		f.objs[r.id] = x
	}
	return x
}

// scanned maps each object number to the offset of its last "n g obj"
// header in the file, found once, when the cross-reference fails.
func (f *pdfFile) scanned() map[uint32]int64 {
	if f.scan == nil {
		f.scan = map[uint32]int64{}
		limit := maxObjectNumber(len(f.data))
		f.spend(len(f.data))
		for _, m := range objHeader().FindAllSubmatchIndex(f.data, -1) {
			id, _ := parseInt(f.data[m[2]:m[3]])
			if id > 0 && id <= limit {
				f.scan[uint32(id)] = int64(m[2])
			}
		}
	}
	return f.scan
}

// objectAt parses "n g obj … endobj" at off; found is false when no
// header of object r is there.
func (f *pdfFile) objectAt(r objRef, off int64) (x any, found bool) {
	if off <= 0 || off >= int64(len(f.data)) {
		return nil, false
	}
	p := &objParser{f: f, l: lexer{b: f.data, pos: int(off)}}
	id, gen, ok := p.header()
	if !ok || id != int64(r.id) {
		return nil, false
	}
	x = p.value(0)
	if s, ok := x.(*pdfStream); ok {
		s.ref = objRef{uint32(id), uint16(gen)}
	}
	if f.crypt != nil {
		x = f.crypt.decryptStrings(x, objRef{uint32(id), uint16(gen)}, 0)
	}
	f.spend(p.l.pos - int(off))
	return x, true
}

func (f *pdfFile) objectInStream(id uint32, e xrefEntry) any {
	os := f.stms[e.stm]
	if os == nil {
		os = f.loadObjStream(e.stm)
		f.stms[e.stm] = os
	}
	off, ok := os.offs[id]
	if !ok {
		return nil
	}
	p := &objParser{f: f, l: lexer{b: os.data, pos: off}, inStream: true}
	return p.value(0)
}

// loadObjStream decodes object stream n (§7.5.7) and reads its header,
// after checking /N and /First against the decoded length.
func (f *pdfFile) loadObjStream(n uint32) *objStream {
	os := &objStream{offs: map[uint32]int{}}
	if f.resolving[n] {
		return os
	}
	v := f.resolve(objRef{id: n})
	s, ok := v.x.(*pdfStream)
	if !ok {
		return os
	}
	data, err := f.streamData(s, nil)
	if err != nil && len(data) == 0 {
		return os
	}
	count, first := v.Key("N").Int64(), v.Key("First").Int64()
	// each entry of the header is two numbers and their separators
	if count < 0 || first < 0 || first > int64(len(data)) || count > first/4+1 {
		f.fail("object stream %d declares %d objects from byte %d in %d bytes", n, count, first, len(data))
	}
	os.data = data
	l := lexer{b: data[:first]}
	for i := int64(0); i < count; i++ {
		t1, o1, _ := l.next()
		t2, o2, _ := l.next()
		if t1 != tOperand || t2 != tOperand || o1.k != kNum || o2.k != kNum {
			break
		}
		at := first + int64(o2.n)
		if o1.n < 0 || o1.n > float64(maxObjectNumber(len(f.data))) || at >= int64(len(data)) {
			continue
		}
		if _, dup := os.offs[uint32(o1.n)]; !dup {
			os.offs[uint32(o1.n)] = int(at)
		}
	}
	return os
}

// objParser reads objects with the content-stream lexer, adding what
// only files have: references, "obj" headers and streams.
type objParser struct {
	f        *pdfFile
	l        lexer
	inStream bool // in an object stream: no streams, no "endobj" needed
	peek     []peeked
}

type peeked struct {
	t  tokKind
	o  operand
	op string
}

func (p *objParser) next() (tokKind, operand, string) {
	if n := len(p.peek); n > 0 {
		t := p.peek[n-1]
		p.peek = p.peek[:n-1]
		return t.t, t.o, t.op
	}
	return p.l.next()
}

func (p *objParser) unread(t tokKind, o operand, op string) {
	p.peek = append(p.peek, peeked{t, o, op})
}

func isInt(o operand) bool {
	return o.k == kNum && o.n >= 0 && o.n == float64(int64(o.n)) && o.n < 1<<40
}

// header reads "n g obj".
func (p *objParser) header() (int64, int64, bool) {
	t1, o1, _ := p.next()
	t2, o2, _ := p.next()
	t3, _, op := p.next()
	if t1 != tOperand || t2 != tOperand || !isInt(o1) || !isInt(o2) || t3 != tOp || op != "obj" {
		return 0, 0, false
	}
	return int64(o1.n), int64(o2.n), true
}

const maxObjectDepth = 64

// value reads one object; a dictionary followed by "stream" becomes a
// stream.
func (p *objParser) value(depth int) any {
	t, o, op := p.next()
	x := p.valueFrom(t, o, op, depth)
	if d, ok := x.(pdfDict); ok && !p.inStream && depth == 0 {
		t2, o2, op2 := p.next()
		if t2 == tOp && op2 == "stream" {
			return p.stream(d)
		}
		p.unread(t2, o2, op2)
	}
	return x
}

func (p *objParser) valueFrom(t tokKind, o operand, op string, depth int) any {
	if depth > maxObjectDepth {
		p.f.fail("objects nested deeper than %d", maxObjectDepth)
	}
	switch t {
	case tOperand:
		switch o.k {
		case kNum:
			if isInt(o) || (o.n < 0 && o.n == float64(int64(o.n))) {
				if isInt(o) {
					// "n g R"?
					t2, o2, op2 := p.next()
					if t2 == tOperand && isInt(o2) {
						t3, o3, op3 := p.next()
						if t3 == tOp && op3 == "R" {
							if o.n > float64(maxObjectNumber(len(p.f.data))) || o2.n > 65535 {
								return nil
							}
							return objRef{uint32(o.n), uint16(o2.n)}
						}
						p.unread(t3, o3, op3)
					}
					p.unread(t2, o2, op2)
				}
				return int64(o.n)
			}
			return o.n
		case kStr:
			return strings.Clone(o.s)
		case kName:
			return pdfName(strings.Clone(o.s))
		case kBool:
			return o.n != 0
		}
		return nil
	case tArrOpen:
		var a pdfArray
		for {
			t2, o2, op2 := p.next()
			if t2 == tEOF || t2 == tArrClose {
				return a
			}
			if t2 == tDictClose || (t2 == tOp && (op2 == "endobj" || op2 == "obj" || op2 == "stream")) {
				p.unread(t2, o2, op2)
				return a
			}
			if t2 == tOp {
				continue
			}
			// the array holds what the file holds: its length is bounded
			// by the bytes it takes, never read from a declared count
			a = append(a, p.valueFrom(t2, o2, op2, depth+1))
		}
	case tDictOpen:
		d := pdfDict{}
		for {
			t2, o2, op2 := p.next()
			if t2 == tEOF || t2 == tDictClose {
				return d
			}
			if t2 == tOp && (op2 == "endobj" || op2 == "obj" || op2 == "stream") {
				p.unread(t2, o2, op2)
				return d
			}
			if t2 != tOperand || o2.k != kName {
				continue
			}
			t3, o3, op3 := p.next()
			if t3 == tEOF || t3 == tDictClose {
				return d
			}
			if t3 == tOp {
				if op3 == "endobj" || op3 == "stream" {
					p.unread(t3, o3, op3)
					return d
				}
				continue
			}
			d[strings.Clone(o2.s)] = p.valueFrom(t3, o3, op3, depth+1)
		}
	}
	return nil
}

// stream records where the data after "stream" starts (§7.3.8.1).
func (p *objParser) stream(d pdfDict) *pdfStream {
	b := p.l.b
	i := p.l.pos
	if i < len(b) && b[i] == '\r' {
		i++
	}
	if i < len(b) && b[i] == '\n' {
		i++
	}
	p.peek = p.peek[:0]
	s := &pdfStream{dict: d, off: i}
	p.l.pos = i
	return s
}

// rawStream is the encoded data of s: /Length bytes when "endstream"
// follows them, else up to the next "endstream".
func (f *pdfFile) rawStream(s *pdfStream) []byte {
	rest := f.data[min(s.off, len(f.data)):]
	n := f.resolve(s.dict["Length"]).Int64()
	if n >= 0 && n <= int64(len(rest)) {
		after := bytes.TrimLeft(rest[n:min(int(n)+64, len(rest))], " \t\r\n\f\x00")
		if bytes.HasPrefix(after, []byte("endstream")) {
			return rest[:n]
		}
	}
	if e := bytes.Index(rest, []byte("endstream")); e >= 0 {
		end := e
		if end > 0 && rest[end-1] == '\n' {
			end--
		}
		if end > 0 && rest[end-1] == '\r' {
			end--
		}
		return rest[:end]
	}
	if n >= 0 && n <= int64(len(rest)) {
		return rest[:n]
	}
	return rest
}

// streamData decodes s: decryption, then its filters, output capped at
// maxStreamBytes. The result is appended to dst.
func (f *pdfFile) streamData(s *pdfStream, dst []byte) ([]byte, error) {
	raw := f.rawStream(s)
	f.spend(len(raw))
	v := Value{f: f, x: s}
	filters, params := filterChain(v)
	if f.crypt != nil && v.Key("Type").Name() != "XRef" {
		var err error
		if raw, err = f.crypt.decryptStream(raw, s, filters, params); err != nil {
			return dst, err
		}
	}
	return decodeFilters(dst, raw, filters, params, maxStreamBytes)
}
