package api

import (
	"context"
	"sync"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// slowExpired hands every sweeper the same batch, as two instances
// sweeping at the same moment get.
type slowExpired struct{ store.Store }

func (s slowExpired) ExpiredParticipations(ctx context.Context, t time.Time, limit int) ([]*quiz.Participation, error) {
	ps, err := s.Store.ExpiredParticipations(ctx, t, limit)
	time.Sleep(50 * time.Millisecond)
	return ps, err
}

// Two sweepers on one store finalizing the same abandoned attempts: each
// counts only what it finalized, so the counts add up to the attempts.
func TestTwoSweepersCountWhatEachFinalized(t *testing.T) {
	eachAtomicStore(t, "both sweepers' writes could win", func(t *testing.T, st store.Store) {
		e := newEnv(t, st, Limits{})
		f := newQuizFixture(t, e)
		const people = 4
		for i := range people {
			tok, _ := e.register(1+i, "W1-A")
			if r := f.start(tok); r.Status != 201 {
				t.Fatalf("start: %d %s", r.Status, r.Raw)
			}
		}
		e.now = e.now.Add(11 * time.Minute)
		slow := slowExpired{e.store}
		a := NewServer(Deps{Store: slow, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }})
		b := NewServer(Deps{Store: slow, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }})
		var wg sync.WaitGroup
		counts := make([]int, 2)
		for i, srv := range []*Server{a, b} {
			wg.Go(func() {
				n, err := srv.SweepExpired(t.Context())
				if err != nil {
					t.Errorf("sweep: %v", err)
				}
				counts[i] = n
			})
		}
		wg.Wait()
		if counts[0]+counts[1] != people {
			t.Fatalf("sweepers counted %v, want %d in all (each finalized attempt once)", counts, people)
		}
	})
}
