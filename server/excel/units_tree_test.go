package excel

import (
	"bytes"
	"slices"
	"testing"

	"hoithi/contests"
)

func row(n int, code, kind, parent string) UnitRow {
	return UnitRow{Row: n, Code: code, Name: "Đơn vị " + code, Kind: kind, ParentCode: parent}
}

func codesOf(rows []UnitRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Code
	}
	return out
}

func TestValidateUnitTreeOrdersParentsFirst(t *testing.T) {
	rows := []UnitRow{
		row(2, "CB1", "Chi bộ", "P1"),
		row(3, "P1", "Phường", "T"),
		row(4, "T", "Tỉnh", ""),
		row(5, "X1", "xa", "HUYEN_CU"), // parent already stored
		row(6, "CB2", "Chi bộ", "X1"),
		row(7, "P2", "Trường học", "T"),
	}
	existing := map[string]*contests.Unit{"HUYEN_CU": {ID: "u9", Code: "HUYEN_CU", Kind: contests.UnitDistrict}}
	got, err := ValidateUnitTree(rows, existing)
	if err != nil {
		t.Fatal(err)
	}
	// Breadth first from the roots (T, then X1 whose parent is stored),
	// file order among siblings.
	want := []string{"T", "X1", "P1", "P2", "CB2", "CB1"}
	if g := codesOf(got); !slices.Equal(g, want) {
		t.Fatalf("order = %v, want %v", g, want)
	}
	kinds := map[string]string{}
	for _, r := range got {
		kinds[r.Code] = r.Kind
	}
	if kinds["T"] != contests.UnitProvince || kinds["X1"] != contests.UnitWard || kinds["CB1"] != contests.UnitGrassroots || kinds["P2"] != "Trường học" {
		t.Errorf("kinds not mapped: %v", kinds)
	}
	if rows[0].Code != "CB1" || rows[0].Kind != "Chi bộ" {
		t.Errorf("input rows were modified: %+v", rows[0])
	}
}

func TestValidateUnitTreeRejects(t *testing.T) {
	stored := map[string]*contests.Unit{
		"T":  {ID: "t", Code: "T"},
		"P1": {ID: "p1", Code: "P1", ParentID: "t"},
		"T2": {ID: "t2", Code: "T2"},
	}
	tests := []struct {
		name     string
		rows     []UnitRow
		existing map[string]*contests.Unit
		want     []fieldErr
	}{
		{"unknown parent", []UnitRow{row(2, "A", "Tỉnh", ""), row(3, "B", "Xã", "Z")}, nil,
			[]fieldErr{{"D3", []string{"Dòng 3, cột D (Mã đơn vị cấp trên):", `không có đơn vị mã "Z"`}}}},
		{"own parent", []UnitRow{row(2, "A", "Tỉnh", "A")}, nil,
			[]fieldErr{{"D2", []string{"cấp trên của chính nó"}}}},
		{"cycle", []UnitRow{row(2, "R", "Tỉnh", ""), row(3, "A", "Xã", "C"), row(4, "B", "Xã", "A"), row(5, "C", "Xã", "B"), row(6, "D", "Thôn", "B")}, nil,
			[]fieldErr{{"D3", []string{"vòng lặp (A → C → B → A)"}}}},
		{"two cycles", []UnitRow{row(2, "A", "Xã", "B"), row(3, "B", "Xã", "A"), row(4, "C", "Xã", "D"), row(5, "D", "Xã", "C")}, nil,
			[]fieldErr{{"D2", []string{"A → B → A"}}, {"D4", []string{"C → D → C"}}}},
		{"empty kind", []UnitRow{row(2, "A", " ", "")}, nil,
			[]fieldErr{{"C2", []string{"Dòng 2, cột C (Loại): không được để trống"}}}},
		{"duplicate code", []UnitRow{row(2, "A", "Tỉnh", ""), row(9, "A", "Tỉnh", "")}, nil,
			[]fieldErr{{"A9", []string{`"A" trùng với dòng 2`}}}},
		{"stored unit moved to another stored parent", []UnitRow{row(2, "P1", "Phường", "T2")}, stored,
			[]fieldErr{{"D2", []string{`đơn vị "P1" đã có, thuộc đơn vị mã T`, "không hỗ trợ chuyển đơn vị", "(mã T2)"}}}},
		{"stored unit moved under a new unit", []UnitRow{row(2, "N", "Xã", "T"), row(3, "P1", "Phường", "N")}, stored,
			[]fieldErr{{"D3", []string{"không hỗ trợ chuyển đơn vị", "(mã N)"}}}},
		{"stored root moved", []UnitRow{row(2, "T2", "Tỉnh", "T")}, stored,
			[]fieldErr{{"D2", []string{"thuộc cấp gốc"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ValidateUnitTree(tt.rows, tt.existing)
			if got != nil {
				t.Errorf("rows = %v, want none", codesOf(got))
			}
			assertFields(t, err, contests.CodeInvalid, tt.want...)
		})
	}
}

func TestValidateUnitTreeKeepsStoredUnits(t *testing.T) {
	stored := map[string]*contests.Unit{
		"T":  {ID: "t", Code: "T"},
		"P1": {ID: "p1", Code: "P1", ParentID: "t"},
	}
	rows := []UnitRow{
		row(2, "P1", "Phường", ""), // blank parent: stays under T
		row(3, "T", "Tỉnh", ""),    // stored root stays a root
		row(4, "C1", "Thôn", "P1"), // new unit under a stored one
		row(5, "P1B", "Xã", "T"),   // new sibling
	}
	got, err := ValidateUnitTree(rows, stored)
	if err != nil {
		t.Fatal(err)
	}
	if g := codesOf(got); !slices.Equal(g, []string{"P1", "T", "C1", "P1B"}) {
		t.Errorf("order = %v", g)
	}
}

// Cells named by ValidateUnitTree follow the columns of the file the rows
// came from, not the template's.
func TestValidateUnitTreeNamesCellsOfTheFile(t *testing.T) {
	data := buildXLSX(t, sheetSpec{name: UnitSheet, rows: [][]any{
		{"Mã đơn vị cấp trên", "Loại", "Tên đơn vị", "Số lượng", "Mã đơn vị"},
		{nil, "Tỉnh", "Tỉnh A", 1, "A"},
		{"NOPE", "Xã", "Xã B", 2, "B"},
	}})
	rows, err := ParseUnits(bytes.NewReader(data), 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ValidateUnitTree(rows, nil)
	assertFields(t, err, contests.CodeInvalid, fieldErr{"A3", []string{"Dòng 3, cột A (Mã đơn vị cấp trên)"}})
}
