package pdf

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// cjkFontDoc builds a page of lines set in one Type 0 font named name,
// whose ToUnicode map gives each code the character of text it stands
// for: a font that reads as text says.
func cjkFontDoc(name string, lines []string) []byte {
	codes := map[rune]int{}
	var bf strings.Builder
	var content strings.Builder
	for i, l := range lines {
		fmt.Fprintf(&content, "BT /F1 12 Tf 40 %d Td <", 760-18*i)
		for _, r := range l {
			c, ok := codes[r]
			if !ok {
				c = len(codes) + 1
				codes[r] = c
				u := utf16.Encode([]rune{r})
				fmt.Fprintf(&bf, "<%04X> <", c)
				for _, x := range u {
					fmt.Fprintf(&bf, "%04X", x)
				}
				bf.WriteString(">\n")
			}
			fmt.Fprintf(&content, "%04X", c)
		}
		content.WriteString("> Tj ET\n")
	}
	tu := stream("", fmt.Sprintf("begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar\n%sendbfchar endcmap", len(codes), bf.String()))
	font := strings.Replace(type0("/Identity-H", "5 0 R"), "/BaseFont /X", "/BaseFont /"+name, 1)
	return onePage("/F1 "+font, content.String(), []string{tu}, "")
}

// TestConfidenceLatin1InCJKFont: a CJK font whose ToUnicode map sends some
// codes into Latin-1 and ASCII letters ("大b第69/17÷ô°通过了", issue 14's
// sample, which scored 0.884) scores below 0.5 with a diagnostic naming
// the font; the same text decoded right scores 1 without one, and so do
// Latin words and foreign names (with their middle dot) in Chinese text.
func TestConfidenceLatin1InCJKFont(t *testing.T) {
	cases := []struct {
		name    string
		line    string
		low     bool
		wantMax float64
	}{
		{"mis-decoded", "大b第69/17÷ô°通过了第a号决议，并ç定", true, 0.5},
		{"right", "大会第69/17号决议通过了第二号决议，并决定", false, 1},
		{"Latin words and names", "开发署（UNDP）与阿卜杜勒·拉赫曼先生在 Genève 会见", false, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := make([]string, 20)
			for i := range lines {
				lines[i] = c.line
			}
			res := mustExtract(t, cjkFontDoc("ABCDEF+FZSSK--GBK1-0", lines))
			named := false
			for _, d := range res.Diagnostics {
				named = named || d.Code == "mojibake" && d.Font == "ABCDEF+FZSSK--GBK1-0" && strings.Contains(d.Message, "FZSSK")
			}
			t.Logf("confidence %.3f, %d diagnostics", res.Confidence, len(res.Diagnostics))
			if c.low {
				if res.Confidence >= c.wantMax || !named {
					t.Errorf("confidence %.3f, diagnostics %+v: want below %.1f and one naming the font", res.Confidence, res.Diagnostics, c.wantMax)
				}
				return
			}
			if res.Confidence < 0.99 || named {
				t.Errorf("confidence %.3f, diagnostics %+v", res.Confidence, res.Diagnostics)
			}
		})
	}
}
