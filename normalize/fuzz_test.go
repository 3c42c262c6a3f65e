package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

func FuzzDecode(f *testing.F) {
	sd := seed(f)
	f.Add(sd[:600])
	f.Add(gbBytes(f, string(sd[:600])))
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8})
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x00, 0xDC})
	f.Add([]byte{0xEF, 0xBB, 0xBF, 0xC3})
	f.Add([]byte("A\x00B\x00C\x00"))
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00"))
	f.Add([]byte{0x81, 0x30, 0x81, 0x30, 0x84, 0x31, 0xA4, 0x37, 0xE3, 0x32, 0x9A, 0x35})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if !utf8.ValidString(s) {
			t.Fatalf("Decode gave invalid UTF-8")
		}
		if n := strings.Count(s, "\uFFFD"); n != enc.Replaced {
			t.Fatalf("Replaced = %d, text has %d U+FFFD", enc.Replaced, n)
		}
		if enc.Confidence < 0 || enc.Confidence > 1 {
			t.Fatalf("Confidence = %v", enc.Confidence)
		}
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("error %T is not a *DecodeError", err)
			}
		}
		if utf8.Valid(b) && !enc.Guessed && enc.Name == "utf-8" && s != string(b) {
			t.Fatalf("valid UTF-8 changed")
		}
		for _, cs := range []string{"utf-8", "gbk", "utf-16be", "big5"} {
			if got, _ := DecodeAs(b, cs); !utf8.ValidString(got) {
				t.Fatalf("DecodeAs %s gave invalid UTF-8", cs)
			}
		}
		score, problems := Confidence(string(b), true)
		if score < 0 || score > 1 {
			t.Fatalf("Confidence score %v", score)
		}
		for _, p := range problems {
			if p.Count <= 0 || !utf8.ValidString(p.Example) {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}

func FuzzParseMarker(f *testing.F) {
	for _, s := range []string{
		"(a) 调动", "（ｃ）宣传", "(i) 文本", "(xiv)", "㈠《2011", "⑵ 文本", "（十二）文本", "(一)", "12.本报告",
		"104.8 条", "2015 年", "十二、文本", "(A/69/6)", "(世贸组织)", "(a)分段", "(a)和(b)", "(", "（", "１２．",
		"实施：㈠《十年期》；㈡《行动纲领》", "(h) 甲；(i) 乙",
	} {
		f.Add(s, 0)
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, s string, prevOrdinal int) {
		var prev *Marker
		if prevOrdinal > 0 {
			prev = &Marker{Ordinal: prevOrdinal, Style: StyleLetter}
		}
		m, rest, ok := ParseMarker(s, prev)
		if !ok {
			if rest != s || m != (Marker{}) {
				t.Fatalf("failed parse changed rest or marker")
			}
		} else {
			if !utf8.ValidString(m.Marker) || !utf8.ValidString(m.Label) {
				t.Fatalf("invalid UTF-8 in %+v", m)
			}
			if m.Label == "" || m.Ordinal < 1 || m.Style == StyleNone {
				t.Fatalf("incomplete marker %+v", m)
			}
			if !strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), m.Marker) {
				t.Fatalf("marker %q not in %q", m.Marker, s)
			}
			if !strings.HasSuffix(s, rest) {
				t.Fatalf("rest %q is not a suffix of %q", rest, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(rest) {
				t.Fatalf("rest is invalid UTF-8")
			}
		}
		for style := StyleNone; style <= StyleCJKComma; style++ {
			last := -1
			for _, o := range FindMarkers(s, style) {
				if o <= last || o >= len(s) || !utf8.RuneStart(s[o]) {
					t.Fatalf("FindMarkers(%q, %v): bad offset %d", s, style, o)
				}
				last = o
			}
		}
		if n, ok := ChineseNumber(s); ok && n < 0 {
			t.Fatalf("ChineseNumber(%q) = %d", s, n)
		}
		if n, ok := ParseRoman(s); ok && Roman(n) != strings.ToLower(s) {
			t.Fatalf("ParseRoman(%q) = %d", s, n)
		}
	})
}

// FuzzFold checks Fold against its transformer and Join against JoinLines.
func FuzzFold(f *testing.F) {
	f.Add("ＵＮ\u2F45案\uF900，\U0002F800１\xe2", "the ")
	f.Add("方案 8", "inter\u00AD")
	f.Fuzz(func(t *testing.T, a, b string) {
		got := Fold(a)
		if utf8.ValidString(a) && !utf8.ValidString(got) {
			t.Fatalf("Fold gave invalid UTF-8")
		}
		if s, _, err := transform.String(FoldTransformer(), a); err != nil || s != got {
			t.Fatalf("transformer %q, %v; Fold %q", s, err, got)
		}
		if Fold(got) != got {
			t.Fatalf("Fold is not idempotent on %q", a)
		}
		lines := []string{a, b, a}
		if JoinLines(lines) != strings.TrimSpace(Join(Join(a, b), a)) {
			t.Fatalf("JoinLines and Join disagree on %q, %q", a, b)
		}
	})
}
