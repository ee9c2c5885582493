package storetest

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"hoithi/contests"
	"hoithi/server/store"
)

// userTree is a province with two wards, a second province, and five users
// spread over them; two share a name so ordering by ID is visible.
type userTree struct {
	province, ward1, ward2, other   *contests.Unit
	bui, le, anWard1, binh, anOther *contests.User
}

func seedUserTree(t *testing.T, s store.Store) userTree {
	t.Helper()
	var tr userTree
	tr.province = NewUnit("T01", "Tỉnh Gia Lai", nil)
	tr.ward1 = NewUnit("P01", "Phường An Biên", tr.province)
	tr.ward2 = NewUnit("P02", "Xã Kbang", tr.province)
	tr.other = NewUnit("T02", "Tỉnh Cao Bằng", nil)
	tr.bui = NewUser(tr.province, "Bùi Văn Cường", "+84944444444")
	tr.le = NewUser(tr.ward2, "Lê Thị Hồng", "+84933333333")
	tr.anWard1 = NewUser(tr.ward1, "Nguyễn Văn An", "+84922222222")
	tr.binh = NewUser(tr.ward1, "Nguyễn Văn Bình", "+84911111111")
	tr.anOther = NewUser(tr.other, "Nguyễn Văn An", "+84955555555")
	tr.le.CCCDMasked = "0790******12"
	tr.binh.CCCDTail = "tail-of-binh" // a keyed hash as the server computes it
	for _, u := range []*contests.User{tr.binh, tr.anOther, tr.le, tr.anWard1, tr.bui} {
		must(t, s.CreateUser(t.Context(), u))
	}
	return tr
}

func userID(u *contests.User) string { return u.ID }

// orderByNameThenID sorts users the way ListUsers must return them.
func orderByNameThenID(users ...*contests.User) []string {
	sorted := slices.Clone(users)
	slices.SortFunc(sorted, func(a, b *contests.User) int {
		return cmp.Or(strings.Compare(a.FullName, b.FullName), strings.Compare(a.ID, b.ID))
	})
	return IDs(sorted, userID)
}

func userListCases() []contractCase {
	return []contractCase{
		{name: "users/list filters by subtree and folded query", run: func(t *testing.T, s store.Store) {
			tr := seedUserTree(t, s)
			all := orderByNameThenID(tr.bui, tr.le, tr.anWard1, tr.binh, tr.anOther)
			tests := []struct {
				name   string
				filter store.UserFilter
				want   []string
				total  int
			}{
				{"everyone", store.UserFilter{}, all, 5},
				{"province subtree", store.UserFilter{UnitPath: tr.province.Path},
					orderByNameThenID(tr.bui, tr.le, tr.anWard1, tr.binh), 4},
				{"ward subtree", store.UserFilter{UnitPath: tr.ward1.Path},
					orderByNameThenID(tr.anWard1, tr.binh), 2},
				{"folded name everywhere", store.UserFilter{Query: contests.Fold("Nguyễn Văn")},
					orderByNameThenID(tr.anWard1, tr.binh, tr.anOther), 3},
				{"folded name in a subtree", store.UserFilter{UnitPath: tr.province.Path, Query: "nguyen van an"},
					[]string{tr.anWard1.ID}, 1},
				{"name fragment without accents", store.UserFilter{Query: "binh"}, []string{tr.binh.ID}, 1},
				{"phone substring", store.UserFilter{Query: "933333"}, []string{tr.le.ID}, 1},
				{"masked CCCD substring", store.UserFilter{Query: "0790"}, []string{tr.le.ID}, 1},
				{"CCCD tail hash", store.UserFilter{Query: "4321", CCCDTail: "tail-of-binh"}, []string{tr.binh.ID}, 1},
				{"CCCD tail hash in another subtree", store.UserFilter{UnitPath: tr.ward2.Path, Query: "4321", CCCDTail: "tail-of-binh"}, []string{}, 0},
				{"CCCD tail hash or a phone", store.UserFilter{Query: "3333", CCCDTail: "tail-of-binh"}, orderByNameThenID(tr.le, tr.binh), 2},
				{"no tail hash: empty tails never match", store.UserFilter{Query: "4321"}, []string{}, 0},
				{"nothing matches", store.UserFilter{Query: "khong co ai"}, []string{}, 0},
				{"limit and offset page the order", store.UserFilter{Limit: 2, Offset: 1}, all[1:3], 5},
				{"offset past the end", store.UserFilter{Limit: 2, Offset: 10}, []string{}, 5},
			}
			for _, tc := range tests {
				got, total, err := s.ListUsers(t.Context(), tc.filter)
				if err != nil {
					t.Errorf("%s: %v", tc.name, err)
					continue
				}
				if gotIDs := IDs(got, userID); !slices.Equal(gotIDs, tc.want) || total != tc.total {
					t.Errorf("%s: got %v total %d, want %v total %d", tc.name, gotIDs, total, tc.want, tc.total)
				}
			}
		}},
		{name: "users/list keeps only staff when asked", run: func(t *testing.T, s store.Store) {
			tr := seedUserTree(t, s)
			must(t, s.SetGrants(t.Context(), tr.binh.ID, []contests.Grant{{Role: contests.RoleJudge, UnitID: tr.ward1.ID, UnitPath: tr.ward1.Path}}))
			must(t, s.SetGrants(t.Context(), tr.anOther.ID, []contests.Grant{{Role: contests.RoleSecretary, UnitID: tr.other.ID, UnitPath: tr.other.Path}}))
			// A user whose grants were all revoked is no longer staff.
			must(t, s.SetGrants(t.Context(), tr.le.ID, []contests.Grant{{Role: contests.RoleJudge, UnitID: tr.ward2.ID, UnitPath: tr.ward2.Path}}))
			must(t, s.SetGrants(t.Context(), tr.le.ID, nil))
			for _, tc := range []struct {
				name   string
				filter store.UserFilter
				want   []string
			}{
				{"every staff member", store.UserFilter{StaffOnly: true}, orderByNameThenID(tr.binh, tr.anOther)},
				{"staff in a subtree", store.UserFilter{StaffOnly: true, UnitPath: tr.province.Path}, []string{tr.binh.ID}},
				{"staff by name", store.UserFilter{StaffOnly: true, Query: "nguyen van an"}, []string{tr.anOther.ID}},
			} {
				got, total, err := s.ListUsers(t.Context(), tc.filter)
				must(t, err)
				if gotIDs := IDs(got, userID); !slices.Equal(gotIDs, tc.want) || total != len(tc.want) {
					t.Errorf("%s: got %v total %d, want %v", tc.name, gotIDs, total, tc.want)
				}
			}
		}},
		{name: "users/list returns whole records", run: func(t *testing.T, s store.Store) {
			tr := seedUserTree(t, s)
			got, _, err := s.ListUsers(t.Context(), store.UserFilter{Query: "binh"})
			must(t, err)
			if len(got) != 1 {
				t.Fatalf("got %d users, want 1", len(got))
			}
			sameStored(t, "User", got[0], tr.binh)
		}},
		{name: "users/list defaults to 50 per page", run: func(t *testing.T, s store.Store) {
			unit := NewUnit("P01", "Phường 1", nil)
			for i := range 52 {
				must(t, s.CreateUser(t.Context(), NewUser(unit, fmt.Sprintf("Người %02d", i), fmt.Sprintf("+849000000%02d", i))))
			}
			got, total, err := s.ListUsers(t.Context(), store.UserFilter{})
			must(t, err)
			if len(got) != 50 || total != 52 {
				t.Fatalf("got %d users total %d, want 50 total 52", len(got), total)
			}
			if got[0].FullName != "Người 00" || got[49].FullName != "Người 49" {
				t.Errorf("page runs %q..%q, want Người 00..Người 49", got[0].FullName, got[49].FullName)
			}
		}},
	}
}

func usersBatchCases() []contractCase {
	return []contractCase{
		{name: "users/by IDs returns the known ones whole, skips unknown and repeated IDs", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường An Biên", nil)
			var made []*contests.User
			for i, name := range []string{"Nguyễn Thị Hoa", "=HYPERLINK(\"x\")", "Lê Văn Bình"} {
				u := NewUser(unit, name, fmt.Sprintf("+8491200000%d", i))
				u.Grants = []contests.Grant{{Role: contests.RoleOrganizer, UnitID: unit.ID, UnitPath: unit.Path}}
				must(t, s.CreateUser(ctx, u))
				made = append(made, u)
			}
			got, err := s.UsersByIDs(ctx, []string{made[2].ID, "khong-co", made[0].ID, made[2].ID})
			must(t, err)
			if keys := mapKeys(got); !slices.Equal(keys, sortedIDs(made[0], made[2])) {
				t.Fatalf("UsersByIDs returned %v, want the IDs of the first and third user", keys)
			}
			sameStored(t, "User", got[made[0].ID], made[0])
			sameStored(t, "User", got[made[2].ID], made[2])
		}},
		{name: "users/by IDs of nothing is an empty map", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			must(t, s.CreateUser(ctx, NewUser(NewUnit("P01", "Xã Kbang", nil), "Trần Văn Nam", "+84987000111")))
			for _, ids := range [][]string{nil, {}, {"a", "b"}} {
				got, err := s.UsersByIDs(ctx, ids)
				must(t, err)
				if got == nil || len(got) != 0 {
					t.Errorf("UsersByIDs(%v) = %v, want an empty, non-nil map", ids, got)
				}
			}
		}},
		{name: "users/by IDs finds users spread over several batches of 500", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường 1", nil)
			var made []*contests.User
			for i := range 3 {
				u := NewUser(unit, fmt.Sprintf("Người %d", i), fmt.Sprintf("+8490000000%d", i))
				must(t, s.CreateUser(ctx, u))
				made = append(made, u)
			}
			// 1,101 IDs: the real ones sit first, in the middle of the
			// second batch and last, so every batch must be asked.
			ids := make([]string, 1101)
			for i := range ids {
				ids[i] = fmt.Sprintf("unknown-%04d", i)
			}
			ids[0], ids[650], ids[1100] = made[1].ID, made[0].ID, made[2].ID
			got, err := s.UsersByIDs(ctx, ids)
			must(t, err)
			if keys := mapKeys(got); !slices.Equal(keys, sortedIDs(made...)) {
				t.Fatalf("UsersByIDs over 3 batches returned %v, want the 3 users", keys)
			}
			for _, u := range made {
				if got[u.ID].FullName != u.FullName || got[u.ID].CCCDEnc != u.CCCDEnc {
					t.Errorf("user %s came back as %+v", u.ID, got[u.ID])
				}
			}
		}},
	}
}

func mapKeys(m map[string]*contests.User) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedIDs(users ...*contests.User) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.ID
	}
	slices.Sort(out)
	return out
}
