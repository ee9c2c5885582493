package bench

import (
	"context"
	"testing"
	"time"
)

// A small results computation through the real server: every seeded
// record is counted.
func TestResultsSmokeInProcess(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	rep, err := Results(ctx, ResultsConfig{People: 300, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	if rep.People != 300 || rep.Participants != 300 || rep.Seconds <= 0 || rep.PeakRSSMB <= 0 {
		t.Fatalf("report %+v, want 300 people counted", rep)
	}
}
