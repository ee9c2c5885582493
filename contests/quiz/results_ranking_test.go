package quiz

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// A compact line gives back exactly the entry it was made of: instants to
// the nanosecond with their location (UTC, local, a parsed offset, before
// 1970, the zero instant), the prediction or none.
func TestRankingLineRoundTrip(t *testing.T) {
	parsed, err := time.Parse(time.RFC3339Nano, "2026-03-02T09:00:00.123456789+07:00")
	if err != nil {
		t.Fatal(err)
	}
	pred := int64(-42)
	cases := map[string]Entry{
		"utc, sub-millisecond": {UserID: "u1", UnitPath: "/a/", AttemptNo: 2, Score: 17, Correct: 9, Total: 10, DurationMs: 61_001,
			StartedAt: time.Date(2026, 3, 2, 9, 0, 0, 999_999, time.UTC), SubmittedAt: time.Date(2026, 3, 2, 9, 1, 1, 1, time.UTC),
			Prediction: &pred, PerfectAttempts: 1, Attempts: 3, AllCorrect: true},
		"local and a parsed offset": {UserID: "u2", UnitPath: "/b/", StartedAt: time.Date(2026, 1, 1, 0, 0, 0, 5, time.Local), SubmittedAt: parsed},
		"before 1970":               {UserID: "u3", StartedAt: time.Date(1969, 12, 31, 23, 59, 59, 999_999_999, time.UTC), SubmittedAt: time.Date(1900, 1, 1, 0, 0, 0, 1_500_000, time.UTC)},
		"zero instants":             {UserID: "u4"},
	}
	for name, e := range cases {
		t.Run(name, func(t *testing.T) {
			var tb lineTables
			e.Rounds = 1
			rk := &Ranking{lines: []line{tb.lineOf(&e)}, tables: &tb}
			got := rk.At(0)
			if !reflect.DeepEqual(got.Entry, e) || got.DecidedBy != "" {
				t.Fatalf("line gave\n%+v\nwant\n%+v", got.Entry, e)
			}
			if got.StartedAt.String() != e.StartedAt.String() || got.SubmittedAt.String() != e.SubmittedAt.String() {
				t.Fatalf("instants %v %v, want %v %v", got.StartedAt, got.SubmittedAt, e.StartedAt, e.SubmittedAt)
			}
		})
	}
}

// Every key orders two compact lines as it orders their entries (with the
// prediction error counted from the target), over random figures that are
// often equal, instants equal to the millisecond or not.
func TestRankingCompareMatchesKeys(t *testing.T) {
	keys := []RankKey{KeyScoreDesc, KeyCorrectDesc, KeyPredictionErrorAsc, KeyDurationAsc, KeySubmittedAsc, KeyStartedAsc, KeyPerfectAttemptsDesc}
	rng := rand.New(rand.NewPCG(3, 4))
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	entry := func(target *int64) Entry {
		e := Entry{UserID: "u", Score: rng.IntN(3), Correct: rng.IntN(3), DurationMs: int64(rng.IntN(3)), PerfectAttempts: rng.IntN(2),
			StartedAt: t0.Add(time.Duration(rng.IntN(3)) * 700 * time.Microsecond), SubmittedAt: t0.Add(time.Duration(rng.IntN(3)) * 400 * time.Microsecond)}
		if rng.IntN(3) > 0 {
			p := int64(rng.IntN(5))
			e.Prediction = &p
			if target != nil {
				d := absDiff(p, *target)
				e.PredictionError = &d
			}
		}
		return e
	}
	sign := func(c int) int { return min(max(c, -1), 1) }
	for i := range 2000 {
		var target *int64
		if i%2 == 0 {
			v := int64(2)
			target = &v
		}
		a, b := entry(target), entry(target)
		var tb lineTables
		rk := &Ranking{tables: &tb, target: target}
		la, lb := tb.lineOf(&a), tb.lineOf(&b)
		for _, k := range keys {
			want, _ := k.compare(&a, &b)
			if got := rk.compareBy(k, &la, &lb); sign(got) != sign(want) {
				t.Fatalf("%s: %+v vs %+v: %d, want %d", k, a, b, got, want)
			}
		}
	}
}
