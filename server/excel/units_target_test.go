package excel

import (
	"bytes"
	"testing"

	"hoithi/contests"
)

// The headcount and target columns are told apart by header, including the
// headers of files written before the target column existed.
func TestParseUnitsHeadcountAndTargetHeaders(t *testing.T) {
	tests := []struct {
		name   string
		header []any
		row    []any // code, name, kind, parent, then the two count cells in header order
		want   UnitRow
	}{
		{"template headers, target first",
			[]any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Chỉ tiêu dự thi (người)", "Số đảng viên/đoàn viên/dân số"},
			[]any{"P01", "Phường A", "Phường", nil, "1.500", 4500},
			UnitRow{Row: 2, Code: "P01", Name: "Phường A", Kind: contests.UnitWard, Headcount: 4500, Target: 1500, HasTarget: true}},
		{"old headcount header with (chỉ tiêu), bare Chỉ tiêu is the target",
			[]any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số đảng viên/đoàn viên/dân số (chỉ tiêu)", "Chỉ tiêu"},
			[]any{"P01", "Phường A", "Phường", nil, 300, 120},
			UnitRow{Row: 2, Code: "P01", Name: "Phường A", Kind: contests.UnitWard, Headcount: 300, Target: 120, HasTarget: true}},
		{"Số lượng is the headcount, Chỉ tiêu (người) the target",
			[]any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số lượng", "chỉ tiêu (người)"},
			[]any{"P01", "Phường A", "Phường", nil, 80, nil},
			UnitRow{Row: 2, Code: "P01", Name: "Phường A", Kind: contests.UnitWard, Headcount: 80, HasTarget: true}},
		{"no target column",
			[]any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số lượng (chỉ tiêu)"},
			[]any{"P01", "Phường A", "Phường", nil, 80},
			UnitRow{Row: 2, Code: "P01", Name: "Phường A", Kind: contests.UnitWard, Headcount: 80}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{tt.header, tt.row}})
			rows, err := ParseUnits(bytes.NewReader(data), 0)
			if err != nil {
				t.Fatal(err)
			}
			assertRows(t, rows, []UnitRow{tt.want})
		})
	}
}

// "Chỉ tiêu" used to name the headcount; it now names the target, so a file
// with only that count column lacks its headcount column and says so.
func TestParseUnitsBareTargetIsNotHeadcount(t *testing.T) {
	data := buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{
		{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Chỉ tiêu"},
		{"P01", "Phường A", "Phường", nil, 80},
	}})
	rows, err := ParseUnits(bytes.NewReader(data), 0)
	if rows != nil {
		t.Errorf("rows = %+v, want none", rows)
	}
	assertFields(t, err, contests.CodeInvalid, fieldErr{"file", []string{`Thiếu cột "Số đảng viên/đoàn viên/dân số"`}})
}

func TestParseUnitsNamesBadTargets(t *testing.T) {
	data := buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{
		// The target sits in column C: references follow the file.
		{"Mã đơn vị", "Tên đơn vị", "Chỉ tiêu dự thi (người)", "Loại", "Mã đơn vị cấp trên", "Số đảng viên/đoàn viên/dân số"},
		{"001", "Tỉnh A", 10, "Tỉnh", nil, 100},
		{"P1", "Phường B", "-3", "Phường", "001", 5},
		{"P2", "Phường C", "abc", "Phường", "001", "x"},
		{"P3", "Phường D", "12,5", "Phường", "001", nil},
		{"P4", "Phường E", "999999999999999999999999", "Phường", "001", nil},
		{nil, nil, 7, nil, nil, nil}, // only a target: a row with missing cells, not a blank one
	}})
	rows, err := ParseUnits(bytes.NewReader(data), 0)
	if rows != nil {
		t.Errorf("rows = %+v, want none", rows)
	}
	assertFields(t, err, contests.CodeInvalid,
		fieldErr{"C3", []string{"Dòng 3, cột C (Chỉ tiêu dự thi):", `"-3" không phải số nguyên không âm`}},
		fieldErr{"F4", []string{"Dòng 4, cột F (Số đảng viên/đoàn viên/dân số):", `"x"`}},
		fieldErr{"C4", []string{"Dòng 4, cột C (Chỉ tiêu dự thi):", `"abc" không phải số nguyên không âm`}},
		fieldErr{"C5", []string{`"12,5" không phải số nguyên không âm`}},
		fieldErr{"C6", []string{"Dòng 6, cột C (Chỉ tiêu dự thi):", "lớn quá mức hợp lý"}},
		fieldErr{"A7", []string{"Dòng 7, cột A (Mã đơn vị): không được để trống"}},
		fieldErr{"B7", []string{"Dòng 7, cột B (Tên đơn vị): không được để trống"}},
		fieldErr{"D7", []string{"Dòng 7, cột D (Loại): không được để trống"}},
	)
}
