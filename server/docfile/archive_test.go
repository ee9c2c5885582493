package docfile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// withParts is simpleDocx plus extra parts.
func withParts(t testing.TB, extra ...part) []byte {
	return buildZip(t, append([]part{
		{name: "[Content_Types].xml", body: contentTypesXML},
		{name: "_rels/.rels", body: rootRels("word/document.xml")},
		{name: "word/document.xml", body: wordPart("document", para("Bài dự thi"))},
	}, extra...)...)
}

// zerosPart deflates n zero bytes at BestSpeed and returns a raw zip whose
// one extra part declares declared bytes (a lie when declared < n).
func lyingZip(t testing.TB, n int, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	zeros := make([]byte, n)
	fw.Write(zeros)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []part{{name: "[Content_Types].xml", body: contentTypesXML}, {name: "word/document.xml", body: wordPart("document", para("x"))}} {
		w, _ := zw.Create(p.name)
		io.WriteString(w, p.body)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/media/x.bin", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(zeros),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestCheckArchive(t *testing.T) {
	small := Limits{MaxEntries: 20, MaxEntryBytes: 1 << 20, MaxTotalBytes: 2 << 20, MaxRatio: 100, MaxNesting: 1, MaxPathDepth: 4}
	embedded := withParts(t, part{name: "word/embeddings/Sheet1.xlsx", body: string(buildZip(t, part{name: "xl/workbook.xml", body: "<workbook/>"}))})
	nested2 := withParts(t, part{name: "word/embeddings/a.docx", body: string(embedded)})
	var many []part
	for i := range 25 {
		many = append(many, part{name: "word/p" + itoa(i) + ".xml", body: "<x/>"})
	}
	for _, tc := range []struct {
		name    string
		data    []byte
		cause   error // nil: accepted
		message string
	}{
		{"a real-shaped document", realisticDocx(t), nil, ""},
		{"an embedded workbook", embedded, nil, ""},
		{"a hidden part past the total", bombDocx(t, []part{{name: "word/document.xml", body: wordPart("document", para("x"))}}, "word/media/pad.xml", 3<<20), errDeclaredTotal, "vượt quá 2 MB"},
		{"a part lying about its size", lyingZip(t, 3<<20, 10), zip.ErrFormat, "bị hỏng"},
		{"too many parts", withParts(t, many...), errTooManyEntries, "quá nhiều phần"},
		{"an archive in an archive in an archive", nested2, errNestedTooDeep, "lồng nhau"},
		{"folders too deep", withParts(t, part{name: "a/b/c/d/e/f.xml", body: "<x/>"}), errPathTooDeep, "quá sâu"},
		{"not a zip", []byte("%PDF-1.7 nothing"), zip.ErrFormat, "bị hỏng"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := checkArchive(bytes.NewReader(tc.data), int64(len(tc.data)), small)
			if b.total > small.MaxTotalBytes+1 || b.largestPart > small.MaxEntryBytes+1 {
				t.Fatalf("inflated %d bytes (largest part %d): past the limits", b.total, b.largestPart)
			}
			if tc.cause == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				var out bytes.Buffer
				if err := StripDocxProperties(bytes.NewReader(tc.data), int64(len(tc.data)), &out, small); err != nil {
					t.Fatalf("accepted but a judge's copy fails: %v", err)
				}
				return
			}
			if !errors.Is(err, tc.cause) {
				t.Fatalf("error %v, want cause %v", err, tc.cause)
			}
			if msg := fileErrorMessage(t, err); !strings.Contains(msg, tc.message) {
				t.Errorf("message %q does not say %q", msg, tc.message)
			}
		})
	}
}

func itoa(i int) string { return string(rune('a'+i/26)) + string(rune('a'+i%26)) }
