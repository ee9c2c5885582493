package sqlite

import (
	"reflect"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// rowOf reads the record straight from SQL, past the cache.
func rowOf(t *testing.T, db *DB, p *quiz.Participation) *quiz.Participation {
	t.Helper()
	got, err := scanParticipation(db.reader.QueryRowContext(t.Context(), selectParticipation, p.RoundID, p.UserID))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// storedPlay is the set-up of the record-level tests: a temp store holding
// one person's record of a new quiz play, made by record (quizPlay.started
// or quizPlay.played) with n.
func storedPlay(t *testing.T, record func(quizPlay, testing.TB, string, int) *quiz.Participation, n int) (*DB, quizPlay, *quiz.Participation) {
	t.Helper()
	db := openTemp(t).(*DB)
	q := newQuizPlay(t)
	p := record(q, t, store.NewID(), n)
	mustPut(t, db, p)
	return db, q, p
}

func mustPut(t *testing.T, db *DB, p *quiz.Participation) {
	t.Helper()
	if err := db.PutParticipation(t.Context(), p); err != nil {
		t.Fatalf("PutParticipation v%d: %v", p.Version, err)
	}
}

// mustUpdate writes p's record back as a handler does: read it, change it,
// bump its version and put it.
func mustUpdate(t *testing.T, db *DB, p *quiz.Participation, change func(rec *quiz.Participation)) {
	t.Helper()
	rec := mustRead(t, db, p)
	change(rec)
	rec.Version++
	mustPut(t, db, rec)
}

func mustRead(t *testing.T, db *DB, p *quiz.Participation) *quiz.Participation {
	t.Helper()
	got, err := db.Participation(t.Context(), p.RoundID, p.UserID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCachedReadsAreIndependentCopies(t *testing.T) {
	db, _, p := storedPlay(t, quizPlay.played, 1)
	stored := rowOf(t, db, p)

	first, second := mustRead(t, db, p), mustRead(t, db, p)
	if db.participations.len() != 1 {
		t.Fatalf("cache holds %d records after a write and two reads, want 1", db.participations.len())
	}
	// Change everything a caller could reach in the first copy.
	a := &first.Attempts[1]
	a.Paper.Items[0].OptionOrder[0] = "Z"
	a.Paper.Items = append(a.Paper.Items[:1], quiz.Item{QuestionID: "extra"})
	for q, ans := range a.Answers {
		ans.Options[0] = "Z"
		a.Answers[q] = ans
	}
	a.Answers["new"] = quiz.Answer{Options: []string{"A"}, Seq: 99}
	*first.Counted = quiz.AttemptSummary{Score: -1}
	first.Attempts[0].Status = quiz.AttemptInProgress
	first.Attempts = append(first.Attempts, quiz.Attempt{No: 9})

	if third := mustRead(t, db, p); !reflect.DeepEqual(third, stored) {
		t.Errorf("a read after changing an earlier copy differs from the row:\n%+v\nwant\n%+v", third, stored)
	}
	if !reflect.DeepEqual(second, stored) {
		t.Errorf("a copy read before the change was changed with it")
	}
}

// The cache never decides a write: a record read from it and written after
// someone else's write is refused by the version guard in SQL.
func TestStalePutAfterCachedReadConflicts(t *testing.T) {
	db, q, p := storedPlay(t, quizPlay.started, 3)
	winner, loser := mustRead(t, db, p), mustRead(t, db, p)
	for i, rec := range []*quiz.Participation{winner, loser} {
		it := rec.Attempts[0].Paper.Items[5]
		if _, err := rec.SaveAnswer(1, it.QuestionID, it.OptionOrder[i:i+1], 10, q.at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		rec.Version++
	}
	mustPut(t, db, winner)
	if err := db.PutParticipation(t.Context(), loser); contests.ErrorCode(err) != contests.CodeConflict {
		t.Fatalf("stale write after a cached read: %v, want a conflict", err)
	}
	want := rowOf(t, db, p)
	if got := mustRead(t, db, p); !reflect.DeepEqual(got, want) || got.Version != 2 {
		t.Errorf("after the conflict a read gives version %d %+v, want the winner's row %+v", got.Version, got, want)
	}
	if !reflect.DeepEqual(want, storedForm(winner)) {
		t.Errorf("the row is not the winner's record")
	}
}

// Each write leaves the cache holding what the row holds, whatever path
// the write took (insert, answer save, submit, a new attempt).
func TestCacheFollowsEveryWrite(t *testing.T) {
	db, q, p := storedPlay(t, quizPlay.started, 2)
	steps := map[string]func(p *quiz.Participation){
		"answer": func(p *quiz.Participation) {
			it := p.Current().Paper.Items[7]
			if _, err := p.SaveAnswer(p.Current().No, it.QuestionID, it.OptionOrder[1:2], 50, q.at.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
		},
		"prediction": func(p *quiz.Participation) {
			if _, err := p.SavePrediction(p.Current().No, 321, 51, q.at.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
		},
		"submit": func(p *quiz.Participation) {
			if _, _, err := p.Submit(p.Current().No, q.plan.Key(), q.at.Add(2*time.Minute), q.round.Policy); err != nil {
				t.Fatal(err)
			}
		},
		"start": func(p *quiz.Participation) { q.startAttempt(t, p, q.at.Add(3*time.Minute)) },
	}
	for _, name := range []string{"answer", "prediction", "submit", "start", "answer", "submit"} {
		mustUpdate(t, db, p, steps[name])
		if got, want := mustRead(t, db, p), rowOf(t, db, p); !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s: cached read\n%+v\nrow\n%+v", name, got, want)
		}
	}
}

// An answer save writes only version and data when the cache says the
// indexed columns keep their values; the statement checks that claim, so
// a cache that were wrong would cost a retry, never a stale index entry.
func TestDataOnlyUpdateChecksTheColumns(t *testing.T) {
	db, _, p := storedPlay(t, quizPlay.started, 2)
	k := participationKey{p.RoundID, p.UserID}
	lie := storedForm(p)
	lie.OpenDeadline = lie.OpenDeadline.Add(time.Hour) // not what the row holds
	next := cloneParticipation(lie)
	next.Version++
	db.participations.put(k, lie, 1)

	err := db.PutParticipation(t.Context(), next)
	if contests.ErrorCode(err) != contests.CodeConflict {
		t.Fatalf("write based on a wrong cached record: %v, want a conflict", err)
	}
	if row := rowOf(t, db, p); row.Version != 1 || !row.OpenDeadline.Equal(p.OpenDeadline) {
		t.Fatalf("row changed to version %d, deadline %v", row.Version, row.OpenDeadline)
	}
	// The conflict dropped the lie: the retry reads SQL and goes through.
	retry := mustRead(t, db, p)
	retry.Version++
	mustPut(t, db, retry)
	var deadline int64
	if err := db.reader.QueryRowContext(t.Context(), `SELECT open_deadline_ms FROM quiz_participations
		WHERE round_id = ? AND user_id = ?`, p.RoundID, p.UserID).Scan(&deadline); err != nil {
		t.Fatal(err)
	}
	if deadline != p.OpenDeadline.UnixMilli() {
		t.Errorf("open_deadline_ms = %d, want %d", deadline, p.OpenDeadline.UnixMilli())
	}
}

func TestCacheEvictsLeastRecentlyUsedBeyondBudget(t *testing.T) {
	c := newParticipationCache(100)
	key := func(u string) participationKey { return participationKey{"r", u} }
	rec := func(u string) *quiz.Participation { return &quiz.Participation{RoundID: "r", UserID: u} }
	c.put(key("a"), rec("a"), 40)
	c.put(key("b"), rec("b"), 40)
	c.get(key("a")) // a is now the most recent
	c.put(key("c"), rec("c"), 40)
	c.put(key("huge"), rec("huge"), 101)
	tests := []struct {
		user string
		kept bool
	}{{"a", true}, {"b", false}, {"c", true}, {"huge", false}}
	for _, tc := range tests {
		if got := c.get(key(tc.user)) != nil; got != tc.kept {
			t.Errorf("%s cached: %v, want %v", tc.user, got, tc.kept)
		}
	}
	if c.bytes != 80 || c.len() != 2 {
		t.Errorf("cache holds %d records, %d bytes; want 2, 80", c.len(), c.bytes)
	}
	c.put(key("a"), rec("a"), 10) // replacing counts the new size only
	c.drop(key("c"))
	if c.bytes != 10 || c.len() != 1 {
		t.Errorf("after replace and drop: %d records, %d bytes; want 1, 10", c.len(), c.bytes)
	}
}
