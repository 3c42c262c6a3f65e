package pdf

// Glyph names to Unicode, for simple fonts whose Differences name glyphs
// (ISO 32000-1:2008 §9.10.2, method (a)): the names of Annex D's Latin
// character set and common extras, plus the algorithmic forms uniXXXX[...],
// uXXXX[XX], suffixes after '.', and ligatures joined with '_'.

import (
	"strconv"
	"strings"
)

var glyphNames map[string]rune

const glyphTable = `space 20 exclam 21 quotedbl 22 numbersign 23 dollar 24 percent 25 ampersand 26
quotesingle 27 parenleft 28 parenright 29 asterisk 2A plus 2B comma 2C hyphen 2D period 2E slash 2F
zero 30 one 31 two 32 three 33 four 34 five 35 six 36 seven 37 eight 38 nine 39 colon 3A semicolon 3B
less 3C equal 3D greater 3E question 3F at 40 bracketleft 5B backslash 5C bracketright 5D
asciicircum 5E underscore 5F grave 60 braceleft 7B bar 7C braceright 7D asciitilde 7E
exclamdown A1 cent A2 sterling A3 currency A4 yen A5 brokenbar A6 section A7 dieresis A8 copyright A9
ordfeminine AA guillemotleft AB logicalnot AC sfthyphen AD registered AE macron AF degree B0
plusminus B1 twosuperior B2 threesuperior B3 acute B4 mu B5 paragraph B6 periodcentered B7
cedilla B8 onesuperior B9 ordmasculine BA guillemotright BB onequarter BC onehalf BD threequarters BE
questiondown BF Agrave C0 Aacute C1 Acircumflex C2 Atilde C3 Adieresis C4 Aring C5 AE C6 Ccedilla C7
Egrave C8 Eacute C9 Ecircumflex CA Edieresis CB Igrave CC Iacute CD Icircumflex CE Idieresis CF
Eth D0 Ntilde D1 Ograve D2 Oacute D3 Ocircumflex D4 Otilde D5 Odieresis D6 multiply D7 Oslash D8
Ugrave D9 Uacute DA Ucircumflex DB Udieresis DC Yacute DD Thorn DE germandbls DF agrave E0 aacute E1
acircumflex E2 atilde E3 adieresis E4 aring E5 ae E6 ccedilla E7 egrave E8 eacute E9 ecircumflex EA
edieresis EB igrave EC iacute ED icircumflex EE idieresis EF eth F0 ntilde F1 ograve F2 oacute F3
ocircumflex F4 otilde F5 odieresis F6 divide F7 oslash F8 ugrave F9 uacute FA ucircumflex FB
udieresis FC yacute FD thorn FE ydieresis FF nbspace A0 nonbreakingspace A0
Amacron 100 amacron 101 Abreve 102 abreve 103 Aogonek 104 aogonek 105 Cacute 106 cacute 107
Ccaron 10C ccaron 10D Dcaron 10E dcaron 10F Dcroat 110 dcroat 111 Emacron 112 emacron 113
Edotaccent 116 edotaccent 117 Eogonek 118 eogonek 119 Ecaron 11A ecaron 11B Gbreve 11E gbreve 11F
Imacron 12A imacron 12B Iogonek 12E iogonek 12F Idotaccent 130 dotlessi 131 Lacute 139 lacute 13A
Lcaron 13D lcaron 13E Lslash 141 lslash 142 Nacute 143 nacute 144 Ncaron 147 ncaron 148
Omacron 14C omacron 14D Ohungarumlaut 150 ohungarumlaut 151 OE 152 oe 153 Racute 154 racute 155
Rcaron 158 rcaron 159 Sacute 15A sacute 15B Scedilla 15E scedilla 15F Scaron 160 scaron 161
Tcedilla 162 tcedilla 163 Tcaron 164 tcaron 165 Umacron 16A umacron 16B Uring 16E uring 16F
Uhungarumlaut 170 uhungarumlaut 171 Uogonek 172 uogonek 173 Ydieresis 178 Zacute 179 zacute 17A
Zdotaccent 17B zdotaccent 17C Zcaron 17D zcaron 17E florin 192 circumflex 2C6 caron 2C7 breve 2D8
dotaccent 2D9 ring 2DA ogonek 2DB tilde 2DC hungarumlaut 2DD
Alpha 391 Beta 392 Gamma 393 Delta 2206 Epsilon 395 Zeta 396 Eta 397 Theta 398 Iota 399 Kappa 39A
Lambda 39B Mu 39C Nu 39D Xi 39E Omicron 39F Pi 3A0 Rho 3A1 Sigma 3A3 Tau 3A4 Upsilon 3A5 Phi 3A6
Chi 3A7 Psi 3A8 Omega 2126 alpha 3B1 beta 3B2 gamma 3B3 delta 3B4 epsilon 3B5 zeta 3B6 eta 3B7
theta 3B8 iota 3B9 kappa 3BA lambda 3BB nu 3BD xi 3BE omicron 3BF pi 3C0 rho 3C1 sigma1 3C2
sigma 3C3 tau 3C4 upsilon 3C5 phi 3C6 chi 3C7 psi 3C8 omega 3C9
endash 2013 emdash 2014 figuredash 2012 quoteleft 2018 quoteright 2019 quotesinglbase 201A
quotereversed 201B quotedblleft 201C quotedblright 201D quotedblbase 201E dagger 2020 daggerdbl 2021
bullet 2022 onedotenleader 2024 twodotenleader 2025 ellipsis 2026 perthousand 2030 minute 2032
second 2033 guilsinglleft 2039 guilsinglright 203A fraction 2044 Euro 20AC trademark 2122
arrowleft 2190 arrowup 2191 arrowright 2192 arrowdown 2193 arrowboth 2194 partialdiff 2202
product 220F summation 2211 minus 2212 radical 221A infinity 221E integral 222B approxequal 2248
notequal 2260 lessequal 2264 greaterequal 2265 lozenge 25CA ff FB00 fi FB01 fl FB02 ffi FB03 ffl FB04
dotlessj 237 commaaccent F6C3 registersans F8E8 copyrightsans F8E9 trademarksans F8EA
checkmark 2713 club 2663 diamond 2666 heart 2665 spade 2660 filledbox 25A0 H22073 25A1 circle 25CB
universal 2200 existential 2203 element 2208 suchthat 220B asteriskmath 2217 proportional 221D
angle 2220 logicaland 2227 logicalor 2228 intersection 2229 union 222A therefore 2234 similar 223C
congruent 2245 equivalence 2261 propersubset 2282 propersuperset 2283 reflexsubset 2286
reflexsuperset 2287 circleplus 2295 circlemultiply 2297 perpendicular 22A5 dotmath 22C5
degree B0 periodcentered B7 afii61352 2116 afii00208 2015 Ohm 2126 mu1 B5`

func init() {
	f := strings.Fields(glyphTable)
	glyphNames = make(map[string]rune, len(f)/2+52)
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseUint(f[i+1], 16, 32)
		if err == nil {
			glyphNames[f[i]] = rune(v)
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		glyphNames[string(c)] = c
		glyphNames[string(c+32)] = c + 32
	}
}

// glyphNameToUnicode maps a glyph name to its text, "" if unknown.
func glyphNameToUnicode(name string) string {
	if name == "" || name == ".notdef" {
		return ""
	}
	if r, ok := glyphNames[name]; ok {
		return string(r)
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphNameToUnicode(name[:i])
	} else if i == 0 {
		return ""
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			s := glyphNameToUnicode(part)
			if s == "" {
				return ""
			}
			b.WriteString(s)
		}
		return b.String()
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		var units []uint16
		for i := 3; i < len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil || !isUpperHex(name[i:i+4]) {
				return ""
			}
			units = append(units, uint16(v))
		}
		b.WriteString(decodeUTF16(units))
		return b.String()
	}
	if name[0] == 'u' && len(name) >= 5 && len(name) <= 7 && isUpperHex(name[1:]) {
		v, err := strconv.ParseUint(name[1:], 16, 32)
		if err == nil && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF) {
			return string(rune(v))
		}
	}
	return ""
}

func isUpperHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
