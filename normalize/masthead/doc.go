// Package masthead reads the masthead and title block of a UN document (the
// lines before its body) into document metadata: symbol, date, session,
// agenda items, distribution, original language, organ, title and, for a
// budget section, its part, section and programme. It also tells which
// lines it read, so that the segmenter keeps the rest, and detects a text's
// language from its script.
package masthead
