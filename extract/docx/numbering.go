package docx

import (
	"strconv"
	"strings"
)

// level is one w:lvl of a list definition.
type level struct {
	start   int
	format  string // w:numFmt
	text    string // w:lvlText, "%1.%2" and the like
	restart int    // w:lvlRestart: restart after a level below this one (1-based) is used; -1 when absent
	pStyle  string
	suffix  string // "tab", "space" or "nothing"
	legal   bool   // w:isLgl: every number in the label is decimal
	font    string // the level's run font, for bullets in symbol fonts
}

func parseLevel(l *elem) level {
	lv := level{start: 0, format: "decimal", restart: -1, suffix: "tab"}
	if v := intPtr(l.val("start")); v != nil {
		lv.start = *v
	}
	if v := l.val("numFmt"); v != "" {
		lv.format = v
	}
	if c := l.child("lvlText"); c != nil {
		lv.text = c.attr("val")
	}
	if v := intPtr(l.val("lvlRestart")); v != nil {
		lv.restart = *v
	}
	lv.pStyle = l.val("pStyle")
	if v := l.val("suff"); v != "" {
		lv.suffix = v
	}
	lv.legal = l.on("isLgl") != nil && *l.on("isLgl")
	if f := l.child("rPr").child("rFonts"); f != nil {
		lv.font = f.attr("ascii")
		if lv.font == "" {
			lv.font = f.attr("hAnsi")
		}
	}
	return lv
}

// abstractNum is a list definition.
type abstractNum struct {
	levels   [9]*level
	styleRef string // w:numStyleLink: the definition is the numbering style's
}

// num is a list instance: a definition with level overrides.
type num struct {
	abstract  string
	overrides [9]*level // whole-level replacements (w:lvlOverride/w:lvl)
	starts    [9]*int   // w:startOverride
}

// numbering holds the list definitions and the counters of a document
// being read.
type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*num
	styles    *styles
	counters  map[string]*counter
}

// counter is the state of one list: the current number at each level and
// whether the level has been used since it was last restarted.
type counter struct {
	n   [9]int
	set [9]bool
}

func parseNumbering(root *elem, st *styles) *numbering {
	nb := &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*num{}, styles: st, counters: map[string]*counter{}}
	if root == nil {
		return nb
	}
	for _, k := range root.kids {
		switch {
		case k.is("abstractNum"):
			a := &abstractNum{styleRef: k.val("numStyleLink")}
			for _, l := range k.kids {
				if !l.is("lvl") {
					continue
				}
				if i := intPtr(l.attr("ilvl")); i != nil && *i >= 0 && *i < 9 {
					lv := parseLevel(l)
					a.levels[*i] = &lv
				}
			}
			nb.abstracts[k.attr("abstractNumId")] = a
		case k.is("num"):
			n := &num{abstract: k.val("abstractNumId")}
			for _, o := range k.kids {
				if !o.is("lvlOverride") {
					continue
				}
				i := intPtr(o.attr("ilvl"))
				if i == nil || *i < 0 || *i >= 9 {
					continue
				}
				n.starts[*i] = intPtr(o.val("startOverride"))
				if l := o.child("lvl"); l != nil {
					lv := parseLevel(l)
					n.overrides[*i] = &lv
				}
			}
			nb.nums[k.attr("numId")] = n
		}
	}
	return nb
}

// definition finds a num's list definition, following one numStyleLink to
// the numbering style that holds it.
func (nb *numbering) definition(n *num) *abstractNum {
	a := nb.abstracts[n.abstract]
	for hops := 0; a != nil && a.styleRef != "" && hops < 4; hops++ {
		id := nb.styles.numStyles[a.styleRef]
		if id == nil {
			return a
		}
		linked := nb.nums[strconv.Itoa(*id)]
		if linked == nil {
			return a
		}
		a = nb.abstracts[linked.abstract]
	}
	return a
}

// levelOf is the level definition ilvl of a num.
func (nb *numbering) levelOf(n *num, ilvl int) *level {
	if n.overrides[ilvl] != nil {
		return n.overrides[ilvl]
	}
	if a := nb.definition(n); a != nil {
		return a.levels[ilvl]
	}
	return nil
}

// label counts a numbered paragraph and returns the text Word prints
// before it, with the separator that follows ("25.1 ", "(a) "); "" when
// the paragraph is not numbered or its level prints nothing. styleID is
// the paragraph's style, to find the level a numbered style stands for.
func (nb *numbering) label(numID, ilvl *int, styleID string) string {
	if numID == nil || *numID == 0 {
		return ""
	}
	id := strconv.Itoa(*numID)
	n := nb.nums[id]
	if n == nil {
		return ""
	}
	lvl := 0
	if ilvl != nil {
		lvl = *ilvl
	} else if a := nb.definition(n); a != nil && styleID != "" {
		for i, l := range a.levels {
			if l != nil && l.pStyle == styleID {
				lvl = i
				break
			}
		}
	}
	if lvl < 0 || lvl >= 9 {
		return ""
	}
	def := nb.levelOf(n, lvl)
	if def == nil {
		return ""
	}
	// Lists that share a definition continue one another, unless an
	// instance overrides a level (its start or the whole level): then it
	// counts on its own.
	key := "a" + n.abstract
	for i := range n.starts {
		if n.starts[i] != nil || n.overrides[i] != nil {
			key = "n" + id
			break
		}
	}
	c := nb.counters[key]
	if c == nil {
		c = &counter{}
		nb.counters[key] = c
	}
	start := func(i int) int {
		if n.starts[i] != nil {
			return *n.starts[i]
		}
		if l := nb.levelOf(n, i); l != nil {
			return l.start
		}
		return 0
	}
	if c.set[lvl] {
		c.n[lvl]++
	} else {
		c.n[lvl], c.set[lvl] = start(lvl), true
	}
	for k := lvl + 1; k < 9; k++ {
		r := k // by default a level restarts after any level above it
		if l := nb.levelOf(n, k); l != nil && l.restart >= 0 {
			r = l.restart
		}
		if lvl < r {
			c.set[k] = false
		}
	}
	var b strings.Builder
	t := def.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			v := start(k)
			if c.set[k] {
				v = c.n[k]
			}
			f := "decimal"
			if l := nb.levelOf(n, k); l != nil {
				f = l.format
			}
			if def.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	out := b.String()
	if def.format == "bullet" {
		out = mapSymbols(out, def.font)
	}
	if def.format == "none" && !strings.Contains(t, "%") {
		out = t
	}
	if out == "" {
		return ""
	}
	if def.suffix == "nothing" {
		return out
	}
	return out + " "
}

// formatNumber writes n in a w:numFmt. Formats not known here are written
// in decimal.
func formatNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		if n <= 0 || n > 26*64 {
			return strconv.Itoa(n)
		}
		base := byte('a')
		if format == "upperLetter" {
			base = 'A'
		}
		// Word repeats the letter: 26 z, 27 aa, 53 aaa.
		return strings.Repeat(string(base+byte((n-1)%26)), (n-1)/26+1)
	case "lowerRoman", "upperRoman":
		if n <= 0 || n >= 4000 {
			return strconv.Itoa(n)
		}
		r := roman(n)
		if format == "lowerRoman" {
			return strings.ToLower(r)
		}
		return r
	case "ordinal":
		suf := "th"
		if n%100 < 11 || n%100 > 13 {
			switch n % 10 {
			case 1:
				suf = "st"
			case 2:
				suf = "nd"
			case 3:
				suf = "rd"
			}
		}
		return strconv.Itoa(n) + suf
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(n) + ")"
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, r := range strconv.Itoa(n) {
			b.WriteRune(r - '0' + '０')
		}
		return b.String()
	case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting", "japaneseCounting":
		if format == "ideographTraditional" && n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
		if n >= 1 && n < 100 {
			return chineseNumber(n)
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// chineseNumber writes 1-99 in Chinese counting numerals (十一, 二十三).
func chineseNumber(n int) string {
	digits := []rune("〇一二三四五六七八九")
	if n < 10 {
		return string(digits[n])
	}
	var b strings.Builder
	if n/10 > 1 {
		b.WriteRune(digits[n/10])
	}
	b.WriteRune('十')
	if n%10 > 0 {
		b.WriteRune(digits[n%10])
	}
	return b.String()
}
