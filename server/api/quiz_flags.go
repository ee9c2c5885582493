package api

import (
	"context"
	"errors"
	"slices"
	"sync"

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

// grow makes room for n more players (see quiz.ResultsBuilder.Grow).
func (f *roundFlags) grow(n int) {
	f.finder.Grow(n)
	f.players = slices.Grow(f.players, n)
}

// add takes one record (after the results builder finalized it).
func (f *roundFlags) add(p *quiz.Participation) {
	f.finder.Add(p)
	f.players = append(f.players, p.UserID)
}

// find looks the players' accounts up (accountsBatch at a time) for the
// same-person rule and returns every player's flags, and their names as
// they are now (for the standing lines: the accounts are read once).
func (f *roundFlags) find(ctx context.Context, s *Server) (*quiz.FoundFlags, *accountNames, error) {
	// The records came in UserID order: the names line up with the
	// players, and are found again by binary search.
	if !slices.IsSorted(f.players) {
		slices.Sort(f.players)
	}
	f.finder.EndAttempts()
	names := &accountNames{ids: slices.Compact(f.players)}
	names.names = make([]string, len(names.ids))
	f.players = nil
	// The accounts are read accountReaders batches at a time (the store
	// has a pool of readers), and folded in here as they come.
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	starts, read := make(chan int), make(chan []quiz.Account)
	errs := make([]error, accountReaders)
	var wg sync.WaitGroup
	for w := range accountReaders {
		wg.Go(func() {
			for start := range starts {
				batch := names.ids[start:min(start+accountsBatch, len(names.ids))]
				users, err := s.Store.UsersByIDs(ctx, batch)
				if err != nil {
					errs[w] = err
					cancel()
					return
				}
				accounts := make([]quiz.Account, 0, len(batch))
				for i, id := range batch {
					if u := users[id]; u != nil {
						accounts = append(accounts, quiz.Account{UserID: id, FullName: u.FullName, BirthDate: u.BirthDate, Phone: u.Phone})
						names.names[start+i] = u.FullName // each reader its own lines
					}
				}
				select {
				case read <- accounts:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(starts)
		for start := 0; start < len(names.ids); start += accountsBatch {
			select {
			case starts <- start:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(read) }()
	for accounts := range read {
		f.finder.AddAccounts(accounts)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	if err := parent.Err(); err != nil { // stopped before every batch was read
		return nil, nil, err
	}
	return f.finder.Find(nil), names, nil
}

// accountNames are the players' names by user ID, as two sorted slices
// rather than a map: a national round has half a million players.
type accountNames struct{ ids, names []string }

// of returns the person's name, "" when their account was not found.
func (n *accountNames) of(userID string) string {
	if i, ok := slices.BinarySearch(n.ids, userID); ok {
		return n.names[i]
	}
	return ""
}

// accountReaders is how many UsersByIDs calls run at once.
const accountReaders = 2

// accountsBatch is how many accounts one UsersByIDs call asks for.
const accountsBatch = 500
