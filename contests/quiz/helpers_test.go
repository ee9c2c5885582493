package quiz

import (
	"fmt"
	"slices"
	"time"
)

// question builds a valid 4-option single-answer question (correct "A").
func question(id, topic string, d Difficulty) Question {
	return Question{
		ID: id, Topic: topic, Difficulty: d, Text: "Câu hỏi " + id,
		Options: []Option{{"A", "một"}, {"B", "hai"}, {"C", "ba"}, {"D", "bốn"}},
		Correct: []string{"A"},
	}
}

// cell builds n questions of one topic and difficulty, IDs prefix1..n.
func cell(prefix, topic string, d Difficulty, n int) []Question {
	out := make([]Question, n)
	for i := range out {
		out[i] = question(fmt.Sprintf("%s%02d", prefix, i+1), topic, d)
	}
	return out
}

func concat(parts ...[]Question) []Question { return slices.Concat(parts...) }

func ids(p Paper) []string {
	out := make([]string, len(p.Items))
	for i, it := range p.Items {
		out[i] = it.QuestionID
	}
	return out
}

func i64(v int64) *int64 { return &v }

// at returns a fixed instant plus the given seconds, for readable tests.
func at(sec float64) time.Time {
	return time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC).Add(time.Duration(sec * float64(time.Second)))
}

// quotasMet checks, independently of the engine's flow, that the paper's
// questions can be assigned one per quota slot (Kuhn's augmenting paths) and
// that the paper has exactly the blueprint's size with no repeat.
func quotasMet(bank []Question, quotas []Quota, paper Paper) error {
	byID := map[string]Question{}
	for _, q := range bank {
		byID[q.ID] = q
	}
	slots := slotsOf(quotas)
	got := ids(paper)
	if len(got) != len(slots) {
		return fmt.Errorf("paper has %d questions, blueprint %d", len(got), len(slots))
	}
	if len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
		return fmt.Errorf("repeated question in %v", got)
	}
	picked := make([]Question, len(got))
	for i, id := range got {
		picked[i] = byID[id]
	}
	if !canFill(slots, picked) {
		return fmt.Errorf("quotas %+v cannot be filled from %v", quotas, got)
	}
	return nil
}

// slotsOf expands quotas into one slot per question asked.
func slotsOf(quotas []Quota) []Quota {
	var slots []Quota
	for _, qt := range quotas {
		for range qt.N {
			slots = append(slots, qt)
		}
	}
	return slots
}

// canFill reports whether every slot gets its own question from qs, by
// Kuhn's augmenting paths: a check that shares no code with the engine.
func canFill(slots []Quota, qs []Question) bool {
	owner := make([]int, len(qs)) // question → slot, -1 free
	for i := range owner {
		owner[i] = -1
	}
	var try func(s int, seen []bool) bool
	try = func(s int, seen []bool) bool {
		for qi, q := range qs {
			if seen[qi] || !slots[s].accepts(q.Topic, q.Difficulty) {
				continue
			}
			seen[qi] = true
			if owner[qi] == -1 || try(owner[qi], seen) {
				owner[qi] = s
				return true
			}
		}
		return false
	}
	for s := range slots {
		if !try(s, make([]bool, len(qs))) {
			return false
		}
	}
	return true
}
