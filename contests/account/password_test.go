package account

import (
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

func TestCheckPassword(t *testing.T) {
	who := Owner{Phone: "+84912345678", CCCD: "089090000001", BirthDate: time.Date(1990, 5, 7, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		pw string
		ok bool
	}{
		{"mat-khau-123", true},
		{"Tôi yêu Hà Nội", true},
		{strings.Repeat("ệ", 128), true}, // 128 characters, 384 bytes
		{strings.Repeat("ệ", 129), false},
		{strings.Repeat("a", 128), true},
		{"ệệệệệệệ", false}, // 7 characters, 21 bytes
		{"1234567", false},
		{"12345678", false},   // common
		{"Password1", false},  // common, whatever the case
		{"iloveyou", false},   // common
		{"0912345678", false}, // own phone
		{"+84 912 345 678", false},
		{"an0912345678", false},
		{"089090000001", false}, // own CCCD
		{"07051990", false},     // own birth date
		{"07/05/1990", false},
		{"1990-05-07", false},
		{"7/5/1990", false},
		{"07/05/90", false},
		{"hoa07051990", false},
		{"08/05/1990", true}, // someone else's date
		{"0912345679", true}, // not the phone
	} {
		err := CheckPassword(tc.pw, who)
		if (err == nil) != tc.ok {
			t.Errorf("CheckPassword(%q) = %v, want ok=%v", tc.pw, err, tc.ok)
		}
		if err != nil && contests.ErrorCode(err) != contests.CodeInvalid {
			t.Errorf("CheckPassword(%q): code %s", tc.pw, contests.ErrorCode(err))
		}
	}
}

func TestCommonPasswordsListIsShipped(t *testing.T) {
	if n := len(commonPasswords()); n != 10_000 {
		t.Fatalf("%d common passwords, want 10,000", n)
	}
}
