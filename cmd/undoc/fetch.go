package main

import (
	"context"

	"github.com/undoc/undoc/ingest"
	"github.com/undoc/undoc/ingest/fakeun"
)

func runFetch(ctx context.Context, e *env, args []string) int {
	return ingest.RunFetch(ctx, args, e.stdin, e.stdout, e.stderr)
}

func runFakeUN(ctx context.Context, e *env, args []string) int {
	return fakeun.RunFakeUN(ctx, args, e.stdout, e.stderr)
}
