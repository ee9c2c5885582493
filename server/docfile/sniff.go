// Package docfile inspects uploaded essay files: what they really are
// (from their bytes, never from their name), the text and properties of a
// Word document, and whether they name their author. Everything here reads
// untrusted input, so every read is bounded: a crafted file may be refused,
// never allowed to exhaust memory or time.
package docfile

import (
	"fmt"
	"path"
	"strings"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// SniffBytes is how much of the start of a file Sniff wants: enough for a
// Word document's first zip entries and an MP3's first frames after a
// small ID3 tag. Less works, with less certainty.
const SniffBytes = 4096

// Sniff tells which accepted kind a file is from its first bytes (head,
// ideally SniffBytes long) and checks that its name does not claim
// another: a Word file must be a zip holding word/…, a PDF starts with
// %PDF-, an MP3 with an ID3 tag or an MPEG audio frame, an MP4 with an ftyp
// box. A zip that looks like an Office package but shows no part within
// head is taken as Word here: DocxText, which reads the whole zip, is the
// final check.
//
// Errors (CodeInvalid, field "file") say what the content really is, e.g.
// "Tệp không phải Word (.docx) như tên gọi: nội dung là PDF".
func Sniff(head []byte, name string) (essay.FileKind, error) {
	got := identify(head)
	claimed, hasClaim := kindOfName(name)
	switch {
	case len(head) == 0:
		return "", fileError(contests.T("Tệp rỗng", "The file is empty"))
	case hasClaim && got.kind != claimed:
		want := kindLabels[claimed]
		return "", fileError(contests.Msg{
			VI: fmt.Sprintf("Tệp không phải %s như tên gọi: nội dung là %s", want.VI, got.what.VI),
			EN: fmt.Sprintf("The file is not %s as its name says: its content is %s", want.EN, got.what.EN),
		})
	case got.kind == "":
		return "", fileError(contests.Msg{
			VI: "Định dạng tệp không được nhận (chỉ nhận docx, pdf, mp3, mp4): nội dung là " + got.what.VI,
			EN: "This kind of file is not accepted (only docx, pdf, mp3, mp4): its content is " + got.what.EN,
		})
	}
	return got.kind, nil
}

// nameExtensions maps the extensions a name may claim to the kind it
// claims. Other extensions (.doc, none at all) claim nothing and the
// content decides alone.
var nameExtensions = map[string]essay.FileKind{
	".docx": essay.FileDOCX,
	".pdf":  essay.FilePDF,
	".mp3":  essay.FileMP3,
	".mp4":  essay.FileMP4, ".m4v": essay.FileMP4, ".m4a": essay.FileMP4, ".mov": essay.FileMP4,
}

func kindOfName(name string) (essay.FileKind, bool) {
	// Browsers on Windows may send "C:\fakepath\bài.docx".
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	k, ok := nameExtensions[strings.ToLower(path.Ext(name))]
	return k, ok
}

// kindLabels name the accepted kinds in messages.
var kindLabels = map[essay.FileKind]contests.Msg{
	essay.FileDOCX: {VI: "Word (.docx)", EN: "Word (.docx)"},
	essay.FilePDF:  {VI: "PDF", EN: "PDF"},
	essay.FileMP3:  {VI: "âm thanh MP3", EN: "MP3 audio"},
	essay.FileMP4:  {VI: "video MP4", EN: "MP4 video"},
}

// fileError is an invalid-input error naming the field "file".
func fileError(msg contests.Msg) error {
	return contests.Invalid(contests.Field("file", msg))
}
