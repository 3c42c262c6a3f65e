package pdf

import "testing"

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
