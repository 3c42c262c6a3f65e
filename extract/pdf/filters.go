package pdf

// Stream filters that carry text (ISO 32000-1:2008 §7.4): FlateDecode,
// LZWDecode (with EarlyChange), ASCII85Decode, ASCIIHexDecode,
// RunLengthDecode and Crypt, under their full names and the
// abbreviations of inline images (§8.9.7, Table 94), with the PNG and TIFF
// predictors (§7.4.4.4). Image filters (DCT, JPX, JBIG2, CCITTFax) are not
// decoded: a stream that needs one is skipped with an error.

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
)

// filterNames maps every spelling of a filter to its full name.
var filterNames = map[string]string{
	"FlateDecode": "FlateDecode", "Fl": "FlateDecode",
	"LZWDecode": "LZWDecode", "LZW": "LZWDecode",
	"ASCII85Decode": "ASCII85Decode", "A85": "ASCII85Decode",
	"ASCIIHexDecode": "ASCIIHexDecode", "AHx": "ASCIIHexDecode",
	"RunLengthDecode": "RunLengthDecode", "RL": "RunLengthDecode",
	"Crypt":     "Crypt",
	"DCTDecode": "DCTDecode", "DCT": "DCTDecode",
	"CCITTFaxDecode": "CCITTFaxDecode", "CCF": "CCITTFaxDecode",
	"JBIG2Decode": "JBIG2Decode", "JPXDecode": "JPXDecode",
}

var errImageFilter = errors.New("image filter not decoded")

// filterChain lists a stream's filters (full names) and their parameters.
func filterChain(v Value) ([]string, []Value) {
	fv := v.Key("Filter")
	pv := v.Key("DecodeParms")
	var names []string
	var params []Value
	switch fv.Kind() {
	case vName:
		names = append(names, fv.Name())
		if pv.Kind() == vArray {
			pv = pv.Index(0)
		}
		params = append(params, pv)
	case vArray:
		for i := 0; i < fv.Len() && i < 16; i++ {
			names = append(names, fv.Index(i).Name())
			params = append(params, pv.Index(i))
		}
	}
	for i, n := range names {
		if full, ok := filterNames[n]; ok {
			names[i] = full
		}
	}
	return names, params
}

// decodeFilters applies filters in turn to raw and appends the result to
// dst; every stage's output is capped at limit bytes. A stream cut at the
// limit returns what fits and an error.
func decodeFilters(dst, raw []byte, filters []string, params []Value, limit int) ([]byte, error) {
	data := raw
	for i, name := range filters {
		var err error
		var out []byte
		p := params[i]
		switch name {
		case "FlateDecode":
			if i == len(filters)-1 && p.Key("Predictor").Int64() <= 1 {
				// the common case: inflate straight into dst
				return inflate(dst, data, limit)
			}
			out, err = inflate(nil, data, limit)
			out, err = withPredictor(out, err, p)
		case "LZWDecode":
			early := true
			if e := p.Key("EarlyChange"); e.Kind() == vInteger && e.Int64() == 0 {
				early = false
			}
			out, err = unLZW(data, early, limit)
			out, err = withPredictor(out, err, p)
		case "ASCII85Decode":
			out, err = unASCII85(data, limit)
		case "ASCIIHexDecode":
			out, err = unASCIIHex(data), nil
		case "RunLengthDecode":
			out, err = unRunLength(data, limit)
		case "Crypt":
			out = data // decryption happened before, by the security handler
		case "DCTDecode", "CCITTFaxDecode", "JBIG2Decode", "JPXDecode":
			return dst, fmt.Errorf("%w: %s", errImageFilter, name)
		default:
			return dst, fmt.Errorf("unknown filter /%s", name)
		}
		if len(out) > limit {
			out, err = out[:limit], fmt.Errorf("stream larger than %d bytes", limit)
		}
		if err != nil {
			return append(dst, out...), err
		}
		data = out
	}
	if len(filters) == 0 && len(data) > limit {
		return append(dst, data[:limit]...), fmt.Errorf("stream larger than %d bytes", limit)
	}
	return append(dst, data...), nil
}

// inflate appends the zlib-decoded data to dst, at most limit bytes,
// growing dst by doubling; what decoded before a corrupt or truncated tail
// is kept (other readers show that text too).
func inflate(dst, data []byte, limit int) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return dst, fmt.Errorf("flate: %v", err)
	}
	defer zr.Close()
	start := len(dst)
	out := dst
	for {
		if len(out) == cap(out) {
			if len(out)-start >= limit {
				// full at the limit: one more byte means the stream is
				// larger (checked without growing the buffer past it)
				var one [1]byte
				if _, e := io.ReadFull(zr, one[:]); e == nil {
					return out, fmt.Errorf("stream larger than %d bytes", limit)
				}
				return out, nil
			}
			grow := min(max(len(out)-start, 4096), start+limit-len(out))
			nd := make([]byte, len(out), len(out)+grow)
			copy(nd, out)
			out = nd
		}
		n, e := zr.Read(out[len(out):cap(out)])
		out = out[:len(out)+n]
		if e == io.EOF {
			return out, nil
		}
		if e != nil {
			if len(out) > start && (e == io.ErrUnexpectedEOF || errors.Is(e, zlib.ErrChecksum)) {
				return out, nil
			}
			return out, fmt.Errorf("flate: %v", e)
		}
	}
}

// withPredictor applies a stream's predictor (DecodeParms p) to what a
// filter decoded, also to the part decoded before an error, whose error
// it keeps.
func withPredictor(out []byte, err error, p Value) ([]byte, error) {
	if err != nil && len(out) == 0 {
		return out, err
	}
	out, perr := predict(out, p)
	if err == nil {
		err = perr
	}
	return out, err
}

// predict undoes a PNG (10–15) or TIFF (2) predictor (§7.4.4.4).
func predict(data []byte, p Value) ([]byte, error) {
	pred := p.Key("Predictor").Int64()
	if pred <= 1 {
		return data, nil
	}
	colors, bpc, columns := int64(1), int64(8), int64(1)
	if c := p.Key("Colors"); c.Kind() == vInteger {
		colors = c.Int64()
	}
	if b := p.Key("BitsPerComponent"); b.Kind() == vInteger {
		bpc = b.Int64()
	}
	if c := p.Key("Columns"); c.Kind() == vInteger {
		columns = c.Int64()
	}
	if colors < 1 || colors > 32 || bpc < 1 || bpc > 16 || columns < 1 || columns > 1<<20 {
		return data, fmt.Errorf("predictor parameters out of range")
	}
	bpp := int((colors*bpc + 7) / 8)
	rowLen := int((colors*bpc*columns + 7) / 8)
	if pred == 2 {
		if bpc != 8 {
			return data, fmt.Errorf("TIFF predictor with %d bits per component", bpc)
		}
		for r := 0; r+rowLen <= len(data); r += rowLen {
			row := data[r : r+rowLen]
			for i := bpp; i < len(row); i++ {
				row[i] += row[i-bpp]
			}
		}
		return data, nil
	}
	if pred < 10 {
		return data, fmt.Errorf("unknown predictor %d", pred)
	}
	out := make([]byte, 0, len(data))
	prev := make([]byte, rowLen)
	for r := 0; r < len(data); r += rowLen + 1 {
		kind := data[r]
		row := data[r+1 : min(r+1+rowLen, len(data))]
		cur := make([]byte, len(row))
		copy(cur, row)
		for i := range cur {
			var a, b, c byte
			if i >= bpp {
				a = cur[i-bpp]
				c = prev[i-bpp]
			}
			b = prev[i]
			switch kind {
			case 1:
				cur[i] += a
			case 2:
				cur[i] += b
			case 3:
				cur[i] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[i] += paeth(a, b, c)
			}
		}
		out = append(out, cur...)
		copy(prev, cur)
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := absInt(p-int(a)), absInt(p-int(b)), absInt(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// unLZW decodes LZW data (§7.4.4.2): 9- to 12-bit codes, MSB first, 256
// clears the table and 257 ends the data; with early change the code
// width grows one code before the table fills the current width.
func unLZW(data []byte, early bool, limit int) ([]byte, error) {
	type entry struct {
		prefix int32
		length int32
		last   byte
	}
	table := make([]entry, 4096)
	for i := range 256 {
		table[i] = entry{prefix: -1, length: 1, last: byte(i)}
	}
	var out []byte
	next, width := 258, 9
	prev := -1
	var bits uint32
	nbits := 0
	pos := 0
	e := 0
	if early {
		e = 1
	}
	for {
		for nbits < width && pos < len(data) {
			bits = bits<<8 | uint32(data[pos])
			pos++
			nbits += 8
		}
		if nbits < width {
			return out, nil
		}
		code := int(bits>>(nbits-width)) & (1<<width - 1)
		nbits -= width
		switch {
		case code == 256:
			next, width, prev = 258, 9, -1
			continue
		case code == 257:
			return out, nil
		}
		var cur int
		switch {
		case code < next && (code < 256 || code >= 258):
			cur = code
		case code == next && prev >= 0:
			cur = -1 // KwKwK: prev's string and its first byte
		default:
			return out, fmt.Errorf("lzw: bad code %d", code)
		}
		start := len(out)
		if cur >= 0 {
			n := int(table[cur].length)
			out = append(out, make([]byte, n)...)
			for c, i := cur, len(out)-1; c >= 0; c, i = int(table[c].prefix), i-1 {
				out[i] = table[c].last
			}
		} else {
			n := int(table[prev].length)
			out = append(out, make([]byte, n+1)...)
			for c, i := prev, start+n-1; c >= 0; c, i = int(table[c].prefix), i-1 {
				out[i] = table[c].last
			}
			out[len(out)-1] = out[start]
		}
		if len(out) > limit {
			return out[:limit], fmt.Errorf("stream larger than %d bytes", limit)
		}
		if prev >= 0 && next < 4096 {
			table[next] = entry{prefix: int32(prev), length: table[prev].length + 1, last: out[start]}
			next++
		}
		prev = code
		if next+e >= 1<<width && width < 12 {
			width++
		}
	}
}

// unASCII85 decodes ASCII base-85 up to "~>", ignoring white space, at
// most limit bytes (each "z" stands for four zero bytes).
func unASCII85(data []byte, limit int) ([]byte, error) {
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	}
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("<~"))
	clean := make([]byte, 0, len(data))
	for _, c := range data {
		if !isWS(c) {
			clean = append(clean, c)
		}
	}
	var out bytes.Buffer
	n, err := io.Copy(&out, io.LimitReader(ascii85.NewDecoder(bytes.NewReader(clean)), int64(limit)+1))
	if n > int64(limit) {
		return out.Bytes()[:limit], fmt.Errorf("stream larger than %d bytes", limit)
	}
	if err != nil {
		return out.Bytes(), fmt.Errorf("ascii85: %v", err)
	}
	return out.Bytes(), nil
}

// unASCIIHex decodes hexadecimal pairs up to ">", ignoring white space
// and other bytes; an odd last digit is followed by 0.
func unASCIIHex(data []byte) []byte {
	return appendHex(make([]byte, 0, len(data)/2+1), data)
}

// appendHex appends to out the bytes of the hexadecimal pairs in data up to
// ">" (§7.3.4.3, §7.4.2), ignoring white space and other bytes; an odd last
// digit is followed by 0.
func appendHex(out, data []byte) []byte {
	hi := -1
	for _, c := range data {
		if c == '>' {
			break
		}
		d := unhexDigit(c)
		if d < 0 {
			continue
		}
		if hi < 0 {
			hi = d
		} else {
			out = append(out, byte(hi<<4|d))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return out
}

// unRunLength decodes RunLengthDecode data (§7.4.5).
func unRunLength(data []byte, limit int) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n == 128:
			return out, nil
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		default:
			if i < len(data) {
				out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
				i++
			}
		}
		if len(out) > limit {
			return out[:limit], fmt.Errorf("stream larger than %d bytes", limit)
		}
	}
	return out, nil
}
