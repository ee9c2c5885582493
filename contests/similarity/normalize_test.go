package similarity

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestTokenizeComparesWordsAsReadersDo(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		equal bool
	}{
		{"case", "Hội Thi Tìm Hiểu", "hội thi tìm hiểu", true},
		{"NFC and NFD", "Nguyễn Thị Hường quyết tâm", norm.NFD.String("Nguyễn Thị Hường quyết tâm"), true},
		{"precomposed vowel with combining tone", "ệ", "ê\u0323", true},
		{"old and new tone placement oa", "hoà bình", "hòa bình", true},
		{"old and new tone placement uy", "thuỷ lợi", "thủy lợi", true},
		{"punctuation and spacing", "Độc lập, tự do — hạnh phúc!", "độc lập tự do hạnh phúc", true},
		{"soft hyphen inside a syllable", "phát tri\u00ADển", "phát triển", true},
		{"zero-width space inside a syllable", "h\u200Bội nghị", "hội nghị", true},
		{"Cyrillic look-alike letters", "c\u043En ngườ\u0456", "con người", true},
		{"tone marks distinguish words", "ma", "má", false},
		{"grave and acute differ", "mà", "má", false},
		{"đ is not d", "đá", "dá", false},
		{"circumflex distinguishes words", "tân", "tan", false},
		{"horn distinguishes words", "tư", "tu", false},
		{"hyphen separates syllables", "Lê-nin", "lê nin", true},
		{"digits are words", "năm 1930", "năm 1930", true},
		{"digits differ", "năm 1930", "năm 1945", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ka, kb := keysOf(tt.a), keysOf(tt.b)
			if got := slices.Equal(ka, kb); got != tt.equal {
				t.Errorf("keys equal = %v, want %v (%d vs %d words)", got, tt.equal, len(ka), len(kb))
			}
		})
	}
}

func TestTokenizeSpansPointAtTheOriginalWords(t *testing.T) {
	nfd := norm.NFD.String("Việt Nam")
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"punctuation around words", "  Xin chào, Việt Nam!", []string{"Xin", "chào", "Việt", "Nam"}},
		{"decomposed marks stay inside the word", nfd, []string{nfd[:len(nfd)-4], "Nam"}},
		{"invalid UTF-8 separates words", "abc\xffdef", []string{"abc", "def"}},
		{"stray mark before a word is dropped", " \u0301abc", []string{"abc"}},
		{"only separators", " ,.;!?\n\t", nil},
		{"digits with separators", "năm 1.930", []string{"năm", "1", "930"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range tokenize(tt.text, nil) {
				got = append(got, tt.text[tok.start:tok.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("words = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestShingleSequenceHasOneHashPerWindow(t *testing.T) {
	tests := []struct {
		text     string
		k        int
		want     int
		repeated bool // first and last window are the same words
	}{
		{"một hai ba bốn", 5, 0, false},
		{"một hai ba bốn năm", 5, 1, false},
		{"một hai ba bốn năm sáu bảy", 5, 3, false},
		{"một hai. Một hai", 2, 3, true},
		{"một", 1, 1, false},
	}
	for _, tt := range tests {
		seq := newShingler(tt.k).sequence(tt.text)
		if len(seq) != tt.want {
			t.Errorf("%q k=%d: %d shingles, want %d", tt.text, tt.k, len(seq), tt.want)
			continue
		}
		if tt.repeated && seq[0] != seq[len(seq)-1] {
			t.Errorf("%q: equal windows hash differently", tt.text)
		}
	}
}

func TestHashSetCountsDistinctAndMatchesOncePerRound(t *testing.T) {
	var s hashSet
	s.reset(4)
	added := 0
	for _, h := range []uint64{7, 9, 7, 1 << 40, 9, 23} {
		if s.add(h) {
			added++
		}
	}
	if added != 4 {
		t.Fatalf("distinct = %d, want 4", added)
	}
	for round, probe := range [][]uint64{{7, 7, 9, 8}, {9, 23, 23, 1 << 40, 5}} {
		s.nextRound()
		matched := 0
		for _, h := range probe {
			if s.match(h) {
				matched++
			}
		}
		if want := []int{2, 3}[round]; matched != want {
			t.Errorf("round %d matched %d, want %d", round, matched, want)
		}
	}
}
