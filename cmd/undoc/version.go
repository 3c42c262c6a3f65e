package main

import "github.com/undoc/undoc/extract/convert"

func version() string { return convert.Version }
