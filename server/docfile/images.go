package docfile

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
)

// Pictures inside a Word document carry their own metadata: a phone photo's
// EXIF names the phone's owner (Artist, Copyright, the camera's owner) and
// where it was taken; XMP and IPTC blocks name authors; PNG text chunks
// too. StripDocxProperties passes every part through stripImageMetadata,
// which drops those blocks from JPEG and PNG pictures and copies anything
// else unchanged. It is lenient by design: where a picture stops making
// sense, the rest is copied as it is, so a slightly damaged picture never
// makes a document impossible to prepare for judges.

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// stripImageMetadata copies in to out, without metadata when in is a JPEG
// or PNG picture.
func stripImageMetadata(out io.Writer, in io.Reader) error {
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(8)
	switch {
	case len(head) >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff:
		return stripJPEG(out, br)
	case bytes.Equal(head, pngSignature):
		return stripPNG(out, br)
	}
	_, err := io.Copy(out, br)
	return err
}

// jpegMetadata are the segments dropped: APP1 (EXIF, XMP), APP13 (IPTC,
// Photoshop) and comments.
func jpegMetadata(marker byte) bool { return marker == 0xe1 || marker == 0xed || marker == 0xfe }

func stripJPEG(out io.Writer, br *bufio.Reader) error {
	soi := make([]byte, 2)
	if _, err := io.ReadFull(br, soi); err != nil {
		return err
	}
	if _, err := out.Write(soi); err != nil {
		return err
	}
	for {
		hdr, _ := br.Peek(4)
		if len(hdr) < 2 || hdr[0] != 0xff {
			break // not a segment where one should be: copy the rest
		}
		marker := hdr[1]
		// Start of scan (the image data follows, with its own markers),
		// end of image, or markers without a length: the rest as it is.
		if marker == 0xda || marker == 0xd9 || marker == 0x01 || marker >= 0xd0 && marker <= 0xd7 || marker == 0xff || len(hdr) < 4 {
			break
		}
		length := int64(binary.BigEndian.Uint16(hdr[2:4]))
		if length < 2 {
			break
		}
		if jpegMetadata(marker) {
			if _, err := io.CopyN(io.Discard, br, 2+length); err != nil {
				return nil // truncated inside the metadata: nothing left to copy
			}
			continue
		}
		if _, err := io.CopyN(out, br, 2+length); err != nil {
			return truncatedOK(err)
		}
	}
	_, err := io.Copy(out, br)
	return err
}

// pngMetadata are the chunks dropped: text in three encodings, EXIF and
// the modification time.
var pngMetadata = map[string]bool{"tEXt": true, "zTXt": true, "iTXt": true, "eXIf": true, "tIME": true}

func stripPNG(out io.Writer, br *bufio.Reader) error {
	sig := make([]byte, 8)
	if _, err := io.ReadFull(br, sig); err != nil {
		return err
	}
	if _, err := out.Write(sig); err != nil {
		return err
	}
	for {
		hdr, _ := br.Peek(8)
		if len(hdr) < 8 {
			break
		}
		length := int64(binary.BigEndian.Uint32(hdr[:4]))
		kind := string(hdr[4:8])
		if length > 1<<31 {
			break
		}
		whole := 8 + length + 4 // header, data, CRC
		if pngMetadata[kind] {
			if _, err := io.CopyN(io.Discard, br, whole); err != nil {
				return nil
			}
			continue
		}
		if _, err := io.CopyN(out, br, whole); err != nil {
			return truncatedOK(err)
		}
		if kind == "IEND" {
			break
		}
	}
	_, err := io.Copy(out, br)
	return err
}

// truncatedOK: a picture that ends early is copied as far as it goes.
func truncatedOK(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}
