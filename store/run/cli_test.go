package run

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/undoc/undoc/ingest/fakeun"
	"github.com/undoc/undoc/store/catalog"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// undocBin builds cmd/undoc once per test binary.
func undocBin(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("signals are Unix")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "undoc-bin-")
		if binErr != nil {
			return
		}
		goTool := "go" // go test puts GOROOT/bin first on PATH
		binPath = filepath.Join(binDir, "undoc")
		cmd := exec.Command(goTool, "build", "-o", binPath, "github.com/undoc/undoc/cmd/undoc")
		cmd.Dir = "../.."
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = errors.New(string(out) + err.Error())
		}
	})
	if binErr != nil {
		t.Fatalf("building undoc: %v", binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func countJSON(dir string) int {
	m, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	return len(m)
}

// lastSummary reads the JSON summary, the last line of standard output.
func lastSummary(t *testing.T, stdout []byte) Summary {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(string(stdout)), "\n")
	var s Summary
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &s); err != nil {
		t.Fatalf("summary line %q: %v", lines[len(lines)-1], err)
	}
	return s
}

// startUntil starts undoc and, once the output folder holds at least want
// JSON files, sends sig. It returns whether the signal came before the
// process ended by itself, and the process's output and exit code.
func startUntil(t *testing.T, args []string, out string, want int, sig syscall.Signal) (bool, []byte, []byte, int) {
	t.Helper()
	cmd := exec.Command(undocBin(t), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	sent := false
	deadline := time.After(60 * time.Second)
loop:
	for {
		select {
		case <-exited:
			break loop
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("undoc did not reach the kill point in 60 s")
		case <-time.After(2 * time.Millisecond):
			if countJSON(out) >= want {
				cmd.Process.Signal(sig)
				sent = true
				<-exited
				break loop
			}
		}
	}
	return sent, stdout.Bytes(), stderr.Bytes(), cmd.ProcessState.ExitCode()
}

// TestKill9Resume kills undoc with SIGKILL at several points of a long
// run, checks the store after each kill, then lets a last run finish: every
// document is done exactly once, every JSON is valid and the catalog
// matches the files.
func TestKill9Resume(t *testing.T) {
	const n = 400
	tmp := t.TempDir()
	in, out, store := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "store")
	variants(t, in, n)
	args := []string{"--log-format=json", "run", "--store", store, "--out", out, "--workers", "1", in}
	killedMidRun := 0
	for _, step := range []int{0, 15, 60, 110} {
		want := countJSON(out) + step
		sent, _, stderr, _ := startUntil(t, args, out, want, syscall.SIGKILL)
		if !sent {
			t.Logf("run ended before the kill at %d outputs: %s", want, stderr)
			continue
		}
		killedMidRun++
		if _, err := os.Stat(filepath.Join(store, catalog.FileName)); err == nil {
			rows := checkStore(t, store)
			t.Logf("killed at %d outputs: %d catalog rows", want, len(rows))
		}
	}
	if killedMidRun < 3 {
		t.Errorf("only %d kills landed mid-run", killedMidRun)
	}
	done := 0
	for _, d := range checkStore(t, store) {
		if d.Done() {
			done++
		}
	}
	if done >= n {
		t.Fatalf("all %d documents done before the last run; the kills were not mid-run", done)
	}

	cmd := exec.Command(undocBin(t), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("last run: %v\n%s", err, stderr.Bytes())
	}
	s := lastSummary(t, stdout.Bytes())
	t.Logf("last run: %+v (%d done before it)", s, done)
	// Exactly once: what was recorded before is not done again, the rest is.
	if s.Inputs != n || s.Skipped != done || s.Extracted != n-done || s.Failed != 0 {
		t.Errorf("last run %+v, with %d documents recorded before it", s, done)
	}
	rows := checkStore(t, store)
	if len(rows) != n {
		t.Errorf("%d catalog rows, want %d", len(rows), n)
	}
	outs := map[string]bool{}
	for _, d := range rows {
		if !d.Done() || d.Version == "" || outs[d.OutPath] {
			t.Errorf("row %s: status %s, out %s (seen before: %v)", d.Key, d.Status, d.OutPath, outs[d.OutPath])
		}
		outs[d.OutPath] = true
		if st, err := os.Stat(d.OutPath); err != nil || st.Size() != d.OutBytes {
			t.Errorf("row %s: output %s: %v", d.Key, d.OutPath, err)
		}
	}
	if got := validateDir(t, out); got != n {
		t.Errorf("%d JSON files in the output folder, want %d", got, n)
	}
	corpus := mustRead(t, filepath.Join(out, "corpus.jsonl"))
	if lines := bytes.Count(corpus, []byte("\n")); lines != n {
		t.Errorf("corpus.jsonl has %d lines, want %d", lines, n)
	}
	js, _ := filepath.Glob(filepath.Join(store, "json", "*", "*.json"))
	if len(js) > n+killedMidRun*2 {
		t.Errorf("%d JSON files in the store for %d documents", len(js), n)
	}
	noTemps(t, tmp)
}

// TestSIGTERM: a terminated run finishes the documents in hand, prints its
// summary, exits with 130, and the next run does the rest.
func TestSIGTERM(t *testing.T) {
	const n = 200
	tmp := t.TempDir()
	in, out, store := filepath.Join(tmp, "in"), filepath.Join(tmp, "out"), filepath.Join(tmp, "store")
	variants(t, in, n)
	args := []string{"run", "--store", store, "--out", out, "--workers", "1", in}
	sent, stdout, stderr, code := startUntil(t, args, out, 20, syscall.SIGTERM)
	if !sent {
		t.Fatalf("run ended before SIGTERM: %s", stderr)
	}
	if code != 130 {
		t.Errorf("exit %d after SIGTERM, want 130\n%s", code, stderr)
	}
	s := lastSummary(t, stdout)
	if s.Extracted == 0 || s.Extracted >= n || s.Failed != 0 || s.Abandoned == 0 {
		t.Errorf("terminated run: %+v", s)
	}
	// Every input is counted once: what was not finished is abandoned.
	if sum := s.Extracted + s.Skipped + s.NotFound + s.Failed + s.Abandoned; s.Inputs != n || sum != n {
		t.Errorf("terminated run: counts add up to %d, inputs %d (want %d): %+v", sum, s.Inputs, n, s)
	}
	t.Logf("terminated run: %s", bytes.TrimSpace(stdout))
	if !bytes.Contains(stderr, []byte("resume")) {
		t.Errorf("stderr does not say how to resume:\n%s", stderr)
	}
	rows := checkStore(t, store)
	if len(rows) != s.Extracted {
		t.Errorf("%d rows for %d extracted", len(rows), s.Extracted)
	}
	cmd := exec.Command(undocBin(t), args...)
	o, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if s2 := lastSummary(t, o); s2.Skipped != s.Extracted || s2.Extracted != n-s.Extracted {
		t.Errorf("resumed run: %+v after %+v", s2, s)
	}
}

// TestCLISymbolsAndExport runs undoc on a symbol served by the fake UN
// server and a corrupt file, then exports the store.
// cliWithFake starts a fake UN server holding A/69/6/Rev.1 (the seed's
// Chromium PDF) and returns a temporary directory and a runner of the
// undoc binary that points at the fake and at the store TMP/store.
func cliWithFake(t *testing.T) (string, func(args ...string) ([]byte, []byte, int)) {
	tmp := t.TempDir()
	fix := filepath.Join(tmp, "fixtures")
	os.MkdirAll(fix, 0o755)
	pdf := mustRead(t, "../../testdata/seed-chromium.pdf")
	os.WriteFile(filepath.Join(fix, "A_69_6_Rev.1-ZH.pdf"), pdf, 0o644)
	srv, err := fakeun.New(fakeun.Config{Dir: fix})
	if err != nil {
		t.Fatal(err)
	}
	base, err := srv.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	store := filepath.Join(tmp, "store")
	return tmp, func(args ...string) ([]byte, []byte, int) {
		cmd := exec.Command(undocBin(t), args...)
		cmd.Env = append(os.Environ(), "UNDOC_ODS_URL="+base, "UNDOC_UNDOCS_URL="+base, "UNDOC_STORE="+store)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Run()
		return stdout.Bytes(), stderr.Bytes(), cmd.ProcessState.ExitCode()
	}
}

// TestCLIFetchThenRun: undoc fetch and undoc run share the store, so a
// document fetched first is not downloaded again by the run.
func TestCLIFetchThenRun(t *testing.T) {
	_, runUndoc := cliWithFake(t)
	stdout, stderr, code := runUndoc("fetch", "--out", "", "--spacing", "0", "A/69/6/Rev.1")
	if code != 0 || !bytes.Contains(stdout, []byte(`"fetched":1`)) {
		t.Fatalf("fetch: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !bytes.Contains(stderr, []byte(`"stage":"fetch"`)) {
		t.Errorf("fetch progress is not logged through the logger:\n%s", stderr)
	}
	stdout, stderr, code = runUndoc("run", "A/69/6/Rev.1")
	if s := lastSummary(t, stdout); code != 0 || s.Fetched != 0 || s.Cached != 1 || s.Extracted != 1 {
		t.Errorf("run after fetch: exit %d, %+v\n%s", code, s, stderr)
	}
}

func TestCLISymbolsAndExport(t *testing.T) {
	tmp, runUndoc := cliWithFake(t)
	in, out := filepath.Join(tmp, "in"), filepath.Join(tmp, "out")
	variants(t, in, 3)
	os.WriteFile(filepath.Join(in, "corrupt.pdf"), []byte("%PDF-1.4\n"+strings.Repeat("\x00garbage", 300)), 0o644)
	list := filepath.Join(tmp, "list.txt")
	os.WriteFile(list, []byte("A/69/6/Rev.1\n"), 0o644)

	stdout, stderr, code := runUndoc("run", "--out", out, "--log-format", "json", in, "@"+list)
	if code != 1 {
		t.Errorf("exit %d with a corrupt input, want 1\n%s", code, stderr)
	}
	s := lastSummary(t, stdout)
	if s.Inputs != 5 || s.Fetched != 1 || s.Extracted != 4 || s.Failed != 1 {
		t.Errorf("summary %+v\n%s", s, stderr)
	}
	if !bytes.Contains(stderr, []byte(`"input":"`+filepath.Join(in, "corrupt.pdf")+`"`)) || !bytes.Contains(stderr, []byte(`"reason":"pdf`)) {
		t.Errorf("the failure is not listed with its reason:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "A_69_6_Rev.1-ZH.json")); err != nil {
		t.Errorf("no output named from the symbol: %v", err)
	}
	// Again, with a new pipeline version's worth of work avoided: the symbol
	// is not fetched again.
	stdout, _, _ = runUndoc("run", "--out", out, in, "@"+list)
	if s := lastSummary(t, stdout); s.Fetched != 0 || s.Cached != 1 || s.Skipped != 4 || s.Failed != 1 {
		t.Errorf("second run %+v", s)
	}
	db := filepath.Join(tmp, "x.sqlite")
	stdout, stderr, code = runUndoc("export", "--out", db)
	if code != 0 || !bytes.Contains(stdout, []byte(`"indicators":`)) {
		t.Errorf("export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	_, stderr, code = runUndoc("export", "--format", "csv", "--out", filepath.Join(tmp, "csv"))
	if code != 0 {
		t.Errorf("export csv: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(tmp, "csv", "indicators.csv")); err != nil {
		t.Error(err)
	}
	if _, _, code := runUndoc("export", "--format", "xlsx", "--out", db); code != 2 {
		t.Errorf("export --format xlsx: exit %d, want 2", code)
	}
	if _, _, code := runUndoc("run"); code != 2 {
		t.Errorf("run without inputs: exit %d, want 2", code)
	}
}
