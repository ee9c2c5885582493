package docfile

import (
	"archive/zip"
	"errors"
	"io"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests"
)

// Meta is what a Word document says about who made it, besides its text.
// Screening compares it with the identity sheet: judging is blind, and a
// document whose properties carry the author's name gives them away.
type Meta struct {
	Creator        string `json:"creator,omitempty"`        // docProps/core.xml dc:creator
	LastModifiedBy string `json:"lastModifiedBy,omitempty"` // docProps/core.xml cp:lastModifiedBy
	Title          string `json:"title,omitempty"`          // docProps/core.xml dc:title
	Company        string `json:"company,omitempty"`        // docProps/app.xml Company
	// HeaderFooter is the text of page headers and footers, footnotes,
	// endnotes and comments: judges see it, and it is where people put
	// their names.
	HeaderFooter string `json:"headerFooter,omitempty"`
	// ReviewAuthors are the names on tracked changes and comments.
	ReviewAuthors []string `json:"reviewAuthors,omitempty"`
	// Properties are the other values a file said about itself, removed
	// from the stored copy: a PDF's information dictionary and XMP, an MP3's
	// or MP4's tags.
	Properties []string `json:"properties,omitempty"`
}

// Limits bound the work of reading a docx, which is a zip made by anyone:
// a few KB of zip can inflate to gigabytes. Bytes are counted as they
// inflate; the sizes the zip declares are not trusted. Zero fields take
// the DefaultLimits value.
type Limits struct {
	MaxEntries    int   // entries in the zip
	MaxEntryBytes int64 // inflated bytes of one part read
	MaxTotalBytes int64 // inflated bytes of all parts read together
	// MaxRatio bounds inflated:compressed bytes of a part once it passes
	// ratioFloor; real Word XML stays far below 100:1.
	MaxRatio int64
	// MaxNesting is how many archives deep CheckArchive looks (an embedded
	// workbook is one); MaxPathDepth bounds the folders in a part's name.
	MaxNesting   int
	MaxPathDepth int
}

// ratioFloor: small parts may compress extremely well (a run of spaces)
// and are harmless, so the ratio is only enforced past this size.
const ratioFloor = 1 << 20

// DefaultLimits are generous for any real essay (a 6,000-word article is
// well under 1 MB of XML) and stop a zip bomb early.
func DefaultLimits() Limits {
	return Limits{MaxEntries: 2000, MaxEntryBytes: 50 << 20, MaxTotalBytes: 50 << 20, MaxRatio: 100, MaxNesting: 1, MaxPathDepth: 16}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	orDefault(&l.MaxEntries, d.MaxEntries)
	orDefault(&l.MaxEntryBytes, d.MaxEntryBytes)
	orDefault(&l.MaxTotalBytes, d.MaxTotalBytes)
	orDefault(&l.MaxRatio, d.MaxRatio)
	orDefault(&l.MaxNesting, d.MaxNesting)
	orDefault(&l.MaxPathDepth, d.MaxPathDepth)
	return l
}

// orDefault sets a limit left at zero (or below) to its default.
func orDefault[T int | int64](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// maxMarginParts bounds the header, footer and note parts read.
const maxMarginParts = 32

// DocxText returns the plain text of a Word document (one line per
// paragraph, table cells included, tabs kept, formatting dropped, in NFC)
// and its Meta. A damaged zip, one past limits, or one without a document
// part: CodeInvalid naming the field "file".
func DocxText(r io.ReaderAt, size int64, limits Limits) (string, Meta, error) {
	text, meta, _, err := extract(r, size, limits.withDefaults())
	return text, meta, err
}

// extract is DocxText returning its budget too, for tests to check that
// no limit was overrun.
func extract(r io.ReaderAt, size int64, lim Limits) (string, Meta, *budget, error) {
	b := &budget{lim: lim}
	if err := checkEntryCount(r, size, lim.MaxEntries); err != nil {
		return "", Meta{}, b, damaged(err)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", Meta{}, b, damaged(err)
	}
	if len(zr.File) > lim.MaxEntries {
		return "", Meta{}, b, damaged(errTooManyEntries)
	}
	pkg := newPackage(zr, b)
	parts, err := pkg.locateParts()
	if err != nil {
		return "", Meta{}, b, damaged(err)
	}
	if parts.document == nil {
		return "", Meta{}, b, fileError(contests.T("Tệp không phải tài liệu Word (.docx): không có phần nội dung văn bản",
			"The file is not a Word document (.docx): it has no document part"))
	}
	authors := map[string]bool{}
	var text string
	err = pkg.read(parts.document, func(r io.Reader) (err error) { text, err = wordText(r, authors); return err })
	if err != nil {
		return "", Meta{}, b, damaged(err)
	}
	var meta Meta
	if err := pkg.readMeta(parts, &meta, authors); err != nil {
		return "", Meta{}, b, damaged(err)
	}
	return text, meta, b, nil
}

// readMeta fills meta from the property, margin and comment parts.
func (p *docxPackage) readMeta(parts docxParts, meta *Meta, authors map[string]bool) error {
	if parts.core != nil {
		err := p.read(parts.core, func(r io.Reader) error {
			return readProps(r, map[string]*string{"creator": &meta.Creator, "lastModifiedBy": &meta.LastModifiedBy, "title": &meta.Title})
		})
		if err != nil {
			return err
		}
	}
	if parts.app != nil {
		if err := p.read(parts.app, func(r io.Reader) error { return readProps(r, map[string]*string{"Company": &meta.Company}) }); err != nil {
			return err
		}
	}
	var margins []string
	for _, f := range parts.margins {
		err := p.read(f, func(r io.Reader) error {
			t, err := wordText(r, authors)
			if t != "" {
				margins = append(margins, t)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	meta.HeaderFooter = strings.Join(margins, "\n")
	for a := range authors {
		meta.ReviewAuthors = append(meta.ReviewAuthors, a)
	}
	slices.Sort(meta.ReviewAuthors)
	return nil
}

// docxParts are the zip entries DocxText reads.
type docxParts struct {
	document, core, app *zip.File
	// margins: headers, footers, footnotes, endnotes and comments.
	margins []*zip.File
}

// locateParts follows the package relationships (_rels/.rels) to the main
// document and the property parts, as Word does: the main part is not
// always word/document.xml. Without relationships, the usual names serve.
func (p *docxPackage) locateParts() (docxParts, error) {
	var parts docxParts
	targets := map[string]string{}
	if rels := p.find("_rels/.rels"); rels != nil {
		if err := p.read(rels, func(r io.Reader) (err error) { targets, err = readRelationships(r); return err }); err != nil {
			return parts, err
		}
	}
	pick := func(relType, fallback string) *zip.File {
		if t, ok := targets[relType]; ok {
			if f := p.find(t); f != nil {
				return f
			}
		}
		return p.find(fallback)
	}
	parts.document = pick("officeDocument", "word/document.xml")
	parts.core = pick("core-properties", "docProps/core.xml")
	parts.app = pick("extended-properties", "docProps/app.xml")
	if parts.document == nil {
		return parts, nil
	}
	dir := path.Dir(parts.document.Name) + "/"
	for _, f := range p.zr.File {
		name := strings.TrimPrefix(f.Name, dir)
		if len(name) == len(f.Name) || strings.Contains(name, "/") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		switch {
		case strings.HasPrefix(name, "header"), strings.HasPrefix(name, "footer"),
			name == "footnotes.xml", name == "endnotes.xml", name == "comments.xml":
			if len(parts.margins) == maxMarginParts {
				return parts, errTooManyEntries
			}
			parts.margins = append(parts.margins, f)
		}
	}
	return parts, nil
}

// Reasons a docx is refused, kept as the error's cause for logs and tests.
var (
	errTooManyEntries = errors.New("docx: too many zip entries")
	errEntryTooLarge  = errors.New("docx: a part inflates past the per-part limit")
	errTotalTooLarge  = errors.New("docx: parts inflate past the total limit")
	errRatio          = errors.New("docx: a part inflates past the compression ratio limit")
)

// damaged is the one message for every broken or oversized docx: the
// uploader's remedy is the same (save the document again from Word).
func damaged(cause error) error {
	e := contests.Invalid(contests.Field("file", contests.T("Tệp Word bị hỏng hoặc quá lớn khi giải nén",
		"The Word file is damaged or too large when decompressed")))
	e.Err = cause
	return e
}

// nfc normalizes extracted text: Word on a Mac and text pasted from the web
// store Vietnamese decomposed (NFD), and one word must be one word.
func nfc(s string) string { return norm.NFC.String(s) }
