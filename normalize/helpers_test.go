package normalize

import (
	"os"
	"sync"
	"testing"
)

var seedOnce = sync.OnceValues(func() ([]byte, error) { return os.ReadFile("../testdata/seed.txt") })

// seed returns testdata/seed.txt, a real UN Chinese text dump.
func seed(tb testing.TB) []byte {
	tb.Helper()
	b, err := seedOnce()
	if err != nil {
		tb.Fatalf("reading seed: %v", err)
	}
	return b
}
