package excel

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// sheetSpec describes a test workbook: one sheet's rows (nil cells left
// empty), optional merges and extra sheets.
type sheetSpec struct {
	name   string
	rows   [][]any
	merges [][2]string
	// styles applies a custom number format to cells: ref → format.
	styles map[string]string
}

// buildXLSX writes the sheets (the first replaces the default sheet).
func buildXLSX(t *testing.T, sheets ...sheetSpec) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			must(t, f.SetSheetName(f.GetSheetName(0), s.name))
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				must(t, f.SetCellValue(s.name, ref, v))
			}
		}
		for _, m := range s.merges {
			must(t, f.MergeCell(s.name, m[0], m[1]))
		}
		for ref, format := range s.styles {
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
			must(t, err)
			must(t, f.SetCellStyle(s.name, ref, ref, style))
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// streamedXLSX writes a large one-sheet workbook as the organizers' tools
// do, through a stream writer: header in row 1, then row(i) for i in [0, n).
func streamedXLSX(t *testing.T, header []any, n int, row func(i int) []any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(t, err)
	must(t, sw.SetRow("A1", header))
	for i := range n {
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		must(t, sw.SetRow(ref, row(i)))
	}
	must(t, sw.Flush())
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

// refusedFile is a workbook an import must refuse whole, naming what is
// wrong: the error's code and its fields in order.
type refusedFile struct {
	name     string
	data     []byte
	maxBytes int64
	code     contests.Code
	want     []fieldErr
}

// assertRefused parses each file and checks it is refused as told, with no
// rows returned.
func assertRefused[R any](t *testing.T, parse func(io.Reader, int64) ([]R, error), files []refusedFile) {
	t.Helper()
	for _, tt := range files {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := parse(bytes.NewReader(tt.data), tt.maxBytes)
			if rows != nil {
				t.Errorf("rows = %+v, want none", rows)
			}
			assertFields(t, err, tt.code, tt.want...)
		})
	}
}

// writtenWorkbook runs write into a buffer and opens what it wrote, as the
// person downloading the file would; the workbook is closed when the test
// ends.
func writtenWorkbook(t *testing.T, write func(io.Writer) error) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	must(t, write(&buf))
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// unitHeader is the template header without the optional target column,
// as files made before it existed look.
var unitHeader = []any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số đảng viên/đoàn viên/dân số"}

// unitsFile is a DonVi sheet with the template header and rows.
func unitsFile(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	return buildXLSX(t, sheetSpec{name: UnitSheet, rows: append([][]any{unitHeader}, rows...)})
}

// fieldErr is an expected FieldError: its field and fragments its
// Vietnamese message must contain.
type fieldErr struct {
	field string
	vi    []string
}

// assertFields checks err is a *contests.Error of code with exactly the
// expected fields, in order.
func assertFields(t *testing.T, err error, code contests.Code, want ...fieldErr) {
	t.Helper()
	var e *contests.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want a *contests.Error", err)
	}
	if e.Code != code {
		t.Fatalf("code = %s, want %s (%v)", e.Code, code, err)
	}
	if len(e.Fields) != len(want) {
		t.Fatalf("got %d fields, want %d:\n%s", len(e.Fields), len(want), describe(e.Fields))
	}
	for i, w := range want {
		got := e.Fields[i]
		if got.Field != w.field {
			t.Errorf("field %d = %q, want %q (%s)", i, got.Field, w.field, got.Msg.VI)
		}
		for _, frag := range w.vi {
			if !strings.Contains(got.Msg.VI, frag) {
				t.Errorf("field %d (%s) message %q lacks %q", i, got.Field, got.Msg.VI, frag)
			}
		}
		if got.Msg.EN == "" {
			t.Errorf("field %d (%s) has no English message", i, got.Field)
		}
	}
}

func describe(fields []contests.FieldError) string {
	var b strings.Builder
	for _, f := range fields {
		b.WriteString("  " + f.Field + ": " + f.Msg.VI + "\n")
	}
	return b.String()
}

// assertCellTexts checks that each cell of want (its first line is row 1)
// reads back as that text and holds no formula.
func assertCellTexts(t *testing.T, f *excelize.File, sheet string, want [][]string) {
	t.Helper()
	for r, cells := range want {
		for c, text := range cells {
			ref := cellRef(c, r+1)
			if got, _ := f.GetCellValue(sheet, ref); got != text {
				t.Errorf("%s = %q, want %q", ref, got, text)
			}
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s holds formula %q", ref, formula)
			}
		}
	}
}

// assertStringCells checks that refs are written as inline strings.
func assertStringCells(t *testing.T, f *excelize.File, sheet string, refs ...string) {
	t.Helper()
	for _, ref := range refs {
		if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeInlineString {
			t.Errorf("%s type = %v, want an inline string", ref, typ)
		}
	}
}

// assertNumberCells checks that refs are written as numbers.
func assertNumberCells(t *testing.T, f *excelize.File, sheet string, refs ...string) {
	t.Helper()
	for _, ref := range refs {
		if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s type = %v, want a number", ref, typ)
		}
	}
}
