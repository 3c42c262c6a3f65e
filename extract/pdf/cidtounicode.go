package pdf

// CID-to-Unicode tables of the Adobe character collections (Adobe-Japan1,
// Adobe-GB1, Adobe-CNS1, Adobe-Korea1), for CID-keyed fonts that have no
// ToUnicode map and whose encoding gives CIDs, not text (Identity-H/V or
// an embedded CMap): ISO 32000-1:2008 §9.10.2 method (b) maps such CIDs
// through the collection's ordering.
//
// The tables are not built in. They are read at run time, like poppler
// does, from the flat files of poppler-data (line N holds the hexadecimal
// code point of CID N, 0 for none): first from the directories in
// UNDOC_CID_TO_UNICODE (a path list), then from the usual installation
// places. Why at run time: the files are third-party data (GPL-2 in
// Debian's poppler-data) that the repository must not copy; a Go table
// built from Adobe's own mapping files would add about 100,000 entries
// to every binary for a case UN documents, written horizontally with
// ToUnicode maps, hardly meet. Each table is read once per process, on
// first use, and at most maxCIDTableBytes of it; a missing table is
// reported once per font with where it was looked for and how to install
// it, and the font's text stays U+FFFD (with undecodable-text).

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// cidTableEnv names the environment variable with extra table directories.
const cidTableEnv = "UNDOC_CID_TO_UNICODE"

// maxCIDTableBytes bounds the read of one table; poppler-data's largest,
// Adobe-GB1, is 151,426 bytes for 30,284 CIDs.
const maxCIDTableBytes = 1 << 20

// cidOrderings are the collections a table may be asked for; the name
// becomes a file name, so nothing else is accepted.
var cidOrderings = map[string]bool{"Adobe-Japan1": true, "Adobe-GB1": true, "Adobe-CNS1": true, "Adobe-Korea1": true}

// cidTable maps CIDs of one collection to text.
type cidTable struct {
	uni []rune // index CID; 0 for none
}

func (t *cidTable) lookup(cid uint32) (string, bool) {
	if t == nil || cid >= uint32(len(t.uni)) || t.uni[cid] == 0 {
		return "", false
	}
	return string(t.uni[cid]), true
}

// cidTables loads tables from a search path, each once.
type cidTables struct {
	dirs func() []string
	mu   sync.Mutex
	m    map[string]*cidTableLoad
}

type cidTableLoad struct {
	once sync.Once
	t    *cidTable
	err  error
}

// systemCIDTables searches UNDOC_CID_TO_UNICODE, then poppler-data's
// places (Debian and most Linux packages, /usr/local builds, Homebrew).
var systemCIDTables = &cidTables{dirs: func() []string {
	var dirs []string
	for _, d := range filepath.SplitList(os.Getenv(cidTableEnv)) {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return append(dirs, "/usr/share/poppler/cidToUnicode", "/usr/local/share/poppler/cidToUnicode", "/opt/homebrew/share/poppler/cidToUnicode")
}}

// errNoCIDTable: no directory of the search path holds the table.
var errNoCIDTable = errors.New("CID-to-Unicode table not found")

// table returns the table of a collection, reading it on first use.
func (s *cidTables) table(ordering string) (*cidTable, error) {
	if !cidOrderings[ordering] {
		return nil, fmt.Errorf("%w: no table is known for %q", errNoCIDTable, ordering)
	}
	s.mu.Lock()
	if s.m == nil {
		s.m = map[string]*cidTableLoad{}
	}
	l := s.m[ordering]
	if l == nil {
		l = &cidTableLoad{}
		s.m[ordering] = l
	}
	s.mu.Unlock()
	l.once.Do(func() { l.t, l.err = s.load(ordering) })
	return l.t, l.err
}

func (s *cidTables) load(ordering string) (*cidTable, error) {
	dirs := s.dirs()
	for _, d := range dirs {
		p := filepath.Join(d, ordering)
		f, err := os.Open(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(io.LimitReader(f, maxCIDTableBytes+1))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if len(data) > maxCIDTableBytes {
			return nil, fmt.Errorf("%s: larger than %d bytes", p, maxCIDTableBytes)
		}
		uni, err := parseCIDTable(string(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		return &cidTable{uni: uni}, nil
	}
	return nil, fmt.Errorf("%w: no file %s in %s", errNoCIDTable, ordering, strings.Join(dirs, ", "))
}

// parseCIDTable reads poppler's flat format: one hexadecimal code point per
// line, the line number (from 0) being the CID.
func parseCIDTable(s string) ([]rune, error) {
	lines := strings.Split(strings.TrimRight(s, "\r\n"), "\n")
	uni := make([]rune, len(lines))
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		v, err := strconv.ParseUint(l, 16, 32)
		if err != nil || v > 0x10FFFF || v >= 0xD800 && v <= 0xDFFF {
			return nil, fmt.Errorf("line %d: %q is not a code point", i+1, l)
		}
		uni[i] = rune(v)
	}
	return uni, nil
}

// cidTableHelp says how to provide a missing table.
func cidTableHelp(ordering string) string {
	return "install poppler-data (Debian/Ubuntu: apt-get install poppler-data; macOS: brew install poppler) or set " +
		cidTableEnv + " to a directory holding the file " + ordering
}
