package vnid

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"hoithi/contests"
)

// CCCD is a parsed 12-digit citizen identity number (số định danh cá nhân,
// printed on the CCCD card). Layout per Thông tư 07/2016/TT-BCA: 3 digits
// province of birth registration, 1 digit gender and century, 2 digits year
// of birth, 6 random digits.
type CCCD struct {
	Number       string // the 12 digits
	ProvinceCode string // digits 1–3, e.g. "001"
	ProvinceName string // e.g. "Hà Nội"
	Gender       contests.Gender
	Century      int // 1900, 2000, … : the first year of the birth century
	YearSuffix   int // digits 5–6: the birth year modulo 100
}

// BirthYear is the year of birth the number encodes.
func (c CCCD) BirthYear() int { return c.Century + c.YearSuffix }

func cccdErr(vi, en string, args ...any) error {
	return contests.Invalid(contests.Field("cccd", contests.T(vi, en, args...)))
}

// compactDigits narrows full-width characters and drops the spaces and dots
// people put between groups of digits.
func compactDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '\u00a0' || r == '\t' {
			return -1
		}
		return r
	}, width.Narrow.String(s))
}

// ParseCCCD checks and decodes a 12-digit CCCD number. Spaces and dots are
// ignored. Errors are *contests.Error with CodeInvalid on field "cccd".
func ParseCCCD(s string) (CCCD, error) {
	n := compactDigits(s)
	if n == "" {
		return CCCD{}, cccdErr("Vui lòng nhập số CCCD", "Please enter the CCCD number")
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			if unicode.IsLetter(r) {
				return CCCD{}, cccdErr("Số CCCD chỉ gồm chữ số, không có chữ cái (%q)", "A CCCD number has only digits, no letters (%q)", r)
			}
			return CCCD{}, cccdErr("Số CCCD chỉ gồm chữ số, có ký tự không hợp lệ %q", "A CCCD number has only digits, found %q", r)
		}
	}
	switch {
	case len(n) == 9:
		return CCCD{}, cccdErr("Đây là số CMND 9 số cũ; vui lòng nhập số CCCD (số định danh cá nhân) 12 số", "This is an old 9-digit ID card number; please enter the 12-digit CCCD number")
	case len(n) < 12:
		return CCCD{}, cccdErr("Số CCCD phải có đúng 12 chữ số, mới có %d", "A CCCD number has exactly 12 digits, got %d", len(n))
	case len(n) > 12:
		return CCCD{}, cccdErr("Số CCCD phải có đúng 12 chữ số, có tới %d", "A CCCD number has exactly 12 digits, got %d", len(n))
	}
	province, ok := provinceNames[n[:3]]
	if !ok {
		return CCCD{}, cccdErr("3 chữ số đầu của số CCCD (%s) không phải mã tỉnh, thành phố nào", "The first 3 digits of the CCCD number (%s) are not a province code", n[:3])
	}
	genderCentury := int(n[3] - '0')
	gender := contests.GenderMale
	if genderCentury%2 == 1 {
		gender = contests.GenderFemale
	}
	return CCCD{
		Number:       n,
		ProvinceCode: n[:3],
		ProvinceName: province,
		Gender:       gender,
		Century:      1900 + genderCentury/2*100,
		YearSuffix:   int(n[4]-'0')*10 + int(n[5]-'0'),
	}, nil
}

// genderWord names a gender in Vietnamese and English for messages.
func genderWord(g contests.Gender) (vi, en string) {
	if g == contests.GenderFemale {
		return "nữ", "female"
	}
	return "nam", "male"
}

// Matches checks that the number agrees with the birth date and gender the
// person declared. It returns a CodeInvalid error on field "cccd" with one
// message per disagreement. A zero birth date or an unknown gender is not
// checked: the registration form reports those fields itself.
func (c CCCD) Matches(birth time.Time, g contests.Gender) error {
	var es contests.Errors
	if g == contests.GenderMale || g == contests.GenderFemale {
		if g != c.Gender {
			cardVI, cardEN := genderWord(c.Gender)
			saidVI, saidEN := genderWord(g)
			es.Add("cccd", contests.Msg{
				VI: "Số CCCD cho biết giới tính " + cardVI + " nhưng bạn chọn " + saidVI,
				EN: "The CCCD number says " + cardEN + " but you chose " + saidEN,
			})
		}
	}
	if !birth.IsZero() && birth.Year() != c.BirthYear() {
		es.Add("cccd", contests.T(
			"Số CCCD cho biết năm sinh %d nhưng ngày sinh bạn khai là năm %d",
			"The CCCD number says born in %d but the birth date you entered is in %d",
			c.BirthYear(), birth.Year()))
	}
	return es.Err()
}

// Mask hides all but the first 3 and last 3 digits: "001******789". Numbers
// too short to keep anything hidden are masked entirely.
func Mask(number string) string {
	r := []rune(compactDigits(number))
	if len(r) <= 6 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-6) + string(r[len(r)-3:])
}
