package docfile

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"
	"unicode/utf8"

	"hoithi/contests"
)

// FuzzDocxText feeds DocxText arbitrary bytes: it must never panic, never
// inflate past its limits, and refuse with the one error type naming
// "file". Seeds: testdata/fuzz/FuzzDocxText (a minimal docx, a
// real-shaped one, a truncated one) and the builders' documents.
func FuzzDocxText(f *testing.F) {
	f.Add(simpleDocx(f, "Đoạn một", "Đoạn hai"))
	f.Add(realisticDocx(f))
	limits := Limits{MaxEntries: 64, MaxEntryBytes: 256 << 10, MaxTotalBytes: 512 << 10, MaxRatio: 100}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, meta, b, err := extract(bytes.NewReader(data), int64(len(data)), limits)
		if b.largestPart > limits.MaxEntryBytes+1 || b.total > limits.MaxTotalBytes+1 {
			t.Fatalf("inflated %d bytes, largest part %d: past the limits %+v", b.total, b.largestPart, limits)
		}
		if err != nil {
			var ce *contests.Error
			if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid || len(ce.Fields) != 1 || ce.Fields[0].Field != "file" {
				t.Fatalf("error %v is not an invalid-input error naming \"file\"", err)
			}
			if text != "" || !reflect.DeepEqual(meta, Meta{}) {
				t.Fatalf("refused document returned text %q or meta %+v", text, meta)
			}
			return
		}
		if !utf8.ValidString(text) || !utf8.ValidString(meta.HeaderFooter) {
			t.Fatal("extracted text is not valid UTF-8")
		}
		// Text comes only from inflated XML; NFC at most triples it.
		if int64(len(text)+len(meta.HeaderFooter)) > 3*b.total {
			t.Fatalf("%d bytes of text from %d inflated bytes", len(text)+len(meta.HeaderFooter), b.total)
		}
	})
}

// FuzzCheckArchive feeds CheckArchive arbitrary bytes: it must never panic
// nor inflate past its limits, refuse with the one error type naming
// "file", and whatever it accepts must give a judge's copy
// (StripDocxProperties) without error: that is what it is for. Seeds:
// testdata/fuzz/FuzzCheckArchive (a document with an embedded workbook,
// one with a part lying about its size, one nested too deep).
func FuzzCheckArchive(f *testing.F) {
	f.Add(simpleDocx(f, "Đoạn một"))
	f.Add(realisticDocx(f))
	limits := Limits{MaxEntries: 64, MaxEntryBytes: 256 << 10, MaxTotalBytes: 512 << 10, MaxRatio: 100, MaxNesting: 1, MaxPathDepth: 8}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := checkArchive(bytes.NewReader(data), int64(len(data)), limits)
		if b.largestPart > limits.MaxEntryBytes+1 || b.total > limits.MaxTotalBytes+1 {
			t.Fatalf("inflated %d bytes, largest part %d: past the limits %+v", b.total, b.largestPart, limits)
		}
		if err != nil {
			var ce *contests.Error
			if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid || len(ce.Fields) != 1 || ce.Fields[0].Field != "file" {
				t.Fatalf("error %v is not an invalid-input error naming \"file\"", err)
			}
			return
		}
		if err := StripDocxProperties(bytes.NewReader(data), int64(len(data)), io.Discard, limits); err != nil {
			t.Fatalf("accepted, but the judge's copy fails: %v", err)
		}
	})
}
