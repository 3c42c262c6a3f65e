package html

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/undoc/undoc/extract"
)

// Pages served in place of a document: error pages (a 404 page of un.org,
// the "The document 'X' is not available in 'zh'" page of the undocs failover,
// the daccess-ods "There is no document matching your request" and "Error 91"
// bodies), meta-refresh shells of the legacy ODS chain, framesets, and the
// docs.un.org viewer whose body is an iframe and a script.

const (
	// minTextRunes: below this a page is reported as having little text.
	minTextRunes = 20
	// shellTextRunes: a frame or refresh page with less text than this is a
	// shell around a document, not a document.
	shellTextRunes = 200
	// errorPageRunes: an error message found in the title, a heading or the
	// first lines counts only on a page shorter than this.
	errorPageRunes = 3000
	// headLines: how many first lines are searched for an error message.
	headLines = 8
	// errorLineRunes: an error message in a line that is not a title or a
	// heading counts only on a page shorter than this...
	errorLineRunes = 1000
	// maxErrorLine: ... and in a line no longer than this.
	maxErrorLine = 200
)

// errorPhrases say "not found" or "failed" wherever they appear in a title,
// a heading or the first lines.
var errorPhrases = []string{
	"page not found", "404 not found", "not found (404)", "error 404", "404 error", "http 404",
	"file not found", "document not found", "page cannot be found", "page could not be found",
	"页面未找到", "页面不存在", "找不到页面", "找不到网页", "网页不存在", "文件未找到",
	"未找到文件", "找不到文件", "文件不存在", "找不到该页", "找不到该文件", "无法找到该页",
	"无法找到该网页", "无法找到该文件", "未找到该文件", "未找到页面", "未找到网页",
}

// errorMessages are the messages of error bodies; they count in the first
// lines of a short page.
var errorMessages = []string{
	"the document you requested is not available", "the requested document is not available",
	"could not be retrieved", "there is no document matching your request", "error 91",
	"object variable not set", "is not a valid language code", "the page you requested",
	"the page you are looking for", "the requested url was not found", "is not available in '",
	"您要查找的页面", "您访问的页面", "您请求的文件", "您所请求的", "请求的页面不存在",
	"该文件不存在", "所请求的文件不可用", "您要找的文件",
}

// errorTitles are whole titles (or whole headings) of error pages.
var errorTitles = map[string]bool{
	"404": true, "error": true, "错误": true, "not found": true, "出错": true, "出错了": true,
	"access denied": true, "403 forbidden": true, "forbidden": true, "internal server error": true,
	"500 internal server error": true, "bad gateway": true, "502 bad gateway": true,
	"service unavailable": true, "503 service unavailable": true, "runtime error": true,
	"server error": true, "server error in '/' application.": true, "页面错误": true, "访问被拒绝": true,
}

// shell is what findShell saw of frames and redirects.
type shell struct {
	frames   int
	frameSrc string
	refresh  string
}

func findShell(doc *goquery.Document) shell {
	var sh shell
	frames := doc.Find("iframe, frame, frameset, embed, object")
	sh.frames = frames.Length()
	frames.EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if src := strings.TrimSpace(s.AttrOr("src", s.AttrOr("data", ""))); src != "" {
			sh.frameSrc = src
			return false
		}
		return true
	})
	doc.Find("meta[http-equiv]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.EqualFold(strings.TrimSpace(s.AttrOr("http-equiv", "")), "refresh") {
			sh.refresh = strings.TrimSpace(s.AttrOr("content", ""))
			return false
		}
		return true
	})
	return sh
}

// titleCore strips a site suffix ("Page not found | United Nations").
func titleCore(t string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", "｜"} {
		if i := strings.Index(t, sep); i > 0 {
			t = t[:i]
		}
	}
	return strings.TrimSpace(t)
}

func containsAny(s string, list []string) string {
	for _, p := range list {
		if strings.Contains(s, p) {
			return p
		}
	}
	return ""
}

// notDocument returns why the page is not a document, or "".
func notDocument(res *Result, sh shell, size int) string {
	title := strings.ToLower(res.Title)
	if p := containsAny(title, errorPhrases); p != "" {
		return fmt.Sprintf("error page (title %q)", res.Title)
	}
	if size < errorPageRunes {
		if errorTitles[titleCore(title)] {
			return fmt.Sprintf("error page (title %q)", res.Title)
		}
		for i, l := range res.Lines {
			t := strings.ToLower(l.Text)
			if l.Heading > 0 && errorTitles[strings.TrimSpace(t)] {
				return fmt.Sprintf("error page (heading %q)", l.Text)
			}
			if l.Heading == 0 && i >= headLines {
				continue
			}
			if size >= errorLineRunes || utf8.RuneCountInString(t) > maxErrorLine {
				continue
			}
			if containsAny(t, errorPhrases) != "" || containsAny(t, errorMessages) != "" {
				return fmt.Sprintf("error page (%q)", clip(l.Text, 120))
			}
		}
	}
	if size < shellTextRunes {
		// The refresh target of an ODS shell is the document itself; say it
		// first.
		if sh.refresh != "" {
			return fmt.Sprintf("redirect page (meta refresh %q)", sh.refresh)
		}
		if sh.frames > 0 {
			if sh.frameSrc != "" {
				return fmt.Sprintf("viewer shell: the page is only a frame (src %q)", sh.frameSrc)
			}
			return "viewer shell: the page is only a frame"
		}
	}
	if size == 0 {
		return "no text in page"
	}
	return ""
}

func textRunes(lines []extract.Line) int {
	n := 0
	for _, l := range lines {
		for _, r := range l.Text {
			if !unicode.IsSpace(r) {
				n++
			}
		}
	}
	return n
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
