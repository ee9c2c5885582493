// Package bench holds the performance benchmarks of the quiz engine and of
// the similarity checker, run by `server bench quiz|similarity`. The quiz
// bench seeds a SQLite data directory through the store, starts the real
// server on it, and drives complete attempts over loopback HTTP; it reports
// one JSON object with throughput, latency per step, the server's CPU per
// attempt, its memory, and the ceilings of the bare web framework and of
// SQLite measured on the same machine in the same run.
package bench

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"runtime"
	"time"
)

// QuizConfig sizes a quiz run. Zero fields take the defaults of
// DefaultQuizConfig.
type QuizConfig struct {
	Users       int           // people playing complete attempts
	Concurrency int           // generator goroutines (≈ connections)
	Duration    time.Duration // of the main phase
	Open        int           // attempts left open at once afterwards
	Standings   int           // rows of the published leaderboard
	// LoginSample people log in over HTTP (the rest get minted tokens).
	LoginSample int
	// StandingsReads is how many top-100 reads are timed.
	StandingsReads int
	// CeilingDuration is how long each ceiling (bare Fiber, bare SQLite) runs.
	CeilingDuration time.Duration
	// MaxRequests caps the main phase whatever its duration.
	MaxRequests int64
	// Launch starts the server (ChildProcess or InProcess).
	Launch Launcher
	// Logf receives human progress (stderr); nil discards it.
	Logf func(format string, args ...any)
}

// DefaultQuizConfig is the target load.
func DefaultQuizConfig() QuizConfig {
	return QuizConfig{Users: 400, Concurrency: 200, Duration: 10 * time.Second, Open: 10_000, Standings: 500_000,
		LoginSample: 20, StandingsReads: 100, CeilingDuration: 2 * time.Second, MaxRequests: 2_000_000}
}

func (c QuizConfig) withDefaults() QuizConfig {
	d := DefaultQuizConfig()
	pick := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	pick(&c.Users, d.Users)
	pick(&c.Concurrency, d.Concurrency)
	pick(&c.LoginSample, d.LoginSample)
	pick(&c.StandingsReads, d.StandingsReads)
	c.LoginSample = min(c.LoginSample, c.Users)
	c.Open, c.Standings = max(c.Open, 0), max(c.Standings, 0)
	if c.Duration <= 0 {
		c.Duration = d.Duration
	}
	if c.CeilingDuration <= 0 {
		c.CeilingDuration = d.CeilingDuration
	}
	if c.MaxRequests <= 0 {
		c.MaxRequests = d.MaxRequests
	}
	if c.Logf == nil {
		c.Logf = func(string, ...any) {}
	}
	return c
}

// QuizReport is the one JSON line `server bench quiz` prints.
type QuizReport struct {
	AttemptsPerS      float64            `json:"attempts_per_s"`
	RequestsPerS      float64            `json:"requests_per_s"`
	CompleteAttempts  int                `json:"complete_attempts"`
	Requests          int64              `json:"requests"`
	Errors            int                `json:"errors"`
	ErrorsByStatus    map[string]int     `json:"errors_by_status"`
	P50Ms             map[string]float64 `json:"p50_ms"`
	P95Ms             map[string]float64 `json:"p95_ms"`
	P99Ms             map[string]float64 `json:"p99_ms"`
	LoginP50Ms        float64            `json:"login_p50_ms"`
	LoginP99Ms        float64            `json:"login_p99_ms"`
	ServerCPUMsPerAtt float64            `json:"server_cpu_ms_per_attempt"`
	// ServerCPUIncludesGenerator is true for an in-process server.
	ServerCPUIncludesGenerator bool `json:"server_cpu_includes_generator"`
	// GeneratorCPUMsPerAtt is this process's share (child-process mode):
	// with the server it tells whether the machine, not the server, ran out.
	GeneratorCPUMsPerAtt  float64 `json:"generator_cpu_ms_per_attempt"`
	StoreWritesPerAttempt float64 `json:"store_writes_per_attempt"`
	StoreWritesMethod     string  `json:"store_writes_method"`
	StoreWriteConflicts   float64 `json:"store_write_conflicts"`
	ParticipationAvgBytes int     `json:"participation_avg_bytes"`
	PeakRSSMB             float64 `json:"peak_rss_mb"`
	OpenAttempts          int     `json:"open_attempts"`
	OpenErrors            int     `json:"open_errors"`
	OpenSeconds           float64 `json:"open_seconds"`
	// RSSMBWithOpen is the peak (VmHWM) after the open phase; the current
	// resident set (VmRSS) then is beside it.
	RSSMBWithOpen           float64 `json:"rss_mb_with_open"`
	RSSMBCurrentWithOpen    float64 `json:"rss_mb_current_with_open"`
	StandingsRows           int     `json:"standings_rows"`
	StandingsTop100P50Ms    float64 `json:"standings_top100_p50_ms"`
	StandingsTop100P99Ms    float64 `json:"standings_top100_p99_ms"`
	CeilingFiberRPS         float64 `json:"ceiling_fiber_rps"`
	CeilingSQLiteWritesPerS float64 `json:"ceiling_sqlite_writes_per_s"`
	Users                   int     `json:"users"`
	Concurrency             int     `json:"concurrency"`
	Cores                   int     `json:"cores"`
	GoVersion               string  `json:"go_version"`
	DurationS               float64 `json:"duration_s"`
	ServerMode              string  `json:"server_mode"`
}

// Quiz runs the whole quiz bench; the server is always stopped and the
// temporary data directory removed before it returns.
func Quiz(ctx context.Context, cfg QuizConfig) (rep *QuizReport, err error) {
	cfg = cfg.withDefaults()
	if cfg.Launch == nil {
		return nil, fmt.Errorf("bench: no server launcher")
	}
	logf := cfg.Logf
	dir, err := os.MkdirTemp("", "hoithi-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	t0 := time.Now()
	w, err := seedWorld(ctx, dir, cfg.Users+cfg.Open, cfg.Standings, logf)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	logf("seeding took %.1fs; starting the server", time.Since(t0).Seconds())
	srv, err := cfg.Launch(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if stopErr := srv.Stop(); stopErr != nil && err == nil {
			err = fmt.Errorf("stopping the server: %w", stopErr)
		}
	}()
	rep = &QuizReport{Users: cfg.Users, Concurrency: min(cfg.Concurrency, cfg.Users), Cores: runtime.NumCPU(), GoVersion: runtime.Version(),
		ServerMode: "child_process", ServerCPUIncludesGenerator: srv.InProcess, StandingsRows: cfg.Standings}
	if srv.InProcess {
		rep.ServerMode = "in_process"
	}
	c := newClient(srv.Addr, cfg.Concurrency+8)
	defer c.close()
	if err := measureServer(ctx, cfg, w, srv, c, rep); err != nil {
		return nil, err
	}
	if err := srv.Stop(); err != nil {
		return nil, fmt.Errorf("stopping the server: %w", err)
	}
	logf("ceilings: bare Fiber, bare SQLite (%s each)", cfg.CeilingDuration)
	if rep.CeilingFiberRPS, err = fiberCeiling(ctx, cfg.Concurrency, cfg.CeilingDuration); err != nil {
		return nil, fmt.Errorf("fiber ceiling: %w", err)
	}
	if rep.CeilingSQLiteWritesPerS, err = sqliteCeiling(ctx, dir, cfg.CeilingDuration); err != nil {
		return nil, fmt.Errorf("sqlite ceiling: %w", err)
	}
	return rep, nil
}

// measureServer runs the phases against the running server.
func measureServer(ctx context.Context, cfg QuizConfig, w *world, srv *Target, c *client, rep *QuizReport) error {
	logf := cfg.Logf
	logins, err := loginPhase(ctx, c, cfg.LoginSample)
	if err != nil {
		return err
	}
	rep.LoginP50Ms, rep.LoginP99Ms = round2(logins.QuantileMs(.50)), round2(logins.QuantileMs(.99))
	tokens, err := mintTokens(w.jwtSecret, w.users)
	if err != nil {
		return err
	}
	// A labelled counter is absent until its first write: absent now is 0.
	// An unreadable /metrics is not fatal: the SQLite file tells the writes.
	writesBefore, _, metricsErr := scrapeCounter(c, recordWritesMetric)
	conflictsBefore, _, _ := scrapeCounter(c, recordConflictsMetric)
	cpuBefore, err := ProcCPU(srv.PID)
	if err != nil {
		return err
	}
	genBefore, _ := ProcCPU(os.Getpid())
	logf("main phase: %d people, %d goroutines, %s", cfg.Users, cfg.Concurrency, cfg.Duration)
	now := time.Now()
	lim := &playLimits{deadline: now.Add(cfg.Duration), hardStop: now.Add(cfg.Duration + 30*time.Second), maxRequests: cfg.MaxRequests}
	st, took := playPhase(ctx, c, w.roundID, tokens[:cfg.Users], cfg.Concurrency, lim)
	cpuAfter, err := ProcCPU(srv.PID)
	if err != nil {
		return err
	}
	genAfter, _ := ProcCPU(os.Getpid())
	rep.DurationS = round2(took.Seconds())
	rep.CompleteAttempts, rep.Requests, rep.Errors, rep.ErrorsByStatus = st.complete, st.requests, st.errorCount(), st.errors
	rep.AttemptsPerS = round1(float64(st.complete) / took.Seconds())
	rep.RequestsPerS = round1(float64(st.requests) / took.Seconds())
	rep.P50Ms, rep.P95Ms, rep.P99Ms = map[string]float64{}, map[string]float64{}, map[string]float64{}
	for i, name := range stepNames {
		rep.P50Ms[name] = round2(st.hist[i].QuantileMs(.50))
		rep.P95Ms[name] = round2(st.hist[i].QuantileMs(.95))
		rep.P99Ms[name] = round2(st.hist[i].QuantileMs(.99))
	}
	logf("main phase: %d complete attempts, %d requests, %d errors in %.1fs", st.complete, st.requests, rep.Errors, took.Seconds())
	if err := measureWrites(ctx, c, w.dir, rep, writesBefore, conflictsBefore, metricsErr); err != nil {
		return err
	}
	if st.complete > 0 {
		rep.ServerCPUMsPerAtt = round3(float64((cpuAfter - cpuBefore).Microseconds()) / 1000 / float64(st.complete))
		if !srv.InProcess {
			rep.GeneratorCPUMsPerAtt = round3(float64((genAfter - genBefore).Microseconds()) / 1000 / float64(st.complete))
		}
	}
	_, peak, err := ProcMemory(srv.PID)
	if err != nil {
		return err
	}
	rep.PeakRSSMB = megabytes(peak)
	if cfg.Open > 0 {
		logf("open phase: %d attempts started and left open", cfg.Open)
		started, errs, took := openPhase(ctx, c, w.roundID, tokens[cfg.Users:], 64)
		rep.OpenAttempts, rep.OpenSeconds = started, round2(took.Seconds())
		for _, n := range errs {
			rep.OpenErrors += n
		}
		rss, peak, err := ProcMemory(srv.PID)
		if err != nil {
			return err
		}
		rep.RSSMBWithOpen, rep.RSSMBCurrentWithOpen = megabytes(peak), megabytes(rss)
	}
	if cfg.Standings > 0 {
		logf("standings phase: %d top-100 reads of %d rows", cfg.StandingsReads, cfg.Standings)
		h, err := standingsPhase(ctx, c, w.resultsRoundID, cfg.StandingsReads)
		if err != nil {
			return err
		}
		rep.StandingsTop100P50Ms, rep.StandingsTop100P99Ms = round3(h.QuantileMs(.50)), round3(h.QuantileMs(.99))
	}
	return nil
}

// measureWrites fills the store-write figures of the main phase: from the
// server's own counter when it exports one, else from the records' version
// sum in the SQLite file (each successful write bumps it by one).
// Before the main phase no record exists, so the version sum after it is
// the phase's writes.
func measureWrites(ctx context.Context, c *client, dir string, rep *QuizReport, before, conflictsBefore float64, metricsErr error) error {
	rs, err := readRecordStats(ctx, dir)
	if err != nil {
		return err
	}
	rep.ParticipationAvgBytes = int(rs.avgBytes)
	writes := float64(rs.versions)
	rep.StoreWritesMethod = "sqlite: SUM(version) FROM quiz_participations"
	after, found, err := scrapeCounter(c, recordWritesMetric)
	if err = cmp.Or(metricsErr, err); err != nil {
		rep.StoreWritesMethod += fmt.Sprintf(" (server /metrics unreadable: %.120s)", err)
	} else if found {
		conflicts, _, _ := scrapeCounter(c, recordConflictsMetric)
		writes, rep.StoreWriteConflicts = after-before, conflicts-conflictsBefore
		rep.StoreWritesMethod = "metrics: " + recordWritesMetric
	}
	if rep.CompleteAttempts > 0 {
		rep.StoreWritesPerAttempt = round2(writes / float64(rep.CompleteAttempts))
	}
	return nil
}
