package pdf

import (
	"strings"
	"unicode"
)

// multiset counts the non-space characters of s.
func multiset(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		m[r]++
	}
	return m
}

// recallPrecision compares the character multisets of got and want.
func recallPrecision(got, want string) (recall, precision float64) {
	g, w := multiset(got), multiset(want)
	var common, ng, nw int
	for r, c := range w {
		nw += c
		if d := g[r]; d < c {
			common += d
		} else {
			common += c
		}
	}
	for _, c := range g {
		ng += c
	}
	if nw == 0 || ng == 0 {
		return 0, 0
	}
	return float64(common) / float64(nw), float64(common) / float64(ng)
}

// lcsLen is the length of the longest common subsequence of a and b,
// by Myers' O((N+M)D) difference algorithm.
func lcsLen(a, b []rune) int {
	n, m := len(a), len(b)
	max := n + m
	v := make([]int, 2*max+2)
	off := max + 1
	for d := 0; d <= max; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return (n + m - d) / 2
			}
		}
	}
	return 0
}

func cjkOnly(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			out = append(out, r)
		}
	}
	return out
}

func joinLines(ls []string) string { return strings.Join(ls, "\n") }
