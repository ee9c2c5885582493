package docfile

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// taggedMP4 is a small MP4 whose tags name author in moov/udta (©ART), in
// a track's udta, in a top-level meta box and in an XMP uuid box, with a
// 64-bit-size udta too.
func taggedMP4(author string) []byte {
	art := box("\xa9ART", box("data", append([]byte{0, 0, 0, 1, 0, 0, 0, 0}, author...)))
	big := func(name string, payload []byte) []byte { // 64-bit size header
		b := make([]byte, 16, 16+len(payload))
		binary.BigEndian.PutUint32(b, 1)
		copy(b[4:], name)
		binary.BigEndian.PutUint64(b[8:], uint64(16+len(payload)))
		return append(b, payload...)
	}
	xmp := box("uuid", xmpUUID, []byte(`<x:xmpmeta><dc:creator>`+author+`</dc:creator></x:xmpmeta>`))
	trak := box("trak", box("tkhd", make([]byte, 84)), big("udta", box("\xa9aut", []byte("xx"+author))))
	return bytes.Join([][]byte{
		ftypBox("isom"),
		box("moov", mvhd(0, 1000, 95_000), trak, box("udta", box("meta", make([]byte, 4), box("ilst", art)))),
		box("meta", make([]byte, 4), []byte("Tác giả: "+author)),
		xmp,
		box("mdat", make([]byte, 4000)),
	}, nil)
}

func TestNeutralizeMP4Metadata(t *testing.T) {
	in := taggedMP4("Nguyễn Văn An")
	path := filepath.Join(t.TempDir(), "v.mp4")
	os.WriteFile(path, in, 0o600)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	meta, err := NeutralizeMP4Metadata(f, int64(len(in)))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(path)
	if len(out) != len(in) {
		t.Fatalf("size %d → %d: offsets into mdat would move", len(in), len(out))
	}
	if bytes.Contains(out, []byte("Nguyễn")) {
		t.Fatal("the video still names the author")
	}
	if secs, err := MP4Seconds(bytes.NewReader(out), int64(len(out))); err != nil || secs != 95 {
		t.Fatalf("duration %d, %v: the movie header must survive", secs, err)
	}
	if !bytes.Contains(out, []byte("mdat")) || !bytes.Contains(out, []byte("tkhd")) {
		t.Fatal("media boxes damaged")
	}
	n := 0
	for _, p := range meta.Properties {
		if bytes.Contains([]byte(p), []byte("Nguyễn Văn An")) {
			n++
		}
	}
	if n < 3 {
		t.Errorf("properties %q: want the name from each tag", meta.Properties)
	}
	if w := NamesIn("", meta, []string{"Nguyễn Văn An"}); len(w) == 0 {
		t.Error("no screening warning")
	}
	if _, err := NeutralizeMP4Metadata(f, int64(len(in))+100); err == nil {
		t.Error("a size past the file's end was walked without complaint")
	}
}

func TestMP3Audio(t *testing.T) {
	frames := mp3Frames(20)
	v1 := make([]byte, 128)
	copy(v1, "TAG")
	copy(v1[33:], "Nguyen Van An") // artist
	file := append(append(id3Tag(nil), frames...), v1...)
	start, end, meta, err := MP3Audio(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	if got := file[start:end]; !bytes.Equal(got, frames) {
		t.Fatalf("audio [%d, %d) of %d bytes is not exactly the frames", start, end, len(file))
	}
	if !contains(meta.Properties, "Phóng sự") || !contains(meta.Properties, "Nguyen Van An") {
		t.Errorf("properties %q", meta.Properties)
	}
	// Without tags the whole file is audio.
	if s, e, _, err := MP3Audio(bytes.NewReader(frames), int64(len(frames))); err != nil || s != 0 || e != int64(len(frames)) {
		t.Errorf("untagged: [%d, %d) %v", s, e, err)
	}
	// A tag claiming more than the file: refused.
	bad := id3Tag(nil)
	bad[6] = 0x7f
	if _, _, _, err := MP3Audio(bytes.NewReader(bad), int64(len(bad))); err == nil {
		t.Error("a tag past the end was accepted")
	}
}
