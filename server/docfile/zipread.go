package docfile

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"math"
	"strings"
)

// docxPackage reads the parts of a docx within a budget.
type docxPackage struct {
	zr *zip.Reader
	// byName is keyed by lower-case name: OPC part names are
	// case-insensitive. The first of duplicate names wins.
	byName map[string]*zip.File
	b      *budget
}

func newPackage(zr *zip.Reader, b *budget) *docxPackage {
	p := &docxPackage{zr: zr, byName: make(map[string]*zip.File, len(zr.File)), b: b}
	for _, f := range zr.File {
		key := strings.ToLower(f.Name)
		if _, dup := p.byName[key]; !dup {
			p.byName[key] = f
		}
	}
	return p
}

// find returns the part named name (relationship targets may start with
// "/"), or nil.
func (p *docxPackage) find(name string) *zip.File {
	return p.byName[strings.ToLower(strings.TrimPrefix(name, "/"))]
}

// read gives consume the inflated bytes of f, counted against the budget.
// A budget overrun is reported as such even when consume, seeing its
// input cut, complains of something else.
func (p *docxPackage) read(f *zip.File, consume func(io.Reader) error) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	in := &inflating{r: rc, b: p.b, compressed: f.CompressedSize64}
	err = consume(in)
	if in.err != nil {
		return in.err
	}
	return err
}

// budget counts inflated bytes across the parts of one document.
type budget struct {
	lim   Limits
	total int64
	// largestPart is the most bytes inflated from one part.
	largestPart int64
	// entries counts the parts seen, nested archives' included.
	entries int
}

// inflating counts one part's bytes as they inflate and stops at the
// first byte past a limit: it never asks the decompressor for more than
// one byte beyond what the limits still allow.
type inflating struct {
	r          io.Reader
	b          *budget
	compressed uint64
	n          int64
	err        error
}

func (in *inflating) Read(p []byte) (int, error) {
	if in.err != nil {
		return 0, in.err
	}
	lim := in.b.lim
	allowed := min(lim.MaxEntryBytes-in.n, lim.MaxTotalBytes-in.b.total, in.ratioAllowance()-in.n)
	if allowed < int64(len(p)) {
		p = p[:allowed+1]
	}
	n, err := in.r.Read(p)
	in.n += int64(n)
	in.b.total += int64(n)
	in.b.largestPart = max(in.b.largestPart, in.n)
	switch {
	case in.n > lim.MaxEntryBytes:
		in.err = errEntryTooLarge
	case in.b.total > lim.MaxTotalBytes:
		in.err = errTotalTooLarge
	case in.n > in.ratioAllowance():
		in.err = errRatio
	}
	if in.err != nil {
		return 0, in.err
	}
	return n, err
}

// ratioAllowance is how many bytes the part may inflate to. The
// compressed size comes from the zip, but archive/zip never reads past it,
// so a lie can only make the part smaller.
func (in *inflating) ratioAllowance() int64 {
	ratio := uint64(in.b.lim.MaxRatio)
	if in.compressed > math.MaxInt64/ratio {
		return math.MaxInt64
	}
	return max(ratioFloor, int64(in.compressed*ratio))
}

// End of central directory record: signature, then at offset 10 the total
// number of entries (uint16); 22 bytes plus a comment of up to 65,535.
const (
	eocdLen        = 22
	eocdMaxComment = 65535
)

// checkEntryCount refuses a zip whose directory announces more than max
// entries before archive/zip allocates a record for each. (A directory
// lying about its count is caught after reading, by len(zr.File).)
func checkEntryCount(r io.ReaderAt, size int64, max int) error {
	if size < eocdLen {
		return nil // archive/zip reports the damage
	}
	tail := make([]byte, min(size, eocdLen+eocdMaxComment))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil && err != io.EOF {
		return err
	}
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || i+eocdLen > len(tail) {
		return nil
	}
	entries := int(binary.LittleEndian.Uint16(tail[i+10:]))
	if entries == math.MaxUint16 && max < math.MaxUint16 {
		return errTooManyEntries // the real count is in a ZIP64 record: more than any docx has
	}
	if entries > max {
		return errTooManyEntries
	}
	return nil
}
