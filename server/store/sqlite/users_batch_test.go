package sqlite

import (
	"fmt"
	"reflect"
	"testing"

	"hoithi/contests"
	"hoithi/server/store/storetest"
)

// The same users stored by CreateUsers in one file and one by one with
// CreateUser in another read back identical.
func TestCreateUsersStoresWhatCreateUserStores(t *testing.T) {
	batchDB, singleDB := openTemp(t).(*DB), openTemp(t).(*DB)
	ctx := t.Context()
	unit := storetest.NewUnit("P01", "Phường An Biên", nil)
	var batch []*contests.User
	for i := range 3 {
		batch = append(batch, storetest.NewUser(unit, fmt.Sprintf("Người %d", i), fmt.Sprintf("+8491200000%d", i)))
	}
	batch[1].Grants, batch[1].Email = nil, ""
	if err := batchDB.CreateUsers(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for _, u := range batch {
		if err := singleDB.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		got, err := batchDB.UserByID(ctx, u.ID)
		if err != nil {
			t.Fatalf("user %s not stored: %v", u.ID, err)
		}
		want, _ := singleDB.UserByID(ctx, u.ID)
		if !reflect.DeepEqual(got, want) || got.FullName != u.FullName {
			t.Errorf("batch user differs from a single one\n got: %+v\nwant: %+v", got, want)
		}
	}
}

func TestCreateUsersIsAllOrNothing(t *testing.T) {
	db := openTemp(t).(*DB)
	ctx := t.Context()
	unit := storetest.NewUnit("P01", "Xã Kbang", nil)
	first := storetest.NewUser(unit, "Trần Văn A", "+84912000001")
	dup := storetest.NewUser(unit, "Trần Văn B", "+84912000001")
	err := db.CreateUsers(ctx, []*contests.User{first, dup})
	var e *contests.Error
	if !asError(err, &e) || e.Code != contests.CodeConflict || len(e.Fields) != 1 || e.Fields[0].Field != "phone" {
		t.Fatalf("duplicate phone in a batch: %v, want a phone conflict", err)
	}
	if _, err := db.UserByID(ctx, first.ID); err == nil {
		t.Error("the batch's first user was kept after the batch failed")
	}
}

func asError(err error, target **contests.Error) bool {
	e, ok := err.(*contests.Error)
	*target = e
	return ok
}
