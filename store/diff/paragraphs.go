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
// then similar text, preferring the same unit and then the nearest place.
// A paragraph that kept its text is no change, whatever its number; one
// that left its unit is moved.
func (m *matcher) paragraphs() {
	olds, news := m.old.paras, m.new.paras
	byText := map[string][]*entity{}
	for _, n := range news {
		byText[n.norm] = append(byText[n.norm], n)
	}
	for _, anywhere := range []bool{false, true} {
		for _, o := range olds {
			if o.match != nil {
				continue
			}
			for _, n := range byText[o.norm] {
				if n.match == nil && (anywhere || home(n) == home(o)) {
					link(o, n)
					break
				}
			}
		}
	}
	type bag struct {
		e     *entity
		words []uint64
	}
	bags := func(es []*entity) []bag {
		var out []bag
		for _, e := range es {
			if e.match == nil {
				out = append(out, bag{e, wordSet(e.text)})
			}
		}
		return out
	}
	ob, nb := bags(olds), bags(news)
	var cands []candidate
	for _, o := range ob {
		ho := home(o.e)
		for _, n := range nb {
			need, bonus := simParagraphElsewhere, 0.0
			if home(n.e) == ho {
				need, bonus = simParagraph, 0.1
			}
			if dice(o.words, n.words) < wordsParagraph || !mayReach(o.e.norm, n.e.norm, need) {
				continue
			}
			if s := Similarity(o.e.text, n.e.text, need); s >= need {
				cands = append(cands, candidate{o.e, n.e, s + bonus})
			}
		}
	}
	greedy(cands)
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
