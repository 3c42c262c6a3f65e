package model

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of an output.
//
//go:embed schema.json
var Schema []byte
