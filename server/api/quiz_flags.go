package api

import (
	"context"

	"hoithi/contests/quiz"
)

// The fraud flags of a round are found while its results are computed
// (an organizer's request after the round closed), never in the save or
// submit requests: those only keep the attempt's times, answers and the
// Client seen at start. The flags land on the standing lines, where the
// prize review reads them; recomputing the results finds them again from
// the same records, so they need no state of their own (safe with any
// number of instances).

// roundFlags collects what the flags need while the results builder reads
// the round's records.
type roundFlags struct {
	finder  *quiz.FlagFinder
	players []string
}

func newRoundFlags(r *quiz.Round) *roundFlags {
	return &roundFlags{finder: quiz.NewFlagFinder(r.Integrity)}
}

// add takes one record (after the results builder finalized it).
func (f *roundFlags) add(p *quiz.Participation) {
	f.finder.Add(p)
	f.players = append(f.players, p.UserID)
}

// find looks the players' accounts up (accountsBatch at a time) for the
// same-person rule and returns every player's flags, and their names as
// they are now (for the standing lines: the accounts are read once).
func (f *roundFlags) find(ctx context.Context, s *Server) (map[string][]quiz.Flag, map[string]string, error) {
	accounts := make([]quiz.Account, 0, len(f.players))
	for start := 0; start < len(f.players); start += accountsBatch {
		users, err := s.Store.UsersByIDs(ctx, f.players[start:min(start+accountsBatch, len(f.players))])
		if err != nil {
			return nil, nil, err
		}
		for _, u := range users {
			accounts = append(accounts, quiz.Account{UserID: u.ID, FullName: u.FullName, BirthDate: u.BirthDate, Phone: u.Phone})
		}
	}
	names := make(map[string]string, len(accounts))
	for _, a := range accounts {
		names[a.UserID] = a.FullName
	}
	return f.finder.Flags(accounts), names, nil
}

// accountsBatch is how many accounts one UsersByIDs call asks for.
const accountsBatch = 500
