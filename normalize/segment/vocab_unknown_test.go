package segment

import (
	"strings"
	"testing"
)

// TestParseVocabUnknownField: a key the vocabulary does not know (a typo,
// or a field since removed such as table_header_words) is an error, not
// silently ignored; the bundled vocabularies have none.
func TestParseVocabUnknownField(t *testing.T) {
	for _, bad := range []string{`{"table_header_words": ["否"]}`, `{"headings": [{"title": "x", "slug": "x", "subtitel": "story"}]}`} {
		if _, err := ParseVocab([]byte(bad)); err == nil || !strings.Contains(err.Error(), "unknown field") {
			t.Errorf("%s: err %v, want an unknown field error", bad, err)
		}
	}
	if _, err := ParseVocab([]byte(`{"name": "x"} {"name": "y"}`)); err == nil {
		t.Error("text after the vocabulary's object: no error")
	}
	for _, name := range []string{"zh-programme-plan", "en-budget"} {
		if _, err := LoadVocab(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
