package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestExitCodes checks the documented exit status of each outcome.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", "")
	plain := write("plain.txt", "只是一段文字，没有结构。\n")
	junk := write("junk.txt", string(bytes.Repeat([]byte{0, 0xff, 0x01, 0x9c}, 100)))
	cases := []struct {
		name string
		args []string
		code int
		out  string // must appear in stdout
		err  string // must appear in stderr
	}{
		{"help", []string{"--help"}, exitOK, "\n  parse ", ""},
		{"parse help", []string{"parse", "--help"}, exitOK, "--format", ""},
		{"parse help has no printf escapes", []string{"parse", "--help"}, exitOK, "(%PDF-,", ""},
		{"no command", nil, exitUsage, "", "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", "unknown command"},
		{"misspelt command", []string{"pars"}, exitUsage, "", "did you mean parse?"},
		{"parse no file", []string{"parse"}, exitUsage, "", "undoc parse: takes one FILE (or - for standard input), got 0 arguments"},
		{"parse two files", []string{"parse", plain, plain}, exitUsage, "", "got 2 arguments"},
		{"parse bad format", []string{"parse", "--format", "odt", plain}, exitUsage, "", "--format must be"},
		{"parse flag after file", []string{"parse", "../../testdata/seed.txt", "--compact"}, exitOK, `"kind":"results"`, ""},
		{"log format after command", []string{"parse", "--log-format", "json", plain}, exitNoStructure, "", `"level":"warn"`},
		{"bad log format", []string{"parse", "--log-format", "xml", plain}, exitUsage, "", "--log-format must be json or text"},
		{"version", []string{"--version"}, exitOK, "undoc " + version(), ""},
		{"parse missing file", []string{"parse", filepath.Join(dir, "nope.txt")}, exitFailed, "", "no such file"},
		{"parse seed", []string{"parse", "../../testdata/seed.txt"}, exitOK, `"kind": "results"`, ""},
		{"parse empty", []string{"parse", empty}, exitFailed, `"code": "empty"`, "document not read"},
		{"parse junk", []string{"parse", junk}, exitFailed, `"level": "error"`, "document not read"},
		{"parse no structure", []string{"parse", plain}, exitNoStructure, `"no-structure"`, "no UN document structure"},
		{"refs seed", []string{"refs", "../../testdata/seed.txt"}, exitOK, "A/RES/69/17\n", ""},
		{"schema", []string{"schema"}, exitOK, `"$schema": "https://json-schema.org/draft/2020-12/schema"`, ""},
		{"schema extra argument", []string{"schema", "x"}, exitUsage, "", "undoc schema: takes no arguments"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, c.code, errs)
			}
			if !strings.Contains(out, c.out) {
				t.Errorf("stdout lacks %q:\n%.400s", c.out, out)
			}
			if !strings.Contains(errs, c.err) {
				t.Errorf("stderr lacks %q:\n%.400s", c.err, errs)
			}
		})
	}
}

func TestParseStdinAndFile(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, string(seed), "parse", "--compact", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("--compact output has %d lines, want 1", strings.Count(out, "\n"))
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out", "seed.json")
	if code, _, errs := runCmd(t, "", "parse", "-o", path, "../../testdata/seed.txt"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(path)
	if err != nil || !json.Valid(b) {
		t.Fatalf("-o wrote no valid JSON: %v", err)
	}
}

func TestRefsUnique(t *testing.T) {
	_, out, _ := runCmd(t, "", "refs", "../../testdata/seed.txt")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	seen := map[string]bool{}
	for _, l := range lines {
		if seen[l] {
			t.Errorf("%s listed twice", l)
		}
		seen[l] = true
	}
	for _, want := range []string{"A/RES/69/17", "A/69/6/Rev.1", "ST/SGB/2000/8", "E/RES/2014/35", "A/RES/59/311", "A/57/6/Rev.1", "A/68/16"} {
		if !seen[want] {
			t.Errorf("refs lacks %s", want)
		}
	}
}
