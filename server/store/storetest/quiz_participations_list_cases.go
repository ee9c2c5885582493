package storetest

import (
	"cmp"
	"errors"
	"slices"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

func participantID(p *quiz.Participation) string { return p.UserID }

// byRoundThenUser orders records the way an order-free result is compared.
func byRoundThenUser(a, b *quiz.Participation) int {
	return cmp.Or(cmp.Compare(a.RoundID, b.RoundID), cmp.Compare(a.UserID, b.UserID))
}

// seedRound stores n records of g's round, finished and started alternately,
// and returns them in UserID order.
func seedRound(t *testing.T, s store.Store, g quizGame, n int) []*quiz.Participation {
	t.Helper()
	out := make([]*quiz.Participation, n)
	for i := range out {
		at := baseTime.Add(time.Duration(i) * time.Minute)
		if i%2 == 0 {
			out[i] = g.finished(t, store.NewID(), at)
		} else {
			out[i] = g.started(t, store.NewID(), at)
		}
		must(t, s.PutParticipation(t.Context(), out[i]))
	}
	slices.SortFunc(out, byRoundThenUser)
	return out
}

var errStopStreaming = errors.New("storetest: enough records")

func participationListCases() []contractCase {
	return []contractCase{
		{name: "participations/of a user in a contest, by round", run: func(t *testing.T, s store.Store) {
			contest := store.NewID()
			games := []quizGame{newQuizGame(t, contest, 1), newQuizGame(t, contest, 2), newQuizGame(t, store.NewID(), 1)}
			user, other := store.NewID(), store.NewID()
			var mine []*quiz.Participation
			for _, g := range games {
				p := g.finished(t, user, baseTime.Add(time.Hour))
				must(t, s.PutParticipation(t.Context(), p))
				mine = append(mine, p)
			}
			must(t, s.PutParticipation(t.Context(), games[0].finished(t, other, baseTime.Add(time.Hour))))

			want := slices.SortedFunc(slices.Values(mine[:2]), byRoundThenUser)
			got, err := s.ParticipationsOfUser(t.Context(), contest, user)
			must(t, err)
			sameStored(t, "ParticipationsOfUser", got, want)
			got, err = s.ParticipationsOfUser(t.Context(), games[2].round.ContestID, user)
			must(t, err)
			sameStored(t, "ParticipationsOfUser(other contest)", got, mine[2:])
			got, err = s.ParticipationsOfUser(t.Context(), contest, store.NewID())
			must(t, err)
			sameStored(t, "ParticipationsOfUser(nobody)", got, []*quiz.Participation(nil))
		}},
		{name: "participations/expired are in-progress records past their deadline", run: func(t *testing.T, s store.Store) {
			g, g2 := newQuizGame(t, store.NewID(), 1), newQuizGame(t, store.NewID(), 1)
			t0 := baseTime.Add(5 * time.Hour)
			limit := g.round.TimeLimit()
			put := func(p *quiz.Participation) *quiz.Participation {
				must(t, s.PutParticipation(t.Context(), p))
				return p
			}
			long := put(g.started(t, store.NewID(), t0.Add(-limit-20*time.Minute)))
			recent := put(g.started(t, store.NewID(), t0.Add(-limit-time.Minute)))
			elsewhere := put(g2.started(t, store.NewID(), t0.Add(-limit-5*time.Minute)))
			atDeadline := put(g.started(t, store.NewID(), t0.Add(-limit)))
			put(g.started(t, store.NewID(), t0.Add(-limit+time.Minute))) // still running
			put(g.finished(t, store.NewID(), t0.Add(-2*time.Hour)))      // nothing open
			// Attempt 1 submitted, attempt 2 begun 2½ hours ago: expired too.
			second := put(g.playing(t, store.NewID(), t0.Add(-3*time.Hour)))

			// A deadline equal to the instant is not before it.
			cut := atDeadline.OpenDeadline.Truncate(time.Millisecond)
			got, err := s.ExpiredParticipations(t.Context(), cut, 100)
			must(t, err)
			if n := len(got); n != 4 {
				t.Fatalf("ExpiredParticipations = %d records, want 4", n)
			}
			for _, p := range got {
				if p.OpenDeadline.IsZero() || !p.OpenDeadline.Before(cut) {
					t.Errorf("record of %s with deadline %v returned as expired at %v", p.UserID, p.OpenDeadline, cut)
				}
			}
			for _, p := range []*quiz.Participation{long, recent, elsewhere, second} {
				i := slices.IndexFunc(got, func(g *quiz.Participation) bool { return g.UserID == p.UserID })
				if i < 0 {
					t.Errorf("expired record of %s (deadline %v) missing", p.UserID, p.OpenDeadline)
					continue
				}
				sameStored(t, "expired Participation", got[i], p)
			}

			got, err = s.ExpiredParticipations(t.Context(), cut, 2)
			must(t, err)
			if len(got) != 2 {
				t.Errorf("ExpiredParticipations with limit 2 = %d records", len(got))
			}
			got, err = s.ExpiredParticipations(t.Context(), long.OpenDeadline.Truncate(time.Millisecond), 100)
			must(t, err)
			if !slices.Equal(IDs(got, participantID), []string{second.UserID}) {
				t.Errorf("ExpiredParticipations at the second earliest deadline = %v, want only %s", IDs(got, participantID), second.UserID)
			}
		}},
		{name: "participations/each streams a round in user order and stops on error", run: func(t *testing.T, s store.Store) {
			g, other := newQuizGame(t, store.NewID(), 1), newQuizGame(t, store.NewID(), 2)
			want := seedRound(t, s, g, 50)
			seedRound(t, s, other, 5)

			var got []*quiz.Participation
			must(t, s.EachParticipation(t.Context(), g.round.ID, func(p *quiz.Participation) error {
				got = append(got, p)
				return nil
			}))
			if !slices.Equal(IDs(got, participantID), IDs(want, participantID)) {
				t.Fatalf("EachParticipation order = %v\nwant %v", IDs(got, participantID), IDs(want, participantID))
			}
			sameStored(t, "EachParticipation", got, want)

			calls := 0
			err := s.EachParticipation(t.Context(), g.round.ID, func(*quiz.Participation) error {
				if calls++; calls == 10 {
					return errStopStreaming
				}
				return nil
			})
			if !errors.Is(err, errStopStreaming) || calls != 10 {
				t.Errorf("stopping stream: err = %v after %d calls, want the callback's error after 10", err, calls)
			}
			calls = 0
			must(t, s.EachParticipation(t.Context(), store.NewID(), func(*quiz.Participation) error { calls++; return nil }))
			if calls != 0 {
				t.Errorf("EachParticipation of an empty round called back %d times", calls)
			}
		}},
		{name: "participations/count per round", run: func(t *testing.T, s store.Store) {
			g, other := newQuizGame(t, store.NewID(), 1), newQuizGame(t, store.NewID(), 2)
			seedRound(t, s, g, 7)
			seedRound(t, s, other, 3)
			for _, tc := range []struct {
				round string
				want  int
			}{{g.round.ID, 7}, {other.round.ID, 3}, {store.NewID(), 0}} {
				n, err := s.CountParticipations(t.Context(), tc.round)
				must(t, err)
				if n != tc.want {
					t.Errorf("CountParticipations(%s) = %d, want %d", tc.round, n, tc.want)
				}
			}
		}},
	}
}
