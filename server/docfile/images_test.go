package docfile

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"testing"
)

func jpegSegment(marker byte, payload []byte) []byte {
	b := []byte{0xff, marker, 0, 0}
	binary.BigEndian.PutUint16(b[2:], uint16(2+len(payload)))
	return append(b, payload...)
}

// photoJPEG is a JPEG's structure around an image: EXIF naming the
// camera's owner, an XMP packet, IPTC and a comment, plus the segments a
// decoder needs (JFIF, quantization table, start of scan and data).
func photoJPEG(owner string) []byte {
	return bytes.Join([][]byte{{0xff, 0xd8},
		jpegSegment(0xe0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")),
		jpegSegment(0xe1, []byte("Exif\x00\x00MM\x00*Artist "+owner)),
		jpegSegment(0xe1, []byte("http://ns.adobe.com/xap/1.0/\x00<dc:creator>"+owner+"</dc:creator>")),
		jpegSegment(0xed, []byte("Photoshop 3.0\x008BIM "+owner)),
		jpegSegment(0xfe, []byte("chụp bởi "+owner)),
		jpegSegment(0xdb, make([]byte, 65)),
		jpegSegment(0xda, []byte{1, 1, 0, 0, 0x3f, 0}),
		[]byte("image-data\xff\x00more"), {0xff, 0xd9}}, nil)
}

func pngChunk(kind string, data []byte) []byte {
	b := make([]byte, 8, 12+len(data))
	binary.BigEndian.PutUint32(b, uint32(len(data)))
	copy(b[4:], kind)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(kind), data...)))
}

func photoPNG(owner string) []byte {
	return bytes.Join([][]byte{pngSignature, pngChunk("IHDR", make([]byte, 13)), pngChunk("tEXt", []byte("Author\x00"+owner)),
		pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"+owner)), pngChunk("eXIf", []byte("MM\x00*"+owner)),
		pngChunk("IDAT", []byte("pixels")), pngChunk("IEND", nil)}, nil)
}

func TestStripImageMetadata(t *testing.T) {
	for name, tc := range map[string]struct {
		in   []byte
		keep [][]byte
	}{
		"jpeg":  {photoJPEG("Nguyễn Văn An"), [][]byte{[]byte("JFIF"), jpegSegment(0xdb, make([]byte, 65)), []byte("image-data\xff\x00more\xff\xd9")}},
		"png":   {photoPNG("Nguyễn Văn An"), [][]byte{pngChunk("IHDR", make([]byte, 13)), pngChunk("IDAT", []byte("pixels")), pngChunk("IEND", nil)}},
		"other": {[]byte("<w:document>Nguyễn Văn An</w:document>"), nil},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := stripImageMetadata(&out, bytes.NewReader(tc.in)); err != nil {
				t.Fatal(err)
			}
			if tc.keep == nil {
				if !bytes.Equal(out.Bytes(), tc.in) {
					t.Fatal("a part that is no picture was changed")
				}
				return
			}
			if bytes.Contains(out.Bytes(), []byte("Nguyễn")) {
				t.Fatalf("the picture still names its owner: %q", out.Bytes())
			}
			for _, k := range tc.keep {
				if !bytes.Contains(out.Bytes(), k) {
					t.Errorf("lost %q", k)
				}
			}
		})
	}
	// Damaged pictures are copied as far as they go, never refused.
	for _, in := range [][]byte{photoJPEG("x")[:30], photoPNG("x")[:20], {0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff}} {
		var out bytes.Buffer
		if err := stripImageMetadata(&out, bytes.NewReader(in)); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// A Word document's photo loses its EXIF in the judge's copy.
func TestStripDocxPropertiesCleansPictures(t *testing.T) {
	doc := withParts(t, part{name: "word/media/image1.jpeg", body: string(photoJPEG("Nguyễn Văn An")), stored: true})
	var out bytes.Buffer
	if err := StripDocxProperties(bytes.NewReader(doc), int64(len(doc)), &out, DefaultLimits()); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte("Nguyễn")) {
			t.Fatalf("%s still names the photo's owner", f.Name)
		}
		if f.Name == "word/media/image1.jpeg" && !bytes.Contains(b, []byte("image-data")) {
			t.Fatal("the picture itself is gone")
		}
	}
}
