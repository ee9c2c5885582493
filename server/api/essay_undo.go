package api

import (
	"context"
	"time"

	"hoithi/contests/essay"
)

// An essay change and its audit entry are two records; the store has no
// transaction across them (and MongoDB has one only on a replica set).
// Every change is therefore written first and its entry appended second,
// and when the entry cannot be appended the change is undone with one more
// conditional write and the person is told it failed, so that no change
// stands without its entry. Only a second failure, of the undo itself, can
// leave one: it is logged at error level with the work, for the
// secretariat to check against the log.

// authorLease names the lease one author's submissions and edits in a
// contest take turns under.
func authorLease(contestID, authorID string) string {
	return "essay-author:" + contestID + ":" + authorID
}

// undoWork applies undo to the stored work (a compensating write, see
// above). It runs on a context of its own: the request's may be what
// failed.
func (s *Server) undoWork(ctx context.Context, id string, undo func(*essay.Work)) {
	uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if _, err := s.mutateWork(uctx, id, func(w *essay.Work) error { undo(w); return nil }); err != nil {
		s.Log.Error("a work changed without its audit entry could not be put back", "work", id, "err", err)
	}
}
