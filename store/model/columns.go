package model

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// columnRE reads a deliverables column as printed: a year, then its kind.
var columnRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*((?:19|20)\d\d)\s*(?:[-–]\s*\d{2,4}\s*)?(\pL[\pL ]*?)\s*$`)
})

// columnKinds are the kinds of deliverables columns the budget prints.
var columnKinds = []string{"planned", "actual", "estimated", "estimate", "approved", "proposed", "revised", "projected"}

// Column reads a deliverables column header (Node.Columns) as its year and
// kind: "2026 planned" → 2026, "planned"; a footnote letter after a known
// kind is dropped ("2026 plannedb"). ok is false when the header is not of
// that shape.
func Column(h string) (year int, kind string, ok bool) {
	m := columnRE().FindStringSubmatch(strings.Join(strings.Fields(h), " "))
	if m == nil {
		return 0, "", false
	}
	kind = strings.ToLower(m[2])
	for _, k := range columnKinds {
		if rest, found := strings.CutPrefix(kind, k); found && len(strings.TrimSpace(rest)) <= 1 {
			kind = k
			break
		}
	}
	year, _ = strconv.Atoi(m[1])
	return year, kind, true
}
