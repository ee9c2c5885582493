package docfile

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// content is what a file's first bytes show: an accepted kind, or none and
// a description for the message telling the uploader what they sent.
type content struct {
	kind essay.FileKind
	what contests.Msg
	// definite: the bytes positively identify a format, rather than
	// failing to (unknown bytes, text).
	definite bool
}

func accepted(k essay.FileKind) content { return content{kind: k, what: kindLabels[k], definite: true} }

func other(vi, en string) content { return content{what: contests.Msg{VI: vi, EN: en}, definite: true} }

func vague(vi, en string) content { return content{what: contests.Msg{VI: vi, EN: en}} }

// pdfSearchBytes: readers accept "%PDF-" anywhere in the first KiB, after
// junk some generators put in front, and so do we.
const pdfSearchBytes = 1024

// identify recognises the accepted kinds and the usual wrong uploads.
func identify(head []byte) content {
	switch {
	case len(head) == 0:
		return other("tệp rỗng", "an empty file")
	case bytes.Contains(head[:min(len(head), pdfSearchBytes)], []byte("%PDF-")):
		return accepted(essay.FilePDF)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return identifyZip(head)
	case bytes.HasPrefix(head, []byte("ID3")):
		return identifyID3(head)
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return identifyFtyp(head)
	}
	if _, ok := mp3Frame(head); ok {
		return accepted(essay.FileMP3)
	}
	for _, s := range signatures {
		if len(head) >= s.offset+len(s.magic) && string(head[s.offset:s.offset+len(s.magic)]) == s.magic {
			return other(s.vi, s.en)
		}
	}
	return identifyText(head)
}

// signatures are formats people send by mistake, named so they know what
// to export instead.
var signatures = []struct {
	offset int
	magic  string
	vi, en string
}{
	{0, "MZ", "tệp chương trình (.exe)", "a program (.exe)"},
	{0, "\x7fELF", "tệp chương trình", "a program"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "tài liệu Office cũ (.doc) hoặc tài liệu đã đặt mật khẩu", "an old Office document (.doc) or a password-protected one"},
	{0, "{\\rtf", "văn bản RTF", "an RTF document"},
	{0, "Rar!\x1a\x07", "tệp nén RAR", "a RAR archive"},
	{0, "7z\xbc\xaf\x27\x1c", "tệp nén 7z", "a 7z archive"},
	{0, "\x1f\x8b", "tệp nén gzip", "a gzip archive"},
	{0, "\x89PNG\r\n\x1a\n", "ảnh PNG", "a PNG image"},
	{0, "\xff\xd8\xff", "ảnh JPEG", "a JPEG image"},
	{0, "GIF8", "ảnh GIF", "a GIF image"},
	{8, "WEBP", "ảnh WebP", "a WebP image"},
	{8, "WAVE", "âm thanh WAV", "WAV audio"},
	{8, "AVI ", "video AVI", "an AVI video"},
	{0, "OggS", "âm thanh/video Ogg", "Ogg audio or video"},
	{0, "fLaC", "âm thanh FLAC", "FLAC audio"},
	{0, "\x1a\x45\xdf\xa3", "video WebM/MKV", "a WebM/MKV video"},
	{0, "#!AMR", "âm thanh AMR", "AMR audio"},
	{0, "\xff\xf1", "âm thanh AAC", "AAC audio"},
	{0, "\xff\xf9", "âm thanh AAC", "AAC audio"},
}

// identifyText names what is left: text (plain, HTML) or unknown bytes.
func identifyText(head []byte) content {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 64)])
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return other("trang web (HTML)", "a web page (HTML)")
	}
	// A multi-byte character cut by the end of head is still text.
	body := head
	for i := 0; i < utf8.UTFMax && len(body) > 0 && !utf8.Valid(body); i++ {
		body = body[:len(body)-1]
	}
	if len(body) > 0 && utf8.Valid(body) && !bytes.ContainsFunc(body, isControl) {
		return vague("văn bản thuần (.txt)", "plain text (.txt)")
	}
	return vague("định dạng không xác định", "an unknown format")
}

func isControl(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }

// identifyID3 accepts an ID3v2 tag as MP3 unless what follows the tag,
// when head reaches it, is positively some other audio format (FLAC and
// AAC files can carry ID3 tags too).
func identifyID3(head []byte) content {
	if len(head) < 10 || head[3] < 2 || head[3] > 4 || head[6]|head[7]|head[8]|head[9] >= 0x80 {
		return other("tệp có thẻ ID3 hỏng", "a file with a broken ID3 tag")
	}
	size := 10 + (int(head[6])<<21 | int(head[7])<<14 | int(head[8])<<7 | int(head[9]))
	if head[5]&0x10 != 0 { // footer present
		size += 10
	}
	if size >= len(head) {
		return accepted(essay.FileMP3)
	}
	rest := bytes.TrimLeft(head[size:], "\x00") // padding some taggers leave beyond the size
	if len(rest) == 0 {
		return accepted(essay.FileMP3)
	}
	if _, ok := mp3Frame(rest); ok {
		return accepted(essay.FileMP3)
	}
	if after := identify(rest); after.kind == "" && after.definite {
		return after
	}
	return accepted(essay.FileMP3)
}

// identifyFtyp reads an ISO media file's brand: the MP4 family (QuickTime,
// M4A and 3GP included: the same box structure, playable alike) is MP4;
// HEIF/AVIF photos share the container and are not.
func identifyFtyp(head []byte) content {
	if binary.BigEndian.Uint32(head[0:4]) < 12 {
		return vague("định dạng không xác định", "an unknown format")
	}
	switch string(head[8:12]) {
	case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis":
		return other("ảnh HEIC/AVIF", "a HEIC/AVIF photo")
	case "crx ":
		return other("ảnh RAW (Canon)", "a Canon RAW photo")
	}
	return accepted(essay.FileMP4)
}
