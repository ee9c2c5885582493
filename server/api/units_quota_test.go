package api

import (
	"testing"

	"hoithi/contests"
)

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
