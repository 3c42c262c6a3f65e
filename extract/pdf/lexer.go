package pdf

// Content-stream and CMap tokenizer, following ISO 32000-1:2008 §7.2
// (lexical conventions), §7.8.2 (content streams) and §8.9.7 (inline
// images). ledongthuc/pdf's Interpret is not used for content streams: it
// cannot skip inline image data and it loops forever on an unterminated hex
// string at the end of a stream, so we tokenize the decoded bytes ourselves
// with hard limits on nesting and work.

import (
	"bytes"
	"strconv"
)

type opKind uint8

const (
	kNull opKind = iota
	kNum
	kStr
	kName
	kArr
	kDict
	kBool
)

// operand is one operand of a content-stream operator.
type operand struct {
	k opKind
	n float64
	s string    // string bytes, or name without '/'
	a []operand // array elements; for a dictionary, keys and values in turn
}

// key returns the value of a dictionary entry.
func (o operand) key(name string) (operand, bool) {
	if o.k != kDict {
		return operand{}, false
	}
	for i := 0; i+1 < len(o.a); i += 2 {
		if o.a[i].s == name {
			return o.a[i+1], true
		}
	}
	return operand{}, false
}

const maxNesting = 32

type lexer struct {
	b   []byte
	pos int
	tmp []byte // reused to decode strings
}

func isWS(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelimiter(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipWS() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWS(c) {
			l.pos++
		} else if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		} else {
			return
		}
	}
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tOperand
	tOp
	tArrOpen
	tArrClose
	tDictOpen
	tDictClose
)

// next returns the next token. Operators are returned as tOp with the
// keyword in s; simple operands as tOperand in o.
func (l *lexer) next() (tokKind, operand, string) {
	l.skipWS()
	if l.pos >= len(l.b) {
		return tEOF, operand{}, ""
	}
	c := l.b[l.pos]
	switch {
	case c == '(':
		l.pos++
		return tOperand, operand{k: kStr, s: l.literal()}, ""
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return tDictOpen, operand{}, ""
		}
		l.pos++
		return tOperand, operand{k: kStr, s: l.hex()}, ""
	case c == '>':
		l.pos++
		if l.pos < len(l.b) && l.b[l.pos] == '>' {
			l.pos++
			return tDictClose, operand{}, ""
		}
		return l.next()
	case c == '[':
		l.pos++
		return tArrOpen, operand{}, ""
	case c == ']':
		l.pos++
		return tArrClose, operand{}, ""
	case c == '{' || c == '}' || c == ')':
		l.pos++
		return l.next()
	case c == '/':
		l.pos++
		return tOperand, operand{k: kName, s: l.name()}, ""
	}
	start := l.pos
	for l.pos < len(l.b) && !isWS(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		l.pos++
	}
	w := l.b[start:l.pos]
	if len(w) == 0 { // stray delimiter
		l.pos++
		return l.next()
	}
	if f, ok := parseNumber(w); ok {
		return tOperand, operand{k: kNum, n: f}, ""
	}
	switch string(w) {
	case "true":
		return tOperand, operand{k: kBool, n: 1}, ""
	case "false":
		return tOperand, operand{k: kBool}, ""
	case "null":
		return tOperand, operand{}, ""
	}
	return tOp, operand{}, opName(w)
}

// opName returns an operator's keyword, without allocating for the
// operators of text, paths and graphics state.
func opName(w []byte) string {
	switch string(w) {
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "Tf":
		return "Tf"
	case "T*":
		return "T*"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Ts":
		return "Ts"
	case "Tr":
		return "Tr"
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "cm":
		return "cm"
	case "re":
		return "re"
	case "rg":
		return "rg"
	case "RG":
		return "RG"
	case "gs":
		return "gs"
	case "Do":
		return "Do"
	case "BDC":
		return "BDC"
	case "BMC":
		return "BMC"
	case "EMC":
		return "EMC"
	case "cs":
		return "cs"
	case "CS":
		return "CS"
	case "sc":
		return "sc"
	case "scn":
		return "scn"
	case "SC":
		return "SC"
	case "SCN":
		return "SCN"
	case "f*":
		return "f*"
	case "W*":
		return "W*"
	}
	return string(w)
}

func parseNumber(w []byte) (float64, bool) {
	c := w[0]
	if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
		return 0, false
	}
	// fast path for integers
	neg := false
	i := 0
	if c == '-' || c == '+' {
		neg = c == '-'
		i = 1
	}
	var v float64
	digits := 0
	for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
		v = v*10 + float64(w[i]-'0')
		digits++
	}
	if i < len(w) && w[i] == '.' {
		i++
		scale := 0.1
		for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
			v += float64(w[i]-'0') * scale
			scale /= 10
			digits++
		}
	}
	if i != len(w) {
		// things like "1e5" or "--1"; let strconv decide, else not a number
		f, err := strconv.ParseFloat(string(w), 64)
		if err != nil {
			if digits > 0 && (w[0] == '-' || w[0] == '+') && bytes.Count(w, []byte("-")) > 1 {
				return 0, true // "--1" style garbage: treat as 0 like most readers
			}
			return 0, false
		}
		return f, true
	}
	if digits == 0 {
		return 0, i > 0 && (c == '-' || c == '+' || c == '.')
	}
	if neg {
		v = -v
	}
	return v, true
}

func (l *lexer) literal() string {
	// most strings have no escapes, nesting or line ends: one copy
	for i := l.pos; i < len(l.b); i++ {
		c := l.b[i]
		if c == ')' {
			s := string(l.b[l.pos:i])
			l.pos = i + 1
			return s
		}
		if c == '(' || c == '\\' || c == '\r' {
			break
		}
	}
	out := l.tmp[:0]
	defer func() { l.tmp = out }()
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
			out = append(out, c)
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case '\r':
			// end-of-line in a literal string is a single \n (§7.3.4.2)
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			out = append(out, '\n')
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

func unhexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *lexer) hex() string {
	rest := l.b[l.pos:]
	if end := bytes.IndexByte(rest, '>'); end >= 0 {
		rest = rest[:end+1]
	}
	l.pos += len(rest)
	out := appendHex(l.tmp[:0], rest)
	l.tmp = out
	return string(out)
}

func (l *lexer) name() string {
	start := l.pos
	hasHash := false
	for l.pos < len(l.b) && !isWS(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		if l.b[l.pos] == '#' {
			hasHash = true
		}
		l.pos++
	}
	raw := l.b[start:l.pos]
	if !hasHash {
		return string(raw)
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw)+0 && i+2 <= len(raw)-1 {
			h, lo := unhexDigit(raw[i+1]), unhexDigit(raw[i+2])
			if h >= 0 && lo >= 0 {
				out = append(out, byte(h<<4|lo))
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return string(out)
}

// object reads one complete operand (number, string, name, array or
// dictionary) whose first token has already been read.
func (l *lexer) object(t tokKind, o operand, depth int) (operand, bool) {
	switch t {
	case tOperand:
		return o, true
	case tArrOpen:
		if depth > maxNesting {
			return operand{}, false
		}
		arr := operand{k: kArr}
		for {
			t2, o2, _ := l.next()
			if t2 == tEOF || t2 == tArrClose {
				return arr, true
			}
			if t2 == tOp || t2 == tDictClose {
				continue
			}
			v, ok := l.object(t2, o2, depth+1)
			if !ok {
				return arr, false
			}
			if len(arr.a) < 1<<16 {
				arr.a = append(arr.a, v)
			}
		}
	case tDictOpen:
		if depth > maxNesting {
			return operand{}, false
		}
		d := operand{k: kDict}
		for {
			t2, o2, _ := l.next()
			if t2 == tEOF || t2 == tDictClose {
				return d, true
			}
			if t2 != tOperand || o2.k != kName {
				if t2 == tArrOpen || t2 == tDictOpen {
					if _, ok := l.object(t2, o2, depth+1); !ok {
						return d, false
					}
				}
				continue
			}
			t3, o3, _ := l.next()
			if t3 == tEOF || t3 == tDictClose {
				return d, true
			}
			if t3 == tOp {
				continue
			}
			v, ok := l.object(t3, o3, depth+1)
			if !ok {
				return d, false
			}
			if len(d.a) < 8192 {
				d.a = append(d.a, o2, v)
			}
		}
	}
	return operand{}, true
}

// dictEntry reads a dictionary whose "<<" has been read and keeps only
// the entry for key.
func (l *lexer) dictEntry(key string) operand {
	d := operand{k: kDict}
	for {
		t, o, _ := l.next()
		switch {
		case t == tEOF || t == tDictClose:
			return d
		case t == tArrOpen || t == tDictOpen:
			if _, ok := l.object(t, o, 2); !ok {
				return d
			}
		case t == tOperand && o.k == kName:
			t2, o2, _ := l.next()
			if t2 == tEOF || t2 == tDictClose {
				return d
			}
			if t2 == tOp {
				continue
			}
			v, ok := l.object(t2, o2, 2)
			if !ok {
				return d
			}
			if o.s == key && len(d.a) == 0 {
				d.a = append(d.a, o, v)
			}
		}
	}
}

// skipInlineImage moves past the data of an inline image, positioned just
// after the ID operator (§8.9.7): the data ends at whitespace + "EI"
// followed by whitespace or end of stream.
func (l *lexer) skipInlineImage(length int) {
	if l.pos < len(l.b) && isWS(l.b[l.pos]) {
		l.pos++
	}
	if length > 0 && l.pos+length <= len(l.b) {
		p := l.pos + length
		q := p
		for q < len(l.b) && isWS(l.b[q]) {
			q++
		}
		if q+1 < len(l.b) && l.b[q] == 'E' && l.b[q+1] == 'I' && (q+2 == len(l.b) || isWS(l.b[q+2]) || isDelimiter(l.b[q+2])) {
			l.pos = q + 2
			return
		}
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == 0 || isWS(l.b[i-1])) && (i+2 == len(l.b) || isWS(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
