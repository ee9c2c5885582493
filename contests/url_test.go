package contests

import (
	"strings"
	"testing"
)

func TestSafeImageURL(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://hoithi.vn/anh/1.png", true},
		{"HTTPS://cdn.example.vn/a.jpg?x=1#y", true},
		{"/uploads/banner.png", true},
		{"/", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"data:image/png;base64,AAAA", false},
		{"http://hoithi.vn/a.png", false},
		{"//evil.example/a.png", false},
		{"/\\evil.example/a.png", false},
		{"\\\\evil.example/a.png", false},
		{"https:\\\\evil.example", false},
		{"https://user:pw@evil.example/a.png", false},
		{"https:/a.png", false},
		{"https:evil.example", false},
		{"anh/1.png", false},
		{"ftp://x.vn/1.png", false},
		{"https://x.vn/" + strings.Repeat("a", MaxImageURLLen), false},
		{"", false},
	} {
		if got := SafeImageURL(tc.url); got != tc.ok {
			t.Errorf("SafeImageURL(%q) = %v, want %v", tc.url, got, tc.ok)
		}
	}
}
