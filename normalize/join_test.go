package normalize

import (
	"strings"
	"testing"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"cjk cjk", "该决议回顾，大会第 58/269 号决议请方案和协调委员会在履行规划和预算编制过", "程中与方案有关的职责时", "该决议回顾，大会第 58/269 号决议请方案和协调委员会在履行规划和预算编制过程中与方案有关的职责时"},
		{"trailing and leading spaces", "变动汇总 ", "  方案 8", "变动汇总方案 8"},
		{"ideographic space trimmed", "方案　", "　预算", "方案预算"},
		{"latin then cjk", "Inspira", "模块", "Inspira模块"},
		{"cjk then latin", "企业身份管理系统", "EIDMS", "企业身份管理系统EIDMS"},
		{"digit then cjk", "2016-2017", "两年期", "2016-2017两年期"},
		{"cjk punct then latin", "方案计划作出以下订正：", "Umoja", "方案计划作出以下订正：Umoja"},
		{"latin then cjk punct", "iNeed", "、因特网", "iNeed、因特网"},
		{"latin then quote", "Umoja", "“团结”", "Umoja“团结”"},
		{"latin words", "the", "report", "the report"},
		{"digits", "2016", "2017", "2016 2017"},
		{"latin punct", "Rev.1,", "para. 5", "Rev.1, para. 5"},
		{"slash", "A/69/6/", "Rev.1", "A/69/6/Rev.1"},
		{"hyphen", "2016-", "2017", "2016-2017"},
		{"year range", "for the Decade 2024–", "2034", "for the Decade 2024–2034"},
		{"opening quote in English", "the concept of the", "“launching State”", "the concept of the “launching State”"},
		{"closing quote in English", "the “launching State”", "and its", "the “launching State” and its"},
		{"closing quote, comma", "the “launching State”", ", and", "the “launching State”, and"},
		{"closing quote in Chinese", "“团结”", "项目", "“团结”项目"},
		{"dash after a word", "the Office –", "which", "the Office – which"},
		{"dash then a word", "in 2024–", "the year", "in 2024– the year"},
		{"opening bracket", "(", "A/69/6)", "(A/69/6)"},
		{"closing bracket", "(A/69/6", ")", "(A/69/6)"},
		{"comma", "the report", ", which", "the report, which"},
		{"leading slash", "A/69", "/6", "A/69/6"},
		{"soft hyphen", "inter\u00AD", "national", "international"},
		{"full-width letters are cjk forms", "ＵＮ", "report", "ＵＮreport"},
		{"paren ideograph", "实施：", "㈠《2011-2020", "实施：㈠《2011-2020"},
		{"inner spaces kept", " 第 58/269 号 ", " 决议 ", " 第 58/269 号决议 "},
		{"empty a", "", "方案", "方案"},
		{"empty b", "方案", "", "方案"},
		{"blank b", "the ", "   ", "the"},
		{"both empty", " ", "\t", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Join(tt.a, tt.b); got != tt.want {
				t.Errorf("Join(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestJoinLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"none", nil, ""},
		{"one", []string{"  方案 8  "}, "方案 8"},
		{"year range", []string{"the biennium 2016–", "2017: information and", "2018 –", "2019"}, "the biennium 2016–2017: information and 2018 – 2019"},
		{"paragraph", []string{
			"1. 大会第69/17号决议通过了2016-2017两年期方案计划和优先事项(A/69/6/Rev.1)。",
			"该决议回顾，大会第 58/269 号决议请方案和协调委员会在履行规划和预算编制过 ",
			"",
			"程中与方案有关的职责时",
		}, "1. 大会第69/17号决议通过了2016-2017两年期方案计划和优先事项(A/69/6/Rev.1)。该决议回顾，大会第 58/269 号决议请方案和协调委员会在履行规划和预算编制过程中与方案有关的职责时"},
		{"mixed", []string{"Report of the", "Secretary-", "General on", "Inspira", "模块"}, "Report of the Secretary-General on Inspira模块"},
		{"soft hyphen", []string{"inter\u00AD", "national law"}, "international law"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := JoinLines(tt.lines); got != tt.want {
				t.Errorf("JoinLines = %q, want %q", got, tt.want)
			}
			if got := foldJoin(tt.lines); got != tt.want {
				t.Errorf("folding Join = %q, want %q", got, tt.want)
			}
		})
	}
}

// foldJoin is JoinLines spelled with Join.
func foldJoin(lines []string) string {
	s := ""
	for _, l := range lines {
		s = Join(s, l)
	}
	return strings.TrimSpace(s)
}

func TestJoinLinesMatchesJoin(t *testing.T) {
	lines := strings.Split(string(seed(t)), "\n")
	if got, want := JoinLines(lines), foldJoin(lines); got != want {
		t.Errorf("JoinLines and Join disagree on seed")
	}
}
