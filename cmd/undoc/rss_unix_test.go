//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakMB is the peak resident memory of an ended process, in MB.
func peakMB(ps *os.ProcessState) (float64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, false
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return float64(ru.Maxrss) / (1 << 20), true // bytes
	}
	return float64(ru.Maxrss) / 1024, true // kilobytes
}
