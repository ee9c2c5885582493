package docfile

import (
	"bytes"
	"encoding/binary"
	"strings"

	"hoithi/contests/essay"
)

// Bit rates (kbit/s) of MPEG audio Layer III by bit-rate index, for MPEG-1
// and for MPEG-2/2.5; index 0 (free format) and 15 are not accepted.
var (
	mpeg1Layer3Kbps = [15]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
	mpeg2Layer3Kbps = [15]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
	// sampleRates by version bits (0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1).
	sampleRates = map[byte][3]int{0: {11025, 12000, 8000}, 2: {22050, 24000, 16000}, 3: {44100, 48000, 32000}}
)

// mp3Frame checks that b starts with an MPEG audio Layer III frame header
// and returns the frame's length. Two bytes of frame sync occur by chance
// in any binary file, so every field must be valid, and when b reaches the
// next frame, that one must be a frame of the same version too.
func mp3Frame(b []byte) (int, bool) {
	n, ok := mp3Header(b)
	if !ok {
		return 0, false
	}
	if len(b) >= n+4 {
		m, ok := mp3Header(b[n:])
		if !ok || m == 0 || b[n+1]&0x18 != b[1]&0x18 {
			return 0, false
		}
	}
	return n, true
}

func mp3Header(b []byte) (int, bool) {
	if len(b) < 4 || b[0] != 0xff || b[1]&0xe0 != 0xe0 {
		return 0, false
	}
	version, layer := (b[1]>>3)&3, (b[1]>>1)&3
	bitrate, rate, padding := int(b[2]>>4), int((b[2]>>2)&3), int((b[2]>>1)&1)
	if version == 1 || layer != 1 || bitrate == 0 || bitrate == 15 || rate == 3 {
		return 0, false
	}
	sampleRate := sampleRates[version][rate]
	if version == 3 {
		return 144000*mpeg1Layer3Kbps[bitrate]/sampleRate + padding, true
	}
	return 72000*mpeg2Layer3Kbps[bitrate]/sampleRate + padding, true
}

// maxSniffedEntries bounds the zip entry names collected from a head.
const maxSniffedEntries = 64

// identifyZip tells a Word document from other zip files by the names of
// the entries whose local headers lie within head. Local headers carry the
// names uncompressed, and finding them by signature works even when a
// writer streamed the entries and left their sizes for later.
func identifyZip(head []byte) content {
	if bytes.Contains(head[:min(len(head), 200)], []byte("application/vnd.oasis.opendocument")) {
		return other("tài liệu OpenDocument (.odt)", "an OpenDocument file (.odt)")
	}
	office := false
	for _, name := range zipEntryNames(head) {
		switch {
		case strings.HasPrefix(name, "word/"):
			return accepted(essay.FileDOCX)
		case strings.HasPrefix(name, "xl/"):
			return other("bảng tính Excel (.xlsx)", "an Excel workbook (.xlsx)")
		case strings.HasPrefix(name, "ppt/"):
			return other("trình chiếu PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)")
		case name == "[Content_Types].xml", strings.HasPrefix(name, "_rels/"), strings.HasPrefix(name, "docProps/"):
			office = true
		}
	}
	if office {
		return accepted(essay.FileDOCX)
	}
	return other("tệp nén ZIP", "a ZIP archive")
}

// zipEntryNames returns the names in the zip local file headers found in
// head (header: signature, 22 bytes of fields, name length at offset 26,
// extra length at 28, name at 30).
func zipEntryNames(head []byte) []string {
	var names []string
	sig := []byte("PK\x03\x04")
	for from := 0; len(names) < maxSniffedEntries; {
		i := bytes.Index(head[from:], sig)
		if i < 0 {
			break
		}
		at := from + i
		from = at + len(sig)
		if at+30 > len(head) {
			break
		}
		end := at + 30 + int(binary.LittleEndian.Uint16(head[at+26:]))
		if end > len(head) {
			break
		}
		names = append(names, string(head[at+30:end]))
	}
	return names
}
