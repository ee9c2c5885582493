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

// sheetTable describes one import sheet for readTable: its columns, an
// optional check of the header found (nil: none), the most data rows it
// may hold and how to say so, and how one data row is parsed (blank: the
// row is skipped). parse records what is wrong with a row in p.
type sheetTable[T any] struct {
	columns              []columnSpec
	checkLayout          func(*columnLayout) error
	maxRows              int
	tooManyVI, tooManyEN string // "%d" is maxRows
	parse                func(cells []string, row int, l *columnLayout, p *problems) (t T, blank bool)
}

// readTable is the row loop every import sheet shares: find the header,
// parse each non-blank data row, refuse more than maxRows of them, then
// check merged cells and report every problem found. Merged cells come
// after the rows (a sheet lists them after its data, and the row limit
// must refuse a huge file first) and alone, since the blank cells they
// cause would only repeat the same problem. Nothing is returned with an
// error.
func readTable[T any](f *workbook, sheet string, spec sheetTable[T]) ([]T, error) {
	rr, err := newRowReader(f, sheet)
	if err != nil {
		return nil, err
	}
	defer rr.close()
	layout, err := findHeader(rr, spec.columns, sheet)
	if err != nil {
		return nil, err
	}
	if spec.checkLayout != nil {
		if err := spec.checkLayout(layout); err != nil {
			return nil, err
		}
	}
	var (
		p   problems
		out []T
	)
	for {
		row, cells, ok, err := rr.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		t, blank := spec.parse(cells, row, layout, &p)
		if blank {
			continue
		}
		if len(out) == spec.maxRows {
			return nil, fileError(contests.CodeTooLarge, spec.tooManyVI, spec.tooManyEN, spec.maxRows)
		}
		out = append(out, t)
	}
	if err := checkMergedCells(f, sheet, layout.headerRow+1); err != nil {
		return nil, err
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return out, nil
}
