// Package text reads plain-text dumps of UN documents into lines: it
// decodes the bytes (UTF-8, UTF-16 with BOM, GB18030) and splits lines.
package text

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/normalize"
)

// minGuessConfidence is the least plausibility a guessed encoding needs
// before its text is used.
const minGuessConfidence = 0.6

// sampleBytes is the size of the sample a large input is judged on first.
const sampleBytes = 256 << 10

// judge turns a decoding's outcome into the reason the bytes are not
// text, or nil.
func judge(enc normalize.Encoding, err error) error {
	if err != nil {
		return err
	}
	if enc.Guessed && enc.Confidence < minGuessConfidence {
		return fmt.Errorf("the bytes are not text in any supported encoding (best guess %s, confidence %.2f)", enc.Name, enc.Confidence)
	}
	return nil
}

// Result is a decoded text dump.
type Result struct {
	Text     string // the decoded text
	Lines    []extract.Line
	Encoding normalize.Encoding
}

// Extract decodes b and splits it into lines numbered from 1. Line ends may
// be \n, \r\n or \r.
func Extract(b []byte) (*Result, error) {
	// A large input is first judged on a sample, so that junk is turned
	// away without decoding all of it (which takes several times its size).
	if len(b) > sampleBytes {
		cut := sampleBytes // at a UTF-8 character boundary
		for cut > sampleBytes-utf8.UTFMax && !utf8.RuneStart(b[cut]) {
			cut--
		}
		_, enc, err := normalize.Decode(b[:cut])
		if err := judge(enc, err); err != nil {
			return nil, fmt.Errorf("%w (judged on the first %d bytes of %d)", err, sampleBytes, len(b))
		}
	}
	s, enc, err := normalize.Decode(b)
	if err := judge(enc, err); err != nil {
		return nil, err
	}
	return &Result{Text: s, Lines: Split(s), Encoding: enc}, nil
}

// Split cuts decoded text into numbered lines.
func Split(s string) []extract.Line {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	lines := make([]extract.Line, 0, strings.Count(s, "\n")+1)
	for n := 1; ; n++ {
		text, rest, more := strings.Cut(s, "\n")
		lines = append(lines, extract.Line{Text: text, N: n})
		if !more {
			return lines
		}
		s = rest
	}
}
