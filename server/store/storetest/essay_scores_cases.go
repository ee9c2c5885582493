package storetest

import (
	"slices"
	"sync"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

func scoreKey(s essay.Score) string { return s.WorkID + "/" + s.JudgeID }

func reloadScore(t *testing.T, s store.Store, sc *essay.Score) *essay.Score {
	t.Helper()
	got, err := s.Score(t.Context(), sc.RoundID, sc.WorkID, sc.JudgeID)
	must(t, err)
	return got
}

// raceOutcome counts what concurrent writers got: the index of the one
// that succeeded (-1 when none did) and how many got a conflict. Any other
// error fails t.
func raceOutcome(t *testing.T, results []error) (winner, conflicts int) {
	t.Helper()
	winner = -1
	for i, err := range results {
		switch contests.ErrorCode(err) {
		case "":
			if winner >= 0 {
				t.Errorf("racers %d and %d both succeeded", winner, i)
			}
			winner = i
		case contests.CodeConflict:
			conflicts++
		default:
			t.Errorf("racer %d: unexpected error %v", i, err)
		}
	}
	return winner, conflicts
}

func scoreCases() []contractCase {
	return []contractCase{
		{name: "scores/put follows the version chain; stale versions conflict", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			draft := NewScore(store.NewID(), "work-a", "judge-1", 72.5)
			draft.Status, draft.SubmittedAt, draft.Comment = essay.ScoreDraft, time.Time{}, ""
			draft.Criteria = map[string]float64{"noi_dung": 45.5}
			must(t, s.PutScore(ctx, draft))
			sameStored(t, "Score v1", reloadScore(t, s, draft), draft)

			// A second first version (another tab of the same judge) loses.
			dup := *draft
			dup.Total = 10
			wantCode(t, s.PutScore(ctx, &dup), contests.CodeConflict)

			v2 := NewScore(draft.RoundID, draft.WorkID, draft.JudgeID, 80)
			v2.Version = 2
			must(t, s.PutScore(ctx, v2))
			sameStored(t, "Score v2", reloadScore(t, s, draft), v2)

			for _, version := range []int64{2, 1, 4} {
				stale := *v2
				stale.Version, stale.Total = version, 1
				wantCode(t, s.PutScore(ctx, &stale), contests.CodeConflict)
			}
			sameStored(t, "Score after stale writes", reloadScore(t, s, draft), v2)

			// A later version of a sheet never written is not an insert.
			ahead := NewScore(draft.RoundID, "work-b", "judge-1", 50)
			ahead.Version = 2
			wantCode(t, s.PutScore(ctx, ahead), contests.CodeConflict)
			_, err := s.Score(ctx, ahead.RoundID, ahead.WorkID, ahead.JudgeID)
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "scores/listed by work then judge, criteria round-trip", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			round := store.NewID()
			in := []*essay.Score{
				NewScore(round, "work-b", "judge-2", 61),
				NewScore(round, "work-a", "judge-2", 88.25),
				NewScore(round, "work-b", "judge-1", 59.5),
				NewScore(round, "work-a", "judge-1", 90),
			}
			in[0].Kind = essay.ScoreThird
			in[1].Criteria = map[string]float64{"noi_dung": 55.25, "hinh_thuc": 16.5, "sang_tao": 0}
			for _, sc := range in {
				must(t, s.PutScore(ctx, sc))
			}
			must(t, s.PutScore(ctx, NewScore(store.NewID(), "work-a", "judge-1", 1)))

			got, err := s.ScoresOfRound(ctx, round)
			must(t, err)
			want := []essay.Score{*in[3], *in[1], *in[2], *in[0]}
			if !slices.Equal(IDs(got, scoreKey), IDs(want, scoreKey)) {
				t.Fatalf("ScoresOfRound = %v, want %v", IDs(got, scoreKey), IDs(want, scoreKey))
			}
			sameStored(t, "ScoresOfRound", got, want)
			if c := got[1].Criteria; len(c) != 3 || c["sang_tao"] != 0 || c["noi_dung"] != 55.25 {
				t.Errorf("criteria = %v, want three with a zero kept", c)
			}

			got, err = s.ScoresOfRound(ctx, store.NewID())
			must(t, err)
			if len(got) != 0 {
				t.Errorf("ScoresOfRound of a round without sheets = %v, want none", IDs(got, scoreKey))
			}
			_, err = s.Score(ctx, round, "work-a", "judge-9")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "scores/concurrent writes of one version: exactly one wins", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			first := NewScore(store.NewID(), "work-a", "judge-1", 50)
			must(t, s.PutScore(ctx, first))
			const racers = 10
			results := make([]error, racers)
			sheets := make([]*essay.Score, racers)
			start := make(chan struct{})
			var done sync.WaitGroup
			for i := range racers {
				sheets[i] = NewScore(first.RoundID, first.WorkID, first.JudgeID, float64(60+i))
				sheets[i].Version = 2
				done.Go(func() {
					<-start
					results[i] = s.PutScore(ctx, sheets[i])
				})
			}
			close(start)
			done.Wait()
			winner, conflicts := raceOutcome(t, results)
			if winner < 0 || conflicts != racers-1 {
				t.Fatalf("one winner and %d conflicts expected, got winner %d and %d conflicts", racers-1, winner, conflicts)
			}
			sameStored(t, "Score after the race", reloadScore(t, s, first), sheets[winner])
		}},
	}
}
