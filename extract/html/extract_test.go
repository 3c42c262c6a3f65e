package html

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/undoc/undoc/extract"
)

// line is a compact expectation for a Line; N < 0 means "do not check".
type line struct {
	text                      string
	n, table, row, col, level int
}

func run(t *testing.T, data []byte, contentType string) *Result {
	t.Helper()
	res, err := Extract(data, contentType)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return res
}

func checkLines(t *testing.T, got []extract.Line, want []line) {
	t.Helper()
	if len(got) != len(want) {
		for _, l := range got {
			t.Logf("  got %+v", l)
		}
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Table != w.table || g.Row != w.row || g.Col != w.col || g.Heading != w.level || w.n >= 0 && g.N != w.n {
			t.Errorf("line %d = {%q N%d T%d R%d C%d H%d}, want {%q N%d T%d R%d C%d H%d}", i,
				g.Text, g.N, g.Table, g.Row, g.Col, g.Heading, w.text, w.n, w.table, w.row, w.col, w.level)
		}
	}
}

func texts(lines []extract.Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.Text)
	}
	return out
}

func hasDiag(res *Result, code string) *Diagnostic {
	for i := range res.Diagnostics {
		if res.Diagnostics[i].Code == code {
			return &res.Diagnostics[i]
		}
	}
	return nil
}

func gb(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode GB18030: %v", err)
	}
	return b
}

// chinesePage is a small document page; head goes into <head>.
func chinesePage(head string) string {
	return "<html><head>" + head + "<title>A/70/6</title></head><body>\n" +
		"<h1>第一章</h1>\n" +
		"<p>1. 大会第69/17号决议通过了两年期方案计划和优先事项。</p>\n" +
		"<p>2. 建议对方案计划作出以下订正：方案 8，最不发达国家。</p>\n" +
		"</body></html>\n"
}

var chinesePageLines = []line{
	{"第一章", 2, 0, 0, 0, 1},
	{"1. 大会第69/17号决议通过了两年期方案计划和优先事项。", 3, 0, 0, 0, 0},
	{"2. 建议对方案计划作出以下订正：方案 8，最不发达国家。", 4, 0, 0, 0, 0},
}

func TestUTF8Page(t *testing.T) {
	src := `<!DOCTYPE html>
<html lang="zh">
<head><meta charset="UTF-8"><title>方案问题</title></head>
<body>
<h2>B.&emsp;成果预算编制</h2>
<p>3. 根据大会第 55/231 号决议，成果预算编制采用逻辑框架：</p>
<ol>
  <li>(a) 预算编制围绕一套预先确定的目标；</li>
  <li>(b) 实现成果方面的实际业绩以绩效指标衡量。</li>
</ol>
<p>简称：环境署，联合国环境规划署</p>
</body>
</html>`
	res := run(t, []byte(src), "")
	if res.Charset != "utf-8" || res.CharsetSource != SourceMeta || res.Title != "方案问题" {
		t.Errorf("charset %s/%s title %q", res.Charset, res.CharsetSource, res.Title)
	}
	checkLines(t, res.Lines, []line{
		{"B.\u2003成果预算编制", 5, 0, 0, 0, 2},
		{"3. 根据大会第 55/231 号决议，成果预算编制采用逻辑框架：", 6, 0, 0, 0, 0},
		{"(a) 预算编制围绕一套预先确定的目标；", 8, 0, 0, 0, 0},
		{"(b) 实现成果方面的实际业绩以绩效指标衡量。", 9, 0, 0, 0, 0},
		{"简称：环境署，联合国环境规划署", 11, 0, 0, 0, 0},
	})
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics: %+v", res.Diagnostics)
	}
}

func TestGBKPage(t *testing.T) {
	cases := []struct {
		name, head, contentType string
		wantSource              string
	}{
		{"meta gb2312", `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "", SourceMeta},
		{"meta charset gbk", `<meta charset="GBK">`, "", SourceMeta},
		{"http gbk", "", "text/html; charset=GBK", SourceHTTP},
		{"http beats meta", `<meta charset="gb2312">`, "text/html;charset=gb18030", SourceHTTP},
		{"undeclared", "", "", SourceSniffed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := run(t, gb(t, chinesePage(c.head)), c.contentType)
			if res.Charset != "gb18030" || res.CharsetSource != c.wantSource {
				t.Errorf("charset %s from %s, want gb18030 from %s", res.Charset, res.CharsetSource, c.wantSource)
			}
			checkLines(t, res.Lines, chinesePageLines)
			if d := hasDiag(res, "charset-mismatch"); d != nil {
				t.Errorf("unexpected %+v", d)
			}
		})
	}
}

func TestMislabelledCharset(t *testing.T) {
	t.Run("meta utf-8, bytes GBK", func(t *testing.T) {
		res := run(t, gb(t, chinesePage(`<meta charset="utf-8">`)), "")
		if res.Charset != "gb18030" || res.CharsetSource != SourceSniffed {
			t.Errorf("charset %s from %s", res.Charset, res.CharsetSource)
		}
		checkLines(t, res.Lines, chinesePageLines)
		d := hasDiag(res, "charset-mismatch")
		if d == nil || d.Line != 1 || d.Level != LevelWarning {
			t.Errorf("charset-mismatch diagnostic = %+v", d)
		}
		if hasDiag(res, "decode-replacement") != nil {
			t.Errorf("replacement characters after correction: %+v", res.Diagnostics)
		}
	})
	t.Run("meta gb2312, bytes UTF-8", func(t *testing.T) {
		res := run(t, []byte(chinesePage(`<meta http-equiv="content-type" content="text/html; charset=gb2312">`)), "")
		if res.Charset != "utf-8" || res.CharsetSource != SourceSniffed {
			t.Errorf("charset %s from %s", res.Charset, res.CharsetSource)
		}
		checkLines(t, res.Lines, chinesePageLines)
		if hasDiag(res, "charset-mismatch") == nil {
			t.Errorf("no charset-mismatch: %+v", res.Diagnostics)
		}
	})
	t.Run("http gb2312, bytes UTF-8", func(t *testing.T) {
		res := run(t, []byte(chinesePage("")), "text/html; charset=gb2312")
		if res.Charset != "utf-8" || hasDiag(res, "charset-mismatch") == nil {
			t.Errorf("charset %s, diagnostics %+v", res.Charset, res.Diagnostics)
		}
		checkLines(t, res.Lines, chinesePageLines)
	})
	t.Run("meta iso-8859-1, bytes GBK", func(t *testing.T) {
		res := run(t, gb(t, chinesePage(`<meta charset="iso-8859-1">`)), "")
		if res.Charset != "gb18030" || hasDiag(res, "charset-mismatch") == nil {
			t.Errorf("charset %s, diagnostics %+v", res.Charset, res.Diagnostics)
		}
		checkLines(t, res.Lines, chinesePageLines)
	})
	t.Run("meta utf-8, bytes windows-1252", func(t *testing.T) {
		src := `<meta charset="utf-8"><p>Rapport du Secrétaire général sur l'exécution du budget, année précédente, première partie.</p>`
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		res := run(t, b, "")
		if res.Charset != "windows-1252" || hasDiag(res, "charset-mismatch") == nil {
			t.Errorf("charset %s, diagnostics %+v", res.Charset, res.Diagnostics)
		}
		if got := texts(res.Lines); len(got) != 1 || !strings.Contains(got[0], "Secrétaire général") {
			t.Errorf("lines %q", got)
		}
	})
	// Correct claims stand.
	t.Run("correct windows-1252", func(t *testing.T) {
		src := `<meta charset="windows-1252"><p>Rapport du Secrétaire général sur l'exécution du budget.</p>`
		b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(src))
		res := run(t, b, "")
		if res.Charset != "windows-1252" || res.CharsetSource != SourceMeta || len(res.Diagnostics) != 0 {
			t.Errorf("charset %s/%s, diagnostics %+v", res.Charset, res.CharsetSource, res.Diagnostics)
		}
	})
	t.Run("BOM wins", func(t *testing.T) {
		b := append([]byte{0xEF, 0xBB, 0xBF}, chinesePage(`<meta charset="gb2312">`)...)
		res := run(t, b, "text/html; charset=gbk")
		if res.Charset != "utf-8" || res.CharsetSource != SourceBOM || hasDiag(res, "charset-mismatch") != nil {
			t.Errorf("charset %s/%s, diagnostics %+v", res.Charset, res.CharsetSource, res.Diagnostics)
		}
		checkLines(t, res.Lines, chinesePageLines)
	})
	t.Run("unknown label", func(t *testing.T) {
		res := run(t, gb(t, chinesePage(`<meta charset="x-no-such">`)), "")
		if res.Charset != "gb18030" || res.CharsetSource != SourceSniffed || hasDiag(res, "charset-unknown") == nil {
			t.Errorf("charset %s/%s, diagnostics %+v", res.Charset, res.CharsetSource, res.Diagnostics)
		}
	})
}

func TestNestedTables(t *testing.T) {
	src := `<table>
<tr><td>外甲</td><td>外乙</td></tr>
<tr><td>外丙</td><td>前文
  <table>
  <tr><th>内一</th><th>内二</th></tr>
  <tr><td>内三</td><td><table><tr><td>深一</td><td>深二</td></tr></table></td></tr>
  </table>
  后文</td></tr>
</table>
<table><tr><td>后表一</td><td>后表二</td></tr></table>`
	res := run(t, []byte(src), "")
	checkLines(t, res.Lines, []line{
		{"外甲", 2, 1, 1, 1, 0},
		{"外乙", 2, 1, 1, 2, 0},
		{"外丙", 3, 1, 2, 1, 0},
		{"前文", 3, 1, 2, 2, 0},
		{"内一", 5, 2, 1, 1, 0},
		{"内二", 5, 2, 1, 2, 0},
		{"内三", 6, 2, 2, 1, 0},
		{"深一", 6, 3, 1, 1, 0},
		{"深二", 6, 3, 1, 2, 0},
		{"后文", 8, 1, 2, 2, 0},
		{"后表一", 10, 4, 1, 1, 0},
		{"后表二", 10, 4, 1, 2, 0},
	})
}

func TestRowspanColspan(t *testing.T) {
	src := `<table>
<thead><tr><th rowspan="3">头</th><th colspan="2">双列头</th></tr></thead>
<tbody>
<tr><td rowspan="2">A</td><td colspan="2">B</td></tr>
<tr><td>C</td><td>D</td></tr>
<tr><td>E</td><td colspan="2">F</td></tr>
<tr><td rowspan="0">G</td><td>H</td><td>I</td></tr>
<tr><td>J</td><td>K</td></tr>
</tbody>
<tfoot><tr><td colspan="3">合计</td></tr></tfoot>
</table>`
	res := run(t, []byte(src), "")
	// The thead cell's rowspan=3 stops at the end of its row group; rowspan=0
	// runs to the end of the tbody; the tfoot row comes last.
	checkLines(t, res.Lines, []line{
		{"头", -1, 1, 1, 1, 0},
		{"双列头", -1, 1, 1, 2, 0},
		{"A", -1, 1, 2, 1, 0},
		{"B", -1, 1, 2, 2, 0},
		{"C", -1, 1, 3, 2, 0},
		{"D", -1, 1, 3, 3, 0},
		{"E", -1, 1, 4, 1, 0},
		{"F", -1, 1, 4, 2, 0},
		{"G", -1, 1, 5, 1, 0},
		{"H", -1, 1, 5, 2, 0},
		{"I", -1, 1, 5, 3, 0},
		{"J", -1, 1, 6, 2, 0},
		{"K", -1, 1, 6, 3, 0},
		{"合计", 10, 1, 7, 1, 0},
	})

	// A tfoot written before the tbody (HTML 4 style) still comes last.
	src = `<table><tfoot><tr><td>脚</td><td>注</td></tr></tfoot><tbody><tr><td>体一</td><td>体二</td></tr></tbody></table>`
	res = run(t, []byte(src), "")
	checkLines(t, res.Lines, []line{
		{"体一", 1, 1, 1, 1, 0}, {"体二", 1, 1, 1, 2, 0},
		{"脚", 1, 1, 2, 1, 0}, {"注", 1, 1, 2, 2, 0},
	})
}

func TestLayoutTableIsRunningText(t *testing.T) {
	src := `<table width="100%"><tr><td><h1>第一章</h1><p>正文一。</p></td></tr>
<tr><td><p>正文二。</p><table border=1><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>`
	res := run(t, []byte(src), "")
	checkLines(t, res.Lines, []line{
		{"第一章", 1, 0, 0, 0, 1},
		{"正文一。", 1, 0, 0, 0, 0},
		{"正文二。", 2, 0, 0, 0, 0},
		{"甲", 2, 1, 1, 1, 0},
		{"乙", 2, 1, 1, 2, 0},
	})
}

func TestBrLines(t *testing.T) {
	src := "<body>\n<p>大会决议<br>69/137 《2014-2024 十年期内陆发展中国家行动纲领》<br/>\n69/15 小岛屿发展中国家快速行动方式<br><br></p>\n" +
		"<table><tr><td>(a) ㈠ 实施的安全更新数目增加<br>\n㈡ 有效监测信通技术资产</td><td>(a) 指标</td></tr></table>\n" +
		"<font size=2>无段落的文字<br>第二行</font>\n</body>"
	res := run(t, []byte(src), "")
	checkLines(t, res.Lines, []line{
		{"大会决议", 2, 0, 0, 0, 0},
		{"69/137 《2014-2024 十年期内陆发展中国家行动纲领》", 2, 0, 0, 0, 0},
		{"69/15 小岛屿发展中国家快速行动方式", 3, 0, 0, 0, 0},
		{"(a) ㈠ 实施的安全更新数目增加", 4, 1, 1, 1, 0},
		{"㈡ 有效监测信通技术资产", 5, 1, 1, 1, 0},
		{"(a) 指标", 5, 1, 1, 2, 0},
		{"无段落的文字", 6, 0, 0, 0, 0},
		{"第二行", 6, 0, 0, 0, 0},
	})
}

func TestWhitespaceAndCJK(t *testing.T) {
	cases := []struct{ src, want string }{
		{"<p>内陆\n发展中国家</p>", "内陆发展中国家"},
		{"<p>内陆\r\n发展</p>", "内陆发展"},
		{"<p><span>内陆</span>\n  <span>发展</span></p>", "内陆发展"},
		{"<p><b>本组织的目标：</b> 使内陆发展中国家</p>", "本组织的目标：使内陆发展中国家"},
		{"<p>大会<a href=x>第69/17号决议</a>通过</p>", "大会第69/17号决议通过"},
		{"<p>题为\n“小岛屿发展中国家”的\n成果文件</p>", "题为“小岛屿发展中国家”的成果文件"},
		{"<p>第 58/269 号决议\n请</p>", "第 58/269 号决议请"},
		{"<p>方案 8,\n  programme\n\n 8  and   <i>more</i> text</p>", "方案 8, programme 8 and more text"},
		{"<p>2015\n年后发展议程</p>", "2015 年后发展议程"},
		{"<p>  A.&emsp;概述 &nbsp; </p>", "A.\u2003概述 \u00a0"},
		{"<p>㈠\t萨摩亚途径</p>", "㈠ 萨摩亚途径"},
		{"<p>内<!-- 注释 -->陆</p>", "内陆"},
		{"<p>内陆<script>var x = 1;</script>发展</p>", "内陆发展"},
	}
	for _, c := range cases {
		res := run(t, []byte(c.src), "")
		if got := texts(res.Lines); len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}

func TestLineNumbers(t *testing.T) {
	src := "<html>\n<head>\n<title>t</title>\n<!-- a comment\nover two lines -->\n</head>\n<body>\n" + // 1-7
		"<p\n  class=\"x\">跨行标签</p>\n" + // 8-9
		"<ul>\n<li>一</li>\n<li>\n二</li>\n</ul>\n" + // 10-14
		"<script>\nvar a;\nvar b;\n</script>\n" + // 15-18
		"<div>前<p>中</p>\n后</div>\n" + // 19-20
		"<pre>\nx  y\n\n  z</pre>\r\n" + // 21-24
		"<p>末</p>" // 25
	res := run(t, []byte(src), "")
	checkLines(t, res.Lines, []line{
		{"跨行标签", 8, 0, 0, 0, 0},
		{"一", 11, 0, 0, 0, 0},
		{"二", 12, 0, 0, 0, 0},
		{"前", 19, 0, 0, 0, 0},
		{"中", 19, 0, 0, 0, 0},
		{"后", 20, 0, 0, 0, 0},
		{"x  y", 22, 0, 0, 0, 0},
		{"  z", 24, 0, 0, 0, 0},
		{"末", 25, 0, 0, 0, 0},
	})
}

func TestStyledHeadings(t *testing.T) {
	cases := []struct {
		src   string
		level int
	}{
		{`<p align="center"><b>秘书长的报告</b></p>`, 7},
		{`<p align=CENTER><strong>秘书长</strong> <b>的报告</b></p>`, 7},
		{`<p style="text-align: center; font-weight: bold">秘书长的报告</p>`, 7},
		{`<div style="TEXT-ALIGN:center"><span style="font-weight:700">秘书长的报告</span></div>`, 7},
		{`<center><p><b>秘书长的报告</b></p></center>`, 7},
		{`<center><b>秘书长的报告</b></center>`, 7},
		{`<div align="center"><p><b>秘书长的报告</b></p></div>`, 7},
		{`<p align="center">秘书长的报告</p>`, 0},
		{`<p><b>秘书长的报告</b></p>`, 0},
		{`<p align="center"><b>秘书长</b>的报告</p>`, 0},
		{`<h3 align="center"><b>秘书长的报告</b></h3>`, 3},
		{`<p align="center"><b>` + strings.Repeat("长", 400) + `</b></p>`, 0},
	}
	for _, c := range cases {
		res := run(t, []byte(c.src), "")
		if len(res.Lines) != 1 || res.Lines[0].Heading != c.level {
			t.Errorf("%.60s: lines %+v, want heading %d", c.src, res.Lines, c.level)
		}
	}
}

func TestLinks(t *testing.T) {
	src := `<p>见<a href="http://undocs.org/ch/A/RES/69/17">第69/17号决议</a>、
<a href=" https://documents.un.org/api/symbol/access?s=A/70/6&amp;l=zh&amp;t=pdf ">A/70/6</a>、
<a href="https://docs.un.org/zh/A/68/16">A/68/16</a>、
<a href="http://daccess-ods.un.org/access.nsf/Get?Open&DS=S/RES/1966(2010)&Lang=C">第1966(2010)号决议</a>、
<a href="https://documents-dds-ny.un.org/doc/UNDOC/GEN/N15/053/42/PDF/N1505342.pdf?OpenElement">PDF</a>、
<a href="https://www.un.org/zh/">联合国</a>、<a href="/zh/A/70/6">相对</a>、<a name="x">锚</a>、
<a href="https://evil.example/undocs.org/x">假</a>。</p>`
	res := run(t, []byte(src), "")
	want := []Link{
		{"http://undocs.org/ch/A/RES/69/17", "第69/17号决议", 1},
		{"https://documents.un.org/api/symbol/access?s=A/70/6&l=zh&t=pdf", "A/70/6", 2},
		{"https://docs.un.org/zh/A/68/16", "A/68/16", 3},
		{"http://daccess-ods.un.org/access.nsf/Get?Open&DS=S/RES/1966(2010)&Lang=C", "第1966(2010)号决议", 4},
		{"https://documents-dds-ny.un.org/doc/UNDOC/GEN/N15/053/42/PDF/N1505342.pdf?OpenElement", "PDF", 5},
	}
	if !reflect.DeepEqual(res.Links, want) {
		t.Errorf("links:\n got %+v\nwant %+v", res.Links, want)
	}
}

func TestBoilerplateDropped(t *testing.T) {
	res := run(t, readFile(t, "../../testdata/html/un-page.html"), "")
	checkLines(t, res.Lines, []line{
		{"A.\u2003导言", 20, 0, 0, 0, 2},
		{"1. 方案和协调委员会在其报告(A/68/16)第 33 段中认为可改进两年期方案计划的本组织目标。", 21, 0, 0, 0, 0},
		{"2. 下一章对这项要求作出回应。", 23, 0, 0, 0, 0},
	})
	if len(res.Links) != 1 || res.Links[0].Href != "https://undocs.org/zh/A/68/16" {
		t.Errorf("links %+v", res.Links)
	}
	if hasDiag(res, "boilerplate") == nil {
		t.Errorf("no boilerplate diagnostic: %+v", res.Diagnostics)
	}
	if res.Title != "秘书长的报告 | 联合国" {
		t.Errorf("title %q", res.Title)
	}
}

// Furniture recognised by class names must not take the page with it.
func TestBoilerplateGuard(t *testing.T) {
	body := strings.Repeat("<p>本组织的目标：使内陆发展中国家能够实现旨在解决其特殊需要的目标。</p>\n", 10)
	for _, src := range []string{
		`<body class="sidebar-first"><div id="page" class="with-navigation">` + body + `</div></body>`,
		`<body><div id="content" style="display: none">` + body + `</div><div hidden>菜单</div></body>`,
		`<body><div aria-hidden="true">` + body + `</div><div role="dialog">请登录</div></body>`,
	} {
		res := run(t, []byte(src), "")
		if len(res.Lines) < 10 || len(res.Lines) > 11 || strings.Contains(joinLines(res.Lines), "菜单") {
			t.Errorf("%.60s: %d lines %q", src, len(res.Lines), texts(res.Lines))
		}
	}
}

func TestNotDocument(t *testing.T) {
	files := map[string]string{
		"undl-error.html":   "error page",
		"ods-nomatch.html":  "error page",
		"ods-refresh.html":  "redirect page",
		"ods-frameset.html": "redirect page",
		"ods-error91.html":  "error page",
		"docs-viewer.html":  "viewer shell",
		"un-404-zh.html":    "error page",
		"un-404-en.html":    "error page",
	}
	for f, reason := range files {
		t.Run(f, func(t *testing.T) {
			res, err := Extract(readFile(t, "../../testdata/html/"+f), "text/html")
			var nd *NotDocumentError
			if !errors.As(err, &nd) || res != nil {
				t.Fatalf("got %v, %v; want *NotDocumentError", res, err)
			}
			if !strings.HasPrefix(nd.Reason, reason) || !strings.Contains(err.Error(), nd.Reason) {
				t.Errorf("reason %q, error %q", nd.Reason, err)
			}
			t.Logf("%s: %s", f, nd.Reason)
		})
	}
	inline := []string{
		`<body><iframe src="https://documents.un.org/x.pdf"></iframe><p>Loading…</p></body>`,
		`<html><head><title>文件未找到</title></head><body><p>文件未找到。</p></body></html>`,
		`<html><body><h1>404</h1><p>The document you requested is not available.</p></body></html>`,
		`<html><body text="#000000"></body></html>`,
		`<html><body><p>&nbsp;</p><p>　</p></body></html>`,
		`<html><body><script>location.href="/x.pdf"</script></body></html>`,
		`<html><head><title>错误</title></head><body><p>对不起，出现了问题。</p></body></html>`,
	}
	// A 404 page whose site map survived furniture removal is long; its
	// title still gives it away.
	inline = append(inline, `<title>Page not found | United Nations</title>`+
		strings.Repeat("<p>联合国系统各组织、基金和方案的网站链接一览表</p>", 200))
	for _, src := range inline {
		_, err := Extract([]byte(src), "")
		var nd *NotDocumentError
		if !errors.As(err, &nd) {
			t.Errorf("%.60s: err %v; want *NotDocumentError", src, err)
		}
	}
}

// Documents that mention errors, or embed a frame, are still documents.
func TestDocumentNotMistakenForErrorPage(t *testing.T) {
	// A page of 40 short paragraphs (about 1300 characters): an error message
	// in the first lines of a body counts only on shorter pages.
	long := strings.Repeat("<p>该构成部分将侧重于为各种会议提供适当的技术和相关的后勤支持。</p>", 40)
	for _, src := range []string{
		`<h1>第404(V)号决议</h1><p>大会第404(V)号决议。</p>` + long,
		`<p>一、文件未找到的情况下，秘书处应当通知会员国。</p>` + long,
		`<iframe src="https://www.youtube.com/embed/x"></iframe>` + long,
		`<meta http-equiv="refresh" content="600">` + long,
	} {
		if _, err := Extract([]byte(src), ""); err != nil {
			t.Errorf("%.60s: %v", src, err)
		}
	}
}

func TestEmptyInput(t *testing.T) {
	for _, in := range [][]byte{nil, {}, []byte("  \r\n\t "), {0xEF, 0xBB, 0xBF}, {0xEF, 0xBB, 0xBF, '\n'}} {
		res, err := Extract(in, "")
		if !errors.Is(err, ErrEmpty) || res != nil {
			t.Errorf("Extract(%q) = %v, %v; want ErrEmpty", in, res, err)
		}
	}
}

func TestNotHTML(t *testing.T) {
	res, err := Extract([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "")
	var nd *NotDocumentError
	if err == nil || errors.As(err, &nd) || res != nil {
		t.Errorf("PDF input: %v, %v", res, err)
	}
	if _, err := Extract([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"), ""); err == nil {
		t.Error("binary input accepted")
	}

	// Plain text: best effort, with a diagnostic.
	if _, err := Extract([]byte("404 Not Found\n"), ""); !errors.As(err, &nd) {
		t.Errorf("plain-text error page: %v", err)
	}
	res = run(t, []byte("第一章\n\n  1. 大会决议 &amp; 附件\n"), "")
	checkLines(t, res.Lines, []line{{"第一章", 1, 0, 0, 0, 0}, {"1. 大会决议 &amp; 附件", 3, 0, 0, 0, 0}})
	if hasDiag(res, "not-html") == nil {
		t.Errorf("diagnostics %+v", res.Diagnostics)
	}
}

func TestMalformedMarkup(t *testing.T) {
	src := "<p>第一段<p>第二段<b>粗<i>斜</b>体</i><table><tr><td>甲<td>乙</b></i></div>\n<p>第三段</td></table><li>项</ul></ol>\n</p></p><h2>标题<h3>子标题"
	res := run(t, []byte(src), "")
	want := []string{"第一段", "第二段粗斜体", "甲", "乙", "第三段", "项", "标题", "子标题"}
	if got := texts(res.Lines); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}

	// Only inline soup: text kept, flagged.
	res = run(t, []byte("<font>只有<span>行内</span>文字，没有段落，也没有标题或表格。</font>"), "")
	if len(res.Lines) != 1 || hasDiag(res, "no-structure") == nil {
		t.Errorf("lines %q diagnostics %+v", texts(res.Lines), res.Diagnostics)
	}
	// Tags that are barely tags.
	res = run(t, []byte("<<p>>第一段<</p>><p 第二段"), "")
	if got := texts(res.Lines); len(got) == 0 || !strings.Contains(strings.Join(got, ""), "第一段") {
		t.Errorf("got %q", got)
	}
	if hasDiag(res, "little-text") == nil {
		t.Errorf("diagnostics %+v", res.Diagnostics)
	}
}

func TestTitleFallback(t *testing.T) {
	res := run(t, []byte("<body><p>A/70/6</p><h1>第一章</h1><p>正文。</p></body>"), "")
	if res.Title != "第一章" {
		t.Errorf("title %q", res.Title)
	}
}

func TestUTF16(t *testing.T) {
	src := "<meta charset=utf-16><p>第一章</p>"
	var le []byte
	for _, r := range src {
		le = append(le, byte(r), byte(r>>8))
	}
	for _, in := range [][]byte{append([]byte{0xFF, 0xFE}, le...), le} {
		res := run(t, in, "")
		if res.Charset != "utf-16le" || len(res.Lines) != 1 || res.Lines[0].Text != "第一章" {
			t.Errorf("charset %s lines %q", res.Charset, texts(res.Lines))
		}
	}
}

// TestHeaderCells: th cells and the cells of a thead are marked as table
// headers for the segmenter; td cells of the body are not.
func TestHeaderCells(t *testing.T) {
	page := `<html><body><table>
<thead><tr><td>类别</td><td>2024 年</td></tr></thead>
<tbody><tr><th>员额</th><td>12</td></tr><tr><td>非员额</td><td>3</td></tr></tbody>
</table></body></html>`
	res, err := Extract([]byte(page), "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"类别": true, "2024 年": true, "员额": true, "12": false, "非员额": false, "3": false}
	seen := 0
	for _, l := range res.Lines {
		if w, ok := want[l.Text]; ok {
			seen++
			if l.HeaderCell != w {
				t.Errorf("%q: HeaderCell %v, want %v", l.Text, l.HeaderCell, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of %d cells: %+v", seen, len(want), res.Lines)
	}
}
