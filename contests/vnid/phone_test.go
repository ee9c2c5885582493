package vnid

import (
	"testing"
)

func TestNormalizePhoneAccepts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0912345678", "+84912345678"},
		{"0912 345 678", "+84912345678"},
		{"0912.345.678", "+84912345678"},
		{"0912-345-678", "+84912345678"},
		{"+84 912345678", "+84912345678"},
		{"+84912345678", "+84912345678"},
		{"84912345678", "+84912345678"},
		{"0084 912 345 678", "+84912345678"},
		{"(+84)912-345-678", "+84912345678"},
		{"(+84) 0912 345 678", "+84912345678"}, // trunk 0 kept after +84
		{"０９１２３４５６７８", "+84912345678"},         // full-width digits
		{"＋８４ ９１２ ３４５ ６７８", "+84912345678"},
		{"\u00a00383 123 456 ", "+84383123456"}, // NBSP pasted from a web page
		{"0521234567", "+84521234567"},
		{"0701234567", "+84701234567"},
		{"0861234567", "+84861234567"},
		{"024 3825 1234", "+842438251234"}, // Hà Nội landline, 11 digits
		{"+84 28 3829 1234", "+842838291234"},
	}
	wantAccepted(t, "NormalizePhone", NormalizePhone, tests)
}

func TestNormalizePhoneRejects(t *testing.T) {
	tests := []struct{ in, msgVI string }{
		{"", "Vui lòng nhập"},
		{"   ", "Vui lòng nhập"},
		{"091234567", "quá ngắn: cần 10"},
		{"09123456789", "quá dài: cần 10"},
		{"024382512", "quá ngắn: cần 11"},
		{"0243825123456", "quá dài: cần 11"},
		{"0612345678", "Đầu số 06"},
		{"0412345678", "Đầu số 04"},
		{"0012345678", "chỉ chấp nhận"}, // "00" is the international prefix, then not 84
		{"01212345678", "01x"},
		{"0912abc678", "chữ cái"},
		{"O912345678", "chữ cái"}, // letter O instead of zero
		{"0912_345_678", "ký tự không hợp lệ"},
		{"09+12345678", "Dấu +"},
		{"++84912345678", "Dấu +"},
		{"+1 202 555 0100", "mã quốc gia +84"},
		{"912345678", "bắt đầu bằng 0 hoặc +84"},
		{"+84", "quá ngắn"},
		{"-. ()", "không có chữ số"},
	}
	wantRefused(t, "NormalizePhone", NormalizePhone, "phone", tests)
}
