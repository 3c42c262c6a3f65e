package convert

import (
	"context"
	"fmt"

	"github.com/undoc/undoc/extract"
	"github.com/undoc/undoc/extract/docx"
	"github.com/undoc/undoc/extract/html"
	"github.com/undoc/undoc/extract/pdf"
	"github.com/undoc/undoc/store/model"
)

func init() {
	extractors[FormatPDF] = extractPDF
	extractors[FormatHTML] = extractHTML
	extractors[FormatDocx] = extractDocx
}

// extractDocx reads a Word document's paragraphs, tables, notes and
// hyperlinks.
func extractDocx(ctx context.Context, in Input, out *model.Output) ([]extract.Line, []link, error) {
	res, err := docx.Extract(ctx, in.Data, docx.Options{})
	if err != nil {
		return nil, nil, err
	}
	if res.Symbol != "" && out.Document.Symbol == nil {
		sym := res.Symbol
		out.Document.Symbol = &sym
	}
	if res.Title != "" && out.Document.Title == nil {
		t := res.Title
		out.Document.Title = &t
	}
	for _, d := range res.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, model.Diagnostic{Level: level(d.Level), Code: d.Code, Message: d.Message})
	}
	links := make([]link, len(res.Links))
	for i, l := range res.Links {
		links[i] = link{uri: l.URI, text: l.Text, line: l.Line}
	}
	return res.Lines, links, nil
}

// extractPDF reads a PDF's text layer and fills in what the PDF tells about
// the document: pages, the symbol from the running header, confidence.
func extractPDF(ctx context.Context, in Input, out *model.Output) ([]extract.Line, []link, error) {
	res, err := pdf.Extract(ctx, in.Data, pdf.Options{Password: in.password})
	if err != nil {
		return nil, nil, err
	}
	pages := res.Pages
	out.Document.Source.Pages = &pages
	if res.Symbol != "" && out.Document.Symbol == nil {
		sym := res.Symbol
		out.Document.Symbol = &sym
	}
	out.Document.Quality.TextConfidence = round3(res.Confidence)
	for _, d := range res.Diagnostics {
		msg := d.Message
		if d.Font != "" {
			msg = fmt.Sprintf("%s (font %s)", msg, d.Font)
		}
		out.Diagnostics = append(out.Diagnostics, model.Diagnostic{Level: level(d.Level), Code: d.Code, Message: msg, Page: d.Page})
	}
	links := make([]link, len(res.Links))
	for i, l := range res.Links {
		links[i] = link{uri: l.URI, text: l.Text, line: l.Line, precise: true}
	}
	return res.Lines, links, nil
}

// extractHTML reads an HTML page's text, headings and tables.
func extractHTML(ctx context.Context, in Input, out *model.Output) ([]extract.Line, []link, error) {
	res, err := html.Extract(in.Data, in.ContentType)
	if err != nil {
		return nil, nil, err
	}
	out.Document.Source.Encoding = res.Charset
	if res.Title != "" {
		t := res.Title
		out.Document.Title = &t
	}
	for _, d := range res.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, model.Diagnostic{Level: level(d.Level), Code: d.Code, Message: d.Message, Line: d.Line})
	}
	links := make([]link, len(res.Links))
	for i, l := range res.Links {
		links[i] = link{uri: l.Href, text: l.Text, line: l.Line}
	}
	return res.Lines, links, nil
}

// level maps an extractor's diagnostic level to the contract's.
func level(l string) string {
	switch l {
	case "error", "info":
		return l
	}
	return "warning"
}
