package account

import (
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func valid() Registration {
	return Registration{FullName: "Nguyễn Văn An", BirthDate: "1990-05-17", Gender: "male", Phone: "0912 345 678",
		CCCD: "089 090 000 001", UnitID: "u1", Occupation: "party_member", Email: " An@Example.VN ", Password: "mat-khau-123"}
}

func TestValidateNormalizes(t *testing.T) {
	r := valid()
	r.FullName = "  Nguye\u0302\u0303n   Va\u0306n  An "
	p, err := Validate(r, today)
	if err != nil {
		t.Fatal(err)
	}
	if p.FullName != "Nguyễn Văn An" || p.Phone != "+84912345678" || p.CCCD.Number != "089090000001" ||
		p.Email != "an@example.vn" || !p.BirthDate.Equal(time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC)) || p.Gender != contests.GenderMale {
		t.Fatalf("normalized person: %+v", p)
	}
}

func TestValidateNamesEveryBadField(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Registration)
		fields []string
	}{
		{"empty", func(r *Registration) { *r = Registration{} }, []string{"fullName", "birthDate", "gender", "phone", "cccd", "unitId", "occupation", "password"}},
		{"one-word name", func(r *Registration) { r.FullName = "An" }, []string{"fullName"}},
		{"name with digits", func(r *Registration) { r.FullName = "Nguyễn Văn 3" }, []string{"fullName"}},
		{"name too long", func(r *Registration) { r.FullName = "Nguyễn " + strings.Repeat("a", 100) }, []string{"fullName"}},
		{"date format", func(r *Registration) { r.BirthDate = "17/05/1990" }, []string{"birthDate"}},
		{"five years old", func(r *Registration) { r.BirthDate = "2021-11-24" }, []string{"birthDate"}},
		{"impossible date", func(r *Registration) { r.BirthDate = "1990-02-30" }, []string{"birthDate"}},
		{"gender", func(r *Registration) { r.Gender = "other" }, []string{"gender"}},
		{"cccd says female", func(r *Registration) { r.Gender = "female" }, []string{"cccd"}},
		{"cccd says another year", func(r *Registration) { r.BirthDate = "1992-05-17" }, []string{"cccd"}},
		{"cccd not checked against a bad date", func(r *Registration) { r.BirthDate = "x" }, []string{"birthDate"}},
		{"email", func(r *Registration) { r.Email = "an@example" }, []string{"email"}},
		{"address", func(r *Registration) { r.Address = strings.Repeat("đ", 301) }, []string{"address"}},
		{"password", func(r *Registration) { r.Password = "1234567" }, []string{"password"}},
		{"occupation", func(r *Registration) { r.Occupation = "farmer" }, []string{"occupation"}},
	}
	for _, tc := range cases {
		r := valid()
		tc.change(&r)
		_, err := Validate(r, today)
		e, ok := err.(*contests.Error)
		if !ok || e.Code != contests.CodeInvalid {
			t.Errorf("%s: %v, want invalid", tc.name, err)
			continue
		}
		var got []string
		for _, f := range e.Fields {
			if f.Msg.VI == "" || f.Msg.EN == "" {
				t.Errorf("%s: field %s lacks a message", tc.name, f.Field)
			}
			if len(got) == 0 || got[len(got)-1] != f.Field {
				got = append(got, f.Field)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.fields, ",") {
			t.Errorf("%s: fields %v, want %v", tc.name, got, tc.fields)
		}
	}
}

func TestAge(t *testing.T) {
	for _, tc := range []struct {
		birth string
		want  int
	}{{"2000-11-23", 26}, {"2000-11-24", 25}, {"2000-02-29", 26}, {"2020-11-23", 6}} {
		b, _ := time.Parse("2006-01-02", tc.birth)
		if got := Age(b, today); got != tc.want {
			t.Errorf("Age(%s) = %d, want %d", tc.birth, got, tc.want)
		}
	}
}
