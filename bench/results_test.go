package bench

import (
	"testing"
)

// A small results computation through the real server: every seeded
// record is counted.
func TestResultsSmokeInProcess(t *testing.T) {
	rep := smoke(t, Results, ResultsConfig{People: 300, Logf: t.Logf})
	if rep.People != 300 || rep.Participants != 300 || rep.Seconds <= 0 || rep.PeakRSSMB <= 0 {
		t.Fatalf("report %+v, want 300 people counted", rep)
	}
}
