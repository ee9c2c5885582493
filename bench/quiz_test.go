package bench

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A small end-to-end run with the server in this process: every phase must
// work against the real API and SQLite store, without a single error.
func TestQuizSmokeInProcess(t *testing.T) {
	rep := smoke(t, Quiz, QuizConfig{Users: 5, Concurrency: 5, Duration: 2 * time.Second, Open: 20, Standings: 1000,
		LoginSample: 3, StandingsReads: 20, CeilingDuration: 200 * time.Millisecond, Launch: InProcess(), Logf: t.Logf})
	b, _ := json.Marshal(rep)
	t.Logf("%s", b)
	if rep.CompleteAttempts <= 0 || rep.Errors != 0 {
		t.Fatalf("complete %d, errors %d %v", rep.CompleteAttempts, rep.Errors, rep.ErrorsByStatus)
	}
	// One write for the start, one per answer (20), one for the submit; the
	// result page reads only. Each person is played by one goroutine, so no
	// write conflicts.
	if rep.StoreWritesPerAttempt != 22 || rep.StoreWriteConflicts != 0 || rep.StoreWritesMethod == "" {
		t.Errorf("writes per attempt %v (%s), conflicts %v", rep.StoreWritesPerAttempt, rep.StoreWritesMethod, rep.StoreWriteConflicts)
	}
	if want := float64(rep.CompleteAttempts*23) / rep.DurationS; rep.RequestsPerS < want*0.99 || rep.RequestsPerS > want*1.05 {
		t.Errorf("requests/s %v, complete attempts imply ≈%v", rep.RequestsPerS, want)
	}
	for _, step := range stepNames {
		if rep.P50Ms[step] <= 0 || rep.P99Ms[step] < rep.P95Ms[step] || rep.P95Ms[step] < rep.P50Ms[step] {
			t.Errorf("step %s: p50 %v p95 %v p99 %v", step, rep.P50Ms[step], rep.P95Ms[step], rep.P99Ms[step])
		}
	}
	if rep.OpenAttempts != 20 || rep.OpenErrors != 0 || rep.RSSMBWithOpen <= 0 {
		t.Errorf("open %d (errors %d), rss %v MB", rep.OpenAttempts, rep.OpenErrors, rep.RSSMBWithOpen)
	}
	if rep.StandingsRows != 1000 || rep.StandingsTop100P99Ms <= 0 || rep.StandingsTop100P99Ms < rep.StandingsTop100P50Ms {
		t.Errorf("standings %d rows p50 %v p99 %v", rep.StandingsRows, rep.StandingsTop100P50Ms, rep.StandingsTop100P99Ms)
	}
	if rep.LoginP50Ms <= 0 || rep.ServerCPUMsPerAtt <= 0 || !rep.ServerCPUIncludesGenerator || rep.PeakRSSMB <= 0 ||
		rep.ParticipationAvgBytes <= 0 || rep.CeilingFiberRPS <= 0 || rep.CeilingSQLiteWritesPerS <= 0 {
		t.Errorf("missing figures: %s", b)
	}
	var fields map[string]any
	json.Unmarshal(b, &fields)
	for _, name := range []string{"attempts_per_s", "requests_per_s", "complete_attempts", "errors", "p50_ms", "p95_ms", "p99_ms",
		"login_p50_ms", "login_p99_ms", "server_cpu_ms_per_attempt", "store_writes_per_attempt", "peak_rss_mb", "open_attempts",
		"rss_mb_with_open", "standings_rows", "standings_top100_p50_ms", "standings_top100_p99_ms", "ceiling_fiber_rps",
		"ceiling_sqlite_writes_per_s", "cores", "go_version", "duration_s"} {
		if _, ok := fields[name]; !ok {
			t.Errorf("JSON lacks %q", name)
		}
	}
}

func TestChildProcessThatDiesIsReportedQuickly(t *testing.T) {
	start := time.Now()
	_, err := ChildProcess("/bin/false")(context.Background(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "ended before it was ready") {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("took %v: the launcher waited for readiness of a dead process", time.Since(start))
	}
}
