package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestExtractLargeSample: a large input is judged on its first bytes, cut
// at a character boundary: junk is turned away early, and Chinese UTF-8
// whose sample would end inside a character is still read as UTF-8.
func TestExtractLargeSample(t *testing.T) {
	junk := []byte(strings.Repeat("\x00\xff\x01\x9c", sampleBytes))
	if _, err := Extract(junk); err == nil || !strings.Contains(err.Error(), "judged on the first") {
		t.Errorf("large junk: %v", err)
	}
	zh := "ab" + strings.Repeat("第一章 方案\n", sampleBytes/10) // "ab" puts the sample's end inside a character
	if len(zh) <= sampleBytes || utf8.RuneStart(zh[sampleBytes]) {
		t.Fatal("the sample does not end inside a character")
	}
	res, err := Extract([]byte(zh))
	if err != nil || res.Encoding.Name != "utf-8" || res.Encoding.Guessed {
		t.Errorf("large UTF-8: %v %+v", err, res)
	}
}

// FuzzSplit checks Split against the plain form: line breaks made \n,
// one trailing \n dropped, then strings.Split.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"a\nb\n", "a\r\nb\r\n", "a\rb", "\n", "\n\n", "\r", "", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain := strings.TrimSuffix(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), "\n")
		var want []string
		if plain != "" {
			want = strings.Split(plain, "\n")
		}
		got := Split(s)
		if len(got) != len(want) {
			t.Fatalf("Split(%q): %d lines, want %d", s, len(got), len(want))
		}
		for i, l := range got {
			if l.Text != want[i] || l.N != i+1 {
				t.Fatalf("Split(%q)[%d] = %d:%q, want %d:%q", s, i, l.N, l.Text, i+1, want[i])
			}
		}
	})
}

func BenchmarkSplitSeed(b *testing.B) {
	data, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Split(s)
	}
}
