package pdf

import "testing"

func TestLexerStringsAndDicts(t *testing.T) {
	l := &lexer{b: []byte(`(plain) (a\)b) (nested (x) y) (line\
end) <48656C6C6F> <414> /Name#20x Tj BDC << /MCID 3 /ActualText (fi) /Sub << /ActualText (no) >> >> EMC`)}
	want := []string{"plain", "a)b", "nested (x) y", "lineend", "Hello", "A@", "Name x"}
	for _, w := range want {
		tk, o, _ := l.next()
		if tk != tOperand || o.s != w {
			t.Fatalf("got %v %q, want %q", tk, o.s, w)
		}
	}
	for _, w := range []string{"Tj", "BDC"} {
		if tk, _, op := l.next(); tk != tOp || op != w {
			t.Fatalf("got %v %q, want operator %s", tk, op, w)
		}
	}
	if tk, _, _ := l.next(); tk != tDictOpen {
		t.Fatalf("got %v, want <<", tk)
	}
	d := l.dictEntry("ActualText")
	if v, ok := d.key("ActualText"); !ok || v.s != "fi" || len(d.a) != 2 {
		t.Errorf("dictionary %+v", d)
	}
	if _, _, op := l.next(); op != "EMC" {
		t.Errorf("after the dictionary: %q", op)
	}
}
