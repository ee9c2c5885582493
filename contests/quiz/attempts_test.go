package quiz

import (
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/contesttest"
)

func TestPolicySelect(t *testing.T) {
	attempts := []AttemptSummary{
		{AttemptNo: 1, Score: 8, DurationMs: 60_000, SubmittedAt: at(100)},
		{AttemptNo: 2, Score: 9, DurationMs: 90_000, SubmittedAt: at(300)},
		{AttemptNo: 3, Score: 9, DurationMs: 70_000, SubmittedAt: at(500)},
		{AttemptNo: 4, Score: 9, DurationMs: 70_000, SubmittedAt: at(400)},
		{AttemptNo: 5, Score: 7, DurationMs: 10_000, SubmittedAt: at(600)},
	}
	cases := []struct {
		name     string
		policy   Policy
		attempts []AttemptSummary
		want     int
		ok       bool
	}{
		// Best: score 9 beats 8; of the three 9s, 70 s beats 90 s; of the two
		// 70 s, the earlier submission (no. 4) wins.
		{"best", PolicyBest, attempts, 4, true},
		{"best ignores input order", PolicyBest, []AttemptSummary{attempts[3], attempts[2], attempts[0]}, 4, true},
		{"best fully equal: lower number", PolicyBest, []AttemptSummary{{AttemptNo: 3, Score: 1}, {AttemptNo: 2, Score: 1}}, 2, true},
		{"first", PolicyFirst, []AttemptSummary{attempts[2], attempts[0], attempts[4]}, 1, true},
		{"last", PolicyLast, []AttemptSummary{attempts[2], attempts[4], attempts[0]}, 5, true},
		{"none", PolicyBest, nil, 0, false},
		{"unknown policy", Policy("sum"), attempts, 0, false},
	}
	for _, c := range cases {
		got, ok := c.policy.Select(c.attempts)
		if ok != c.ok || got.AttemptNo != c.want {
			t.Errorf("%s: got no. %d, %v; want %d, %v", c.name, got.AttemptNo, ok, c.want, c.ok)
		}
	}
	if Policy("sum").Validate() == nil || PolicyLast.Validate() != nil {
		t.Error("Policy.Validate wrong")
	}
}

func TestBestComparesMilliseconds(t *testing.T) {
	// SQLite may keep nanoseconds where MongoDB keeps milliseconds: the
	// choice must not depend on the engine.
	a := AttemptSummary{AttemptNo: 2, Score: 5, SubmittedAt: at(10).Add(100 * time.Microsecond)}
	b := AttemptSummary{AttemptNo: 1, Score: 5, SubmittedAt: at(10).Add(900 * time.Microsecond)}
	if got, _ := PolicyBest.Select([]AttemptSummary{a, b}); got.AttemptNo != 1 {
		t.Errorf("sub-millisecond difference decided: got no. %d", got.AttemptNo)
	}
}

func TestRoundEntry(t *testing.T) {
	attempts := []AttemptSummary{
		{AttemptNo: 1, Correct: 10, Total: 10, Score: 10, DurationMs: 50_000, StartedAt: at(0), SubmittedAt: at(50), Prediction: i64(1200)},
		{AttemptNo: 2, Correct: 10, Total: 10, Score: 10, DurationMs: 40_000, StartedAt: at(100), SubmittedAt: at(140), Prediction: i64(900)},
		{AttemptNo: 3, Correct: 8, Total: 10, Score: 8, DurationMs: 20_000, StartedAt: at(200), SubmittedAt: at(220)},
	}
	e, err := RoundEntry("u1", "/p/w/", attempts, PolicyBest, i64(1000))
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{UserID: "u1", UnitPath: "/p/w/", AttemptNo: 2, Rounds: 1, Score: 10, Correct: 10, Total: 10,
		DurationMs: 40_000, StartedAt: at(100), SubmittedAt: at(140), Prediction: i64(900), PredictionError: i64(100),
		PerfectAttempts: 2, Attempts: 3, AllCorrect: true}
	if !entryEqual(e, want) {
		t.Errorf("entry = %+v\nwant    %+v", e, want)
	}

	last, _ := RoundEntry("u1", "", attempts, PolicyLast, i64(1000))
	if last.AttemptNo != 3 || last.AllCorrect || last.Prediction != nil || last.PredictionError != nil || last.PerfectAttempts != 2 {
		t.Errorf("last entry = %+v", last)
	}
	unknownTarget, _ := RoundEntry("u1", "", attempts, PolicyFirst, nil)
	if *unknownTarget.Prediction != 1200 || unknownTarget.PredictionError != nil {
		t.Errorf("entry before the target is known = %+v", unknownTarget)
	}
	if _, err := RoundEntry("u1", "", nil, PolicyBest, nil); contests.ErrorCode(err) != contests.CodeInvalid {
		t.Errorf("no attempts: err %v", err)
	}
	if _, err := RoundEntry("u1", "", attempts, "nope", nil); contests.ErrorCode(err) != contests.CodeInvalid {
		t.Errorf("bad policy: err %v", err)
	}
}

func entryEqual(a, b Entry) bool {
	pe := func(x, y *int64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	if !pe(a.Prediction, b.Prediction) || !pe(a.PredictionError, b.PredictionError) {
		return false
	}
	a.Prediction, a.PredictionError, b.Prediction, b.PredictionError = nil, nil, nil, nil
	return a == b
}

func TestCumulative(t *testing.T) {
	round1 := []Entry{
		{UserID: "an", UnitPath: "/p/a/", Score: 10, Correct: 10, Total: 10, DurationMs: 30_000, StartedAt: at(100), SubmittedAt: at(130), PredictionError: i64(5), PerfectAttempts: 1, Attempts: 2, AllCorrect: true, Rounds: 1},
		{UserID: "binh", UnitPath: "/p/b/", Score: 9, Correct: 9, Total: 10, DurationMs: 20_000, StartedAt: at(50), SubmittedAt: at(70), Attempts: 1, Rounds: 1},
	}
	round2 := []Entry{
		{UserID: "binh", UnitPath: "/p/b/", Score: 10, Correct: 10, Total: 10, DurationMs: 25_000, StartedAt: at(1000), SubmittedAt: at(1025), PredictionError: i64(2), AllCorrect: true, Attempts: 1, Rounds: 1},
		{UserID: "an", UnitPath: "/p/c/", Score: 10, Correct: 10, Total: 10, DurationMs: 40_000, StartedAt: at(900), SubmittedAt: at(940), PredictionError: i64(7), PerfectAttempts: 3, Attempts: 3, AllCorrect: true, Rounds: 1},
		{UserID: "chi", UnitPath: "/p/c/", Score: 10, Correct: 10, Total: 10, DurationMs: 10_000, StartedAt: at(800), SubmittedAt: at(810), PredictionError: i64(0), AllCorrect: true, Attempts: 1, Rounds: 1},
	}
	got, err := Cumulative([][]Entry{round1, round2})
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		// Moved unit between rounds: the latest unit counts.
		{UserID: "an", UnitPath: "/p/c/", Rounds: 2, Score: 20, Correct: 20, Total: 20, DurationMs: 70_000, StartedAt: at(100), SubmittedAt: at(940), PredictionError: i64(12), PerfectAttempts: 4, Attempts: 5, AllCorrect: true},
		// Not perfect in round 1, and no prediction there: no error overall.
		{UserID: "binh", UnitPath: "/p/b/", Rounds: 2, Score: 19, Correct: 19, Total: 20, DurationMs: 45_000, StartedAt: at(50), SubmittedAt: at(1025), Attempts: 2},
		// Skipped round 1: neither all-correct nor a prediction error overall.
		{UserID: "chi", UnitPath: "/p/c/", Rounds: 1, Score: 10, Correct: 10, Total: 10, DurationMs: 10_000, StartedAt: at(800), SubmittedAt: at(810), Attempts: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries", len(got))
	}
	for i := range want {
		if !entryEqual(got[i], want[i]) {
			t.Errorf("entry %d = %+v\nwant       %+v", i, got[i], want[i])
		}
	}
	if _, err := Cumulative([][]Entry{{{UserID: "x"}, {UserID: "x"}}}); !slices.Equal(contesttest.InvalidFields(t, err), []string{"rounds[0]"}) {
		t.Errorf("duplicate in a round: err %v", err)
	}
}

func TestTargets(t *testing.T) {
	perfect := AttemptSummary{Correct: 5, Total: 5}
	wrong := AttemptSummary{Correct: 4, Total: 5}
	s := Summarize(map[string][]AttemptSummary{
		"a": {wrong, perfect, perfect}, // one person however many perfect attempts
		"b": {wrong},
		"c": {perfect},
		"d": nil, // registered, never finished an attempt
		"e": {{Correct: 0, Total: 0}},
	})
	if want := (RoundSummary{Participants: 4, Attempts: 6, AllCorrectPeople: 2}); s != want {
		t.Fatalf("Summarize = %+v, want %+v", s, want)
	}
	for kind, want := range map[TargetKind]int64{TargetAllCorrectPeople: 2, TargetParticipants: 4, TargetAttempts: 6} {
		if got, err := kind.Of(s); err != nil || got != want {
			t.Errorf("%s = %d, %v; want %d", kind, got, err, want)
		}
	}
	if _, err := TargetKind("winners").Of(s); !slices.Equal(contesttest.InvalidFields(t, err), []string{"predictionTarget"}) {
		t.Errorf("unknown target: %v", err)
	}
}
