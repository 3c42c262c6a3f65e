// Package normalize turns raw extracted text into clean, comparable text:
// it decodes bytes to UTF-8, folds full-width and radical look-alike code
// points, joins wrapped lines, parses list markers such as (a), ㈠, （一）
// and 12., and scores how trustworthy a piece of text looks.
package normalize
