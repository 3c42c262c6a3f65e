package pdf

// Predefined CJK CMaps used as a Type0 font's /Encoding when the font has no
// ToUnicode map, following ISO 32000-1:2008 §9.7.5.2 (Table 118, predefined
// CMaps) and §9.10.2 method (b): the code bytes are mapped to Unicode via
// the character collection's native encoding. Codespaces follow the Adobe
// CMap definitions (Adobe-GB1: GB-EUC, GBK-EUC, UniGB-UCS2, UniGB-UTF16;
// the row-and-cell CMaps H, V, GB-H, KSC-H of Adobe-Japan1, -GB1 and
// -Korea1; Big5 and Shift-JIS variants). Fonts that use Identity-H/V
// without a ToUnicode map need the collection's CID-to-Unicode table,
// read at run time (cidtounicode.go).

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

type predefinedCMap struct {
	name      string
	codespace []csRange
	vertical  bool
	// kind: "identity", "ucs2", "utf16", "utf8", "utf32", or "mb" (legacy
	// multi-byte, decoded with enc)
	kind string
	enc  encoding.Encoding
}

func cs(n int, lo, hi uint32) csRange {
	r := csRange{n: n}
	for i := 0; i < n; i++ {
		r.lo[i] = byte(lo >> (8 * uint(n-1-i)))
		r.hi[i] = byte(hi >> (8 * uint(n-1-i)))
	}
	return r
}

// lookupPredefinedCMap recognises a predefined CMap name.
func lookupPredefinedCMap(name string) (*predefinedCMap, bool) {
	p := &predefinedCMap{name: name, vertical: strings.HasSuffix(name, "-V") || name == "V"}
	base := strings.TrimSuffix(strings.TrimSuffix(name, "-H"), "-V")
	switch {
	case base == "Identity":
		p.kind = "identity"
		p.codespace = []csRange{cs(2, 0, 0xFFFF)}
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UCS2"):
		p.kind = "ucs2"
		p.codespace = []csRange{cs(2, 0, 0xFFFF)}
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UTF16"):
		p.kind = "utf16"
		p.codespace = []csRange{cs(2, 0, 0xD7FF), cs(4, 0xD800DC00, 0xDBFFDFFF), cs(2, 0xE000, 0xFFFF)}
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UTF8"):
		p.kind = "utf8"
		p.codespace = []csRange{cs(1, 0, 0x7F), cs(2, 0xC280, 0xDFBF), cs(3, 0xE08080, 0xEFBFBF), cs(4, 0xF0808080, 0xF7BFBFBF)}
	case strings.HasPrefix(base, "Uni") && strings.HasSuffix(base, "-UTF32"):
		p.kind = "utf32"
		p.codespace = []csRange{cs(4, 0, 0x0010FFFF)}
	case base == "GBK-EUC" || base == "GBKp-EUC" || base == "GBK2K":
		p.kind = "mb"
		p.enc = simplifiedchinese.GBK
		p.codespace = []csRange{cs(1, 0, 0x80), cs(2, 0x8140, 0xFEFE)}
		if base == "GBK2K" {
			p.enc = simplifiedchinese.GB18030
			p.codespace = append(p.codespace, cs(4, 0x81308130, 0xFE39FE39))
		}
	case base == "GB-EUC" || base == "GBpc-EUC" || base == "GBT-EUC":
		p.kind = "mb"
		p.enc = simplifiedchinese.GBK
		p.codespace = []csRange{cs(1, 0, 0x80), cs(2, 0xA1A1, 0xFEFE)}
	case base == "B5pc" || base == "ETen-B5" || base == "HKscs-B5" || base == "ETenms-B5" || base == "B5" ||
		base == "HKdla-B5" || base == "HKdlb-B5" || base == "HKm314-B5" || base == "HKm471-B5" || base == "HKgccs-B5":
		p.kind = "mb"
		p.enc = traditionalchinese.Big5
		p.codespace = []csRange{cs(1, 0, 0x80), cs(2, 0xA140, 0xFEFE)}
	case base == "90ms-RKSJ" || base == "90msp-RKSJ" || base == "83pv-RKSJ" || base == "90pv-RKSJ" ||
		base == "Ext-RKSJ" || base == "Add-RKSJ" || base == "78-RKSJ" || base == "78ms-RKSJ":
		p.kind = "mb"
		p.enc = japanese.ShiftJIS
		p.codespace = []csRange{cs(1, 0, 0x80), cs(1, 0xA0, 0xDF), cs(2, 0x8140, 0x9FFC), cs(2, 0xE040, 0xFCFC)}
	case base == "EUC":
		p.kind = "mb"
		p.enc = japanese.EUCJP
		p.codespace = []csRange{cs(1, 0, 0x80), cs(2, 0x8EA0, 0x8EDF), cs(2, 0xA1A1, 0xFEFE)}
	case base == "KSC-EUC" || base == "KSCms-UHC" || base == "KSCpc-EUC" || base == "KSCms-UHC-HW":
		p.kind = "mb"
		p.enc = korean.EUCKR
		p.codespace = []csRange{cs(1, 0, 0x80), cs(2, 0x8141, 0xFEFE)}
	case name == "H" || name == "V" || base == "Ext" || base == "Add" || base == "78" || base == "Hojo":
		// JIS X 0208 (0212 for Hojo) row and cell, the bytes of
		// ISO-2022-JP: EUC-JP with the high bits cleared
		p.kind = "rowcell"
		p.enc = japanese.EUCJP
		p.codespace = []csRange{cs(2, 0x2121, 0x7E7E)}
		if base == "Hojo" {
			p.kind = "hojo"
		}
	case base == "GB" || base == "GBT":
		p.kind = "rowcell"
		p.enc = simplifiedchinese.GBK
		p.codespace = []csRange{cs(2, 0x2121, 0x7E7E)}
	case base == "KSC":
		p.kind = "rowcell"
		p.enc = korean.EUCKR
		p.codespace = []csRange{cs(2, 0x2121, 0x7E7E)}
	default:
		return nil, false
	}
	return p, true
}

// decode maps one code (already split by the codespace) to Unicode.
func (p *predefinedCMap) decode(code []byte) string {
	v := codeValue(code)
	switch p.kind {
	case "ucs2":
		if v >= 0xD800 && v <= 0xDFFF {
			return ""
		}
		return string(rune(v))
	case "utf16":
		if len(code) == 4 {
			return string(utf16.DecodeRune(rune(v>>16), rune(v&0xFFFF)))
		}
		return string(rune(v))
	case "utf8":
		if utf8.Valid(code) {
			return string(code)
		}
		return ""
	case "utf32":
		if v <= 0x10FFFF {
			return string(rune(v))
		}
		return ""
	case "rowcell", "hojo":
		if len(code) != 2 {
			return ""
		}
		euc := []byte{code[0] | 0x80, code[1] | 0x80}
		if p.kind == "hojo" {
			euc = append([]byte{0x8F}, euc...) // EUC-JP's JIS X 0212 plane
		}
		out, err := p.enc.NewDecoder().Bytes(euc)
		if err != nil || len(out) == 0 || string(out) == "\uFFFD" {
			return ""
		}
		return string(out)
	case "mb":
		if len(code) == 1 && code[0] < 0x80 {
			return string(rune(code[0]))
		}
		out, err := p.enc.NewDecoder().Bytes(code)
		if err != nil || len(out) == 0 {
			return ""
		}
		s := string(out)
		if s == "\uFFFD" {
			return ""
		}
		return s
	}
	return ""
}

// isHalfWidth reports whether a code of a Unicode/legacy CMap is a
// single-byte or ASCII code, drawn half-width in CJK fonts.
func (p *predefinedCMap) isHalfWidth(code string) bool {
	switch p.kind {
	case "mb", "utf8":
		return len(code) == 1
	case "ucs2", "utf16":
		return codeValue(code) < 0x7F
	}
	return false
}

// horizontalForm replaces the vertical presentation forms of Unicode's
// CJK Compatibility Forms and Vertical Forms blocks by the characters
// they are the vertical glyphs of (︵ → （, ︑ → 、). Adobe's vertical
// Unicode CMaps (UniJIS-UTF16-V, UniGB-UTF16-V, UniCNS-UTF16-V) send
// exactly these characters to the CIDs that the collections'
// CID-to-Unicode tables map to the presentation forms, and Unicode gives
// each form a <vertical> decomposition to the same character (its ASCII
// twin where the CJK one is full-width). Sesame dots, overlines and low
// lines other than U+FE33 have no horizontal twin and stay.
func horizontalForm(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return verticalForms[r] != 0 }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if h := verticalForms[r]; h != 0 {
			return h
		}
		return r
	}, s)
}

var verticalForms = map[rune]rune{
	'\uFE10': '，', '\uFE11': '、', '\uFE12': '。', '\uFE13': '：', '\uFE14': '；',
	'\uFE15': '！', '\uFE16': '？', '\uFE17': '〖', '\uFE18': '〗', '\uFE19': '…',
	'\uFE30': '‥', '\uFE31': '—', '\uFE32': '–', '\uFE33': '＿', '\uFE34': '\uFE4F',
	'\uFE35': '（', '\uFE36': '）', '\uFE37': '｛', '\uFE38': '｝', '\uFE39': '〔',
	'\uFE3A': '〕', '\uFE3B': '【', '\uFE3C': '】', '\uFE3D': '《', '\uFE3E': '》',
	'\uFE3F': '〈', '\uFE40': '〉', '\uFE41': '「', '\uFE42': '」', '\uFE43': '『',
	'\uFE44': '』', '\uFE47': '［', '\uFE48': '］',
}
