package similarity

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var fuzzSeeds = []string{
	"",
	"Hội thi tìm hiểu lịch sử Đảng bộ tỉnh, năm 2024.",
	norm.NFD.String("Nguyễn Thị Hường, thuỷ lợi và hoà bình"),
	"abc\xffdef \xc3 \u0301\u0323 a\u0301\u0323 a\u0323\u0301 ô\u031b",
	"😀 ễ\u00ad\u200b\u034f 가각 ǖ̧",
	strings.Repeat("một hai ", 40),
}

// FuzzTokenize checks the tokenizer on any input: spans are in order, in
// range and on rune boundaries, each span read again is the same one word,
// and the three Unicode forms of a text have the same words.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tokens := tokenize(text, nil)
		end := 0
		for _, tok := range tokens {
			if tok.start < end || tok.start >= tok.end || tok.end > len(text) {
				t.Fatalf("span [%d,%d) after %d in %d bytes", tok.start, tok.end, end, len(text))
			}
			if r, size := utf8.DecodeRuneInString(text[tok.start:]); r == utf8.RuneError && size == 1 {
				t.Fatalf("word starts on an invalid byte at %d", tok.start)
			}
			if !boundary(text, tok.end) {
				t.Fatalf("word ends inside a rune at %d", tok.end)
			}
			again := tokenize(text[tok.start:tok.end], nil)
			if len(again) != 1 || again[0].key != tok.key {
				t.Fatalf("span %q reads as %d words", text[tok.start:tok.end], len(again))
			}
			end = tok.end
		}
		if !utf8.ValidString(text) {
			return // the normalizers repair invalid bytes differently
		}
		keys := keysOf(text)
		for name, form := range map[string]norm.Form{"NFC": norm.NFC, "NFD": norm.NFD} {
			if other := keysOf(form.String(text)); !slices.Equal(keys, other) {
				t.Fatalf("%s form has other words: %d vs %d words in %+q", name, len(other), len(keys), text)
			}
		}
	})
}

// FuzzPassages checks Passages on any pair of texts: spans in range and on
// rune boundaries, UTF-16 offsets matching the byte offsets, passages in
// order of A, and each passage beginning and ending with a shingle both
// sides share.
func FuzzPassages(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)], 2)
		f.Add(s, strings.ToUpper(s), 3)
	}
	f.Fuzz(func(t *testing.T, a, b string, k int) {
		k = 1 + (k%6+6)%6
		ps, err := Passages(a, b, Options{Shingle: k})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range ps {
			checkSpan(t, a, p.A)
			checkSpan(t, b, p.B)
			if i > 0 && p.A.Start < ps[i-1].A.Start {
				t.Fatalf("passage %d starts before passage %d in A", i, i-1)
			}
			wa, wb := keysOf(a[p.A.Start:p.A.End]), keysOf(b[p.B.Start:p.B.End])
			if len(wa) != p.WordsA || len(wb) != p.WordsB || len(wa) < k || len(wb) < k {
				t.Fatalf("passage %d: %d/%d words, counted %d/%d, shingle %d", i, len(wa), len(wb), p.WordsA, p.WordsB, k)
			}
			if !slices.Equal(wa[:k], wb[:k]) || !slices.Equal(wa[len(wa)-k:], wb[len(wb)-k:]) {
				t.Fatalf("passage %d does not begin and end with a shared shingle", i)
			}
		}
	})
}

func checkSpan(t *testing.T, text string, s Span) {
	t.Helper()
	if s.Start < 0 || s.Start >= s.End || s.End > len(text) {
		t.Fatalf("span [%d,%d) in %d bytes", s.Start, s.End, len(text))
	}
	if !boundary(text, s.Start) || !boundary(text, s.End) {
		t.Fatalf("span [%d,%d) cuts a rune", s.Start, s.End)
	}
	if want := len(utf16.Encode([]rune(text[:s.Start]))); s.UTF16Start != want {
		t.Fatalf("UTF-16 start %d, want %d", s.UTF16Start, want)
	}
	if want := len(utf16.Encode([]rune(text[:s.End]))); s.UTF16End != want {
		t.Fatalf("UTF-16 end %d, want %d", s.UTF16End, want)
	}
}

// boundary reports whether i is where a rune, or an invalid byte read as
// one, begins (or the end of text).
func boundary(text string, i int) bool {
	if i == len(text) || utf8.RuneStart(text[i]) {
		return true
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if r != utf8.RuneError || size != 1 {
		return false
	}
	// An invalid byte is a boundary when it is not the tail of a valid rune.
	for back := 1; back <= utf8.UTFMax && back <= i; back++ {
		if r, size := utf8.DecodeRuneInString(text[i-back:]); size > back && r != utf8.RuneError {
			return false
		}
	}
	return true
}
