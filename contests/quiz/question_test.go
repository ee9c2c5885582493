package quiz

import (
	"encoding/json"
	"slices"
	"testing"

	"hoithi/contests/contesttest"
)

func TestParseDifficulty(t *testing.T) {
	cases := []struct {
		in   string
		want Difficulty
		ok   bool
	}{
		{"", DifficultyAny, true},
		{"1", DifficultyEasy, true},
		{"Dễ", DifficultyEasy, true},
		{" trung bình ", DifficultyMedium, true},
		{"TRUNG BINH", DifficultyMedium, true},
		{"hard", DifficultyHard, true},
		{"Khó", DifficultyHard, true},
		{"4", 0, false},
		{"rất khó", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseDifficulty(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseDifficulty(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestDifficultyJSON(t *testing.T) {
	cases := []struct {
		in      string
		want    Difficulty
		wantErr bool
	}{
		{`{"difficulty":2}`, DifficultyMedium, false},
		{`{"difficulty":"hard"}`, DifficultyHard, false},
		{`{"difficulty":"dễ"}`, DifficultyEasy, false},
		{`{}`, DifficultyAny, false},
		{`{"difficulty":"impossible"}`, 0, true},
		{`{"difficulty":true}`, 0, true},
	}
	for _, c := range cases {
		var q Question
		err := json.Unmarshal([]byte(c.in), &q)
		if (err != nil) != c.wantErr || (err == nil && q.Difficulty != c.want) {
			t.Errorf("%s: got %v, err %v; want %v, err %v", c.in, q.Difficulty, err, c.want, c.wantErr)
		}
	}
	b, _ := json.Marshal(Question{Difficulty: DifficultyHard})
	var back Question
	if err := json.Unmarshal(b, &back); err != nil || back.Difficulty != DifficultyHard {
		t.Errorf("round trip of %s gave %v, %v", b, back.Difficulty, err)
	}
}

func TestNormalize(t *testing.T) {
	decomposed := "Ho\u0302\u0300 Chi\u0301 Minh" // "Hồ Chí Minh" typed on a Mac (NFD)
	q := Question{
		ID: " Q1 ", Topic: " Lịch sử ", Text: "  " + decomposed + "\n",
		Options: []Option{{" A ", decomposed}, {"B", "x"}}, Correct: []string{" A"},
	}.Normalize()
	if q.ID != "Q1" || q.Topic != "Lịch sử" || q.Text != "Hồ Chí Minh" || q.Options[0] != (Option{"A", "Hồ Chí Minh"}) || q.Correct[0] != "A" {
		t.Errorf("Normalize = %+v", q)
	}
	if err := q.Validate(); err != nil {
		t.Errorf("normalized question invalid: %v", err)
	}
}

func TestQuestionValidate(t *testing.T) {
	valid := question("Q1", "t", DifficultyEasy)
	multi := valid
	multi.Correct = []string{"A", "C"}
	cases := []struct {
		name   string
		edit   func(q *Question)
		fields []string
	}{
		{"valid single", func(q *Question) {}, nil},
		{"valid multi", func(q *Question) { *q = multi }, nil},
		{"all options correct", func(q *Question) { q.Correct = []string{"A", "B", "C", "D"} }, nil},
		{"two options", func(q *Question) { q.Options = q.Options[:2] }, nil},
		{"no id", func(q *Question) { q.ID = " " }, []string{"id"}},
		{"blank text", func(q *Question) { q.Text = " \t" }, []string{"text"}},
		{"one option", func(q *Question) { q.Options = q.Options[:1] }, []string{"options"}},
		{"nine options", func(q *Question) {
			for _, id := range []string{"E", "F", "G", "H", "I"} {
				q.Options = append(q.Options, Option{id, id})
			}
		}, []string{"options"}},
		{"no correct", func(q *Question) { q.Correct = nil }, []string{"correct"}},
		{"correct not an option", func(q *Question) { q.Correct = []string{"A", "Z"} }, []string{"correct[1]"}},
		{"correct repeated", func(q *Question) { q.Correct = []string{"B", "B"} }, []string{"correct[1]"}},
		{"option id repeated", func(q *Question) { q.Options[2].ID = "A" }, []string{"options[2].id"}},
		{"option id empty", func(q *Question) { q.Options[1].ID = "" }, []string{"options[1].id"}},
		{"option text empty", func(q *Question) { q.Options[3].Text = " " }, []string{"options[3].text"}},
		{"difficulty 4", func(q *Question) { q.Difficulty = 4 }, []string{"difficulty"}},
		{"negative points", func(q *Question) { q.Points = -1 }, []string{"points"}},
		{"several faults", func(q *Question) { q.Text = ""; q.Correct = []string{"X"} }, []string{"text", "correct[0]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := valid
			q.Options = slices.Clone(valid.Options)
			c.edit(&q)
			if got := contesttest.InvalidFields(t, q.Validate()); !slices.Equal(got, c.fields) {
				t.Errorf("fields = %v, want %v", got, c.fields)
			}
		})
	}
}

func TestQuestionHelpers(t *testing.T) {
	q := question("Q", "", 0)
	if q.Multiple() || q.Worth() != 1 {
		t.Errorf("single question: Multiple %v Worth %d", q.Multiple(), q.Worth())
	}
	q.Correct, q.Points = []string{"A", "B"}, 3
	if !q.Multiple() || q.Worth() != 3 {
		t.Errorf("multi question: Multiple %v Worth %d", q.Multiple(), q.Worth())
	}
}
