package quiz

import "time"

// ResultsBuilder computes a closed round's results from its participation
// records, which arrive one at a time (a province round holds a million):
// every final attempt is marked again with the bank's current key — a key
// fixed after the round changes the results, as it should — and attempts
// still open are finalized at their deadline.
type ResultsBuilder struct {
	round  *Round
	key    AnswerKey
	closed time.Time
	people map[string]resultPerson
}

type resultPerson struct {
	unitPath string
	attempts []AttemptSummary
}

// NewResultsBuilder starts the results of r marked with key.
func NewResultsBuilder(r *Round, key AnswerKey) *ResultsBuilder {
	return &ResultsBuilder{round: r, key: key, closed: r.ClosesAt.Add(Grace * 2), people: map[string]resultPerson{}}
}

// Add takes one person's record into account. The record is changed in
// memory only (expired attempt finalized, attempts re-marked).
func (rr *ResultsBuilder) Add(p *Participation) error {
	if _, err := p.Expire(rr.key, rr.closed, rr.round.Policy); err != nil {
		return err
	}
	var list []AttemptSummary
	for i := range p.Attempts {
		a := &p.Attempts[i]
		if !a.Final() {
			continue
		}
		if err := a.Mark(rr.key); err != nil {
			return err
		}
		if rr.round.Integrity.Void(a) {
			continue // the round's hard rule: an implausibly fast attempt does not count, in the ranking or the figures
		}
		list = append(list, a.Summary())
	}
	if len(list) > 0 {
		rr.people[p.UserID] = resultPerson{unitPath: p.UnitPath, attempts: list}
	}
	return nil
}

// Outcome is what a round's results are: the counts, the prediction target
// (nil without a prediction question), the ranking and the prizes.
type Outcome struct {
	Summary RoundSummary
	Target  *int64
	Ranked  []Ranked
	Winners []Winner
}

// Finish ranks everyone added and gives the prizes; excluded lists people
// who may not win again (one prize per person).
func (rr *ResultsBuilder) Finish(excluded map[string]bool) (Outcome, error) {
	r := rr.round
	byUser := make(map[string][]AttemptSummary, len(rr.people))
	for id, p := range rr.people {
		byUser[id] = p.attempts
	}
	out := Outcome{Summary: Summarize(byUser)}
	if r.Prediction.Enabled {
		v, err := r.Prediction.Target.Of(out.Summary)
		if err != nil {
			return out, err
		}
		out.Target = &v
	}
	entries := make([]Entry, 0, len(rr.people))
	for id, p := range rr.people {
		if r.Excluded(id) {
			continue // taken out at the prize review: the next in rank moves up
		}
		e, err := RoundEntry(id, p.unitPath, p.attempts, r.Policy, out.Target)
		if err != nil {
			return out, err
		}
		entries = append(entries, e)
	}
	var err error
	if out.Ranked, err = Rank(entries, r.Rule); err != nil {
		return out, err
	}
	out.Winners, err = Allocate(out.Ranked, r.Tiers, AllocateOptions{TiePolicy: r.TiePolicy, Excluded: excluded})
	return out, err
}
