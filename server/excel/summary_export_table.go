package excel

import (
	"github.com/xuri/excelize/v2"
)

// tableBelow is a SheetWriter whose table starts under a few lines of facts
// (label: value), as a summary's first sheet reads: what it is about, then
// the table. The table's header row is frozen and carries the filter
// buttons, as on every other sheet.
type tableBelow struct {
	*SheetWriter
	headerRow int
}

// newTableBelow streams facts (bold labels, values written with the same
// text rules as WriteRow) and a blank line into sheet, then cols' header.
func newTableBelow(f *excelize.File, sheet string, facts [][2]any, cols []Column) (*tableBelow, error) {
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	s := &SheetWriter{f: f, sheet: sheet, sw: sw, cols: cols, textStyle: make([]int, len(cols))}
	labelStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	headerStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	})
	if err != nil {
		return nil, err
	}
	if s.dateStyle, err = f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy hh:mm")}); err != nil {
		return nil, err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		style := &excelize.Style{NumFmt: numFmtText, Alignment: &excelize.Alignment{Vertical: "top", WrapText: c.Wrap}}
		if s.textStyle[i], err = f.NewStyle(style); err != nil {
			return nil, err
		}
		width := c.width()
		if i == 0 {
			width = max(width, 36) // the facts' labels sit in the first column
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, err
		}
		header[i] = excelize.Cell{StyleID: headerStyle, Value: c.Header}
	}
	// The facts, a blank line, then the header; the panes must be set
	// before the first row is streamed.
	headerRow := len(facts) + 2
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cellRef(0, headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	for _, fact := range facts {
		// The value goes in column B: its cell() is that column's rules.
		if err := s.write([]any{excelize.Cell{StyleID: labelStyle, Value: fact[0]}, s.cell(1, fact[1])}); err != nil {
			return nil, err
		}
	}
	s.row++ // a blank line
	if err := s.write(header); err != nil {
		return nil, err
	}
	return &tableBelow{SheetWriter: s, headerRow: headerRow}, nil
}

// close puts the filter buttons on the table (not the facts) and ends the
// stream.
func (t *tableBelow) close() error {
	ref := cellRef(0, t.headerRow) + ":" + cellRef(len(t.cols)-1, t.row)
	if err := t.f.AutoFilter(t.sheet, ref, nil); err != nil {
		return err
	}
	return t.sw.Flush()
}
