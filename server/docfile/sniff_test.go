package docfile

import (
	"bytes"
	"encoding/binary"
	"testing"

	"hoithi/contests/essay"
)

// Tiny hand-built samples of each format: only the bytes a sniffer looks at.

var (
	pdfSample = []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	exeSample = append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), make([]byte, 50)...)
	// docOLE is the compound-file header of a Word 97–2003 .doc.
	docOLE = append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 64)...)
)

// mp3Frames is n MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz:
// 417 bytes each (144000×128/44100).
func mp3Frames(n int) []byte {
	frame := make([]byte, 417)
	copy(frame, []byte{0xff, 0xfb, 0x90, 0x44})
	return bytes.Repeat(frame, n)
}

// id3Tag is an ID3v2.4 tag with a title frame, followed by body.
func id3Tag(body []byte) []byte {
	frame := append([]byte("TIT2\x00\x00\x00\x0a\x00\x00\x03"), []byte("Phóng sự")...)
	size := len(frame)
	tag := append([]byte("ID3\x04\x00\x00"), byte(size>>21&0x7f), byte(size>>14&0x7f), byte(size>>7&0x7f), byte(size&0x7f))
	return append(append(tag, frame...), body...)
}

// ftypBox is the first box of an ISO media file with the given brand.
func ftypBox(brand string) []byte {
	box := make([]byte, 4, 32)
	box = append(box, "ftyp"+brand+"\x00\x00\x02\x00isomiso2mp41"...)
	binary.BigEndian.PutUint32(box, uint32(len(box)))
	return append(box, "\x00\x00\x00\x08free"...)
}

func TestSniff(t *testing.T) {
	docx := simpleDocx(t, "Bài dự thi")
	// An Office package cut before its first word/ entry: only
	// [Content_Types].xml shows.
	officeHead := docx[:bytes.Index(docx, []byte("_rels/.rels"))-30]
	xlsx := buildZip(t, part{name: "[Content_Types].xml", body: contentTypesXML}, part{name: "xl/workbook.xml", body: "<workbook/>"})
	plainZip := buildZip(t, part{name: "bai-thi/ghi-chu.txt", body: "xin chào"})
	odt := buildZip(t, part{name: "mimetype", body: "application/vnd.oasis.opendocument.text", stored: true}, part{name: "content.xml", body: "<x/>"})
	noisy := append([]byte{0xff, 0xfb, 0x90, 0x44}, bytes.Repeat([]byte{0x55}, 600)...) // a frame sync, then no second frame

	cases := []struct {
		name    string
		head    []byte
		file    string
		want    essay.FileKind
		wantErr string // the Vietnamese message, when refused
	}{
		{"docx", docx, "bai-du-thi.docx", essay.FileDOCX, ""},
		{"docx, upper-case extension and a Windows path", docx, `C:\fakepath\BÀI THI.DOCX`, essay.FileDOCX, ""},
		{"docx known only by its Office parts", officeHead, "bai.docx", essay.FileDOCX, ""},
		{"docx named .doc: the content decides", docx, "bai.doc", essay.FileDOCX, ""},
		{"pdf", pdfSample, "bai.pdf", essay.FilePDF, ""},
		{"pdf after junk bytes", append([]byte("\r\n\r\n"), pdfSample...), "bai.pdf", essay.FilePDF, ""},
		{"mp3 with ID3 tag", id3Tag(mp3Frames(3)), "phong-su.mp3", essay.FileMP3, ""},
		{"mp3 frames without tag, no extension", mp3Frames(3), "ghi am", essay.FileMP3, ""},
		{"mp4", ftypBox("isom"), "phim.mp4", essay.FileMP4, ""},
		{"QuickTime from a phone", ftypBox("qt  "), "IMG_0001.MOV", essay.FileMP4, ""},

		{"pdf named .docx", pdfSample, "bai.docx", "", "Tệp không phải Word (.docx) như tên gọi: nội dung là PDF"},
		{"exe named .docx", exeSample, "bai.docx", "", "Tệp không phải Word (.docx) như tên gọi: nội dung là tệp chương trình (.exe)"},
		{"docx named .pdf", docx, "bai.pdf", "", "Tệp không phải PDF như tên gọi: nội dung là Word (.docx)"},
		{"excel named .docx", xlsx, "bai.docx", "", "Tệp không phải Word (.docx) như tên gọi: nội dung là bảng tính Excel (.xlsx)"},
		{"zip named .docx", plainZip, "bai.docx", "", "Tệp không phải Word (.docx) như tên gọi: nội dung là tệp nén ZIP"},
		{"odt named .docx", odt, "bai.docx", "", "Tệp không phải Word (.docx) như tên gọi: nội dung là tài liệu OpenDocument (.odt)"},
		{"old .doc", docOLE, "bai.doc", "", "Định dạng tệp không được nhận (chỉ nhận docx, pdf, mp3, mp4): nội dung là tài liệu Office cũ (.doc) hoặc tài liệu đã đặt mật khẩu"},
		{"HEIC photo named .mp4", ftypBox("heic"), "anh.mp4", "", "Tệp không phải video MP4 như tên gọi: nội dung là ảnh HEIC/AVIF"},
		{"FLAC with an ID3 tag named .mp3", id3Tag([]byte("fLaC\x00\x00\x00\x22")), "nhac.mp3", "", "Tệp không phải âm thanh MP3 như tên gọi: nội dung là âm thanh FLAC"},
		{"jpeg named .pdf", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "scan.pdf", "", "Tệp không phải PDF như tên gọi: nội dung là ảnh JPEG"},
		{"frame sync by chance is not mp3", noisy, "x.mp3", "", "Tệp không phải âm thanh MP3 như tên gọi: nội dung là định dạng không xác định"},
		{"text", []byte("Bài dự thi của tôi\r\n"), "bai.txt", "", "Định dạng tệp không được nhận (chỉ nhận docx, pdf, mp3, mp4): nội dung là văn bản thuần (.txt)"},
		{"html", []byte("\ufeff<!DOCTYPE html><html>"), "bai.docx", "", "Tệp không phải Word (.docx) như tên gọi: nội dung là trang web (HTML)"},
		{"empty", nil, "bai.docx", "", "Tệp rỗng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			head := c.head[:min(len(c.head), SniffBytes)]
			got, err := Sniff(head, c.file)
			if c.wantErr == "" {
				if err != nil || got != c.want {
					t.Fatalf("Sniff = %q, %v; want %q", got, err, c.want)
				}
				return
			}
			if got != "" {
				t.Errorf("refused file got kind %q", got)
			}
			if msg := fileErrorMessage(t, err); msg != c.wantErr {
				t.Errorf("message:\n%q\nwant:\n%q", msg, c.wantErr)
			}
		})
	}
}

func TestMP3FrameLength(t *testing.T) {
	cases := []struct {
		header []byte
		want   int
	}{
		{[]byte{0xff, 0xfb, 0x90, 0x44}, 417}, // MPEG-1, 128 kbit/s, 44.1 kHz
		{[]byte{0xff, 0xfb, 0x92, 0x44}, 418}, // the same, padded
		{[]byte{0xff, 0xfb, 0xe4, 0x44}, 960}, // MPEG-1, 320 kbit/s, 48 kHz
		{[]byte{0xff, 0xf3, 0x80, 0xc4}, 208}, // MPEG-2, 64 kbit/s, 22.05 kHz
		{[]byte{0xff, 0xfd, 0x90, 0x44}, 0},   // Layer II
		{[]byte{0xff, 0xfb, 0xf0, 0x44}, 0},   // bad bit rate
		{[]byte{0xff, 0xfb, 0x9c, 0x44}, 0},   // reserved sample rate
		{[]byte{0xff, 0xf1, 0x50, 0x80}, 0},   // AAC ADTS
		{[]byte{0xff, 0xfb, 0x90}, 0},         // too short
	}
	for _, c := range cases {
		got, ok := mp3Header(c.header)
		if got != c.want || ok != (c.want > 0) {
			t.Errorf("mp3Header(% x) = %d, %v; want %d", c.header, got, ok, c.want)
		}
	}
}
