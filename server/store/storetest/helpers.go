package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// baseTime is a fixed instant with sub-millisecond digits, so every case
// also checks that engines keep milliseconds and drop the rest the same way.
var baseTime = time.Date(2025, 7, 14, 9, 30, 15, 123_456_789, time.UTC)

// NewUnit builds a valid unit under parent (nil for a root): a fresh ID, the
// materialized Path and the folded name the callers of the store set.
func NewUnit(code, name string, parent *contests.Unit) *contests.Unit {
	u := &contests.Unit{
		ID:        store.NewID(),
		Code:      code,
		Name:      name,
		Kind:      contests.UnitWard,
		Headcount: 100,
		NameFold:  contests.Fold(name),
	}
	parentPath := ""
	if parent != nil {
		u.ParentID = parent.ID
		parentPath = parent.Path
	}
	u.Path = contests.ChildPath(parentPath, u.ID)
	return u
}

// NewUser builds a valid citizen of unit with every field set, the phone
// and a CCCD derived from the new ID as uniqueness keys.
func NewUser(unit *contests.Unit, fullName, phone string) *contests.User {
	id := store.NewID()
	cccdHash := "h-" + id
	return &contests.User{
		ID:                id,
		FullName:          fullName,
		BirthDate:         time.Date(1990, 5, 19, 0, 0, 0, 0, time.UTC),
		Gender:            contests.GenderFemale,
		Phone:             phone,
		Email:             id + "@example.vn",
		UnitID:            unit.ID,
		UnitPath:          unit.Path,
		Occupation:        contests.OccPartyMember,
		Address:           "12 Trần Hưng Đạo",
		CCCDHash:          cccdHash,
		CCCDEnc:           "enc-" + id,
		CCCDMasked:        "0010******89",
		PhoneKey:          phone,
		CCCDKey:           cccdHash,
		PasswordHash:      "$argon2id$v=19$m=65536,t=1,p=2$c2FsdA$aGFzaA",
		PasswordChangedAt: baseTime.Add(-time.Hour),
		Grants:            []contests.Grant{{Role: contests.RoleCitizen, UnitID: unit.ID, UnitPath: unit.Path}},
		CreatedAt:         baseTime,
		CreatedBy:         "",
	}
}

// NewContest builds a published quiz contest owned by unit.
func NewContest(slug string, owner *contests.Unit, createdAt time.Time) *contests.Contest {
	return &contests.Contest{
		ID:               store.NewID(),
		Slug:             slug,
		Kind:             contests.KindQuiz,
		Title:            "Tìm hiểu lịch sử Đảng bộ " + slug,
		Description:      "Dòng một\nDòng hai",
		BannerURL:        "/media/" + slug + ".jpg",
		OwnerUnitID:      owner.ID,
		OwnerUnitPath:    owner.Path,
		EligibleUnitPath: owner.Path,
		Status:           contests.ContestPublished,
		StartsAt:         createdAt.Add(24 * time.Hour),
		EndsAt:           createdAt.Add(8 * 24 * time.Hour),
		CreatedAt:        createdAt,
		UpdatedAt:        createdAt,
		Settings:         []byte(`{"excludedRoles":["organizer"],"onePrizePerPerson":true}`),
	}
}

// NewRefreshToken builds an unused token of family for user.
func NewRefreshToken(familyID, userID string) *store.RefreshToken {
	return &store.RefreshToken{
		Hash:      "sha256-" + store.NewID(),
		FamilyID:  familyID,
		UserID:    userID,
		IssuedAt:  baseTime,
		ExpiresAt: baseTime.Add(30 * 24 * time.Hour),
	}
}

// must fails the test at once on an unexpected error: later steps of a case
// make no sense on a store that refused its setup.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

// wantCode asserts that err is a *contests.Error with code.
func wantCode(t *testing.T, err error, code contests.Code) {
	t.Helper()
	if got := contests.ErrorCode(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
	var e *contests.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not a *contests.Error", err)
	}
	if e.Msg.VI == "" || e.Msg.EN == "" {
		t.Errorf("error %v lacks a Vietnamese or English message", err)
	}
}

// wantConflict asserts a CodeConflict naming field first.
func wantConflict(t *testing.T, err error, field string) {
	t.Helper()
	wantCode(t, err, contests.CodeConflict)
	var e *contests.Error
	errors.As(err, &e)
	if len(e.Fields) == 0 || e.Fields[0].Field != field {
		t.Fatalf("conflict fields = %+v, want first field %q", e.Fields, field)
	}
}

// sameInstant reports whether got equals want once want is cut to the
// millisecond precision every engine stores; zero stays zero.
func sameInstant(got, want time.Time) bool {
	if want.IsZero() {
		return got.IsZero()
	}
	return got.Equal(want.Truncate(time.Millisecond))
}

// checkTimes compares named instants, reporting every mismatch.
func checkTimes(t *testing.T, what string, pairs map[string][2]time.Time) {
	t.Helper()
	for name, p := range pairs {
		if !sameInstant(p[0], p[1]) {
			t.Errorf("%s.%s = %v, want %v", what, name, p[0], p[1].Truncate(time.Millisecond))
		}
	}
}

// IDs lists the IDs (or any key id reads, such as a round's number) of
// items in order, to compare or show a whole ordering at once; the engines'
// own tests use it too.
func IDs[T, K any](items []T, id func(T) K) []K {
	out := make([]K, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

// race makes the n calls at once and returns their results in call order;
// a call failing fails the test.
func race[T any](t *testing.T, n int, call func(i int) (T, error)) []T {
	t.Helper()
	got := make([]T, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i], errs[i] = call(i) })
	}
	wg.Wait()
	for _, err := range errs {
		must(t, err)
	}
	return got
}
