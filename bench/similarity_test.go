package bench

import (
	"context"
	"testing"
)

func TestSimilarityFindsThePlantedCopies(t *testing.T) {
	rep, err := Similarity(context.Background(), SimilarityConfig{Works: 300, Words: 400, Planted: 6, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Works != 300 || rep.Planted != 6 || rep.Recall != 1 || rep.PairsFlagged < 6 || rep.Candidates < 6 || rep.PeakRSSMB <= 0 {
		t.Fatalf("%+v", rep)
	}
}
