package docfile

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestStripDocxPropertiesEmptiesNamesKeepsText(t *testing.T) {
	in := zipOf(t, map[string]string{
		"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Nội dung bài viết</w:t></w:r></w:p></w:body></w:document>`,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:creator>Nguyễn Văn An</dc:creator><cp:lastModifiedBy>Nguyễn Văn An</cp:lastModifiedBy></cp:coreProperties>`,
		"DOCPROPS/APP.XML":  `<Properties><Company>Phường An Biên</Company></Properties>`,
	})
	var out bytes.Buffer
	if err := StripDocxProperties(bytes.NewReader(in), int64(len(in)), &out, DefaultLimits()); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		rc, _ := f.Open()
		io.Copy(&all, rc)
		rc.Close()
	}
	if s := all.String(); strings.Contains(s, "Nguyễn Văn An") || strings.Contains(s, "Phường An Biên") || !strings.Contains(s, "Nội dung bài viết") {
		t.Fatalf("stripped document: %s", s)
	}
	if len(zr.File) != 3 {
		t.Fatalf("%d parts, want every part kept", len(zr.File))
	}
}

func TestStripDocxPropertiesRefusesBombsAndJunk(t *testing.T) {
	bomb := zipOf(t, map[string]string{"word/document.xml": strings.Repeat("0", 8<<20)})
	lim := Limits{MaxEntryBytes: 4 << 20, MaxTotalBytes: 4 << 20}
	if err := StripDocxProperties(bytes.NewReader(bomb), int64(len(bomb)), io.Discard, lim); err == nil {
		t.Fatal("a part inflating past the limits must be refused")
	}
	junk := []byte("not a zip at all")
	if err := StripDocxProperties(bytes.NewReader(junk), int64(len(junk)), io.Discard, DefaultLimits()); err == nil {
		t.Fatal("junk must be refused")
	}
}
