#!/usr/bin/env bash
# Side-by-side timing of undoc's PDF text layer and poppler's pdftotext -layout
# on the same fixtures, in one run. Needs Go; pdftotext is optional
# (apt-get install poppler-utils). Usage: extract/pdf/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-21}
seed=testdata/seed-chromium.pdf

echo "== go test -bench (extract/pdf)"
go test ./extract/pdf -run '^$' -bench 'BenchmarkExtract' -benchtime "${runs}x" -benchmem | grep -E '^Benchmark|^ok'

if ! command -v pdftotext >/dev/null; then
	echo "pdftotext not installed: skipping the side-by-side run"
	exit 0
fi

# one process per document for both tools, as a user would run them
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/pdftext" "$dir/timeit"
cat >"$dir/pdftext/main.go" <<'GO'
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
# timeit RUNS NAME CMD... :: NAME CMD...: runs the commands in turn
# (interleaved, so that all see the same machine state) and prints the
# median wall and CPU (user+system, from rusage) time of each
cat >"$dir/timeit/main.go" <<'GO'
package main

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"syscall"
	"time"
)

func median(v []float64) float64 { slices.Sort(v); return v[len(v)/2] }

func main() {
	runs, _ := strconv.Atoi(os.Args[1])
	var cmds [][]string
	cur := []string{}
	for _, a := range os.Args[2:] {
		if a == "::" {
			cmds, cur = append(cmds, cur), []string{}
			continue
		}
		cur = append(cur, a)
	}
	cmds = append(cmds, cur)
	wall := make([][]float64, len(cmds))
	cpu := make([][]float64, len(cmds))
	for r := 0; r < runs; r++ {
		for i, c := range cmds {
			cmd := exec.Command(c[1], c[2:]...)
			start := time.Now()
			if err := cmd.Run(); err != nil {
				fmt.Fprintln(os.Stderr, c, err)
				os.Exit(1)
			}
			wall[i] = append(wall[i], float64(time.Since(start).Microseconds())/1000)
			u := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			cpu[i] = append(cpu[i], float64(u.Utime.Nano()+u.Stime.Nano())/1e6)
		}
	}
	for i, c := range cmds {
		fmt.Printf("  %-20s median wall %6.1f ms   cpu %6.1f ms\n", c[0], median(wall[i]), median(cpu[i]))
	}
}
GO
go build -o "$dir/pdftext.bin" "$dir/pdftext/main.go"
go build -o "$dir/timeit.bin" "$dir/timeit/main.go"
go build -o "$dir/undoc" ./cmd/undoc
# the seed and every un-en fixture (Sect. 24 has 423 link annotations)
for f in "$seed" testdata/pdf/A_81_6_Sect.*.pdf; do
	pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	echo "== $(basename "$f") ($pages pages), $runs runs each"
	"$dir/timeit.bin" "$runs" "undoc parse" "$dir/undoc" parse --compact -o /dev/null "$f" :: \
		"text layer only" "$dir/pdftext.bin" "$f" :: \
		"pdftotext -layout" pdftotext -layout "$f" /dev/null
done
