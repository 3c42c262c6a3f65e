package diff

import (
	"slices"
	"strings"
	"unicode"

	"github.com/undoc/undoc/store/model"
)

// KindParagraph is a numbered or unnumbered paragraph of the text, with
// its items.
const KindParagraph = model.KindParagraph

// paragraphText is what a paragraph says: its text and its items', in
// order, joined by spaces.
func paragraphText(n *model.Node) string {
	if len(n.Items) == 0 {
		return n.Text
	}
	var b strings.Builder
	b.WriteString(n.Text)
	var items func([]*model.Item)
	items = func(its []*model.Item) {
		for _, it := range its {
			b.WriteByte(' ')
			b.WriteString(it.Text)
			items(it.Items)
		}
	}
	items(n.Items)
	return b.String()
}

// How much of a paragraph must be kept for it to be the same paragraph
// reworded: in the same unit; in another unit. Before the character
// comparison, the two must share this much of their words (Dice over
// word sets; Han characters count in pairs), which keeps the comparison
// of two long sections near linear.
const (
	simParagraph          = 0.6
	simParagraphElsewhere = 0.7
	wordsParagraph        = 0.4
)

// paragraphs pairs paragraphs by content, never by number: each edition
// renumbers them. The same text in the same unit; the same text anywhere;
// then similar text, preferring the same unit (see pairByText).
// A paragraph that kept its text is no change, whatever its number; one
// that left its unit is moved.
func (m *matcher) paragraphs() {
	words := map[*entity][]uint64{}
	wordsOf := func(e *entity) []uint64 {
		w, ok := words[e]
		if !ok {
			w = wordSet(e.text)
			words[e] = w
		}
		return w
	}
	pairByText(m.old.paras, m.new.paras, func(o, n *entity) (need, bonus float64, ok bool) {
		if dice(wordsOf(o), wordsOf(n)) < wordsParagraph {
			return 0, 0, false
		}
		if home(n) == home(o) {
			return simParagraph, 0.1, true
		}
		return simParagraphElsewhere, 0, true
	})
}

// wordSet is the sorted set of hashed words of a text: runs of letters and
// digits outside Han, lower-cased, and each pair of adjacent Han
// characters (a single Han character between others counts alone).
func wordSet(text string) []uint64 {
	var set []uint64
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	flush := func() {
		if n > 0 {
			set = append(set, h)
		}
		h, n = offset, 0
	}
	var prevHan rune
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			if prevHan != 0 {
				set = append(set, (uint64(prevHan)<<21|uint64(r))*prime)
			} else {
				set = append(set, uint64(r)*prime)
			}
			prevHan = r
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			n++
		default:
			flush()
		}
		prevHan = 0
	}
	flush()
	slices.Sort(set)
	return slices.Compact(set)
}

// dice is 2|A∩B| / (|A|+|B|) of two sorted sets; 1 for two empty sets.
func dice(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
