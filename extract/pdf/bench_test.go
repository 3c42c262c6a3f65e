package pdf

import (
	"context"
	"os"
	"testing"
)

func benchExtract(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	pages := 0
	for i := 0; i < b.N; i++ {
		res, err := Extract(context.Background(), data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages += res.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

func BenchmarkExtractSeedChromium(b *testing.B) {
	benchExtract(b, "../../testdata/seed-chromium.pdf")
}

func BenchmarkExtractSeedLibreOffice(b *testing.B) {
	benchExtract(b, "../../testdata/seed-libreoffice.pdf")
}

func BenchmarkExtractSect24(b *testing.B) {
	benchExtract(b, "../../testdata/pdf/A_81_6_Sect.24.pdf")
}
