package pdf

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"context"
	"encoding/ascii85"
	"encoding/hex"
	"strings"
	"testing"
)

func zlibBytes(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

func a85Bytes(b []byte) []byte {
	out := make([]byte, ascii85.MaxEncodedLen(len(b)))
	n := ascii85.Encode(out, b)
	return append(out[:n], "~>"...)
}

// lzwBytes encodes b as PDF's LZWDecode reads it: codes 9 to 12 bits wide,
// MSB first, clear code first; with early, widths grow one code early.
func lzwBytes(b []byte, early bool) []byte {
	var out []byte
	var acc uint64
	nacc := 0
	width := 9
	put := func(code int) {
		acc = acc<<width | uint64(code)
		nacc += width
		for nacc >= 8 {
			out = append(out, byte(acc>>(nacc-8)))
			nacc -= 8
		}
	}
	dict := map[string]int{}
	next := 258
	e := 0
	if early {
		e = 1
	}
	put(256)
	w := ""
	for _, c := range b {
		wc := w + string(c)
		if _, ok := dict[wc]; ok || len(wc) == 1 {
			w = wc
			continue
		}
		code := int(w[0])
		if len(w) > 1 {
			code = dict[w]
		}
		put(code)
		if next < 4096 {
			dict[wc] = next
			next++
			// the reader adds each entry one code later
			if next-1+e >= 1<<width && width < 12 {
				width++
			}
		}
		w = string(c)
	}
	if w != "" {
		code := int(w[0])
		if len(w) > 1 {
			code = dict[w]
		}
		put(code)
	}
	put(257)
	if nacc > 0 {
		out = append(out, byte(acc<<(8-nacc)))
	}
	return out
}

// pngUp encodes rows of cols bytes with the PNG Up predictor.
func pngUp(b []byte, cols int) []byte {
	var out []byte
	prev := make([]byte, cols)
	for r := 0; r < len(b); r += cols {
		row := b[r:min(r+cols, len(b))]
		out = append(out, 2)
		for i, c := range row {
			out = append(out, c-prev[i])
		}
		copy(prev, row)
	}
	return out
}

// TestLZWEncoderMatchesGo: the test's encoder without early change writes
// what compress/lzw writes, so that its early-change output can be trusted.
func TestLZWEncoderMatchesGo(t *testing.T) {
	text := []byte(strings.Repeat("BT /F1 12 Tf (abcabcabd) Tj ET\n", 400))
	var g bytes.Buffer
	w := lzw.NewWriter(&g, lzw.MSB, 8)
	w.Write(text)
	w.Close()
	got, err := unLZW(g.Bytes(), false, 1<<20)
	if err != nil || !bytes.Equal(got, text) {
		t.Fatalf("compress/lzw data decodes to %d bytes, %v", len(got), err)
	}
	mine := lzwBytes(text, false)
	if !bytes.Equal(mine, g.Bytes()) {
		t.Errorf("test encoder: %d bytes, compress/lzw: %d", len(mine), g.Len())
	}
	got, err = unLZW(mine, false, 1<<20)
	if err != nil || !bytes.Equal(got, text) {
		t.Fatalf("test encoder data decodes to %d bytes, %v", len(got), err)
	}
}

// TestFilters: a content stream under each filter, its abbreviation, and
// chains of them, reads the same text.
func TestFilters(t *testing.T) {
	content := []byte("BT /F1 12 Tf 72 700 Td (Wordz) Tj ET\n" + strings.Repeat("% padding so that LZW codes pass 9, 10 and 11 bits\n", 200))
	spec := []byte("-----A---B")
	if got, _ := unLZW([]byte{0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01}, true, 100); !bytes.Equal(got, spec) {
		t.Errorf("the example of ISO 32000-1 §7.4.4.2 decodes to %q", got)
	}
	rl := []byte{}
	for i := 0; i < len(content); i += 100 {
		chunk := content[i:min(i+100, len(content))]
		rl = append(rl, byte(len(chunk)-1))
		rl = append(rl, chunk...)
	}
	rl = append(rl, 255, ' ', 128) // a run of two spaces, then end
	cases := []struct {
		name, dict string
		data       []byte
	}{
		{"none", "", content},
		{"FlateDecode", "/Filter /FlateDecode", zlibBytes(content)},
		{"Fl", "/Filter /Fl", zlibBytes(content)},
		{"Fl in an array", "/Filter [/Fl]", zlibBytes(content)},
		{"Flate PNG Up", "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >>", zlibBytes(pngUp(content, 7))},
		{"LZWDecode", "/Filter /LZWDecode", lzwBytes(content, true)},
		{"LZW", "/Filter /LZW", lzwBytes(content, true)},
		{"LZW EarlyChange 0", "/Filter /LZW /DecodeParms << /EarlyChange 0 >>", lzwBytes(content, false)},
		{"ASCII85Decode", "/Filter /ASCII85Decode", a85Bytes(content)},
		{"A85", "/Filter /A85", a85Bytes(content)},
		{"ASCIIHexDecode", "/Filter /ASCIIHexDecode", []byte(hex.EncodeToString(content) + ">")},
		{"AHx spaced", "/Filter /AHx", []byte(strings.ToUpper(strings.Join(strings.SplitAfter(hex.EncodeToString(content), "ab"), "\n")) + ">")},
		{"RunLengthDecode", "/Filter /RunLengthDecode", rl},
		{"RL", "/Filter /RL", rl},
		{"A85 of Fl", "/Filter [/A85 /Fl]", a85Bytes(zlibBytes(content))},
		{"AHx of LZW", "/Filter [/AHx /LZW]", []byte(hex.EncodeToString(lzwBytes(content, true)))},
		{"Crypt Identity then Fl", "/Filter [/Crypt /Fl] /DecodeParms [<< /Name /Identity >> null]", zlibBytes(content)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := tinyPDF([]string{
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>",
				stream(c.dict, string(c.data)),
			}, "")
			res := mustExtract(t, data)
			if got := allText(res); got != "Wordz" {
				t.Errorf("text %q, diagnostics %+v", got, res.Diagnostics)
			}
		})
	}
}

// TestImageFiltersSkipped: a stream under an image filter is not decoded;
// the page says so and the document still opens.
func TestImageFiltersSkipped(t *testing.T) {
	for _, f := range []string{"DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF"} {
		data := onePage("/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "", []string{stream("/Filter /"+f, "\xff\xd8junk")}, "")
		// the image stream is object 5; make it the page's content
		data = bytes.Replace(data, []byte("/Contents 4 0 R"), []byte("/Contents 5 0 R"), 1)
		res, err := decodeFilters(nil, []byte("\xff\xd8junk"), []string{filterNames[f]}, []Value{{}}, 1<<20)
		if err == nil || len(res) != 0 {
			t.Errorf("%s: decoded %d bytes, error %v", f, len(res), err)
		}
		out, err := extractBytes(data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		found := false
		for _, d := range out.Diagnostics {
			found = found || strings.Contains(d.Message, "image filter")
		}
		if !found {
			t.Errorf("%s: no diagnostic: %+v", f, out.Diagnostics)
		}
	}
}

func extractBytes(data []byte) (*Result, error) {
	return Extract(context.Background(), data, Options{})
}

// TestFilterLimits: every decoder stops at the limit with an error, however
// far its input would expand.
func TestFilterLimits(t *testing.T) {
	const limit = 100
	zeros := make([]byte, 10000)
	cases := map[string]func() ([]byte, error){
		"ASCII85 z": func() ([]byte, error) { return unASCII85(bytes.Repeat([]byte("z"), 1000), limit) },
		"RunLength": func() ([]byte, error) { return unRunLength(bytes.Repeat([]byte{129, 'x'}, 1000), limit) },
		"LZW":       func() ([]byte, error) { return unLZW(lzwBytes(zeros, true), true, limit) },
		"Flate":     func() ([]byte, error) { return inflate(nil, zlibBytes(zeros), limit) },
		"Flate+PNG": func() ([]byte, error) {
			return decodeFilters(nil, zlibBytes(zeros), []string{"FlateDecode"}, []Value{{}}, limit)
		},
		"AHx of A85": func() ([]byte, error) {
			return decodeFilters(nil, []byte(hex.EncodeToString(a85Bytes(zeros))), []string{"ASCIIHexDecode", "ASCII85Decode"}, []Value{{}, {}}, limit)
		},
	}
	for name, f := range cases {
		out, err := f()
		if len(out) > limit || err == nil {
			t.Errorf("%s: %d bytes, error %v", name, len(out), err)
		}
	}
}
