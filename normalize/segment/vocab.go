package segment

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
)

//go:embed vocab/*.json
var vocabFiles embed.FS

// HeadingWord is an unnumbered heading the vocabulary knows.
type HeadingWord struct {
	Title string `json:"title"`
	// Pattern matches headings that vary by edition ("Programme
	// performance in 2025"), when Title is empty.
	Pattern string `json:"pattern"`
	Slug    string `json:"slug"`
	// Level 2 nests the heading below the level-1 heading before it
	// ("Mandates and background" below "Overall orientation").
	Level int `json:"level"`
	// Scope "programme" makes the heading close any open subprogramme, as a
	// programme's list of mandates does; "result" keeps it inside an open
	// result. Other headings close any open result.
	Scope    string `json:"scope"`
	Mandates bool   `json:"mandates"`
	// Subtitle, when set, is the slug of the title that may follow the
	// heading, unnumbered, before the next block: the title of the story
	// "Programme performance in 2025" tells ("story"), the programme's
	// title after "Programme of work" in a section without subprogrammes
	// ("title"). The title becomes a heading below this one.
	Subtitle string `json:"subtitle"`
	// OneResult: the heading announces a single result ("Planned result
	// for 2026"), which may be printed without its "Result 1:" label; a
	// heading the source marks by layout below it opens that result.
	OneResult bool `json:"one_result"`

	pat *pattern // Pattern compiled; nil when the heading is its Title
}

// Vocab is the wording of one language and document format.
type Vocab struct {
	Name     string `json:"name"`
	Language string `json:"language"`
	// Format says, for people, which documents the vocabulary is for
	// and where its words were seen; the segmenter does not read it.
	Format            string        `json:"format"`
	Chapter           string        `json:"chapter"`
	Section           string        `json:"section"`
	Programme         string        `json:"programme"`
	Subprogramme      string        `json:"subprogramme"`
	Component         string        `json:"component"`
	Result            string        `json:"result"`
	Paragraph         string        `json:"paragraph"`
	ParagraphDotted   string        `json:"paragraph_dotted"`
	TableCaption      string        `json:"table_caption"`
	FigureCaption     string        `json:"figure_caption"`
	Headings          []HeadingWord `json:"headings"`
	ObjectivePrefixes []string      `json:"objective_prefixes"`
	// ObjectiveHeadings head an objective given as a paragraph (the budget
	// format since 2020), whose lead-in formula ObjectiveLead is left out
	// of the objective's text.
	ObjectiveHeadings []string `json:"objective_headings"`
	ObjectiveLead     string   `json:"objective_lead"`
	// DeliverablesTitle, found in a table's title, makes the table a
	// deliverables table.
	DeliverablesTitle string `json:"deliverables_title"`
	// DeliverablesHeader is the first column's header of a deliverables
	// table ("Category and subcategory"): header, not title nor row.
	DeliverablesHeader []string `json:"deliverables_header"`
	ResultsHeader      struct {
		Accomplishments []string `json:"accomplishments"`
		Indicators      []string `json:"indicators"`
	} `json:"results_header"`
	MandateCategories []struct {
		Title        string `json:"title"`
		SymbolPrefix string `json:"symbol_prefix"`
	} `json:"mandate_categories"`
	MandateItem       string   `json:"mandate_item"`
	TableNotePrefixes []string `json:"table_note_prefixes"`

	re struct {
		chapter, section, programme, subprogramme, component pattern
		paragraph, paragraphDotted, table, figure, mandate   pattern
		result                                               pattern
		objectiveLead, deliverables                          *regexp.Regexp
	}
	gate gate // first runes of every pattern and word
}

// LoadVocab reads a bundled vocabulary by name, e.g. "zh-programme-plan".
func LoadVocab(name string) (*Vocab, error) {
	b, err := vocabFiles.ReadFile("vocab/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("segment: no vocabulary %q", name)
	}
	return ParseVocab(b)
}

// ParseVocab reads a vocabulary from JSON and compiles its patterns.
func ParseVocab(b []byte) (*Vocab, error) {
	v := &Vocab{}
	// a key the vocabulary does not know is a typo or a field since
	// removed: refused, never ignored
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return nil, fmt.Errorf("segment: vocabulary: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("segment: vocabulary: text after the JSON object")
	}
	for _, p := range []struct {
		dst *pattern
		src string
		key string
	}{
		{&v.re.chapter, v.Chapter, "chapter"},
		{&v.re.section, v.Section, "section"},
		{&v.re.programme, v.Programme, "programme"},
		{&v.re.subprogramme, v.Subprogramme, "subprogramme"},
		{&v.re.component, v.Component, "component"},
		{&v.re.paragraph, v.Paragraph, "paragraph"},
		{&v.re.paragraphDotted, v.ParagraphDotted, "paragraph_dotted"},
		{&v.re.table, v.TableCaption, "table_caption"},
		{&v.re.figure, v.FigureCaption, "figure_caption"},
		{&v.re.mandate, v.MandateItem, "mandate_item"},
		{&v.re.result, v.Result, "result"},
	} {
		if p.src == "" {
			continue // the language has no such construct: its gate stays shut
		}
		pat, err := compilePattern(p.src)
		if err != nil {
			return nil, fmt.Errorf("segment: vocabulary %s: %s: %w", v.Name, p.key, err)
		}
		*p.dst = *pat
		v.gate.add(p.src)
	}
	for i := range v.Headings {
		h := &v.Headings[i]
		if h.Pattern == "" {
			v.gate.addWord(h.Title)
			continue
		}
		pat, err := compilePattern(h.Pattern)
		if err != nil {
			return nil, fmt.Errorf("segment: vocabulary %s: heading %q: %w", v.Name, h.Pattern, err)
		}
		h.pat = pat
		v.gate.add(h.Pattern)
	}
	for _, h := range v.ObjectiveHeadings {
		v.gate.addWord(h)
	}
	for _, x := range []struct {
		dst **regexp.Regexp
		src string
	}{{&v.re.objectiveLead, v.ObjectiveLead}, {&v.re.deliverables, v.DeliverablesTitle}} {
		if x.src == "" {
			continue
		}
		re, err := regexp.Compile(x.src)
		if err != nil {
			return nil, fmt.Errorf("segment: vocabulary %s: %w", v.Name, err)
		}
		*x.dst = re
	}
	for _, r := range "一二三四五六七八九十" { // 一、 sections
		v.gate.addWord(string(r))
	}
	for _, p := range v.ObjectivePrefixes {
		v.gate.addWord(p)
	}
	for _, p := range v.ResultsHeader.Accomplishments {
		v.gate.addWord(p)
	}
	for _, c := range v.MandateCategories {
		v.gate.addWord(c.Title)
	}
	v.gate.seal()
	return v, nil
}

// pattern is a compiled regular expression with a gate on its first rune
// and the literal text every match holds.
type pattern struct {
	re   *regexp.Regexp
	gate gate
	need string // requiredLiteral: "" when there is none
}

// compilePattern compiles src with its gate and required literal.
func compilePattern(src string) (*pattern, error) {
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	p := &pattern{re: re, need: requiredLiteral(src)}
	p.gate.add(src)
	p.gate.seal()
	return p, nil
}

// find returns the submatches of s, or nil.
func (p *pattern) find(s string) []string {
	if !p.gate.open(s) || !strings.Contains(s, p.need) {
		return nil
	}
	return p.re.FindStringSubmatch(s)
}

// match reports whether s matches.
func (p *pattern) match(s string) bool {
	return p.gate.open(s) && strings.Contains(s, p.need) && p.re.MatchString(s)
}

// heading returns the vocabulary entry for an unnumbered heading line.
func (v *Vocab) heading(s string) *HeadingWord {
	for i := range v.Headings {
		h := &v.Headings[i]
		if h.pat == nil && s == h.Title || h.pat != nil && h.pat.match(s) {
			return h
		}
	}
	return nil
}

// objectiveHeading reports whether s heads an objective paragraph.
func (v *Vocab) objectiveHeading(s string) bool {
	return contains(v.ObjectiveHeadings, s)
}

// objectiveText is an objective paragraph's text without its lead-in.
func (v *Vocab) objectiveText(s string) string {
	if v.re.objectiveLead == nil {
		return s
	}
	if loc := v.re.objectiveLead.FindStringIndex(s); loc != nil {
		return s[loc[1]:]
	}
	return s
}

// deliverablesHeader reports whether s is the first column's header of a
// deliverables table.
func (v *Vocab) deliverablesHeader(s string) bool {
	return contains(v.DeliverablesHeader, s)
}

// deliverablesTable reports whether a table's title makes it a table of
// deliverables.
func (v *Vocab) deliverablesTable(title string) bool {
	return v.re.deliverables != nil && v.re.deliverables.MatchString(title)
}

// objective returns the text after an objective prefix.
func (v *Vocab) objective(s string) (string, bool) {
	for _, p := range v.ObjectivePrefixes {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):]), true
		}
	}
	return "", false
}

// resultsHeader reports whether s is the header row of a result table:
// an accomplishments word followed by an indicators word.
func (v *Vocab) resultsHeader(s string) bool {
	for _, a := range v.ResultsHeader.Accomplishments {
		if !strings.HasPrefix(s, a) {
			continue
		}
		rest := strings.TrimSpace(s[len(a):])
		for _, i := range v.ResultsHeader.Indicators {
			if rest == i {
				return true
			}
		}
	}
	return false
}

// mandateCategory returns the symbol prefix of a mandate category line.
func (v *Vocab) mandateCategory(s string) (string, bool) {
	for _, c := range v.MandateCategories {
		if s == c.Title {
			return c.SymbolPrefix, true
		}
	}
	return "", false
}

func (v *Vocab) tableNote(s string) bool {
	for _, p := range v.TableNotePrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
