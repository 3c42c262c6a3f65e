package convert

import (
	"context"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestScriptDiagnostics: an English document is read with the English
// vocabulary and a French one is reported as having none; the accented
// letters of either are not taken for mojibake; Chinese read as Latin-1
// still is, with a low confidence.
func TestScriptDiagnostics(t *testing.T) {
	english := strings.Repeat("1. The Département of Economic and Social Affairs, café and résumé, will support Member States.\n", 5)
	french := strings.Repeat("1. Le Département des affaires économiques et sociales aidera les États Membres et les régions.\n", 5)
	seed, err := os.ReadFile(testdata + "seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes(seed[:3000])
	latin1, _ := charmap.ISO8859_1.NewDecoder().Bytes(gbk)
	cases := []struct {
		name     string
		data     []byte
		want     []string // diagnostic codes that must appear
		not      []string // and must not
		maxScore float64
	}{
		{"English", []byte(english), nil, []string{"no-vocabulary", "text-mojibake-latin1"}, 1},
		{"French", []byte(french), []string{"no-vocabulary"}, []string{"text-mojibake-latin1"}, 1},
		{"Chinese", seed, nil, []string{"no-vocabulary", "text-mojibake-latin1"}, 1},
		{"GBK read as Latin-1", latin1, []string{"text-mojibake-latin1"}, []string{"no-vocabulary"}, 0.5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, _ := Convert(context.Background(), Input{Data: c.data, Name: "x.txt"}, Options{})
			codes := map[string]bool{}
			for _, d := range res.Output.Diagnostics {
				codes[d.Code] = true
			}
			for _, w := range c.want {
				if !codes[w] {
					t.Errorf("no %s diagnostic: %v", w, codes)
				}
			}
			for _, n := range c.not {
				if codes[n] {
					t.Errorf("unexpected %s diagnostic", n)
				}
			}
			if s := res.Output.Document.Quality.TextConfidence; s > c.maxScore {
				t.Errorf("text_confidence %.3f, want at most %.2f", s, c.maxScore)
			}
		})
	}
}
