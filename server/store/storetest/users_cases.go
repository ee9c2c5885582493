package storetest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

func userCases() []contractCase {
	return []contractCase{
		{name: "users/create and get round-trips every field", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường An Biên", nil)
			u := NewUser(unit, "Nguyễn Thị Hoa", "+84912345678")
			u.CreatedBy = store.NewID()
			u.Grants = []contests.Grant{
				{Role: contests.RoleOrganizer, UnitID: unit.ID, UnitPath: unit.Path},
				{Role: contests.RoleJudge, UnitID: "other", UnitPath: "/other/"},
			}
			must(t, s.CreateUser(ctx, u))
			for name, get := range map[string]func() (*contests.User, error){
				"UserByID":       func() (*contests.User, error) { return s.UserByID(ctx, u.ID) },
				"UserByPhoneKey": func() (*contests.User, error) { return s.UserByPhoneKey(ctx, u.PhoneKey) },
				"UserByCCCDKey":  func() (*contests.User, error) { return s.UserByCCCDKey(ctx, u.CCCDKey) },
			} {
				got, err := get()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				sameStored(t, "User", got, u)
			}
		}},
		{name: "users/empty optional fields stay empty", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			u := NewUser(NewUnit("P01", "Xã Kbang", nil), "Trần Văn Nam", "+84987000111")
			u.Email, u.Address, u.CCCDEnc, u.CreatedBy = "", "", "", ""
			u.Grants = nil
			u.PasswordChangedAt = time.Time{}
			u.BirthDate = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC) // unix 0 is a date, not "unset"
			must(t, s.CreateUser(ctx, u))
			got, err := s.UserByID(ctx, u.ID)
			must(t, err)
			sameStored(t, "User", got, u)
			if !got.PasswordChangedAt.IsZero() {
				t.Errorf("PasswordChangedAt = %v, want zero", got.PasswordChangedAt)
			}
			if got.BirthDate.IsZero() {
				t.Errorf("BirthDate 1970-01-01 came back as the zero time")
			}
		}},
		{name: "users/session version starts at zero and each bump raises it", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			u := NewUser(NewUnit("P01", "Phường 2", nil), "Phạm Thu Hà", "+84900000077")
			must(t, s.CreateUser(ctx, u))
			if v, err := s.SessionVersion(ctx, u.ID); err != nil || v != 0 {
				t.Fatalf("SessionVersion of a new user = %d, %v; want 0", v, err)
			}
			for want := int64(1); want <= 2; want++ {
				v, err := s.BumpSessionVersion(ctx, u.ID)
				must(t, err)
				if v != want {
					t.Fatalf("bump %d returned %d", want, v)
				}
			}
			if v, err := s.SessionVersion(ctx, u.ID); err != nil || v != 2 {
				t.Fatalf("SessionVersion after two bumps = %d, %v; want 2", v, err)
			}
			got, err := s.UserByID(ctx, u.ID)
			must(t, err)
			if got.SessionVersion != 2 {
				t.Fatalf("UserByID().SessionVersion = %d, want 2", got.SessionVersion)
			}
			_, err = s.BumpSessionVersion(ctx, "nobody")
			wantCode(t, err, contests.CodeNotFound)
			_, err = s.SessionVersion(ctx, "nobody")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "users/last seen is unset until touched and only moves forward", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			u := NewUser(NewUnit("P01", "Phường 2", nil), "Đỗ Văn Thấy", "+84900000078")
			must(t, s.CreateUser(ctx, u))
			seen := func() time.Time {
				got, err := s.UserByID(ctx, u.ID)
				must(t, err)
				return got.LastSeenAt
			}
			if at := seen(); !at.IsZero() {
				t.Fatalf("LastSeenAt of a new user = %v, want unset", at)
			}
			t1 := time.Date(2026, 12, 6, 8, 30, 0, 123e6, time.UTC)
			must(t, s.TouchLastSeen(ctx, u.ID, t1))
			if at := seen(); !at.Equal(t1) {
				t.Fatalf("LastSeenAt after a touch = %v, want %v", at, t1)
			}
			// An older instant (another instance's late write) leaves it.
			must(t, s.TouchLastSeen(ctx, u.ID, t1.Add(-time.Hour)))
			if at := seen(); !at.Equal(t1) {
				t.Fatalf("LastSeenAt moved back to %v, want %v", at, t1)
			}
			t2 := t1.Add(90 * time.Minute)
			must(t, s.TouchLastSeen(ctx, u.ID, t2))
			if at := seen(); !at.Equal(t2) {
				t.Fatalf("LastSeenAt after a later touch = %v, want %v", at, t2)
			}
			// Nothing else of the account changed.
			want := *u
			want.LastSeenAt = t2
			got, err := s.UserByID(ctx, u.ID)
			must(t, err)
			sameStored(t, "User", got, &want)
			must(t, s.TouchLastSeen(ctx, "nobody", t2))
		}},
		{name: "users/duplicate phone key is a phone conflict", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường 1", nil)
			must(t, s.CreateUser(ctx, NewUser(unit, "Lê Văn A", "+84900000001")))
			wantConflict(t, s.CreateUser(ctx, NewUser(unit, "Lê Văn B", "+84900000001")), "phone")
		}},
		{name: "users/duplicate CCCD key is a cccd conflict", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường 1", nil)
			first := NewUser(unit, "Lê Văn A", "+84900000001")
			must(t, s.CreateUser(ctx, first))
			second := NewUser(unit, "Lê Văn A", "+84900000002")
			second.CCCDHash, second.CCCDKey = first.CCCDHash, first.CCCDKey
			wantConflict(t, s.CreateUser(ctx, second), "cccd")
			if _, err := s.UserByPhoneKey(ctx, second.PhoneKey); contests.ErrorCode(err) != contests.CodeNotFound {
				t.Errorf("rejected user was stored anyway (err %v)", err)
			}
		}},
		{name: "users/shared keys let a relative open a second account", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường 1", nil)
			owner := NewUser(unit, "Phạm Văn Bố", "+84900000001")
			must(t, s.CreateUser(ctx, owner))
			child := NewUser(unit, "Phạm Thị Con", owner.Phone)
			child.CCCDHash = owner.CCCDHash
			child.PhoneKey = contests.SharedKey(owner.Phone, child.ID)
			child.CCCDKey = contests.SharedKey(owner.CCCDHash, child.ID)
			must(t, s.CreateUser(ctx, child))
			got, err := s.UserByPhoneKey(ctx, owner.Phone)
			must(t, err)
			if got.ID != owner.ID {
				t.Errorf("login by the shared phone found %s, want the owner %s", got.ID, owner.ID)
			}
			got, err = s.UserByCCCDKey(ctx, child.CCCDKey)
			must(t, err)
			if got.ID != child.ID {
				t.Errorf("UserByCCCDKey(shared key) = %s, want %s", got.ID, child.ID)
			}
		}},
		{name: "users/empty uniqueness keys never collide", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường 1", nil)
			for i := range 2 {
				u := NewUser(unit, "Không Số", fmt.Sprintf("+8490000000%d", i))
				u.PhoneKey, u.CCCDKey = "", ""
				must(t, s.CreateUser(ctx, u))
			}
			_, err := s.UserByPhoneKey(ctx, "")
			wantCode(t, err, contests.CodeNotFound)
			_, err = s.UserByCCCDKey(ctx, "")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "users/lookups of absent users are not found", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			must(t, s.CreateUser(ctx, NewUser(NewUnit("P01", "Phường 1", nil), "Có Thật", "+84900000001")))
			_, err := s.UserByID(ctx, store.NewID())
			wantCode(t, err, contests.CodeNotFound)
			_, err = s.UserByPhoneKey(ctx, "+84900000009")
			wantCode(t, err, contests.CodeNotFound)
			_, err = s.UserByCCCDKey(ctx, "h-nobody")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "users/set password replaces hash and change time", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			u := NewUser(NewUnit("P01", "Phường 1", nil), "Đỗ Minh", "+84900000001")
			other := NewUser(NewUnit("P02", "Phường 2", nil), "Đỗ Khác", "+84900000002")
			must(t, s.CreateUser(ctx, u))
			must(t, s.CreateUser(ctx, other))
			changed := baseTime.Add(48*time.Hour + 789*time.Microsecond)
			must(t, s.SetPassword(ctx, u.ID, "new-hash", changed))
			want := *u
			want.PasswordHash, want.PasswordChangedAt = "new-hash", changed
			got, err := s.UserByID(ctx, u.ID)
			must(t, err)
			sameStored(t, "User", got, &want)
			got, err = s.UserByID(ctx, other.ID)
			must(t, err)
			sameStored(t, "User", got, other)
			wantCode(t, s.SetPassword(ctx, store.NewID(), "x", changed), contests.CodeNotFound)
		}},
		{name: "users/set grants replaces the list", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("P01", "Phường 1", nil)
			u := NewUser(unit, "Vũ Thị Lan", "+84900000001")
			must(t, s.CreateUser(ctx, u))
			grants := []contests.Grant{
				{Role: contests.RoleSecretary, UnitID: unit.ID, UnitPath: unit.Path},
				{Role: contests.RoleAdmin, UnitID: "root", UnitPath: "/root/"},
			}
			must(t, s.SetGrants(ctx, u.ID, grants))
			got, err := s.UserByID(ctx, u.ID)
			must(t, err)
			if !reflect.DeepEqual(got.Grants, grants) {
				t.Errorf("Grants = %+v, want %+v", got.Grants, grants)
			}
			must(t, s.SetGrants(ctx, u.ID, nil))
			got, err = s.UserByID(ctx, u.ID)
			must(t, err)
			if len(got.Grants) != 0 {
				t.Errorf("Grants after clearing = %+v, want none", got.Grants)
			}
			wantCode(t, s.SetGrants(ctx, store.NewID(), grants), contests.CodeNotFound)
		}},
	}
}
