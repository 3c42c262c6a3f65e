package normalize

import (
	"strings"
	"testing"
)

func BenchmarkFold(b *testing.B) {
	s := string(seed(b))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Fold(s)
	}
}

// BenchmarkFoldChanging folds text where every line has something to fold.
func BenchmarkFoldChanging(b *testing.B) {
	s := strings.ReplaceAll(string(seed(b)), "方", "\u2F45")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Fold(s)
	}
}

func BenchmarkDecode(b *testing.B) {
	in := seed(b)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		Decode(in)
	}
}

func BenchmarkDecodeGB18030(b *testing.B) {
	in := gbBytes(b, string(seed(b)))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		Decode(in)
	}
}

func BenchmarkConfidence(b *testing.B) {
	s := string(seed(b))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Confidence(s, true)
	}
}

func BenchmarkJoinLines(b *testing.B) {
	s := string(seed(b))
	lines := strings.Split(s, "\n")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		JoinLines(lines)
	}
}

func BenchmarkParseMarker(b *testing.B) {
	lines := strings.Split(string(seed(b)), "\n")
	for b.Loop() {
		for _, l := range lines {
			ParseMarker(l, nil)
		}
	}
}
