package docfile

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// utf16Hex is a PDF text string in UTF-16BE with its byte order mark, as
// Word and LibreOffice write names with diacritics.
func utf16Hex(s string) string {
	var b bytes.Buffer
	b.Write([]byte{0xfe, 0xff})
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return "<" + hex.EncodeToString(b.Bytes()) + ">"
}

// buildPDF writes a one-page PDF whose information dictionary and XMP
// packet name author, with a correct cross-reference table.
func buildPDF(author, title string) []byte { return buildPaddedPDF(author, title, 0) }

// buildPaddedPDF is buildPDF with pad spaces in the page's content.
func buildPaddedPDF(author, title string, pad int) []byte {
	xmp := `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Author="` + author + `">` +
		`<dc:creator><rdf:Seq><rdf:li>` + author + `</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
	content := "BT /F1 12 Tf 72 720 Td (Bao ve nen tang tu tuong cua Dang) Tj ET" + strings.Repeat(" ", pad)
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream", len(xmp), xmp),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Author " + utf16Hex(author) + " /Title " + utf16Hex(title) + " /Creator (Microsoft Word) /Producer (Microsoft Word) /Company " + utf16Hex("UBND "+author) + " >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// namedAnywhere reports whether the PDF's bytes, or any of its objects
// once pdfcpu has decoded them, hold name.
func namedAnywhere(t *testing.T, pdf []byte, name string) bool {
	t.Helper()
	if bytes.Contains(pdf, []byte(name)) || bytes.Contains(pdf, []byte(utf16Hex(name)[5:len(utf16Hex(name))-1])) {
		return true
	}
	conf := model.NewDefaultConfiguration()
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		t.Fatalf("the stripped PDF does not read back: %v", err)
	}
	for _, e := range ctx.Table {
		if e == nil || e.Object == nil {
			continue
		}
		if strings.Contains(e.Object.String(), name) || strings.Contains(strings.ToLower(e.Object.String()), strings.ToLower(hex.EncodeToString([]byte(name)))) {
			return true
		}
		if s := pdfText(e.Object); s != "" && strings.Contains(s, name) {
			return true
		}
	}
	return false
}

func TestStripPDFMetadata(t *testing.T) {
	in := buildPDF("Nguyễn Văn An", "Giữ vững trận địa tư tưởng")
	if !namedAnywhere(t, in, "Nguyễn Văn An") {
		t.Fatal("the test PDF does not name its author: the test proves nothing")
	}
	var out bytes.Buffer
	meta, err := StripPDFMetadata(bytes.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	if namedAnywhere(t, out.Bytes(), "Nguyễn Văn An") {
		t.Fatal("the stripped copy still names the author")
	}
	ctx, err := api.ReadContext(bytes.NewReader(out.Bytes()), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.EnsurePageCount(); err != nil || ctx.PageCount != 1 {
		t.Fatalf("pages %d, %v: the document itself must survive", ctx.PageCount, err)
	}
	root, _ := ctx.Catalog()
	if _, ok := root["Metadata"]; ok {
		t.Error("the catalog still points at XMP metadata")
	}
	if !bytes.Contains(out.Bytes(), []byte("Bao ve nen tang")) && !strings.Contains(pageText(t, ctx), "Bao ve nen tang") {
		t.Error("the page content is gone")
	}
	for _, want := range []string{"Nguyễn Văn An", "Giữ vững trận địa tư tưởng", "UBND Nguyễn Văn An"} {
		if !contains(meta.Properties, want) {
			t.Errorf("properties %q lack %q", meta.Properties, want)
		}
	}
	if w := NamesIn("", meta, []string{"Nguyễn Văn An"}); len(w) == 0 {
		t.Error("no screening warning for the author's name in the PDF's properties")
	}
	if w := NamesIn("", meta, []string{"Trần Thị Bình"}); len(w) != 0 {
		t.Errorf("warnings for a name not in the file: %v", w)
	}
}

func pageText(t *testing.T, ctx *model.Context) string {
	t.Helper()
	var all strings.Builder
	for _, e := range ctx.Table {
		if e == nil || e.Object == nil {
			continue
		}
		if sd, ok := e.Object.(interface{ String() string }); ok {
			all.WriteString(sd.String())
		}
	}
	for nr := range ctx.Table {
		if sd, _, err := ctx.DereferenceStreamDict(indRef(nr)); err == nil && sd != nil && sd.Decode() == nil {
			all.Write(sd.Content)
		}
	}
	return all.String()
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestStripPDFMetadataRefusesJunk(t *testing.T) {
	good := buildPDF("Nguyễn Văn An", "Tiêu đề")
	for name, data := range map[string][]byte{
		"truncated": good[:len(good)/2],
		"not a PDF": []byte("%PDF-1.7\nthis is not a pdf at all"),
		"empty":     {},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			_, err := StripPDFMetadata(bytes.NewReader(data), &out)
			if err == nil {
				if namedAnywhere(t, out.Bytes(), "Nguyễn Văn An") {
					t.Fatal("accepted and still names the author")
				}
				return // pdfcpu repaired it: fine, as long as nothing leaks
			}
			if msg := fileErrorMessage(t, err); !strings.Contains(msg, "PDF") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

func indRef(nr int) types.IndirectRef { return *types.NewIndirectRef(nr, 0) }

// hostilePDF renumbers one object 799,999,999 and breaks the xref offset,
// so that pdfcpu rebuilds its table by scanning and sizes it by that
// number (FuzzStripPDFMetadata found the shape).
func hostilePDF() []byte {
	b := bytes.Replace(buildPDF("Nguyễn Văn An", "Tiêu đề"), []byte("\n7 0 obj"), []byte("\n799999999 0 obj"), 1)
	i := bytes.LastIndex(b, []byte("startxref\n"))
	return append(b[:i:i], []byte("startxref\n99\n%%EOF\n")...)
}

// TestStripPDFMetadataRefusesHugeObjectNumbers: refused before pdfcpu
// sees it, in process, without the sandbox.
func TestStripPDFMetadataRefusesHugeObjectNumbers(t *testing.T) {
	_, err := StripPDFMetadata(bytes.NewReader(hostilePDF()), io.Discard)
	if msg := fileErrorMessage(t, err); !strings.Contains(msg, "PDF") {
		t.Errorf("message %q", msg)
	}
}
