package pdf

// Page furniture: running headers, footers, job numbers, page numbers and
// barcodes, removed by position and repetition. Tagged PDFs mark these as
// pagination artifacts (ISO 32000-1:2008 §14.8.2.2.2); untagged ones do
// not, so position and repetition decide, and the artifact flag only helps.

import (
	"regexp"
	"sort"
	"strings"
)

var (
	pageNoRe   = regexp.MustCompile(`^(\d{1,4}\s*/\s*\d{1,4}|-\s*\d{1,4}\s*-|\d{1,4}|第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|Page \d+( of \d+)?)$`)
	jobRe      = regexp.MustCompile(`^\d{2}-\d{5}[A-Z]?$`)
	jobFindRe  = regexp.MustCompile(`\b\d{2}-\d{5}[A-Z]?\b(?:\s*\([A-Z]\))?`)
	langRe     = regexp.MustCompile(`^\([A-Z]{1,2}\)$`)
	date6Re    = regexp.MustCompile(`^\d{6}$`)
	barcodeRe  = regexp.MustCompile(`^\*\d{5,}\*$`)
	symbolRe   = regexp.MustCompile(`^[A-Z]{1,6}(/[A-Za-z0-9.\-]+)+( \([^)]{1,40}\))?(/[A-Za-z0-9.\-]+( [A-Z0-9]{1,3})?)*\*{0,3}$`)
	symbolFind = regexp.MustCompile(`\b[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+(?: \([^)]{1,40}\))?(?:/[A-Za-z0-9.\-]+(?: [A-Z0-9]{1,3}\b)?)*`)
	digitsRe   = regexp.MustCompile(`\d+`)
)

const (
	headerBand = 0.095
	footerBand = 0.905
	edgeLines  = 3
)

func furnitureTokens(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	for i := 0; i < len(f); i++ {
		t := f[i]
		// "4 / 22" split by spaces
		if i+2 < len(f) && f[i+1] == "/" && pageNoRe.MatchString(t+"/"+f[i+2]) {
			i += 2
			continue
		}
		if pageNoRe.MatchString(t) || jobRe.MatchString(t) || langRe.MatchString(t) || date6Re.MatchString(t) || barcodeRe.MatchString(t) {
			continue
		}
		return false
	}
	return true
}

// candidates returns the indexes of a page's lines in its header and footer
// bands (at most edgeLines from each end, in layout order).
func (pt *pageText) candidates() (head, foot []int) {
	for i, l := range pt.lines {
		if l.table != 0 {
			continue
		}
		if l.bottom <= headerBand*pt.h {
			head = append(head, i)
		} else if l.top >= footerBand*pt.h {
			foot = append(foot, i)
		}
	}
	sort.Slice(head, func(a, b int) bool { return pt.lines[head[a]].top < pt.lines[head[b]].top })
	sort.Slice(foot, func(a, b int) bool { return pt.lines[foot[a]].bottom > pt.lines[foot[b]].bottom })
	if len(head) > edgeLines {
		head = head[:edgeLines]
	}
	if len(foot) > edgeLines {
		foot = foot[:edgeLines]
	}
	return head, foot
}

func repKey(s string) string {
	return digitsRe.ReplaceAllString(strings.Join(strings.Fields(s), " "), "#")
}

// removeFurniture marks furniture lines and returns the symbol and job
// number found there.
func removeFurniture(pages []pageText) (symbol, job string) {
	// the candidate lines of each page, found once: their index, trimmed
	// text and repetition key, and whether they are furniture only
	// because they repeat (no page-number, job-number or symbol pattern
	// says so)
	type cand struct {
		i            int
		text, key    string
		byRepetition bool
	}
	cands := make([][]cand, len(pages))
	count := map[string]int{}
	for pi := range pages {
		head, foot := pages[pi].candidates()
		seen := map[string]bool{}
		for _, i := range append(head, foot...) {
			t := strings.TrimSpace(pages[pi].lines[i].text)
			k := repKey(t)
			cands[pi] = append(cands[pi], cand{i: i, text: t, key: k})
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	minRep := 2
	if len(pages) >= 8 {
		minRep = len(pages) / 4
	}
	for pi := range pages {
		pt := &pages[pi]
		for ci := range cands[pi] {
			c := &cands[pi][ci]
			l := &pt.lines[c.i]
			switch {
			case furnitureTokens(c.text):
				l.furniture = true
			case symbolRe.MatchString(c.text) && (pt.page > 1 || count[c.key] >= 2):
				l.furniture = true
			case len(pages) > 1 && count[c.key] >= minRep:
				l.furniture = true
				c.byRepetition = true
			case l.artifact && len(pages) > 1 && count[c.key] >= 2:
				l.furniture = true
				c.byRepetition = true
			}
		}
	}
	// A line is furniture only when its page has other content: a page
	// whose every line repeats across pages (a one-line-per-page
	// document, each page's line at the same spot) keeps those lines.
	for pi := range pages {
		pt := &pages[pi]
		other := false
		for _, l := range pt.lines {
			other = other || !l.furniture
		}
		if other {
			continue
		}
		for _, c := range cands[pi] {
			if c.byRepetition {
				pt.lines[c.i].furniture = false
			}
		}
	}
	symCount := map[string]int{}
	var symOrder []string
	for pi := range pages {
		for _, c := range cands[pi] {
			t := c.text
			if !pages[pi].lines[c.i].furniture {
				continue
			}
			if symbolRe.MatchString(t) || symbolFind.MatchString(t) {
				s := strings.TrimRight(symbolFind.FindString(t), "* ")
				if s != "" {
					if symCount[s] == 0 {
						symOrder = append(symOrder, s)
					}
					symCount[s]++
				}
			}
			if m := jobFindRe.FindString(t); m != "" && (job == "" || len(m) > len(job) && strings.HasPrefix(m, job)) {
				job = m
			}
		}
	}
	for _, s := range symOrder {
		if symbol == "" || symCount[s] > symCount[symbol] {
			symbol = s
		}
	}
	if symbol == "" && len(pages) > 0 {
		// the masthead of the first page
		pt := pages[0]
		for _, l := range pt.lines {
			if l.top > 0.25*pt.h {
				break
			}
			if s := symbolFind.FindString(l.text); s != "" && strings.Contains(s, "/") {
				symbol = strings.TrimRight(s, "* ")
				break
			}
		}
	}
	if job == "" {
		for _, pt := range pages {
			for _, l := range pt.lines {
				if l.furniture {
					continue
				}
				if l.top > footerBand*pt.h {
					if m := jobFindRe.FindString(l.text); m != "" {
						job = m
						break
					}
				}
			}
			if job != "" {
				break
			}
		}
	}
	return symbol, job
}
