package storetest

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

func standingUser(s quiz.Standing) string { return s.UserID }

// rankedStandings builds one line per rank of ranks (ties repeat a rank),
// returned shuffled the way a caller may pass them, and the order the store
// must give back: by Rank, then UserID.
func rankedStandings(roundID string, ranks ...int) (given, ordered []quiz.Standing) {
	for i, r := range ranks {
		given = append(given, newStanding(roundID, store.NewID(), r, i))
	}
	ordered = slices.SortedFunc(slices.Values(given), func(a, b quiz.Standing) int {
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.UserID, b.UserID))
	})
	slices.Reverse(given)
	return given, ordered
}

// wantPage asserts one page of Standings and the total.
func wantPage(t *testing.T, s store.Store, roundID string, offset, limit int, want []quiz.Standing, wantTotal int) {
	t.Helper()
	got, total, err := s.Standings(t.Context(), roundID, offset, limit)
	must(t, err)
	if total != wantTotal {
		t.Errorf("Standings(%d, %d) total = %d, want %d", offset, limit, total, wantTotal)
	}
	if !slices.Equal(IDs(got, standingUser), IDs(want, standingUser)) {
		t.Fatalf("Standings(%d, %d) users = %v, want %v", offset, limit, IDs(got, standingUser), IDs(want, standingUser))
	}
	sameStored(t, "Standings", got, want)
}

func standingCases() []contractCase {
	return []contractCase{
		{name: "standings/pages ordered by rank then user with the total", run: func(t *testing.T, s store.Store) {
			round := store.NewID()
			given, ordered := rankedStandings(round, 1, 2, 2, 4, 5, 5, 5, 8)
			must(t, s.ReplaceStandings(t.Context(), round, given))
			wantPage(t, s, round, 0, 100, ordered, 8)
			wantPage(t, s, round, 0, 3, ordered[:3], 8)
			wantPage(t, s, round, 3, 3, ordered[3:6], 8)
			wantPage(t, s, round, 6, 3, ordered[6:], 8)
			wantPage(t, s, round, 8, 3, nil, 8)
		}},
		{name: "standings/replacing drops every earlier line", run: func(t *testing.T, s store.Store) {
			round := store.NewID()
			first, _ := rankedStandings(round, 1, 2, 3, 4)
			must(t, s.ReplaceStandings(t.Context(), round, first))
			// Recomputed after a late correction: one person kept (now
			// second), the rest new.
			kept := first[0]
			kept.Rank, kept.Prize, kept.PrizeName = 2, "", ""
			fresh, _ := rankedStandings(round, 1, 3)
			second := append(fresh, kept)
			must(t, s.ReplaceStandings(t.Context(), round, second))
			ordered := slices.SortedFunc(slices.Values(second), func(a, b quiz.Standing) int { return cmp.Compare(a.Rank, b.Rank) })
			wantPage(t, s, round, 0, 100, ordered, 3)
			for _, gone := range first[1:] {
				_, err := s.StandingOf(t.Context(), round, gone.UserID)
				wantCode(t, err, contests.CodeNotFound)
			}
			must(t, s.ReplaceStandings(t.Context(), round, nil))
			wantPage(t, s, round, 0, 100, nil, 0)
		}},
		{name: "standings/replaced a batch at a time, all or nothing", run: func(t *testing.T, s store.Store) {
			round := store.NewID()
			first, firstOrdered := rankedStandings(round, 1, 2, 3)
			must(t, s.ReplaceStandings(t.Context(), round, first))
			given, ordered := rankedStandings(round, 1, 2, 2, 4, 5, 6, 7)
			batches := func(fail error) func() ([]quiz.Standing, error) {
				rest := slices.Clone(given)
				buf := make([]quiz.Standing, 3) // reused: the store must be done with a batch when it asks for the next
				return func() ([]quiz.Standing, error) {
					if len(rest) == 0 {
						return nil, nil
					}
					if fail != nil && len(rest) < len(given) {
						return nil, fail
					}
					n := copy(buf, rest)
					rest = rest[n:]
					return buf[:n], nil
				}
			}
			failed := contests.E(contests.CodeBusy, contests.T("Lỗi thử", "Test failure"))
			if err := s.ReplaceStandingsFrom(t.Context(), round, batches(failed)); err != failed {
				t.Fatalf("ReplaceStandingsFrom with a failing batch = %v, want its error as is", err)
			}
			wantPage(t, s, round, 0, 100, firstOrdered, 3)
			must(t, s.ReplaceStandingsFrom(t.Context(), round, batches(nil)))
			wantPage(t, s, round, 0, 100, ordered, 7)
			wantPage(t, s, round, 2, 3, ordered[2:5], 7)
			must(t, s.ReplaceStandingsFrom(t.Context(), round, store.OneBatch(nil)))
			wantPage(t, s, round, 0, 100, nil, 0)
		}},
		{name: "standings/one person's line, with and without prediction", run: func(t *testing.T, s store.Store) {
			round := store.NewID()
			given, _ := rankedStandings(round, 1, 2, 3)
			must(t, s.ReplaceStandings(t.Context(), round, given))
			withPrediction, without := 0, 0
			for _, want := range given {
				got, err := s.StandingOf(t.Context(), round, want.UserID)
				must(t, err)
				sameStored(t, "StandingOf", got, &want)
				if want.Prediction != nil {
					withPrediction++
				} else {
					without++
				}
			}
			if withPrediction == 0 || without == 0 {
				t.Fatalf("fixture has %d lines with a prediction and %d without; want both", withPrediction, without)
			}
			_, err := s.StandingOf(t.Context(), round, store.NewID())
			wantCode(t, err, contests.CodeNotFound)
			_, err = s.StandingOf(t.Context(), store.NewID(), given[0].UserID)
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "standings/rounds and the overall table are separate", run: func(t *testing.T, s store.Store) {
			contest := store.NewID()
			week1, week2, overall := store.NewID(), store.NewID(), quiz.OverallRoundID(contest)
			g1, o1 := rankedStandings(week1, 1, 2, 3)
			g2, o2 := rankedStandings(week2, 1, 1)
			// The overall table ranks the same people again.
			var g3 []quiz.Standing
			for i, line := range o1 {
				line.RoundID, line.Rank = overall, 3-i
				g3 = append(g3, line)
			}
			o3 := slices.Clone(g3)
			slices.Reverse(o3)
			for _, rs := range []struct {
				round string
				rows  []quiz.Standing
			}{{week1, g1}, {week2, g2}, {overall, g3}} {
				must(t, s.ReplaceStandings(t.Context(), rs.round, rs.rows))
			}
			must(t, s.ReplaceStandings(t.Context(), week2, g2)) // republishing one round leaves the others
			wantPage(t, s, week1, 0, 10, o1, 3)
			wantPage(t, s, week2, 0, 10, o2, 2)
			wantPage(t, s, overall, 0, 10, o3, 3)
			got, err := s.StandingOf(t.Context(), overall, o1[0].UserID)
			must(t, err)
			if got.Rank != 3 || got.RoundID != overall {
				t.Errorf("overall line of week 1's winner: rank %d in %q, want 3 in %q", got.Rank, got.RoundID, overall)
			}
			_, err = s.StandingOf(t.Context(), week2, o1[0].UserID)
			wantCode(t, err, contests.CodeNotFound)
		}},
	}
}

// standingSwapCases check that a republished table replaces the old one
// whole: a reader during the replacement sees the old table or the new one,
// never none, part, or a mix (SQLite: one transaction; MongoDB: a new
// generation, then one pointer update, see mongo/quiz_standings.go).
func standingSwapCases() []contractCase {
	return []contractCase{
		{name: "standings/readers see the old or the new table whole while it is replaced", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			round := store.NewID()
			// Generation g has 20+5g lines, each named "g<g>".
			table := func(g int) []quiz.Standing {
				rows := make([]quiz.Standing, 20+5*g)
				for i := range rows {
					rows[i] = newStanding(round, fmt.Sprintf("u%03d", i), i+1, i)
					rows[i].FullName = fmt.Sprint("g", g)
				}
				return rows
			}
			must(t, s.ReplaceStandings(ctx, round, table(0)))
			const generations = 4
			var done atomic.Bool
			var wg sync.WaitGroup
			var reads atomic.Int64
			wg.Add(1)
			go func() {
				defer wg.Done()
				for !done.Load() || reads.Load() == 0 {
					rows, total, err := s.Standings(ctx, round, 0, 100)
					if err != nil {
						t.Errorf("Standings during a replace: %v", err)
						return
					}
					reads.Add(1)
					if len(rows) == 0 || len(rows) != total {
						t.Errorf("a reader saw %d lines of a total of %d, want a whole table", len(rows), total)
						return
					}
					g := rows[0].FullName
					for _, r := range rows {
						if r.FullName != g {
							t.Errorf("a reader saw lines of %s and of %s together", g, r.FullName)
							return
						}
					}
					if want := len(table(int(g[1] - '0'))); total != want {
						t.Errorf("a reader saw %s with %d lines, want %d", g, total, want)
						return
					}
				}
			}()
			for g := 1; g <= generations; g++ {
				must(t, s.ReplaceStandings(ctx, round, table(g)))
			}
			done.Store(true)
			wg.Wait()
			rows, total, err := s.Standings(ctx, round, 0, 100)
			must(t, err)
			if want := len(table(generations)); total != want || len(rows) != want || rows[0].FullName != fmt.Sprint("g", generations) {
				t.Fatalf("after the last replace: %d lines of %d named %q, want %d of g%d", len(rows), total, rows[0].FullName, want, generations)
			}
			got, err := s.StandingOf(ctx, round, "u000")
			must(t, err)
			if got.FullName != fmt.Sprint("g", generations) {
				t.Fatalf("StandingOf after the last replace = %q, want g%d", got.FullName, generations)
			}
		}},
	}
}
