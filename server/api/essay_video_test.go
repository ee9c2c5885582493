package api

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"
)

// mp4 builds a minimal MP4 of the given length: ftyp, a media box, and a
// movie header with timescale 1000.
func mp4(seconds int) []byte {
	box := func(name string, payload []byte) []byte {
		out := make([]byte, 8, 8+len(payload))
		binary.BigEndian.PutUint32(out, uint32(8+len(payload)))
		copy(out[4:], name)
		return append(out, payload...)
	}
	mvhd := make([]byte, 100)
	binary.BigEndian.PutUint32(mvhd[12:], 1000)
	binary.BigEndian.PutUint32(mvhd[16:], uint32(seconds*1000))
	return bytes.Join([][]byte{box("ftyp", []byte("isom\x00\x00\x02\x00isomiso2mp41")), box("mdat", make([]byte, 4096)), box("moov", box("mvhd", mvhd))}, nil)
}

func TestVideoDurationIsMeasured(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		author, _ := e.register(1, "W1-A")
		work := map[string]any{"category": "video", "title": "Phóng sự về nền tảng tư tưởng", "text": essayText(120), "declaration": true}
		r := f.submit(author, work, "phong-su.mp4", mp4(6*60))
		if r.Status != 400 || !slices.Contains(r.fieldNames(), "file") {
			t.Fatalf("a 6-minute video: %d %s", r.Status, r.Raw)
		}
		r = f.submit(author, work, "phong-su.mp4", mp4(4*60))
		if r.Status != 201 {
			t.Fatalf("a 4-minute video: %d %s", r.Status, r.Raw)
		}
	})
}
