package excel

import (
	"fmt"
	"io"

	"hoithi/contests"
)

// parseWorkbook is the frame every import shares: open the upload within
// maxBytes, choose the sheet (by name, or the only one), read its rows with
// read, and refuse a sheet without any. excelize parses whatever was
// uploaded: should it panic on a crafted file, the file is rejected as
// damaged instead of failing the request. Nothing is returned with an
// error. noneVI/noneEN name what an empty sheet lacks ("câu hỏi", "question").
func parseWorkbook[T any](r io.Reader, maxBytes int64, sheetName, noneVI, noneEN string,
	read func(f *workbook, sheet string) ([]T, error)) (rows []T, err error) {
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, damaged(fmt.Errorf("excelize panic: %v", p))
		}
	}()
	f, err := openWorkbook(r, maxBytes)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	sheet, err := pickSheet(f.File, sheetName)
	if err != nil {
		return nil, err
	}
	if rows, err = read(f, sheet); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fileError(contests.CodeInvalid, "Trang %q không có "+noneVI+" nào", "Sheet %q holds no "+noneEN, sheet)
	}
	return rows, nil
}
