package diff

import "unicode"

// Edit operations of a character-level diff.
const (
	OpEqual  = "="
	OpDelete = "-"
	OpInsert = "+"
)

// Edit is one run of a character-level diff: text kept (=), deleted from the
// old edition (-) or inserted in the new one (+).
type Edit struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Runes is the character-level diff of a and b over runes (Myers' O(ND)
// algorithm, shortest edit script), tidied for reading: an equal run of
// one or two characters caught between larger changes is folded into
// them, and within each changed stretch the deletion comes before the
// insertion. Concatenating the = and - runs gives a; the = and + runs, b.
// Texts more than maxEdits runes apart are shown as one replacement.
func Runes(a, b string) []Edit {
	return tidy(myers([]rune(a), []rune(b)))
}

// Similarity is 1 − D/(len(a)+len(b)) over runes, where D is the number of
// runes deleted plus inserted by the shortest edit script: 1 for equal
// texts, 0 for texts with no character in common in order. White space is
// ignored. Below atLeast it returns 0 without finishing the comparison.
func Similarity(a, b string, atLeast float64) float64 {
	ra, rb := []rune(squeeze(a)), []rune(squeeze(b))
	total := len(ra) + len(rb)
	if total == 0 {
		return 1
	}
	maxD := int((1-atLeast)*float64(total) + 1e-9)
	d := distance(ra, rb, maxD)
	if d > maxD {
		return 0
	}
	return 1 - float64(d)/float64(total)
}

// squeeze drops white space: two texts that differ only in spacing (a PDF
// line break read as a space) say the same thing.
func squeeze(s string) string {
	for _, r := range s {
		if unicode.IsSpace(r) {
			goto strip
		}
	}
	return s
strip:
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// commonAffix returns the lengths of the common prefix and of the common
// suffix of a and b (not overlapping).
func commonAffix(a, b []rune) (pre, suf int) {
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}

// distance is the edit distance (deletions plus insertions) of a and b, or
// maxD+1 once it is known to exceed maxD.
func distance(a, b []rune, maxD int) int {
	pre, suf := commonAffix(a, b)
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return n + m
	}
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	for d := 0; d <= maxD; d++ {
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
				return d
			}
		}
	}
	return maxD + 1
}

// myers is the shortest edit script from a to b, as merged runs.
func myers(a, b []rune) []Edit {
	pre, suf := commonAffix(a, b)
	var out []Edit
	if pre > 0 {
		out = append(out, Edit{OpEqual, string(a[:pre])})
	}
	out = append(out, middle(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	if suf > 0 {
		out = append(out, Edit{OpEqual, string(a[len(a)-suf:])})
	}
	return merge(out)
}

// maxEdits bounds the work and memory (O(maxEdits²)) of one diff: texts
// that need more deleted plus inserted runes than this, once their common
// start and end are set aside, are shown as one replacement.
const maxEdits = 1000

// middle runs Myers' greedy forward search, keeping for each D the
// furthest-reaching x on the diagonals it could reach, then walks back
// from the end to recover the edit script.
func middle(a, b []rune) []Edit {
	n, m := len(a), len(b)
	switch {
	case n == 0 && m == 0:
		return nil
	case n == 0:
		return []Edit{{OpInsert, string(b)}}
	case m == 0:
		return []Edit{{OpDelete, string(a)}}
	}
	maxD := min(n+m, maxEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] holds v[k] for k in [-d-1, d+1] as it was before step d.
	var trace [][]int
	end := -1
search:
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
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
				end = d
				break search
			}
		}
	}
	if end < 0 { // too different to be worth aligning
		return []Edit{{OpDelete, string(a)}, {OpInsert, string(b)}}
	}
	// Walk back, collecting single-rune edits in reverse.
	type step struct {
		op string
		r  rune
	}
	var rev []step
	x, y := n, m
	for d := end; d > 0; d-- {
		prev := trace[d]
		at := func(k int) int { return prev[k+d+1] }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		// (mx, my) is where the edit of step d landed; a snake follows it.
		mx, my := px+1, py
		if pk == k+1 {
			mx, my = px, py+1
		}
		for x > mx && y > my {
			rev = append(rev, step{OpEqual, a[x-1]})
			x--
			y--
		}
		if pk == k+1 { // came down: an insertion of b[py]
			rev = append(rev, step{OpInsert, b[py]})
		} else { // came right: a deletion of a[px]
			rev = append(rev, step{OpDelete, a[px]})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		rev = append(rev, step{OpEqual, a[x-1]})
		x--
		y--
	}
	out := make([]Edit, 0, len(rev))
	for i := len(rev) - 1; i >= 0; i-- {
		s := rev[i]
		if k := len(out); k > 0 && out[k-1].Op == s.op {
			out[k-1].Text += string(s.r)
			continue
		}
		out = append(out, Edit{s.op, string(s.r)})
	}
	return out
}

// merge joins neighbouring runs and, within each stretch of changes
// between two equal runs, puts all deleted text first and all inserted
// text after it.
func merge(edits []Edit) []Edit {
	var out []Edit
	var del, ins []rune
	flush := func() {
		if len(del) > 0 {
			out = append(out, Edit{OpDelete, string(del)})
		}
		if len(ins) > 0 {
			out = append(out, Edit{OpInsert, string(ins)})
		}
		del, ins = nil, nil
	}
	for _, e := range edits {
		if e.Text == "" {
			continue
		}
		switch e.Op {
		case OpDelete:
			del = append(del, []rune(e.Text)...)
		case OpInsert:
			ins = append(ins, []rune(e.Text)...)
		default:
			flush()
			if k := len(out); k > 0 && out[k-1].Op == OpEqual {
				out[k-1].Text += e.Text
				continue
			}
			out = append(out, e)
		}
	}
	flush()
	return out
}

// tidy folds short equal runs caught between changes into the changes, so
// that a reworded phrase reads as one replacement rather than a comb of
// single characters: an equal run of at most two runes that is no longer
// than the changes on either side of it.
func tidy(edits []Edit) []Edit {
	for {
		changed := false
		for i := 1; i+1 < len(edits); i++ {
			e := edits[i]
			if e.Op != OpEqual {
				continue
			}
			n := len([]rune(e.Text))
			if n > 2 || n > changeLen(edits, i, -1) || n > changeLen(edits, i, +1) {
				continue
			}
			edits[i] = Edit{OpDelete, e.Text}
			edits = append(edits[:i+1], append([]Edit{{OpInsert, e.Text}}, edits[i+1:]...)...)
			edits = merge(edits)
			changed = true
			break
		}
		if !changed {
			return edits
		}
	}
}

// changeLen is the size of the stretch of changes next to edits[i] in
// direction dir: the longer of its deleted and its inserted text.
func changeLen(edits []Edit, i, dir int) int {
	del, ins := 0, 0
	for j := i + dir; j >= 0 && j < len(edits) && edits[j].Op != OpEqual; j += dir {
		if edits[j].Op == OpDelete {
			del += len([]rune(edits[j].Text))
		} else {
			ins += len([]rune(edits[j].Text))
		}
	}
	return max(del, ins)
}
