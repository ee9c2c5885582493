package api

import (
	"context"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// Contests and rounds are written only over the version read (see
// store/versions.go). An editor's form carries the version it was loaded
// at: a save over a version another organizer has since changed, through
// this instance or another, is refused with store.Stale (409, "reload")
// instead of silently undoing the other change.

// sentVersion refuses an edit made on a copy older than stored. 0 means the
// client sent none (an older client): the store's own check still guards
// the read-modify-write of this request.
func sentVersion(sent, stored int64) error {
	if sent != 0 && sent != stored {
		return store.Stale()
	}
	return nil
}

// maxRoundRetries bounds updateRound: each retry means another change was
// stored meanwhile, which organizers do by hand, so a few always suffice.
const maxRoundRetries = 5

// updateRound applies change to the stored round and writes it, reading
// again and reapplying when another change was stored in between. It is for
// writes that set fields of their own (a computation's figures) and must
// keep whatever an organizer saved meanwhile, where a form's save must
// instead be refused (sentVersion). r receives the round as written.
func (s *Server) updateRound(ctx context.Context, id string, change func(*quiz.Round)) (*quiz.Round, error) {
	var err error
	for range maxRoundRetries {
		var r *quiz.Round
		if r, err = s.quiz.Round(ctx, id); err != nil {
			return nil, err
		}
		change(r)
		if err = s.quiz.UpdateRound(ctx, r); !store.IsStale(err) {
			if err != nil {
				return nil, err
			}
			return r, nil
		}
	}
	return nil, err
}
