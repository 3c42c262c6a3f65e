package model

import "testing"

func TestColumn(t *testing.T) {
	for _, c := range []struct {
		in   string
		year int
		kind string
		ok   bool
	}{
		{"2026 planned", 2026, "planned", true},
		{"2025  actual", 2025, "actual", true},
		{"2026 planneda", 2026, "planned", true},
		{"Category and subcategory", 0, "", false},
		{"2027", 0, "", false},
	} {
		y, k, ok := Column(c.in)
		if y != c.year || k != c.kind || ok != c.ok {
			t.Errorf("Column(%q) = %d, %q, %v; want %d, %q, %v", c.in, y, k, ok, c.year, c.kind, c.ok)
		}
	}
}
