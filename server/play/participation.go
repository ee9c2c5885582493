package play

import (
	"context"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// Mutate applies fn to the person's record of a round and writes it back if
// fn changed it, reading again and reapplying fn when another request
// changed the record in between (the store refuses a stale version), within
// store.Retries. A new record is created by init when the person has none
// (nil init: not found is an error). The change is saved even when fn also
// returns an error (an expired attempt finalized before "no attempts
// left"), and that error is returned.
//
// In memory: nothing. The record's version in the store is what makes two
// instances (or two phones of one person) safe.
func (s *Service) Mutate(ctx context.Context, roundID, userID string, init func() *quiz.Participation,
	fn func(p *quiz.Participation) (changed bool, err error)) (*quiz.Participation, error) {
	var out *quiz.Participation
	var fnErr error
	err := store.Retry(func() (bool, error) {
		p, err := s.store.Participation(ctx, roundID, userID)
		if contests.ErrorCode(err) == contests.CodeNotFound && init != nil {
			p, err = init(), nil
		}
		if err != nil {
			return false, err
		}
		changed, ferr := fn(p)
		if !changed {
			out, fnErr = p, ferr
			return false, nil
		}
		p.Version++
		if err := s.store.PutParticipation(ctx, p); contests.ErrorCode(err) == contests.CodeConflict {
			s.onWrite("conflict")
			return true, nil
		} else if err != nil {
			return false, err
		}
		s.onWrite("ok")
		out, fnErr = p, ferr
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return out, fnErr
}
