package docfile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// Builders of test documents: real-shaped docx files made in memory.

type part struct {
	name string
	body string
	// stored: no compression, so a test can find and damage the bytes.
	stored bool
}

// buildZip writes parts in order with archive/zip, which streams entries
// (sizes in data descriptors), as many real generators do.
func buildZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		method := zip.Deflate
		if p.stored {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

	wordNamespaces = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`
)

// rootRels points the package at its main document and property parts.
func rootRels(document string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + document + `"/>` +
		`</Relationships>`
}

func coreXML(title, creator, lastModifiedBy string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>` + esc(creator) + `</dc:creator>` +
		`<cp:lastModifiedBy>` + esc(lastModifiedBy) + `</cp:lastModifiedBy><cp:revision>3</cp:revision>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-01T08:00:00Z</dcterms:created></cp:coreProperties>`
}

func appXML(company string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Company>` + esc(company) + `</Company>` +
		`<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Không phải tiêu đề</vt:lpstr></vt:vector></TitlesOfParts></Properties>`
}

// wordPart wraps body XML in a WordprocessingML root (w:document or
// w:hdr, w:ftr, w:comments).
func wordPart(root, body string) string {
	inner := body
	if root == "document" {
		inner = `<w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:` + root + ` ` + wordNamespaces + `>` + inner + `</w:` + root + `>`
}

// para is a paragraph of plain runs.
func para(runs ...string) string {
	var sb strings.Builder
	sb.WriteString(`<w:p><w:pPr><w:jc w:val="both"/></w:pPr>`)
	for _, r := range runs {
		sb.WriteString(`<w:r><w:t xml:space="preserve">` + esc(r) + `</w:t></w:r>`)
	}
	sb.WriteString(`</w:p>`)
	return sb.String()
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// simpleDocx is a complete small document with the given paragraphs.
func simpleDocx(t testing.TB, paragraphs ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString(para(p))
	}
	return buildZip(t,
		part{name: "[Content_Types].xml", body: contentTypesXML},
		part{name: "_rels/.rels", body: rootRels("word/document.xml")},
		part{name: "word/document.xml", body: wordPart("document", body.String())},
		part{name: "docProps/core.xml", body: coreXML("Bài dự thi", "Người dùng", "Người dùng")},
		part{name: "docProps/app.xml", body: appXML("")},
	)
}

// bombDocx is a docx whose document part inflates to the given size of
// "0" characters inside one w:t: valid XML, so only the limits can stop
// it. It is written through a streaming zip writer at flate.BestSpeed, so
// a 200 MB part takes a fraction of a second and ~250 KB of memory.
func bombDocx(t testing.TB, parts []part, bombName string, bombBytes int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	write := func(name string, chunks func(w io.Writer) error) {
		w, err := zw.Create(name)
		if err == nil {
			err = chunks(w)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range parts {
		write(p.name, func(w io.Writer) error { _, err := io.WriteString(w, p.body); return err })
	}
	write(bombName, func(w io.Writer) error {
		open := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNamespaces + `><w:body><w:p><w:r><w:t>`
		if _, err := io.WriteString(w, open); err != nil {
			return err
		}
		zeros := bytes.Repeat([]byte("0"), 64<<10)
		for left := bombBytes; left > 0; left -= len(zeros) {
			if _, err := w.Write(zeros[:min(left, len(zeros))]); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, "</w:t></w:r></w:p></w:body></w:document>")
		return err
	})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
