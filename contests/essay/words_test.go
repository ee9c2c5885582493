package essay

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"only spaces", " \t\n ", 0},
		{"Vietnamese syllables are words", "Hồ Chí Minh", 3},
		{"decomposed (NFD) text counts the same", norm.NFD.String("Bảo vệ nền tảng tư tưởng của Đảng"), 8},
		{"punctuation attached to words", "Độc lập, tự do, hạnh phúc!", 6},
		{"punctuation alone is not a word", "a - b — c … • d", 4},
		{"hyphenated and numbers are one word each", "kinh-tế 10.000 người 2025", 4},
		{"non-breaking and ideographic spaces separate", "một\u00a0hai\u3000ba\u2009bốn", 4},
		{"line breaks and tabs", "dòng một\ndòng\thai\r\n", 4},
		{"quotes and brackets alone", "« » ( ) \" '", 0},
		{"digits alone are words", "1 2 3", 3},
		{"letters from other scripts", "中文 русский", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CountWords(tc.text); got != tc.want {
				t.Fatalf("CountWords(%q) = %d, want %d", tc.text, got, tc.want)
			}
		})
	}
}

func TestCountWordsLongText(t *testing.T) {
	text := strings.Repeat("Xây dựng Đảng trong sạch, vững mạnh. ", 500) // 7 words each
	if got := CountWords(text); got != 3500 {
		t.Fatalf("CountWords = %d, want 3500", got)
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", "Hồ Chí Minh", "a - b", "\u00a0x\u00a0", "\xff\xfe", "10.000 — người"} {
		f.Add(s, "tiếp theo")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		na := CountWords(a)
		if na < 0 || na > len(strings.Fields(a)) {
			t.Fatalf("CountWords(%q) = %d, outside 0..%d", a, na, len(strings.Fields(a)))
		}
		// Words never span white space, so joining with a space adds up.
		if got, want := CountWords(a+" "+b), na+CountWords(b); got != want {
			t.Fatalf("CountWords(%q + %q) = %d, want %d", a, b, got, want)
		}
		// The normal form of the text does not change the count.
		if norm.NFC.String(a) == a && CountWords(norm.NFD.String(a)) != na {
			t.Fatalf("NFD changes the count of %q", a)
		}
	})
}
