package quiz

import (
	"slices"
	"testing"

	"hoithi/contests"
	"hoithi/contests/contesttest"
)

func scoringPaper() (Paper, AnswerKey) {
	paper := Paper{Items: []Item{
		{QuestionID: "S", OptionOrder: []string{"C", "A", "B", "D"}, Points: 1},
		{QuestionID: "M", OptionOrder: []string{"A", "B", "C", "D"}, Multiple: true, Points: 2},
		{QuestionID: "T", OptionOrder: []string{"B", "A"}, Points: 1},
	}}
	key := AnswerKey{"S": {"A"}, "M": {"B", "D"}, "T": {"B"}, "OTHER": {"A"}}
	return paper, key
}

func TestScore(t *testing.T) {
	paper, key := scoringPaper()
	cases := []struct {
		name    string
		answers Answers
		correct int
		points  int
		right   []bool
	}{
		{"all right", Answers{"S": {"A"}, "M": {"B", "D"}, "T": {"B"}}, 3, 4, []bool{true, true, true}},
		{"multi in other order", Answers{"M": {"D", "B"}}, 1, 2, []bool{false, true, false}},
		{"multi repeated option still the same set", Answers{"M": {"D", "B", "D"}}, 1, 2, []bool{false, true, false}},
		{"multi missing one", Answers{"M": {"B"}}, 0, 0, []bool{false, false, false}},
		{"multi one extra", Answers{"M": {"B", "C", "D"}}, 0, 0, []bool{false, false, false}},
		{"single with an extra option", Answers{"S": {"A", "B"}}, 0, 0, []bool{false, false, false}},
		{"wrong", Answers{"S": {"B"}, "T": {"A"}}, 0, 0, []bool{false, false, false}},
		{"nothing answered", Answers{}, 0, 0, []bool{false, false, false}},
		{"empty list", Answers{"S": {}}, 0, 0, []bool{false, false, false}},
		{"answer off the paper ignored", Answers{"OTHER": {"A"}, "T": {"B"}}, 1, 1, []bool{false, false, true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Score(paper, key, c.answers)
			if err != nil {
				t.Fatal(err)
			}
			if r.Correct != c.correct || r.Points != c.points || r.Total != 3 || r.MaxPoints != 4 || !slices.Equal(r.Right, c.right) {
				t.Errorf("Score = %+v, want correct %d points %d right %v", r, c.correct, c.points, c.right)
			}
			if r.Perfect() != (c.correct == 3) {
				t.Errorf("Perfect = %v", r.Perfect())
			}
		})
	}
}

func TestScoreMissingKeyIsInternal(t *testing.T) {
	paper, key := scoringPaper()
	delete(key, "T")
	if _, err := Score(paper, key, Answers{}); contests.ErrorCode(err) != contests.CodeInternal {
		t.Errorf("missing key: err %v, want internal", err)
	}
	key["T"] = nil
	if _, err := Score(paper, key, Answers{}); contests.ErrorCode(err) != contests.CodeInternal {
		t.Errorf("empty key: err %v, want internal", err)
	}
	if r, _ := Score(Paper{}, key, nil); r.Perfect() {
		t.Error("an empty paper is not perfect")
	}
}

func TestCheckAnswer(t *testing.T) {
	paper, _ := scoringPaper()
	cases := []struct {
		name     string
		question string
		options  []string
		fields   []string
	}{
		{"single", "S", []string{"D"}, nil},
		{"clear", "S", nil, nil},
		{"multi", "M", []string{"A", "C", "D"}, nil},
		{"unknown question", "OTHER", []string{"A"}, []string{"questionId"}},
		{"unknown option", "T", []string{"C"}, []string{"options[0]"}},
		{"two on single", "S", []string{"A", "B"}, []string{"options"}},
		{"repeat on multi", "M", []string{"A", "B", "A"}, []string{"options[2]"}},
		{"repeat on single", "S", []string{"A", "A"}, []string{"options", "options[1]"}},
		{"case matters", "S", []string{"a"}, []string{"options[0]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckAnswer(paper, c.question, c.options)
			if got := contesttest.InvalidFields(t, err); !slices.Equal(got, c.fields) {
				t.Errorf("fields = %v, want %v", got, c.fields)
			}
			if err != nil && contests.ErrorCode(err) != contests.CodeInvalid {
				t.Errorf("code %s, want invalid", contests.ErrorCode(err))
			}
		})
	}
}
