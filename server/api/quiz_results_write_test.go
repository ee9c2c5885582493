package api

import (
	"testing"

	"hoithi/contests/quiz"
)

// The stored digest is the hash of the round as stored and its lines as
// stored, whether the round's rules stayed as the computation read them
// (the lines are hashed as they are written) or changed meanwhile (the
// stored lines are hashed again with the round as it is).
func TestResultsDigestCoversTheRoundAsStored(t *testing.T) {
	for _, changed := range []bool{false, true} {
		bothEngines(t, func(t *testing.T, e *env) {
			f := newQuizFixture(t, e)
			f.playThree(t)
			ctx := t.Context()
			readEarly, computeFromEarly := f.readForResults(t)
			if changed { // another instance changes the prizes while this one computes
				edited := *readEarly
				edited.Tiers = []quiz.Tier{{Key: "nhat", Name: "Giải Nhất", Count: 1}}
				if err := e.store.UpdateRound(ctx, &edited); err != nil {
					t.Fatal(err)
				}
			}
			if err := computeFromEarly(); err != nil {
				t.Fatal(err)
			}
			got, err := e.store.Round(ctx, f.roundID)
			if err != nil {
				t.Fatal(err)
			}
			rows, total, err := e.store.Standings(ctx, f.roundID, 0, 100)
			if err != nil || total != 3 || len(rows) != 3 {
				t.Fatalf("standings: %d of %d, %v", len(rows), total, err)
			}
			if want := quiz.ResultsDigest(got, rows); got.ResultsDigest != want {
				t.Fatalf("rules changed: %v; stored digest %s, the stored round and lines hash to %s", changed, got.ResultsDigest, want)
			}
			if changed == (len(got.Tiers) != 1) {
				t.Fatalf("rules changed: %v; stored tiers %+v", changed, got.Tiers)
			}
		})
	}
}
