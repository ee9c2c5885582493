package storetest

import (
	"slices"
	"testing"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

func questionID(q quiz.Question) string { return q.ID }

func questionCases() []contractCase {
	return []contractCase{
		{name: "questions/batches read back in creation order with every field", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			bank := NewQuizBank("ls", 12)
			must(t, s.CreateQuestions(ctx, contest, bank[:7]))
			must(t, s.CreateQuestions(ctx, contest, bank[7:]))
			got, err := s.Questions(ctx, contest)
			must(t, err)
			if !slices.Equal(IDs(got, questionID), IDs(bank, questionID)) {
				t.Fatalf("bank order = %v, want creation order %v", IDs(got, questionID), IDs(bank, questionID))
			}
			sameStored(t, "Questions", got, bank)
		}},
		{name: "questions/banks of contests are separate", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			first, second, empty := store.NewID(), store.NewID(), store.NewID()
			bankA, bankB := NewQuizBank("x", 4), NewQuizBank("x", 3)
			// Same IDs in both: an organizer's "Câu 1" is per contest.
			for i := range bankB {
				bankB[i].Text = "Ngân hàng thứ hai: " + bankB[i].Text
			}
			must(t, s.CreateQuestions(ctx, first, bankA))
			must(t, s.CreateQuestions(ctx, second, bankB))
			for _, tc := range []struct {
				contest string
				want    []quiz.Question
			}{{first, bankA}, {second, bankB}, {empty, nil}} {
				got, err := s.Questions(ctx, tc.contest)
				must(t, err)
				sameStored(t, "Questions", got, tc.want)
			}
		}},
		{name: "questions/update replaces one question in place", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest, other := store.NewID(), store.NewID()
			bank := NewQuizBank("u", 5)
			must(t, s.CreateQuestions(ctx, contest, bank))
			must(t, s.CreateQuestions(ctx, other, bank))
			changed := bank[2]
			changed.Topic, changed.Difficulty, changed.Text = "Văn hóa", quiz.DifficultyHard, "Nội dung đã sửa"
			changed.Options = []quiz.Option{{ID: "A", Text: "Một"}, {ID: "B", Text: "Hai"}, {ID: "C", Text: "Ba"}}
			changed.Correct = []string{"B", "C"}
			changed.Explanation, changed.ImageURL, changed.Points = "", "/media/moi.png", 5
			changed.KeepOptionOrder, changed.Retired = !changed.KeepOptionOrder, true
			must(t, s.UpdateQuestion(ctx, contest, changed))

			want := slices.Clone(bank)
			want[2] = changed
			got, err := s.Questions(ctx, contest)
			must(t, err)
			sameStored(t, "Questions", got, want)
			got, err = s.Questions(ctx, other)
			must(t, err)
			sameStored(t, "Questions of the other contest", got, bank)
		}},
		{name: "questions/update of an unknown question is not found", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			bank := NewQuizBank("n", 3)
			must(t, s.CreateQuestions(ctx, contest, bank))
			unknown := bank[0]
			unknown.ID = "khong-co"
			wantCode(t, s.UpdateQuestion(ctx, contest, unknown), contests.CodeNotFound)
			// A question of another contest is not this contest's.
			wantCode(t, s.UpdateQuestion(ctx, store.NewID(), bank[0]), contests.CodeNotFound)
		}},
		{name: "questions/taken ID is an id conflict", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			bank := NewQuizBank("d", 6)
			must(t, s.CreateQuestions(ctx, contest, bank[:3]))

			again := bank[1]
			again.Text = "Bản nhập lại"
			// The taken ID comes second: whether bank[3] stays is up to the
			// engine (all or nothing on SQLite), the conflict is not.
			wantConflict(t, s.CreateQuestions(ctx, contest, []quiz.Question{bank[3], again}), "id")
			wantConflict(t, s.CreateQuestions(ctx, contest, []quiz.Question{bank[4], bank[4]}), "id")

			got, err := s.Questions(ctx, contest)
			must(t, err)
			if i := slices.IndexFunc(got, func(q quiz.Question) bool { return q.ID == bank[1].ID }); i < 0 {
				t.Fatalf("question %s vanished after a conflicting insert", bank[1].ID)
			} else {
				sameStored(t, "Question kept", got[i], bank[1])
			}
			sameStored(t, "first questions", got[:3], bank[:3])
		}},
	}
}
