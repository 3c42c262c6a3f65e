package html

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"

	"github.com/undoc/undoc/extract"
)

// Page furniture is dropped in two passes. findBoilerplate marks elements
// before the walk: by element and ARIA role (nav, header, footer, aside,
// menus), and by class or id words used on un.org and similar sites
// (breadcrumb, language switcher, skip link, cookie banner, ...).
// dropBoilerplateLines then removes lines that read as furniture whatever
// their markup: "Skip to content", language switchers, breadcrumb trails and
// the copyright footer at the end.

// semanticFurniture is dropped whatever its size: markup that says what it
// is. header and footer count only at page level, not inside an article or
// section, where they belong to the content.
const semanticFurniture = "script, style, noscript, template, nav, menu, aside, " +
	"[role=navigation], [role=banner], [role=contentinfo], [role=search], " +
	"[role=menubar], [role=menu]"

const pageHeaderFooter = "header, footer"
const contentHeaderFooter = "article header, article footer, section header, section footer, main header, main footer"

// furnitureWords in class or id mark an element as furniture.
var furnitureWords = map[string]bool{
	"breadcrumb": true, "breadcrumbs": true, "crumbs": true, "navbar": true, "nav": true,
	"navigation": true, "menu": true, "menubar": true, "mainmenu": true, "submenu": true,
	"megamenu": true, "topmenu": true, "sidebar": true, "footer": true, "sitefooter": true,
	"skip": true, "skiplink": true, "skiplinks": true, "skipnav": true, "cookie": true,
	"cookies": true, "consent": true, "social": true, "share": true, "sharing": true,
	"sharethis": true, "toolbar": true, "search": true, "searchbox": true, "searchform": true,
	"langswitcher": true, "languageswitcher": true, "banner": true,
}

// languageWords mark a language switcher, but only on short elements.
var languageWords = map[string]bool{"lang": true, "language": true, "languages": true}

// headerWords mark a page header together with "header".
var headerWords = map[string]bool{"site": true, "global": true, "region": true, "top": true}

// furnitureName reports whether class and id mark furniture; short says the
// element holds little text.
func furnitureName(class, id string, short bool) bool {
	idl := strings.ToLower(strings.TrimSpace(id))
	if idl == "header" || idl == "footer" {
		return true
	}
	words := strings.FieldsFunc(strings.ToLower(class+" "+id), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	header, headerCtx := false, false
	for _, w := range words {
		switch {
		case furnitureWords[w]:
			return true
		case languageWords[w] && short:
			return true
		case w == "header":
			header = true
		case headerWords[w]:
			headerCtx = true
		}
	}
	return header && headerCtx
}

// findBoilerplate returns the elements to drop with their subtrees.
func findBoilerplate(doc *goquery.Document) map[*xhtml.Node]bool {
	drop := map[*xhtml.Node]bool{}
	add := func(_ int, s *goquery.Selection) { drop[s.Get(0)] = true }
	doc.Find(semanticFurniture).Each(add)
	doc.Find(pageHeaderFooter).Not(contentHeaderFooter).Each(add)

	// Hidden elements and names are a guess: never drop the page itself or
	// a large share of it (pages hide their content while a script loads, or
	// mark it aria-hidden behind a dialog; wrappers carry names like
	// "with-navigation").
	bodyText := -1 // computed on first use
	small := func(s *goquery.Selection) (bool, int) {
		size := textSize(s.Text())
		if size <= 200 {
			return true, size
		}
		if bodyText < 0 {
			bodyText = textSize(doc.Find("body").Text())
		}
		return size*3 <= bodyText, size
	}
	doc.Find("[hidden], [aria-hidden=true], [style]").Not("html, body").FilterFunction(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		if attr(n, "style") != "" && styleProp(n, "display") != "none" && styleProp(n, "visibility") != "hidden" {
			if _, h := s.Attr("hidden"); !h && !strings.EqualFold(attr(n, "aria-hidden"), "true") {
				return false
			}
		}
		ok, _ := small(s)
		return ok
	}).Each(add)
	doc.Find("[class], [id]").Not("html, body, main, article").FilterFunction(func(_ int, s *goquery.Selection) bool {
		class, _ := s.Attr("class")
		id, _ := s.Attr("id")
		if !furnitureName(class, id, true) {
			return false
		}
		ok, size := small(s)
		return ok && furnitureName(class, id, size <= 200)
	}).Each(add)
	return drop
}

// textSize counts non-space characters.
func textSize(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// maxFurnitureBytes: lines longer than this (in UTF-8 bytes, about 200
// Chinese characters) are never taken for furniture by their text.
const maxFurnitureBytes = 600

var skipPhrases = map[string]bool{
	"skip to content": true, "skip to main content": true, "skip to navigation": true,
	"skip to main navigation": true, "skip navigation": true, "jump to navigation": true,
	"jump to content": true, "back to top": true, "top of page": true, "return to top": true,
	"跳到主要内容": true, "跳转到主要内容": true, "跳至主要内容": true, "跳到内容": true,
	"跳至内容": true, "跳过导航": true, "返回顶部": true, "回到顶部": true, "返回页首": true,
}

// languageNames are the entries of a language switcher (the six official
// languages, as named in their own and in Chinese and English).
var languageNames = map[string]bool{
	"العربية": true, "عربي": true, "中文": true, "english": true, "français": true,
	"francais": true, "русский": true, "español": true, "espanol": true,
	"阿拉伯文": true, "阿拉伯语": true, "中文版": true, "英文": true, "英语": true,
	"法文": true, "法语": true, "俄文": true, "俄语": true, "西班牙文": true,
	"西班牙语": true, "arabic": true, "chinese": true, "french": true, "russian": true,
	"spanish": true, "ar": true, "zh": true, "en": true, "fr": true, "ru": true, "es": true,
	"other": true, "其他": true, "deutsch": true, "português": true,
}

// languageTokens returns how many entries a line has when all of them are
// language names, else 0.
func languageTokens(s string) int {
	if len(s) > maxFurnitureBytes {
		return 0
	}
	n := 0
	for s != "" {
		i := strings.IndexFunc(s, isLanguageSep)
		tok := s
		if i >= 0 {
			tok = s[:i]
			_, size := utf8.DecodeRuneInString(s[i:])
			s = s[i+size:]
		} else {
			s = ""
		}
		if tok == "" {
			continue
		}
		if len(tok) > 24 || !languageNames[strings.ToLower(tok)] {
			return 0
		}
		n++
	}
	return n
}

func isLanguageSep(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("|/·•,;，、", r)
}

var reBreadcrumb = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:home|首页|主页|联合国主页|联合国首页)\s*[>»›/|]`)
})

// footerWords mark the lines of a page footer.
var footerWords = []string{
	"©", "copyright", "版权", "all rights reserved", "privacy", "隐私", "terms of use",
	"使用条件", "使用条款", "contact us", "联系我们", "site map", "sitemap", "网站地图",
	"fraud alert", "欺诈警告", "faq", "常见问题", "follow us", "关注我们",
}

func isFooterLine(l extract.Line) bool {
	if l.Table != 0 || l.Heading != 0 || len(l.Text) > 450 {
		return false
	}
	t := strings.ToLower(l.Text)
	for _, w := range footerWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// dropBoilerplateLines removes furniture recognised by its text.
func dropBoilerplateLines(lines []extract.Line) []extract.Line {
	running := func(l extract.Line) bool { return l.Table == 0 && l.Heading == 0 }
	out := make([]extract.Line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if len(l.Text) > maxFurnitureBytes {
			// Furniture is short; long lines are content.
			out = append(out, l)
			continue
		}
		if len(l.Text) <= 64 && skipPhrases[strings.TrimSpace(strings.ToLower(l.Text))] {
			continue
		}
		if running(l) {
			if reBreadcrumb().MatchString(l.Text) {
				continue
			}
			if languageTokens(l.Text) >= 2 {
				continue
			}
			// A switcher written as one entry per line.
			j := i
			for j < len(lines) && running(lines[j]) && languageTokens(lines[j].Text) == 1 {
				j++
			}
			if j-i >= 3 {
				i = j - 1
				continue
			}
		}
		out = append(out, l)
	}
	for len(out) > 0 && isFooterLine(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	return out
}
