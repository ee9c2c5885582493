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
	if !reflect.DeepEqual(got.Breakdown, w1.Breakdown()) || reflect.DeepEqual(got.Breakdown, s.Breakdown) {
		t.Errorf("breakdown %+v is not W1's own", got.Breakdown)
	}
	// The contest-wide series are empty arrays in JSON, never null.
	raw, _ := json.Marshal(got)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	for _, k := range []string{"byDay", "byHour", "scores"} {
		if a, ok := m[k].([]any); !ok || len(a) != 0 {
			t.Errorf("%s = %v, want []", k, m[k])
		}
	}
}
