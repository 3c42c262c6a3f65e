package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf16"
)

// oleMagic starts every OLE compound file (legacy .doc, .xls, and the
// container of an encrypted .docx).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// IsOLE tells whether b starts like an OLE compound file.
func IsOLE(b []byte) bool { return bytes.HasPrefix(b, oleMagic) }

// IsWordPerfect tells whether b starts like a WordPerfect document (the
// Official Document System serves some old originals so).
func IsWordPerfect(b []byte) bool { return bytes.HasPrefix(b, []byte("\xffWPC")) }

// encryptionInfo is the name of the stream an encrypted Office file keeps
// its key data in, as the UTF-16LE a compound file directory stores.
var encryptionInfo = utf16le("EncryptionInfo")

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// pkg is an opened package: its entries by name, and the limits.
type pkg struct {
	files map[string]*zip.File
	lim   Limits
	read  int64 // uncompressed bytes read so far, over all parts
}

// openPackage checks the container and its declared sizes before any part
// is inflated.
func openPackage(data []byte, lim Limits) (*pkg, error) {
	if IsOLE(data) {
		if bytes.Contains(data, encryptionInfo) {
			return nil, ErrEncrypted
		}
		return nil, ErrLegacyDoc
	}
	if IsWordPerfect(data) {
		return nil, fmt.Errorf("%w: a WordPerfect document, which this reader does not read", ErrNotDocx)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, fmt.Errorf("%w: no zip signature", ErrNotDocx)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names are never paths here
		return nil, fmt.Errorf("%w: %v (truncated or damaged zip)", ErrNotDocx, err)
	}
	if !outerDirectory(data, zr) {
		return nil, fmt.Errorf("%w: the zip directory found is not the package's (truncated zip, or the directory of an embedded file)", ErrNotDocx)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, fmt.Errorf("%w: %d entries, at most %d", ErrTooLarge, len(zr.File), lim.MaxEntries)
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), lim: lim}
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		total += size
		if total > uint64(lim.MaxTotal) {
			return nil, fmt.Errorf("%w: entries declare over %d bytes uncompressed", ErrTooLarge, lim.MaxTotal)
		}
		if size > 1<<20 && (f.CompressedSize64 == 0 || size/f.CompressedSize64 > uint64(lim.MaxRatio)) {
			return nil, fmt.Errorf("%w: entry %q declares a compression ratio over %d", ErrTooLarge, f.Name, lim.MaxRatio)
		}
		name := strings.TrimPrefix(f.Name, "/")
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	if _, ok := p.files["word/document.xml"]; !ok && p.mainPart() == "" {
		return nil, fmt.Errorf("%w: the zip holds no word/document.xml", ErrNotDocx)
	}
	return p, nil
}

// outerDirectory tells whether the central directory zr found describes
// the entry that starts the data: a truncated package can leave the
// directory of an embedded zip (an .xlsx chart workbook) as the last one
// in the bytes.
func outerDirectory(data []byte, zr *zip.Reader) bool {
	if len(data) < 30 || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return false
	}
	n, m := int(data[26])|int(data[27])<<8, int(data[28])|int(data[29])<<8
	if 30+n > len(data) {
		return false
	}
	name := string(data[30 : 30+n])
	for _, f := range zr.File {
		if f.Name == name {
			off, err := f.DataOffset()
			return err == nil && off == int64(30+n+m)
		}
	}
	return false
}

// part reads one entry, "" and nil when there is no such entry. The bytes
// inflated are counted against the limits whatever the entry declares.
func (p *pkg) part(name string) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(p.lim.MaxPart) {
		return nil, fmt.Errorf("%w: part %s declares %d bytes, at most %d", ErrTooLarge, name, f.UncompressedSize64, p.lim.MaxPart)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotDocx, name, err)
	}
	defer rc.Close()
	lim := min(p.lim.MaxPart, p.lim.MaxTotal-p.read)
	b, err := io.ReadAll(io.LimitReader(rc, lim+1))
	p.read += int64(len(b))
	if int64(len(b)) > lim {
		return nil, fmt.Errorf("%w: part %s inflates past %d bytes (declared %d)", ErrTooLarge, name, lim, f.UncompressedSize64)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v (truncated or damaged zip)", ErrNotDocx, name, err)
	}
	return b, nil
}

// mainPart is the main document part named by the package relationships,
// "" when there is none.
func (p *pkg) mainPart() string {
	rels, err := p.rels("")
	if err != nil {
		return ""
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") && !r.external {
			if _, ok := p.files[r.target]; ok {
				return r.target
			}
		}
	}
	return ""
}

// rel is one relationship of a part.
type rel struct {
	typ, target string
	external    bool
}

// rels reads the relationships of a part ("" for the package), by id.
// Internal targets are resolved to entry names; external ones are kept as
// written.
func (p *pkg) rels(part string) (map[string]rel, error) {
	dir, base := path.Split(part)
	b, err := p.part(dir + "_rels/" + base + ".rels")
	if err != nil || b == nil {
		return nil, err
	}
	root, err := parseXML(b, p.lim.MaxDepth)
	if err != nil {
		return nil, err
	}
	out := map[string]rel{}
	for _, r := range root.kids {
		if r.name != "Relationship" {
			continue
		}
		rl := rel{typ: r.attr("Type"), target: r.attr("Target"), external: strings.EqualFold(r.attr("TargetMode"), "External")}
		if !rl.external {
			rl.target = resolve(dir, rl.target)
		}
		out[r.attr("Id")] = rl
	}
	return out, nil
}

// resolve turns a relationship target into an entry name: a string
// operation on names inside the zip, never a file system path.
func resolve(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}
