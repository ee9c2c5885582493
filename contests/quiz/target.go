package quiz

import "hoithi/contests"

// TargetKind is what the prediction question asks to guess; the answer is
// only known when the round closes (docs/domain.md §2).
type TargetKind string

const (
	// TargetAllCorrectPeople: people with at least one fully correct attempt.
	TargetAllCorrectPeople TargetKind = "all_correct_people"
	// TargetParticipants: people with at least one finalized attempt.
	TargetParticipants TargetKind = "participants"
	// TargetAttempts: finalized attempts.
	TargetAttempts TargetKind = "attempts"
)

// RoundSummary is the round's counts a target is read from; stores compute
// it with a count query at round close, Summarize from attempts in memory.
type RoundSummary struct {
	Participants     int64 `json:"participants"`
	Attempts         int64 `json:"attempts"`
	AllCorrectPeople int64 `json:"allCorrectPeople"`
}

// Validate reports an unknown kind (CodeInvalid, field "predictionTarget").
func (k TargetKind) Validate() error {
	switch k {
	case TargetAllCorrectPeople, TargetParticipants, TargetAttempts:
		return nil
	}
	return contests.Invalid(contests.Field("predictionTarget",
		contests.T("Đáp án câu dự đoán %q không hợp lệ (all_correct_people, participants, attempts)",
			"Unknown prediction target %q (all_correct_people, participants, attempts)", string(k))))
}

// Of returns the target's value for a round.
func (k TargetKind) Of(s RoundSummary) (int64, error) {
	switch k {
	case TargetAllCorrectPeople:
		return s.AllCorrectPeople, nil
	case TargetParticipants:
		return s.Participants, nil
	case TargetAttempts:
		return s.Attempts, nil
	}
	return 0, k.Validate()
}

// Summarize counts a round from every person's finalized attempts (keyed by
// user ID). People listed with no attempt did not take part.
func Summarize(attemptsByUser map[string][]AttemptSummary) RoundSummary {
	var s RoundSummary
	for _, attempts := range attemptsByUser {
		if len(attempts) == 0 {
			continue
		}
		s.Participants++
		s.Attempts += int64(len(attempts))
		for _, a := range attempts {
			if a.Perfect() {
				s.AllCorrectPeople++
				break
			}
		}
	}
	return s
}
