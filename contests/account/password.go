package account

import (
	_ "embed"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests"
)

// Password limits, in characters (a Vietnamese letter is one character of
// up to three bytes: 128 of them are accepted).
const (
	MinPasswordLen = 8
	MaxPasswordLen = 128
)

// Owner is what a password must not be made of: the person's own phone,
// CCCD and date of birth, which anyone who knows them can try first. Empty
// fields are not checked (an administrator has no CCCD on file).
type Owner struct {
	Phone     string // +84…
	CCCD      string // 12 digits
	BirthDate time.Time
}

// commonPasswordsText is the 10,000 most common passwords, most common
// first, one per line: the first 10,000 entries of src/passwords.json of the
// npm package @zxcvbn-ts/language-common 4.1.3 (MIT licence, copyright
// Dan Wheeler and Dropbox, Inc., and @zxcvbn-ts; the licence text is in
// common_passwords.LICENSE beside this file).
//
//go:embed common_passwords.txt
var commonPasswordsText string

var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 10_000)
	for _, p := range strings.Split(strings.TrimSpace(commonPasswordsText), "\n") {
		m[p] = struct{}{}
	}
	return m
})

// PasswordRule is the rule as the forms show it.
var PasswordRule = contests.T(
	"Ít nhất 8 ký tự; không dùng số điện thoại, số CCCD, ngày sinh của bạn hay mật khẩu phổ biến (như 12345678)",
	"At least 8 characters; not your phone number, CCCD or date of birth, nor a common password (like 12345678)")

// CheckPassword enforces the password rules: length (no symbol rules: cheap
// phones, older users; a long passphrase beats them), not one of the most
// common passwords, and not built on the owner's own numbers.
func CheckPassword(pw string, who Owner) error {
	bad := func(vi, en string, args ...any) error {
		return contests.Invalid(contests.Field("password", contests.T(vi, en, args...)))
	}
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPasswordLen:
		return bad("Mật khẩu phải có ít nhất %d ký tự", "Password must be at least %d characters", MinPasswordLen)
	case n > MaxPasswordLen:
		return bad("Mật khẩu dài quá %d ký tự", "Password is longer than %d characters", MaxPasswordLen)
	}
	if _, common := commonPasswords()[strings.ToLower(norm.NFC.String(pw))]; common {
		return bad("Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác", "This password is too common and easy to guess. Choose another one")
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, pw)
	for _, own := range ownNumbers(who) {
		if strings.Contains(digits, own) {
			return bad("Mật khẩu không được chứa số điện thoại, số CCCD hay ngày sinh của bạn",
				"The password must not contain your phone number, CCCD or date of birth")
		}
	}
	if onlyDigitsAndSeparators(pw) && len(digits) >= 6 && ownDate(digits, who.BirthDate) {
		return bad("Mật khẩu không được chứa số điện thoại, số CCCD hay ngày sinh của bạn",
			"The password must not contain your phone number, CCCD or date of birth")
	}
	return nil
}

// ownNumbers lists the digit strings a password must not contain: the
// phone's nine significant digits (so 0912…, 84912… and +84912… all count),
// the CCCD, and the birth date written with a four-digit year.
func ownNumbers(who Owner) []string {
	var out []string
	if p := strings.TrimPrefix(who.Phone, "+84"); len(p) >= 9 {
		out = append(out, p)
	}
	if len(who.CCCD) == 12 {
		out = append(out, who.CCCD)
	}
	if !who.BirthDate.IsZero() {
		for _, layout := range []string{"02012006", "20060102", "01022006"} {
			out = append(out, who.BirthDate.Format(layout))
		}
	}
	return out
}

// ownDate reports whether digits is the birth date written short (ddmmyy,
// yymmdd, d/m/yyyy without zeros): "17/5/90" alone is the date too.
func ownDate(digits string, birth time.Time) bool {
	if birth.IsZero() {
		return false
	}
	for _, layout := range []string{"020106", "060102", "2012006", "212006"} {
		if digits == birth.Format(layout) {
			return true
		}
	}
	return false
}

func onlyDigitsAndSeparators(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune("/-. ", r) {
			return false
		}
	}
	return true
}
