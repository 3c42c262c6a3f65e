package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/undoc/undoc/extract"
)

// manyPages builds an n-page document whose pages each show rows lines of
// cols CJK glyphs through one shared Type0 font.
func manyPages(n, rows, cols int) []byte {
	tu := stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <0FFF> <4E00> endbfrange endcmap")
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [" + strings.Join(kids, " ") + "] /Count " + fmt.Sprint(n) + " >>",
		type0("/Identity-H", "4 0 R"),
		tu,
	}
	for p := 0; p < n; p++ {
		var c strings.Builder
		for r := 0; r < rows; r++ {
			fmt.Fprintf(&c, "BT /F1 10 Tf 40 %d Td <", 780-r*18)
			for k := 0; k < cols; k++ {
				fmt.Fprintf(&c, "%04X", 1+(p*7+r*cols+k)%4000)
			}
			c.WriteString("> Tj ET\n")
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 6+2*p),
			stream("", c.String()))
	}
	return tinyPDF(objs, "")
}

// peakHeap runs fn while sampling the heap, with the collector kept close
// behind the live data, and returns the highest reading above the heap
// before fn.
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
				return
			case <-time.After(50 * time.Microsecond):
			}
		}
	}()
	fn()
	close(stop)
	peak := <-done
	if peak < base {
		return 0
	}
	return peak - base
}

// retained is the size of the result's lines: the part of memory that
// must grow with the page count.
func retained(res *Result) uint64 {
	n := uint64(0)
	for _, l := range res.Lines {
		n += uint64(len(l.Text)) + uint64(unsafe.Sizeof(extract.Line{}))
	}
	return n
}

// TestMemoryPerPage: working memory is per page. Going from 10 to 300
// pages may grow the heap by the lines kept for the result, three times
// over (each page's laid-out lines wait for furniture removal, which needs
// every page, before they become result lines), plus 1 MB; not by the
// glyphs or content streams of earlier pages, which would be 40 MB here.
func TestMemoryPerPage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300-page PDF")
	}
	measure := func(n int) (peak, kept uint64) {
		data := manyPages(n, 40, 40)
		var res *Result
		peak = peakHeap(func() { res = mustExtract(t, data) })
		if res.Pages != n || len(res.Lines) != n*40 {
			t.Fatalf("%d pages, %d lines; want %d, %d", res.Pages, len(res.Lines), n, n*40)
		}
		return peak, retained(res)
	}
	p10, k10 := measure(10)
	p300, k300 := measure(300)
	t.Logf("peak heap: 10 pages %.1f MB (result %.2f MB), 300 pages %.1f MB (result %.2f MB)",
		mb(p10), mb(k10), mb(p300), mb(k300))
	if p300 > p10+3*(k300-k10)+1<<20 {
		t.Errorf("the heap grows with the page count beyond the result: %.1f MB for 300 pages, %.1f MB for 10", mb(p300), mb(p10))
	}
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// TestDeflateBomb: a content stream that inflates to 100 MB is cut at the
// stream limit with a diagnostic; the heap stays within the limit's reach.
func TestDeflateBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 64 MB")
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 100 {
		zw.Write(zeros)
	}
	zw.Close()
	data := onePage("/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "", nil, "")
	// replace the empty content stream by the bomb
	data = tinyPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>",
		stream("/Filter /FlateDecode", z.String()),
	}, "")
	var res *Result
	peak := peakHeap(func() { res = mustExtract(t, data) })
	t.Logf("compressed %d KB, peak heap %.1f MB", z.Len()>>10, mb(peak))
	found := false
	for _, d := range res.Diagnostics {
		found = found || strings.Contains(d.Message, "larger than")
	}
	if !found {
		t.Errorf("no diagnostic about the stream's size: %+v", res.Diagnostics)
	}
	if peak > 3*maxStreamBytes {
		t.Errorf("peak heap %.1f MB for a stream limit of %d MB", mb(peak), maxStreamBytes>>20)
	}
}
