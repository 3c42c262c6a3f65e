package run

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/undoc/undoc/ingest/symbol"
)

// Input is one document to convert: a file, or a UN symbol to fetch.
type Input struct {
	Arg    string        // as given: a path, a symbol, or a line of a list
	Path   string        // absolute path, for a file
	Symbol symbol.Symbol // for a symbol to fetch (Path empty), or a file whose name gives it
	Err    error         // a list line that is neither; reported as a failure
}

// IsSymbol reports whether the input is fetched by symbol.
func (in Input) IsSymbol() bool { return in.Path == "" && !in.Symbol.IsZero() }

// Key is the input's identity in the catalog: a document is its symbol
// and language, whether it is fetched or read from a file named after the
// symbol (A_69_6_Rev.1-ZH.pdf); another file is its absolute path.
func (in Input) Key(lang string) string {
	switch {
	case !in.Symbol.IsZero():
		return "symbol:" + in.Symbol.Key() + "|" + lang
	case in.Path != "":
		return "file:" + in.Path
	}
	return "bad:" + in.Arg
}

// fileKey is the key a file had before its symbol was known from its
// name; a catalog row under it is replaced by the symbol's.
func (in Input) fileKey() string {
	if in.Path == "" || in.Symbol.IsZero() {
		return ""
	}
	return "file:" + in.Path
}

// withFileSymbol gives a file named after a symbol in lang that symbol.
func withFileSymbol(in Input, lang string) Input {
	if in.Path != "" && in.Symbol.IsZero() {
		if s, l, ok := symbol.FromFileName(filepath.Base(in.Path)); ok && l == lang {
			in.Symbol = s
		}
	}
	return in
}

// keyHash names a document's files in the store.
func keyHash(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:16])
}

// Extensions a directory is searched for.
var docExts = map[string]bool{".pdf": true, ".txt": true, ".html": true, ".htm": true}

// Expand turns command-line arguments into inputs: a file; a directory,
// searched recursively for .pdf, .txt, .html and .htm files (names that
// start with a dot are left out); a UN symbol; or @FILE, a list with one
// such argument per line (blank lines and lines starting with # skipped;
// @- reads standard input). An argument that is none of these is an error;
// a bad line of a list becomes an Input with Err set. A file named after a
// symbol in lang (A_69_6_Rev.1-ZH.pdf) is that symbol's document.
// Duplicates, the same document given twice, are dropped.
func Expand(args []string, stdin io.Reader, lang string) ([]Input, error) {
	var out []Input
	seen := map[string]bool{}
	add := func(in Input) {
		in = withFileSymbol(in, lang)
		k := in.Key(lang)
		if in.Err == nil && seen[k] {
			return
		}
		seen[k] = true
		out = append(out, in)
	}
	for _, a := range args {
		if strings.HasPrefix(a, "@") && len(a) > 1 {
			lines, err := readList(a[1:], stdin)
			if err != nil {
				return nil, err
			}
			for _, l := range lines {
				ins, err := expandOne(l.text)
				if err != nil {
					add(Input{Arg: l.text, Err: fmt.Errorf("%s line %d: %w", a, l.n, err)})
					continue
				}
				for _, in := range ins {
					add(in)
				}
			}
			continue
		}
		ins, err := expandOne(a)
		if err != nil {
			return nil, err
		}
		for _, in := range ins {
			add(in)
		}
	}
	return out, nil
}

// expandOne reads one argument. An existing path wins over a symbol of
// the same spelling.
func expandOne(a string) ([]Input, error) {
	st, statErr := os.Stat(a)
	if statErr == nil {
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			return []Input{{Arg: a, Path: abs}}, nil
		}
		var out []Input
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != abs && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && docExts[strings.ToLower(filepath.Ext(p))] {
				rel, _ := filepath.Rel(abs, p)
				out = append(out, Input{Arg: filepath.Join(a, rel), Path: p})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading directory %s: %w", a, err)
		}
		return out, nil
	}
	if strings.Contains(a, "://") {
		if s, _, ok := symbol.FromURL(a); ok {
			return []Input{{Arg: a, Symbol: s}}, nil
		}
	}
	looksLikeFile := docExts[strings.ToLower(filepath.Ext(a))] || strings.HasPrefix(a, "/") || strings.HasPrefix(a, ".")
	if strings.Contains(a, "/") && !looksLikeFile {
		if s, err := symbol.Parse(a); err == nil {
			return []Input{{Arg: a, Symbol: s}}, nil
		}
	}
	if errors.Is(statErr, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file or directory, and not a UN symbol", a)
	}
	return nil, statErr
}

type listLine struct {
	n    int
	text string
}

func readList(name string, stdin io.Reader) ([]listLine, error) {
	var r io.Reader
	if name == "-" {
		if stdin == nil {
			return nil, errors.New("@-: no standard input")
		}
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var out []listLine
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, listLine{n, l})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading @%s: %w", name, err)
	}
	return out, nil
}

// outNames gives each input the name of its JSON file in the output
// folder: from its symbol and language (A_69_6_Rev.1-ZH.json), whether it
// is fetched or read from a file, or else from its file name (seed.json).
// Names that two inputs would share get a short hash of the input's key,
// so that every input has its own file.
func outNames(ins []Input, lang string) []string {
	names := make([]string, len(ins))
	count := map[string]int{}
	for i, in := range ins {
		switch {
		case !in.Symbol.IsZero():
			names[i] = in.Symbol.FileNameExt(lang, "json")
		case in.Path != "":
			base := filepath.Base(in.Path)
			names[i] = strings.TrimSuffix(base, filepath.Ext(base)) + ".json"
		}
		if names[i] != "" {
			count[strings.ToLower(names[i])]++
		}
	}
	for i, in := range ins {
		if names[i] != "" && count[strings.ToLower(names[i])] > 1 {
			names[i] = strings.TrimSuffix(names[i], ".json") + "-" + keyHash(in.Key(lang))[:8] + ".json"
		}
	}
	return names
}
