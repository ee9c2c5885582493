package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// LoginConfig sizes a login storm: Logins people, each on their own
// connection and their own client address, press "Đăng nhập" at the same
// instant (a round opening).
type LoginConfig struct {
	Logins int
	// Launch starts the server; it must trust 127.0.0.1 as a proxy so the
	// per-address login limit sees each phone's own X-Forwarded-For.
	Launch Launcher
	// GiveUp ends a phone's retries (503 + Retry-After) after this long.
	GiveUp time.Duration
	Logf   func(format string, args ...any)
}

// LoginReport is the one JSON line `server bench login` prints.
type LoginReport struct {
	Logins int `json:"logins"`
	// LoggedIn phones got their tokens, within GiveUp, retrying as the app
	// does when told 503 + Retry-After; Busy counts those 503 answers.
	LoggedIn int `json:"logged_in"`
	Busy     int `json:"busy_answers"`
	Failed   int `json:"failed"`
	// FirstAnswer*: from the press to the server's first answer, a token
	// or a 503 — what decides whether a phone's request times out.
	FirstAnswerP50Ms float64 `json:"first_answer_p50_ms"`
	FirstAnswerP99Ms float64 `json:"first_answer_p99_ms"`
	FirstAnswerMaxMs float64 `json:"first_answer_max_ms"`
	// LoggedIn*: from the press until the phone holds its tokens.
	LoggedInP50Ms float64 `json:"logged_in_p50_ms"`
	LoggedInP99Ms float64 `json:"logged_in_p99_ms"`
	LoggedInMaxMs float64 `json:"logged_in_max_ms"`
	// LoginsPerS is LoggedIn over the whole storm's duration.
	LoginsPerS float64 `json:"logins_per_s"`
	// PeakRSSMB is the server's VmHWM at the end (the child process alone).
	PeakRSSMB float64 `json:"peak_rss_mb"`
	CPUs      int     `json:"cpus"`
}

// Login seeds cfg.Logins citizens, starts the server and logs them all in
// at once over loopback.
func Login(ctx context.Context, cfg LoginConfig) (*LoginReport, error) {
	if cfg.Logins <= 0 {
		return nil, errors.New("bench: logins must be positive")
	}
	if cfg.Launch == nil {
		return nil, errors.New("bench: no launcher")
	}
	if cfg.GiveUp <= 0 {
		cfg.GiveUp = 2 * time.Minute
	}
	logf := orDiscard(cfg.Logf)
	dir, err := os.MkdirTemp("", "hoithi-bench-login-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if _, _, err := seedLoginPeople(ctx, dir, cfg.Logins); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	logf("seeded %d citizens; starting the server", cfg.Logins)
	srv, err := cfg.Launch(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer srv.Stop()
	report, err := storm(ctx, srv.Addr, cfg.Logins, cfg.GiveUp, logf)
	if err != nil {
		return nil, err
	}
	if _, peak, err := ProcMemory(srv.PID); err == nil {
		report.PeakRSSMB = megabytes(peak)
	}
	return report, srv.Stop()
}

// seedLoginPeople writes the secrets and n citizens sharing one password.
func seedLoginPeople(ctx context.Context, dir string, n int) (jwtSecret, dataKey []byte, err error) {
	if jwtSecret, dataKey, err = writeSecrets(dir); err != nil {
		return nil, nil, err
	}
	b, err := openBase(ctx, dir, dataKey)
	if err != nil {
		return nil, nil, err
	}
	defer b.st.Close()
	_, err = seedPeople(ctx, b.st, b.keys, b.grassroots, n, b.now)
	return jwtSecret, dataKey, err
}

// storm runs the simultaneous logins and measures them.
func storm(ctx context.Context, addr string, n int, giveUp time.Duration, logf func(string, ...any)) (*LoginReport, error) {
	c := newClient(addr, n)
	defer c.close()
	go0 := make(chan struct{})
	var (
		mu                 sync.Mutex
		first, done        Histogram
		loggedIn, busy, ko int
		wg                 sync.WaitGroup
	)
	var start time.Time
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := json.Marshal(map[string]string{"login": benchPhone(i), "password": benchPassword})
			ip := fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)
			<-go0
			var firstAt time.Duration
			nBusy := 0
			for {
				r := c.doWith("POST", "/api/v1/auth/login", "", body, []string{"X-Forwarded-For", ip})
				if firstAt == 0 {
					firstAt = time.Since(start)
				}
				wait, _ := strconv.Atoi(r.retryAfter)
				if r.status == 503 && wait > 0 && time.Since(start) < giveUp && ctx.Err() == nil {
					nBusy++
					time.Sleep(time.Duration(wait)*time.Second + time.Duration(rand.Int64N(int64(time.Second))))
					continue
				}
				mu.Lock()
				first.Record(firstAt)
				busy += nBusy
				if r.ok() {
					loggedIn++
					done.Record(time.Since(start))
				} else {
					ko++
					if ko <= 3 {
						logf("login %d failed: %d %v %.200s", i, r.status, r.err, r.body)
					}
				}
				mu.Unlock()
				return
			}
		}()
	}
	time.Sleep(100 * time.Millisecond) // let every goroutine reach the gate
	start = time.Now()
	close(go0)
	wg.Wait()
	total := time.Since(start)
	logf("%d logins in %.1fs", n, total.Seconds())
	return &LoginReport{
		Logins: n, LoggedIn: loggedIn, Busy: busy, Failed: ko,
		FirstAnswerP50Ms: round1(first.QuantileMs(0.50)), FirstAnswerP99Ms: round1(first.QuantileMs(0.99)), FirstAnswerMaxMs: round1(first.QuantileMs(1)),
		LoggedInP50Ms: round1(done.QuantileMs(0.50)), LoggedInP99Ms: round1(done.QuantileMs(0.99)), LoggedInMaxMs: round1(done.QuantileMs(1)),
		LoginsPerS: round1(float64(loggedIn) / total.Seconds()), CPUs: runtime.NumCPU(),
	}, nil
}
