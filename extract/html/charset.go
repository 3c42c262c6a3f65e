package html

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Charset sources reported in Result.CharsetSource.
const (
	SourceBOM     = "bom"
	SourceMeta    = "meta"
	SourceHTTP    = "http"
	SourceSniffed = "sniffed"
)

// charset is an encoding chosen for the input, with its canonical (WHATWG,
// lower-case) name and where the choice came from.
type charset struct {
	enc    encoding.Encoding
	name   string
	source string
}

var (
	csUTF8    = charset{enc: xunicode.UTF8, name: "utf-8"}
	csGB18030 = charset{enc: simplifiedchinese.GB18030, name: "gb18030"}
	cs1252    = charset{enc: charmap.Windows1252, name: "windows-1252"}
)

// gbLabels are the labels that, on real pages, mean "GBK-ish bytes". GB18030
// is a superset of GB2312 and GBK, so decoding them all as GB18030 never
// loses a character that a narrower decoder would have read.
var gbLabels = map[string]bool{
	"gb2312": true, "gbk": true, "x-gbk": true, "gb18030": true, "cp936": true,
	"ms936": true, "windows-936": true, "chinese": true, "csgb2312": true,
	"csiso58gb231280": true, "gb_2312": true, "gb_2312-80": true,
	"iso-ir-58": true, "euc-cn": true, "x-euc-cn": true, "csgbk": true,
}

// lookupCharset resolves a charset label. ok is false for unknown labels and
// for the WHATWG "replacement" encoding, which would discard the page.
func lookupCharset(label string) (cs charset, ok bool) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return charset{}, false
	}
	if gbLabels[label] {
		return csGB18030, true
	}
	enc, err := htmlindex.Get(label)
	if err != nil || enc == encoding.Replacement {
		return charset{}, false
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return charset{}, false
	}
	if name == "utf-8" {
		return csUTF8, true
	}
	return charset{enc: enc, name: name}, true
}

// decodeInput chooses the charset of data, checks the claim against the
// bytes and returns the decoded text (without BOM).
func decodeInput(data []byte, contentType string) (text string, cs charset, diags []Diagnostic) {
	// 1. Byte order mark: authoritative.
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		cs = csUTF8
		cs.source = SourceBOM
		return decodeWith(cs, data[3:], &diags), cs, diags
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		cs = charset{enc: xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), name: "utf-16be", source: SourceBOM}
		return decodeWith(cs, data[2:], &diags), cs, diags
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		cs = charset{enc: xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), name: "utf-16le", source: SourceBOM}
		return decodeWith(cs, data[2:], &diags), cs, diags
	}
	if u16, ok := sniffUTF16(data); ok {
		cs = u16
		cs.source = SourceSniffed
		diags = append(diags, Diagnostic{Level: LevelInfo, Code: "charset-sniffed",
			Message: "no BOM, but the byte pattern is " + cs.name})
		return decodeWith(cs, data, &diags), cs, diags
	}

	// 2. HTTP Content-Type, 3. <meta>.
	claimLine := 0
	httpLabel := charsetFromContentType(contentType)
	metaLabel, metaLine := prescanMeta(data)
	var claimed charset
	var claimedOK bool
	for _, c := range []struct {
		label, source string
		line          int
	}{{httpLabel, SourceHTTP, 0}, {metaLabel, SourceMeta, metaLine}} {
		if c.label == "" || claimedOK {
			continue
		}
		got, ok := lookupCharset(c.label)
		if !ok {
			diags = append(diags, Diagnostic{Level: LevelWarning, Code: "charset-unknown",
				Message: fmt.Sprintf("%s declares unknown charset %q", c.source, c.label), Line: c.line})
			continue
		}
		if c.source == SourceMeta && strings.HasPrefix(got.name, "utf-16") {
			// A page cannot declare UTF-16 about itself in ASCII bytes; the
			// HTML standard reads such a claim as UTF-8.
			got = csUTF8
		}
		got.source = c.source
		claimed, claimedOK, claimLine = got, true, c.line
	}
	if httpLabel != "" && metaLabel != "" && claimedOK {
		if m, ok := lookupCharset(metaLabel); ok && m.name != claimed.name {
			diags = append(diags, Diagnostic{Level: LevelInfo, Code: "charset-conflict",
				Message: fmt.Sprintf("HTTP says %s, <meta> says %s; HTTP wins unless the bytes disagree", claimed.name, m.name),
				Line:    metaLine})
		}
	}

	st := scanBytes(data)
	if !claimedOK {
		cs = sniff(data, st)
		cs.source = SourceSniffed
		if st.nonASCII > 0 && httpLabel == "" && metaLabel == "" {
			diags = append(diags, Diagnostic{Level: LevelInfo, Code: "charset-sniffed",
				Message: "no charset declared; the bytes read as " + cs.name})
		}
		return decodeWith(cs, data, &diags), cs, diags
	}

	// 4. Check the claim against the bytes.
	cs = claimed
	if better, why := checkClaim(data, st, claimed); better.enc != nil {
		diags = append(diags, Diagnostic{Level: LevelWarning, Code: "charset-mismatch",
			Message: fmt.Sprintf("%s declares %s but %s; decoded as %s", claimed.source, claimed.name, why, better.name),
			Line:    claimLine})
		cs = better
		cs.source = SourceSniffed
	}
	return decodeWith(cs, data, &diags), cs, diags
}

// decodeWith decodes b and reports replacement characters the decoder had
// to produce.
func decodeWith(cs charset, b []byte, diags *[]Diagnostic) string {
	var out string
	if cs.name == "utf-8" {
		out = toValidUTF8(b)
	} else {
		d, err := cs.enc.NewDecoder().Bytes(b)
		if err != nil {
			// x/text decoders replace bad input rather than fail; keep a
			// safe fallback all the same.
			*diags = append(*diags, Diagnostic{Level: LevelWarning, Code: "decode-error",
				Message: fmt.Sprintf("decoding as %s failed (%v); read as UTF-8", cs.name, err)})
			return toValidUTF8(b)
		}
		out = string(d)
	}
	var n int
	if cs.name == "utf-8" {
		n = countInvalidUTF8(b)
	} else {
		n = strings.Count(out, "\uFFFD")
	}
	if n > 0 {
		*diags = append(*diags, Diagnostic{Level: LevelWarning, Code: "decode-replacement",
			Message: fmt.Sprintf("%d byte sequences are not valid %s and became U+FFFD", n, cs.name)})
	}
	return out
}

// toValidUTF8 replaces each invalid byte with U+FFFD, one for one, so that a
// run of bad bytes stays visible in counts.
func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[:size])
		}
		b = b[size:]
	}
	return sb.String()
}

func countInvalidUTF8(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		b = b[size:]
	}
	return n
}

// charsetFromContentType returns the charset parameter of an HTTP
// Content-Type value, or "".
func charsetFromContentType(ct string) string {
	ct = strings.TrimSpace(ct)
	if ct == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return params["charset"]
	}
	if m := reCharsetParam().FindStringSubmatch(ct); m != nil {
		return m[1]
	}
	return ""
}

var (
	reCharsetParam = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)charset\s*=\s*["']?([^\s;"'>/]+)`) })
	reXMLDecl      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']`) })
)

// prescanMeta looks for <meta charset> or <meta http-equiv=Content-Type> in
// the head of the page (before <body> and within the first 64 KiB; pages
// from the 2000s often put long comments first, so the 1024-byte limit of the
// HTML standard is too short). It also honours an XML declaration.
func prescanMeta(data []byte) (label string, line int) {
	const limit = 64 << 10
	head := data
	if len(head) > limit {
		head = head[:limit]
	}
	if m := reXMLDecl().FindSubmatch(head); m != nil {
		return string(m[1]), 1
	}
	z := xhtml.NewTokenizer(bytes.NewReader(head))
	lc := lineCounter{line: 1}
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return "", 0
		}
		raw := z.Raw()
		start := lc.line
		lc.feed(raw)
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		switch string(name) {
		case "body":
			return "", 0
		case "meta":
		default:
			continue
		}
		var httpEquiv, content, cs string
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "charset":
				cs = string(v)
			case "http-equiv":
				httpEquiv = strings.ToLower(string(v))
			case "content":
				content = string(v)
			}
		}
		if cs != "" {
			return cs, start
		}
		if httpEquiv == "content-type" {
			if m := reCharsetParam().FindStringSubmatch(content); m != nil {
				return m[1], start
			}
		}
	}
}

// byteStats are the statistics of raw bytes used to judge a charset claim.
type byteStats struct {
	nonASCII  int  // bytes >= 0x80
	utf8Valid bool // the whole input is valid UTF-8
	utf8Multi int  // multi-byte runes when read as UTF-8

	// GB18030 structure: two-byte pairs, those within the GB2312 block
	// (both bytes 0xA1-0xFE, which is where almost all Chinese text in UN
	// documents sits), pairs whose trail byte is ASCII, four-byte sequences
	// and bytes that start no valid sequence.
	gbPairs, gbPairs2312, gbASCIITrail, gbFour, gbInvalid int
}

func scanBytes(b []byte) byteStats {
	var st byteStats
	st.utf8Valid = utf8.Valid(b)
	for i := 0; i < len(b); i++ {
		if b[i] >= 0x80 {
			st.nonASCII++
		}
	}
	if st.utf8Valid && st.nonASCII > 0 {
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if size > 1 && r != utf8.RuneError {
				st.utf8Multi++
			}
			i += size
		}
	}
	for i := 0; i < len(b); {
		c0 := b[i]
		if c0 < 0x80 {
			i++
			continue
		}
		if c0 == 0x80 || c0 == 0xFF || i+1 >= len(b) {
			st.gbInvalid++
			i++
			continue
		}
		c1 := b[i+1]
		switch {
		case 0x30 <= c1 && c1 <= 0x39:
			if i+3 < len(b) && b[i+2] >= 0x81 && b[i+2] <= 0xFE && b[i+3] >= 0x30 && b[i+3] <= 0x39 {
				st.gbFour++
				i += 4
				continue
			}
			st.gbInvalid++
			i++
		case 0x40 <= c1 && c1 <= 0x7E:
			st.gbPairs++
			st.gbASCIITrail++
			i += 2
		case 0x80 <= c1 && c1 <= 0xFE:
			st.gbPairs++
			if c0 >= 0xA1 && c1 >= 0xA1 {
				st.gbPairs2312++
			}
			i += 2
		default:
			st.gbInvalid++
			i++
		}
	}
	return st
}

// textStats are statistics of decoded text.
type textStats struct {
	nonASCII int // runes >= 0x80
	fffd     int // U+FFFD
	cjk      int // Han, kana, CJK punctuation, full-width forms
	odd      int // C1 controls, private use, unassigned: signs of a wrong decoder
}

func scanText(s string) textStats {
	var ts textStats
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		ts.nonASCII++
		switch {
		case r == utf8.RuneError:
			ts.fffd++
		case isWideCJK(r):
			ts.cjk++
		case r < 0xA0, unicode.Is(unicode.Co, r), !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z):
			ts.odd++
		}
	}
	return ts
}

// gbPlausible reports whether the bytes look like GBK/GB18030 Chinese: they
// decode with (almost) no U+FFFD, most of what they decode to is CJK, and the
// byte pairs sit where Chinese text sits rather than pairing a Latin-1 accent
// with the ASCII letter after it.
func gbPlausible(b []byte, st byteStats) bool {
	if st.gbPairs == 0 {
		return false
	}
	seqs := st.gbPairs + st.gbFour
	if st.gbInvalid*20 > seqs || st.gbASCIITrail*5 > st.gbPairs || st.gbPairs2312*10 < st.gbPairs*7 {
		return false
	}
	d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return false
	}
	ts := scanText(string(d))
	return ts.fffd*50 <= ts.nonASCII && ts.cjk*10 >= ts.nonASCII*6
}

// utf8Plausible reports whether valid UTF-8 input holds real multi-byte
// text: a couple of multi-byte runes that decode to letters, CJK or
// punctuation rather than control or private-use code points.
func utf8Plausible(b []byte, st byteStats) bool {
	if !st.utf8Valid || st.utf8Multi < 2 {
		return false
	}
	ts := scanText(string(b))
	return ts.odd*20 <= ts.nonASCII
}

// checkClaim returns a better charset when the claimed one does not fit the
// bytes, and a short reason; better.enc is nil when the claim stands.
func checkClaim(b []byte, st byteStats, claimed charset) (better charset, why string) {
	if st.nonASCII == 0 {
		return charset{}, ""
	}
	switch {
	case claimed.name == "utf-8":
		if st.utf8Valid {
			return charset{}, ""
		}
		bad := countInvalidUTF8(b)
		if gbPlausible(b, st) {
			return csGB18030, fmt.Sprintf("%d byte sequences are invalid UTF-8 and the bytes read cleanly as GB18030 Chinese", bad)
		}
		if bad >= 3 && bad*5 >= st.nonASCII {
			return cs1252, fmt.Sprintf("%d byte sequences are invalid UTF-8", bad)
		}
	case strings.HasPrefix(claimed.name, "utf-16"):
		// Only reached for an HTTP claim; trust the transport.
	default:
		if utf8Plausible(b, st) {
			return csUTF8, fmt.Sprintf("the bytes are valid UTF-8 (%d multi-byte characters)", st.utf8Multi)
		}
		if claimed.name == "gb18030" {
			return charset{}, ""
		}
		if isSingleByte(claimed.name) && gbPlausible(b, st) {
			return csGB18030, "the bytes read cleanly as GB18030 Chinese"
		}
	}
	return charset{}, ""
}

func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859") ||
		strings.HasPrefix(name, "koi8") || name == "ibm866" || name == "macintosh" ||
		name == "x-mac-cyrillic" || name == "windows-874"
}

// sniff chooses a charset for undeclared input: UTF-8 when valid, GB18030
// when the bytes look like GBK Chinese, else windows-1252 (the HTML default).
func sniff(b []byte, st byteStats) charset {
	switch {
	case st.utf8Valid:
		return csUTF8
	case gbPlausible(b, st):
		return csGB18030
	default:
		return cs1252
	}
}

// sniffUTF16 recognises BOM-less UTF-16 by its NUL bytes in every other
// position.
func sniffUTF16(b []byte) (charset, bool) {
	n := len(b)
	if n > 4096 {
		n = 4096
	}
	if n < 8 {
		return charset{}, false
	}
	var even, odd int
	for i := 0; i+1 < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*7 && even*10 <= pairs:
		return charset{enc: xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), name: "utf-16le"}, true
	case even*10 >= pairs*7 && odd*10 <= pairs:
		return charset{enc: xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), name: "utf-16be"}, true
	}
	return charset{}, false
}
