package pdf

// Simple-font character encodings, following ISO 32000-1:2008 §9.6.6
// (character encoding: base encodings, Differences arrays) and Annex D
// (Latin character set and encodings: StandardEncoding, WinAnsiEncoding,
// MacRomanEncoding, PDFDocEncoding).

import (
	"golang.org/x/text/encoding/charmap"
	"strconv"
)

// baseEncoding is a code → Unicode table for single-byte codes; 0 = none.
type baseEncoding [256]rune

var (
	winAnsi  baseEncoding
	macRoman baseEncoding
	standard baseEncoding
)

func init() {
	for i := 0; i < 256; i++ {
		r := charmap.Windows1252.DecodeByte(byte(i))
		if r == '\uFFFD' || (i >= 0x80 && i < 0xA0 && r < 0xA0) {
			// WinAnsiEncoding: unused codes above 040 map to bullet (Annex D note).
			r = '\u2022'
		}
		if i < 0x20 {
			r = 0
		}
		winAnsi[i] = r
		m := charmap.Macintosh.DecodeByte(byte(i))
		if i < 0x20 || m == '\uFFFD' {
			m = 0
		}
		macRoman[i] = m
	}
	winAnsi[0x7F] = '\u2022'
	winAnsi[0xA0] = ' ' // nbspace is drawn as a space
	winAnsi[0xAD] = '-' // soft hyphen is drawn as hyphen
	macRoman[0xCA] = ' '
	macRoman[0x7F] = 0
	for i := 0x20; i < 0x7F; i++ {
		standard[i] = rune(i)
	}
	standard[0x27] = '\u2019'
	standard[0x60] = '\u2018'
	for code, r := range map[int]rune{
		0xA1: '¡', 0xA2: '¢', 0xA3: '£', 0xA4: '\u2044', 0xA5: '¥', 0xA6: '\u0192', 0xA7: '§',
		0xA8: '¤', 0xA9: '\'', 0xAA: '\u201C', 0xAB: '«', 0xAC: '\u2039', 0xAD: '\u203A',
		0xAE: '\uFB01', 0xAF: '\uFB02', 0xB1: '\u2013', 0xB2: '\u2020', 0xB3: '\u2021',
		0xB4: '·', 0xB6: '¶', 0xB7: '\u2022', 0xB8: '\u201A', 0xB9: '\u201E', 0xBA: '\u201D',
		0xBB: '»', 0xBC: '\u2026', 0xBD: '\u2030', 0xBF: '¿', 0xC1: '`', 0xC2: '´',
		0xC3: '\u02C6', 0xC4: '\u02DC', 0xC5: '¯', 0xC6: '\u02D8', 0xC7: '\u02D9', 0xC8: '¨',
		0xCA: '\u02DA', 0xCB: '¸', 0xCD: '\u02DD', 0xCE: '\u02DB', 0xCF: '\u02C7', 0xD0: '\u2014',
		0xE1: 'Æ', 0xE3: 'ª', 0xE8: '\u0141', 0xE9: 'Ø', 0xEA: '\u0152', 0xEB: 'º', 0xF1: 'æ',
		0xF5: '\u0131', 0xF8: '\u0142', 0xF9: 'ø', 0xFA: '\u0153', 0xFB: 'ß',
	} {
		standard[code] = r
	}
}

// baseEncodingByName returns the base encoding for an /Encoding name.
func baseEncodingByName(name string) (*baseEncoding, bool) {
	switch name {
	case "WinAnsiEncoding":
		return &winAnsi, true
	case "MacRomanEncoding", "MacExpertEncoding":
		return &macRoman, true
	case "StandardEncoding":
		return &standard, true
	}
	return nil, false
}

// simpleEncoding is the resolved code → text table of a simple font
// (base encoding overlaid with Differences). Entries are "" when unknown.
type simpleEncoding struct {
	text  [256]string
	known [256]bool
	names [256]string // glyph names from Differences
}

func newSimpleEncoding(base *baseEncoding) *simpleEncoding {
	e := &simpleEncoding{}
	if base != nil {
		for i, r := range base {
			if r != 0 {
				e.text[i] = string(r)
				e.known[i] = true
			}
		}
	}
	return e
}

// applyDifferences applies a Differences array given as a sequence of
// codes and names (§9.6.6.1, Table 114).
func (e *simpleEncoding) applyDifferences(items []diffItem) {
	code := -1
	for _, it := range items {
		if it.isCode {
			code = it.code
			continue
		}
		if code < 0 || code > 255 {
			code++
			continue
		}
		e.names[code] = it.name
		if s := glyphNameToUnicode(it.name); s != "" {
			e.text[code] = s
			e.known[code] = true
		} else {
			e.text[code] = ""
			e.known[code] = false
		}
		code++
	}
}

type diffItem struct {
	isCode bool
	code   int
	name   string
}

// numericNames gives text to the codes of a Type 3 font whose Differences
// name glyphs by number, as TeX's drivers write them: "a97", "g65", "97".
// The number is the character's code in the font's (usually T1) encoding:
// its Latin-1 character from 32 up, the T1 quotes, dashes and ligatures
// below.
func (e *simpleEncoding) numericNames() {
	for c, name := range e.names {
		if name == "" || e.known[c] {
			continue
		}
		i := 0
		for i < len(name) && i < 2 && (name[i] >= 'a' && name[i] <= 'z' || name[i] >= 'A' && name[i] <= 'Z') {
			i++
		}
		n, err := strconv.Atoi(name[i:])
		if err != nil || n < 0 || n > 255 || len(name)-i > 3 {
			continue
		}
		text := ""
		switch {
		case n >= 0x20 && n < 0x7F, n >= 0xA0:
			text = string(rune(n))
		default:
			text = t1Low[n]
		}
		if text != "" {
			e.text[c], e.known[c] = text, true
		}
	}
}

// t1Low are the T1 (Cork) encoding's characters below 32 that carry text.
var t1Low = map[int]string{
	0x10: "\u201C", 0x11: "\u201D", 0x12: "\u201E", 0x13: "\u00AB", 0x14: "\u00BB",
	0x15: "\u2013", 0x16: "\u2014", 0x1B: "ff", 0x1C: "fi", 0x1D: "fl", 0x1E: "ffi", 0x1F: "ffl",
}
