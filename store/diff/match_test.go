package diff

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/undoc/undoc/store/model"
)

// Builders of small outputs: ids, labels and markers are made the way the
// segmenter makes them.

func num(i int) *int       { return &i }
func str(s string) *string { return &s }

var romans = []string{"i", "ii", "iii", "iv", "v", "vi"}
var circled = []string{"㈠", "㈡", "㈢", "㈣", "㈤", "㈥"}

// acc is an accomplishment with its indicators' texts; results() numbers them.
func acc(text string, inds ...string) *model.Accomplishment {
	a := &model.Accomplishment{Text: text}
	for _, t := range inds {
		a.Indicators = append(a.Indicators, &model.Indicator{Text: t})
	}
	return a
}

func results(parent string, accs ...*model.Accomplishment) *model.Node {
	n := &model.Node{Kind: model.KindResults, ID: parent + "/results", Accomplishments: accs}
	for i, a := range accs {
		l := string(rune('a' + i))
		a.Label, a.Marker, a.Ordinal, a.ID = str(l), str("("+l+")"), i+1, n.ID+"/"+l
		for j, in := range a.Indicators {
			in.Ordinal = j + 1
			if len(a.Indicators) == 1 {
				in.ID = a.ID + "/1"
				continue
			}
			in.Label, in.Marker, in.ID = str(romans[j]), str(circled[j]), a.ID+"/"+romans[j]
		}
	}
	return n
}

func unit(kind, id string, n int, title string, children ...*model.Node) *model.Node {
	return &model.Node{Kind: kind, ID: id, Number: num(n), Title: title, Children: children}
}

func objective(parent, text string) *model.Node {
	return &model.Node{Kind: model.KindObjective, ID: parent + "/objective", Text: text}
}

func mandates(parent string, items ...string) *model.Node {
	g := &model.MandateGroup{Category: str("大会决议")}
	for _, it := range items {
		number, title, _ := strings.Cut(it, " ")
		g.Items = append(g.Items, &model.Mandate{Number: number, Symbol: str("A/RES/" + number), Title: title})
	}
	return &model.Node{Kind: model.KindMandates, ID: parent + "/mandates/list", Groups: []*model.MandateGroup{g}}
}

func doc(body ...*model.Node) *model.Output {
	return &model.Output{SchemaVersion: model.SchemaVersion, Body: body}
}

// brief lists a report's changes as "kind change old → new".
func brief(r *Report) []string {
	var out []string
	for _, c := range r.Changes {
		o, n := "-", "-"
		if c.Old != nil {
			o = c.Old.ID
			if c.Old.Mandate != nil {
				o += "#" + c.Old.Mandate.Number
			}
		}
		if c.New != nil {
			n = c.New.ID
			if c.New.Mandate != nil {
				n += "#" + c.New.Mandate.Number
			}
		}
		s := fmt.Sprintf("%s %s %s → %s", c.Kind, c.Change, o, n)
		if c.Diff != nil {
			s += " (diff)"
		}
		out = append(out, s)
	}
	return out
}

func check(t *testing.T, old, new *model.Output, want ...string) *Report {
	t.Helper()
	r := Compare(old, new)
	if got := brief(r); !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if r.Identical != (len(want) == 0) {
		t.Errorf("Identical = %v with %d changes", r.Identical, len(want))
	}
	return r
}

const sp = "ch1/prog8/sp2"

// Indicator texts of the kind the seed has.
const (
	indA = "全球和区域两级的新宣言、决议和决定越来越多提到支持内陆发展中国家的内容"
	indB = "联合国系统和国际组织开展的对内陆发展中国家有直接积极影响的联合举措数目增加"
	indC = "内陆发展中国家的南南合作和三角合作举措数目增加"
	indD = "内陆发展中国家开展的私营部门合作举措数目增加"
	indE = "内陆发展中国家的改革或结构转型举措数量增加"
	indF = "设施服务的质量和及时性得到提高"
	accA = "《维也纳行动纲领》得到及时有效的执行"
	accB = "内陆发展中国家切实参与国际贸易体系的能力得到提高"
	accC = "对落实《维也纳行动纲领》的国际支助增加"
)

func plan(res *model.Node, more ...*model.Node) *model.Output {
	children := append([]*model.Node{objective(sp, "使内陆发展中国家能够实现目标"), res}, more...)
	return doc(unit(model.KindProgramme, "ch1/prog8", 8, "最不发达国家",
		unit(model.KindSubprogramme, sp, 2, "内陆发展中国家", children...)))
}

func TestIdentical(t *testing.T) {
	mk := func() *model.Output {
		return plan(results(sp, acc(accA, indA), acc(accB, indB, indC)), mandates("ch1/prog8", "69/137 行动纲领"))
	}
	check(t, mk(), mk())
}

// TestRenumbered: an indicator dropped from the middle of a list; the one
// after it moves up a label. That is a renumbering, not a rewording of ㈡
// and a removal of ㈢.
func TestRenumbered(t *testing.T) {
	old := plan(results(sp, acc(accC, indA, indB, indC)))
	new := plan(results(sp, acc(accC, indA, indC)))
	check(t, old, new,
		"indicator removed "+sp+"/results/a/ii → -",
		"indicator renumbered "+sp+"/results/a/iii → "+sp+"/results/a/ii")
}

// TestMoved: an indicator moved from (b) to (c) keeps its text under a new
// label: one move, not a removal and an addition. (c) going from one
// unmarked indicator to ㈠㈡ is no renumbering of its first.
func TestMoved(t *testing.T) {
	old := plan(results(sp, acc(accA, indA), acc(accB, indB, indC, indE), acc(accC, indD)))
	new := plan(results(sp, acc(accA, indA), acc(accB, indB, indC), acc(accC, indD, indE)))
	check(t, old, new, "indicator moved "+sp+"/results/b/iii → "+sp+"/results/c/ii")
}

// TestMovedOntoDroppedLabel: the moved indicator takes the id of one that
// was dropped; matching by id alone would call it a rewording.
func TestMovedOntoDroppedLabel(t *testing.T) {
	old := plan(results(sp, acc(accB, indB, indC, indE), acc(accC, indA, indB+"。", indC+"。", indD)))
	new := plan(results(sp, acc(accB, indB, indC), acc(accC, indA, indB+"。", indC+"。", indE)))
	check(t, old, new,
		"indicator removed "+sp+"/results/b/iv → -",
		"indicator moved "+sp+"/results/a/iii → "+sp+"/results/b/iv")
}

func TestReworded(t *testing.T) {
	old := plan(results(sp, acc(accC, indA, indB)))
	reworded := strings.Replace(indB, "联合国系统和国际组织", "联合国系统、国际组织和区域组织", 1)
	r := check(t, old, plan(results(sp, acc(accC, indA, reworded))),
		"indicator reworded "+sp+"/results/a/ii → "+sp+"/results/a/ii (diff)")
	c := r.Changes[0]
	if a, b := sides(c.Diff); a != indB || b != reworded {
		t.Errorf("the diff rebuilds %q and %q", a, b)
	}
	if c.Similarity == nil || *c.Similarity < 0.9 || *c.Similarity >= 1 {
		t.Errorf("similarity %v", c.Similarity)
	}
	// Spacing alone is no rewording.
	spaced := strings.Replace(indB, "联合国", "联合国 ", 1)
	check(t, old, plan(results(sp, acc(accC, indA, spaced))))
}

// TestMovedAndReworded: moved to another accomplishment and edited on the
// way; still one change, carrying the diff.
func TestMovedAndReworded(t *testing.T) {
	old := plan(results(sp, acc(accB, indB, indE), acc(accC, indA)))
	new := plan(results(sp, acc(accB, indB), acc(accC, indA, strings.Replace(indE, "数量", "数目", 1))))
	check(t, old, new, "indicator moved "+sp+"/results/a/ii → "+sp+"/results/b/ii (diff)")
}

// TestShiftedAccomplishments: (a) dropped, so (b) and (c) become (a) and
// (b); the first is also reworded. Their indicators went with them and are
// not reported.
func TestShiftedAccomplishments(t *testing.T) {
	old := plan(results(sp, acc(accA, indF), acc(accB, indA, indB), acc(accC, indC)))
	new := plan(results(sp, acc(accB+"和加强", indA, indB), acc(accC, indC)))
	check(t, old, new,
		"accomplishment removed "+sp+"/results/a → -",
		"accomplishment renumbered "+sp+"/results/b → "+sp+"/results/a (diff)",
		"accomplishment renumbered "+sp+"/results/c → "+sp+"/results/b")
}

// TestRewrittenAccomplishment: the text of (b) changed beyond similarity,
// but it kept its indicators: the same accomplishment, reworded.
func TestRewrittenAccomplishment(t *testing.T) {
	old := plan(results(sp, acc(accA, indA), acc(accB, indB, indC)))
	new := plan(results(sp, acc(accA, indA), acc("贸易便利化", indB, indC)))
	check(t, old, new, "accomplishment reworded "+sp+"/results/b → "+sp+"/results/b (diff)")
}

func TestAccomplishmentAdded(t *testing.T) {
	old := plan(results(sp, acc(accA, indA)))
	new := plan(results(sp, acc(accA, indA), acc(accC, indB, indC)))
	// Its indicators come with it and are not listed on their own.
	check(t, old, new, "accomplishment added - → "+sp+"/results/b")
}

func TestObjectiveReworded(t *testing.T) {
	old := plan(results(sp, acc(accA, indA)))
	new := plan(results(sp, acc(accA, indA)))
	new.Body[0].Children[0].Children[0].Text = "使内陆发展中国家能够实现可持续发展目标"
	check(t, old, new, "objective reworded "+sp+"/objective → "+sp+"/objective (diff)")
}

// TestUnits: a subprogramme inserted before two others, which keep their
// titles under new numbers (renumbered, their contents unreported); one
// renamed in place; a component removed with everything in it.
func TestUnits(t *testing.T) {
	p := "ch1/prog25"
	old := doc(unit(model.KindProgramme, p, 25, "管理和支助服务",
		unit(model.KindSubprogramme, p+"/sp2", 2, "甲方案", results(p+"/sp2", acc(accA, indA))),
		unit(model.KindSubprogramme, p+"/sp3", 3, "乙方案", results(p+"/sp3", acc(accB, indB))),
		unit(model.KindSubprogramme, p+"/sp5", 5, "信息和通信技术业务",
			unit(model.KindComponent, p+"/sp5/comp1", 1, "企业托管服务", results(p+"/sp5/comp1", acc(accC, indC))),
			unit(model.KindComponent, p+"/sp5/comp2", 2, "企业服务台", results(p+"/sp5/comp2", acc(indF, indD))))))
	new := doc(unit(model.KindProgramme, p, 25, "管理和支助服务",
		unit(model.KindSubprogramme, p+"/sp2", 2, "新方案", results(p+"/sp2", acc(indE, indE))),
		unit(model.KindSubprogramme, p+"/sp3", 3, "甲方案", results(p+"/sp3", acc(accA, indA))),
		unit(model.KindSubprogramme, p+"/sp4", 4, "乙方案", results(p+"/sp4", acc(accB, indB))),
		unit(model.KindSubprogramme, p+"/sp5", 5, "信息和通信技术业务和服务交付",
			unit(model.KindComponent, p+"/sp5/comp1", 1, "企业托管服务", results(p+"/sp5/comp1", acc(accC, indC))))))
	check(t, old, new,
		"subprogramme added - → "+p+"/sp2",
		"subprogramme renumbered "+p+"/sp2 → "+p+"/sp3",
		"subprogramme renumbered "+p+"/sp3 → "+p+"/sp4",
		"subprogramme renamed "+p+"/sp5 → "+p+"/sp5 (diff)",
		"component removed "+p+"/sp5/comp2 → -")
}

func TestMandates(t *testing.T) {
	old := doc(
		unit(model.KindProgramme, "ch1/prog8", 8, "甲", mandates("ch1/prog8", "69/137 行动纲领", "69/15 快速行动方式")),
		unit(model.KindProgramme, "ch1/prog9", 9, "乙", mandates("ch1/prog9", "68/1 决议")))
	new := doc(
		unit(model.KindProgramme, "ch1/prog8", 8, "甲", mandates("ch1/prog8", "69/137 行动纲领", "68/1 决议", "69/213 交通运输走廊")),
		unit(model.KindProgramme, "ch1/prog9", 9, "乙"))
	// 68/1 went from programme 9 to 8: listed still, so neither added nor
	// removed. A removal is listed after what preceded it.
	check(t, old, new,
		"mandate removed ch1/prog8/mandates/list#69/15 → -",
		"mandate added - → ch1/prog8/mandates/list#69/213")
}
