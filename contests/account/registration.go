// Package account holds the pure rules of registration: what a citizen types
// becomes a normalized Person, or a list of field errors in Vietnamese.
package account

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"hoithi/contests"
	"hoithi/contests/vnid"
)

// Registration is what a person submits, as typed.
type Registration struct {
	FullName   string
	BirthDate  string // YYYY-MM-DD
	Gender     string
	Phone      string
	CCCD       string
	UnitID     string
	Occupation string
	Email      string
	Address    string
	Password   string
}

// Person is a validated, normalized registration.
type Person struct {
	FullName   string
	BirthDate  time.Time
	Gender     contests.Gender
	Phone      string // +84…
	CCCD       vnid.CCCD
	UnitID     string
	Occupation contests.Occupation
	Email      string
	Address    string
	Password   string
}

// Limits of the fields.
const (
	MinAge        = 6 // primary pupils take part in school rounds
	MaxAge        = 120
	maxNameLen    = 100
	maxAddressLen = 300
)

// Validate checks every field of r against today's date (for the age) and
// returns the normalized Person or an Invalid error naming every bad field.
func Validate(r Registration, today time.Time) (Person, error) {
	var errs contests.Errors
	p := Person{UnitID: strings.TrimSpace(r.UnitID), Password: r.Password}

	p.FullName = strings.Join(strings.Fields(contests.NFC(r.FullName)), " ")
	switch n := utf8.RuneCountInString(p.FullName); {
	case n == 0:
		errs.Add("fullName", contests.T("Vui lòng nhập họ và tên", "Full name is required"))
	case n < 2 || !strings.Contains(p.FullName, " "):
		errs.Add("fullName", contests.T("Vui lòng nhập đầy đủ họ và tên", "Please enter your full name"))
	case n > maxNameLen:
		errs.Add("fullName", contests.T("Họ và tên dài quá %d ký tự", "Full name is longer than %d characters", maxNameLen))
	case contests.HasControl(p.FullName, false):
		errs.Add("fullName", contests.ControlCharacters)
	case strings.ContainsAny(p.FullName, "0123456789<>@#$%^&*=+{}[]|\\/"):
		errs.Add("fullName", contests.T("Họ và tên chứa ký tự không hợp lệ", "Full name contains invalid characters"))
	}

	birthOK := false
	if d, err := time.Parse("2006-01-02", strings.TrimSpace(r.BirthDate)); err != nil {
		errs.Add("birthDate", contests.T("Ngày sinh không hợp lệ (định dạng YYYY-MM-DD)", "Invalid date of birth (format YYYY-MM-DD)"))
	} else if age := Age(d, today); age < MinAge || age > MaxAge {
		errs.Add("birthDate", contests.T("Ngày sinh không hợp lệ: tuổi phải từ %d đến %d", "Invalid date of birth: age must be between %d and %d", MinAge, MaxAge))
	} else {
		p.BirthDate, birthOK = d, true
	}

	p.Gender = contests.Gender(strings.TrimSpace(r.Gender))
	genderOK := p.Gender == contests.GenderMale || p.Gender == contests.GenderFemale
	if !genderOK {
		errs.Add("gender", contests.T("Vui lòng chọn giới tính", "Please choose a gender"))
	}

	if phone, err := vnid.NormalizePhone(r.Phone); err != nil {
		addFieldErrors(&errs, "phone", err)
	} else {
		p.Phone = phone
	}

	if c, err := vnid.ParseCCCD(r.CCCD); err != nil {
		addFieldErrors(&errs, "cccd", err)
	} else {
		p.CCCD = c
		if birthOK && genderOK {
			if err := c.Matches(p.BirthDate, p.Gender); err != nil {
				addFieldErrors(&errs, "cccd", err)
			}
		}
	}

	if p.UnitID == "" {
		errs.Add("unitId", contests.T("Vui lòng chọn đơn vị", "Please choose your unit"))
	}
	p.Occupation = contests.Occupation(strings.TrimSpace(r.Occupation))
	if !p.Occupation.Valid() {
		errs.Add("occupation", contests.T("Vui lòng chọn nghề nghiệp/đối tượng", "Please choose an occupation group"))
	}

	p.Email = strings.ToLower(strings.TrimSpace(r.Email))
	if p.Email != "" {
		if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email || !strings.Contains(p.Email[strings.IndexByte(p.Email, '@'):], ".") {
			errs.Add("email", contests.T("Địa chỉ email không hợp lệ", "Invalid email address"))
		}
	}
	p.Address = contests.NFC(r.Address)
	if utf8.RuneCountInString(p.Address) > maxAddressLen {
		errs.Add("address", contests.T("Địa chỉ dài quá %d ký tự", "Address is longer than %d characters", maxAddressLen))
	} else if contests.HasControl(p.Address, false) {
		errs.Add("address", contests.ControlCharacters)
	}
	if err := CheckPassword(r.Password, Owner{Phone: p.Phone, CCCD: p.CCCD.Number, BirthDate: p.BirthDate}); err != nil {
		addFieldErrors(&errs, "password", err)
	}
	return p, errs.Err()
}

// Age returns the age in whole years on day today.
func Age(birth, today time.Time) int {
	years := today.Year() - birth.Year()
	if today.Month() < birth.Month() || (today.Month() == birth.Month() && today.Day() < birth.Day()) {
		years--
	}
	return years
}

// addFieldErrors copies the field messages of a validation error under field.
func addFieldErrors(errs *contests.Errors, field string, err error) {
	if e, ok := err.(*contests.Error); ok && len(e.Fields) > 0 {
		for _, f := range e.Fields {
			errs.Add(field, f.Msg)
		}
		return
	}
	if e, ok := err.(*contests.Error); ok {
		errs.Add(field, e.Msg)
		return
	}
	errs.Add(field, contests.T("Giá trị không hợp lệ", "Invalid value"))
}
