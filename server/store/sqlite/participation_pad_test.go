package sqlite

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

func TestPaddingRoundsUpWithSpaces(t *testing.T) {
	for _, n := range []int{1, recordPadUnit - 1, recordPadUnit, recordPadUnit + 1, 5*recordPadUnit + 17} {
		b := appendPadding([]byte(strings.Repeat("x", n)))
		if len(b)%recordPadUnit != 0 || len(b) < n || len(b)-n >= recordPadUnit || strings.TrimRight(string(b), " ") != strings.Repeat("x", n) {
			t.Errorf("%d bytes padded to %d", n, len(b))
		}
	}
}

// walFrames reports how many frames the WAL holds now.
func walFrames(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	return max(0, fi.Size()-32) / (4096 + 24)
}

// A padded record keeps its size through most answer saves, so SQLite
// overwrites the row in place and appends only the pages that changed to
// the WAL: the reason for the padding, measured. Unpadded, each save of
// this record appended 6.
func TestAnswerSavesWriteFewPages(t *testing.T) {
	path := t.TempDir() + "/pad.db"
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := newQuizPlay(t)
	q.round.MaxAttempts = 6
	p := q.played(t, store.NewID(), 5)
	p.Current().Answers = nil // the attempt in progress, still to answer
	mustPut(t, db, p)
	if _, err := db.writer.ExecContext(t.Context(), `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	items := p.Current().Paper.Items
	for i, it := range items {
		mustUpdate(t, db, p, func(rec *quiz.Participation) {
			if _, err := rec.SaveAnswer(rec.Current().No, it.QuestionID, it.OptionOrder[:1], int64(i+1), q.at.Add(51*time.Minute)); err != nil {
				t.Fatal(err)
			}
		})
	}
	perSave := float64(walFrames(t, path)) / float64(len(items))
	t.Logf("%.1f WAL frames per answer save", perSave)
	if perSave > 3 {
		t.Fatalf("%.1f WAL frames per answer save, want at most 3 (the row rewritten in place)", perSave)
	}
	if got := mustRead(t, db, p); len(got.Current().Answers) != len(items) {
		t.Fatalf("%d answers read back, want %d", len(got.Current().Answers), len(items))
	}
}

// copyFile copies src to dst as the bytes are now (a missing src is no file).
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A save that returned is in the files, whatever the process does next:
// the database and its WAL copied while the store is still open (as a
// crash leaves them, nothing closed or checkpointed) open with every
// answer saved, through answer saves that overwrote the padded row in
// place and a submit and a new attempt that resized it.
func TestSavedAnswersSurviveACrash(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(t.Context(), dir+"/live.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := newQuizPlay(t)
	p := q.started(t, store.NewID(), 0)
	mustPut(t, db, p)
	save := func(no int, n int, at time.Time) {
		for i, it := range mustRead(t, db, p).Attempts[no-1].Paper.Items[:n] {
			mustUpdate(t, db, p, func(rec *quiz.Participation) {
				if _, err := rec.SaveAnswer(no, it.QuestionID, it.OptionOrder[1:2], int64(i+1), at); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	save(1, paperSize, q.at.Add(time.Minute))
	mustUpdate(t, db, p, func(rec *quiz.Participation) {
		if _, _, err := rec.Submit(1, q.plan.Key(), q.at.Add(2*time.Minute), q.round.Policy); err != nil {
			t.Fatal(err)
		}
		q.startAttempt(t, rec, q.at.Add(3*time.Minute))
	})
	save(2, 7, q.at.Add(4*time.Minute))
	want := mustRead(t, db, p)

	for _, suffix := range []string{"", "-wal"} {
		copyFile(t, dir+"/live.db"+suffix, dir+"/crashed.db"+suffix)
	}
	crashed, err := Open(t.Context(), dir+"/crashed.db")
	if err != nil {
		t.Fatal(err)
	}
	defer crashed.Close()
	got := rowOf(t, crashed, p)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after the crash the row reads\n%+v\nwant what was saved\n%+v", got, want)
	}
	if len(got.Attempts) != 2 || len(got.Attempts[0].Answers) != paperSize || len(got.Attempts[1].Answers) != 7 || got.Version != want.Version {
		t.Fatalf("after the crash: %d attempts, answers %d and %d, version %d", len(got.Attempts),
			len(got.Attempts[0].Answers), len(got.Attempts[1].Answers), got.Version)
	}
}
