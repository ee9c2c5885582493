package excel

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests"
)

func TestParseUnitsReadsTolerantly(t *testing.T) {
	nfdName := norm.NFD.String("Phường An Biên")
	data := buildXLSX(t, sheetSpec{
		name: "Đơn vị", // found as DonVi without accents or case
		rows: [][]any{
			{"DANH SÁCH ĐƠN VỊ"}, // a title above the header
			nil,
			// Reordered, renamed headers with stray spaces and an extra column.
			{"  số lượng ", "Ghi chú", "MA DON VI", "Tên  đơn vị", "Mã đơn vị cấp trên", "loại"},
			{"1.200", "tỉnh lỵ", "001", "Tỉnh Kiên Giang", nil, "Tỉnh"},
			{nil, nil, nil, nil, nil, nil}, // blank row: skipped
			{4500, nil, "P01 ", nfdName + "  ", "001", "phuong"},
			{"35", "chỉ ghi chú", 7, "Chi bộ\nKhu phố 1", "P01", "Chi bộ"},
			{nil, "chỉ ghi chú, không phải đơn vị"}, // no unit column filled: skipped
			{"0", nil, "X1", "Trường THPT Nguyễn Trãi", "P01", "Trường học"},
			{nil, nil, 5, "Xã Đông Hòa", "001", "Xa"},
		},
		styles: map[string]string{"C10": "000"}, // number 5 shown as "005"
	})
	rows, err := ParseUnits(bytes.NewReader(data), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []UnitRow{
		{Row: 4, Code: "001", Name: "Tỉnh Kiên Giang", Kind: contests.UnitProvince, Headcount: 1200},
		{Row: 6, Code: "P01", Name: "Phường An Biên", Kind: contests.UnitWard, ParentCode: "001", Headcount: 4500},
		{Row: 7, Code: "7", Name: "Chi bộ Khu phố 1", Kind: contests.UnitGrassroots, ParentCode: "P01", Headcount: 35},
		{Row: 9, Code: "X1", Name: "Trường THPT Nguyễn Trãi", Kind: "Trường học", ParentCode: "P01"},
		{Row: 10, Code: "005", Name: "Xã Đông Hòa", Kind: contests.UnitWard, ParentCode: "001"},
	}
	assertRows(t, rows, want)
	if rows[1].Name != norm.NFC.String("Phường An Biên") {
		t.Errorf("NFD name not normalized: %+q", rows[1].Name)
	}
}

func assertRows(t *testing.T, got, want []UnitRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g := got[i]
		g.layout = nil
		if g != want[i] {
			t.Errorf("row %d = %+v\n         want %+v", i, g, want[i])
		}
	}
}

func TestParseUnitsSheetChoice(t *testing.T) {
	row := []any{"001", "Tỉnh A", "Tỉnh", nil, 10}
	t.Run("only sheet, any name", func(t *testing.T) {
		data := buildXLSX(t, sheetSpec{name: "Sheet1", rows: [][]any{unitHeader, row}})
		rows, err := ParseUnits(bytes.NewReader(data), 0)
		if err != nil || len(rows) != 1 || rows[0].Code != "001" {
			t.Fatalf("rows = %+v, err = %v", rows, err)
		}
	})
	t.Run("DonVi among others", func(t *testing.T) {
		data := buildXLSX(t,
			sheetSpec{name: "HuongDan", rows: [][]any{{"Cột", "Giải thích"}}},
			sheetSpec{name: "DonVi", rows: [][]any{unitHeader, row}})
		rows, err := ParseUnits(bytes.NewReader(data), 0)
		if err != nil || len(rows) != 1 || rows[0].Name != "Tỉnh A" {
			t.Fatalf("rows = %+v, err = %v", rows, err)
		}
	})
	t.Run("wrong sheet among several", func(t *testing.T) {
		data := buildXLSX(t,
			sheetSpec{name: "Sheet1", rows: [][]any{unitHeader, row}},
			sheetSpec{name: "Sheet2"})
		_, err := ParseUnits(bytes.NewReader(data), 0)
		assertFields(t, err, contests.CodeInvalid, fieldErr{"file", []string{`"DonVi"`, "Sheet1, Sheet2"}})
	})
}

func TestParseUnitsRejectsFiles(t *testing.T) {
	valid := unitsFile(t, []any{"001", "Tỉnh A", "Tỉnh", nil, 10})
	assertRefused(t, ParseUnits, []refusedFile{
		{"text file renamed .xlsx", []byte("Mã đơn vị,Tên đơn vị\n001,Tỉnh A\n"), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{"không phải định dạng Excel .xlsx"}}}},
		{"old xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{".xls cũ"}}}},
		{"broken zip", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{1}, 200)...), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{"bị hỏng"}}}},
		{"empty", nil, 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{"không phải định dạng"}}}},
		{"over the size limit", valid, int64(len(valid) - 1),
			contests.CodeTooLarge, []fieldErr{{"file", []string{"lớn hơn giới hạn"}}}},
		{"no header row", buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{{"Tên", "Loại"}, {"A", "B"}}}), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{`"Mã đơn vị"`, "10 dòng đầu"}}}},
		{"missing columns", buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{{"Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên"}}}), 0,
			contests.CodeInvalid, []fieldErr{
				{"file", []string{`Thiếu cột "Loại"`, "dòng 1"}},
				{"file", []string{`Thiếu cột "Số đảng viên/đoàn viên/dân số"`}},
			}},
		{"column twice", buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{append(append([]any{}, unitHeader...), "Loại")}}), 0,
			contests.CodeInvalid, []fieldErr{{"F1", []string{"Cột F trùng tiêu đề", "cột C"}}}},
		{"header only", unitsFile(t), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{"không có đơn vị nào"}}}},
		{"merged cells in the data area", buildXLSX(t, sheetSpec{
			name:   UnitSheet,
			rows:   [][]any{{"Báo cáo"}, unitHeader, {"001", "Tỉnh A", "Tỉnh", nil, 1}, {"P1", "Phường B", "Phường", "001", 2}, {"P2", "Phường C", nil, "001", 3}},
			merges: [][2]string{{"A1", "E1"}, {"C4", "C5"}}, // the title merge above the header is fine
		}), 0,
			contests.CodeInvalid, []fieldErr{{"C4:C5", []string{"C4:C5", "gộp ô"}}}},
	})
}

func TestParseUnitsNamesEveryBadCell(t *testing.T) {
	data := buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{
		// Columns moved: the cell references must follow the file's layout.
		{"Tên đơn vị", "Mã đơn vị", "Số lượng", "Loại", "Mã đơn vị cấp trên"},
		{"Tỉnh A", "001", 10, "Tỉnh", nil},
		{nil, "P1", "12,5", "Phường", "001"},
		{"Phường B", nil, "-3", nil, "001"},
		{"Phường C", "001", "abc", "Phường", "001"},
		{"Phường D", "P4", "1.234,567", "Phường", "001"},
		{"Phường E", "P5", "999999999999999999999999", "Phường", "001"},
	}})
	_, err := ParseUnits(bytes.NewReader(data), 0)
	assertFields(t, err, contests.CodeInvalid,
		fieldErr{"A3", []string{"Dòng 3, cột A (Tên đơn vị): không được để trống"}},
		fieldErr{"C3", []string{"Dòng 3, cột C (Số đảng viên/đoàn viên/dân số):", `"12,5" không phải số nguyên không âm`}},
		fieldErr{"B4", []string{"Dòng 4, cột B (Mã đơn vị): không được để trống"}},
		fieldErr{"D4", []string{"Dòng 4, cột D (Loại): không được để trống"}},
		fieldErr{"C4", []string{`"-3" không phải số nguyên`}},
		fieldErr{"C5", []string{`"abc"`}},
		fieldErr{"B5", []string{`Dòng 5, cột B (Mã đơn vị): Mã đơn vị "001" trùng với dòng 2`}},
		fieldErr{"C6", []string{`"1.234,567"`}},
		fieldErr{"C7", []string{"lớn quá mức hợp lý"}},
	)
}

func TestParseUnitsCapsErrors(t *testing.T) {
	rows := make([][]any, 0, 301)
	rows = append(rows, unitHeader)
	for i := range 300 {
		rows = append(rows, []any{fmt.Sprintf("U%d", i), nil, "Thôn", nil, nil}) // no name
	}
	_, err := ParseUnits(bytes.NewReader(buildXLSX(t, sheetSpec{name: UnitSheet, rows: rows})), 0)
	e := err.(*contests.Error)
	if len(e.Fields) != MaxCellErrors+1 {
		t.Fatalf("%d fields, want %d", len(e.Fields), MaxCellErrors+1)
	}
	if e.Fields[0].Field != "B2" || e.Fields[MaxCellErrors-1].Field != "B201" {
		t.Errorf("first/last = %s/%s, want B2/B201", e.Fields[0].Field, e.Fields[MaxCellErrors-1].Field)
	}
	if last := e.Fields[MaxCellErrors]; last.Field != "file" || last.Msg.VI != "… và 100 lỗi khác" {
		t.Errorf("last field = %+v, want file / … và 100 lỗi khác", last)
	}
	if e.Msg.VI != "File có 300 lỗi, chưa nhập dữ liệu nào" {
		t.Errorf("message = %q", e.Msg.VI)
	}
}

func TestParseUnitsRowLimit(t *testing.T) {
	build := func(n int) []byte {
		return streamedXLSX(t, unitHeader, n, func(i int) []any {
			if i == 0 {
				return []any{"R", "Gốc", "Tỉnh", nil, 1}
			}
			return []any{fmt.Sprint("U", i), "Thôn", "Thôn", "R", i}
		})
	}
	rows, err := ParseUnits(bytes.NewReader(build(MaxUnitRows)), 50<<20)
	if err != nil || len(rows) != MaxUnitRows {
		t.Fatalf("at the limit: %d rows, err %v", len(rows), err)
	}
	_, err = ParseUnits(bytes.NewReader(build(MaxUnitRows+1)), 50<<20)
	assertFields(t, err, contests.CodeTooLarge, fieldErr{"file", []string{"hơn 50000 dòng"}})
}

func TestParseHeadcount(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 0, true}, {"0", 0, true}, {"1234", 1234, true}, {"1.234", 1234, true},
		{"1,234,567", 1234567, true}, {"1 234", 1234, true}, {"1234.00", 1234, true}, {"12,0", 12, true},
		{"12,5", 0, false}, {"1.234,5", 0, false}, {"1.234,567", 0, false}, {"-1", 0, false},
		{"1e3", 0, false}, {"12.34", 0, false}, {"١٢", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseHeadcount(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseHeadcount(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
