package quiz

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

var itemKey = AnswerKey{"q1": {"A"}, "q2": {"B"}, "q3": {"A", "C"}, "q4": {"D"}, "q5": {"A"}, "q6": {"C"}}

// marked is a final attempt drawing the questions of answers (an empty
// list: drawn, left unanswered). Its stored score is nonsense on purpose:
// the analysis marks attempts again with the key.
func marked(id string, answers map[string][]string) *Participation {
	a := Attempt{No: 1, ID: id, Status: AttemptSubmitted, Score: 99, Answers: map[string]Answer{}}
	for _, q := range []string{"q1", "q2", "q3", "q4", "q5", "q6", "q9"} {
		opts, ok := answers[q]
		if !ok {
			continue
		}
		a.Paper.Items = append(a.Paper.Items, Item{QuestionID: q, OptionOrder: []string{"C", "A", "D", "B"}, Points: 1, Multiple: q == "q3"})
		if len(opts) > 0 {
			a.Answers[q] = Answer{Options: opts, Seq: 1}
		}
	}
	return &Participation{RoundID: "r1", UserID: "u-" + id, Attempts: []Attempt{a}}
}

// itemRecords: ten final attempts. Marked with the key, scores are 3 for
// a01 a02 a04 a05 a07 a09 and 2 for a03 a06 a08 a10, so with groups of
// round(27% × 10) = 3 the top is a01 a02 a04 (a04 beats a05 on its ID) and
// the bottom a06 a08 a10. Plus an attempt in progress that must not count,
// and q9, absent from the key, that must be left out.
func itemRecords() []*Participation {
	list := []*Participation{
		marked("a01", map[string][]string{"q1": {"A"}, "q2": {"C"}, "q3": {"A", "C"}, "q4": {"A"}, "q6": {"C"}, "q9": {"A"}}),
		marked("a02", map[string][]string{"q1": {"A"}, "q2": {"C"}, "q3": {"C", "A"}, "q4": {"A"}, "q6": {"C"}}),
		marked("a03", map[string][]string{"q1": {"A"}, "q2": {"C"}, "q4": {"A"}, "q5": {"B"}, "q6": {"C"}}),
		marked("a04", map[string][]string{"q1": {"A"}, "q2": {"B"}, "q4": {"A"}, "q6": {"C"}}),
		marked("a05", map[string][]string{"q1": {"A"}, "q2": {"B"}, "q4": {"B"}, "q6": {"C"}}),
		marked("a06", map[string][]string{"q1": {"A"}, "q2": {}, "q4": {"B"}, "q6": {"C"}}),
		marked("a07", map[string][]string{"q1": {"A"}, "q2": {"B"}, "q4": {"C"}, "q6": {"C"}}),
		marked("a08", map[string][]string{"q1": {"A"}, "q2": {"A"}, "q4": {}, "q6": {"C"}}),
		marked("a09", map[string][]string{"q1": {"A"}, "q2": {"B"}, "q3": {"A"}, "q4": {"C"}, "q6": {"C"}}),
		marked("a10", map[string][]string{"q1": {"B"}, "q2": {"A"}, "q3": {"A", "B"}, "q4": {"D"}, "q6": {"C"}}),
	}
	open := marked("a11", map[string][]string{"q1": {"B"}, "q2": {"A"}, "q4": {"D"}})
	open.Attempts[0].Status = AttemptInProgress
	return append(list, open)
}

func f64(v float64) *float64 { return &v }

func opts(a, b, c, d OptionCount) []OptionCount {
	a.ID, b.ID, c.ID, d.ID = "A", "B", "C", "D"
	return []OptionCount{a, b, c, d}
}

func TestItems(t *testing.T) {
	none := []ItemFlag{}
	want := []ItemStat{
		{QuestionID: "q1", Drawn: 10, Answered: 10, Correct: 9, FacilityPct: 90, Discrimination: f64(0.33), TopDrawn: 3, BottomDrawn: 3,
			Options: opts(OptionCount{Key: true, Chosen: 9, Top: 3}, OptionCount{Chosen: 1}, OptionCount{}, OptionCount{}), Flags: none},
		// The strong group prefers C to the key B.
		{QuestionID: "q2", Drawn: 10, Answered: 9, Correct: 4, FacilityPct: 40, Discrimination: f64(0.33), TopDrawn: 3, BottomDrawn: 3,
			Options: opts(OptionCount{Chosen: 2}, OptionCount{Key: true, Chosen: 4, Top: 1}, OptionCount{Chosen: 3, Top: 2}, OptionCount{}),
			Flags:   []ItemFlag{FlagSuspiciousKey}},
		// Multi-answer: A and C are both needed; B by the weak only.
		{QuestionID: "q3", Drawn: 4, Answered: 4, Correct: 2, FacilityPct: 50, Discrimination: f64(1), TopDrawn: 2, BottomDrawn: 1,
			Options: opts(OptionCount{Key: true, Chosen: 4, Top: 2}, OptionCount{Chosen: 1}, OptionCount{Key: true, Chosen: 2, Top: 2}, OptionCount{}), Flags: none},
		// Only a10, in the bottom group, got it: 10% is not "very hard".
		{QuestionID: "q4", Drawn: 10, Answered: 9, Correct: 1, FacilityPct: 10, Discrimination: f64(-0.33), TopDrawn: 3, BottomDrawn: 3,
			Options: opts(OptionCount{Chosen: 4, Top: 3}, OptionCount{Chosen: 2}, OptionCount{Chosen: 2}, OptionCount{Key: true, Chosen: 1}),
			Flags:   []ItemFlag{FlagNegativeDiscrimination, FlagSuspiciousKey}},
		// Drawn once, by a03 in the middle: no groups, no discrimination.
		{QuestionID: "q5", Drawn: 1, Answered: 1, Correct: 0, FacilityPct: 0, Discrimination: nil,
			Options: opts(OptionCount{Key: true}, OptionCount{Chosen: 1}, OptionCount{}, OptionCount{}), Flags: []ItemFlag{FlagVeryHard}},
		{QuestionID: "q6", Drawn: 10, Answered: 10, Correct: 10, FacilityPct: 100, Discrimination: f64(0), TopDrawn: 3, BottomDrawn: 3,
			Options: opts(OptionCount{}, OptionCount{}, OptionCount{Key: true, Chosen: 10, Top: 3}, OptionCount{}), Flags: []ItemFlag{FlagVeryEasy}},
	}
	got := Items(itemRecords(), itemKey)
	if len(got) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s:\n got %s\nwant %s", want[i].QuestionID, itemJSON(got[i]), itemJSON(want[i]))
		}
	}
	// Any order of records gives the same analysis.
	for seed := range uint64(5) {
		shuffled := itemRecords()
		rand.New(rand.NewPCG(seed, 7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if again := Items(shuffled, itemKey); !reflect.DeepEqual(again, got) {
			t.Fatalf("order %d changed the analysis", seed)
		}
	}
}

// A key fixed after the round changes the groups: with q2's key C, a01,
// a02 and a03 gain a point and the top becomes a01 a02 a03.
func TestItemsUseTheKeyGiven(t *testing.T) {
	key := AnswerKey{}
	for q, k := range itemKey {
		key[q] = k
	}
	key["q2"] = []string{"C"}
	got := Items(itemRecords(), key)
	q2 := got[1]
	if q2.Correct != 3 || q2.FacilityPct != 30 || !slices.Equal(q2.Flags, []ItemFlag{}) || *q2.Discrimination != 1 {
		t.Errorf("q2 with key C: %s", itemJSON(q2))
	}
}

func TestItemsOfTooFewAttempts(t *testing.T) {
	if got := Items(nil, itemKey); len(got) != 0 {
		t.Errorf("no records: %+v", got)
	}
	// One attempt: groups of round(0.27) = 0, so no discrimination.
	got := Items(itemRecords()[:1], itemKey)
	if len(got) != 5 || got[0].Discrimination != nil || got[0].TopDrawn != 0 {
		t.Errorf("one attempt: %+v", got)
	}
}

func itemJSON(s ItemStat) string {
	b, _ := json.Marshal(s)
	return string(b)
}
