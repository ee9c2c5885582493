package mongo

import (
	"fmt"
	"testing"
	"time"

	"hoithi/server/store"
)

// The failed logins every instance records are listed by unit, newest
// first, whichever instance reads them.
func TestFailedLoginsListedByUnitNewestFirst(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	base := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	for i, f := range []store.FailedLogin{
		{Account: "a1", UnitPath: "/t/w1/", Client: "10.0.0.1"},
		{Account: "a2", UnitPath: "/t/w2/", Client: "10.0.0.2"},
		{Account: "nobody", Client: "10.0.0.3"}, // no such account: no unit
		{Account: "a1", UnitPath: "/t/w1/kp1/", Client: "10.0.0.1", Throttled: true},
	} {
		f.At = base.Add(time.Duration(i) * time.Minute)
		if err := db.RecordFailedLogin(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	accounts := func(paths []string, limit int) (out []string) {
		t.Helper()
		list, err := db.RecentFailedLogins(ctx, paths, limit)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range list {
			out = append(out, f.Account+"@"+f.At.Format("15:04"))
		}
		return out
	}
	cases := []struct {
		name  string
		paths []string
		limit int
		want  string
	}{
		{"a ward sees its subtree, newest first", []string{"/t/w1/"}, 10, "[a1@09:03 a1@09:00]"},
		{"two units", []string{"/t/w2/", "/t/w1/kp1/"}, 10, "[a1@09:03 a2@09:01]"},
		{"the whole system sees unknown accounts too", []string{"/"}, 10, "[a1@09:03 nobody@09:02 a2@09:01 a1@09:00]"},
		{"the limit keeps the newest", []string{"/"}, 2, "[a1@09:03 nobody@09:02]"},
		{"no unit, nothing", []string{""}, 10, "[]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(accounts(c.paths, c.limit)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	list, _ := db.RecentFailedLogins(ctx, []string{"/t/w1/kp1/"}, 1)
	if len(list) != 1 || !list[0].Throttled || list[0].Client != "10.0.0.1" || !list[0].At.Equal(base.Add(3*time.Minute)) {
		t.Fatalf("stored failure read back as %+v", list)
	}
}
