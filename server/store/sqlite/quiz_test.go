package sqlite

import (
	"database/sql"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
	"hoithi/server/store/storetest"
)

// Should the quiz types outgrow the hand-written copy code, the store runs
// without the participation cache (participation_schema.go): that path
// keeps the contract too.
func TestQuizContractWithoutCache(t *testing.T) {
	open := func(t *testing.T) store.Store {
		db := openTemp(t).(*DB)
		db.participations.enabled = false
		return db
	}
	storetest.Run(t, open, storetest.Options{Engine: "sqlite (record cache off)", Atomic: true})
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
	paper := q.startAttempt(tb, p, q.at)
	for i, it := range paper.Items[:n] {
		if _, err := p.SaveAnswer(1, it.QuestionID, it.OptionOrder[:1], 1, q.at.Add(time.Duration(i)*time.Second)); err != nil {
			tb.Fatal(err)
		}
	}
	return p
}

// played returns userID's record with final attempts submitted (each with
// every question answered) and one more attempt begun and fully answered:
// a record of several attempts, as regular players have by the end of a
// round.
func (q quizPlay) played(tb testing.TB, userID string, final int) *quiz.Participation {
	tb.Helper()
	p := q.started(tb, userID, paperSize)
	for no := 1; no <= final; no++ {
		at := q.at.Add(time.Duration(no) * 10 * time.Minute)
		if _, _, err := p.Submit(no, q.plan.Key(), at, q.round.Policy); err != nil {
			tb.Fatal(err)
		}
		paper := q.startAttempt(tb, p, at)
		for i, it := range paper.Items {
			if _, err := p.SaveAnswer(no+1, it.QuestionID, it.OptionOrder[:1], int64(i+1), at); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return p
}

// startAttempt begins p's next attempt at at, on a paper drawn for it as
// the server draws one, and returns that paper.
func (q quizPlay) startAttempt(tb testing.TB, p *quiz.Participation, at time.Time) quiz.Paper {
	tb.Helper()
	id := store.NewID()
	paper, err := q.plan.Draw(quiz.AttemptSeed([]byte("secret"), id))
	if err != nil {
		tb.Fatal(err)
	}
	if _, _, err := p.Start(q.round, id, paper, q.plan.Key(), at); err != nil {
		tb.Fatal(err)
	}
	return paper
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
