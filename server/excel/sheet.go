package excel

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The conventions every export shares live here so that each new export is
// a list of columns and a loop: Vietnamese headers in bold on a frozen first
// row with filter buttons, readable widths, and text that can never turn
// into a formula.

// Column is one column of an exported sheet.
type Column struct {
	Header string
	// Width in characters; 0 fits the header (at least 10).
	Width float64
	// Text formats the whole column as text ("@"), so values typed into it
	// later keep their form: a code 001 stays "001", not 1.
	Text bool
	// Wrap wraps long text inside the cell instead of overflowing.
	Wrap bool
}

// numFmtText is Excel's built-in "@" (text) number format.
const numFmtText = 49

// NewWorkbook returns an empty workbook whose only sheet is named first.
func NewWorkbook(first string) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName(f.GetSheetName(0), first); err != nil {
		_ = f.Close()
		return nil, err
	}
	return f, nil
}

// SheetWriter streams rows into one sheet under a styled header row, so an
// export of 100,000 rows does not hold them all in memory.
type SheetWriter struct {
	f           *excelize.File
	sheet       string
	sw          *excelize.StreamWriter
	cols        []Column
	textStyle   []int // per column: the style of its text cells
	dateStyle   int   // instants: dd/mm/yyyy hh:mm:ss
	dayStyle    int   // calendar dates: dd/mm/yyyy
	spanStyle   int   // durations: [h]:mm:ss
	shareStyle  int   // percentages: 0.00%
	headerStyle int
	headerRow   int // the header's row: frozen above the data, filter buttons on it
	row         int // last row written
	dataEnd     int // last row under the filter buttons, 0 for row (WriteTotals)
}

// NewSheetWriter starts sheet (created when absent) with its header row.
// Call WriteRow for each row, then Close before writing the workbook.
func NewSheetWriter(f *excelize.File, sheet string, cols []Column) (*SheetWriter, error) {
	s, err := newSheetWriterAt(f, sheet, cols, 1)
	if err != nil {
		return nil, err
	}
	return s, s.writeHeader()
}

// newSheetWriterAt prepares sheet (created when absent) for a table whose
// header goes on headerRow: styles, column widths and the frozen pane,
// which a stream writer takes only before its first row. Nothing is
// written yet: the caller may write the rows above the header, then calls
// writeHeader.
func newSheetWriterAt(f *excelize.File, sheet string, cols []Column, headerRow int) (*SheetWriter, error) {
	if len(cols) == 0 {
		return nil, fmt.Errorf("excel: sheet %q has no columns", sheet)
	}
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	s := &SheetWriter{f: f, sheet: sheet, sw: sw, cols: cols, textStyle: make([]int, len(cols)), headerRow: headerRow}
	if s.headerStyle, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	}); err != nil {
		return nil, err
	}
	for _, st := range []struct {
		id     *int
		format string
	}{{&s.dateStyle, "dd/mm/yyyy hh:mm:ss"}, {&s.dayStyle, "dd/mm/yyyy"}, {&s.spanStyle, "[h]:mm:ss"}, {&s.shareStyle, "0.00%"}} {
		if *st.id, err = f.NewStyle(&excelize.Style{CustomNumFmt: ptr(st.format)}); err != nil {
			return nil, err
		}
	}
	for i, c := range cols {
		style := &excelize.Style{NumFmt: numFmtText, Alignment: &excelize.Alignment{Vertical: "top", WrapText: c.Wrap}}
		if s.textStyle[i], err = f.NewStyle(style); err != nil {
			return nil, err
		}
		if err := sw.SetColWidth(i+1, i+1, c.width()); err != nil {
			return nil, err
		}
		if c.Text {
			if err := sw.SetColStyle(i+1, i+1, s.textStyle[i]); err != nil {
				return nil, err
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cellRef(0, headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	return s, nil
}

// writeHeader writes the columns' headers on the header row, leaving blank
// any rows between the last one written and it.
func (s *SheetWriter) writeHeader() error {
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		header[i] = excelize.Cell{StyleID: s.headerStyle, Value: c.Header}
	}
	s.row = s.headerRow - 1
	return s.write(header)
}

func ptr[T any](v T) *T { return &v }

func (c Column) width() float64 {
	if c.Width > 0 {
		return c.Width
	}
	return float64(min(max(utf8.RuneCountInString(c.Header)+2, 10), 50))
}

// Values that are numbers to Excel but read as something else: each is
// written as a real number with a number format, so it sorts, filters and
// sums, and every Excel locale shows it the same way.
type (
	// Day is a calendar date (a birth date, a day of submissions), shown
	// dd/mm/yyyy; its year, month and day are taken as they are, no zone.
	Day time.Time
	// Span is a duration (time spent on an attempt), shown [h]:mm:ss.
	Span time.Duration
	// Share is a fraction shown as a percentage: 0.125 shows 12.50%.
	Share float64
)

// WriteRow appends one row. Strings are written as text cells whatever
// they start with: "=SUM(A1)" or "+84…" stays the text typed, never a
// formula (CSV/Excel formula injection), and the text format keeps it text
// if someone edits the cell later. Numbers, bools, times (shown
// dd/mm/yyyy hh:mm:ss), Day, Span and Share keep their type; anything else
// is written as its text.
func (s *SheetWriter) WriteRow(values ...any) error {
	row := make([]any, len(values))
	for i, v := range values {
		row[i] = s.cell(i, v)
	}
	return s.write(row)
}

func (s *SheetWriter) cell(col int, v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		return excelize.Cell{StyleID: s.textStyleOf(col), Value: v}
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, bool:
		return v
	case time.Time:
		if v.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: s.dateStyle, Value: v}
	case Day:
		t := time.Time(v)
		if t.IsZero() {
			return nil
		}
		// excelize writes a time's wall clock: midnight of the same date.
		return excelize.Cell{StyleID: s.dayStyle, Value: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
	case Span:
		if v <= 0 {
			return nil
		}
		return excelize.Cell{StyleID: s.spanStyle, Value: time.Duration(v).Seconds() / 86400}
	case Share:
		return excelize.Cell{StyleID: s.shareStyle, Value: float64(v)}
	default:
		// excelize.Cell (which may carry a formula) and every other type
		// end here: written as text, so no caller can inject a formula.
		return excelize.Cell{StyleID: s.textStyleOf(col), Value: fmt.Sprint(v)}
	}
}

// WriteTotals appends a totals line below the table: outside the filter
// range, so sorting or filtering the table never moves it among the rows.
func (s *SheetWriter) WriteTotals(values ...any) error {
	if s.dataEnd == 0 {
		s.dataEnd = s.row
	}
	return s.WriteRow(values...)
}

func (s *SheetWriter) textStyleOf(col int) int {
	if col < len(s.textStyle) {
		return s.textStyle[col]
	}
	return s.textStyle[len(s.textStyle)-1]
}

func (s *SheetWriter) write(row []any) error {
	s.row++
	return s.sw.SetRow(cellRef(0, s.row), row)
}

// Rows returns how many rows were written, the header included.
func (s *SheetWriter) Rows() int { return s.row }

// Close adds the filter buttons over the table (from its header row down,
// not the rows above it) and ends the stream.
func (s *SheetWriter) Close() error {
	// With a stream writer the filter must be set before Flush: Flush
	// writes the worksheet's autoFilter element from the in-memory sheet.
	end := s.row
	if s.dataEnd > 0 {
		end = s.dataEnd
	}
	ref := cellRef(0, s.headerRow) + ":" + cellRef(max(len(s.cols), 1)-1, end)
	if err := s.f.AutoFilter(s.sheet, ref, nil); err != nil {
		return err
	}
	return s.sw.Flush()
}
