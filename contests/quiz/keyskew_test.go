package quiz

import (
	"strings"
	"testing"
)

// keyed builds questions with the keys given ("A", "A+C", "-" for a
// retired "A").
func keyed(keys ...string) []Question {
	out := make([]Question, len(keys))
	for i, k := range keys {
		q := question("q", "t", 1)
		if k == "-" {
			q.Retired, k = true, "A"
		}
		q.Correct = strings.Split(k, "+")
		out[i] = q
	}
	return out
}

func TestCheckKeySkew(t *testing.T) {
	spread := strings.Split("A B C D B A D C C D A B D C B A", " ")
	cases := []struct {
		name   string
		keys   []string
		letter string
		count  int
		run    string
		runLen int
		start  int
	}{
		{"even spread", spread, "", 0, "", 0, 0},
		{"the issue's bank: A on 28 of 30", append(strings.Split(strings.Repeat("A ", 28), " ")[:28], "B", "C"), "A", 28, "A", 28, 0},
		{"5 of 12 (41%) single-answer keys", strings.Split("B A B C B D B A C B D A", " "), "B", 5, "", 0, 0},
		{"40% exactly is not skewed", strings.Split("B A B C B D B A C D", " "), "", 0, "", 0, 0},
		{"too few questions to judge the share", strings.Split("A A A B C", " "), "", 0, "", 0, 0},
		{"a run of six in a spread bank", strings.Split("A B C D B B B B B B A C D C A D C A D", " "), "", 0, "B", 6, 4},
		{"five in a row is chance", strings.Split("A B C D C C C C C A B D A B D A D B", " "), "", 0, "", 0, 0},
		{"multi-answer keys run as sets", strings.Split("A+C A+C A+C A+C A+C A+C B", " "), "", 0, "A+C", 6, 0},
		{"retired questions neither count nor break a run", strings.Split("B C C C - C C C D A B D A", " "), "C", 6, "C", 6, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			k := CheckKeySkew(keyed(tc.keys...))
			if k.Letter != tc.letter || k.Count != tc.count || k.RunKey != tc.run || k.RunLength != tc.runLen || k.RunStart != tc.start {
				t.Fatalf("got %+v", k)
			}
			if k.Skewed() != (len(k.Messages()) > 0) {
				t.Fatalf("Skewed %v but messages %v", k.Skewed(), k.Messages())
			}
			for _, m := range k.Messages() {
				if m.VI == "" || m.EN == "" || !strings.Contains(m.VI, tc.letter+tc.run) && !strings.Contains(m.VI, tc.run) {
					t.Errorf("message %+v does not name the key", m)
				}
			}
		})
	}
}
