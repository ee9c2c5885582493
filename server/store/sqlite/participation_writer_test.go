package sqlite

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// Many people saving at once share commits; each write still gets its own
// outcome, and racing writes on one record leave exactly one winner.
func TestGroupCommitKeepsEachOutcome(t *testing.T) {
	db := openTemp(t).(*DB)
	q := newQuizPlay(t)
	const people, saves = 24, 8
	var wg sync.WaitGroup
	errs := make(chan error, people*saves)
	records := make([]*quiz.Participation, people)
	for u := range records {
		records[u] = q.started(t, fmt.Sprintf("u%02d", u), 0)
	}
	for u, p := range records {
		wg.Go(func() {
			if err := db.PutParticipation(t.Context(), p); err != nil {
				errs <- err
				return
			}
			for i := range saves {
				it := p.Attempts[0].Paper.Items[i]
				if _, err := p.SaveAnswer(1, it.QuestionID, it.OptionOrder[:1], int64(i+1), q.at.Add(time.Minute)); err != nil {
					errs <- err
					return
				}
				p.Version++
				if err := db.PutParticipation(t.Context(), p); err != nil {
					errs <- fmt.Errorf("u%02d v%d: %w", u, p.Version, err)
				}
			}
		})
	}
	shared := q.started(t, "shared", 0)
	mustPut(t, db, shared)
	outcomes := make([]error, 6)
	for i := range outcomes {
		rec := cloneParticipation(shared)
		rec.Version++
		rec.UpdatedAt = rec.UpdatedAt.Add(time.Duration(i+1) * time.Second)
		wg.Go(func() { outcomes[i] = db.PutParticipation(context.Background(), rec) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	won := 0
	for _, err := range outcomes {
		switch contests.ErrorCode(err) {
		case "":
			won++
		case contests.CodeConflict:
		default:
			t.Errorf("racing write: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d racing writes from one base version won, want exactly 1", won)
	}
	for u := range people {
		p := &quiz.Participation{RoundID: q.round.ID, UserID: fmt.Sprintf("u%02d", u)}
		if got := rowOf(t, db, p); got.Version != saves+1 || len(got.Attempts[0].Answers) != saves {
			t.Errorf("u%02d: version %d with %d answers, want %d with %d", u, got.Version, len(got.Attempts[0].Answers), saves+1, saves)
		}
	}
}

// A write whose caller gave up before its batch ran is not applied, and
// the cache does not pretend it was.
func TestCancelledWriteIsNotApplied(t *testing.T) {
	db, _, p := storedPlay(t, quizPlay.started, 1)
	rec := mustRead(t, db, p)
	rec.Version++
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := db.PutParticipation(ctx, rec); contests.ErrorCode(err) != contests.CodeInternal {
		t.Fatalf("write with a cancelled context: %v, want an internal error", err)
	}
	if got := mustRead(t, db, p); got.Version != 1 || rowOf(t, db, p).Version != 1 {
		t.Errorf("after a cancelled write: cached version %d, row version %d; want 1 and 1", got.Version, rowOf(t, db, p).Version)
	}
}

func TestReadAfterCloseFails(t *testing.T) {
	db, _, p := storedPlay(t, quizPlay.started, 1)
	mustRead(t, db, p)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Participation(t.Context(), p.RoundID, p.UserID); err == nil {
		t.Error("read after Close served a record")
	}
	if err := db.PutParticipation(t.Context(), p); err == nil {
		t.Error("write after Close succeeded")
	}
}
