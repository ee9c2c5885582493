package quiz

import (
	"slices"
	"strings"
	"time"
)

// ResultsBuilder computes a closed round's results from its participation
// records, which arrive one at a time (a province round holds a million):
// every final attempt is marked again with the bank's current key — a key
// fixed after the round changes the results, as it should — and attempts
// still open are finalized at their deadline.
//
// Of each person only their ranking line is kept (the counted attempt's
// figures, how many attempts, how many perfect), made as the record
// arrives; the record itself is not held. The prediction error waits for
// the target, known once everyone is in. The lines are compact
// (results_ranking.go).
type ResultsBuilder struct {
	round  *Round
	key    AnswerKey
	marks  markKey
	closed time.Time
	lines  []line // one per person, in the order added
	tables lineTables
	// ordered: the people were added in increasing UserID order (the
	// stores' order), so a person added twice sits next to themself.
	ordered bool
	err     error // the first entry that could not be made, for Finish
}

// NewResultsBuilder starts the results of r marked with key.
func NewResultsBuilder(r *Round, key AnswerKey) *ResultsBuilder {
	return &ResultsBuilder{round: r, key: key, marks: newMarkKey(key), closed: r.ClosesAt.Add(Grace * 2), ordered: true}
}

// Grow makes room for n more people (the number of records, when known):
// the lines of a national round are ~100 MB, grown by appending they would
// be copied and left behind several times.
func (rr *ResultsBuilder) Grow(n int) { rr.lines = slices.Grow(rr.lines, n) }

// Add takes one person's record into account. The record is changed in
// memory only (expired attempt finalized, attempts re-marked); it is not
// kept. A person added again with an attempt that counts replaces what was
// added of them before.
func (rr *ResultsBuilder) Add(p *Participation) error {
	if _, err := p.Expire(rr.key, rr.closed, rr.round.Policy); err != nil {
		return err
	}
	var buf [4]AttemptSummary // a round allows a few attempts: no allocation
	list := buf[:0]
	for i := range p.Attempts {
		a := &p.Attempts[i]
		if !a.Final() {
			continue
		}
		if err := rr.marks.mark(a, rr.key); err != nil {
			return err
		}
		if rr.round.Integrity.Void(a) {
			continue // the round's hard rule: an implausibly fast attempt does not count, in the ranking or the figures
		}
		list = append(list, a.Summary())
	}
	if len(list) == 0 {
		return nil
	}
	e, err := RoundEntry(p.UserID, p.UnitPath, list, rr.round.Policy, nil)
	if err != nil {
		rr.err = cmpOr(rr.err, err) // as before: an entry that cannot be made fails the results
		return nil
	}
	if n := len(rr.lines); n > 0 && rr.lines[n-1].user > p.UserID {
		rr.ordered = false
	}
	rr.lines = append(rr.lines, rr.tables.lineOf(&e))
	return nil
}

func cmpOr(have, err error) error {
	if have != nil {
		return have
	}
	return err
}

// Outcome is what a round's results are: the counts, the prediction target
// (nil without a prediction question), the ranking and the prizes.
type Outcome struct {
	Summary RoundSummary
	Target  *int64
	Ranking *Ranking
	Winners []Winner
}

// Finish ranks everyone added and gives the prizes; excluded lists people
// who may not win again (one prize per person). The builder is used up:
// the ranking is made in the lines it kept.
func (rr *ResultsBuilder) Finish(excluded map[string]bool) (Outcome, error) {
	r := rr.round
	lines := rr.onePerPerson()
	rr.lines = nil
	var out Outcome
	for i := range lines {
		out.Summary.Participants++
		out.Summary.Attempts += int64(lines[i].attempts)
		if lines[i].perfect > 0 {
			out.Summary.AllCorrectPeople++
		}
	}
	if r.Prediction.Enabled {
		v, err := r.Prediction.Target.Of(out.Summary)
		if err != nil {
			return out, err
		}
		out.Target = &v
	}
	if rr.tables.tooWide {
		rr.err = cmpOr(rr.err, errLineTooWide)
	}
	if rr.err != nil {
		return out, rr.err
	}
	kept := lines[:0]
	for _, l := range lines {
		if r.Excluded(l.user) {
			continue // taken out at the prize review: the next in rank moves up
		}
		kept = append(kept, l) // the prediction error is counted from the ranking's target
	}
	clear(lines[len(kept):]) // what was dropped is not held by the array
	out.Ranking = &Ranking{lines: kept, tables: &rr.tables, rule: r.Rule, target: out.Target}
	if err := out.Ranking.rank(); err != nil {
		return out, err
	}
	var err error
	out.Winners, err = allocate(out.Ranking, r.Tiers, AllocateOptions{TiePolicy: r.TiePolicy, Excluded: excluded})
	return out, err
}

// onePerPerson returns the lines with each person once, the line added
// last: records come in UserID order from the stores, where a person
// added twice is next to themself; otherwise they are sorted first
// (stably, so the last added stays last).
func (rr *ResultsBuilder) onePerPerson() []line {
	lines := rr.lines
	if !rr.ordered {
		slices.SortStableFunc(lines, func(a, b line) int { return strings.Compare(a.user, b.user) })
	}
	out := lines[:0]
	for i := range lines {
		if i+1 < len(lines) && lines[i+1].user == lines[i].user {
			continue
		}
		out = append(out, lines[i])
	}
	clear(lines[len(out):])
	return out
}
