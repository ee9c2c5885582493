package quiz

import (
	"testing"
	"time"
)

// TestResultsDigestIsStable pins the digest of a round's results: it is
// hashed a line at a time, and must stay the hash of the whole text as it
// was written before (digests stored on published rounds are checked
// against a recomputation).
func TestResultsDigestIsStable(t *testing.T) {
	target := int64(1234)
	r := &Round{Policy: PolicyBest, Rule: RuleBinhTan(), Tiers: WeeklyTiers(), TargetValue: &target, SeedReveal: "ab",
		Exclusions: []Exclusion{{UserID: "z", Reason: "hai tài khoản <b>"}}}
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	pred := int64(1200)
	rows := []Standing{
		{Rank: 1, UserID: "a", Score: 10, Correct: 10, Total: 10, DurationMs: 100_000, StartedAt: t0, SubmittedAt: t0.Add(100 * time.Second), Prize: "nhat", Prediction: &pred},
		{Rank: 2, UserID: "b", Score: 9, Correct: 9, Total: 10, DurationMs: 90_000, StartedAt: t0, SubmittedAt: t0.Add(90 * time.Second)},
		{Rank: 2, UserID: "c&d", Score: 9, Correct: 9, Total: 10, DurationMs: 90_000, StartedAt: t0, SubmittedAt: t0.Add(90 * time.Second)},
	}
	for _, c := range []struct {
		rows []Standing
		want string
	}{
		{rows, "d8249f7948a897a5db56b1e77a2e4df21fb39614f4316e0cf301999192c8fce0"},
		{rows[:1], "e6219b36884c77ec262eccec5fa36bee0cdd397ef8b35d3f6d6502a0cde9c52d"},
		{nil, "f23cc5c5f1de023cba2c74e103a605c51a820b2730c7b18b758621b7dc9ea6a3"},
	} {
		if got := ResultsDigest(r, c.rows); got != c.want {
			t.Errorf("%d lines: digest %s, want %s", len(c.rows), got, c.want)
		}
	}
}
