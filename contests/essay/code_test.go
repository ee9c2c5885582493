package essay

import (
	"encoding/binary"
	"regexp"
	"strings"
	"testing"

	"hoithi/contests/contesttest"
)

var codeShape = regexp.MustCompile(`^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$`)

func randomBytes(v uint64) []byte {
	b := make([]byte, CodeRandomBytes)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func TestNewCode(t *testing.T) {
	tests := []struct {
		random []byte
		want   string
	}{
		{randomBytes(0), "222-222-222"},
		{randomBytes(1), "322-222-222"},
		{randomBytes(30), "Z22-222-222"},
		{randomBytes(31), "232-222-222"},
		// Extra bytes are ignored: the first 8 decide.
		{append(randomBytes(31), 0xff, 0xff), "232-222-222"},
	}
	for _, tc := range tests {
		if got := NewCode(tc.random); got != tc.want {
			t.Errorf("NewCode(%x) = %s, want %s", tc.random, got, tc.want)
		}
	}
	seen := map[string]bool{}
	for i := range uint64(2000) {
		code := NewCode(randomBytes(i * 0x9e3779b97f4a7c15)) // spread over the whole range
		if !codeShape.MatchString(code) {
			t.Fatalf("code %q has an ambiguous or missing symbol", code)
		}
		if seen[code] {
			t.Fatalf("code %q repeated", code)
		}
		seen[code] = true
	}
}

func TestNewCodePanicsOnShortRandom(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("NewCode with 7 bytes must panic")
		}
	}()
	NewCode(make([]byte, 7))
}

func TestParseCode(t *testing.T) {
	tests := []struct {
		input string
		want  string // "" → error on field "code"
	}{
		{"K7M-4QX-9TB", "K7M-4QX-9TB"},
		{"k7m4qx9tb", "K7M-4QX-9TB"},
		{"  k7m 4qx 9tb ", "K7M-4QX-9TB"},
		{"K7M.4QX.9TB", "K7M-4QX-9TB"},
		{"k7m–4qx—9tb", "K7M-4QX-9TB"},
		{"Ｋ７Ｍ４ＱＸ９ＴＢ", "K7M-4QX-9TB"}, // full-width phone keyboard
		{"K7M-4QX-9T", ""},
		{"K7M-4QX-9TBB", ""},
		{"K7M-4QX-9T0", ""}, // zero is never used
		{"K7M-4QX-9TO", ""}, // nor the letter O
		{"KIM-4QX-9TB", ""}, // nor I
		{"K7M-4QX-9T#", ""}, // nor punctuation
		{"K7M-4QX-9TĐ", ""}, // nor Vietnamese letters
		{"", ""},
	}
	for _, tc := range tests {
		got, err := ParseCode(tc.input)
		if tc.want == "" {
			wantFields(t, err, "code")
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", tc.input, got, err, tc.want)
		}
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"K7M-4QX-9TB", "k7m 4qx 9tb", "0O1IL", "", "ＫＫＫ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) >= CodeRandomBytes {
			fresh := NewCode([]byte(input))
			if again, err := ParseCode(fresh); err != nil || again != fresh {
				t.Fatalf("new code %q does not parse to itself: %q, %v", fresh, again, err)
			}
		}
		code, err := ParseCode(input)
		if err != nil {
			contesttest.InvalidFields(t, err) // must be an Invalid error naming its field
			return
		}
		if !codeShape.MatchString(code) {
			t.Fatalf("ParseCode(%q) = %q: not canonical", input, code)
		}
		// Canonical codes parse to themselves, and so does the way people
		// type them back.
		for _, typed := range []string{code, strings.ToLower(strings.ReplaceAll(code, "-", " "))} {
			if again, err := ParseCode(typed); err != nil || again != code {
				t.Fatalf("ParseCode(%q) = %q, %v; want %q", typed, again, err, code)
			}
		}
	})
}
