// Package vnid parses the Vietnamese identity fields asked at registration:
// phone numbers and citizen identity numbers (CCCD). People type them in
// every shape (spaces, dots, +84, full-width digits from a Vietnamese IME),
// so the parsers accept all of those and return one canonical form, and
// explain precisely what is wrong otherwise. Pure: no I/O.
package vnid

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"hoithi/contests"
)

// NormalizePhone returns s as "+84" followed by the national number without
// its leading 0, e.g. "0912 345 678" → "+84912345678".
//
// Accepted: mobile numbers (10 digits, 03/05/07/08/09 after the 0) and
// landlines (11 digits, 02x), written with spaces, dots, dashes, brackets,
// "+84", "84", "0084" or full-width characters. Errors are *contests.Error
// with CodeInvalid and one FieldError on "phone".
func NormalizePhone(s string) (string, error) {
	digits, plus, err := phoneDigits(s)
	if err != nil {
		return "", err
	}
	national, err := nationalNumber(digits, plus)
	if err != nil {
		return "", err
	}
	if err := checkNational(national); err != nil {
		return "", err
	}
	return "+84" + national[1:], nil
}

func phoneErr(vi, en string, args ...any) error {
	return contests.Invalid(contests.Field("phone", contests.T(vi, en, args...)))
}

// phoneDigits keeps the digits of s, dropping the separators people use, and
// reports whether the number was written with a leading "+".
func phoneDigits(s string) (digits string, plus bool, err error) {
	// Narrow maps full-width digits and punctuation (typed with some
	// Vietnamese keyboards) to their ASCII forms.
	s = strings.TrimSpace(width.Narrow.String(s))
	if s == "" {
		return "", false, phoneErr("Vui lòng nhập số điện thoại", "Please enter a phone number")
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+':
			// Only as the very first sign: "+84…" or "(+84)…".
			if plus || b.Len() > 0 {
				return "", false, phoneErr("Dấu + chỉ được đặt ở đầu số điện thoại", "The + sign may only start the phone number")
			}
			plus = true
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' || r == '\u00a0' || r == '\t':
			// Separators: ignored.
		case unicode.IsLetter(r):
			return "", false, phoneErr("Số điện thoại không được chứa chữ cái (%q)", "A phone number cannot contain letters (%q)", r)
		default:
			return "", false, phoneErr("Số điện thoại chứa ký tự không hợp lệ %q", "The phone number contains an invalid character %q", r)
		}
	}
	if b.Len() == 0 {
		return "", false, phoneErr("Số điện thoại không có chữ số nào", "The phone number has no digits")
	}
	return b.String(), plus, nil
}

// nationalNumber turns the typed digits into the national form starting
// with 0, removing the country code 84 when present.
func nationalNumber(digits string, plus bool) (string, error) {
	international := plus
	if !plus && strings.HasPrefix(digits, "00") {
		// "0084…": the international call prefix dialled from abroad.
		digits, international = digits[2:], true
	}
	if !international {
		if digits[0] == '0' {
			return digits, nil
		}
		if !strings.HasPrefix(digits, "84") || len(digits) < 11 {
			// Without a country code a Vietnamese number starts with 0;
			// "912345678" most likely lost it, but guessing would hide typos.
			return "", phoneErr("Số điện thoại phải bắt đầu bằng 0 hoặc +84", "The phone number must start with 0 or +84")
		}
		// "84912345678": the country code written without "+".
	} else if !strings.HasPrefix(digits, "84") {
		return "", phoneErr("Chỉ chấp nhận số điện thoại Việt Nam (mã quốc gia +84)", "Only Vietnamese phone numbers (country code +84) are accepted")
	}
	rest := digits[2:]
	if strings.HasPrefix(rest, "0") {
		// "+84 0912…": the trunk 0 kept after the country code.
		return rest, nil
	}
	return "0" + rest, nil
}

// checkNational checks the prefix and length of a national number "0…".
func checkNational(n string) error {
	if len(n) < 2 {
		return phoneErr("Số điện thoại quá ngắn", "The phone number is too short")
	}
	want := 10
	switch n[1] {
	case '3', '5', '7', '8', '9':
	case '2':
		want = 11 // landline: 02 + area code + subscriber number
	case '1':
		return phoneErr("Đầu số 01x đã đổi sang 03/05/07/08/09 từ năm 2018, vui lòng nhập số mới", "01x prefixes were changed to 03/05/07/08/09 in 2018, please enter the new number")
	default:
		return phoneErr("Đầu số %s không phải đầu số di động Việt Nam (03, 05, 07, 08, 09) hay cố định (02)", "%s is not a Vietnamese mobile (03, 05, 07, 08, 09) or landline (02) prefix", n[:2])
	}
	switch {
	case len(n) < want:
		return phoneErr("Số điện thoại quá ngắn: cần %d chữ số (tính cả số 0 đầu), mới có %d", "The phone number is too short: %d digits needed (counting the leading 0), got %d", want, len(n))
	case len(n) > want:
		return phoneErr("Số điện thoại quá dài: cần %d chữ số (tính cả số 0 đầu), có %d", "The phone number is too long: %d digits needed (counting the leading 0), got %d", want, len(n))
	}
	return nil
}
