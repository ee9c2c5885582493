// Package excel reads and writes the Excel (.xlsx) files organizers exchange
// with Hội Thi: imports (units, later question banks and judges) and
// streaming exports. Imports are all-or-nothing: a file is either accepted
// whole or rejected with every problem named by its cell ("C12"), so an
// organizer fixes the file once instead of once per upload.
package excel

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// MaxCellErrors caps how many problems one rejected file reports: enough to
// show a pattern, not so many that a wrong file floods the screen.
const MaxCellErrors = 200

// FileField is the FieldError.Field of problems that concern the whole file
// rather than one cell (not an xlsx, missing column, "and N more").
const FileField = "file"

// fileError rejects the whole file with one message.
func fileError(code contests.Code, vi, en string, args ...any) *contests.Error {
	msg := contests.T(vi, en, args...)
	return contests.E(code, msg, contests.Field(FileField, msg))
}

// cellRef names a cell: column index counted from 0, row from 1.
func cellRef(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row, col+1)
	}
	return name
}

// columnLetter names a column counted from 0: 0 → "A".
func columnLetter(col int) string {
	name, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		return fmt.Sprint(col + 1)
	}
	return name
}

// problems collects what is wrong with a file, up to MaxCellErrors, and
// counts the rest so the last message can say how many were left out.
type problems struct {
	list    contests.Errors
	dropped int
}

func (p *problems) add(field string, msg contests.Msg) {
	if len(p.list) >= MaxCellErrors {
		p.dropped++
		return
	}
	p.list.Add(field, msg)
}

// cell records a problem in one cell, prefixing the message with where it
// is ("Dòng 12, cột C (Mã đơn vị cấp trên): …") so it reads well even where
// the field reference is not shown. label names the column.
func (p *problems) cell(col, row int, label, msg contests.Msg) {
	letter := columnLetter(col)
	p.add(cellRef(col, row), contests.Msg{
		VI: fmt.Sprintf("Dòng %d, cột %s (%s): %s", row, letter, label.VI, msg.VI),
		EN: fmt.Sprintf("Row %d, column %s (%s): %s", row, letter, label.EN, msg.EN),
	})
}

func (p *problems) empty() bool { return len(p.list) == 0 }

// err returns nil when nothing was recorded, else one Invalid error listing
// every problem, the last saying how many more were left out.
func (p *problems) err() error {
	if p.empty() {
		return nil
	}
	fields := append(contests.Errors(nil), p.list...)
	if p.dropped > 0 {
		fields.Add(FileField, contests.T("… và %d lỗi khác", "… and %d more errors", p.dropped))
	}
	e := contests.Invalid(fields...)
	e.Msg = contests.T("File có %d lỗi, chưa nhập dữ liệu nào", "The file has %d errors, nothing was imported", len(p.list)+p.dropped)
	return e
}
