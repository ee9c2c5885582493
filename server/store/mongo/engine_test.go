package mongo

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"hoithi/contests"
	"hoithi/server/store"
	"hoithi/server/store/storetest"
)

// Behaviour of this engine beyond the shared contract: how documents are
// stored, start-up on an existing database, and the paths by which a
// duplicate key is told apart on MongoDB and on FerretDB.

func TestOpenTwiceKeepsIndexesAndData(t *testing.T) {
	first := openFresh(t)
	ctx := t.Context()
	name := first.units.Database().Name()
	unit := storetest.NewUnit("T01", "Tỉnh Gia Lai", nil)
	if err := first.CreateUnit(ctx, unit); err != nil {
		t.Fatal(err)
	}
	second, err := Open(ctx, target.uri, name, testOptions)
	if err != nil {
		t.Fatalf("second Open of an indexed database: %v", err)
	}
	defer second.Close()
	got, err := second.UnitByCode(ctx, "T01")
	if err != nil || got.ID != unit.ID {
		t.Fatalf("unit after reopening = %+v, %v; want ID %s", got, err, unit.ID)
	}
	wantIndexes(t, second.client.Database(name), usersCollection, unitsCollection, refreshTokensCollection, contestsCollection)
}

func TestEmptyUniquenessKeysNeverCollide(t *testing.T) {
	db := openFresh(t)
	unit := storetest.NewUnit("P01", "Phường 1", nil)
	for i := range 2 {
		u := storetest.NewUser(unit, "Không Số", fmt.Sprintf("+8490000000%d", i))
		u.PhoneKey, u.CCCDKey = "", ""
		if err := db.CreateUser(t.Context(), u); err != nil {
			t.Fatalf("user %d without keys: %v", i, err)
		}
	}
	_, err := db.UserByPhoneKey(t.Context(), "")
	if contests.ErrorCode(err) != contests.CodeNotFound {
		t.Errorf("UserByPhoneKey(\"\") error = %v, want not found", err)
	}
}

func TestQueriesAreSubstringsNotPatterns(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	unit := storetest.NewUnit("P01", "Tổ (A.1) + khu", nil)
	decoy := storetest.NewUnit("P02", "Tổ xA-1x khu", nil)
	for _, u := range []*contests.Unit{unit, decoy} {
		if err := db.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	plus := storetest.NewUser(unit, "Hà Văn Cộng", "+84911000111")
	other := storetest.NewUser(unit, "Hà Văn Khác", "084911000222")
	for _, u := range []*contests.User{plus, other} {
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	units := []struct{ query, want string }{
		{"(a.1)", unit.ID}, // "." and "(" are literal
		{") + k", unit.ID}, // "+" is literal
		{"a.1", unit.ID},   // would also match "xA-1x" as a pattern
		{"to (a", unit.ID}, // an open group alone is no syntax error
		{"[a]", ""},        // a class would match "a"
		{"^to", ""},        // an anchor would match both names
	}
	for _, tc := range units {
		got, err := db.SearchUnits(ctx, "", tc.query, 10)
		if err != nil {
			t.Fatalf("SearchUnits(%q): %v", tc.query, err)
		}
		want := []string{}
		if tc.want != "" {
			want = []string{tc.want}
		}
		if gotIDs := storetest.IDs(got, func(u *contests.Unit) string { return u.ID }); !slices.Equal(gotIDs, want) {
			t.Errorf("SearchUnits(%q) = %v, want %v", tc.query, gotIDs, want)
		}
	}
	got, total, err := db.ListUsers(ctx, store.UserFilter{Query: "+849"})
	if err != nil || total != 1 || len(got) != 1 || got[0].ID != plus.ID {
		t.Errorf("ListUsers(+849) = %d users, total %d, err %v; want only %s", len(got), total, err, plus.ID)
	}
}

func TestStoredShape(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	unit := storetest.NewUnit("P01", "Phường 1", nil)
	u := storetest.NewUser(unit, "Đặng Thị Thu", "+84900000001")
	u.PasswordChangedAt = time.Time{}
	u.CreatedAt = time.Date(2025, 7, 14, 9, 30, 15, 123_456_789, time.FixedZone("ICT", 7*3600))
	if err := db.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	var raw bson.Raw
	if err := db.users.FindOne(ctx, bson.D{{Key: "_id", Value: u.ID}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	created, err := raw.LookupErr("createdAt")
	if err != nil || created.Type != bson.TypeDateTime {
		t.Fatalf("createdAt = %v (%v), want a BSON date", created, err)
	}
	if got, want := created.DateTime(), u.CreatedAt.UnixMilli(); got != want {
		t.Errorf("createdAt = %d ms, want %d (UTC, milliseconds)", got, want)
	}
	if _, err := raw.LookupErr("passwordChangedAt"); err == nil {
		t.Errorf("zero passwordChangedAt was stored, want the field absent")
	}
	if fold := raw.Lookup("nameFold").StringValue(); fold != "dang thi thu" {
		t.Errorf("nameFold = %q, want %q", fold, "dang thi thu")
	}
	back, err := db.UserByID(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.CreatedAt.Location() != time.UTC || !back.CreatedAt.Equal(u.CreatedAt.Truncate(time.Millisecond)) {
		t.Errorf("CreatedAt read back as %v, want %v in UTC", back.CreatedAt, u.CreatedAt.Truncate(time.Millisecond))
	}
	// Clearing the date again by SetPassword removes the field.
	if err := db.SetPassword(ctx, u.ID, "h2", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if back, _ = db.UserByID(ctx, u.ID); !back.PasswordChangedAt.IsZero() || back.PasswordHash != "h2" {
		t.Errorf("after SetPassword with no time: %v %q", back.PasswordChangedAt, back.PasswordHash)
	}
}

// MongoDB names the broken index in its message and FerretDB does not; both
// paths must name the same field, and the message wins when present.
func TestDuplicateKeyNamesTheField(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	unit := storetest.NewUnit("P01", "Phường 1", nil)
	owner := storetest.NewUser(unit, "Chủ", "+84900000001")
	if err := db.CreateUser(ctx, owner); err != nil {
		t.Fatal(err)
	}
	samePhone := toUserDoc(storetest.NewUser(unit, "Khách", owner.Phone))
	tests := []struct {
		name    string
		message string
		want    string
	}{
		{"MongoDB message", `E11000 duplicate key error collection: x.users index: users_cccdKey dup key: { cccdKey: "h" }`, "cccd"},
		{"FerretDB message", `E11000 duplicate key error collection: x.users`, "phone"},
	}
	for _, tc := range tests {
		err := conflictError(ctx, db.users, errors.New(tc.message), samePhone, "")
		var ce *contests.Error
		if !errors.As(err, &ce) || ce.Code != contests.CodeConflict || len(ce.Fields) == 0 || ce.Fields[0].Field != tc.want {
			t.Errorf("%s: got %v, want a conflict on %q", tc.name, err, tc.want)
		}
	}
}
