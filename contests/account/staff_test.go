package account

import (
	"slices"
	"testing"

	"hoithi/contests"
)

func TestValidateStaff(t *testing.T) {
	ok := StaffAccount{FullName: "  Trần   Thị  Giám ", Phone: "0912 345 678", UnitID: "u1", Role: contests.RoleJudge}
	got, err := ValidateStaff(ok)
	if err != nil {
		t.Fatalf("valid staff account refused: %v", err)
	}
	if got.FullName != "Trần Thị Giám" || got.Phone != "+84912345678" {
		t.Errorf("normalized to %q %q", got.FullName, got.Phone)
	}
	for _, tc := range []struct {
		name  string
		edit  func(*StaffAccount)
		field string
	}{
		{"no name", func(a *StaffAccount) { a.FullName = " " }, "fullName"},
		{"one word", func(a *StaffAccount) { a.FullName = "Giám" }, "fullName"},
		{"digits in name", func(a *StaffAccount) { a.FullName = "Giám Khảo 1" }, "fullName"},
		{"bad phone", func(a *StaffAccount) { a.Phone = "12345" }, "phone"},
		{"no unit", func(a *StaffAccount) { a.UnitID = "" }, "unitId"},
		{"citizen is not staff", func(a *StaffAccount) { a.Role = contests.RoleCitizen }, "role"},
		{"admin is not given here", func(a *StaffAccount) { a.Role = contests.RoleAdmin }, "role"},
	} {
		a := ok
		tc.edit(&a)
		_, err := ValidateStaff(a)
		e, _ := err.(*contests.Error)
		if e == nil || !slices.ContainsFunc(e.Fields, func(f contests.FieldError) bool { return f.Field == tc.field }) {
			t.Errorf("%s: want an error on %s, got %v", tc.name, tc.field, err)
		}
	}
}
