// Package convert runs one document through the stages after fetching:
// detect its format, extract lines, segment them into the document tree,
// and build the output value. It is the boundary where a bad document
// becomes an error and a diagnostic instead of a crashed batch.
package convert

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/extract/docx"
	"github.com/undoc/undoc/extract/text"
	"github.com/undoc/undoc/ingest/symbol"
	"github.com/undoc/undoc/normalize"
	"github.com/undoc/undoc/normalize/masthead"
	"github.com/undoc/undoc/normalize/segment"
	"github.com/undoc/undoc/store/model"
)

// Version is the pipeline version. Outputs made by another version are
// made again from the stored bytes.
const Version = "0.1.0"

// Formats.
const (
	FormatText = "text"
	FormatPDF  = "pdf"
	FormatHTML = "html"
	FormatDocx = "docx"
)

// Input is one document's bytes and what is known about them.
type Input struct {
	Data        []byte
	Name        string // file name or URL, for the source URI
	Format      string // "" to detect
	ContentType string // from HTTP, when fetched
	Symbol      string // when known from fetching

	password string // from Options, for the PDF reader
}

// Options tune a conversion.
type Options struct {
	Vocab *segment.Vocab // nil: the Chinese programme-plan vocabulary
	// Password opens an encrypted PDF, as its user or owner password;
	// "" tries the empty user password, which most encrypted PDFs have.
	Password string
}

// Errors a document can fail with. The output still carries a diagnostic.
var (
	ErrEmpty       = errors.New("empty input")
	ErrNotText     = errors.New("not a text document")
	ErrUnsupported = errors.New("unsupported format")
	ErrPanic       = errors.New("internal error while reading the document")
)

// Result is a converted document. NoStructure is set when the text was read
// but nothing of a UN document's structure was found in it.
type Result struct {
	Output      *model.Output
	NoStructure bool
	// Lines are the extracted lines the tree was built from, page
	// furniture already removed by the extractor.
	Lines []extract.Line
}

// Convert reads one document. It always returns an output, even when it
// also returns an error: the output then says what went wrong in its
// diagnostics. A panic in a parser becomes ErrPanic.
func Convert(ctx context.Context, in Input, opt Options) (res *Result, err error) {
	out := newOutput(in)
	res = &Result{Output: out}
	// Registered first, so it runs last: every message, the panic's too.
	defer clipMessages(out)
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrPanic, p)
			out.Diagnostics = append(out.Diagnostics, model.Diagnostic{Level: "error", Code: "panic",
				Message: fmt.Sprintf("%v\n%s", p, firstFrames(debug.Stack()))})
		}
	}()
	format := in.Format
	if format == "" {
		format = Detect(in.Data, in.Name, in.ContentType)
	}
	out.Document.Source.Format = format
	if len(in.Data) == 0 {
		return res, fail(out, "empty", ErrEmpty, "the input has no bytes")
	}

	var lines []extract.Line
	var links []link
	var decoded string // the whole text, when the format has it at hand
	switch format {
	case FormatText:
		tr, terr := text.Extract(in.Data)
		if terr != nil {
			return res, fail(out, "not-text", fmt.Errorf("%w: %v", ErrNotText, terr), terr.Error())
		}
		lines, decoded = tr.Lines, tr.Text
		out.Document.Source.Encoding = tr.Encoding.Name
		if tr.Encoding.Guessed {
			diag(out, "info", "encoding-guessed", fmt.Sprintf("the bytes are not UTF-8; read as %s (confidence %.2f)", tr.Encoding.Name, tr.Encoding.Confidence))
		}
	default:
		if x, ok := extractors[format]; ok {
			in.password = opt.Password
			l, k, xerr := x(ctx, in, out)
			if xerr != nil {
				return res, fail(out, format+"-error", xerr, xerr.Error())
			}
			lines, links = l, k
		} else {
			return res, fail(out, "unsupported-format", ErrUnsupported, "no reader for format "+format)
		}
	}
	if err := ctx.Err(); err != nil {
		return res, fail(out, "cancelled", err, err.Error())
	}

	lines = splitLongLines(lines, out)
	res.Lines = lines
	out.Document.Language = language(lines)
	quality(decoded, lines, out)
	if opt.Vocab == nil {
		v, verr := vocabFor(out.Document.Language)
		if verr != nil {
			return res, verr
		}
		opt.Vocab = v
	}
	seg := segment.Segment(lines, opt.Vocab)
	out.Body, out.References = seg.Body, seg.References
	mandateLinks(out.Body, links, out)
	out.References = linkReferences(out.Body, out.References, links)
	out.Diagnostics = append(out.Diagnostics, seg.Diagnostics...)
	if out.Body == nil {
		out.Body = []*model.Node{}
	}
	frontMatter(seg.Front, seg.Masthead, out)
	if !seg.Recognised {
		res.NoStructure = true
		diag(out, "warning", "no-structure", "no chapter, programme, paragraph or table was recognised; the text may not be a UN programme document")
	}
	return res, nil
}

// vocabs are the bundled vocabularies by language, each read once: the
// Chinese one covers the programme plans before 2020 and the budget
// sections since; the English one the budget sections since 2020.
var vocabs = map[string]func() (*segment.Vocab, error){
	"zh": sync.OnceValues(func() (*segment.Vocab, error) { return segment.LoadVocab("zh-programme-plan") }),
	"en": sync.OnceValues(func() (*segment.Vocab, error) { return segment.LoadVocab("en-budget") }),
}

// vocabFor returns the vocabulary of a language; Chinese, the product's
// first language, for any other.
func vocabFor(lang string) (*segment.Vocab, error) {
	if f, ok := vocabs[lang]; ok {
		return f()
	}
	return vocabs["zh"]()
}

// language tells the document's language from its text (at most its first
// 200,000 bytes), never assuming one; "und" when the text has too few
// letters to tell.
func language(lines []extract.Line) string {
	read := 0 // bytes read, counting a line break after each line
	lang := masthead.LanguageOf(func(yield func(string) bool) {
		for _, l := range lines {
			if read > 200_000 || !yield(l.Text) {
				return
			}
			read += len(l.Text) + 1
		}
	})
	if lang != "" {
		return lang
	}
	return "und"
}

// frontMatter reads the document's metadata from the masthead and title
// block (symbol when nothing else gave it, date, session, agenda,
// distribution, original language, organ, title, budget part, section and
// programme). The front matter's text stays in the body.
func frontMatter(front []string, m *masthead.Meta, out *model.Output) {
	if len(front) == 0 {
		return
	}
	if m == nil { // the segmenter found none in the lines; try the paragraphs
		p := masthead.Parse(front)
		m = &p
	}
	meta(*m, out)
	for _, l := range front {
		if out.Document.Symbol != nil {
			break
		}
		l = strings.TrimSpace(strings.TrimPrefix(l, "联合国"))
		if !strings.Contains(l, "/") {
			continue
		}
		if sym, err := symbol.Parse(l); err == nil {
			s := sym.String()
			out.Document.Symbol = &s
		}
	}
}

// extractor reads a non-text format into lines, filling what it learns
// (pages, symbol, confidence) into the output.
type extractor func(ctx context.Context, in Input, out *model.Output) ([]extract.Line, []link, error)

var extractors = map[string]extractor{}

// Detect tells the format from the bytes, the name and the content type.
// A zip holding word/document.xml is Word; so is an OLE compound file (a
// legacy .doc or an encrypted Office file) and a WordPerfect file, for the
// Word reader to refuse with a clear error.
func Detect(b []byte, name, contentType string) string {
	if isDocx(b) || docx.IsOLE(b) || docx.IsWordPerfect(b) {
		return FormatDocx
	}
	if bytes.HasPrefix(bytes.TrimLeft(b[:min(len(b), 1024)], " \t\r\n\x00"), []byte("%PDF-")) {
		return FormatPDF
	}
	head := strings.ToLower(string(b[:min(len(b), 2048)]))
	if strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") || strings.Contains(head, "<body") || strings.Contains(head, "<meta ") {
		return FormatHTML
	}
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "pdf"):
		return FormatPDF
	case strings.Contains(ct, "html"):
		return FormatHTML
	case strings.Contains(ct, "wordprocessingml"), strings.Contains(ct, "msword"):
		return FormatDocx
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return FormatPDF
	case ".html", ".htm":
		return FormatHTML
	case ".docx", ".doc":
		return FormatDocx
	}
	return FormatText
}

// isDocx tells whether b is a zip package naming word/document.xml in an
// entry header (a truncated package still counts: its reader then says
// what is wrong).
func isDocx(b []byte) bool {
	return bytes.HasPrefix(b, []byte("PK\x03\x04")) && bytes.Contains(b, []byte("word/document.xml"))
}

func newOutput(in Input) *model.Output {
	sum := sha256.Sum256(in.Data)
	uri := in.Name
	if !strings.Contains(uri, "://") {
		uri = "file:" + filepath.Base(in.Name)
	}
	out := &model.Output{
		SchemaVersion: model.SchemaVersion,
		Document: model.Document{
			Language:  "zh",
			Source:    model.Source{Format: in.Format, URI: uri, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(in.Data))},
			Generator: model.Generator{Name: "undoc", Version: Version},
		},
		Body:        []*model.Node{},
		References:  []model.Reference{},
		Diagnostics: []model.Diagnostic{},
	}
	if in.Symbol != "" {
		s := in.Symbol
		out.Document.Symbol = &s
	}
	return out
}

// MaxMessage is the most characters a diagnostic message keeps: enough to
// quote a line, not a document. What is cut is said, with the full length.
const MaxMessage = 300

// clipMessages cuts every diagnostic message of out to MaxMessage
// characters.
func clipMessages(out *model.Output) {
	for i := range out.Diagnostics {
		out.Diagnostics[i].Message = clipMessage(out.Diagnostics[i].Message)
	}
}

func clipMessage(s string) string {
	if len(s) <= MaxMessage { // bytes: a string this short has no more characters
		return s
	}
	n, cut := 0, -1
	for i := range s {
		if n == MaxMessage {
			cut = i
			break
		}
		n++
	}
	if cut < 0 {
		return s
	}
	return s[:cut] + fmt.Sprintf("… (cut; %d characters in all)", utf8.RuneCountInString(s))
}

func diag(out *model.Output, level, code, msg string) {
	out.Diagnostics = append(out.Diagnostics, model.Diagnostic{Level: level, Code: code, Message: msg})
}

func fail(out *model.Output, code string, err error, msg string) error {
	diag(out, "error", code, msg)
	return err
}

// maxLine is the longest line the segmenter is given; longer lines (a file
// with no line breaks) are cut into pieces of this many bytes.
const maxLine = 64 << 10

func splitLongLines(lines []extract.Line, out *model.Output) []extract.Line {
	long := false
	for _, l := range lines {
		if len(l.Text) > maxLine {
			long = true
			break
		}
	}
	if !long {
		return lines
	}
	var res []extract.Line
	for _, l := range lines {
		if len(l.Text) <= maxLine {
			res = append(res, l)
			continue
		}
		diag(out, "warning", "long-line", fmt.Sprintf("line %d has %d bytes and no line break; it was read in pieces of %d bytes", l.N, len(l.Text), maxLine))
		t := l.Text
		for len(t) > 0 {
			k := min(maxLine, len(t))
			for k < len(t) && !utf8.RuneStart(t[k]) {
				k--
			}
			piece := l
			piece.Text = t[:k]
			res = append(res, piece)
			t = t[k:]
		}
	}
	return res
}

// quality measures how plausible the extracted text is and reports doubts.
func quality(text string, lines []extract.Line, out *model.Output) {
	if text == "" {
		var b strings.Builder
		for _, l := range lines {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
		text = b.String()
	}
	letters := normalize.CountLetters(text)
	cjk := letters.ExpectCJK()
	if _, ok := vocabs[out.Document.Language]; !ok && !cjk {
		diag(out, "warning", "no-vocabulary", fmt.Sprintf("the text is in language %q (%d Latin letters, %d Chinese characters); undoc's vocabularies are for Chinese and English documents, so little structure may be found", out.Document.Language, letters.ASCII+letters.Latin1, letters.CJK))
	}
	score, problems := normalize.Confidence(text, cjk)
	if out.Document.Quality.TextConfidence == 0 || score < out.Document.Quality.TextConfidence {
		out.Document.Quality.TextConfidence = round3(score)
	}
	for _, p := range problems {
		level := "warning"
		if score < 0.9 {
			level = "error"
		}
		diag(out, level, "text-"+p.Kind, fmt.Sprintf("%d suspicious characters (%s), e.g. %q", p.Count, p.Kind, p.Example))
	}
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 16 {
		lines = lines[:16]
	}
	return strings.Join(lines, "\n")
}

// meta fills the document's metadata from a parsed masthead.
func meta(m masthead.Meta, out *model.Output) {
	d := &out.Document
	set := func(dst **string, v string) {
		if v != "" && *dst == nil {
			*dst = &v
		}
	}
	set(&d.Symbol, m.Symbol)
	set(&d.Date, m.Date)
	set(&d.Session, m.Session)
	set(&d.Agenda, m.Agenda)
	set(&d.Distribution, m.Distribution)
	set(&d.OriginalLanguage, m.OriginalLanguage)
	set(&d.Organ, m.Organ)
	if len(m.Title) > 0 {
		set(&d.Title, strings.Join(m.Title, " "))
	}
	if b := m.Budget; b != nil {
		div := func(x *masthead.Division) *model.Division {
			if x == nil {
				return nil
			}
			return &model.Division{Number: x.Number, Title: x.Title}
		}
		d.Budget = &model.Budget{Part: div(b.Part), Section: div(b.Section), Programme: div(b.Programme)}
	}
}
