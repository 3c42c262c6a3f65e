package pdf

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func FuzzExtract(f *testing.F) {
	paths := append([]string{}, seedFixtures...)
	if m, _ := filepath.Glob("../../testdata/pdf/A_81_6_Sect.6.pdf"); len(m) > 0 {
		paths = append(paths, m...)
	}
	hostile, _ := filepath.Glob("../../testdata/pdf/hostile/*.pdf")
	paths = append(paths, hostile...)
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add(onePage("/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "BT /F1 12 Tf 72 700 Td (Hello) Tj ET", nil, ""))
	f.Add(onePage("/F1 "+type0("/Identity-H", "5 0 R"), "BT /F1 12 Tf 72 700 Td <00010002> Tj [<0003> -500 <0004>] TJ ET BI /W 2 /H 2 ID \x00\xff EI", []string{stream("", "beginbfrange <0000> <00FF> <4E00> endbfrange")}, ""))
	// a CID-keyed font without ToUnicode (decoded through poppler-data's
	// table when installed), vertical, in two tiers
	f.Add(onePage("/F1 "+cidFont("/Identity-V"), "BT /F1 20 Tf 1 0 0 1 400 700 Tm <0B8D0B8E> Tj ET BT /F1 20 Tf 1 0 0 1 400 450 Tm <1ED5> Tj ET", nil, ""))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(context.Background(), data, Options{Timeout: 5 * time.Second})
		if err == nil && res == nil {
			t.Fatal("nil result without error")
		}
	})
}
