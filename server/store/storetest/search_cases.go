package storetest

import (
	"fmt"
	"slices"
	"testing"

	"hoithi/contests"
	"hoithi/server/store"
)

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
				gotIDs := ids(got, unitID)
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
				if gotIDs := ids(got, userID); !slices.Equal(gotIDs, tc.want) || total != len(tc.want) {
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
				t.Errorf("SearchUnits with no limit returned %d units (%v), want Thôn 00..Thôn 19", len(got), ids(got, unitID))
			}
		}},
	}
}
