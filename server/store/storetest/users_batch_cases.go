package storetest

import (
	"fmt"
	"slices"
	"testing"

	"hoithi/contests"
	"hoithi/server/store"
)

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
			sameUser(t, got[made[0].ID], made[0])
			sameUser(t, got[made[2].ID], made[2])
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
