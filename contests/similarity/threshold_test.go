package similarity

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// boundaryPair makes work A of exactly 100 distinct shingles and a longer
// work B containing m consecutive shingles of A, so A's overlap is m/100.
func boundaryPair(t *testing.T, m int, thresholdA, thresholdB float64) []Doc {
	t.Helper()
	r := rand.New(rand.NewPCG(7, uint64(m)))
	a := randomWords(r, 104)
	b := splice(randomWords(r, 400), 150, a[30:30+m+DefaultShingle-1])
	if shared, sa, _ := referenceShared(a, b, DefaultShingle); shared != m || sa != 100 {
		t.Fatalf("test data: shared %d of %d, want %d of 100", shared, sa, m)
	}
	return []Doc{{ID: "A", Text: prose(a), Threshold: thresholdA}, {ID: "B", Text: prose(b), Threshold: thresholdB}}
}

func TestFindThresholdIsAStrictUpperBound(t *testing.T) {
	tests := []struct {
		name             string
		m                int
		thresholdA, thrB float64
		flagged          bool
	}{
		{"magazine, 19% copied", 19, MagazineThreshold, MagazineThreshold, false},
		{"magazine, exactly 20% is allowed", 20, MagazineThreshold, MagazineThreshold, false},
		{"magazine, 21% copied", 21, MagazineThreshold, MagazineThreshold, true},
		{"newspaper, exactly 25% is allowed", 25, NewspaperThreshold, MagazineThreshold, false},
		{"newspaper, 26% copied", 26, NewspaperThreshold, NewspaperThreshold, true},
		{"newspaper work at 22% is within its own rule", 22, NewspaperThreshold, MagazineThreshold, false},
		{"default threshold is the magazine rule", 21, 0, 0, true},
		{"default threshold, exactly 20%", 20, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, sample := range []int{0, 4} {
				res, err := Find(boundaryPair(t, tt.m, tt.thresholdA, tt.thrB), Options{Sample: sample})
				if err != nil {
					t.Fatal(err)
				}
				if got := len(res.Pairs) == 1; got != tt.flagged {
					t.Fatalf("sample %d: flagged = %v, want %v (%+v)", sample, got, tt.flagged, res.Pairs)
				}
				if tt.flagged && res.Pairs[0].OverlapA != float64(tt.m)/100 {
					t.Errorf("OverlapA = %v, want %v", res.Pairs[0].OverlapA, float64(tt.m)/100)
				}
			}
		})
	}
}

func TestFindEachWorkIsHeldToItsOwnRule(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	// Two works of equal length sharing 22%: the magazine one breaks its rule.
	a := randomWords(r, 504)
	b := splice(randomWords(r, 504), 0, a[:114]) // 110 of 500 shingles
	docs := []Doc{{ID: "paper", Text: prose(b), Threshold: NewspaperThreshold}, {ID: "mag", Text: prose(a), Threshold: MagazineThreshold}}
	res, err := Find(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) != 1 || res.Pairs[0].A != "paper" || res.Pairs[0].Overlap != 0.22 {
		t.Fatalf("pairs = %+v, want paper–mag at 0.22", res.Pairs)
	}
	docs[1].Threshold = NewspaperThreshold
	if res, _ := Find(docs, Options{}); len(res.Pairs) != 0 {
		t.Errorf("two newspaper works at 22%%: pairs = %+v, want none", res.Pairs)
	}
}

// TestFindRecallNearTheThresholdWhenSampling plants 150 pairs just above the
// magazine threshold, in works of 400 to 3,000 words, and samples one shingle
// in 8 as a corpus of 40 million words would: every pair must still be
// found, with its exact overlap.
func TestFindRecallNearTheThresholdWhenSampling(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 37))
	var docs []Doc
	want := map[string]float64{}
	for i := range 150 {
		small := 400 + r.IntN(2600)
		a := randomWords(r, small+DefaultShingle-1)
		shared := small*21/100 + 1 // 21% of a's shingles, the margin of a real copy
		want[fmt.Sprintf("a%03d", i)] = float64(shared) / float64(small)
		b := splice(randomWords(r, small+r.IntN(3000)), 0, a[:shared+DefaultShingle-1])
		docs = append(docs, Doc{ID: fmt.Sprintf("a%03d", i), Text: prose(a)}, Doc{ID: fmt.Sprintf("b%03d", i), Text: prose(b)})
	}
	res, err := Find(docs, Options{Sample: 8})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) != 150 {
		t.Errorf("found %d of 150 pairs", len(res.Pairs))
	}
	for _, p := range res.Pairs {
		if p.A[1:] != p.B[1:] || p.OverlapA != want[p.A] {
			t.Errorf("pair %+v: want a planted pair at %.4f", p, want[p.A])
		}
	}
}
