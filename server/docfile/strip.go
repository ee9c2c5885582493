package docfile

import (
	"archive/zip"
	"io"
	"strings"
)

// neutralParts replace the document properties that name people: who
// created and last saved the file, its company and manager.
var neutralParts = map[string]string{
	"docProps/core.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/"></cp:coreProperties>`,
	"docProps/app.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"></Properties>`,
	"docProps/custom.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"></Properties>`,
}

// StripDocxProperties copies a Word document to w with its property parts
// (creator, last modified by, company, custom properties) emptied, so a
// judge's copy does not name its author; the text is untouched. The same
// limits as DocxText guard against zip bombs.
func StripDocxProperties(r io.ReaderAt, size int64, w io.Writer, limits Limits) error {
	limits = limits.withDefaults()
	if err := checkEntryCount(r, size, limits.MaxEntries); err != nil {
		return damaged(err)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return damaged(err)
	}
	zw := zip.NewWriter(w)
	var total int64
	for _, f := range zr.File {
		hdr := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified}
		out, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if neutral, ok := neutralParts[strings.TrimPrefix(f.Name, "/")]; ok {
			if _, err := io.WriteString(out, neutral); err != nil {
				return err
			}
			continue
		}
		in, err := f.Open()
		if err != nil {
			return damaged(err)
		}
		n, err := io.Copy(out, io.LimitReader(in, limits.MaxEntryBytes+1))
		in.Close()
		total += n
		if err != nil {
			return damaged(err)
		}
		if n > limits.MaxEntryBytes || total > limits.MaxTotalBytes {
			return damaged(errTooManyEntries)
		}
	}
	return zw.Close()
}
