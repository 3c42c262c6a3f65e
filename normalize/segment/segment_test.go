package segment

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/store/model"
)

var update = flag.Bool("update", false, "rewrite the want.json sections of testdata/*.txtar")

func zhVocab(t testing.TB) *Vocab {
	t.Helper()
	v, err := LoadVocab("zh-programme-plan")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func splitLines(s string) []extract.Line {
	var ls []extract.Line
	for i, t := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		ls = append(ls, extract.Line{Text: t, N: i + 1})
	}
	return ls
}

// TestCases runs every testdata/*.txtar: the body segmented from input.txt
// must equal want.json. go test -update rewrites want.json after a
// deliberate change, so that the diff shows in review.
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar cases")
	}
	v := zhVocab(t)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input []byte
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "input.txt":
					input = f.Data
				case "want.json":
					wantIdx = i
				}
			}
			if input == nil {
				t.Fatal("no input.txt section")
			}
			res := Segment(splitLines(string(input)), v)
			got, err := json.MarshalIndent(struct {
				Body        []*model.Node      `json:"body"`
				References  []model.Reference  `json:"references"`
				Diagnostics []model.Diagnostic `json:"diagnostics"`
			}{res.Body, res.References, res.Diagnostics}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want.json"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = got
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatal("no want.json section (run go test -update)")
			}
			if want := ar.Files[wantIdx].Data; !bytes.Equal(got, want) {
				t.Errorf("segmentation differs from want.json\n--- got\n%s\n--- want\n%s", got, want)
			}
		})
	}
}

func TestGate(t *testing.T) {
	v := zhVocab(t)
	if v.gate.all {
		t.Fatalf("the vocabulary's patterns should all be gated by first rune: %v", v.gate.ranges)
	}
	for _, s := range []string{"第一章", "A. 概述", "方案 8", "次级方案 2", "构成部分 1", "12. 文本", "表 1", "图一", "总方向", "本组织目标：x", "秘书处预期成绩 绩效指标", "大会决议", "69/137 标题"} {
		if !v.gate.open(s) {
			t.Errorf("gate closed for %q", s)
		}
		if v.match(s).kind == kNone {
			t.Errorf("no match for %q", s)
		}
	}
	for _, s := range []string{"该方案还将", "“小岛屿", "(a) 文本", "㈠ 文本"} {
		if v.gate.open(s) {
			t.Errorf("gate open for %q", s)
		}
	}
}
