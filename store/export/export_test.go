package export

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/rs/zerolog"

	"github.com/undoc/undoc/store/catalog"
	"github.com/undoc/undoc/store/run"
)

// buildStore runs the seed document in three formats, plus a trimmed
// variant and an empty file, into a new store.
func buildStore(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	os.MkdirAll(in, 0o755)
	for _, name := range []string{"seed.txt", "seed.gbk.html", "seed-chromium.pdf", "pdf/A_81_6_Sect.25.pdf"} {
		b, err := os.ReadFile(filepath.Join("../../testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, filepath.Base(name)), b, 0o644)
	}
	seed, _ := os.ReadFile("../../testdata/seed.txt")
	// The variant lacks programme 25: other counts per subprogramme.
	if i := bytes.Index(seed, []byte("\n  方案 25")); i > 0 {
		os.WriteFile(filepath.Join(in, "short.txt"), seed[:i], 0o644)
	} else {
		t.Fatal("seed has no programme 25")
	}
	os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644)
	dir := filepath.Join(tmp, "store")
	st, err := run.OpenStore(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ins, err := run.Expand([]string{in}, nil, "zh")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := run.Run(context.Background(), st, ins, run.Options{Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	if s := rep.Summary; s.Extracted != 5 || s.Failed != 1 {
		t.Fatalf("%+v %v", s, rep.Failures)
	}
	return dir
}

type spKey struct {
	doc                    string // the document's source URI
	programme, subprogramm string
}

// jsonCounts counts indicators per document, programme and subprogramme
// straight from the stored JSON, without the export's code.
func jsonCounts(t *testing.T, store string) map[spKey]int {
	t.Helper()
	cat, err := catalog.OpenReadOnly(context.Background(), filepath.Join(store, catalog.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	docs, err := cat.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	counts := map[spKey]int{}
	for _, d := range docs {
		if d.JSONPath == "" {
			continue
		}
		var out struct {
			Document struct {
				Source struct{ URI string } `json:"source"`
			} `json:"document"`
			Body []any `json:"body"`
		}
		b, err := os.ReadFile(filepath.Join(store, d.JSONPath))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		var walk func(nodes []any, prog, sp string)
		walk = func(nodes []any, prog, sp string) {
			for _, x := range nodes {
				n := x.(map[string]any)
				switch n["kind"] {
				case "chapter":
					prog, sp = "", ""
				case "programme":
					prog, sp = fmt.Sprint(n["number"]), ""
				case "subprogramme":
					sp = fmt.Sprint(n["number"])
				case "results":
					for _, a := range n["accomplishments"].([]any) {
						counts[spKey{out.Document.Source.URI, prog, sp}] += len(a.(map[string]any)["indicators"].([]any))
					}
				}
				if c, ok := n["children"].([]any); ok {
					walk(c, prog, sp)
				}
			}
		}
		walk(out.Body, "", "")
	}
	return counts
}

// TestSQLiteIndicatorsPerSubprogramme exports to SQLite and checks that
// counting indicators per subprogramme in SQL gives what the JSON says.
func TestSQLiteIndicatorsPerSubprogramme(t *testing.T) {
	store := buildStore(t)
	out := filepath.Join(t.TempDir(), "undoc.sqlite")
	c, err := SQLite(context.Background(), store, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("rows: %v", c.Rows)
	db, err := sql.Open("sqlite", out+"?_query_only=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`
		SELECT d.source_uri, coalesce(i.programme, ''), coalesce(i.subprogramme, ''), count(*)
		FROM indicators i JOIN documents d USING (doc_id)
		GROUP BY d.source_uri, i.programme, i.subprogramme`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[spKey]int{}
	for rows.Next() {
		var k spKey
		var n int
		if err := rows.Scan(&k.doc, &k.programme, &k.subprogramm, &n); err != nil {
			t.Fatal(err)
		}
		got[k] = n
	}
	rows.Close()
	want := jsonCounts(t, store)
	if len(want) < 10 {
		t.Fatalf("only %d (document, subprogramme) pairs with indicators: %v", len(want), want)
	}
	if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
		t.Errorf("indicators per subprogramme:\nSQL  %v\nJSON %v", sorted(got), sorted(want))
	}
	// The seed's counts, checked by hand (TestSeedStructure).
	var ind, acc, man int
	q := func(sql string, dst *int) {
		if err := db.QueryRow(sql).Scan(dst); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT count(*) FROM indicators WHERE doc_id = (SELECT doc_id FROM documents WHERE source_uri = 'file:seed.txt')`, &ind)
	q(`SELECT count(*) FROM accomplishments WHERE doc_id = (SELECT doc_id FROM documents WHERE source_uri = 'file:seed.txt')`, &acc)
	q(`SELECT count(*) FROM mandates WHERE doc_id = (SELECT doc_id FROM documents WHERE source_uri = 'file:seed.txt')`, &man)
	if ind != 64 || acc != 41 || man != 2 {
		t.Errorf("seed: %d indicators, %d accomplishments, %d mandates; want 64, 41, 2", ind, acc, man)
	}
	// Every row of the tree tables carries its node id; component rows their component.
	var missing, comps, refs int
	q(`SELECT count(*) FROM indicators WHERE node_id IS NULL OR indicator_id IS NULL OR doc_id IS NULL`, &missing)
	q(`SELECT count(*) FROM indicators WHERE component IS NOT NULL AND indicator_id LIKE '%/comp' || component || '/%'`, &comps)
	q(`SELECT count(*) FROM refs`, &refs)
	if missing != 0 || comps == 0 || refs != c.Rows["references"] {
		t.Errorf("missing ids %d, component rows %d, refs view %d of %d", missing, comps, refs, c.Rows["references"])
	}
	var status, errText string
	if err := db.QueryRow(`SELECT status, error FROM documents WHERE key LIKE '%empty.txt'`).Scan(&status, &errText); err != nil || status != "failed" || errText == "" {
		t.Errorf("failed document's row: %q %q %v", status, errText, err)
	}
	// Exporting again replaces the file.
	if _, err := SQLite(context.Background(), store, out); err != nil {
		t.Fatal(err)
	}
}

func sorted(m map[spKey]int) []string {
	var s []string
	for k, v := range m {
		s = append(s, fmt.Sprintf("%s|%s|%s=%d", k.doc, k.programme, k.subprogramm, v))
	}
	sort.Strings(s)
	return s
}

// TestSQLiteTableCells: the cells of the seed's captioned tables, one row
// each, the same from the text dump, the HTML page and the PDF.
func TestSQLiteTableCells(t *testing.T) {
	store := buildStore(t)
	out := filepath.Join(t.TempDir(), "undoc.sqlite")
	if _, err := SQLite(context.Background(), store, out); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", out+"?_query_only=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, src := range []string{"file:seed.txt", "file:seed.gbk.html", "file:seed-chromium.pdf"} {
		var n int
		var head, text string
		err := db.QueryRow(`SELECT count(*) FROM table_cells JOIN documents USING (doc_id) WHERE source_uri = ?`, src).Scan(&n)
		if err == nil {
			err = db.QueryRow(`SELECT column_header, replace(text, ' ', '') FROM table_cells JOIN documents USING (doc_id)
				WHERE source_uri = ? AND table_number = 3 AND row = 2 AND col = 3`, src).Scan(&head, &text)
		}
		// 4 tables: 3 + 2×3, 3 + 2×3, 4 + 3×4, 4 + 3×4 cells
		if err != nil || n != 50 || head != "部分" || text != "指出对最终用户的益处，但只在有限程度上指出最终预期成果" {
			t.Errorf("%s: %d cells, table 3 row 2 column 3 under %q: %q (%v)", src, n, head, text, err)
		}
	}
}

// TestCSV writes the same tables as CSV: one file per table, a header,
// as many rows as the SQLite export.
func TestCSV(t *testing.T) {
	store := buildStore(t)
	dir := filepath.Join(t.TempDir(), "csv")
	c, err := CSV(context.Background(), store, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range Tables() {
		f, err := os.Open(filepath.Join(dir, tb.Name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tb.Name, err)
		}
		if len(recs)-1 != c.Rows[tb.Name] || len(recs[0]) != len(tb.Columns) || recs[0][0] != "doc_id" {
			t.Errorf("%s.csv: %d rows (want %d), header %v", tb.Name, len(recs)-1, c.Rows[tb.Name], recs[0])
		}
		if tb.Name != "documents" && c.Rows[tb.Name] == 0 {
			t.Errorf("%s: no rows", tb.Name)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(Tables()) {
		t.Errorf("%d files in the CSV folder, want %d", len(ents), len(Tables()))
	}
}

// TestCSVBOM: with bom every file starts with EF BB BF and is otherwise
// the same as without.
func TestCSVBOM(t *testing.T) {
	store := buildStore(t)
	plain, marked := filepath.Join(t.TempDir(), "plain"), filepath.Join(t.TempDir(), "bom")
	if _, err := CSV(context.Background(), store, plain, false); err != nil {
		t.Fatal(err)
	}
	if _, err := CSV(context.Background(), store, marked, true); err != nil {
		t.Fatal(err)
	}
	for _, tb := range Tables() {
		a, _ := os.ReadFile(filepath.Join(plain, tb.Name+".csv"))
		b, _ := os.ReadFile(filepath.Join(marked, tb.Name+".csv"))
		if !bytes.Equal(b, append([]byte("\xEF\xBB\xBF"), a...)) || bytes.HasPrefix(a, []byte("\xEF")) {
			t.Errorf("%s.csv: %.20q with --bom, %.20q without", tb.Name, b, a)
		}
	}
}

func TestNoStore(t *testing.T) {
	if _, err := SQLite(context.Background(), t.TempDir(), filepath.Join(t.TempDir(), "x.sqlite")); err == nil {
		t.Error("export of an empty folder did not fail")
	}
}

func TestCellNumber(t *testing.T) {
	cases := map[string]any{
		"1 234.5": 1234.5, "1,234.5": 1234.5, "12": 12.0, "-12": -12.0, "(1 234)": -1234.0, "82%": 82.0,
		"0.5": 0.5, "1 234 567": 1234567.0, "−3": -3.0, "1\u00A0000": 1000.0,
		"–": nil, "": nil, "2016-2017": nil, "12 34": nil, "1 2345": nil, "员额": nil, "12 个": nil, "A/69/6": nil, "1.2.3": nil,
	}
	for in, want := range cases {
		v, ok := cellNumber(in)
		if want == nil {
			if ok {
				t.Errorf("cellNumber(%q) = %v, want no number", in, v)
			}
		} else if !ok || v != want.(float64) {
			t.Errorf("cellNumber(%q) = %v, %v; want %v", in, v, ok, want)
		}
	}
}

// TestSQLiteBudget: the budget format's tables, on A/81/6 (Sect. 25). The
// figures were read off the PDF by hand (page 8, table 25.1; the results
// on pages 5-7; the mandates on pages 7-8).
func TestSQLiteBudget(t *testing.T) {
	store := buildStore(t)
	db := filepath.Join(t.TempDir(), "undoc.sqlite")
	if _, err := SQLite(context.Background(), store, db); err != nil {
		t.Fatal(err)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sect := `(SELECT doc_id FROM documents WHERE symbol = 'A/81/6 (Sect. 25)/Part A')`
	var v2026, v2027 float64
	err = conn.QueryRow(`SELECT a.value, b.value FROM deliverables a JOIN deliverables b
		ON a.doc_id = b.doc_id AND a.node_id = b.node_id AND a.row_ordinal = b.row_ordinal AND a.category = b.category
		AND a.item_label IS b.item_label
		WHERE a.doc_id = `+sect+` AND a.row_text = 'Parliamentary documentation (number of documents)' AND a.item_label IS NULL
		AND a.year = 2026 AND a.kind = 'planned' AND b.year = 2027 AND b.kind = 'planned'`).Scan(&v2026, &v2027)
	if err != nil || v2026 != 41 || v2027 != 34 {
		t.Errorf("parliamentary documentation, 2026 and 2027 planned: %v, %v (%v); want 41, 34", v2026, v2027, err)
	}
	var dash int
	conn.QueryRow(`SELECT count(*) FROM deliverables WHERE doc_id = ` + sect + ` AND item_label = '2' AND value IS NULL`).Scan(&dash)
	if dash != 1 { // "1 – 1 1": 2025 actual
		t.Errorf("item 2: %d null values, want 1", dash)
	}
	var results int
	var title string
	conn.QueryRow(`SELECT count(*), max(CASE WHEN number = 3 THEN title END) FROM results WHERE doc_id = `+sect).Scan(&results, &title)
	if results != 3 || title != "increased adherence to international conventions on statelessness" {
		t.Errorf("%d results, result 3 %q", results, title)
	}
	var ga, none int
	conn.QueryRow(`SELECT count(CASE WHEN organ = 'General Assembly' THEN 1 END), count(CASE WHEN organ IS NULL THEN 1 END)
		FROM mandates WHERE doc_id = `+sect).Scan(&ga, &none)
	if ga != 12 || none != 8 { // testdata/un-en/mandates-Sect.25.tsv: 12 resolutions, 8 conventions
		t.Errorf("mandates: %d of the General Assembly, %d without organ; want 12, 8", ga, none)
	}
}
