package mongo

import (
	"errors"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store/storetest"
)

// Behaviour of the quiz collections beyond the shared contract: the stored
// shape, the retry of a half-written question batch and how a duplicate
// round is told apart.

func TestQuizIndexesExistAfterOpen(t *testing.T) {
	db := openFresh(t)
	wantIndexes(t, db.client.Database(db.users.Database().Name()), questionsCollection, roundsCollection, participationsCollection, standingsCollection)
}

func questionID(q quiz.Question) string { return q.ID }

func sampleQuestion(id, text string) quiz.Question {
	return quiz.Question{ID: id, Text: text, Options: []quiz.Option{{ID: "A", Text: "Đúng"}, {ID: "B", Text: "Sai"}},
		Correct: []string{"A"}}
}

// An ordered insert stops at a taken ID, keeping the questions before it.
// Sending the corrected batch again must then complete it in its order,
// skipping what the first try stored, and still refuse a taken ID that
// holds a different question.
func TestCreateQuestionsRetryCompletesBatch(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	const contest = "c1"
	if err := db.CreateQuestions(ctx, contest, []quiz.Question{sampleQuestion("x", "Có sẵn")}); err != nil {
		t.Fatal(err)
	}
	clash := []quiz.Question{sampleQuestion("a", "Một"), sampleQuestion("b", "Hai"), sampleQuestion("x", "Khác"), sampleQuestion("c", "Ba")}
	err := db.CreateQuestions(ctx, contest, clash)
	if field := conflictField(err); field != "id" {
		t.Fatalf("batch with a taken ID: %v, want a conflict on id", err)
	}
	got, err := db.Questions(ctx, contest)
	if err != nil {
		t.Fatal(err)
	}
	if ids := storetest.IDs(got, questionID); !slices.Equal(ids, []string{"x", "a", "b"}) {
		t.Fatalf("after the failed batch the bank is %v, want [x a b] (ordered insert)", ids)
	}
	fixed := slices.Clone(clash)
	fixed[2] = sampleQuestion("y", "Khác")
	if err := db.CreateQuestions(ctx, contest, fixed); err != nil {
		t.Fatalf("retry of the corrected batch: %v", err)
	}
	if got, err = db.Questions(ctx, contest); err != nil {
		t.Fatal(err)
	}
	if ids := storetest.IDs(got, questionID); !slices.Equal(ids, []string{"x", "a", "b", "y", "c"}) {
		t.Errorf("after the retry the bank is %v, want [x a b y c]", ids)
	}
	// The same ID with another text in the same contest is a conflict; in
	// another contest it is a different question.
	if err := db.CreateQuestions(ctx, contest, []quiz.Question{sampleQuestion("a", "Đổi")}); conflictField(err) != "id" {
		t.Errorf("a taken ID with other content: %v, want a conflict on id", err)
	}
	if err := db.CreateQuestions(ctx, "c2", []quiz.Question{sampleQuestion("a", "Đổi")}); err != nil {
		t.Errorf("the same ID in another contest: %v", err)
	}
}

func conflictField(err error) string {
	var ce *contests.Error
	if !errors.As(err, &ce) || ce.Code != contests.CodeConflict || len(ce.Fields) == 0 {
		return "<no conflict>"
	}
	return ce.Fields[0].Field
}

// FerretDB names no index in its duplicate-key errors; the round's two
// unique keys must still be told apart on both servers.
func TestDuplicateRoundNamesTheField(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	opens := time.Date(2025, 7, 14, 1, 0, 0, 0, time.UTC)
	round := func(id string, no int) *quiz.Round {
		return &quiz.Round{ID: id, ContestID: "c1", No: no, Title: "Tuần", OpensAt: opens, ClosesAt: opens.Add(time.Hour),
			Policy: quiz.PolicyBest, Status: quiz.RoundDraft}
	}
	for _, r := range []*quiz.Round{round("r1", 1), round("r2", 2)} {
		if err := db.CreateRound(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		write func() error
		want  string
	}{
		{"insert with a taken number", func() error { return db.CreateRound(ctx, round("r3", 1)) }, "no"},
		{"insert with a taken ID", func() error { return db.CreateRound(ctx, round("r1", 7)) }, "id"},
		{"update to a taken number", func() error {
			moved := round("r2", 1)
			moved.Version = 1 // as read: updates are written over the version read
			return db.UpdateRound(ctx, moved)
		}, "no"},
	}
	for _, tc := range tests {
		if got := conflictField(tc.write()); got != tc.want {
			t.Errorf("%s: conflict on %q, want %q", tc.name, got, tc.want)
		}
	}
	if got, err := db.Round(ctx, "r2"); err != nil || got.No != 2 {
		t.Errorf("r2 after the refused update: %+v, %v; want No 2", got, err)
	}
}

// Answers are keyed by question ID in the domain; stored as field names a
// key with "." or a leading "$" would break the write or the reading. They
// are an array, and an attempt's open deadline is absent when none is open.
func TestParticipationStoredShape(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	started := time.Date(2025, 7, 14, 9, 30, 15, 123_456_789, time.UTC)
	answers := map[string]quiz.Answer{
		"q.1":   {Options: []string{"A"}, Seq: 3},
		"$q2":   {Options: []string{"B", "C"}, Seq: 1},
		"plain": {Options: []string{"D"}, Seq: 2},
	}
	p := &quiz.Participation{RoundID: "r1", UserID: "u1", ContestID: "c1", UnitPath: "/t/", Version: 1,
		Attempts: []quiz.Attempt{{No: 1, ID: "a1", StartedAt: started, Deadline: started.Add(10 * time.Minute),
			Status: quiz.AttemptInProgress, Answers: answers}},
		OpenDeadline: started.Add(10 * time.Minute), UpdatedAt: started}
	if err := db.PutParticipation(ctx, p); err != nil {
		t.Fatal(err)
	}
	raw := rawParticipation(t, db, "r1|u1")
	stored, err := raw.LookupErr("attempts", "0", "answers")
	if err != nil || stored.Type != bson.TypeArray {
		t.Fatalf("attempts.0.answers = %v (%v), want an array", stored, err)
	}
	if _, err := raw.LookupErr("openDeadline"); err != nil {
		t.Errorf("openDeadline of an attempt in progress is missing: %v", err)
	}
	back, err := db.Participation(ctx, "r1", "u1")
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range answers {
		got, ok := back.Attempts[0].Answers[q]
		if !ok || got.Seq != want.Seq || !slices.Equal(got.Options, want.Options) {
			t.Errorf("answer %q read back as %+v (present %v), want %+v", q, got, ok, want)
		}
	}
	if n := len(back.Attempts[0].Answers); n != len(answers) {
		t.Errorf("read back %d answers, want %d", n, len(answers))
	}

	p.Version, p.OpenDeadline = 2, time.Time{}
	p.Attempts[0].Status = quiz.AttemptSubmitted
	if err := db.PutParticipation(ctx, p); err != nil {
		t.Fatal(err)
	}
	if _, err := rawParticipation(t, db, "r1|u1").LookupErr("openDeadline"); err == nil {
		t.Errorf("openDeadline stored with no attempt in progress, want it absent (the sweeper's sparse index)")
	}
}

func rawParticipation(t *testing.T, db *DB, key string) bson.Raw {
	t.Helper()
	var raw bson.Raw
	if err := db.participations.FindOne(t.Context(), bson.D{{Key: "_id", Value: key}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	return raw
}
