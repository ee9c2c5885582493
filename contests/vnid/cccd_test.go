package vnid

import (
	"errors"
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

func TestProvinceListIsTheOfficialSixtyThree(t *testing.T) {
	if len(provinceNames) != 63 {
		t.Fatalf("%d province codes, want 63", len(provinceNames))
	}
	for code, name := range map[string]string{"001": "Hà Nội", "031": "Hải Phòng", "048": "Đà Nẵng", "079": "Hồ Chí Minh", "092": "Cần Thơ", "096": "Cà Mau"} {
		if got, ok := ProvinceName(code); !ok || got != name {
			t.Errorf("ProvinceName(%s) = %q, %v; want %q", code, got, ok, name)
		}
	}
	// Codes left unused by the circular must not be accepted.
	for _, code := range []string{"000", "003", "005", "041", "097", "099"} {
		if _, ok := ProvinceName(code); ok {
			t.Errorf("ProvinceName(%s) accepted an unused code", code)
		}
	}
}

func TestParseCCCD(t *testing.T) {
	tests := []struct {
		in   string
		want CCCD
	}{
		{"001099012345", CCCD{"001099012345", "001", "Hà Nội", contests.GenderMale, 1900, 99}},
		{"079 301 123 456", CCCD{"079301123456", "079", "Hồ Chí Minh", contests.GenderFemale, 2000, 1}},
		{"038.188.000.123", CCCD{"038188000123", "038", "Thanh Hóa", contests.GenderFemale, 1900, 88}},
		{"０４８２０５９９９９９９", CCCD{"048205999999", "048", "Đà Nẵng", contests.GenderMale, 2000, 5}},
		{"096400000001", CCCD{"096400000001", "096", "Cà Mau", contests.GenderMale, 2100, 0}},
		{"001512000001", CCCD{"001512000001", "001", "Hà Nội", contests.GenderFemale, 2100, 12}},
		{"001612000001", CCCD{"001612000001", "001", "Hà Nội", contests.GenderMale, 2200, 12}},
		{"001912000001", CCCD{"001912000001", "001", "Hà Nội", contests.GenderFemale, 2300, 12}},
	}
	wantAccepted(t, "ParseCCCD", ParseCCCD, tests)
}

func TestParseCCCDRejects(t *testing.T) {
	tests := []struct{ in, msgVI string }{
		{"", "Vui lòng nhập"},
		{" . ", "Vui lòng nhập"},
		{"123456789", "CMND 9 số"},
		{"00109901234", "mới có 11"},
		{"0010990123456", "có tới 13"},
		{"00109901234A", "chữ cái"},
		{"001-099-012345", "ký tự không hợp lệ"},
		{"003099012345", "(003) không phải mã tỉnh"},
		{"100099012345", "(100) không phải mã tỉnh"},
	}
	wantRefused(t, "ParseCCCD", ParseCCCD, "cccd", tests)
}

func assertFieldMsg(t *testing.T, err error, field, fragment string) {
	t.Helper()
	var e *contests.Error
	if !errors.As(err, &e) || e.Code != contests.CodeInvalid {
		t.Errorf("error %v is not a CodeInvalid *contests.Error", err)
		return
	}
	for _, f := range e.Fields {
		if f.Field == field && strings.Contains(f.Msg.VI, fragment) && f.Msg.EN != "" {
			return
		}
	}
	t.Errorf("error fields %+v: none on %q containing %q", e.Fields, field, fragment)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestCCCDMatches(t *testing.T) {
	male1999, _ := ParseCCCD("001099012345")
	female2001, _ := ParseCCCD("079301123456")
	tests := []struct {
		name   string
		c      CCCD
		birth  time.Time
		g      contests.Gender
		wantVI []string // fragments, one per expected field error; none = match
	}{
		{"agrees", male1999, date(1999, 12, 31), contests.GenderMale, nil},
		{"agrees female 2000s", female2001, date(2001, 1, 1), contests.GenderFemale, nil},
		{"gender differs", female2001, date(2001, 5, 5), contests.GenderMale,
			[]string{"Số CCCD cho biết giới tính nữ nhưng bạn chọn nam"}},
		{"gender differs other way", male1999, date(1999, 5, 5), contests.GenderFemale,
			[]string{"giới tính nam nhưng bạn chọn nữ"}},
		{"century differs", male1999, date(2099, 5, 5), contests.GenderMale,
			[]string{"năm sinh 1999 nhưng ngày sinh bạn khai là năm 2099"}},
		{"year digits differ", female2001, date(2002, 5, 5), contests.GenderFemale,
			[]string{"năm sinh 2001 nhưng ngày sinh bạn khai là năm 2002"}},
		{"both differ", male1999, date(1998, 5, 5), contests.GenderFemale,
			[]string{"giới tính nam", "năm sinh 1999"}},
		{"unknown gender and zero birth are left to the form", male1999, time.Time{}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Matches(tt.birth, tt.g)
			if len(tt.wantVI) == 0 {
				if err != nil {
					t.Fatalf("Matches = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Matches = nil, want an error")
			}
			var e *contests.Error
			errors.As(err, &e)
			if len(e.Fields) != len(tt.wantVI) {
				t.Fatalf("fields = %+v, want %d", e.Fields, len(tt.wantVI))
			}
			for _, frag := range tt.wantVI {
				assertFieldMsg(t, err, "cccd", frag)
			}
		})
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"001099012789", "001******789"},
		{"001 099 012 789", "001******789"},
		{"1234567", "123*567"},
		{"123456", "******"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
