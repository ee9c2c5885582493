package sqlite

import (
	"slices"

	"hoithi/contests/quiz"
)

// cloneParticipation returns a deep copy of p: the copy shares no map,
// slice or pointer with p (strings are immutable, so sharing them is safe).
// The cache hands out only copies, because callers change the record they
// read and write it back, and two requests for one person must never see
// each other's unsaved changes. Nil and empty stay distinct, so a copy
// encodes exactly like the original.
//
// TestCloneSharesNothing fills every field by reflection: a field added to
// quiz.Participation that this function copies shallowly fails it.
func cloneParticipation(p *quiz.Participation) *quiz.Participation {
	c := *p
	c.Counted = cloneSummary(p.Counted)
	if p.Attempts != nil {
		c.Attempts = make([]quiz.Attempt, len(p.Attempts))
		for i := range p.Attempts {
			c.Attempts[i] = cloneAttempt(&p.Attempts[i])
		}
	}
	return &c
}

func cloneAttempt(a *quiz.Attempt) quiz.Attempt {
	c := *a
	// Every option list of the attempt is copied into one backing array
	// (one allocation instead of forty); each list's capacity ends at its
	// length, so an append to one reallocates rather than overwrite the next.
	// The answers' share is estimated (most questions take one option)
	// rather than counted: walking a map only to count cost a fifth of the
	// copy. Should the estimate fall short, the array grows, and the lists
	// copied before keep the old one: still copies, one allocation more.
	n := len(a.Answers) + len(a.Answers)/2
	for _, it := range a.Paper.Items {
		n += len(it.OptionOrder)
	}
	options := make([]string, 0, n)
	cloneStrings := func(s []string) []string {
		if s == nil {
			return nil
		}
		start := len(options)
		options = append(options, s...)
		return options[start:len(options):len(options)]
	}
	c.Paper.Items = slices.Clone(a.Paper.Items)
	for i := range c.Paper.Items {
		c.Paper.Items[i].OptionOrder = cloneStrings(c.Paper.Items[i].OptionOrder)
	}
	if a.Answers != nil {
		c.Answers = make(map[string]quiz.Answer, len(a.Answers))
		for q, ans := range a.Answers {
			ans.Options = cloneStrings(ans.Options)
			c.Answers[q] = ans
		}
	}
	c.Prediction = cloneInt(a.Prediction)
	return c
}

func cloneSummary(s *quiz.AttemptSummary) *quiz.AttemptSummary {
	if s == nil {
		return nil
	}
	c := *s
	c.Prediction = cloneInt(s.Prediction)
	return &c
}

func cloneInt(v *int64) *int64 {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}

// storedForm turns p, which the caller owns, into the record a read of what
// PutParticipation stored would decode: a deep copy with every instant cut
// to milliseconds in UTC (as decodeParticipation does) and an empty answer
// map as nil (the field is omitempty, so {} is never written). The cache
// keeps this form after a write, so a cached read returns exactly what
// reading the row back would. TestStoredFormIsTheDecodedRecord holds the
// two equal.
func storedForm(p *quiz.Participation) *quiz.Participation {
	return storedFormReusing(p, nil)
}

// storedFormReusing is storedForm sharing the attempts that ru copied from
// the cached record (participation_reuse.go); ru may be nil.
func storedFormReusing(p *quiz.Participation, ru *attemptReuse) *quiz.Participation {
	c := *p
	c.Counted = cloneSummary(p.Counted)
	toStoredTime(&c.OpenDeadline)
	toStoredTime(&c.UpdatedAt)
	if s := c.Counted; s != nil {
		toStoredTime(&s.StartedAt)
		toStoredTime(&s.SubmittedAt)
	}
	if p.Attempts != nil {
		c.Attempts = make([]quiz.Attempt, len(p.Attempts))
		for i := range p.Attempts {
			c.Attempts[i] = ru.storedAttempt(i, &p.Attempts[i])
		}
	}
	return &c
}
