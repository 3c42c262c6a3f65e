package pdf

import (
	"fmt"
	"testing"
)

// TestVerticalText: Identity-V text reads top to bottom within a column
// and the columns right to left.
func TestVerticalText(t *testing.T) {
	tu := stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 6 beginbfchar <0001> <5E8F> <0002> <308F> <0003> <305F> <0004> <304F> <0005> <3057> <0006> <3068> endbfchar endcmap")
	// right column: 序わた, left column: くしと; each drawn from its top
	content := "BT /F1 20 Tf 1 0 0 1 400 700 Tm <000100020003> Tj ET BT /F1 20 Tf 1 0 0 1 370 700 Tm <000400050006> Tj ET"
	res := mustExtract(t, onePage("/F1 "+type0("/Identity-V", "5 0 R"), content, []string{tu}, ""))
	if got := allText(res); got != "序わた\nくしと" {
		t.Errorf("got %q", got)
	}
}

// TestVerticalTiers: vertical text set in two tiers (段組) reads the top
// tier's columns right to left, then the lower tier's, as Japanese
// vertical composition orders them (W3C JLREQ §2.3.4; pdftotext -layout
// reads japanese-identity-v-adobe-japan1.pdf so). The tiers' columns line
// up, and the upper tier's second stanza is shorter than the lower's.
func TestVerticalTiers(t *testing.T) {
	tu := stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 8 beginbfchar <0001> <4E00> <0002> <4E8C> <0003> <4E09> <0004> <56DB> <0005> <4E94> <0006> <516D> <0007> <4E03> <0008> <516B> endbfchar endcmap")
	col := func(x, y int, codes string) string {
		return fmt.Sprintf("BT /F1 20 Tf 1 0 0 1 %d %d Tm <%s> Tj ET ", x, y, codes)
	}
	// upper tier (y from 700 down to 600): columns 一二, 三, then a
	// stanza break, then 四; lower tier (from 450): 五六, 七, 八八, 八
	content := col(400, 700, "00010002") + col(370, 700, "0003") + col(310, 700, "0004") +
		col(400, 450, "00050006") + col(370, 450, "0007") + col(340, 450, "00080008") + col(310, 450, "0008")
	res := mustExtract(t, onePage("/F1 "+type0("/Identity-V", "5 0 R"), content, []string{tu}, ""))
	if got := allText(res); got != "一二\n三\n四\n五六\n七\n八八\n八" {
		t.Errorf("got %q", got)
	}
}
