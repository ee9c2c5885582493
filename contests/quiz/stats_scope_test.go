package quiz

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func TestUnitOnlyDescribesTheUnitAlone(t *testing.T) {
	records, people := statsRecords()
	s := Stats(records, people, statsUnits(), time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	w1 := s.Find("w1")
	got := w1.UnitOnly()
	// W1 holds u1 (at A: 2 attempts, one perfect) and u2 (at W1: 1 attempt).
	if want := (Counts{People: 2, Attempts: 3, AllCorrect: 1}); got.Counts != want || w1.Counts != want {
		t.Fatalf("counts %+v (node %+v), want %+v", got.Counts, w1.Counts, want)
	}
	if got.Started != 2 {
		t.Errorf("started %d, want its people 2", got.Started)
	}
	if len(got.Units) != 1 || got.Units[0] != w1 || got.Units[0].Children[0].ID != "a" {
		t.Errorf("units %+v, want W1 with its subtree", got.Units)
	}
	if got.Unplaced != (Counts{}) {
		t.Errorf("unplaced %+v", got.Unplaced)
	}
	if !reflect.DeepEqual(got.Breakdown, w1.Breakdown().Breakdown) || reflect.DeepEqual(got.Breakdown, s.Breakdown) {
		t.Errorf("breakdown %+v is not W1's own", got.Breakdown)
	}
	// The series are W1's own: u2 on the 22nd at 08:00 (score 3), u1 on
	// the 23rd at 16:00 (5) and the 24th at 00:30 (3).
	if want := []DayCount{{"2026-11-22", 1, 1}, {"2026-11-23", 1, 1}, {"2026-11-24", 1, 1}}; !reflect.DeepEqual(got.ByDay, want) {
		t.Errorf("byDay %+v, want %+v", got.ByDay, want)
	}
	if want := []ScoreCount{{3, 2, 1}, {5, 1, 1}}; !reflect.DeepEqual(got.Scores, want) {
		t.Errorf("scores %+v, want %+v", got.Scores, want)
	}
	hours := map[int]int{}
	for _, h := range got.ByHour {
		if h.Attempts > 0 {
			hours[h.Hour] = h.Attempts
		}
	}
	if want := map[int]int{0: 1, 8: 1, 16: 1}; len(got.ByHour) != 24 || !reflect.DeepEqual(hours, want) {
		t.Errorf("byHour %+v, want 24 hours with %v", got.ByHour, want)
	}
	// A unit without people has empty series: arrays in JSON, never null.
	empty := Stats(nil, nil, statsUnits(), roundClose)
	raw, _ := json.Marshal(empty.Find("c").UnitOnly())
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	for k, n := range map[string]int{"byDay": 0, "byHour": 24, "scores": 0} {
		if a, ok := m[k].([]any); !ok || len(a) != n {
			t.Errorf("%s = %v, want %d entries", k, m[k], n)
		}
	}
}
