package docfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"hoithi/contests"
)

// CheckArchive checks a Word document as a whole before it is kept. DocxText
// reads only the parts that carry text; a judge's copy (StripDocxProperties)
// inflates every part. So a file with a valid document part plus a 1 GB part
// of zeros must be refused here, at upload, or it would break every later
// copy of it. Checked, in this order:
//
//   - the number of parts (MaxEntries) and how deep their names go
//     (MaxPathDepth);
//   - the sizes the archive declares, added up across all parts, against
//     MaxTotalBytes: a bomb is refused before a byte is inflated;
//   - every part actually inflated (checksums verified) within the same
//     budget as DocxText's: per part, in total, and in ratio; archive/zip
//     also refuses a part that inflates past its declared size;
//   - archives inside the archive (an embedded workbook) opened and
//     checked the same way, within the same total, at most MaxNesting deep.
//
// Errors: CodeInvalid naming "file", with a message saying which limit.
func CheckArchive(r io.ReaderAt, size int64, limits Limits) error {
	_, err := checkArchive(r, size, limits.withDefaults())
	return err
}

// checkArchive is CheckArchive returning its budget, for tests.
func checkArchive(r io.ReaderAt, size int64, lim Limits) (*budget, error) {
	b := &budget{lim: lim}
	return b, b.checkZip(r, size, 0)
}

// maxNestedBytes bounds an archive inside the archive, which is held in
// memory to be opened: embedded workbooks and charts are far smaller.
const maxNestedBytes = 8 << 20

var (
	errNestedTooDeep  = errors.New("docx: archive nested too deep")
	errNestedTooLarge = errors.New("docx: nested archive too large")
	errPathTooDeep    = errors.New("docx: part name too deep")
	errDeclaredTotal  = errors.New("docx: declared sizes exceed the total limit")
)

func (b *budget) checkZip(r io.ReaderAt, size int64, depth int) error {
	if err := checkEntryCount(r, size, b.lim.MaxEntries-b.entries); err != nil {
		return archiveError(err, b.lim)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return damaged(err)
	}
	b.entries += len(zr.File)
	if b.entries > b.lim.MaxEntries {
		return archiveError(errTooManyEntries, b.lim)
	}
	var declared uint64
	for _, f := range zr.File {
		if strings.Count(strings.Trim(f.Name, "/"), "/") >= b.lim.MaxPathDepth {
			return archiveError(errPathTooDeep, b.lim)
		}
		declared += min(f.UncompressedSize64, uint64(b.lim.MaxTotalBytes)+1)
	}
	if declared > uint64(b.lim.MaxTotalBytes-b.total) {
		return archiveError(errDeclaredTotal, b.lim)
	}
	pkg := newPackage(zr, b)
	for _, f := range zr.File {
		var nested []byte
		err := pkg.read(f, func(in io.Reader) error {
			var magic [4]byte
			n, err := io.ReadFull(in, magic[:])
			if n < 4 || string(magic[:]) != "PK\x03\x04" {
				if err == io.EOF || err == io.ErrUnexpectedEOF {
					return nil
				}
				_, err = io.Copy(io.Discard, in)
				return err
			}
			if depth+1 > b.lim.MaxNesting {
				return errNestedTooDeep
			}
			buf := bytes.NewBuffer(magic[:])
			if _, err := io.Copy(buf, io.LimitReader(in, maxNestedBytes)); err != nil {
				return err
			}
			if buf.Len() > maxNestedBytes {
				return errNestedTooLarge
			}
			nested = buf.Bytes()
			return nil
		})
		if err != nil {
			return archiveError(err, b.lim)
		}
		if nested != nil {
			if err := b.checkZip(bytes.NewReader(nested), int64(len(nested)), depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// archiveError says which limit a Word file passed; anything else is
// damage.
func archiveError(cause error, lim Limits) error {
	var msg contests.Msg
	switch {
	case errors.Is(cause, errTooManyEntries):
		msg = contests.T("Tệp Word có quá nhiều phần (tối đa %d)", "The Word file has too many parts (at most %d)", lim.MaxEntries)
	case errors.Is(cause, errDeclaredTotal), errors.Is(cause, errTotalTooLarge), errors.Is(cause, errEntryTooLarge), errors.Is(cause, errRatio):
		limit := fmt.Sprintf("%d MB", lim.MaxTotalBytes>>20)
		msg = contests.T("Tệp Word khi giải nén vượt quá %s (tính tổng mọi phần, kể cả phần không hiển thị); hãy lưu lại tài liệu bằng Word và gửi lại",
			"The Word file decompresses to more than %s (all parts together, hidden ones included); save it again from Word and resend it", limit)
	case errors.Is(cause, errNestedTooDeep), errors.Is(cause, errNestedTooLarge):
		msg = contests.T("Tệp Word chứa tệp nén lồng nhau quá nhiều tầng hoặc quá lớn", "The Word file holds archives nested too deep or too large")
	case errors.Is(cause, errPathTooDeep):
		msg = contests.T("Tệp Word có cấu trúc thư mục bên trong quá sâu", "The Word file's internal folders are nested too deep")
	default:
		return damaged(cause)
	}
	e := contests.Invalid(contests.Field("file", msg))
	e.Err = cause
	return e
}
