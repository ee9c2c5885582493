package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
	"hoithi/server/store/storetest"
)

func openQuizTemp(t *testing.T) storetest.QuizStore {
	t.Helper()
	return openTemp(t).(*DB)
}

func TestQuizContract(t *testing.T) {
	storetest.RunQuiz(t, openQuizTemp, storetest.Options{Engine: "sqlite", Atomic: true})
}

// paperSize is a long national-style paper: every answer save rewrites a
// record of this many items and answers.
const paperSize = 20

// quizPlay is a round of paperSize questions and its compiled bank.
type quizPlay struct {
	round *quiz.Round
	plan  *quiz.Plan
	at    time.Time
}

func newQuizPlay(tb testing.TB) quizPlay {
	tb.Helper()
	at := time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	r := storetest.NewQuizRound(store.NewID(), 1, at)
	r.Blueprint = quiz.Blueprint{Quotas: []quiz.Quota{{N: paperSize}}}
	plan, err := quiz.Prepare(storetest.NewQuizBank("b", paperSize+4), r.Blueprint)
	if err != nil {
		tb.Fatal(err)
	}
	return quizPlay{round: r, plan: plan, at: at.Add(time.Hour)}
}

// started returns userID's record with attempt 1 begun and answers saved
// for the first n questions.
func (q quizPlay) started(tb testing.TB, userID string, n int) *quiz.Participation {
	tb.Helper()
	p := &quiz.Participation{RoundID: q.round.ID, UserID: userID, ContestID: q.round.ContestID, UnitPath: "/t/h/x/", Version: 1}
	id := store.NewID()
	paper, err := q.plan.Draw(quiz.AttemptSeed([]byte("secret"), id))
	if err != nil {
		tb.Fatal(err)
	}
	if _, _, err := p.Start(q.round, id, paper, q.plan.Key(), q.at); err != nil {
		tb.Fatal(err)
	}
	for i, it := range paper.Items[:n] {
		if _, err := p.SaveAnswer(1, it.QuestionID, it.OptionOrder[:1], 1, q.at.Add(time.Duration(i)*time.Second)); err != nil {
			tb.Fatal(err)
		}
	}
	return p
}

// The columns beside the JSON are what the expiry sweep and the live
// leaderboard index read, so they must follow every write of the record.
func TestParticipationColumnsFollowTheRecord(t *testing.T) {
	db := openTemp(t).(*DB)
	ctx := t.Context()
	q := newQuizPlay(t)
	p := q.started(t, store.NewID(), 5)
	type columns struct {
		version                                  int64
		openDeadline, score, duration, submitted sql.NullInt64
	}
	read := func() columns {
		var c columns
		err := db.reader.QueryRowContext(ctx, `SELECT version, open_deadline_ms, counted_score, counted_duration_ms, counted_submitted_ms
			FROM quiz_participations WHERE round_id = ? AND user_id = ?`, p.RoundID, p.UserID).
			Scan(&c.version, &c.openDeadline, &c.score, &c.duration, &c.submitted)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	ms := func(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: true} }

	if err := db.PutParticipation(ctx, p); err != nil {
		t.Fatal(err)
	}
	want := columns{version: 1, openDeadline: ms(p.OpenDeadline.UnixMilli())}
	if got := read(); got != want {
		t.Errorf("in progress: columns %+v, want %+v", got, want)
	}

	if _, _, err := p.Submit(1, q.plan.Key(), q.at.Add(4*time.Minute+123*time.Millisecond), q.round.Policy); err != nil {
		t.Fatal(err)
	}
	p.Version++
	if err := db.PutParticipation(ctx, p); err != nil {
		t.Fatal(err)
	}
	c := p.Counted
	want = columns{version: 2, score: ms(int64(c.Score)), duration: ms(c.DurationMs), submitted: ms(c.SubmittedAt.UnixMilli())}
	if got := read(); got != want || c.DurationMs != 240_123 {
		t.Errorf("submitted: columns %+v, want %+v (duration %d ms)", got, want, c.DurationMs)
	}
}

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

// BenchmarkPutParticipation is one answer save: read the record of a
// 20-question attempt with 20 answers, change one answer, write it back.
func BenchmarkPutParticipation(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	q := newQuizPlay(b)
	p := q.started(b, store.NewID(), paperSize)
	if err := db.PutParticipation(b.Context(), p); err != nil {
		b.Fatal(err)
	}
	items := p.Attempts[0].Paper.Items
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		rec, err := db.Participation(b.Context(), p.RoundID, p.UserID)
		if err != nil {
			b.Fatal(err)
		}
		it := items[i%len(items)]
		if _, err := rec.SaveAnswer(1, it.QuestionID, it.OptionOrder[i%2:][:1], int64(i+2), q.at.Add(time.Minute)); err != nil {
			b.Fatal(err)
		}
		rec.Version++
		if err := db.PutParticipation(b.Context(), rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplaceStandings publishes a province's results: run it with
// -benchtime=1x; one op is 500,000 lines.
func BenchmarkReplaceStandings(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	round := store.NewID()
	rows := standingsRows(round, 500_000)
	for b.Loop() {
		if err := db.ReplaceStandings(b.Context(), round, rows); err != nil {
			b.Fatal(err)
		}
	}
}
