package docfile

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"reflect"
	"testing"
	"time"
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
		if refusedWithinLimits(t, b, limits, err) {
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
		if refusedWithinLimits(t, b, limits, err) {
			return
		}
		if err := StripDocxProperties(bytes.NewReader(data), int64(len(data)), io.Discard, limits); err != nil {
			t.Fatalf("accepted, but the judge's copy fails: %v", err)
		}
	})
}

// FuzzStripPDFMetadata feeds the PDF stripper arbitrary bytes the way the
// server runs it: in the sandboxed child (pdfcpu meets a /Length of a
// terabyte with a fatal allocation, and an object numbered 800 million with
// minutes of work). It must refuse only with the one error type naming
// "file", and what it accepts must come back out clean. Seeds:
// testdata/fuzz/FuzzStripPDFMetadata (a PDF naming its author in Info and
// XMP, one truncated, one with a broken xref offset).
func FuzzStripPDFMetadata(f *testing.F) {
	f.Add(buildPDF("Nguyễn Văn An", "Tiêu đề"))
	exe, err := os.Executable()
	if err != nil {
		f.Fatal(err)
	}
	sandbox := NewPDFSandbox(exe, 1)
	sandbox.Timeout, sandbox.MaxMemory = 10*time.Second, 512<<20
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return // the caller bounds the size
		}
		in, out := sandboxFiles(t, data)
		meta, err := sandbox.StripPDFMetadata(context.Background(), in, out)
		if err != nil {
			var ce *contests.Error
			if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid || len(ce.Fields) != 1 || ce.Fields[0].Field != "file" {
				t.Fatalf("error %v is not an invalid-input error naming \"file\"", err)
			}
			return
		}
		stripped, err := os.ReadFile(out.Name())
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range meta.Properties {
			if len(v) >= 8 && bytes.Contains(stripped, []byte(v)) {
				t.Fatalf("the stripped copy still holds the property %q", v)
			}
		}
	})
}

// memFile is a file in memory, for the in-place MP4 rewrite.
type memFile []byte

func (m memFile) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off >= int64(len(m)) {
		return 0, io.EOF
	}
	n := copy(p, m[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (m memFile) WriteAt(p []byte, off int64) (int, error) {
	if off < 0 || off+int64(len(p)) > int64(len(m)) {
		return 0, errors.New("write past the end")
	}
	return copy(m[off:], p), nil
}

// FuzzMediaTags feeds the MP4 and MP3 tag removers arbitrary bytes: no
// panic, the one error type, an MP4 never changes size (offsets into mdat
// must not move) and once neutralized holds no tag left to find; an MP3's
// audio range lies within the file. Seeds: testdata/fuzz/FuzzMediaTags.
func FuzzMediaTags(f *testing.F) {
	f.Add(taggedMP4("Nguyễn Văn An"))
	f.Add(append(id3Tag(mp3Frames(3)), []byte("TAG")...))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := memFile(bytes.Clone(data))
		_, err := NeutralizeMP4Metadata(file, int64(len(file)))
		checkFileError(t, err)
		if len(file) != len(data) {
			t.Fatal("size changed")
		}
		if err == nil {
			again, err := NeutralizeMP4Metadata(file, int64(len(file)))
			if err != nil || len(again.Properties) > 0 {
				t.Fatalf("a second pass found %q, %v", again.Properties, err)
			}
		}
		start, end, _, err := MP3Audio(bytes.NewReader(data), int64(len(data)))
		checkFileError(t, err)
		if err == nil && (start < 0 || end > int64(len(data)) || start > end) {
			t.Fatalf("audio range [%d, %d) of %d bytes", start, end, len(data))
		}
	})
}

func checkFileError(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var ce *contests.Error
	if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid || len(ce.Fields) != 1 || ce.Fields[0].Field != "file" {
		t.Fatalf("error %v is not an invalid-input error naming \"file\"", err)
	}
}

// FuzzStripImageMetadata: any bytes give no error (damaged pictures are
// copied as far as they go), no more bytes than came in, and a second pass
// changes nothing. Seeds: testdata/fuzz/FuzzStripImageMetadata.
func FuzzStripImageMetadata(f *testing.F) {
	f.Add(photoJPEG("Nguyễn Văn An"))
	f.Add(photoPNG("Nguyễn Văn An"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var once, twice bytes.Buffer
		if err := stripImageMetadata(&once, bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		if once.Len() > len(data) {
			t.Fatalf("%d bytes out of %d", once.Len(), len(data))
		}
		if err := stripImageMetadata(&twice, bytes.NewReader(once.Bytes())); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatal("a second pass removed more: the first left metadata")
		}
	})
}

// refusedWithinLimits fails the test when an archive inflated past limits
// or was refused with anything but the one invalid-input error naming
// "file"; it reports whether the archive was refused.
func refusedWithinLimits(t *testing.T, b *budget, limits Limits, err error) bool {
	t.Helper()
	if b.largestPart > limits.MaxEntryBytes+1 || b.total > limits.MaxTotalBytes+1 {
		t.Fatalf("inflated %d bytes, largest part %d: past the limits %+v", b.total, b.largestPart, limits)
	}
	if err == nil {
		return false
	}
	var ce *contests.Error
	if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid || len(ce.Fields) != 1 || ce.Fields[0].Field != "file" {
		t.Fatalf("error %v is not an invalid-input error naming \"file\"", err)
	}
	return true
}
