//go:build !unix

package run

import "os"

// lockFile does nothing where flock is missing: SQLite still keeps the
// catalog consistent, but two runs on one store may do work twice.
func lockFile(f *os.File) error { return nil }
