package text

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a\nb\n", "1:a|2:b"},
		{"a\r\nb\r\n", "1:a|2:b"},
		{"a\rb", "1:a|2:b"},
		{"a\n\n b", "1:a|2:|3: b"},
		{"", ""},
	} {
		var got []string
		for _, l := range Split(c.in) {
			got = append(got, strings.Join([]string{itoa(l.N), l.Text}, ":"))
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("Split(%q) = %s, want %s", c.in, g, c.want)
		}
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestExtractRejectsJunk(t *testing.T) {
	junk := strings.Repeat("\x00\xff\x01\x9c", 100)
	if _, err := Extract([]byte(junk)); err == nil {
		t.Error("binary junk was read as text")
	}
	res, err := Extract([]byte("\xef\xbb\xbf第一章\r\n方案 8\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lines) != 2 || res.Lines[0].Text != "第一章" || res.Encoding.Name != "utf-8-bom" {
		t.Errorf("got %+v %+v", res.Lines, res.Encoding)
	}
}
