package similarity

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests"
)

// spanText returns what a span covers, checking that the UTF-16 offsets
// cover the same text as the byte offsets.
func spanText(t *testing.T, text string, s Span) string {
	t.Helper()
	units := utf16.Encode([]rune(text))
	if got := string(utf16.Decode(units[s.UTF16Start:s.UTF16End])); got != text[s.Start:s.End] {
		t.Fatalf("UTF-16 span %q differs from byte span %q", got, text[s.Start:s.End])
	}
	return text[s.Start:s.End]
}

func TestPassagesShowTheCopiedTextOnBothSides(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	copied := prose(randomWords(r, 80))
	copiedWords := strings.TrimSuffix(copied, ".")
	a := prose(randomWords(r, 50)) + " " + copied + " " + prose(randomWords(r, 30))
	b := "😀 Mở đầu: " + prose(randomWords(r, 120)) + "\n\n" + copied + "\n" + prose(randomWords(r, 10))
	ps, err := Passages(a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("%d passages, want 1: %+v", len(ps), ps)
	}
	if ta, tb := spanText(t, a, ps[0].A), spanText(t, b, ps[0].B); ta != copiedWords || tb != copiedWords {
		t.Errorf("passage A %q\nB %q\nwant %q", ta, tb, copiedWords)
	}
	if ps[0].WordsA != 80 || ps[0].WordsB != 80 {
		t.Errorf("words = %d/%d, want 80", ps[0].WordsA, ps[0].WordsB)
	}
	// The emoji before the passage is one rune but two UTF-16 units.
	if want := len([]rune(b[:ps[0].B.Start])) + 1; ps[0].B.UTF16Start != want {
		t.Errorf("UTF-16 start %d, want %d", ps[0].B.UTF16Start, want)
	}
}

func TestPassagesOfReorderedParagraphs(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	paras := []string{prose(randomWords(r, 40)), prose(randomWords(r, 50)), prose(randomWords(r, 60))}
	a := strings.Join(paras, "\n\n")
	b := strings.Join([]string{paras[2], paras[1], paras[0]}, "\n\n")
	ps, err := Passages(a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 {
		t.Fatalf("%d passages, want 3: %+v", len(ps), ps)
	}
	for i, p := range ps {
		want := strings.TrimSuffix(paras[i], ".")
		if ta, tb := spanText(t, a, p.A), spanText(t, b, p.B); ta != want || tb != want {
			t.Errorf("passage %d: A %q, B %q, want paragraph %d", i, ta, tb, i)
		}
		if i > 0 && (p.A.Start <= ps[i-1].A.Start || p.B.Start >= ps[i-1].B.Start) {
			t.Errorf("passage %d: want ascending in A, descending in B", i)
		}
	}
}

func TestPassagesBridgeSmallEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	w := randomWords(r, 100)
	changed := replaced(w, 50, "THAYĐỔI")
	inserted := concat(w[:50], []string{"chènthêm"}, w[50:])
	dropped := concat(w[:50], w[51:])
	tests := []struct {
		name           string
		b              []string
		wordsA, wordsB int
	}{
		{"one word changed", changed, 100, 100},
		{"one word inserted", inserted, 100, 101},
		{"one word dropped", dropped, 100, 99},
		{"two edits further apart than a shingle", replaced(changed, 70, "KHÁC"), 100, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := Passages(strings.Join(w, " "), strings.Join(tt.b, " "), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 || ps[0].WordsA != tt.wordsA || ps[0].WordsB != tt.wordsB {
				t.Errorf("passages = %+v, want one of %d/%d words", ps, tt.wordsA, tt.wordsB)
			}
		})
	}
	// An edit every 3 words leaves no shingle of 5 in common: nothing to show.
	sparse := append([]string(nil), w...)
	for i := 0; i < len(sparse); i += 3 {
		sparse[i] = "X"
	}
	if ps, _ := Passages(strings.Join(w, " "), strings.Join(sparse, " "), Options{}); len(ps) != 0 {
		t.Errorf("heavily edited text: %d passages, want 0", len(ps))
	}
}

func replaced(w []string, at int, word string) []string {
	out := append([]string(nil), w...)
	out[at] = word
	return out
}

func TestPassagesAcrossUnicodeForms(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	text := prose(randomWords(r, 60))
	nfd := norm.NFD.String(text)
	ps, err := Passages(text, nfd, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("%d passages, want 1", len(ps))
	}
	if ta, tb := spanText(t, text, ps[0].A), spanText(t, nfd, ps[0].B); norm.NFC.String(tb) != ta || ta != strings.TrimSuffix(text, ".") {
		t.Errorf("A %q and B %q are not the same text", ta, tb)
	}
}

func TestPassagesEdgeCases(t *testing.T) {
	repeated := strings.Repeat("một ", 5000)
	tests := []struct {
		name   string
		a, b   string
		opt    Options
		count  int
		wordsA int
	}{
		{"nothing shared", "một hai ba bốn năm sáu", "bảy tám chín mười mươi trăm", Options{}, 0, 0},
		{"shorter than a shingle", "một hai", "một hai", Options{}, 0, 0},
		{"empty", "", "một hai ba bốn năm", Options{}, 0, 0},
		{"a text repeating one word", repeated, repeated, Options{}, 1, 5000},
		{"shingle of 2", "Hà Nội, mùa thu", "mùa thu Hà Nội", Options{Shingle: 2}, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := Passages(tt.a, tt.b, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != tt.count || (tt.count > 0 && ps[0].WordsA != tt.wordsA) {
				t.Errorf("passages = %+v, want %d of %d words", ps, tt.count, tt.wordsA)
			}
		})
	}
	if _, err := Passages("a", "b", Options{Shingle: 40}); contests.ErrorCode(err) != contests.CodeInvalid {
		t.Errorf("shingle 40: err = %v, want invalid", err)
	}
}
