package vnid

import (
	"errors"
	"testing"

	"hoithi/contests"
)

// FuzzNormalizePhone: never panics, fails only with a phone field error, and
// whatever it accepts is canonical (normalizing it again changes nothing).
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"0912 345 678", "+84912345678", "(+84)912-345-678", "0084 24 3825 1234", "０９１２３４５６７８", "01212345678", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizePhone(s)
		if refusedOn(t, "NormalizePhone", s, err, "phone") {
			return
		}
		if n := len(got); got[:3] != "+84" || (n != 12 && n != 13) {
			t.Fatalf("NormalizePhone(%q) = %q: not +84 followed by 9 or 10 digits", s, got)
		}
		again, err := NormalizePhone(got)
		if err != nil || again != got {
			t.Fatalf("NormalizePhone(%q) = %q, which re-normalizes to %q, %v", s, got, again, err)
		}
	})
}

// FuzzParseCCCD: never panics; an accepted number has 12 digits, a known
// province and a century matching its gender digit.
func FuzzParseCCCD(f *testing.F) {
	for _, s := range []string{"001099012345", "079 301 123 456", "038.188.000.123", "123456789", "003099012345", "00109901234A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCCCD(s)
		if refusedOn(t, "ParseCCCD", s, err, "cccd") {
			return
		}
		if len(c.Number) != 12 {
			t.Fatalf("ParseCCCD(%q) accepted %q, not 12 digits", s, c.Number)
		}
		for _, r := range c.Number {
			if r < '0' || r > '9' {
				t.Fatalf("ParseCCCD(%q) accepted non-digit %q", s, c.Number)
			}
		}
		if name, ok := ProvinceName(c.ProvinceCode); !ok || name != c.ProvinceName || c.Number[:3] != c.ProvinceCode {
			t.Fatalf("ParseCCCD(%q) = %+v: unknown or inconsistent province", s, c)
		}
		if d := int(c.Number[3] - '0'); c.Century != 1900+d/2*100 {
			t.Fatalf("ParseCCCD(%q) = %+v: century does not follow digit 4", s, c)
		}
		if err := c.Matches(date(c.BirthYear(), 6, 1), c.Gender); err != nil {
			t.Fatalf("ParseCCCD(%q) = %+v does not match its own birth year and gender: %v", s, c, err)
		}
	})
}

// refusedOn reports whether call refused input; a refusal must be one
// CodeInvalid field error on field.
func refusedOn(t *testing.T, call, input string, err error, field string) bool {
	t.Helper()
	if err == nil {
		return false
	}
	var e *contests.Error
	if !errors.As(err, &e) || e.Code != contests.CodeInvalid || len(e.Fields) != 1 || e.Fields[0].Field != field {
		t.Fatalf("%s(%q) returned an unexpected error shape: %v", call, input, err)
	}
	return true
}
