package docfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"hoithi/contests"
)

// Audio and video files carry tags too: an MP4's udta and meta boxes
// (©ART, ©aut, the encoder's owner name) and XMP uuid box, an MP3's ID3
// tags (TPE1 artist, TCOM composer, COMM). They are removed from the copy
// kept for judges, and what they said warns screening, as for Word and PDF.

// maxTagBytes bounds what is read of one tag for the warning.
const maxTagBytes = 1 << 20

// xmpUUID is the uuid box type Adobe uses for XMP in MP4 files.
var xmpUUID = []byte{0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac}

// ReaderWriterAt is a file open for reading and writing.
type ReaderWriterAt interface {
	io.ReaderAt
	io.WriterAt
}

// NeutralizeMP4Metadata overwrites, in place, every box where an MP4 keeps
// tags: udta and meta at the top, in moov and in each trak, and the XMP
// uuid box. Each becomes a "free" box of the same size filled with zeros,
// so no offset in the file moves (the sample tables point into mdat by
// absolute offset). It returns the text the boxes held. A file whose boxes
// cannot be walked: CodeInvalid naming "file".
func NeutralizeMP4Metadata(f ReaderWriterAt, size int64) (Meta, error) {
	found := map[string]bool{}
	var walk func(from, to int64, depth int) error
	walk = func(from, to int64, depth int) error {
		return eachBox(f, from, to, func(name string, start, payload, end int64) error {
			switch {
			case name == "moov" || name == "trak":
				if depth < 2 {
					return walk(payload, end, depth+1)
				}
			case name == "udta" || name == "meta" || name == "uuid" && isXMPUUID(f, payload, end):
				for _, s := range printableRuns(f, payload, end) {
					found[s] = true
				}
				return blank(f, start, end)
			}
			return nil
		})
	}
	if err := walk(0, size, 0); err != nil {
		return Meta{}, mediaFileError(err)
	}
	var meta Meta
	for s := range found {
		meta.Properties = append(meta.Properties, s)
	}
	sort.Strings(meta.Properties)
	return meta, nil
}

// eachBox calls fn with each box's type, start, payload start and end in
// [from, to).
func eachBox(r io.ReaderAt, from, to int64, fn func(name string, start, payload, end int64) error) error {
	var hdr [16]byte
	for off, n := from, 0; off+8 <= to; n++ {
		if n > 10_000 {
			return errors.New("mp4: too many boxes")
		}
		if _, err := r.ReadAt(hdr[:8], off); err != nil {
			return err
		}
		size, headLen := int64(binary.BigEndian.Uint32(hdr[:4])), int64(8)
		switch size {
		case 1:
			if _, err := r.ReadAt(hdr[8:16], off+8); err != nil {
				return err
			}
			size, headLen = int64(binary.BigEndian.Uint64(hdr[8:16])), 16
		case 0:
			size = to - off
		}
		if size < headLen || size > to-off {
			return errors.New("mp4: box size out of range")
		}
		if err := fn(string(hdr[4:8]), off, off+headLen, off+size); err != nil {
			return err
		}
		off += size
	}
	return nil
}

func isXMPUUID(r io.ReaderAt, payload, end int64) bool {
	var id [16]byte
	if end-payload < 16 {
		return false
	}
	_, err := r.ReadAt(id[:], payload)
	return err == nil && bytes.Equal(id[:], xmpUUID)
}

// blank turns the box [start, end) into a free box of zeros, keeping its
// size field (32- or 64-bit) as it is.
func blank(w io.WriterAt, start, end int64) error {
	if _, err := w.WriteAt([]byte("free"), start+4); err != nil {
		return err
	}
	zeros := make([]byte, 64<<10)
	from := start + 8
	var size [4]byte
	if r, ok := w.(io.ReaderAt); ok {
		if _, err := r.ReadAt(size[:], start); err == nil && binary.BigEndian.Uint32(size[:]) == 1 {
			from = start + 16 // keep the 64-bit size
		}
	}
	for off := from; off < end; off += int64(len(zeros)) {
		if _, err := w.WriteAt(zeros[:min(int64(len(zeros)), end-off)], off); err != nil {
			return err
		}
	}
	return nil
}

// printableRuns returns the runs of at least 4 printable characters in
// [from, to) (at most maxTagBytes read), decoded as UTF-8, or as UTF-16
// where a byte order mark says so: tag values are short texts among
// binary fields.
func printableRuns(r io.ReaderAt, from, to int64) []string {
	n := min(to-from, maxTagBytes)
	if n <= 0 {
		return nil
	}
	b := make([]byte, n)
	if _, err := r.ReadAt(b, from); err != nil && err != io.EOF {
		return nil
	}
	return textRuns(b)
}

func textRuns(b []byte) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); utf8.RuneCountInString(s) >= 4 {
			out = append(out, nfc(s))
		}
		cur.Reset()
	}
	for i := 0; i < len(b); {
		if i+2 < len(b) && (b[i] == 0xfe && b[i+1] == 0xff || b[i] == 0xff && b[i+1] == 0xfe) {
			flush()
			s, used := utf16Run(b[i+2:], b[i] == 0xfe)
			if utf8.RuneCountInString(strings.TrimSpace(s)) >= 4 {
				out = append(out, nfc(strings.TrimSpace(s)))
			}
			i += 2 + used
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError && (unicode.IsPrint(r)) {
			cur.WriteRune(r)
		} else {
			flush()
		}
		i += w
	}
	flush()
	return out
}

// utf16Run decodes UTF-16 up to a NUL or an unprintable character.
func utf16Run(b []byte, bigEndian bool) (string, int) {
	var units []uint16
	i := 0
	for ; i+1 < len(b); i += 2 {
		u := binary.LittleEndian.Uint16(b[i:])
		if bigEndian {
			u = binary.BigEndian.Uint16(b[i:])
		}
		if u == 0 || u < 0x20 {
			i += 2
			break
		}
		units = append(units, u)
	}
	return string(utf16.Decode(units)), i
}

func mediaFileError(cause error) error {
	e := fileErrorWith("Không đọc được cấu trúc tệp âm thanh/video, hãy xuất lại tệp", "Could not read the audio/video file's structure; please export it again")
	e.Err = cause
	return e
}

func fileErrorWith(vi, en string) *contests.Error {
	return contests.Invalid(contests.Field("file", contests.Msg{VI: vi, EN: en}))
}

// MP3Audio returns where an MP3's audio lies once its ID3 tags are left
// out: ID3v2 tags at the start (one or several, with or without footer)
// and an ID3v1 tag ("TAG", 128 bytes, with the 227-byte "TAG+" before it)
// at the end; and the text those tags held. The caller stores
// [start, end) only.
func MP3Audio(r io.ReaderAt, size int64) (start, end int64, meta Meta, err error) {
	found := map[string]bool{}
	end = size
	for n := 0; n < 16 && start+10 <= size; n++ {
		var hdr [10]byte
		if _, err := r.ReadAt(hdr[:], start); err != nil {
			return 0, 0, Meta{}, mediaFileError(err)
		}
		if string(hdr[:3]) != "ID3" {
			break
		}
		length := int64(hdr[6]&0x7f)<<21 | int64(hdr[7]&0x7f)<<14 | int64(hdr[8]&0x7f)<<7 | int64(hdr[9]&0x7f)
		total := 10 + length
		if hdr[5]&0x10 != 0 {
			total += 10 // footer
		}
		if start+total > size {
			return 0, 0, Meta{}, mediaFileError(errors.New("mp3: ID3 tag past the end"))
		}
		for _, s := range printableRuns(r, start+10, start+10+length) {
			found[s] = true
		}
		start += total
	}
	var tail [3]byte
	if end-start >= 128 {
		if _, err := r.ReadAt(tail[:], end-128); err == nil && string(tail[:]) == "TAG" {
			for _, s := range printableRuns(r, end-125, end) {
				found[s] = true
			}
			end -= 128
			var ext [4]byte
			if end-start >= 227 {
				if _, err := r.ReadAt(ext[:], end-227); err == nil && string(ext[:]) == "TAG+" {
					for _, s := range printableRuns(r, end-223, end) {
						found[s] = true
					}
					end -= 227
				}
			}
		}
	}
	for s := range found {
		meta.Properties = append(meta.Properties, s)
	}
	sort.Strings(meta.Properties)
	return start, end, meta, nil
}
