package quiz

import "slices"

// markKey is an answer key prepared for marking hundreds of thousands of
// attempts again when results are computed: each question's right options
// sorted and distinct once, and an attempt's answers compared in place.
// It gives exactly what Attempt.Mark gives (results_mark_test.go).
type markKey map[string][]string

func newMarkKey(key AnswerKey) markKey {
	m := make(markKey, len(key))
	for q, correct := range key {
		m[q] = distinctSorted(correct)
	}
	return m
}

// mark sets a's Correct, Total and Score as a.Mark(key) does; a question
// missing from the key is left to a.Mark, for its error.
func (m markKey) mark(a *Attempt, key AnswerKey) error {
	correct, points := 0, 0
	for _, it := range a.Paper.Items {
		right, ok := m[it.QuestionID]
		if !ok || len(right) == 0 {
			return a.Mark(key)
		}
		if sameOptions(a.Answers[it.QuestionID].Options, right) {
			correct++
			points += it.Points
		}
	}
	a.Correct, a.Total, a.Score = correct, len(a.Paper.Items), points
	return nil
}

// sameOptions is sameSet(chosen, right) for right already sorted and
// distinct, without copying chosen when it is short.
func sameOptions(chosen, right []string) bool {
	if len(chosen) == 0 {
		return false
	}
	var buf [8]string
	var s []string
	if len(chosen) <= len(buf) {
		s = buf[:len(chosen)]
		copy(s, chosen)
	} else {
		s = slices.Clone(chosen)
	}
	slices.Sort(s)
	return slices.Equal(slices.Compact(s), right)
}
