package docfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests"
)

const (
	titleNFC = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
	bodyNFC  = "Nghị quyết Đại hội XIII của Đảng đã đề ra nhiều chủ trương quan trọng."
)

// realisticDocument holds what Word writes besides plain runs: a run split
// mid-sentence by formatting, tab stops (not text) and a tab (text), a line
// break, a 2×2 table, a tracked deletion, a field code, a text box written
// twice (mc:Choice and mc:Fallback), and a paragraph typed in NFD.
func realisticDocument() string {
	nfd := norm.NFD.String(bodyNFC)
	return para(titleNFC) +
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
		`<w:r><w:t xml:space="preserve">Phần </w:t></w:r><w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>một</w:t></w:r>` +
		`<w:r><w:tab/><w:t>mở đầu</w:t><w:br/><w:t>dòng mới</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>` +
		`<w:tr><w:tc>` + para("Năm") + `</w:tc><w:tc>` + para("Số đảng viên") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + para("2024") + `</w:tc><w:tc>` + para("5.200.000") + `</w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t xml:space="preserve">Bản sửa </w:t></w:r>` +
		`<w:del w:id="1" w:author="Nguyễn Văn An" w:date="2025-03-01T08:00:00Z"><w:r><w:delText>câu đã xoá</w:delText></w:r></w:del>` +
		`<w:ins w:id="2" w:author="Nguyễn Văn An" w:date="2025-03-01T08:00:00Z"><w:r><w:t>cuối cùng</w:t></w:r></w:ins></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + para("Hộp chữ") +
		`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>` + para("Hộp chữ") +
		`</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		para(nfd)
}

const realisticText = titleNFC + "\n" +
	"Phần một\tmở đầu\ndòng mới\n" +
	"Năm\nSố đảng viên\n2024\n5.200.000\n" +
	"Bản sửa cuối cùng\n" +
	"7\n" +
	"Hộp chữ\n\n" +
	bodyNFC

func realisticDocx(t testing.TB) []byte {
	return buildZip(t,
		part{name: "[Content_Types].xml", body: contentTypesXML},
		part{name: "_rels/.rels", body: rootRels("word/document.xml")},
		part{name: "word/document.xml", body: wordPart("document", realisticDocument())},
		part{name: "word/header1.xml", body: wordPart("hdr", para("Tác giả: Nguyễn Văn An – Phường Bến Nghé"))},
		part{name: "word/footer1.xml", body: wordPart("ftr", para("Trang"))},
		part{name: "word/comments.xml", body: wordPart("comments",
			`<w:comment w:id="0" w:author="Trần Thị Bình" w:initials="TB">`+para("Xem lại số liệu")+`</w:comment>`)},
		part{name: "word/media/image1.png", body: "\x89PNG\r\n\x1a\nnot really"},
		part{name: "docProps/core.xml", body: coreXML("Bài dự thi "+norm.NFD.String("Đảng"), "Nguyễn Văn An", "nguyen van an")},
		part{name: "docProps/app.xml", body: appXML("UBND Phường Bến Nghé")},
	)
}

func TestDocxTextReadsTextAndProperties(t *testing.T) {
	data := realisticDocx(t)
	text, meta, err := DocxText(bytes.NewReader(data), int64(len(data)), DefaultLimits())
	if err != nil {
		t.Fatalf("DocxText: %v", err)
	}
	if text != realisticText {
		t.Errorf("text:\n%q\nwant:\n%q", text, realisticText)
	}
	if !norm.NFC.IsNormalString(text) {
		t.Error("text is not NFC")
	}
	want := Meta{
		Creator: "Nguyễn Văn An", LastModifiedBy: "nguyen van an", Title: "Bài dự thi Đảng", Company: "UBND Phường Bến Nghé",
		HeaderFooter:  "Tác giả: Nguyễn Văn An – Phường Bến Nghé\nTrang\nXem lại số liệu",
		ReviewAuthors: []string{"Nguyễn Văn An", "Trần Thị Bình"},
	}
	if fmt.Sprint(meta) != fmt.Sprint(want) {
		t.Errorf("meta:\n%+v\nwant:\n%+v", meta, want)
	}
}

func TestDocxTextFollowsRelationships(t *testing.T) {
	// Some Word versions save the main part as word/document2.xml; a stale
	// word/document.xml must not be read instead.
	data := buildZip(t,
		part{name: "[Content_Types].xml", body: contentTypesXML},
		part{name: "_rels/.rels", body: rootRels("/word/document2.xml")},
		part{name: "word/document.xml", body: wordPart("document", para("bản cũ"))},
		part{name: "word/document2.xml", body: wordPart("document", para("bản đúng"))},
	)
	text, meta, err := DocxText(bytes.NewReader(data), int64(len(data)), Limits{})
	if err != nil || text != "bản đúng" || meta.Creator != "" {
		t.Errorf("DocxText = %q, %+v, %v; want the relationship's target", text, meta, err)
	}
}

func TestDocxTextWithoutDocumentPart(t *testing.T) {
	data := buildZip(t, part{name: "[Content_Types].xml", body: contentTypesXML}, part{name: "xl/workbook.xml", body: "<workbook/>"})
	_, _, err := DocxText(bytes.NewReader(data), int64(len(data)), DefaultLimits())
	msg := fileErrorMessage(t, err)
	if !strings.Contains(msg, "không có phần nội dung văn bản") {
		t.Errorf("message %q does not say the document part is missing", msg)
	}
}

func TestDocxTextRefusesZipBombs(t *testing.T) {
	const mb = 1 << 20
	bomb := bombDocx(t, []part{
		{name: "[Content_Types].xml", body: contentTypesXML},
		{name: "_rels/.rels", body: rootRels("word/document.xml")},
	}, "word/document.xml", 200*mb)
	twoParts := buildZip(t,
		part{name: "word/document.xml", body: wordPart("document", para(strings.Repeat("chữ ", mb/5)))},
		part{name: "word/header1.xml", body: wordPart("hdr", para(strings.Repeat("đầu ", mb/5)))},
	)
	cases := []struct {
		name   string
		data   []byte
		limits Limits
		cause  error
		// maxPart bounds what one part may have inflated to before refusing.
		maxPart int64
	}{
		// 200 MB in ~260 KB: the ratio allowance (100 × compressed) ends it near 26 MB.
		{"200 MB of zeros, default limits: the ratio stops it", bomb, DefaultLimits(), errRatio, 30 * mb},
		{"200 MB of zeros, no ratio limit: the part limit stops it", bomb,
			Limits{MaxEntries: 10, MaxEntryBytes: 8 * mb, MaxTotalBytes: 60 * mb, MaxRatio: 1 << 40}, errEntryTooLarge, 8*mb + 1},
		{"two parts each under the part limit, together over the total", twoParts,
			Limits{MaxEntries: 10, MaxEntryBytes: 2 * mb, MaxTotalBytes: 2 * mb, MaxRatio: 1 << 40}, errTotalTooLarge, 2 * mb},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if len(c.data) > 400<<10 {
				t.Fatalf("the test zip is %d bytes; it should stay small", len(c.data))
			}
			text, _, b, err := extract(bytes.NewReader(c.data), int64(len(c.data)), c.limits)
			assertDamaged(t, err, c.cause)
			if text != "" {
				t.Error("refused document returned text")
			}
			if b.largestPart > c.maxPart || b.total > c.limits.MaxTotalBytes+1 {
				t.Errorf("inflated %d bytes (largest part %d) before refusing; limits %d per part, %d in all",
					b.total, b.largestPart, c.maxPart, c.limits.MaxTotalBytes)
			}
		})
	}
}

func TestDocxTextRefusesTooManyEntries(t *testing.T) {
	parts := []part{{name: "word/document.xml", body: wordPart("document", para("ít chữ"))}}
	for i := range 2000 {
		parts = append(parts, part{name: fmt.Sprintf("word/media/image%d.png", i), body: "x"})
	}
	data := buildZip(t, parts...)
	_, _, err := DocxText(bytes.NewReader(data), int64(len(data)), DefaultLimits())
	assertDamaged(t, err, errTooManyEntries)

	// One entry fewer is fine.
	data = buildZip(t, parts[:2000]...)
	if text, _, err := DocxText(bytes.NewReader(data), int64(len(data)), DefaultLimits()); err != nil || text != "ít chữ" {
		t.Errorf("2,000 entries: %q, %v", text, err)
	}
}

func TestDocxTextRefusesDamagedFiles(t *testing.T) {
	good := simpleDocx(t, "Đoạn một", "Đoạn hai")
	stored := buildZip(t,
		part{name: "_rels/.rels", body: rootRels("word/document.xml")},
		part{name: "word/document.xml", body: wordPart("document", para("Nội dung gốc")), stored: true},
	)
	flipped := bytes.Replace(stored, []byte("gốc"), []byte("gộc"), 1)
	if bytes.Equal(flipped, stored) || len(flipped) != len(stored) {
		t.Fatal("could not damage the stored part in place")
	}
	badXML := buildZip(t, part{name: "word/document.xml", body: `<w:document ` + wordNamespaces + `><w:body><w:p></w:body>`})
	const depth = 100_000
	deep := buildZip(t, part{name: "word/document.xml", body: `<w:document ` + wordNamespaces + `>` +
		strings.Repeat("<w:p>", depth) + strings.Repeat("</w:p>", depth) + `</w:document>`})
	cases := []struct {
		name  string
		data  []byte
		cause error // nil: whatever archive/zip or encoding/xml says
	}{
		{"empty", nil, nil},
		{"not a zip", []byte("%PDF-1.7 not a zip at all"), zip.ErrFormat},
		{"truncated to half", good[:len(good)/2], zip.ErrFormat},
		{"central directory cut off", good[:len(good)-10], zip.ErrFormat},
		{"part content changed (CRC)", flipped, zip.ErrChecksum},
		{"malformed XML", badXML, nil},
		{"XML nested 100,000 deep", deep, errXMLTooDeep},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := DocxText(bytes.NewReader(c.data), int64(len(c.data)), DefaultLimits())
			if err == nil {
				t.Fatal("damaged file accepted")
			}
			assertDamaged(t, err, c.cause)
		})
	}
	// The undamaged original still reads, so the cases fail for their damage.
	if text, _, err := DocxText(bytes.NewReader(stored), int64(len(stored)), DefaultLimits()); err != nil || text != "Nội dung gốc" {
		t.Errorf("undamaged stored docx: %q, %v", text, err)
	}
}

func TestLimitsZeroFieldsTakeDefaults(t *testing.T) {
	got := Limits{MaxEntries: 5}.withDefaults()
	want := DefaultLimits()
	want.MaxEntries = 5
	if got != want {
		t.Errorf("withDefaults = %+v, want %+v", got, want)
	}
}

// fileErrorMessage checks err is CodeInvalid naming "file" and returns its
// Vietnamese message.
func fileErrorMessage(t *testing.T, err error) string {
	t.Helper()
	var ce *contests.Error
	if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid || len(ce.Fields) != 1 || ce.Fields[0].Field != "file" {
		t.Fatalf("error %v, want an invalid-input error naming \"file\"", err)
	}
	if ce.Fields[0].Msg.EN == "" {
		t.Error("no English fallback")
	}
	return ce.Fields[0].Msg.VI
}

func assertDamaged(t *testing.T, err error, cause error) {
	t.Helper()
	if msg := fileErrorMessage(t, err); msg != "Tệp Word bị hỏng hoặc quá lớn khi giải nén" {
		t.Errorf("message %q", msg)
	}
	if cause != nil && !errors.Is(err, cause) {
		t.Errorf("cause %v, want %v", errors.Unwrap(err), cause)
	}
}
