package main

import (
	"context"
	"fmt"

	"github.com/undoc/undoc/store/model"
)

const schemaUsage = `Usage: undoc schema

Prints the JSON Schema (draft 2020-12) that every output of parse and run
satisfies. The contract it encodes is docs/output.md.
`

func runSchema(ctx context.Context, e *env, args []string) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
			fmt.Fprint(e.stderr, schemaUsage)
			return exitOK
		}
		fmt.Fprint(e.stderr, schemaUsage)
		return exitUsage
	}
	_, err := e.stdout.Write(model.Schema)
	if err != nil {
		return exitFailed
	}
	return exitOK
}
