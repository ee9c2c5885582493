package docfile

import (
	"encoding/binary"
	"errors"
	"io"

	"hoithi/contests"
)

// MP4Seconds reads a video's duration from its movie header (moov › mvhd):
// the contest limits videos to minutes (docs/domain.md §3: ≤ 5). Boxes are
// walked by their sizes without reading the media, so a large file costs a
// few small reads.
func MP4Seconds(r io.ReaderAt, size int64) (int, error) {
	moov, moovSize, err := findBox(r, 0, size, "moov")
	if err != nil {
		return 0, mediaError(err)
	}
	mvhd, mvhdSize, err := findBox(r, moov, moov+moovSize, "mvhd")
	if err != nil {
		return 0, mediaError(err)
	}
	var head [32]byte
	n := min(mvhdSize, int64(len(head)))
	if _, err := r.ReadAt(head[:n], mvhd); err != nil {
		return 0, mediaError(err)
	}
	if n < 20 || head[0] == 1 && n < 32 {
		return 0, mediaError(errors.New("mp4: short movie header"))
	}
	var timescale, duration uint64
	if head[0] == 1 { // version 1: 64-bit times
		timescale = uint64(binary.BigEndian.Uint32(head[20:24]))
		duration = binary.BigEndian.Uint64(head[24:32])
	} else {
		timescale = uint64(binary.BigEndian.Uint32(head[12:16]))
		duration = uint64(binary.BigEndian.Uint32(head[16:20]))
	}
	if timescale == 0 || duration/timescale > 1<<31 {
		return 0, mediaError(errors.New("mp4: bad movie header"))
	}
	return int((duration + timescale - 1) / timescale), nil
}

// findBox returns the payload offset and payload size of the first box of
// type name among the boxes in [from, to).
func findBox(r io.ReaderAt, from, to int64, name string) (int64, int64, error) {
	var hdr [16]byte
	for off, n := from, 0; off+8 <= to; n++ {
		if n > 10_000 {
			return 0, 0, errors.New("mp4: too many boxes")
		}
		if _, err := r.ReadAt(hdr[:8], off); err != nil {
			return 0, 0, err
		}
		size, headLen := int64(binary.BigEndian.Uint32(hdr[:4])), int64(8)
		switch size {
		case 1: // 64-bit size follows the type
			if _, err := r.ReadAt(hdr[8:16], off+8); err != nil {
				return 0, 0, err
			}
			size, headLen = int64(binary.BigEndian.Uint64(hdr[8:16])), 16
		case 0: // the box runs to the end
			size = to - off
		}
		if size < headLen || off+size > to {
			return 0, 0, errors.New("mp4: box size out of range")
		}
		if string(hdr[4:8]) == name {
			return off + headLen, size - headLen, nil
		}
		off += size
	}
	return 0, 0, errors.New("mp4: no " + name + " box")
}

func mediaError(cause error) error {
	e := contests.Invalid(contests.Field("file", contests.T("Không đọc được thời lượng của tệp video, hãy xuất lại tệp (MP4)",
		"Could not read the video's duration; please export it again (MP4)")))
	e.Err = cause
	return e
}
