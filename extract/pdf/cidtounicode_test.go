package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cidFont is a Type 0 font of the Adobe-Japan1 collection with the given
// encoding and no ToUnicode map.
func cidFont(enc string) string {
	return "<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light-" + strings.TrimPrefix(enc, "/") + " /Encoding " + enc +
		" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /DW 1000 >>] >>"
}

// withCIDTables makes the extraction read CID-to-Unicode tables from the
// directories in UNDOC_CID_TO_UNICODE (then the system places), for this
// test only; every new value is read afresh.
func withCIDTables(t *testing.T, env string) {
	t.Helper()
	t.Setenv(cidTableEnv, env)
	saved := systemCIDTables
	systemCIDTables = &cidTables{dirs: saved.dirs}
	t.Cleanup(func() { systemCIDTables = saved })
}

// TestCIDToUnicodeTable: a font without ToUnicode map whose encoding gives
// CIDs is decoded through the table of its collection, read from the
// directory UNDOC_CID_TO_UNICODE names; in vertical writing the vertical
// presentation forms the table gives read as the ordinary characters.
func TestCIDToUnicodeTable(t *testing.T) {
	dir := t.TempDir()
	// CID 1 一, 2 none, 3 ︵, 4 ︶, 5 ︑, 6 二 (beyond 6: none)
	if err := os.WriteFile(filepath.Join(dir, "Adobe-Japan1"), []byte("0000\n4e00\n0000\nfe35\nfe36\nfe11\n4e8c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withCIDTables(t, dir)
	cases := []struct{ enc, show, want string }{
		{"/Identity-H", "<0001000600030004>", "一二︵︶"},
		{"/Identity-V", "<00030001000500060004>", "（一、二）"},
		{"/Identity-H", "<00010002>", "一\uFFFD"},
		{"/Identity-H", "<00010007>", "一\uFFFD"},
	}
	for _, c := range cases {
		res := mustExtract(t, onePage("/F1 "+cidFont(c.enc), "BT /F1 20 Tf 1 0 0 1 100 700 Tm "+c.show+" Tj ET", nil, ""))
		if got := allText(res); got != c.want {
			t.Errorf("%s %s: got %q, want %q", c.enc, c.show, got, c.want)
		}
		for _, d := range res.Diagnostics {
			if d.Code == "cid-table-missing" {
				t.Errorf("%s: %+v", c.enc, d)
			}
		}
	}
}

// TestCIDToUnicodeTableMissing: without the table the text is U+FFFD and
// a diagnostic names the font, the table, where it was looked for and how
// to install it; the confidence says the text is not there.
func TestCIDToUnicodeTableMissing(t *testing.T) {
	empty := t.TempDir()
	withCIDTables(t, empty)
	systemCIDTables.dirs = func() []string { return []string{empty} } // not the system's poppler-data
	res := mustExtract(t, onePage("/F1 "+cidFont("/Identity-V"), "BT /F1 20 Tf 1 0 0 1 100 700 Tm <000100020003> Tj ET", nil, ""))
	if got := allText(res); got != "\uFFFD\uFFFD\uFFFD" {
		t.Errorf("got %q", got)
	}
	var missing, undecodable bool
	for _, d := range res.Diagnostics {
		switch d.Code {
		case "cid-table-missing":
			missing = d.Font == "Ryumin-Light-Identity-V" && strings.Contains(d.Message, "Adobe-Japan1") &&
				strings.Contains(d.Message, empty) && strings.Contains(d.Message, "poppler-data") && strings.Contains(d.Message, cidTableEnv)
			t.Log(d.Message)
		case "undecodable-text":
			undecodable = d.Font != ""
		}
	}
	if !missing || !undecodable || res.Confidence > 0.1 {
		t.Errorf("confidence %.2f, diagnostics %+v", res.Confidence, res.Diagnostics)
	}
}

// TestUnknownCMapNotThroughCIDTable: under a predefined CMap undoc does
// not know, the codes are not CIDs, so the collection's table must not
// turn them into plausible text: they stay U+FFFD, with unknown-cmap.
func TestUnknownCMapNotThroughCIDTable(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Adobe-Japan1"), []byte("0000\n4e00\n0000\nfe35\nfe36\nfe11\n4e8c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withCIDTables(t, dir)
	res := mustExtract(t, onePage("/F1 "+cidFont("/NoSuch-RKSJ-H"), "BT /F1 20 Tf 1 0 0 1 100 700 Tm <00010006> Tj ET", nil, ""))
	if got := allText(res); strings.ContainsAny(got, "一二") {
		t.Errorf("got %q: codes of an unknown CMap read as CIDs", got)
	}
	unknown := false
	for _, d := range res.Diagnostics {
		unknown = unknown || d.Code == "unknown-cmap"
	}
	if !unknown {
		t.Errorf("no unknown-cmap diagnostic: %+v", res.Diagnostics)
	}
}

// TestParseCIDTable: poppler's format, and what is refused.
func TestParseCIDTable(t *testing.T) {
	uni, err := parseCIDTable("0000\n00a0\n28cdd\n\n0021\n")
	if err != nil || len(uni) != 5 || uni[1] != 0xA0 || uni[2] != 0x28CDD || uni[3] != 0 || uni[4] != '!' {
		t.Errorf("%v %x", err, uni)
	}
	for _, bad := range []string{"zz\n", "110000\n", "d800\n"} {
		if _, err := parseCIDTable(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if _, err := (&cidTables{dirs: func() []string { return nil }}).table("../../etc/passwd"); err == nil {
		t.Error("a path was accepted as a collection")
	}
}
