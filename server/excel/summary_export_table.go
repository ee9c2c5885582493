package excel

import (
	"github.com/xuri/excelize/v2"
)

// newTableBelow starts a SheetWriter whose table stands under a few lines
// of facts (label: value), as a summary's first sheet reads: what it is
// about, then the table. It streams the facts (bold labels, values written
// with the same text rules as WriteRow) and a blank line into sheet, then
// cols' header; the header row is frozen and Close puts the filter buttons
// on it, as on every other sheet.
func newTableBelow(f *excelize.File, sheet string, facts [][2]any, cols []Column) (*SheetWriter, error) {
	// The facts' labels sit in the first column: it is wide enough for them.
	widened := append([]Column(nil), cols...)
	if len(widened) > 0 {
		widened[0].Width = max(widened[0].width(), 36)
	}
	labelStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	s, err := newSheetWriterAt(f, sheet, widened, len(facts)+2)
	if err != nil {
		return nil, err
	}
	for _, fact := range facts {
		// The value goes in column B: its cell() is that column's rules.
		if err := s.write([]any{excelize.Cell{StyleID: labelStyle, Value: fact[0]}, s.cell(1, fact[1])}); err != nil {
			return nil, err
		}
	}
	return s, s.writeHeader()
}
