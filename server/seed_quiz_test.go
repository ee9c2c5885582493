package main

import (
	"strings"
	"testing"

	"hoithi/contests/quiz"
)

// TestDemoBankKeysAreSpread: the demo teaches by example, so its keys must
// pass the key-skew check, use every letter, and its multi-answer
// questions must differ in where and how many.
func TestDemoBankKeysAreSpread(t *testing.T) {
	var bank []quiz.Question
	letters := map[string]int{}
	multi := map[string]bool{}
	for i, d := range demoQuestions {
		q := demoQuestion(i, d.topic, d.diff, d.text, d.options, d.correct)
		if err := q.Validate(); err != nil {
			t.Fatalf("question %d: %v", i, err)
		}
		// The correct options are the ones the data lists first.
		for j, o := range q.Options {
			isKey := strings.Contains(strings.Join(q.Correct, ""), o.ID)
			listedFirst := false
			for _, text := range d.options[:d.correct] {
				listedFirst = listedFirst || text == o.Text
			}
			if isKey != listedFirst {
				t.Errorf("question %d option %d (%s): key %v, listed first %v", i, j, o.Text, isKey, listedFirst)
			}
		}
		if len(q.Correct) == 1 {
			letters[q.Correct[0]]++
		} else {
			multi[strings.Join(q.Correct, "+")] = true
		}
		bank = append(bank, q)
	}
	if k := quiz.CheckKeySkew(bank); k.Skewed() {
		t.Errorf("demo bank skewed: %v", k.Messages())
	}
	for _, l := range []string{"A", "B", "C", "D"} {
		if letters[l] < len(bank)/6 {
			t.Errorf("letter %s is the key of only %d questions: %v", l, letters[l], letters)
		}
	}
	if len(multi) < 2 {
		t.Errorf("multi-answer keys do not vary: %v", multi)
	}
}
