package convert

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/undoc/undoc/extract/pdf/pdftest"
	"github.com/undoc/undoc/store/emit"
	"github.com/undoc/undoc/store/model"
)

// TestFormFieldThrough: a PDF form field's value (the text of its widget
// appearance) comes out as a paragraph of its own marked form_field, the
// page's label beside it as an unmarked one, and the output stays valid
// against the schema.
func TestFormFieldThrough(t *testing.T) {
	helv := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>",
		pdftest.Stream("", "BT /F1 12 Tf 72 700 Td (Nomination of candidates to the International Law Commission.) Tj 0 -40 Td (Nominating State:) Tj ET"),
		helv,
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (state) /V (Brazil) /Rect [200 655 400 675] /AP << /N 7 0 R >> >>",
		pdftest.Stream("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /Helv 5 0 R >> >>", "/Tx BMC BT /Helv 12 Tf 2 5 Td (Brazil) Tj ET EMC"),
	}
	pdf := pdftest.Build(objs, "")

	res, err := Convert(context.Background(), Input{Data: pdf, Name: "form.pdf"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	model.Walk(res.Output.Body, func(n *model.Node) {
		if n.Kind == model.KindParagraph {
			got = append(got, fmt.Sprintf("%s %q form=%v", n.ID, n.Text, n.FormField))
		}
	})
	want := []string{`u1 "Nomination of candidates to the International Law Commission." form=false`, `u2 "Nominating State:" form=false`, `u3 "Brazil" form=true`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	out, err := emit.Marshal(res.Output, false)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(out, []byte(`"form_field":true`)); n != 1 {
		t.Errorf("%d form_field marks in %s", n, out)
	}
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err := compileSchema(t).Validate(v); err != nil {
		t.Errorf("output not valid: %v", err)
	}
	// the schema takes form_field only as true
	bad := bytes.Replace(out, []byte(`"form_field":true`), []byte(`"form_field":"yes"`), 1)
	v, _ = jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if compileSchema(t).Validate(v) == nil {
		t.Error("schema accepted form_field \"yes\"")
	}
}
