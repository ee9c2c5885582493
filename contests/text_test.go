package contests

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNFC(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Nguyễn Văn An ", "Nguyễn Văn An"},
		{"Nguye\u0302\u0303n", "Nguyễn"}, // decomposed, as typed on a Mac
		{"An\u202Enaht", "Annaht"},       // right-to-left override
		{"\u2067Lê\u2069 Văn", "Lê Văn"}, // isolates
		{"Trần\u200BVăn\u200DB\uFEFF", "TrầnVănB"},
		// Marks in canonical order, the first three kept.
		{"Z\u0335\u0322\u031B\u0327\u0328a", "Z\u0335\u0322\u0327a"},
		{"e\u0301\u0301\u0301\u0301\u0301", "é\u0301\u0301\u0301"}, // é is one character
		{"Dòng 1\nDòng 2", "Dòng 1\nDòng 2"},
	} {
		if got := NFC(tc.in); got != tc.want {
			t.Errorf("NFC(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHasControl(t *testing.T) {
	for _, tc := range []struct {
		in        string
		multiline bool
		want      bool
	}{
		{"Nguyễn Văn An", false, false},
		{"a\x00b", false, true},
		{"a\x1bb", true, true},
		{"a\u0085b", true, true}, // C1 next line
		{"a\x7fb", false, true},
		{"dòng 1\ndòng 2\tcột", true, false},
		{"dòng 1\ndòng 2", false, true},
	} {
		if got := HasControl(tc.in, tc.multiline); got != tc.want {
			t.Errorf("HasControl(%q, %v) = %v", tc.in, tc.multiline, got)
		}
	}
}

// FuzzNFC checks what every stored name and text relies on, for any input:
// the result is valid UTF-8 in normal form C, holds no bidirectional or
// zero-width character, no letter carries more than MaxCombiningMarks
// marks, nothing is added, and cleaning twice changes nothing.
func FuzzNFC(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn An", "Nguye\u0302\u0303n", "An\u202Enaht", "Z\u0335\u0322\u031B\u0327\u0328a", " \u200B ", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := NFC(in)
		if !utf8.ValidString(in) {
			return // JSON bodies are valid UTF-8 by the time they are text
		}
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Fatalf("NFC(%q) = %q: not valid NFC", in, out)
		}
		if out != strings.TrimSpace(out) {
			t.Fatalf("NFC(%q) = %q: not trimmed", in, out)
		}
		marks := 0
		for _, r := range out {
			if invisible(r) {
				t.Fatalf("NFC(%q) = %q keeps %U", in, out, r)
			}
			if unicode.In(r, unicode.Mn, unicode.Me) {
				if marks++; marks > MaxCombiningMarks {
					t.Fatalf("NFC(%q) = %q: more than %d marks on a letter", in, out, MaxCombiningMarks)
				}
			} else {
				marks = 0
			}
		}
		if again := NFC(out); again != out {
			t.Fatalf("NFC not idempotent: %q → %q → %q", in, out, again)
		}
	})
}
