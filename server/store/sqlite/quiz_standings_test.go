package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// ReplaceStandings writes full batches through one prepared statement and
// the rest through another: check counts at and around the batch size.
func TestReplaceStandingsAcrossBatches(t *testing.T) {
	db := openTemp(t).(*DB)
	ctx := t.Context()
	round := store.NewID()
	for _, n := range []int{2*standingsPerInsert + 34, standingsPerInsert, 1, standingsPerInsert - 1} {
		rows := standingsRows(round, n)
		if err := db.ReplaceStandings(ctx, round, rows); err != nil {
			t.Fatalf("%d rows: %v", n, err)
		}
		page, total, err := db.Standings(ctx, round, n-2, 10)
		if err != nil {
			t.Fatal(err)
		}
		if total != n || len(page) != min(n, 2) || page[len(page)-1].UserID != rows[n-1].UserID {
			t.Errorf("%d rows: total %d, last page %d lines ending with %v; want %d, %d, %s",
				n, total, len(page), page[len(page)-1].UserID, n, min(n, 2), rows[n-1].UserID)
		}
	}
}

// standingsRows builds n lines ranked 1..n with user IDs in rank order.
func standingsRows(roundID string, n int) []quiz.Standing {
	rows := make([]quiz.Standing, n)
	at := time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	for i := range rows {
		rows[i] = quiz.Standing{RoundID: roundID, Rank: i + 1, UserID: fmt.Sprintf("u%07d", i),
			FullName: "Trần Văn Bình", UnitPath: "/t/h/x/", AttemptNo: 1, Attempts: 2, Score: 20, Correct: 20, Total: 20,
			DurationMs: int64(60_000 + i), StartedAt: at, SubmittedAt: at.Add(time.Minute)}
	}
	return rows
}

// The total comes from quiz_standings_totals, written with the lines: it
// must follow every republish, shorter ones included, round by round.
func TestStandingsTotalFollowsReplace(t *testing.T) {
	db := openTemp(t).(*DB)
	ctx := t.Context()
	round, other := store.NewID(), store.NewID()
	if err := db.ReplaceStandings(ctx, other, standingsRows(other, 7)); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{12, 3, 0, 5} {
		if err := db.ReplaceStandings(ctx, round, standingsRows(round, n)); err != nil {
			t.Fatalf("%d rows: %v", n, err)
		}
		page, total, err := db.Standings(ctx, round, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		if total != n || len(page) != n {
			t.Errorf("after publishing %d lines: total %d, page of %d", n, total, len(page))
		}
	}
	if _, total, err := db.Standings(ctx, other, 0, 1); err != nil || total != 7 {
		t.Errorf("other round: total %d (%v), want 7", total, err)
	}
	if _, total, err := db.Standings(ctx, store.NewID(), 0, 1); err != nil || total != 0 {
		t.Errorf("unpublished round: total %d (%v), want 0", total, err)
	}
}

// Standings published before the totals table existed get their totals
// from the migration that creates it.
func TestStandingsTotalsMigrationCountsExistingLines(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", dsn(path, "journal_mode(WAL)"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations {
		if m.version >= 4 {
			break
		}
		if err := applyMigration(ctx, old, m); err != nil {
			t.Fatal(err)
		}
	}
	counts := map[string]int{"r1": 3, "r2": 1}
	for round, n := range counts {
		for i := range n {
			if _, err := old.ExecContext(ctx, `INSERT INTO quiz_standings VALUES (?, ?, ?, '{}')`, round, i+1, fmt.Sprint("u", i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	old.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for round, n := range counts {
		if _, total, err := db.Standings(ctx, round, 0, 1); err != nil || total != n {
			t.Errorf("%s after migrating: total %d (%v), want %d", round, total, err, n)
		}
	}
}

// BenchmarkReplaceStandings publishes a province's results: run it with
// -benchtime=1x; one op is 500,000 lines, their users in no order (as
// ranked people are).
func BenchmarkReplaceStandings(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	round := store.NewID()
	rows := standingsRows(round, 500_000)
	for i := range rows {
		rows[i].UserID = fmt.Sprintf("u%07d", i*7919%len(rows))
	}
	for b.Loop() {
		if err := db.ReplaceStandings(b.Context(), round, rows); err != nil {
			b.Fatal(err)
		}
	}
}
