package excel

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// DefaultMaxBytes is the upload limit used when a caller passes 0.
const DefaultMaxBytes = 10 << 20

// headerSearchRows is how far down an import looks for its header row:
// people often put a title ("DANH SÁCH ĐƠN VỊ") and a blank line above it.
const headerSearchRows = 10

var (
	zipMagic = []byte("PK\x03\x04")
	// oleMagic starts both old .xls files and password-protected .xlsx.
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// workbook is an opened upload with the bytes it came from.
type workbook struct {
	*excelize.File
	data       []byte
	unzipLimit int64
}

// openWorkbook reads at most maxBytes of r and opens it as an xlsx file.
// The caller must Close the file (it may hold temporary files).
func openWorkbook(r io.Reader, maxBytes int64) (*workbook, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, contests.Internal(err)
	}
	if int64(len(data)) > maxBytes {
		return nil, fileError(contests.CodeTooLarge, "File lớn hơn giới hạn %s", "The file is larger than the %s limit", humanBytes(maxBytes))
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
	case bytes.HasPrefix(data, oleMagic):
		return nil, fileError(contests.CodeInvalid,
			"File là dạng .xls cũ hoặc có đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx",
			"The file is an old .xls or is password-protected; open it in Excel, remove the password and save it as .xlsx")
	default:
		return nil, fileError(contests.CodeInvalid,
			"File không phải định dạng Excel .xlsx (nếu là .xls hoặc .csv, hãy mở bằng Excel và lưu lại dạng .xlsx)",
			"The file is not an Excel .xlsx file (if it is .xls or .csv, open it in Excel and save it as .xlsx)")
	}
	// A small xlsx can unzip to gigabytes (a zip bomb); real sheets compress
	// about 10×, so 50× the upload limit leaves room without the risk.
	unzipLimit := min(max(50*maxBytes, 32<<20), 512<<20)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    unzipLimit,
		UnzipXMLSizeLimit: min(unzipLimit, 16<<20),
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, fileError(contests.CodeTooLarge, "Nội dung file sau khi giải nén quá lớn", "The file's content is too large once unzipped")
		}
		e := fileError(contests.CodeInvalid, "File .xlsx bị hỏng hoặc không đọc được", "The .xlsx file is damaged or unreadable")
		e.Err = err
		return nil, e
	}
	return &workbook{File: f, data: data, unzipLimit: unzipLimit}, nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

// pickSheet returns the sheet named like want (compared without case,
// accents or spaces: "Đơn vị" finds "DonVi"), or the only sheet of the file.
func pickSheet(f *excelize.File, want string) (string, error) {
	names := f.GetSheetList()
	for _, name := range names {
		if headerKey(name) == headerKey(want) {
			return name, nil
		}
	}
	switch len(names) {
	case 0:
		return "", fileError(contests.CodeInvalid, "File không có trang tính nào", "The file has no worksheet")
	case 1:
		// A file with one sheet is unambiguous whatever its name ("Sheet1").
		return names[0], nil
	}
	return "", fileError(contests.CodeInvalid,
		"Không tìm thấy trang tính %q; file có các trang: %s. Hãy đổi tên trang chứa dữ liệu thành %q",
		"No worksheet named %q; the file has: %s. Rename the sheet holding the data to %q",
		want, strings.Join(names, ", "), want)
}

// headerKey folds a header or sheet name for comparison: no case, accents,
// spaces or punctuation, so "Mã đơn vị  cấp trên" = "MA DON VI CAP TREN".
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, contests.Fold(contests.NFC(s)))
}

// cleanText is how every text cell is read: NFC (Mac and Word paste
// decomposed accents), trimmed, inner runs of white space (Alt+Enter line
// breaks, double spaces) made one space.
func cleanText(s string) string {
	return strings.Join(strings.Fields(contests.NFC(s)), " ")
}

// rowReader streams the rows of one sheet with their 1-based numbers, so a
// huge sheet can be refused before it is read whole.
type rowReader struct {
	rows     *excelize.Rows
	n        int
	f        *excelize.File
	sheet    string
	formats  map[int]numFormat // per style ID (cellvalue.go)
	date1904 bool
	// numbers maps each number cell to its style (cellstyles.go); nil when
	// the sheet's XML could not be scanned and excelize is asked per cell.
	numbers map[int64]int
}

func newRowReader(wb *workbook, sheet string) (*rowReader, error) {
	f := wb.File
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	r := &rowReader{rows: rows, f: f, sheet: sheet, formats: map[int]numFormat{}}
	if cells, ok := numberCells(wb.data, sheet, wb.unzipLimit); ok {
		r.numbers = cells
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}
	return r, nil
}

// next returns the next row's number and its cells as a person saw them in
// a Vietnamese spreadsheet (cellvalue.go: dates d/m/yyyy, numbers 1.234,5,
// a code "001" kept by a "000" format reads "001"), or a refusal naming an
// ambiguous cell. ok is false at the end of the sheet.
func (r *rowReader) next() (row int, cells []string, ok bool, err error) {
	if !r.rows.Next() {
		if err := r.rows.Error(); err != nil {
			return 0, nil, false, damaged(err)
		}
		return 0, nil, false, nil
	}
	r.n++
	cells, err = r.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, nil, false, damaged(err)
	}
	for col, raw := range cells {
		if raw == "" || !looksNumeric(raw) {
			continue
		}
		if cells[col], err = r.shown(col, r.n, raw); err != nil {
			return 0, nil, false, err
		}
	}
	return r.n, cells, true, nil
}

// looksNumeric is a cheap first test before a cell's type and style are
// looked up: only a number can carry a number format.
func looksNumeric(s string) bool {
	c := s[0]
	return c == '-' || c == '.' || (c >= '0' && c <= '9')
}

func (r *rowReader) close() { _ = r.rows.Close() }

func damaged(cause error) error {
	e := fileError(contests.CodeInvalid, "Trang tính bị hỏng hoặc không đọc được", "The worksheet is damaged or unreadable")
	e.Err = cause
	return e
}
