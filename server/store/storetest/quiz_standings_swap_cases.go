package storetest

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

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
