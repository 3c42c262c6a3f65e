package segment

import (
	"cmp"
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// gate tells cheaply whether a line can match any of a set of anchored
// patterns, from its first rune: most lines are running text and need no
// regular expression at all.
type gate struct {
	ranges []rune // pairs lo, hi of first runes some pattern accepts
	all    bool   // some pattern may start with anything
	sealed bool   // ranges sorted and disjoint (seal)
}

func (g *gate) add(pattern string) {
	g.sealed = false
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		g.all = true
		return
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		g.all = true
		return
	}
	if !g.first(prog, uint32(prog.Start), map[uint32]bool{}) {
		g.all = true
	}
}

// first adds the runes the program can begin with at pc; false when it
// cannot tell.
func (g *gate) first(prog *syntax.Prog, pc uint32, seen map[uint32]bool) bool {
	if seen[pc] {
		return true
	}
	seen[pc] = true
	in := prog.Inst[pc]
	switch in.Op {
	case syntax.InstEmptyWidth, syntax.InstCapture, syntax.InstNop:
		return g.first(prog, in.Out, seen)
	case syntax.InstAlt, syntax.InstAltMatch:
		return g.first(prog, in.Out, seen) && g.first(prog, in.Arg, seen)
	case syntax.InstRune1:
		g.ranges = append(g.ranges, in.Rune[0], in.Rune[0])
		return true
	case syntax.InstRune:
		if len(in.Rune) == 1 || syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
			return false
		}
		g.ranges = append(g.ranges, in.Rune...)
		return true
	}
	return false
}

func (g *gate) addWord(w string) {
	g.sealed = false
	if r, _ := utf8.DecodeRuneInString(w); r != utf8.RuneError {
		g.ranges = append(g.ranges, r, r)
	}
}

// seal sorts the ranges and merges those that overlap or touch, so that
// open can search them by halves. The gate accepts the same runes.
func (g *gate) seal() {
	type span struct{ lo, hi rune }
	spans := make([]span, 0, len(g.ranges)/2)
	for i := 0; i+1 < len(g.ranges); i += 2 {
		spans = append(spans, span{g.ranges[i], g.ranges[i+1]})
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	merged := g.ranges[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.lo <= merged[n-1]+1 {
			merged[n-1] = max(merged[n-1], sp.hi)
			continue
		}
		merged = append(merged, sp.lo, sp.hi)
	}
	g.ranges = merged
	g.sealed = true
}

// open reports whether a line starting with s may match.
func (g *gate) open(s string) bool {
	if g.all {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !g.sealed {
		for i := 0; i+1 < len(g.ranges); i += 2 {
			if g.ranges[i] <= r && r <= g.ranges[i+1] {
				return true
			}
		}
		return false
	}
	// the last range starting at or before r
	lo, hi := 0, len(g.ranges)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if g.ranges[2*m] <= r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo > 0 && r <= g.ranges[2*lo-1]
}

// requiredLiteral returns the longest literal text every match of pattern
// holds: a case-sensitive literal of its top-level sequence. It returns ""
// when there is none or the pattern does not parse. A line without it
// cannot match, which strings.Contains tells faster than the pattern.
func requiredLiteral(pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return ""
	}
	re = re.Simplify()
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	best := ""
	for _, sub := range subs {
		if sub.Op != syntax.OpLiteral || sub.Flags&syntax.FoldCase != 0 {
			continue
		}
		if lit := string(sub.Rune); len(lit) > len(best) {
			best = lit
		}
	}
	return best
}
