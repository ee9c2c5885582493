package storetest

import (
	"sync"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// reload reads a record back, failing the test when it cannot.
func reload(t *testing.T, s store.Store, p *quiz.Participation) *quiz.Participation {
	t.Helper()
	got, err := s.Participation(t.Context(), p.RoundID, p.UserID)
	must(t, err)
	return got
}

func participationCases() []contractCase {
	return []contractCase{
		{name: "participations/insert and read back the whole record", run: func(t *testing.T, s store.Store) {
			g := newQuizGame(t, store.NewID(), 1)
			at := baseTime.Add(2 * time.Hour)
			for _, tc := range []struct {
				shape string
				p     *quiz.Participation
			}{
				{"started, nothing saved", g.started(t, store.NewID(), at)},
				{"one attempt submitted", g.finished(t, store.NewID(), at)},
				{"submitted, second in progress", g.playing(t, store.NewID(), at)},
			} {
				must(t, s.PutParticipation(t.Context(), tc.p))
				sameStored(t, "Participation("+tc.shape+")", reload(t, s, tc.p), tc.p)
			}
		}},
		{name: "participations/unknown record is not found", run: func(t *testing.T, s store.Store) {
			g := newQuizGame(t, store.NewID(), 1)
			p := g.started(t, store.NewID(), baseTime)
			must(t, s.PutParticipation(t.Context(), p))
			for _, key := range [][2]string{{p.RoundID, store.NewID()}, {store.NewID(), p.UserID}} {
				_, err := s.Participation(t.Context(), key[0], key[1])
				wantCode(t, err, contests.CodeNotFound)
			}
		}},
		{name: "participations/insert over an existing record is a conflict", run: func(t *testing.T, s store.Store) {
			g := newQuizGame(t, store.NewID(), 1)
			user := store.NewID()
			first := g.started(t, user, baseTime.Add(time.Hour))
			must(t, s.PutParticipation(t.Context(), first))
			// Another device started at the same moment: both think they
			// insert; the second must reload and resume.
			second := g.started(t, user, baseTime.Add(time.Hour+time.Second))
			wantCode(t, s.PutParticipation(t.Context(), second), contests.CodeConflict)
			sameStored(t, "Participation", reload(t, s, first), first)
		}},
		{name: "participations/stale or skipped version is a conflict and changes nothing", run: func(t *testing.T, s store.Store) {
			g := newQuizGame(t, store.NewID(), 1)
			at := baseTime.Add(time.Hour)
			p := g.playing(t, store.NewID(), at)
			must(t, s.PutParticipation(t.Context(), p))
			winner := reload(t, s, p)
			loser := reload(t, s, p)
			g.next(t, winner, 3, at.Add(32*time.Minute))
			must(t, s.PutParticipation(t.Context(), winner))

			g.next(t, loser, 4, at.Add(33*time.Minute)) // based on version 1, stored is 2
			wantCode(t, s.PutParticipation(t.Context(), loser), contests.CodeConflict)
			skipped := reload(t, s, p)
			g.next(t, skipped, 5, at.Add(34*time.Minute))
			skipped.Version++ // 4 over a stored 2
			wantCode(t, s.PutParticipation(t.Context(), skipped), contests.CodeConflict)
			sameStored(t, "Participation", reload(t, s, p), winner)

			// An update of a record never inserted has no base to match.
			ghost := g.playing(t, store.NewID(), at)
			ghost.Version = 2
			wantCode(t, s.PutParticipation(t.Context(), ghost), contests.CodeConflict)
			_, err := s.Participation(t.Context(), ghost.RoundID, ghost.UserID)
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "participations/version chain through the transitions", run: func(t *testing.T, s store.Store) {
			g := newQuizGame(t, store.NewID(), 1)
			at := baseTime.Add(time.Hour)
			p := g.started(t, store.NewID(), at)
			must(t, s.PutParticipation(t.Context(), p))
			// Every step reloads, changes and writes back, as the service does.
			steps := []func(p *quiz.Participation){
				func(p *quiz.Participation) { g.answer(t, p, 1, 3, at.Add(time.Minute)) },
				func(p *quiz.Participation) { g.finish(t, p, 1, 77, at.Add(2*time.Minute)) },
				func(p *quiz.Participation) { g.start(t, p, at.Add(time.Hour)) },
			}
			for i, step := range steps {
				want := reload(t, s, p)
				step(want)
				want.Version++
				must(t, s.PutParticipation(t.Context(), want))
				got := reload(t, s, p)
				if got.Version != int64(i+2) {
					t.Fatalf("after step %d version = %d, want %d", i+1, got.Version, i+2)
				}
				sameStored(t, "Participation", got, want)
			}
			if got := reload(t, s, p); len(got.Attempts) != 2 || got.Counted == nil || got.OpenDeadline.IsZero() {
				t.Errorf("final record: %d attempts, counted %v, open deadline %v; want 2, set, set",
					len(got.Attempts), got.Counted, got.OpenDeadline)
			}
		}},
		{name: "participations/concurrent writes from one version: exactly one wins", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			g := newQuizGame(t, store.NewID(), 1)
			at := baseTime.Add(time.Hour)
			p := g.started(t, store.NewID(), at)
			must(t, s.PutParticipation(t.Context(), p))
			const racers = 16
			results := make([]error, racers)
			records := make([]*quiz.Participation, racers)
			var loaded, done sync.WaitGroup
			loaded.Add(racers)
			start := make(chan struct{})
			for i := range racers {
				done.Go(func() {
					rec, err := s.Participation(t.Context(), p.RoundID, p.UserID)
					loaded.Done()
					if err != nil {
						results[i] = err
						return
					}
					// Each racer ticks another option of the same question.
					it := rec.Attempts[0].Paper.Items[0]
					if _, err := rec.SaveAnswer(1, it.QuestionID, it.OptionOrder[i%len(it.OptionOrder):][:1], int64(i+1), at.Add(time.Minute)); err != nil {
						results[i] = err
						return
					}
					rec.Version++
					records[i] = rec
					<-start
					results[i] = s.PutParticipation(t.Context(), rec)
				})
			}
			loaded.Wait() // every racer holds version 1 before anyone writes
			close(start)
			done.Wait()
			winner, conflicts := -1, 0
			for i, err := range results {
				switch contests.ErrorCode(err) {
				case "":
					winner = i
				case contests.CodeConflict:
					conflicts++
				default:
					t.Errorf("racer %d: %v", i, err)
				}
			}
			if winner < 0 || conflicts != racers-1 {
				t.Fatalf("%d conflicts and winner %d, want 1 success and %d conflicts", conflicts, winner, racers-1)
			}
			sameStored(t, "Participation", reload(t, s, p), records[winner])
		}},
	}
}
