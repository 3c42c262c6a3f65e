package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/undoc/undoc/ingest"
	"github.com/undoc/undoc/ingest/fakeun"
	"github.com/undoc/undoc/ingest/symbol"
	storerun "github.com/undoc/undoc/store/run"
)

// bin is the undoc binary the tests in this file run, built by TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "undoc-cli-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "undoc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building undoc: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// undoc runs the built binary with a private store and returns its exit
// status, standard output and standard error.
func undoc(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "UNDOC_STORE="+filepath.Join(t.TempDir(), "store"))
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// commandPaths lists every command of the tree: "parse", "completion bash"...
func commandPaths() [][]string {
	root := newRoot(&env{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	paths := [][]string{{}}
	for _, c := range root.Commands() {
		paths = append(paths, []string{c.Name()})
		for _, sub := range c.Commands() {
			paths = append(paths, []string{c.Name(), sub.Name()})
		}
	}
	return paths
}

// TestHelpOnStdout: every command's --help goes to standard output, with
// status 0 and nothing on standard error.
func TestHelpOnStdout(t *testing.T) {
	paths := commandPaths()
	if len(paths) < 14 {
		t.Fatalf("only %d commands: %q", len(paths), paths)
	}
	for _, p := range paths {
		for _, h := range []string{"--help", "-h"} {
			args := append(append([]string{}, p...), h)
			code, out, errs := undoc(t, "", args...)
			if code != 0 || errs != "" || !strings.Contains(out, "Usage:") || !strings.Contains(out, "--help") {
				t.Errorf("undoc %s: exit %d, stderr %q, stdout %.200q", strings.Join(args, " "), code, errs, out)
			}
			if strings.Contains(out, "%%") {
				t.Errorf("undoc %s: a printf escape is left in the help: %.200q", strings.Join(args, " "), out)
			}
		}
	}
}

// TestUnknownFlag: one line on standard error, status 2, for every command.
func TestUnknownFlag(t *testing.T) {
	for _, p := range commandPaths() {
		args := append(append([]string{}, p...), "--no-such-flag")
		code, out, errs := undoc(t, "", args...)
		if code != exitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "unknown flag: --no-such-flag") {
			t.Errorf("undoc %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, out, errs)
		}
	}
	// A near miss is named.
	if _, _, errs := undoc(t, "", "parse", "--compac", "x"); !strings.Contains(errs, "did you mean --compact?") {
		t.Errorf("no suggestion: %q", errs)
	}
}

// TestFlagsAnywhere: flags after the arguments, and the global flags after
// the command.
func TestFlagsAnywhere(t *testing.T) {
	const seed = "../../testdata/seed.txt"
	code, out, errs := undoc(t, "", "parse", seed, "--compact")
	if code != 0 || strings.Count(out, "\n") != 1 || !json.Valid([]byte(out)) {
		t.Errorf("parse FILE --compact: exit %d, %d lines, %s", code, strings.Count(out, "\n"), errs)
	}
	outDir, store := t.TempDir(), t.TempDir()
	code, out, errs = undoc(t, "", "run", seed, "--out", outDir, "--store", store, "--log-format", "json", "-q")
	if code != 0 || !strings.Contains(out, `"extracted":1`) {
		t.Errorf("run FILE --out X: exit %d, %s\n%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(outDir, "seed.json")); err != nil {
		t.Error(err)
	}
	if errs != "" {
		t.Errorf("-q after the arguments: stderr %q", errs)
	}
	code, _, errs = undoc(t, "", "parse", "-v", seed, "--log-format", "json")
	if code != 0 || !strings.Contains(errs, `"level":"debug"`) {
		t.Errorf("parse -v FILE --log-format json: exit %d, stderr %q", code, errs)
	}
}

// TestCompletion: undoc completion SHELL writes a script for that shell.
func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "complete -o default -F __start_undoc undoc",
		"zsh":  "#compdef undoc",
		"fish": "complete -c undoc",
	} {
		code, out, errs := undoc(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, want) || errs != "" {
			t.Errorf("completion %s: exit %d, %d bytes, lacks %q; stderr %q", shell, code, len(out), want, errs)
		}
	}
	if code, _, _ := undoc(t, "", "completion", "tcsh"); code != exitUsage {
		t.Errorf("completion tcsh: exit %d, want %d", code, exitUsage)
	}
}

// TestNotFoundThenPublished: a symbol the services do not have is not
// found (status 1 in fetch and run alike) and remembered; once it appears,
// --retry-not-found or --not-found-ttl 0 fetches it at once.
func TestNotFoundThenPublished(t *testing.T) {
	pdf, err := os.ReadFile("../../testdata/seed-libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := fakeun.New(fakeun.Config{})
	if err != nil {
		t.Fatal(err)
	}
	base, err := srv.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	store, out := t.TempDir(), t.TempDir()
	fetch := func(args ...string) (int, ingest.Summary, string) {
		t.Helper()
		args = append([]string{"fetch", "--store", store, "--out", out, "--ods-url", base, "--undocs-url", base, "--spacing", "1ms", "--retries", "0"}, args...)
		code, stdout, errs := undoc(t, "", args...)
		var s ingest.Summary
		if err := json.Unmarshal([]byte(stdout), &s); err != nil {
			t.Fatalf("fetch %q: summary %q: %v\n%s", args, stdout, err, errs)
		}
		return code, s, errs
	}
	runSym := func(args ...string) (int, storerun.Summary, string) {
		t.Helper()
		args = append([]string{"run", "--store", store, "--progress", "off"}, args...)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "UNDOC_ODS_URL="+base, "UNDOC_UNDOCS_URL="+base)
		var so, se bytes.Buffer
		cmd.Stdout, cmd.Stderr = &so, &se
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		var s storerun.Summary
		if err := json.Unmarshal(so.Bytes(), &s); err != nil {
			t.Fatalf("run: summary %q: %v\n%s", so.String(), err, se.String())
		}
		return code, s, se.String()
	}

	// 1. Not there: not found, status 1, in fetch and in run.
	code, s, errs := fetch("A/69/6/Rev.1")
	if code != exitFailed || s != (ingest.Summary{Requested: 1, NotFound: 1}) {
		t.Fatalf("404: exit %d %+v\n%s", code, s, errs)
	}
	asked := len(srv.Records())
	code, rs, errs := runSym("A/69/6/Rev.1")
	if code != exitFailed || rs.NotFound != 1 || rs.Failed != 0 || !strings.Contains(errs, "not found") {
		t.Fatalf("run, 404: exit %d %+v\n%s", code, rs, errs)
	}
	if n := len(srv.Records()); n != asked {
		t.Errorf("run asked again (%d requests) for a symbol remembered as not found", n-asked)
	}

	// 2. It is published; the 404 is still remembered.
	srv.Add("A_69_6_Rev.1-ZH.pdf", symbol.MustParse("A/69/6/Rev.1"), "zh", "pdf", pdf, time.Now())
	code, s, errs = fetch("A/69/6/Rev.1")
	if code != exitFailed || s.NotFound != 1 || !strings.Contains(errs, "--retry-not-found") {
		t.Fatalf("remembered 404: exit %d %+v\n%s", code, s, errs)
	}

	// 3. --retry-not-found asks again at once.
	code, s, errs = fetch("A/69/6/Rev.1", "--retry-not-found")
	if code != 0 || s != (ingest.Summary{Requested: 1, Fetched: 1}) {
		t.Fatalf("--retry-not-found: exit %d %+v\n%s", code, s, errs)
	}
	if _, err := os.Stat(filepath.Join(out, "A_69_6_Rev.1-ZH.pdf")); err != nil {
		t.Error(err)
	}

	// 4. --not-found-ttl 0 remembers no 404, in run too.
	code, s, _ = fetch("A/70/6")
	if code != exitFailed || s.NotFound != 1 {
		t.Fatalf("second 404: exit %d %+v", code, s)
	}
	srv.Add("A_70_6-ZH.pdf", symbol.MustParse("A/70/6"), "zh", "pdf", pdf, time.Now())
	code, rs, errs = runSym("A/70/6", "--not-found-ttl", "0")
	if code != 0 || rs.Fetched != 1 || rs.Extracted != 1 {
		t.Fatalf("run --not-found-ttl 0: exit %d %+v\n%s", code, rs, errs)
	}
}

// TestJunkBounded: 50 MB of random bytes gives a short JSON that says why,
// in little memory; a large text without structure gives diagnostics that
// quote at most a few hundred characters.
func TestJunkBounded(t *testing.T) {
	dir := t.TempDir()
	junk := make([]byte, 50<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i+8 <= len(junk); i += 8 {
		binary.LittleEndian.PutUint64(junk[i:], rng.Uint64())
	}
	path := filepath.Join(dir, "junk.txt")
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	junk = nil
	cmd := exec.Command(bin, "parse", "-q", path)
	var out bytes.Buffer
	cmd.Stdout = &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailed {
		t.Fatalf("junk: %v, want exit %d", err, exitFailed)
	}
	peak, measured := peakMB(cmd.ProcessState)
	t.Logf("50 MB of junk: %d bytes of JSON, peak memory %.1f MB (measured: %v)", out.Len(), peak, measured)
	if out.Len() >= 1<<20 || !strings.Contains(out.String(), `"level": "error"`) {
		t.Errorf("JSON of %d bytes:\n%.500s", out.Len(), out.String())
	}
	if measured && peak >= 100 {
		t.Errorf("peak memory %.1f MB, want under 100", peak)
	}

	// One long line of Latin text: no structure, and front matter that
	// would quote all of it.
	long := strings.Repeat("lorem ipsum dolor sit amet ", 40000)
	lpath := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(lpath, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errs := undoc(t, "", "parse", "-q", lpath)
	if code != exitNoStructure {
		t.Fatalf("long text: exit %d: %s", code, errs)
	}
	var doc struct {
		Diagnostics []struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	// The text is front matter in the body now, quoted by no diagnostic;
	// clipping itself is TestClipMessage's (extract/convert).
	for _, d := range doc.Diagnostics {
		if n := utf8.RuneCountInString(d.Message); n > 400 {
			t.Errorf("diagnostic %s quotes %d characters", d.Code, n)
		}
	}
	if len(stdout) > 2*len(long) {
		t.Errorf("%d bytes of JSON for %d bytes of text", len(stdout), len(long))
	}
}

// TestFetchUsage: wrong arguments of fetch are one line and status 2, and
// touch no store.
func TestFetchUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"A//1"}, {"--lang", "xx", "A/1/1"}, {"A/1/1", "--bogus"}, {"@/does/not/exist"}} {
		store := filepath.Join(t.TempDir(), "store")
		code, out, errs := undoc(t, "", append([]string{"fetch", "--store", store}, args...)...)
		if code != exitUsage || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("fetch %q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
		if _, err := os.Stat(store); err == nil {
			t.Errorf("fetch %q: made the store", args)
		}
	}
}

// TestPassword: --password opens an encrypted PDF with its owner password;
// a wrong one still tries the empty user password, which this file has.
func TestPassword(t *testing.T) {
	file := "../../testdata/pdf/hostile/encrypted-aes-256-r6.pdf"
	for _, pw := range []string{"master", "wrong"} {
		code, stdout, errs := undoc(t, "", "parse", "-q", file, "--password", pw)
		if code != exitOK && code != exitNoStructure {
			t.Errorf("--password %s: exit %d: %s", pw, code, errs)
		}
		if !strings.Contains(stdout, `"format": "pdf"`) {
			t.Errorf("--password %s: no PDF output", pw)
		}
	}
}
