package docfile

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"hoithi/contests"
)

// A PDF names its author in two places: the document information
// dictionary (/Author, /Creator, /Title, custom keys) and XMP metadata
// streams (dc:creator, pdf:Author, xmp:CreatorTool), on the catalog and
// sometimes on pages or images. StripPDFMetadata removes both, through
// pdfcpu (a maintained pure-Go PDF library), which rewrites the file from
// the objects it reaches: the old dictionary and streams are not copied.

func init() {
	// pdfcpu otherwise creates a configuration directory (and fonts) under
	// the user's home on first use.
	api.DisableConfigDir()
}

// maxXMPBytes bounds the XMP read for the screening warning: real packets
// are a few KB.
const maxXMPBytes = 1 << 20

// StripPDFMetadata copies the PDF in r to w without its information
// dictionary and XMP metadata, and returns what they said (meta.Properties,
// for the screening warning). A file pdfcpu cannot read: CodeInvalid naming
// "file". pdfcpu holds the document's objects in memory, so callers bound
// the size (the category's file limit). It trusts pdfcpu with hostile
// input only so far: run it through PDFSandbox, never in the server.
func StripPDFMetadata(r io.ReadSeeker, w io.Writer) (meta Meta, err error) {
	defer func() {
		// A malformed file must be a refusal, never a crashed request.
		if p := recover(); p != nil {
			meta, err = Meta{}, pdfDamaged(fmt.Errorf("pdfcpu panic: %v", p))
		}
	}()
	if err := checkObjectNumbers(r); err != nil {
		return Meta{}, err
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Cmd = model.OPTIMIZE
	ctx, err := api.ReadContext(r, conf)
	if err != nil {
		return Meta{}, pdfDamaged(err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		return Meta{}, pdfDamaged(err)
	}
	values := map[string]bool{}
	if ctx.Info != nil {
		if d, err := ctx.DereferenceDict(*ctx.Info); err == nil {
			for key, v := range d {
				if s := pdfText(v); s != "" && key != "Producer" && key != "CreationDate" && key != "ModDate" && key != "Trapped" {
					values[s] = true
				}
			}
		}
		ctx.Info = nil // pdfcpu writes a new one: Producer and dates only
	}
	for nr, entry := range ctx.Table {
		if entry == nil || entry.Free || entry.Object == nil {
			continue
		}
		var d types.Dict
		switch o := entry.Object.(type) {
		case types.Dict:
			d = o
		case types.StreamDict:
			d = o.Dict
		default:
			continue
		}
		if ref, ok := d["Metadata"]; ok {
			for _, s := range xmpText(ctx, ref) {
				values[s] = true
			}
			d.Delete("Metadata")
		}
		// PieceInfo is private data of the application that made the file.
		d.Delete("PieceInfo")
		_ = nr
	}
	if err := api.WriteContext(ctx, w); err != nil {
		return Meta{}, pdfDamaged(err)
	}
	for s := range values {
		meta.Properties = append(meta.Properties, s)
	}
	sort.Strings(meta.Properties)
	return meta, nil
}

// objectNumber finds "N G obj" headers and /Size entries.
var objectNumber = regexp.MustCompile(`(?:(\d{1,20})\s+\d{1,10}\s+obj\b|/Size\s+(\d{1,20}))`)

// streamLength finds direct /Length values: pdfcpu allocates that much
// before reading a stream, and an allocation too large for the machine is
// a fatal error no recover() catches.
var streamLength = regexp.MustCompile(`/Length\s+(\d{1,20})\b`)

// checkObjectNumbers refuses stream lengths longer than the file and object numbers no file of this size could
// hold (each object takes more than 10 bytes): pdfcpu sizes its tables and
// loops by the largest number it meets, so one object numbered 800
// million costs minutes (FuzzStripPDFMetadata found it). The sandbox
// (sandbox.go) bounds whatever else such a file may do.
func checkObjectNumbers(r io.ReadSeeker) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return pdfDamaged(err)
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return pdfDamaged(err)
	}
	for _, m := range streamLength.FindAllSubmatch(data, -1) {
		if v, err := strconv.ParseUint(string(m[1]), 10, 64); err != nil || v > uint64(len(data)) {
			return pdfDamaged(fmt.Errorf("stream length %s past the file's %d bytes", m[1], len(data)))
		}
	}
	limit := uint64(max(100_000, len(data)/10))
	for _, m := range objectNumber.FindAllSubmatch(data, -1) {
		n := m[1]
		if n == nil {
			n = m[2]
		}
		if v, err := strconv.ParseUint(string(n), 10, 64); err != nil || v > limit {
			return pdfDamaged(fmt.Errorf("object number %s past %d", n, limit))
		}
	}
	return nil
}

// pdfText decodes a string object (literal or hex, PDFDocEncoding or
// UTF-16) to NFC text; "" for anything else.
func pdfText(o types.Object) string {
	s, err := model.Text(o)
	if err != nil {
		return ""
	}
	return nfc(strings.TrimSpace(s))
}

// xmpText returns the character data of an XMP stream: names sit in
// elements such as dc:creator/rdf:Seq/rdf:li.
func xmpText(ctx *model.Context, ref types.Object) []string {
	sd, _, err := ctx.DereferenceStreamDict(ref)
	if err != nil || sd == nil {
		return nil
	}
	if err := sd.Decode(); err != nil || len(sd.Content) > maxXMPBytes {
		return nil
	}
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(sd.Content))
	dec.Strict = false
	for range 100_000 {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			if s := nfc(strings.TrimSpace(string(cd))); s != "" {
				out = append(out, s)
			}
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr { // rdf:Description may carry values as attributes
				if s := nfc(strings.TrimSpace(a.Value)); s != "" && a.Name.Space != "xmlns" && a.Name.Local != "about" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// pdfDamaged is the one message for a PDF that cannot be read.
func pdfDamaged(cause error) error {
	e := contests.Invalid(contests.Field("file", contests.T("Tệp PDF bị hỏng hoặc không đọc được; hãy xuất lại tệp PDF",
		"The PDF file is damaged or unreadable; please export it again")))
	e.Err = cause
	return e
}
