package main

import (
	"github.com/spf13/cobra"

	"github.com/undoc/undoc/store/model"
)

func newSchemaCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the output (docs/output.md is the contract)",
		Long: `Prints the JSON Schema (draft 2020-12) that every output of parse and run
satisfies. The contract it encodes is docs/output.md.`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := e.stdout.Write(model.Schema); err != nil {
				return status(exitFailed)
			}
			return nil
		},
	}
}
