package essay

import (
	"slices"
	"testing"
	"time"
)

func TestTextWarnings(t *testing.T) {
	id := &Identity{Author: Person{FullName: "Lê Văn An", BirthDate: time.Date(1990, 5, 15, 0, 0, 0, 0, time.UTC), UnitName: "Trường THCS An Biên"}}
	units := []string{"Khu phố 1"}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"clean text", "Bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ của toàn dân.", nil},
		{"the author's unit, without accents", "Ở khu pho 1 chúng tôi đã làm tốt.", []string{`Tên đơn vị của tác giả "Khu phố 1" xuất hiện trong nội dung bài`}},
		{"a longer number is another unit", "Ở Khu phố 12 chúng tôi đã làm tốt.", nil},
		{"workplace", "Tại Trường THCS An Biên, thầy cô đều tham gia.", []string{`Đơn vị công tác của tác giả "Trường THCS An Biên" xuất hiện trong nội dung bài`}},
		{"birth year", "Tôi sinh năm 1990 tại đây.", []string{`Năm sinh của tác giả "sinh năm 1990" xuất hiện trong nội dung bài`}},
		{"another year is fine", "Năm 1990 đất nước đổi mới.", nil},
		{"birth date", "Ngày 15/05/1990 là ngày đáng nhớ.", []string{`Ngày sinh của tác giả "15/05/1990" xuất hiện trong nội dung bài`}},
	}
	for _, tc := range tests {
		if got := TextWarnings(tc.text, id, units); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
