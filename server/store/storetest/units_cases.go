package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"hoithi/contests"
	"hoithi/server/store"
)

func unitID(u *contests.Unit) string { return u.ID }

// unitTree is two provinces; the name "Phường An Biên" appears at two depths
// and in both provinces so search order and subtree limits both show.
type unitTree struct {
	gialai, anBien, khuPho, kbang, kbang2, caoBang, anBienMoi *contests.Unit
}

func (tr unitTree) all() []*contests.Unit {
	return []*contests.Unit{tr.gialai, tr.anBien, tr.khuPho, tr.kbang, tr.kbang2, tr.caoBang, tr.anBienMoi}
}

func seedUnitTree(t *testing.T, s store.Store) unitTree {
	t.Helper()
	var tr unitTree
	tr.gialai = NewUnit("T01", "Tỉnh Gia Lai", nil)
	tr.anBien = NewUnit("P01", "Phường An Biên", tr.gialai)
	tr.khuPho = NewUnit("G01", "Khu phố 1 Phường An Biên", tr.anBien)
	tr.kbang = NewUnit("P02", "Xã Kbang", tr.gialai)
	tr.kbang2 = NewUnit("P00", "Xã Kbang", tr.gialai) // same name: ordered by code
	tr.caoBang = NewUnit("T02", "Tỉnh Cao Bằng", nil)
	tr.anBienMoi = NewUnit("P03", "Phường An Biên Mới", tr.caoBang)
	// Targets differ from headcounts so a column mix-up shows.
	tr.anBien.Target = 40
	tr.khuPho.Target = 35
	tr.caoBang.Target = 1200
	for _, u := range tr.all() {
		must(t, s.CreateUnit(t.Context(), u))
	}
	return tr
}

// byPath returns the IDs of units in Path order.
func byPath(units ...*contests.Unit) []string {
	sorted := slices.Clone(units)
	slices.SortFunc(sorted, func(a, b *contests.Unit) int { return strings.Compare(a.Path, b.Path) })
	return IDs(sorted, unitID)
}

func unitCases() []contractCase {
	return []contractCase{
		{name: "units/create and get by id and code", run: func(t *testing.T, s store.Store) {
			tr := seedUnitTree(t, s)
			got, err := s.UnitByID(t.Context(), tr.khuPho.ID)
			must(t, err)
			sameStored(t, "Unit", got, tr.khuPho)
			got, err = s.UnitByCode(t.Context(), tr.caoBang.Code)
			must(t, err)
			sameStored(t, "Unit", got, tr.caoBang)
			_, err = s.UnitByID(t.Context(), store.NewID())
			wantCode(t, err, contests.CodeNotFound)
			_, err = s.UnitByCode(t.Context(), "NOPE")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "units/duplicate code is a code conflict", run: func(t *testing.T, s store.Store) {
			must(t, s.CreateUnit(t.Context(), NewUnit("P01", "Phường 1", nil)))
			wantConflict(t, s.CreateUnit(t.Context(), NewUnit("P01", "Phường khác", nil)), "code")
		}},
		{name: "units/update changes name kind headcount target only", run: func(t *testing.T, s store.Store) {
			tr := seedUnitTree(t, s)
			want := *tr.anBien
			want.Name, want.Kind, want.Headcount, want.Target = "Phường An Biên Cũ", contests.UnitDistrict, 4321, 1500
			want.NameFold = contests.Fold(want.Name)
			change := want
			change.Code, change.ParentID, change.Path = "CHANGED", "x", "/x/" // ignored by UpdateUnit
			must(t, s.UpdateUnit(t.Context(), &change))
			got, err := s.UnitByID(t.Context(), want.ID)
			must(t, err)
			sameStored(t, "Unit", got, &want)
			// A target can be taken away again.
			want.Target = 0
			must(t, s.UpdateUnit(t.Context(), &want))
			got, err = s.UnitByID(t.Context(), want.ID)
			must(t, err)
			sameStored(t, "Unit", got, &want)
			missing := NewUnit("P99", "Không có", nil)
			wantCode(t, s.UpdateUnit(t.Context(), missing), contests.CodeNotFound)
		}},
		{name: "units/subtree in path order", run: func(t *testing.T, s store.Store) {
			tr := seedUnitTree(t, s)
			tests := []struct {
				path string
				want []string
			}{
				{tr.gialai.Path, byPath(tr.gialai, tr.anBien, tr.khuPho, tr.kbang, tr.kbang2)},
				{tr.anBien.Path, byPath(tr.anBien, tr.khuPho)},
				{tr.khuPho.Path, byPath(tr.khuPho)},
				{"", byPath(tr.all()...)},
			}
			for _, tc := range tests {
				got, err := s.UnitsUnder(t.Context(), tc.path)
				must(t, err)
				if gotIDs := IDs(got, unitID); !slices.Equal(gotIDs, tc.want) {
					t.Errorf("UnitsUnder(%q) = %v, want %v", tc.path, gotIDs, tc.want)
				}
			}
		}},
		{name: "units/children by name then code", run: func(t *testing.T, s store.Store) {
			tr := seedUnitTree(t, s)
			tests := []struct {
				parent string
				want   []string
			}{
				{tr.gialai.ID, []string{tr.anBien.ID, tr.kbang2.ID, tr.kbang.ID}},
				{"", []string{tr.caoBang.ID, tr.gialai.ID}},
				{tr.khuPho.ID, []string{}},
			}
			for _, tc := range tests {
				got, err := s.ChildUnits(t.Context(), tc.parent)
				must(t, err)
				if gotIDs := IDs(got, unitID); !slices.Equal(gotIDs, tc.want) {
					t.Errorf("ChildUnits(%q) = %v, want %v", tc.parent, gotIDs, tc.want)
				}
			}
			roots, err := s.ChildUnits(t.Context(), "")
			must(t, err)
			sameStored(t, "Unit", roots[0], tr.caoBang)
		}},
		{name: "units/search folded names shallowest first", run: func(t *testing.T, s store.Store) {
			tr := seedUnitTree(t, s)
			tests := []struct {
				name, path, query string
				limit             int
				want              []string
			}{
				{"everywhere", "", "phuong an bien", 10, []string{tr.anBien.ID, tr.anBienMoi.ID, tr.khuPho.ID}},
				{"within a province", tr.gialai.Path, "phuong an bien", 10, []string{tr.anBien.ID, tr.khuPho.ID}},
				{"limit", "", "phuong an bien", 2, []string{tr.anBien.ID, tr.anBienMoi.ID}},
				{"fragment of a root", "", "cao bang", 10, []string{tr.caoBang.ID}},
				{"no match", "", "ha noi", 10, []string{}},
			}
			for _, tc := range tests {
				got, err := s.SearchUnits(t.Context(), tc.path, tc.query, tc.limit)
				must(t, err)
				gotIDs := IDs(got, unitID)
				if !slices.Equal(gotIDs, tc.want) {
					t.Errorf("%s: got %v, want %v", tc.name, gotIDs, tc.want)
				}
			}
		}},
		{name: "units/save batch inserts new and updates by code", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			root := NewUnit("T01", "Tỉnh Gia Lai", nil)
			ward := NewUnit("P01", "Phường An Biên", root)
			ward.Target = 30
			must(t, s.CreateUnit(ctx, root))
			must(t, s.CreateUnit(ctx, ward))

			// An import file knows codes, not IDs: the re-imported root
			// arrives with a fresh ID and path that the store must ignore.
			rootAgain := NewUnit("T01", "Tỉnh Gia Lai mới", nil)
			rootAgain.Headcount, rootAgain.Target = 5000, 2000
			wardAgain := *ward
			wardAgain.Headcount, wardAgain.Target = 77, 0 // the file clears the target
			newWard := NewUnit("P02", "Xã Ia Grai", root)
			newWard.Target = 12
			must(t, s.SaveUnits(ctx, []*contests.Unit{rootAgain, &wardAgain, newWard}))

			wantRoot := *root
			wantRoot.Name, wantRoot.NameFold, wantRoot.Headcount, wantRoot.Target = rootAgain.Name, rootAgain.NameFold, 5000, 2000
			got, err := s.UnitByCode(ctx, "T01")
			must(t, err)
			sameStored(t, "Unit", got, &wantRoot)
			got, err = s.UnitByCode(ctx, "P01")
			must(t, err)
			sameStored(t, "Unit", got, &wardAgain)
			got, err = s.UnitByCode(ctx, "P02")
			must(t, err)
			sameStored(t, "Unit", got, newWard)
			under, err := s.UnitsUnder(ctx, "")
			must(t, err)
			if gotIDs, want := IDs(under, unitID), byPath(root, ward, newWard); !slices.Equal(gotIDs, want) {
				t.Errorf("units after save = %v, want %v", gotIDs, want)
			}
			found, err := s.SearchUnits(ctx, "", "gia lai moi", 5)
			must(t, err)
			if len(found) != 1 || found[0].ID != root.ID {
				t.Errorf("search by the updated name found %v, want [%s]", IDs(found, unitID), root.ID)
			}
		}},
	}
}

// searchCases hold what a search box may type: every character is literal on
// every engine, whether the engine matches with a regular expression (Mongo)
// or with LIKE/instr (SQL).
func searchCases() []contractCase {
	return []contractCase{
		{name: "search/queries are literal substrings", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Tổ (A.1) + khu", nil)
			decoy := NewUnit("P02", "Tổ xA-1x khu", nil)
			for _, u := range []*contests.Unit{unit, decoy} {
				must(t, s.CreateUnit(ctx, u))
			}
			plus := NewUser(unit, "Hà Văn Cộng", "+84911000111")
			local := NewUser(unit, "Hà Văn Khác", "084911000222")
			for _, u := range []*contests.User{plus, local} {
				must(t, s.CreateUser(ctx, u))
			}
			unitQueries := []struct {
				query string
				want  []string
			}{
				{"(a.1)", []string{unit.ID}}, // "." and "(" are literal
				{") + k", []string{unit.ID}}, // "+" is literal
				{"a.1", []string{unit.ID}},   // as a pattern it would match "a-1" too
				{"to (a", []string{unit.ID}}, // an unclosed group is no syntax error
				{"[a]", []string{}},          // a class would match "a"
				{"^to", []string{}},          // an anchor would match both
				{"to%khu", []string{}},       // LIKE's wildcard would match both
				{"to_xa", []string{}},        // LIKE's single-character wildcard
				{"khu", []string{unit.ID, decoy.ID}},
			}
			for _, tc := range unitQueries {
				got, err := s.SearchUnits(ctx, "", tc.query, 10)
				must(t, err)
				gotIDs := IDs(got, unitID)
				// Both units share depth; the name decides: "Tổ (" < "Tổ x".
				if !slices.Equal(gotIDs, tc.want) {
					t.Errorf("SearchUnits(%q) = %v, want %v", tc.query, gotIDs, tc.want)
				}
			}
			userQueries := []struct {
				query string
				want  []string
			}{
				{"+849", []string{plus.ID}},
				{"%", []string{}},
				{".", []string{}},
				{"ha van", orderByNameThenID(plus, local)},
			}
			for _, tc := range userQueries {
				got, total, err := s.ListUsers(ctx, store.UserFilter{Query: tc.query})
				must(t, err)
				if gotIDs := IDs(got, userID); !slices.Equal(gotIDs, tc.want) || total != len(tc.want) {
					t.Errorf("ListUsers(%q) = %v total %d, want %v", tc.query, gotIDs, total, tc.want)
				}
			}
		}},
		{name: "search/units default to 20 results", run: func(t *testing.T, s store.Store) {
			for i := range 21 {
				must(t, s.CreateUnit(t.Context(), NewUnit(fmt.Sprintf("G%02d", i), fmt.Sprintf("Thôn %02d", i), nil)))
			}
			got, err := s.SearchUnits(t.Context(), "", "thon", 0)
			must(t, err)
			if len(got) != 20 || got[0].Name != "Thôn 00" || got[19].Name != "Thôn 19" {
				t.Errorf("SearchUnits with no limit returned %d units (%v), want Thôn 00..Thôn 19", len(got), IDs(got, unitID))
			}
		}},
	}
}
