package pdf

// The file and object layer: opening a document through ledongthuc/pdf with
// bounded, cancellable reads, walking the page tree with inherited
// attributes (ISO 32000-1:2008 §7.7.3.3–§7.7.3.4: Resources, MediaBox,
// CropBox, Rotate), and text strings (§7.9.2.2, PDFDocEncoding, Annex D.3).

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Errors returned by Extract. Each is wrapped with detail; test with errors.Is.
var (
	ErrEmpty     = errors.New("pdf: empty input")
	ErrNotPDF    = errors.New("pdf: not a PDF file")
	ErrEncrypted = errors.New("pdf: encrypted PDF")
	ErrMalformed = errors.New("pdf: malformed or truncated PDF")
	ErrNoPages   = errors.New("pdf: document has no pages")
)

var errCancelled = errors.New("pdf: extraction cancelled")

// sniff classifies input that is not a PDF, for a clear error.
func sniff(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return nil
	}
	lower := bytes.ToLower(bytes.TrimSpace(head))
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.Contains(lower, []byte("<html")), bytes.Contains(lower, []byte("<head")), bytes.Contains(lower, []byte("<body")):
		return fmt.Errorf("%w: input is an HTML page (an error page from the server?)", ErrNotPDF)
	case bytes.HasPrefix(lower, []byte("<?xml")), bytes.HasPrefix(lower, []byte("<")):
		return fmt.Errorf("%w: input is XML/markup", ErrNotPDF)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return fmt.Errorf("%w: input is a ZIP archive (DOCX?)", ErrNotPDF)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return fmt.Errorf("%w: input is an OLE2 file (DOC?)", ErrNotPDF)
	}
	return fmt.Errorf("%w: no %%PDF- header", ErrNotPDF)
}

// openPDF checks that data looks like a whole PDF and opens it.
func openPDF(data []byte, password string, onOpen func(*pdfFile)) (*pdfFile, error) {
	if err := sniff(data); err != nil {
		return nil, err
	}
	start := bytes.Index(data, []byte("%PDF-"))
	if start > 0 {
		// junk before the header: offsets in such files are nearly always
		// relative to the header.
		data = data[start:]
	}
	tail := data
	if len(tail) > 2048 {
		tail = tail[len(tail)-2048:]
	}
	if !bytes.Contains(tail, []byte("%%EOF")) || !bytes.Contains(tail, []byte("startxref")) {
		if bytes.Contains(data, []byte("/Encrypt")) && bytes.Contains(data, []byte("trailer")) {
			return nil, fmt.Errorf("%w (and the file is truncated)", ErrEncrypted)
		}
		return nil, fmt.Errorf("%w: no startxref/%%%%EOF at the end of the file (truncated download?)", ErrMalformed)
	}
	return openFile(data, password, onOpen)
}

// pageInfo is a page with its inherited attributes resolved.
type pageInfo struct {
	v         Value
	resources Value
	box       [4]float64 // crop box (or media box), normalised
	rotate    int
}

type inherited struct {
	resources Value
	media     []float64
	crop      []float64
	rotate    int64
	hasRotate bool
}

type treeFrame struct {
	node Value
	next int
	inh  inherited
}

// pageWalker visits the leaves of the page tree lazily, in order.
type pageWalker struct {
	stack []treeFrame
	seen  int
}

const maxTreeDepth = 64
const maxTreeNodes = 1 << 20

func newPageWalker(f *pdfFile) *pageWalker {
	root := f.resolve(f.trailer["Root"]).Key("Pages")
	w := &pageWalker{}
	if !root.IsNull() {
		w.stack = append(w.stack, treeFrame{node: root, next: -1})
	}
	return w
}

func mergeInherited(node Value, inh inherited) inherited {
	if r := node.Key("Resources"); r.Kind() == vDict {
		inh.resources = r
	}
	if m := numArray(node.Key("MediaBox")); len(m) == 4 {
		inh.media = m
	}
	if c := numArray(node.Key("CropBox")); len(c) == 4 {
		inh.crop = c
	}
	if rt := node.Key("Rotate"); rt.Kind() == vInteger || rt.Kind() == vReal {
		inh.rotate = int64(rt.Float64())
		inh.hasRotate = true
	}
	return inh
}

// next returns the next page, or false at the end.
func (w *pageWalker) next() (pageInfo, bool) {
	for len(w.stack) > 0 {
		w.seen++
		if w.seen > maxTreeNodes {
			return pageInfo{}, false
		}
		top := &w.stack[len(w.stack)-1]
		if top.next == -1 {
			top.inh = mergeInherited(top.node, top.inh)
			top.next = 0
			kids := top.node.Key("Kids")
			if top.node.Key("Type").Name() == "Page" || (kids.Kind() != vArray && !top.node.Key("Contents").IsNull()) {
				p := makePage(top.node, top.inh)
				w.stack = w.stack[:len(w.stack)-1]
				return p, true
			}
		}
		kids := top.node.Key("Kids")
		if top.next >= kids.Len() || len(w.stack) >= maxTreeDepth {
			w.stack = w.stack[:len(w.stack)-1]
			continue
		}
		kid := kids.Index(top.next)
		top.next++
		if kid.Kind() != vDict {
			continue
		}
		w.stack = append(w.stack, treeFrame{node: kid, next: -1, inh: top.inh})
	}
	return pageInfo{}, false
}

func makePage(v Value, inh inherited) pageInfo {
	p := pageInfo{v: v, resources: inh.resources}
	box := inh.crop
	if len(box) != 4 {
		box = inh.media
	}
	if len(box) != 4 {
		box = []float64{0, 0, 612, 792}
	}
	x0, y0, x1, y1 := box[0], box[1], box[2], box[3]
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	if x1-x0 < 1 || y1-y0 < 1 {
		x0, y0, x1, y1 = 0, 0, 612, 792
	}
	p.box = [4]float64{x0, y0, x1, y1}
	p.rotate = int(((inh.rotate % 360) + 360) % 360)
	p.rotate -= p.rotate % 90
	return p
}

// displayMatrix maps user space to display space (x right, y down from the
// top of the page as shown, after /Rotate, §8.3.2.3 and Table 30).
func (p pageInfo) displayMatrix() (matrix, float64, float64) {
	x0, y0, x1, y1 := p.box[0], p.box[1], p.box[2], p.box[3]
	switch p.rotate {
	case 90:
		return matrix{0, 1, 1, 0, -y0, -x0}, y1 - y0, x1 - x0
	case 180:
		return matrix{-1, 0, 0, 1, x1, -y0}, x1 - x0, y1 - y0
	case 270:
		return matrix{0, -1, -1, 0, y1, x1}, y1 - y0, x1 - x0
	}
	return matrix{1, 0, 0, -1, -x0, y1}, x1 - x0, y1 - y0
}

var pdfDocHigh = [...]rune{
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212, 0x2030,
	0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
	0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD, 0x20AC,
}

var pdfDocLow = [...]rune{0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC}

// textString decodes a PDF text string (§7.9.2.2): UTF-16BE with BOM,
// UTF-8 with BOM, or PDFDocEncoding.
func textString(s string) string {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		return string(utf16.Decode(utf16Units(s[2:])))
	}
	if strings.HasPrefix(s, "\xEF\xBB\xBF") {
		return strings.ToValidUTF8(s[3:], "\uFFFD")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x18 && c <= 0x1F:
			b.WriteRune(pdfDocLow[c-0x18])
		case c >= 0x80 && c <= 0xA0:
			b.WriteRune(pdfDocHigh[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// safeNext is next with a malformed page-tree node skipped instead of
// aborting the document.
func (w *pageWalker) safeNext(warn func(string)) (p pageInfo, ok bool) {
	for tries := 0; tries < 1000; tries++ {
		failed := false
		func() {
			defer func() {
				if x := recover(); x != nil {
					failed = true
					warn(fmt.Sprintf("page tree node skipped: %v", x))
					if n := len(w.stack); n > 0 {
						w.stack = w.stack[:n-1]
					}
				}
			}()
			p, ok = w.next()
		}()
		if !failed {
			return p, ok
		}
	}
	return pageInfo{}, false
}
