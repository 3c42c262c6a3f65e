package pdf

// Cross-reference tables and streams (ISO 32000-1:2008 §7.5.4, §7.5.8),
// the /Prev chain of incremental updates (§7.5.6) and hybrid files'
// /XRefStm, with every declared count checked against the file before it
// is used; and the rebuilt cross-reference for files whose own is broken.

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sync"
)

// errDeclared marks a declared size that no file of this length can hold:
// such a file is refused, not repaired.
var errDeclared = errors.New("declared size impossible")

// openFile reads the structure of data (which starts at "%PDF-") and sets
// up decryption with password.
func openFile(data []byte, password string, onOpen func(*pdfFile)) (f *pdfFile, err error) {
	f = &pdfFile{
		data:      data,
		xref:      map[uint32]xrefEntry{},
		objs:      map[uint32]any{},
		stms:      map[uint32]*objStream{},
		resolving: map[uint32]bool{},
		budget:    64*int64(len(data)) + 64<<20,
	}
	if onOpen != nil {
		onOpen(f) // before any parsing, so that a timeout can stop it
	}
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(objError); ok {
				err = fmt.Errorf("%w: %s", ErrMalformed, e.msg)
				return
			}
			if x == errCancelled {
				err = errCancelled
				return
			}
			err = fmt.Errorf("%w: %v", ErrMalformed, x)
		}
	}()
	xerr := f.readXrefChain()
	if errors.Is(xerr, errDeclared) {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, xerr)
	}
	if xerr != nil || f.trailer == nil || f.resolve(f.trailer["Root"]).Kind() != vDict {
		// rebuild from the objects themselves
		f.xref = map[uint32]xrefEntry{}
		f.objs = map[uint32]any{}
		f.stms = map[uint32]*objStream{}
		f.repaired = true
		f.scan = nil
		if err := f.rebuildXref(); err != nil {
			if xerr != nil {
				return nil, fmt.Errorf("%w: cross-reference unreadable (%v) and no objects found to rebuild it", ErrMalformed, xerr)
			}
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
	}
	if enc := f.trailer["Encrypt"]; enc != nil {
		ev := f.resolve(enc)
		// the dictionary itself is never encrypted: keep it as read
		if err := f.setupSecurity(ev, password); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// startXref is the offset after the last "startxref".
func startXref(data []byte) (int64, error) {
	tail := data[max(0, len(data)-4096):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, fmt.Errorf("no startxref")
	}
	l := lexer{b: tail, pos: i + len("startxref")}
	t, o, _ := l.next()
	if t != tOperand || !isInt(o) {
		return 0, fmt.Errorf("startxref not followed by an offset")
	}
	return int64(o.n), nil
}

func (f *pdfFile) readXrefChain() error {
	off, err := startXref(f.data)
	if err != nil {
		return err
	}
	seen := map[int64]bool{}
	for sections := 0; ; sections++ {
		if off <= 0 || off >= int64(len(f.data)) {
			return fmt.Errorf("cross-reference offset %d outside the file (%d bytes)", off, len(f.data))
		}
		if seen[off] || sections > 256 {
			return fmt.Errorf("loop in the cross-reference chain at offset %d", off)
		}
		seen[off] = true
		trailer, err := f.readXrefSection(off, false)
		if err != nil {
			return err
		}
		if f.trailer == nil {
			f.trailer = trailer
		} else {
			for k, v := range trailer {
				if _, ok := f.trailer[k]; !ok && k != "Prev" && k != "XRefStm" {
					f.trailer[k] = v
				}
			}
		}
		if x, ok := trailer["XRefStm"].(int64); ok && !seen[x] && x > 0 && x < int64(len(f.data)) {
			// a hybrid file (§7.5.8.4): the stream holds the objects
			// that its table lists as free for older readers
			seen[x] = true
			if _, err := f.readXrefSection(x, true); err != nil {
				return err
			}
		}
		prev, ok := trailer["Prev"].(int64)
		if !ok {
			return nil
		}
		off = prev
	}
}

// readXrefSection reads the table or stream at off; entries already known
// (from a later update) are kept, except, in a hybrid file's /XRefStm
// (hybrid), the free entries its table gave older readers.
func (f *pdfFile) readXrefSection(off int64, hybrid bool) (pdfDict, error) {
	p := &objParser{f: f, l: lexer{b: f.data, pos: int(off)}}
	t, o, op := p.next()
	if t == tOp && op == "xref" {
		return f.readXrefTable(p)
	}
	p.unread(t, o, op)
	id, gen, ok := p.header()
	if !ok {
		return nil, fmt.Errorf("no cross-reference at offset %d", off)
	}
	x := p.value(0)
	s, ok := x.(*pdfStream)
	if !ok || s.dict["Type"] != pdfName("XRef") {
		return nil, fmt.Errorf("object %d %d at offset %d is not a cross-reference stream", id, gen, off)
	}
	return s.dict, f.readXrefStream(s, hybrid)
}

func (f *pdfFile) checkRange(start, count int64) error {
	limit := maxObjectNumber(len(f.data))
	if start < 0 || count < 0 || start > limit || count > limit || start+count > limit+1 {
		return fmt.Errorf("%w: cross-reference subsection of %d objects from object %d, beyond the %d objects a file of %d bytes can hold",
			errDeclared, count, start, limit, len(f.data))
	}
	return nil
}

func (f *pdfFile) readXrefTable(p *objParser) (pdfDict, error) {
	for {
		t, o, op := p.next()
		if t == tOp && op == "trailer" {
			break
		}
		t2, o2, _ := p.next()
		if t != tOperand || t2 != tOperand || o.k != kNum || o2.k != kNum {
			return nil, fmt.Errorf("malformed cross-reference table")
		}
		start, count := int64(o.n), int64(o2.n)
		if err := f.checkRange(start, count); err != nil {
			return nil, err
		}
		// each entry is 20 bytes; allow for sloppy writers' 19
		if count*18 > int64(len(f.data)-p.l.pos)+18 {
			return nil, fmt.Errorf("%w: cross-reference subsection of %d entries at offset %d, in the %d bytes left in the file",
				errDeclared, count, p.l.pos, len(f.data)-p.l.pos)
		}
		for i := int64(0); i < count; i++ {
			t1, off, _ := p.next()
			t2, gen, _ := p.next()
			t3, _, kind := p.next()
			if t1 != tOperand || t2 != tOperand || t3 != tOp || (kind != "n" && kind != "f") || !isInt(off) || !isInt(gen) {
				return nil, fmt.Errorf("malformed cross-reference entry %d", start+i)
			}
			id := uint32(start + i)
			if _, known := f.xref[id]; known {
				continue
			}
			if kind == "f" {
				f.xref[id] = xrefEntry{free: true}
				continue
			}
			f.xref[id] = xrefEntry{off: int64(off.n), gen: uint16(gen.n)}
		}
		f.spend(int(count) * 20)
	}
	x := p.value(1)
	d, ok := x.(pdfDict)
	if !ok {
		return nil, fmt.Errorf("cross-reference table without a trailer dictionary")
	}
	return d, nil
}

func (f *pdfFile) readXrefStream(s *pdfStream, hybrid bool) error {
	d := s.dict
	var w [3]int
	wa, _ := d["W"].(pdfArray)
	if len(wa) < 3 {
		return fmt.Errorf("cross-reference stream without /W")
	}
	total := 0
	for i := range 3 {
		n, ok := wa[i].(int64)
		if !ok || n < 0 || n > 8 {
			return fmt.Errorf("%w: cross-reference stream field width %v", errDeclared, wa[i])
		}
		w[i] = int(n)
		total += w[i]
	}
	if total == 0 {
		return fmt.Errorf("cross-reference stream with /W [0 0 0]")
	}
	size, _ := d["Size"].(int64)
	index, _ := d["Index"].(pdfArray)
	if index == nil {
		index = pdfArray{int64(0), size}
	}
	data, err := f.streamData(s, nil)
	if err != nil && len(data) == 0 {
		return fmt.Errorf("cross-reference stream: %v", err)
	}
	entries := int64(len(data) / total)
	var declared int64
	for i := 0; i+1 < len(index); i += 2 {
		start, ok1 := index[i].(int64)
		count, ok2 := index[i+1].(int64)
		if !ok1 || !ok2 {
			return fmt.Errorf("cross-reference stream /Index %v", index)
		}
		if err := f.checkRange(start, count); err != nil {
			return err
		}
		declared += count
	}
	if declared > entries+1 && len(index) > 2 {
		return fmt.Errorf("%w: cross-reference stream declares %d entries, its %d bytes hold %d",
			errDeclared, declared, len(data), entries)
	}
	field := func(b []byte) int64 {
		var x int64
		for _, c := range b {
			x = x<<8 | int64(c)
		}
		return x
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		start, count := index[i].(int64), index[i+1].(int64)
		for k := int64(0); k < count && pos+total <= len(data); k++ {
			e := data[pos : pos+total]
			pos += total
			typ := int64(1)
			if w[0] > 0 {
				typ = field(e[:w[0]])
			}
			a, b := field(e[w[0]:w[0]+w[1]]), field(e[w[0]+w[1]:])
			id := uint32(start + k)
			if old, known := f.xref[id]; known && !(hybrid && old.free && typ != 0) {
				continue
			}
			switch typ {
			case 0:
				f.xref[id] = xrefEntry{free: true}
			case 1:
				f.xref[id] = xrefEntry{off: a, gen: uint16(b)}
			case 2:
				if a <= 0 || a > maxObjectNumber(len(f.data)) {
					continue
				}
				f.xref[id] = xrefEntry{inStm: true, stm: uint32(a)}
			}
		}
	}
	return nil
}

var objHeader = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)
})

// rebuildXref finds every "n g obj" in the file (the last definition of a
// number wins, as in an incremental update), the objects of object
// streams, and a trailer: the last trailer dictionary or cross-reference
// stream dictionary with a /Root, else the catalog found among the objects.
func (f *pdfFile) rebuildXref() error {
	for id, off := range f.scanned() {
		f.xref[id] = xrefEntry{off: off}
	}
	if len(f.xref) == 0 {
		return fmt.Errorf("no objects in the file")
	}
	f.trailer = nil
	for i, tries := len(f.data), 0; tries < 64; tries++ {
		i = bytes.LastIndex(f.data[:i], []byte("trailer"))
		if i < 0 {
			break
		}
		p := &objParser{f: f, l: lexer{b: f.data, pos: i + len("trailer")}}
		if d, ok := p.value(1).(pdfDict); ok && d["Root"] != nil {
			f.trailer = d
			break
		}
	}
	var stms []uint32
	for id, e := range f.xref {
		v := f.resolve(objRef{id: id, gen: e.gen})
		switch v.Key("Type").Name() {
		case "ObjStm":
			stms = append(stms, id)
		case "XRef":
			if f.trailer == nil && v.Key("Root").Kind() == vDict {
				f.trailer = v.dict()
			}
		case "Catalog":
			if f.trailer == nil {
				f.trailer = pdfDict{"Root": objRef{id: id, gen: e.gen}}
			}
		}
	}
	for _, n := range stms {
		os := f.loadObjStream(n)
		f.stms[n] = os
		for id := range os.offs {
			if _, direct := f.xref[id]; !direct {
				f.xref[id] = xrefEntry{inStm: true, stm: n}
			}
		}
	}
	if f.trailer == nil {
		for id := range f.xref {
			if f.resolve(objRef{id: id}).Key("Type").Name() == "Catalog" {
				f.trailer = pdfDict{"Root": objRef{id: id}}
				break
			}
		}
	}
	if f.trailer == nil {
		return fmt.Errorf("no trailer and no document catalog")
	}
	return nil
}

func parseInt(b []byte) (int64, bool) {
	var x int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		x = x*10 + int64(c-'0')
	}
	return x, len(b) > 0
}
