package docfile

import (
	"bytes"
	"encoding/binary"
	"testing"

	"hoithi/contests"
)

func box(name string, payload ...[]byte) []byte {
	body := bytes.Join(payload, nil)
	out := make([]byte, 8, 8+len(body))
	binary.BigEndian.PutUint32(out, uint32(8+len(body)))
	copy(out[4:], name)
	return append(out, body...)
}

func mvhd(version byte, timescale uint32, duration uint64) []byte {
	if version == 1 {
		b := make([]byte, 32)
		b[0] = 1
		binary.BigEndian.PutUint32(b[20:], timescale)
		binary.BigEndian.PutUint64(b[24:], duration)
		return box("mvhd", b)
	}
	b := make([]byte, 20)
	binary.BigEndian.PutUint32(b[12:], timescale)
	binary.BigEndian.PutUint32(b[16:], uint32(duration))
	return box("mvhd", b)
}

func TestMP4Seconds(t *testing.T) {
	ftyp := box("ftyp", []byte("isom\x00\x00\x02\x00isomiso2mp41"))
	mdat := box("mdat", make([]byte, 5000))
	cases := []struct {
		name string
		file []byte
		want int
		bad  bool
	}{
		{"moov after mdat, v0", bytes.Join([][]byte{ftyp, mdat, box("moov", mvhd(0, 1000, 299_500))}, nil), 300, false},
		{"moov first, v1", bytes.Join([][]byte{ftyp, box("moov", box("trak"), mvhd(1, 90000, 90000*61)), mdat}, nil), 61, false},
		{"no moov", bytes.Join([][]byte{ftyp, mdat}, nil), 0, true},
		{"truncated box", append(ftyp, 0, 0, 1, 0, 'm', 'o', 'o', 'v'), 0, true},
		{"zero timescale", bytes.Join([][]byte{ftyp, box("moov", mvhd(0, 0, 10))}, nil), 0, true},
	}
	for _, tc := range cases {
		got, err := MP4Seconds(bytes.NewReader(tc.file), int64(len(tc.file)))
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("%s: %d, %v; want %d (error %v)", tc.name, got, err, tc.want, tc.bad)
		}
		if err != nil && fields(err)[0] != "file" {
			t.Errorf("%s: error does not name the file", tc.name)
		}
	}
}

func fields(err error) []string {
	var out []string
	if e, ok := err.(*contests.Error); ok {
		for _, f := range e.Fields {
			out = append(out, f.Field)
		}
	}
	return append(out, "")
}
