package quiz

import (
	"fmt"
	"slices"

	"hoithi/contests"
)

// AnswerKey maps a question ID to its correct option IDs. It lives on the
// server only: nothing derived from it may reach a browser before the
// attempt is final.
type AnswerKey map[string][]string

// Answers maps a question ID to the option IDs a candidate ticked; a missing
// or empty entry is an unanswered question.
type Answers map[string][]string

// Result is the outcome of one attempt.
type Result struct {
	Correct   int `json:"correct"`
	Total     int `json:"total"`
	Points    int `json:"points"`
	MaxPoints int `json:"maxPoints"`
	// Right[i] says whether paper item i was answered correctly, for the
	// review screen shown once the attempt is final.
	Right []bool `json:"right"`
}

// Perfect reports whether every question was answered correctly.
func (r Result) Perfect() bool { return r.Total > 0 && r.Correct == r.Total }

// Score marks answers against key. A question counts only when the ticked
// set equals the correct set exactly (order and repeats ignored), so a
// multi-answer question with one option missing or one extra scores
// nothing. Answers to questions outside the paper are ignored here; reject
// them earlier with CheckAnswer.
//
// A paper question missing from the key is a broken bank, not a wrong
// answer: it returns CodeInternal rather than cost someone a prize.
func Score(paper Paper, key AnswerKey, answers Answers) (Result, error) {
	r := Result{Total: len(paper.Items), Right: make([]bool, len(paper.Items))}
	for i, it := range paper.Items {
		correct, ok := key[it.QuestionID]
		if !ok || len(correct) == 0 {
			return Result{}, contests.Internal(fmt.Errorf("quiz: no answer key for question %q", it.QuestionID))
		}
		r.MaxPoints += it.Points
		if sameSet(answers[it.QuestionID], correct) {
			r.Right[i] = true
			r.Correct++
			r.Points += it.Points
		}
	}
	return r, nil
}

func sameSet(chosen, correct []string) bool {
	a, b := distinctSorted(chosen), distinctSorted(correct)
	return len(a) > 0 && slices.Equal(a, b)
}

func distinctSorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// CheckAnswer validates one autosaved answer against the paper before it is
// stored: the question must be on the paper, every option one of its
// options and listed once, and a single-answer question takes at most one
// option. An empty list clears the answer. Errors are CodeInvalid naming
// "questionId", "options" or "options[i]".
func CheckAnswer(paper Paper, questionID string, optionIDs []string) error {
	it, ok := paper.Item(questionID)
	if !ok {
		return contests.Invalid(contests.Field("questionId",
			contests.T("Câu hỏi %q không có trong đề thi này", "Question %q is not on this paper", questionID)))
	}
	var es contests.Errors
	if !it.Multiple && len(optionIDs) > 1 {
		es.Add("options", contests.T("Câu hỏi này chỉ chọn một phương án", "This question takes a single option"))
	}
	for i, id := range optionIDs {
		field := fmt.Sprintf("options[%d]", i)
		switch {
		case !slices.Contains(it.OptionOrder, id):
			es.Add(field, contests.T("Phương án %q không thuộc câu hỏi này", "Option %q does not belong to this question", id))
		case slices.Contains(optionIDs[:i], id):
			es.Add(field, contests.T("Phương án %q được chọn hai lần", "Option %q is chosen twice", id))
		}
	}
	return es.Err()
}
