package normalize

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func gbBytes(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatalf("encoding GB18030: %v", err)
	}
	return b
}

func concat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func TestDecode(t *testing.T) {
	sd := seed(t)
	text := string(sd)
	rare := "镕𠀀 A/69/6" // 镕 is GBK-only, 𠀀 needs a surrogate pair / 4-byte GB18030
	pngish := concat([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64), []byte("IHDR\x00\x00\x01\x00"))
	cut := bytes.IndexByte(sd[1000:], '\n') + 1000 // a rune boundary
	lossy := concat(sd[:cut], []byte{0xFF}, sd[cut:])

	tests := []struct {
		name     string
		in       []byte
		want     string // "" means do not compare
		enc      string
		guessed  bool
		minConf  float64
		maxConf  float64
		replaced int // -1: do not compare
		notText  bool
	}{
		{name: "empty", in: nil, enc: "utf-8", minConf: 1, maxConf: 1},
		{name: "ascii", in: []byte("A/69/6/Rev.1\n"), want: "A/69/6/Rev.1\n", enc: "utf-8", minConf: 1, maxConf: 1},
		{name: "utf-8 seed", in: sd, want: text, enc: "utf-8", minConf: 0.99, maxConf: 1},
		{name: "utf-8 bom", in: concat([]byte{0xEF, 0xBB, 0xBF}, sd), want: text, enc: "utf-8-bom", minConf: 0.99, maxConf: 1},
		{name: "utf-8 bom only", in: []byte{0xEF, 0xBB, 0xBF}, enc: "utf-8-bom", minConf: 1, maxConf: 1},
		{name: "utf-16le bom", in: concat([]byte{0xFF, 0xFE}, utf16Bytes(text+rare, false)), want: text + rare, enc: "utf-16le", minConf: 0.99, maxConf: 1},
		{name: "utf-16be bom", in: concat([]byte{0xFE, 0xFF}, utf16Bytes(text+rare, true)), want: text + rare, enc: "utf-16be", minConf: 0.99, maxConf: 1},
		{name: "utf-16le no bom", in: utf16Bytes("Report of the Secretary-General 秘书长的报告\n", false), want: "Report of the Secretary-General 秘书长的报告\n", enc: "utf-16le", guessed: true, minConf: 0.9, maxConf: 1},
		{name: "utf-16be no bom", in: utf16Bytes("A/69/6 (Prog. 8)\n", true), want: "A/69/6 (Prog. 8)\n", enc: "utf-16be", guessed: true, minConf: 0.9, maxConf: 1},
		{name: "utf-16le odd length", in: concat([]byte{0xFF, 0xFE}, utf16Bytes("方案", false), []byte{0x41}), want: "方案\uFFFD", enc: "utf-16le", minConf: 0.5, maxConf: 0.9, replaced: 1},
		{name: "utf-16le lone surrogate", in: concat([]byte{0xFF, 0xFE, 0x00, 0xD8}, utf16Bytes("方案", false)), want: "\uFFFD方案", enc: "utf-16le", minConf: 0.5, maxConf: 0.9, replaced: 1},
		{name: "gb18030 seed", in: gbBytes(t, text), want: text, enc: "gb18030", guessed: true, minConf: 0.98, maxConf: 1},
		{name: "gb18030 rare", in: gbBytes(t, "本组织的目标："+rare), want: "本组织的目标：" + rare, enc: "gb18030", guessed: true, minConf: 0.8, maxConf: 1},
		{name: "gbk truncated", in: gbBytes(t, "方案预算")[:7], want: "方案预\uFFFD", enc: "gb18030", guessed: true, minConf: 0.5, maxConf: 0.9, replaced: 1},
		{name: "utf-8 stray byte", in: lossy, enc: "utf-8", guessed: true, minConf: 0.99, maxConf: 1, replaced: 1},
		{name: "latin-1 junk", in: []byte("caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise"), guessed: true, minConf: 0, maxConf: 0.9, replaced: -1},
		{name: "high bytes", in: bytes.Repeat([]byte{0xFF, 0x80, 0xFE, 0x30, 0x20}, 50), guessed: true, minConf: 0, maxConf: 0.5, replaced: -1},
		{name: "binary with NULs", in: pngish, guessed: true, maxConf: 0.5, replaced: -1, notText: true},
		{name: "all NUL", in: make([]byte, 100), enc: "utf-8", minConf: 0, maxConf: 0.01, notText: true},
		{name: "sparse NULs", in: []byte(strings.Repeat("方案", 50) + "\x00\x00"), enc: "utf-8", minConf: 0.9, maxConf: 1, notText: true},
		{name: "one NUL in a long text", in: concat(sd, []byte{0}), enc: "utf-8", minConf: 0.99, maxConf: 1},
		{name: "controls", in: bytes.Repeat([]byte("ab\x01\x02\x03"), 20), enc: "utf-8", maxConf: 0.7, notText: true},
		{name: "form feeds are text", in: []byte("第一章\f第二章\r\n"), want: "第一章\f第二章\r\n", enc: "utf-8", minConf: 1, maxConf: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in)
			t.Logf("%s guessed=%v confidence=%.4f replaced=%d err=%v", enc.Name, enc.Guessed, enc.Confidence, enc.Replaced, err)
			if !utf8.ValidString(got) {
				t.Fatalf("text is not valid UTF-8")
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("text = %q…, want %q…", clip(got), clip(tt.want))
			}
			if tt.enc != "" && enc.Name != tt.enc {
				t.Errorf("Name = %q, want %q", enc.Name, tt.enc)
			}
			if enc.Guessed != tt.guessed {
				t.Errorf("Guessed = %v, want %v", enc.Guessed, tt.guessed)
			}
			if enc.Confidence < tt.minConf || enc.Confidence > tt.maxConf {
				t.Errorf("Confidence = %.4f, want in [%.2f, %.2f]", enc.Confidence, tt.minConf, tt.maxConf)
			}
			if n := strings.Count(got, "\uFFFD"); enc.Replaced != n {
				t.Errorf("Replaced = %d, but text has %d U+FFFD", enc.Replaced, n)
			}
			if tt.replaced >= 0 && enc.Replaced != tt.replaced {
				t.Errorf("Replaced = %d, want %d", enc.Replaced, tt.replaced)
			}
			var de *DecodeError
			if isDE := errors.As(err, &de); isDE != tt.notText || (err != nil && !isDE) {
				t.Errorf("err = %v, want not-text error: %v", err, tt.notText)
			}
		})
	}
}

func clip(s string) string {
	if len(s) > 60 {
		s = s[:60]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

func TestDecodeAs(t *testing.T) {
	big5, err := traditionalchinese.Big5.NewEncoder().String("聯合國大會")
	if err != nil {
		t.Fatal(err)
	}
	gbk := gbBytes(t, "镕基")
	tests := []struct {
		name, charset string
		in            []byte
		want          string
		replaced      bool
		unknown       bool
	}{
		{name: "gb2312 label, gbk bytes", charset: "gb2312", in: gbk, want: "镕基"},
		{name: "GBK upper case, quoted", charset: ` "GBK" `, in: gbk, want: "镕基"},
		{name: "gb18030", charset: "gb18030", in: gbBytes(t, "𠀀方案"), want: "𠀀方案"},
		{name: "big5", charset: "big5", in: []byte(big5), want: "聯合國大會"},
		{name: "utf-8", charset: "UTF-8", in: []byte("方案 8"), want: "方案 8"},
		{name: "utf-8 invalid", charset: "utf-8", in: []byte("方案\xff8"), want: "方案\uFFFD8", replaced: true},
		{name: "gbk invalid", charset: "gbk", in: []byte{0xB7, 0xBD, 0xB0, 0x20}, want: "方\uFFFD ", replaced: true},
		{name: "utf-16le", charset: "utf-16le", in: utf16Bytes("方案", false), want: "方案"},
		{name: "utf-16be", charset: "utf-16be", in: utf16Bytes("方案", true), want: "方案"},
		{name: "bom overrides label", charset: "gbk", in: concat([]byte{0xEF, 0xBB, 0xBF}, []byte("方案")), want: "方案"},
		{name: "latin1", charset: "iso-8859-1", in: []byte("caf\xe9"), want: "café"},
		{name: "unknown", charset: "x-klingon", in: []byte("abc"), unknown: true},
		{name: "empty label", charset: "", in: []byte("abc"), unknown: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeAs(tt.in, tt.charset)
			if tt.unknown {
				if !errors.Is(err, ErrUnknownCharset) {
					t.Fatalf("err = %v, want ErrUnknownCharset", err)
				}
				return
			}
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			var de *DecodeError
			if errors.As(err, &de) != tt.replaced {
				t.Errorf("err = %v, want replacement error: %v", err, tt.replaced)
			}
			if err != nil && de == nil {
				t.Errorf("unexpected error %v", err)
			}
		})
	}
}

// TestDecodeLarge decodes 50 MB without a newline, in both the UTF-8 and the
// guessing path, and fails when it is far slower than linear.
func TestDecodeLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	line := strings.ReplaceAll(string(seed(t)), "\n", "")
	big := []byte(strings.Repeat(line, 50<<20/len(line)+1))
	gb := gbBytes(t, string(big))
	for _, in := range [][]byte{big, gb} {
		start := time.Now()
		got, enc, err := Decode(in)
		if err != nil || enc.Confidence < 0.98 || len(got) != len(big) {
			t.Fatalf("%s: err=%v confidence=%.3f len=%d want %d", enc.Name, err, enc.Confidence, len(got), len(big))
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s: decoding %d bytes took %v", enc.Name, len(in), d)
		}
	}
}

// TestCountValid checks countValid against measure (without its weighted
// score) on every rune, alone and between others, and on the seed; and
// its validity against utf8.Valid on every sequence of up to three bytes
// and on four-byte sequences with every second byte.
func TestCountValid(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want := measure(s)
		want.good = 0
		if got, ok := countValid([]byte(s)); !ok || got != want {
			t.Fatalf("countValid(%+q) = %+v, %v; measure says %+v", s, got, ok, want)
		}
	}
	valid := func(b []byte) {
		t.Helper()
		for _, in := range [][]byte{b, append([]byte("a"), b...), append(append([]byte("名"), b...), 'z')} {
			if _, ok := countValid(in); ok != utf8.Valid(in) {
				t.Fatalf("countValid(% x) ok = %v, utf8.Valid says %v", in, ok, !ok)
			}
		}
	}
	for c0 := range 256 {
		valid([]byte{byte(c0)})
		for c1 := range 256 {
			valid([]byte{byte(c0), byte(c1)})
			if c0 < 0xE0 {
				continue
			}
			for c2 := range 256 {
				valid([]byte{byte(c0), byte(c1), byte(c2)})
			}
			if c0 < 0xF0 {
				continue
			}
			for _, c2 := range []byte{0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				for _, c3 := range []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF} {
					valid([]byte{byte(c0), byte(c1), c2, c3})
				}
			}
		}
	}
	check("")
	check(string(seed(t)))
	var b strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		c := string(r)
		check(c)
		b.WriteString("a" + c + " " + c + "名")
		if b.Len() > 1<<12 || r == unicode.MaxRune {
			check(b.String())
			b.Reset()
		}
	}
}
