package sqlite

import (
	"encoding/json"
	"fmt"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// Quiz aggregates are stored whole as JSON: every read needs the whole
// record, and the few fields a query filters or sorts on are copied into
// columns beside it. Instants keep what the caller gave in the JSON and are
// cut to milliseconds in UTC when read, the precision both engines promise.

// encodeJSON marshals a record for a data column. STRICT TEXT columns refuse
// BLOBs, hence the string.
func encodeJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", contests.Internal(fmt.Errorf("sqlite: encode %T: %w", v, err))
	}
	return string(b), nil
}

func decodeJSON(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return contests.Internal(fmt.Errorf("sqlite: decode %T: %w", v, err))
	}
	return nil
}

// toStoredTime cuts t to what the store keeps: milliseconds, UTC.
func toStoredTime(t *time.Time) {
	if !t.IsZero() {
		*t = t.Truncate(time.Millisecond).UTC()
	}
}

func decodeQuestion(data []byte) (quiz.Question, error) {
	var q quiz.Question
	err := decodeJSON(data, &q)
	return q, err
}

func decodeRound(data []byte) (*quiz.Round, error) {
	var r quiz.Round
	if err := decodeJSON(data, &r); err != nil {
		return nil, err
	}
	for _, t := range []*time.Time{&r.OpensAt, &r.ClosesAt, &r.ResultsAt, &r.UpdatedAt, &r.ReviewedAt} {
		toStoredTime(t)
	}
	for i := range r.Exclusions {
		toStoredTime(&r.Exclusions[i].At)
	}
	return &r, nil
}

// normalizeTimes cuts every instant of p to what the store keeps.
func normalizeTimes(p *quiz.Participation) {
	toStoredTime(&p.OpenDeadline)
	toStoredTime(&p.UpdatedAt)
	if c := p.Counted; c != nil {
		toStoredTime(&c.StartedAt)
		toStoredTime(&c.SubmittedAt)
	}
	for i := range p.Attempts {
		a := &p.Attempts[i]
		toStoredTime(&a.StartedAt)
		toStoredTime(&a.Deadline)
		toStoredTime(&a.SubmittedAt)
	}
}

func decodeStanding(data []byte) (quiz.Standing, error) {
	var s quiz.Standing
	err := decodeJSON(data, &s)
	toStoredTime(&s.StartedAt)
	toStoredTime(&s.SubmittedAt)
	return s, err
}
