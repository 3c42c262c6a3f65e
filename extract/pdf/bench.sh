#!/usr/bin/env bash
# Side-by-side timing of undoc's PDF text layer and poppler's pdftotext -layout
# on the same fixtures, in one run. Needs Go; pdftotext is optional
# (apt-get install poppler-utils). Usage: extract/pdf/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
seed=testdata/seed-chromium.pdf
sect24=testdata/pdf/A_81_6_Sect.24.pdf

echo "== go test -bench (extract/pdf)"
go test ./extract/pdf -run '^$' -bench 'BenchmarkExtract' -benchtime "${runs}x" -benchmem | grep -E '^Benchmark|^ok'

if ! command -v pdftotext >/dev/null; then
	echo "pdftotext not installed: skipping the side-by-side run"
	exit 0
fi

# one process per document for both tools, as a user would run them
bin=$(mktemp -d)/pdftext
trap 'rm -rf "$(dirname "$bin")"' EXIT
cat >"$(dirname "$bin")/main.go" <<'GO'
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/undoc/undoc/extract/pdf"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	res, err := pdf.Extract(context.Background(), data, pdf.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, l := range res.Lines {
		fmt.Println(l.Text)
	}
}
GO
go build -o "$bin" "$(dirname "$bin")/main.go"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # prints the median wall time in ms of $runs runs of "$@"
	for _ in $(seq "$runs"); do
		s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
		echo $(((e - s) / 1000))
	done | median | awk '{printf "%.1f", $1/1000}'
}
for f in "$seed" "$sect24"; do
	pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	# interleave the tools so that both see the same machine state
	u=$(timeit "$bin" "$f"); p=$(timeit pdftotext -layout "$f" -)
	u2=$(timeit "$bin" "$f"); p2=$(timeit pdftotext -layout "$f" -)
	echo "$(basename "$f") ($pages pages), median of $runs runs, ms:  undoc $u / $u2   pdftotext -layout $p / $p2"
done
