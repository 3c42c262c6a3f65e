package symbol

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// findBodySlow is findBody as it was before its quick paths: the window
// read rune by rune and trailDate run on every window.
func findBodySlow(before string) (code string, named bool) {
	n := 0
	i := len(before)
	for i > 0 && n < 80 {
		_, size := utf8.DecodeLastRuneInString(before[:i])
		i -= size
		n++
	}
	win := before[i:]
	if k := strings.LastIndexAny(win, "。；;！？!?"); k >= 0 {
		win = win[k:]
	}
	direct := strings.TrimRight(trailDate().ReplaceAllString(strings.TrimRight(win, " \t\r\n\u3000"), ""), " \t\r\n\u3000")
	bestEnd, bestLen := -1, 0
	for _, b := range bodies {
		if strings.HasSuffix(direct, b.name) && len(b.name) > bestLen {
			code, named, bestLen = b.code, true, len(b.name)
		}
	}
	if named {
		return code, true
	}
	for _, b := range bodies {
		if b.code == "" {
			continue
		}
		k := strings.LastIndex(win, b.name)
		if k < 0 {
			continue
		}
		e := k + len(b.name)
		if e > bestEnd || e == bestEnd && len(b.name) > bestLen {
			bestEnd, bestLen, code, named = e, len(b.name), b.code, true
		}
	}
	return code, named
}

// TestFindBodyQuick checks findBody against findBodySlow before every
// byte of the seed, of texts with dates before 第, and of invalid UTF-8
// around ideographs.
func TestFindBodyQuick(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		string(b),
		"安全理事会2022年 第", "大会通过后，非洲经济委员会2014年12月19日 第", "大会和欧洲经委会 2014 年 12 月\u3000第",
		"安理会及非洲经委会1999年\f\n第", "大会2014年12月\u3000第", "经社理事会 2014年12月19日\f第", "大会1999年x第",
		"大会2014年12月19日 \t\n", "人权理事会2020年\u3000\u3000", "执行局1日", "安理会2022月",
		"大\xe4\xb8会\xe5\x80", "\xe5大会\xb8\xb8\xe4\xb8\xb8", "大会" + strings.Repeat("\xe9\x80", 50) + "安理会",
		strings.Repeat("经济及社会理事会；", 20) + "大会 2015年",
	}
	checked := 0
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			code, named := findBody(s[:i])
			wcode, wnamed := findBodySlow(s[:i])
			if code != wcode || named != wnamed {
				t.Fatalf("findBody(%+q) = %q, %v; slow path says %q, %v", s[max(0, i-120):i], code, named, wcode, wnamed)
			}
			if named {
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d texts name a body: the test checks too little", checked)
	}
}

// TestHasDigit checks hasDigit against strings.ContainsAny on every byte,
// alone and after others, and on every line of the seed.
func TestHasDigit(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := strings.Split(string(b), "\n")
	for c := range 256 {
		texts = append(texts, string([]byte{byte(c)}), "名称"+string([]byte{byte(c)}))
	}
	for _, s := range texts {
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Fatalf("hasDigit(%+q) = %v, want %v", s, got, want)
		}
	}
}
