package api

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

func TestUnitSearchWithoutDiacritics(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		r := e.do("GET", "/api/v1/units?q=phuong%20an%20bien", nil, "")
		units := r.Body["units"].([]any)
		if r.Status != 200 || len(units) != 1 {
			t.Fatalf("search: %d %s", r.Status, r.Raw)
		}
		u := units[0].(map[string]any)
		if u["name"] != "Phường An Biên" || u["pathName"] != "Phường An Biên, Tỉnh An Giang" {
			t.Fatalf("found %v", u)
		}
		r = e.do("GET", "/api/v1/units?parentId="+e.units["P"].ID, nil, "")
		if got := len(r.Body["units"].([]any)); got != 2 {
			t.Fatalf("children of the province: %d", got)
		}
		if r := e.do("GET", "/api/v1/units?limit=0", nil, ""); r.Status != 400 || !slices.Contains(r.fieldNames(), "limit") {
			t.Fatalf("bad limit: %d %s", r.Status, r.Raw)
		}
	})
}

func TestOrganizerUnitsScopeAndCreate(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		r := e.do("GET", "/api/v1/org/units", nil, org)
		if got := len(r.Body["units"].([]any)); r.Status != 200 || got != 2 {
			t.Fatalf("organizer of W1 sees %d units (%d), want W1 and W1-A", got, r.Status)
		}
		r = e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-B", "name": "Khu phố 2", "kind": "grassroots", "parentId": e.units["W1"].ID, "headcount": 250}, org)
		if r.Status != 201 {
			t.Fatalf("create: %d %s", r.Status, r.Raw)
		}
		if r.Body["unit"].(map[string]any)["depth"] != float64(3) {
			t.Fatalf("depth of a grandchild: %v", r.Body["unit"])
		}
		r = e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-B", "name": "Trùng", "kind": "grassroots", "parentId": e.units["W1"].ID}, org)
		if r.Status != 409 || !slices.Contains(r.fieldNames(), "code") {
			t.Fatalf("duplicate code: %d %s", r.Status, r.Raw)
		}
		r = e.do("POST", "/api/v1/org/units", map[string]any{"code": "", "name": "", "kind": "", "parentId": e.units["W1"].ID, "headcount": -1}, org)
		if r.Status != 400 || len(r.fieldNames()) != 4 {
			t.Fatalf("every bad field named: %d %s", r.Status, r.Raw)
		}
		r = e.do("PATCH", "/api/v1/org/units/"+e.units["W1-A"].ID, map[string]any{"headcount": 321}, org)
		if r.Status != 200 || r.Body["unit"].(map[string]any)["headcount"] != float64(321) || r.Body["unit"].(map[string]any)["name"] != "Khu phố 1" {
			t.Fatalf("patch: %d %s", r.Status, r.Raw)
		}
	})
}

// A unit's participation target is its own field: created, changed and
// kept apart from the headcount, and a bad one is refused by name with
// nothing saved.
func TestUnitTarget(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		stored := func(code string) *contests.Unit {
			t.Helper()
			u, err := e.store.UnitByCode(t.Context(), code)
			if err != nil {
				t.Fatalf("unit %s: %v", code, err)
			}
			return u
		}
		r := e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-B", "name": "Khu phố 2", "kind": "grassroots",
			"parentId": e.units["W1"].ID, "headcount": 250, "target": 100}, org)
		if r.Status != 201 || r.Body["unit"].(map[string]any)["target"] != float64(100) || r.Body["unit"].(map[string]any)["headcount"] != float64(250) {
			t.Fatalf("create with a target: %d %s", r.Status, r.Raw)
		}
		if u := stored("W1-B"); u.Target != 100 || u.Headcount != 250 {
			t.Fatalf("stored headcount %d, target %d; want 250, 100", u.Headcount, u.Target)
		}
		id := r.Body["unit"].(map[string]any)["id"].(string)
		r = e.do("PATCH", "/api/v1/org/units/"+id, map[string]any{"target": 40}, org)
		if r.Status != 200 || r.Body["unit"].(map[string]any)["target"] != float64(40) || r.Body["unit"].(map[string]any)["headcount"] != float64(250) {
			t.Fatalf("patch the target: %d %s", r.Status, r.Raw)
		}
		r = e.do("PATCH", "/api/v1/org/units/"+id, map[string]any{"name": "Khu phố 2 mới"}, org)
		if r.Status != 200 || stored("W1-B").Target != 40 {
			t.Fatalf("a patch without a target changed it: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/org/units", nil, org)
		found := false
		for _, u := range r.Body["units"].([]any) {
			if u := u.(map[string]any); u["code"] == "W1-B" {
				found = u["target"] == float64(40)
			}
		}
		if !found {
			t.Fatalf("the list lacks W1-B's target: %s", r.Raw)
		}

		for _, bad := range []any{-1, 200_000_001, 1.5, "12"} {
			r = e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-X", "name": "Khu phố X", "kind": "grassroots",
				"parentId": e.units["W1"].ID, "target": bad}, org)
			if r.Status != 400 || !sameStrings(r.fieldNames(), []string{"target"}) {
				t.Fatalf("create with target %v: %d %s, want a field error on target", bad, r.Status, r.Raw)
			}
			if _, err := e.store.UnitByCode(t.Context(), "W1-X"); contests.ErrorCode(err) != contests.CodeNotFound {
				t.Fatalf("a unit with target %v was saved: %v", bad, err)
			}
			r = e.do("PATCH", "/api/v1/org/units/"+id, map[string]any{"target": bad, "headcount": 7}, org)
			if r.Status != 400 || !sameStrings(r.fieldNames(), []string{"target"}) {
				t.Fatalf("patch with target %v: %d %s", bad, r.Status, r.Raw)
			}
			if u := stored("W1-B"); u.Target != 40 || u.Headcount != 250 {
				t.Fatalf("a refused patch saved headcount %d, target %d", u.Headcount, u.Target)
			}
		}
		r = e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-X", "name": "X", "kind": "grassroots", "parentId": e.units["W1"].ID, "target": -1}, org)
		msg := r.Body["error"].(map[string]any)["fields"].([]any)[0].(map[string]any)["message"]
		if msg != "Chỉ tiêu phải là số nguyên không âm, tối đa 200.000.000" {
			t.Errorf("message = %q, want it in Vietnamese naming the target", msg)
		}
		r = e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-M", "name": "Tối đa", "kind": "grassroots",
			"parentId": e.units["W1"].ID, "target": 200_000_000}, org)
		if r.Status != 201 || stored("W1-M").Target != 200_000_000 {
			t.Fatalf("the largest target: %d %s", r.Status, r.Raw)
		}
	})
}

// An import sets targets from its target column; a file without one, as
// written before targets existed, leaves stored targets as they were.
func TestUnitImportTargets(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		header := []any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số đảng viên/đoàn viên/dân số", "Chỉ tiêu dự thi (người)"}
		r := e.upload("/api/v1/org/units/import", org, "donvi.xlsx", xlsx(t, "DonVi", [][]any{header,
			{"W1-A", "Khu phố 1", "Chi bộ", "W1", 120, 45},
			{"W1-C", "Khu phố 3", "Chi bộ", "W1", 80, nil},
		}))
		if r.Status != 200 || r.Body["created"] != float64(1) || r.Body["updated"] != float64(1) {
			t.Fatalf("import: %d %s", r.Status, r.Raw)
		}
		targets := func() [2]int {
			a, errA := e.store.UnitByCode(t.Context(), "W1-A")
			c, errC := e.store.UnitByCode(t.Context(), "W1-C")
			if errA != nil || errC != nil {
				t.Fatal(errA, errC)
			}
			return [2]int{a.Target, c.Target}
		}
		if got := targets(); got != [2]int{45, 0} {
			t.Fatalf("targets after import = %v, want [45 0]", got)
		}
		// Old layout: "Số lượng" is the headcount, there is no target column.
		r = e.upload("/api/v1/org/units/import", org, "donvi.xlsx", xlsx(t, "DonVi", [][]any{unitHeader,
			{"W1-A", "Khu phố 1", "Chi bộ", "W1", 130},
		}))
		if r.Status != 200 || targets() != [2]int{45, 0} {
			t.Fatalf("old-layout import: %d %s; targets %v, want [45 0]", r.Status, r.Raw, targets())
		}
		if a, _ := e.store.UnitByCode(t.Context(), "W1-A"); a.Headcount != 130 {
			t.Fatalf("old-layout import: headcount %d, want 130", a.Headcount)
		}
		// A bad target is a cell error and nothing of the file is saved.
		r = e.upload("/api/v1/org/units/import", org, "donvi.xlsx", xlsx(t, "DonVi", [][]any{header,
			{"W1-A", "Khu phố 1", "Chi bộ", "W1", 120, 60},
			{"W1-C", "Khu phố 3", "Chi bộ", "W1", 80, "mười"},
		}))
		if r.Status != 400 || !sameStrings(r.fieldNames(), []string{"F3"}) || targets() != [2]int{45, 0} {
			t.Fatalf("bad target: %d %s; targets %v", r.Status, r.Raw, targets())
		}

		r = e.do("GET", "/api/v1/org/units/export", nil, org)
		f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		if len(rows[0]) != 6 || rows[0][4] != "Số đảng viên/đoàn viên/dân số" || rows[0][5] != "Chỉ tiêu dự thi (người)" {
			t.Fatalf("export header = %v", rows[0])
		}
		exported := false
		for _, row := range rows[1:] {
			if row[0] == "W1-A" {
				exported = true
				if row[4] != "130" || row[5] != "45" {
					t.Fatalf("exported W1-A = %v, want headcount 130, target 45", row)
				}
			}
		}
		if !exported {
			t.Fatalf("the export lacks W1-A: %v", rows)
		}
	})
}

// xlsx builds a workbook with one sheet of rows.
func xlsx(t *testing.T, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", sheet)
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var unitHeader = []any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số lượng"}

func TestUnitImportExport(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		good := xlsx(t, "DonVi", [][]any{unitHeader,
			{"W1-A", "Khu phố 1 (mới)", "Chi bộ", "W1", 120},
			{"W1-C", "Khu phố 3", "Chi bộ", "W1", 80},
			{"W1-C1", "Tổ 1 Khu phố 3", "Chi bộ", "W1-C", 20},
		})
		r := e.upload("/api/v1/org/units/import", org, "donvi.xlsx", good)
		if r.Status != 200 || r.Body["created"] != float64(2) || r.Body["updated"] != float64(1) {
			t.Fatalf("import: %d %s", r.Status, r.Raw)
		}
		c1, err := e.store.UnitByCode(t.Context(), "W1-C1")
		if err != nil || contests.Depth(c1.Path) != 4 {
			t.Fatalf("imported grandchild: %v %v", c1, err)
		}
		// Bad files: a negative headcount (a cell error); an unknown parent
		// and a parent outside the organizer's scope (tree errors). Nothing
		// of either is saved, not even their good rows.
		for _, tc := range []struct {
			rows   [][]any
			fields []string
		}{
			{[][]any{unitHeader, {"W1-D", "Khu phố 4", "Chi bộ", "W1", 10}, {"W1-F", "Khu phố 6", "Chi bộ", "W1", -3}}, []string{"E3"}},
			{[][]any{unitHeader, {"W1-D", "Khu phố 4", "Chi bộ", "W1", 10}, {"W1-E", "Khu phố 5", "Chi bộ", "KHONGCO", 10},
				{"W2-A", "Khu phố Rạch Giá", "Chi bộ", "W2", 10}}, []string{"D3", "A4"}},
		} {
			r = e.upload("/api/v1/org/units/import", org, "donvi.xlsx", xlsx(t, "DonVi", tc.rows))
			if r.Status != 400 || !sameStrings(r.fieldNames(), tc.fields) {
				t.Fatalf("bad import: %d %s, want fields %v", r.Status, r.Raw, tc.fields)
			}
			if _, err := e.store.UnitByCode(t.Context(), "W1-D"); contests.ErrorCode(err) != contests.CodeNotFound {
				t.Fatalf("a good row of a bad file was saved: %v", err)
			}
		}
		if r := e.upload("/api/v1/org/units/import", org, "x.xlsx", []byte("not a spreadsheet")); r.Status != 400 {
			t.Fatalf("not an xlsx: %d %s", r.Status, r.Raw)
		}

		r = e.do("GET", "/api/v1/org/units/export", nil, org)
		if r.Status != 200 || r.Header.Get("Content-Type") != xlsxType {
			t.Fatalf("export: %d %s", r.Status, r.Header)
		}
		f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		got := map[string][]string{}
		for _, row := range rows[1:] {
			got[row[0]] = row
		}
		if len(got) != 4 || got["W1-C1"][1] != "Tổ 1 Khu phố 3" || got["W1-C1"][3] != "W1-C" || got["W1-A"][4] != "120" {
			t.Fatalf("exported rows: %v", rows)
		}
	})
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A unit's headcount and target are set by the level above: the unit's own
// organizer may rename it, not move its bar.
func TestOnlyTheLevelAboveSetsAUnitsNumbers(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		own := e.staff(1, contests.RoleOrganizer, "W1")
		above := e.staff(2, contests.RoleOrganizer, "P")
		w1 := e.units["W1"]
		numbers := func() (int, int) {
			u, err := e.store.UnitByID(t.Context(), w1.ID)
			if err != nil {
				t.Fatal(err)
			}
			return u.Headcount, u.Target
		}
		for _, body := range []map[string]any{{"target": 90}, {"headcount": 5000}, {"headcount": 5000, "target": 90}} {
			r := e.do("PATCH", "/api/v1/org/units/"+w1.ID, body, own)
			if r.Status != 403 || r.errCode() != "forbidden" || len(r.fieldNames()) != len(body) {
				t.Errorf("own organizer PATCH %v: %d %s", body, r.Status, r.Raw)
			}
		}
		if h, tg := numbers(); h != 100 || tg != 0 {
			t.Fatalf("refused patches saved headcount %d, target %d", h, tg)
		}
		if r := e.do("PATCH", "/api/v1/org/units/"+w1.ID, map[string]any{"name": "Phường An Biên mới", "headcount": 100}, own); r.Status != 200 {
			t.Fatalf("own organizer renames, numbers unchanged: %d %s", r.Status, r.Raw)
		}
		if r := e.do("PATCH", "/api/v1/org/units/"+w1.ID, map[string]any{"target": 90, "headcount": 5000}, above); r.Status != 200 {
			t.Fatalf("the province sets the ward's numbers: %d %s", r.Status, r.Raw)
		}
		if h, tg := numbers(); h != 5000 || tg != 90 {
			t.Fatalf("stored headcount %d, target %d; want 5000, 90", h, tg)
		}

		header := []any{"Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Số đảng viên/đoàn viên/dân số", "Chỉ tiêu dự thi (người)"}
		r := e.upload("/api/v1/org/units/import", own, "donvi.xlsx", xlsx(t, "DonVi", [][]any{header,
			{"W1", "Phường An Biên mới", "Phường", "P", 6000, 200},
			{"W1-A", "Khu phố 1", "Chi bộ", "W1", 120, 45},
		}))
		if r.Status != 400 || !sameStrings(r.fieldNames(), []string{"E2", "F2"}) {
			t.Fatalf("own organizer's import changing the ward's numbers: %d %s", r.Status, r.Raw)
		}
		if h, tg := numbers(); h != 5000 || tg != 90 {
			t.Fatalf("a refused import saved headcount %d, target %d", h, tg)
		}
		// The same file with the ward's numbers as stored: its children's go in.
		r = e.upload("/api/v1/org/units/import", own, "donvi.xlsx", xlsx(t, "DonVi", [][]any{header,
			{"W1", "Phường An Biên mới", "Phường", "P", 5000, 90},
			{"W1-A", "Khu phố 1", "Chi bộ", "W1", 120, 45},
		}))
		if r.Status != 200 {
			t.Fatalf("import leaving the ward's numbers: %d %s", r.Status, r.Raw)
		}
		if a, _ := e.store.UnitByCode(t.Context(), "W1-A"); a.Headcount != 120 || a.Target != 45 {
			t.Fatalf("child numbers %d, %d", a.Headcount, a.Target)
		}
	})
}
