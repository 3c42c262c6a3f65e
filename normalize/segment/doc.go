// Package segment builds the document tree from normalised lines: chapters,
// sections, programmes, subprogrammes, components, headings, paragraphs,
// objectives, result tables, mandate lists, tables and figures.
//
// Each construct has a small recogniser; the segmenter tries them in a fixed
// priority at each line. The words the recognisers look for come from a
// vocabulary file per language and document format (vocab/*.json), so that
// another language or budget format is a new file, not new code.
package segment
