package excel

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

func sampleUnits() []*contests.Unit {
	return []*contests.Unit{
		{ID: "t", Code: "001", Name: "Tỉnh An Giang", Kind: contests.UnitProvince, Headcount: 120000, Target: 40000},
		{ID: "p", Code: "P01", Name: "Phường Rạch Giá", Kind: contests.UnitWard, ParentID: "t", Headcount: 4500, Target: 1500},
		{ID: "x", Code: "0007", Name: "=HYPERLINK(\"http://evil\",\"Bấm\")", Kind: contests.UnitWard, ParentID: "t"},
		{ID: "c1", Code: "+84", Name: "+Chi bộ 1", Kind: contests.UnitGrassroots, ParentID: "p", Headcount: 35, Target: 20},
		{ID: "c2", Code: "-1", Name: "-2+3", Kind: "Trường học", ParentID: "p", Headcount: 0},
		{ID: "c3", Code: "@A", Name: "@SUM(A1:A2)", Kind: contests.UnitDistrict, ParentID: "x", Headcount: 7},
		{ID: "o", Code: "NT", Name: "Ngoài tỉnh", Kind: contests.UnitOutOfProvince},
	}
}

func TestWriteUnitsRoundTrip(t *testing.T) {
	units := sampleUnits()
	var buf bytes.Buffer
	if err := WriteUnits(&buf, units); err != nil {
		t.Fatal(err)
	}
	rows, err := ParseUnits(bytes.NewReader(buf.Bytes()), 0)
	if err != nil {
		t.Fatal(err)
	}
	codeByID := map[string]string{}
	for _, u := range units {
		codeByID[u.ID] = u.Code
	}
	want := make([]UnitRow, len(units))
	for i, u := range units {
		want[i] = UnitRow{Row: i + 2, Code: u.Code, Name: u.Name, Kind: u.Kind, ParentCode: codeByID[u.ParentID], Headcount: u.Headcount, Target: u.Target, HasTarget: true}
	}
	assertRows(t, rows, want)
	if _, err := ValidateUnitTree(rows, nil); err != nil {
		t.Errorf("exported tree does not validate: %v", err)
	}
}

func TestWriteUnitsCells(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteUnits(&buf, sampleUnits()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	assertColumnKinds(t, f, UnitSheet, 1, kindsOf("Mã đơn vị=text", "Tên đơn vị=text", "Loại=text", "Mã đơn vị cấp trên=text",
		"Số đảng viên/đoàn viên/dân số=number", "Chỉ tiêu dự thi (người)=number"))
	if got := f.GetSheetList(); len(got) != 1 || got[0] != UnitSheet {
		t.Fatalf("sheets = %v, want [DonVi]", got)
	}
	want := [][]string{
		{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số đảng viên/đoàn viên/dân số", "Chỉ tiêu dự thi (người)"},
		{"001", "Tỉnh An Giang", "Tỉnh", "", "120000", "40000"},
		{"P01", "Phường Rạch Giá", "Phường/Xã", "001", "4500", "1500"},
		{"0007", "=HYPERLINK(\"http://evil\",\"Bấm\")", "Phường/Xã", "001", "0", "0"},
		{"+84", "+Chi bộ 1", "Cơ sở", "P01", "35", "20"},
		{"-1", "-2+3", "Trường học", "P01", "0", "0"},
		{"@A", "@SUM(A1:A2)", "Huyện", "0007", "7", "0"},
		{"NT", "Ngoài tỉnh", "Ngoài tỉnh", "", "0", "0"},
	}
	assertCellTexts(t, f, UnitSheet, want)
	// Formula-like text and codes are string cells; counts are numbers.
	assertStringCells(t, f, UnitSheet, "A2", "A4", "B4", "A5", "B5", "A6", "B6", "A7", "B7", "D7")
	assertNumberCells(t, f, UnitSheet, "E2", "F2")
	assertSheetConventions(t, f, UnitSheet, "$A$1:$F$8")
}

// assertTextColumns checks that the columns of sheet are formatted as text,
// so that what a person types there keeps its form (leading zeros, a date
// written 03/02/1930).
func assertTextColumns(t *testing.T, f *excelize.File, sheet string, cols ...string) {
	t.Helper()
	for _, col := range cols {
		styleID, _ := f.GetColStyle(sheet, col)
		if style, _ := f.GetStyle(styleID); style == nil || style.NumFmt != numFmtText {
			t.Errorf("column %s is not text formatted (style %d)", col, styleID)
		}
	}
}

// assertSheetConventions checks what every export shares: bold header,
// frozen header row, filter over the data, column widths set.
func assertSheetConventions(t *testing.T, f *excelize.File, sheet, filterRange string) {
	t.Helper()
	styleID, _ := f.GetCellStyle(sheet, "A1")
	style, err := f.GetStyle(styleID)
	if err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header A1 is not bold (style %d: %+v, %v)", styleID, style, err)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, want the header row frozen", panes)
	}
	found := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			found = true
			if want := "'" + sheet + "'!" + filterRange; dn.RefersTo != want {
				t.Errorf("filter range = %q, want %q", dn.RefersTo, want)
			}
		}
	}
	if !found {
		t.Errorf("no autofilter on %s", sheet)
	}
	// Every filtered column has a width of its own (≥ 10 characters), not
	// Excel's default 8.43.
	last, _ := excelize.ColumnNameToNumber(filterRange[strings.LastIndex(filterRange, ":")+2 : strings.LastIndex(filterRange, "$")])
	for c := 1; c <= last; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		if w, _ := f.GetColWidth(sheet, name); w < 10 {
			t.Errorf("column %s width = %v, want a set width", name, w)
		}
	}
}

func TestUnitTemplate(t *testing.T) {
	var buf bytes.Buffer
	if err := UnitTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != UnitSheet || got[1] != GuideSheet {
		t.Fatalf("sheets = %v, want [DonVi HuongDan]", got)
	}
	guide, _ := f.GetRows(GuideSheet)
	if len(guide) != len(unitGuide)+1 || guide[0][2] != "Giải thích" {
		t.Fatalf("guide rows = %v", guide)
	}
	for i, spec := range unitColumns {
		if guide[i+1][0] != spec.Header || len(guide[i+1][2]) < 20 {
			t.Errorf("guide row %d = %v, want an explanation of %q", i+2, guide[i+1], spec.Header)
		}
	}
	// The code columns are formatted as text so typed codes keep leading zeros.
	assertTextColumns(t, f, UnitSheet, "A", "D")
	assertSheetConventions(t, f, UnitSheet, "$A$1:$F$2")
	// The template imports as its one example row.
	rows, err := ParseUnits(bytes.NewReader(data), 0)
	if err != nil {
		t.Fatal(err)
	}
	assertRows(t, rows, []UnitRow{{Row: 2, Code: "CB001", Name: "Chi bộ Khu phố 1", Kind: contests.UnitGrassroots, ParentCode: "P001", Headcount: 35, Target: 15, HasTarget: true}})
}

func TestSheetWriterNeverWritesFormulas(t *testing.T) {
	f, err := NewWorkbook("S")
	must(t, err)
	defer f.Close()
	s, err := NewSheetWriter(f, "S", []Column{{Header: "A"}, {Header: "B"}, {Header: "C"}, {Header: "D"}})
	must(t, err)
	// Even a caller handing an excelize.Cell with a formula gets text.
	must(t, s.WriteRow(excelize.Cell{Formula: "1+1"}, "=1+1", 2.5, time.Date(2025, 11, 23, 8, 30, 0, 0, time.UTC)))
	must(t, s.Close())
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(t, err)
	g, err := excelize.OpenReader(&buf)
	must(t, err)
	defer g.Close()
	for _, ref := range []string{"A2", "B2"} {
		if formula, _ := g.GetCellFormula("S", ref); formula != "" {
			t.Errorf("%s holds formula %q", ref, formula)
		}
		if typ, _ := g.GetCellType("S", ref); typ != excelize.CellTypeInlineString {
			t.Errorf("%s type = %v, want an inline string", ref, typ)
		}
	}
	if v, _ := g.GetCellValue("S", "B2"); v != "=1+1" {
		t.Errorf("B2 = %q", v)
	}
	if v, _ := g.GetCellValue("S", "C2"); v != "2.5" {
		t.Errorf("C2 = %q, want the number 2.5", v)
	}
	if v, _ := g.GetCellValue("S", "D2"); v != "23/11/2025 08:30:00" {
		t.Errorf("D2 = %q, want the date shown dd/mm/yyyy hh:mm:ss", v)
	}
	assertSheetConventions(t, g, "S", "$A$1:$D$2")
}

// Exporting a subtree leaves its top unit's parent blank, which an import
// reads as "keep the stored parent".
func TestWriteUnitsSubtree(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteUnits(&buf, sampleUnits()[1:2]); err != nil {
		t.Fatal(err)
	}
	rows, err := ParseUnits(&buf, 0)
	if err != nil {
		t.Fatal(err)
	}
	assertRows(t, rows, []UnitRow{{Row: 2, Code: "P01", Name: "Phường Rạch Giá", Kind: contests.UnitWard, Headcount: 4500, Target: 1500, HasTarget: true}})
	stored := map[string]*contests.Unit{"001": {ID: "t", Code: "001"}, "P01": {ID: "p", Code: "P01", ParentID: "t"}}
	if _, err := ValidateUnitTree(rows, stored); err != nil {
		t.Errorf("re-importing a subtree export: %v", err)
	}
}

func TestMergedRangesScansTheRightSheet(t *testing.T) {
	data := buildXLSX(t,
		sheetSpec{name: "Khác", rows: [][]any{{"x"}}, merges: [][2]string{{"A1", "B1"}}},
		sheetSpec{name: "Đơn vị", rows: [][]any{{"x"}}, merges: [][2]string{{"B5", "C5"}, {"A7", "A9"}}},
		sheetSpec{name: "Trống", rows: [][]any{{"x"}}})
	tests := []struct {
		sheet string
		want  []string
	}{{"Khác", []string{"A1:B1"}}, {"Đơn vị", []string{"B5:C5", "A7:A9"}}, {"Trống", nil}}
	for _, tt := range tests {
		got, ok := mergedRanges(data, tt.sheet, 1<<20)
		if !ok || !slices.Equal(got, tt.want) {
			t.Errorf("mergedRanges(%s) = %v, %v; want %v", tt.sheet, got, ok, tt.want)
		}
	}
	if _, ok := mergedRanges(data, "Không có", 1<<20); ok {
		t.Error("found a sheet that does not exist")
	}
}
