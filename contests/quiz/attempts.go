package quiz

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"hoithi/contests"
)

// AttemptSummary is what ranking needs of one finalized attempt.
type AttemptSummary struct {
	AttemptNo   int       `json:"attemptNo"`
	Correct     int       `json:"correct"`
	Total       int       `json:"total"`
	Score       int       `json:"score"`
	DurationMs  int64     `json:"durationMs"`
	StartedAt   time.Time `json:"startedAt"`
	SubmittedAt time.Time `json:"submittedAt"`
	// Prediction is the answer to the tie-break question, if given.
	Prediction *int64 `json:"prediction,omitempty"`
}

// Perfect reports whether every question was answered correctly.
func (a AttemptSummary) Perfect() bool { return a.Total > 0 && a.Correct == a.Total }

// Policy says which of a person's attempts in a round counts.
type Policy string

const (
	// PolicyBest: highest score, then shortest duration, then earliest
	// submission ("best and earliest of equal", docs/domain.md §2).
	PolicyBest  Policy = "best"
	PolicyFirst Policy = "first"
	PolicyLast  Policy = "last"
)

// Validate reports an unknown policy (CodeInvalid, field "attemptPolicy").
func (p Policy) Validate() error {
	switch p {
	case PolicyBest, PolicyFirst, PolicyLast:
		return nil
	}
	return contests.Invalid(contests.Field("attemptPolicy",
		contests.T("Cách tính lượt thi %q không hợp lệ (best, first, last)", "Unknown attempt policy %q (best, first, last)", string(p))))
}

// Select returns the attempt that counts, false when there is none or the
// policy is unknown. Attempts are compared at millisecond precision, what
// every store keeps, so both engines pick the same one.
func (p Policy) Select(attempts []AttemptSummary) (AttemptSummary, bool) {
	if len(attempts) == 0 || p.Validate() != nil {
		return AttemptSummary{}, false
	}
	var better func(a, b AttemptSummary) int
	switch p {
	case PolicyBest:
		better = compareBest
	case PolicyFirst:
		better = func(a, b AttemptSummary) int { return compareNo(a, b) }
	case PolicyLast:
		better = func(a, b AttemptSummary) int { return -compareNo(a, b) }
	}
	return slices.MinFunc(attempts, better), true
}

// compareBest orders attempts best first; the attempt number ends every tie
// so the choice never depends on the order attempts were loaded in.
func compareBest(a, b AttemptSummary) int {
	return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.DurationMs, b.DurationMs),
		cmp.Compare(ms(a.SubmittedAt), ms(b.SubmittedAt)), compareNo(a, b))
}

func compareNo(a, b AttemptSummary) int {
	return cmp.Or(cmp.Compare(a.AttemptNo, b.AttemptNo), cmp.Compare(ms(a.SubmittedAt), ms(b.SubmittedAt)))
}

// RoundEntry builds a person's ranking entry for a round from all their
// finalized attempts: the counted attempt's figures, its prediction and its
// distance to target (nil target: not known yet), and how many attempts were
// perfect. It fails (CodeInvalid) on an unknown policy or no attempts.
func RoundEntry(userID, unitPath string, attempts []AttemptSummary, policy Policy, target *int64) (Entry, error) {
	if err := policy.Validate(); err != nil {
		return Entry{}, err
	}
	counted, ok := policy.Select(attempts)
	if !ok {
		return Entry{}, contests.Invalid(contests.Field("attempts",
			contests.T("Người dự thi %q chưa có lượt thi nào", "Participant %q has no attempt", userID)))
	}
	e := Entry{
		UserID: userID, UnitPath: unitPath, AttemptNo: counted.AttemptNo, Rounds: 1,
		Score: counted.Score, Correct: counted.Correct, Total: counted.Total,
		DurationMs: counted.DurationMs, StartedAt: counted.StartedAt, SubmittedAt: counted.SubmittedAt,
		AllCorrect: counted.Perfect(), Attempts: len(attempts),
	}
	if counted.Prediction != nil {
		p := *counted.Prediction
		e.Prediction = &p
		if target != nil {
			d := absDiff(p, *target)
			e.PredictionError = &d
		}
	}
	for _, a := range attempts {
		if a.Perfect() {
			e.PerfectAttempts++
		}
	}
	return e, nil
}

// Cumulative merges per-round entries (rounds[i] = the entries of round i)
// into one overall entry per person, sorted by UserID: scores, correct
// answers, questions, durations and attempts add up; StartedAt is the first
// counted start and SubmittedAt the last counted submission (when the total
// was complete). A person missing from a round is neither all-correct nor
// has a prediction error overall: a skipped round must not look like an
// advantage. UnitPath is the one of the latest round the person played.
func Cumulative(rounds [][]Entry) ([]Entry, error) {
	played := map[string][]Entry{}
	for ri, round := range rounds {
		seen := make(map[string]bool, len(round))
		for _, e := range round {
			if seen[e.UserID] {
				return nil, contests.Invalid(contests.Field(fmt.Sprintf("rounds[%d]", ri),
					contests.T("Người dự thi %q xuất hiện hai lần trong một đợt", "Participant %q appears twice in one round", e.UserID)))
			}
			seen[e.UserID] = true
			played[e.UserID] = append(played[e.UserID], e)
		}
	}
	out := make([]Entry, 0, len(played))
	for _, list := range played {
		out = append(out, mergeRounds(list, len(list) == len(rounds)))
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.UserID, b.UserID) })
	return out, nil
}

// mergeRounds adds up one person's round entries, given in round order.
func mergeRounds(list []Entry, playedAll bool) Entry {
	t := Entry{UserID: list[0].UserID, StartedAt: list[0].StartedAt, SubmittedAt: list[0].SubmittedAt, AllCorrect: playedAll}
	var errSum int64
	errKnown := playedAll
	for _, e := range list {
		t.UnitPath = e.UnitPath
		t.Rounds++
		t.Score += e.Score
		t.Correct += e.Correct
		t.Total += e.Total
		t.DurationMs += e.DurationMs
		t.Attempts += e.Attempts
		t.PerfectAttempts += e.PerfectAttempts
		t.AllCorrect = t.AllCorrect && e.AllCorrect
		if e.StartedAt.Before(t.StartedAt) {
			t.StartedAt = e.StartedAt
		}
		if e.SubmittedAt.After(t.SubmittedAt) {
			t.SubmittedAt = e.SubmittedAt
		}
		if e.PredictionError == nil {
			errKnown = false
		} else {
			errSum += *e.PredictionError
		}
	}
	if errKnown {
		t.PredictionError = &errSum
	}
	return t
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func absDiff(a, b int64) int64 {
	if a > b {
		return a - b
	}
	return b - a
}
