package storetest

import (
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

func seatKey(s essay.Seat) string { return s.WorkID + "/" + s.JudgeID }

func essayRoundCases() []contractCase {
	return []contractCase{
		{name: "essay rounds/create, get and list by number", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			byNo := map[int]*essay.Round{}
			for _, no := range []int{2, 3, 1} {
				r := NewEssayRound(contest, no)
				must(t, s.CreateEssayRound(ctx, r))
				byNo[no] = r
			}
			must(t, s.CreateEssayRound(ctx, NewEssayRound(store.NewID(), 1)))

			for _, r := range byNo {
				got, err := s.EssayRound(ctx, r.ID)
				must(t, err)
				sameStored(t, "Round", got, r)
			}
			got, err := s.EssayRoundsOf(ctx, contest)
			must(t, err)
			if nos := IDs(got, func(r *essay.Round) int { return r.No }); !slices.Equal(nos, []int{1, 2, 3}) {
				t.Fatalf("EssayRoundsOf numbers = %v, want [1 2 3]", nos)
			}
			sameStored(t, "EssayRoundsOf", got, []*essay.Round{byNo[1], byNo[2], byNo[3]})

			got, err = s.EssayRoundsOf(ctx, store.NewID())
			must(t, err)
			if len(got) != 0 {
				t.Errorf("EssayRoundsOf a contest without rounds = %d rounds, want none", len(got))
			}
			_, err = s.EssayRound(ctx, store.NewID())
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "essay rounds/taken number or ID is a conflict", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			first := NewEssayRound(contest, 1)
			must(t, s.CreateEssayRound(ctx, first))
			twin := NewEssayRound(contest, 1)
			wantConflict(t, s.CreateEssayRound(ctx, twin), "no")
			_, err := s.EssayRound(ctx, twin.ID)
			wantCode(t, err, contests.CodeNotFound)
			// The same number in another contest is another round.
			must(t, s.CreateEssayRound(ctx, NewEssayRound(store.NewID(), 1)))

			again := NewEssayRound(contest, 2)
			again.ID = first.ID
			wantCode(t, s.CreateEssayRound(ctx, again), contests.CodeConflict)
			got, err := s.EssayRound(ctx, first.ID)
			must(t, err)
			sameStored(t, "Round after a refused create", got, first)
		}},
		{name: "essay rounds/update round-trips every field", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			r := NewEssayRound(store.NewID(), 1)
			must(t, s.CreateEssayRound(ctx, r))

			changed := *r
			changed.Name, changed.Kind, changed.Status = "Chung khảo", essay.RoundFinal, essay.RoundScoring
			changed.Rubric = essay.Rubric{Scale: 10, Step: 0.25, Criteria: []essay.Criterion{{Key: "tong", Name: "Tổng thể", Max: 10}}}
			changed.JudgesPerWork, changed.Policy, changed.Threshold = 3, essay.PolicyMajorityOrAverage, 1.5
			changed.Advance = essay.AdvanceRule{Mode: essay.AdvanceTopN, TopN: 3}
			changed.Panels = []essay.Panel{{Category: essay.CatRadio, JudgeIDs: []string{"judge-z"}}}
			changed.Seed = 42
			changed.UpdatedAt = r.UpdatedAt.Add(36*time.Hour + 250*time.Microsecond)
			must(t, s.UpdateEssayRound(ctx, &changed))
			got, err := s.EssayRound(ctx, r.ID)
			must(t, err)
			sameStored(t, "updated Round", got, &changed)

			wantCode(t, s.UpdateEssayRound(ctx, NewEssayRound(store.NewID(), 1)), contests.CodeNotFound)
		}},
	}
}

func seatCases() []contractCase {
	return []contractCase{
		{name: "seats/put inserts and replaces; listed by round and by judge", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			round, other := store.NewID(), store.NewID()
			// Given out of order, so a listing in key order cannot pass by
			// insertion order.
			seats := []essay.Seat{
				NewSeat(round, "work-b", "judge-2"),
				NewSeat(round, "work-a", "judge-2"),
				NewSeat(round, "work-b", "judge-1"),
				NewSeat(round, "work-c", "judge-1"),
				NewSeat(round, "work-a", "judge-1"),
			}
			seats[3].Kind = essay.ScoreThird
			must(t, s.PutSeats(ctx, seats))
			must(t, s.PutSeats(ctx, []essay.Seat{NewSeat(other, "work-a", "judge-1")}))
			must(t, s.PutSeats(ctx, nil))

			// judge-2 recuses from work-b: the same seat, replaced.
			recused := seats[0]
			recused.Recused, recused.AssignedAt = true, recused.AssignedAt.Add(time.Minute)
			must(t, s.PutSeats(ctx, []essay.Seat{recused}))

			got, err := s.SeatsOfRound(ctx, round)
			must(t, err)
			want := []essay.Seat{seats[4], seats[1], seats[2], recused, seats[3]}
			if !slices.Equal(IDs(got, seatKey), IDs(want, seatKey)) {
				t.Fatalf("SeatsOfRound = %v, want %v", IDs(got, seatKey), IDs(want, seatKey))
			}
			sameStored(t, "SeatsOfRound", got, want)

			got, err = s.SeatsOfJudge(ctx, round, "judge-2")
			must(t, err)
			sameStored(t, "SeatsOfJudge judge-2", got, []essay.Seat{seats[1], recused})
			got, err = s.SeatsOfJudge(ctx, round, "judge-1")
			must(t, err)
			if want := []string{"work-a/judge-1", "work-b/judge-1", "work-c/judge-1"}; !slices.Equal(IDs(got, seatKey), want) {
				t.Errorf("SeatsOfJudge judge-1 = %v, want %v", IDs(got, seatKey), want)
			}

			// Recusal undone: the flag goes back to false.
			back := recused
			back.Recused = false
			must(t, s.PutSeats(ctx, []essay.Seat{back}))
			got, err = s.SeatsOfJudge(ctx, round, "judge-2")
			must(t, err)
			sameStored(t, "SeatsOfJudge after the recusal was undone", got, []essay.Seat{seats[1], back})

			for _, empty := range [][2]string{{store.NewID(), "judge-1"}, {round, "judge-9"}} {
				got, err = s.SeatsOfJudge(ctx, empty[0], empty[1])
				must(t, err)
				if len(got) != 0 {
					t.Errorf("SeatsOfJudge(%s, %s) = %v, want none", empty[0], empty[1], IDs(got, seatKey))
				}
			}
		}},
	}
}
