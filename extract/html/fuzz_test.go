package html

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	f.Add(readFile(f, seedHTML), "")
	f.Add(readFile(f, seedHTML), "text/html; charset=utf-8")
	paths, _ := filepath.Glob("../../testdata/html/*.html")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "text/html")
		}
	}
	for _, s := range []string{
		"",
		"<p>内陆\n发展</p>",
		"<table><tr><td rowspan=0 colspan=9999>甲<td>乙<tr><td>丙</table>",
		"<table><tr><td><table><tr><td>深</td></tr></table>后</td></tr></table>",
		"<p align=center><b>标题</b></p><br><br/>行",
		"<pre>\n a\n\tb</pre>",
		"<meta charset=gb2312><p>\xc4\xe3\xba\xc3</p>",
		"<meta charset=utf-8><p>\xc4\xe3\xba\xc3</p>",
		"\xef\xbb\xbf<p>x</p>",
		"\xff\xfe<\x00p\x00>\x00",
		"<title>Page not found</title>",
		"<frameset><frame src=x></frameset>",
		"<svg><title><p>x</p></title></svg><math><mi>y</mi></math>",
		"<a href=http://undocs.org/ch/A/1>A/1</a>",
		"<<p>><</p>><p",
		"<p data-undoc-ln=\"9-1\">伪</p>",
	} {
		f.Add([]byte(s), "")
	}
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		res, err := Extract(data, contentType)
		if err != nil {
			if res != nil {
				t.Fatalf("result %v with error %v", res, err)
			}
			var nd *NotDocumentError
			if errors.As(err, &nd) && nd.Reason == "" {
				t.Fatal("NotDocumentError without reason")
			}
			return
		}
		text, _, _ := decodeInput(data, contentType)
		maxLine := countLines(text)
		for _, l := range res.Lines {
			if l.Text == "" || !utf8.ValidString(l.Text) {
				t.Fatalf("bad text in %+v", l)
			}
			if l.N < 1 || l.N > maxLine {
				t.Fatalf("N out of 1..%d: %+v", maxLine, l)
			}
			if (l.Table == 0) != (l.Row == 0) || (l.Table == 0) != (l.Col == 0) || l.Table < 0 || l.Row < 0 || l.Col < 0 {
				t.Fatalf("inconsistent table place: %+v", l)
			}
			if l.Heading < 0 || l.Heading > 7 {
				t.Fatalf("heading out of range: %+v", l)
			}
		}
		for _, k := range res.Links {
			if k.Line < 1 || k.Line > maxLine || !isDocLink(k.Href) {
				t.Fatalf("bad link %+v", k)
			}
		}
		if res.Charset == "" || res.CharsetSource == "" {
			t.Fatalf("charset %q from %q", res.Charset, res.CharsetSource)
		}
	})
}
