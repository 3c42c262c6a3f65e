package normalize

import "strings"

// cjkDigit returns the value of a Chinese digit (〇 零 一 … 九, 两), or -1.
func cjkDigit(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// cjkUnit returns the value of a Chinese unit (十 百 千 万), or 0.
func cjkUnit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 10000
	}
	return 0
}

func isCJKNumeral(r rune) bool {
	return cjkDigit(r) >= 0 || cjkUnit(r) > 0
}

// ChineseNumber reads a number written in Chinese numerals ("十二" → 12,
// "二十一" → 21, "一百零五" → 105, "〇" → 0), digit by digit ("二〇一五" →
// 2015), or with ASCII or full-width digits ("12").
func ChineseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	rs := []rune(s)
	if len(rs) > 12 {
		return 0, false
	}
	if allRunes(rs, func(r rune) bool { return digitValue(r) >= 0 }) {
		v := 0
		for _, r := range rs {
			v = v*10 + digitValue(r)
		}
		return v, true
	}
	if !allRunes(rs, isCJKNumeral) {
		return 0, false
	}
	if !strings.ContainsAny(s, "十百千万") {
		// Digit by digit, as in years.
		v := 0
		for _, r := range rs {
			v = v*10 + cjkDigit(r)
		}
		return v, true
	}
	total, section := 0, 0
	digit := -1   // pending digit, -1 when none
	lastUnit := 0 // last unit used in this section, 0 when none
	zero := false // a 零 is pending
	wan := false  // 万 seen
	for k, r := range rs {
		if d := cjkDigit(r); d >= 0 {
			if digit >= 0 {
				return 0, false // two digits in a row
			}
			if d == 0 {
				if zero || lastUnit == 0 && k > 0 {
					return 0, false
				}
				zero = true
				continue
			}
			digit = d
			continue
		}
		u := cjkUnit(r)
		if u == 10000 {
			if wan || digit < 0 && section == 0 {
				return 0, false
			}
			if digit > 0 {
				section += digit
			}
			total, section, digit, lastUnit, zero, wan = section*10000, 0, -1, 0, false, true
			continue
		}
		if digit < 0 {
			// Only 十 may stand without a digit, at the start: 十二.
			if u != 10 || section != 0 || zero {
				return 0, false
			}
			digit = 1
		}
		if lastUnit != 0 && u >= lastUnit {
			return 0, false
		}
		if zero && lastUnit != 0 && u*10 == lastUnit {
			return 0, false // 一百零十
		}
		section += digit * u
		digit, lastUnit, zero = -1, u, false
	}
	if digit >= 0 {
		if (lastUnit > 10 || wan && lastUnit == 0) && !zero {
			return 0, false // 一百五, 一万二: colloquial, refuse
		}
		section += digit
	} else if zero {
		return 0, false // trailing 零
	}
	return total + section, true
}

var romanDigits = []struct {
	v int
	s string
}{
	{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
	{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"},
}

// Roman returns n as a lower-case Roman numeral, or "" when n is not in 1..3999.
func Roman(n int) string {
	if n < 1 || n > 3999 {
		return ""
	}
	var b strings.Builder
	for _, d := range romanDigits {
		for n >= d.v {
			b.WriteString(d.s)
			n -= d.v
		}
	}
	return b.String()
}

// ParseRoman reads a Roman numeral in canonical form, either case.
func ParseRoman(s string) (int, bool) {
	if s == "" || len(s) > 15 {
		return 0, false
	}
	low := strings.ToLower(s)
	v, rest := 0, low
	for _, d := range romanDigits {
		for strings.HasPrefix(rest, d.s) {
			v += d.v
			rest = rest[len(d.s):]
		}
	}
	if rest != "" || Roman(v) != low {
		return 0, false
	}
	return v, true
}
