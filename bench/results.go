package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// ResultsConfig sizes a results run.
type ResultsConfig struct {
	People int // each with one submitted attempt in the round
	// CPUProfile, when set, receives a CPU profile of the compute request.
	CPUProfile string
	// MemProfile, when set, receives a heap profile taken when the heap
	// in use during the request was at its largest (sampled every 100 ms).
	MemProfile string
	Logf       func(format string, args ...any)
}

// ResultsReport is the one JSON line `server bench results` prints.
type ResultsReport struct {
	People int `json:"people"`
	// Seconds is from the organizer's click to compute the round's
	// results to the job seen done (followed every 50 ms, as the page
	// does): every record read and re-scored, ranked, names read, the
	// table written.
	Seconds float64 `json:"seconds"`
	// PeakRSSMB is this process's VmHWM during the request (the server
	// runs in process; the peak is reset once seeding is done).
	PeakRSSMB   float64 `json:"peak_rss_mb"`
	SeedSeconds float64 `json:"seed_seconds"`
	// Participants is what the computation counted (= People when every
	// record was read).
	Participants int `json:"participants"`
}

// Results seeds a SQLite data directory with cfg.People people who each
// submitted one attempt of a closed round, starts the real API in this
// process and times POST /org/rounds/:rid/results as the organizer, up to
// its background job done.
func Results(ctx context.Context, cfg ResultsConfig) (*ResultsReport, error) {
	if cfg.People < 1 {
		return nil, errors.New("bench: people must be at least 1")
	}
	logf := orDiscard(cfg.Logf)
	var roundID string
	srv, done, err := seedAndServe(ctx, "hoithi-bench-results-", logf, func(dir string, dataKey []byte) (*contests.User, error) {
		id, org, err := seedResultsWorld(ctx, dir, dataKey, cfg.People, logf)
		roundID = id
		return org, err
	})
	if err != nil {
		return nil, err
	}
	defer done()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+srv.Addr+"/api/v1/org/rounds/"+roundID+"/results", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+srv.token)
	stopProfile, err := startCPUProfile(cfg.CPUProfile)
	if err != nil {
		return nil, err
	}
	defer stopProfile()
	if cfg.MemProfile != "" {
		stop := heapAtPeak(cfg.MemProfile, logf)
		defer stop()
	}
	t0 := time.Now()
	out, err := followResultsJob(ctx, req, "http://"+srv.Addr+"/api/v1/org/rounds/"+roundID+"/results/job", srv.token)
	if err != nil {
		return nil, err
	}
	seconds := time.Since(t0).Seconds()
	_, peak, err := ProcMemory(os.Getpid())
	if err != nil {
		return nil, err
	}
	logf("computed the results of %d people in %.1fs", out.Summary.Participants, seconds)
	return &ResultsReport{People: cfg.People, Seconds: round2(seconds), PeakRSSMB: megabytes(peak),
		SeedSeconds: round2(srv.seedSeconds), Participants: int(out.Summary.Participants)}, nil
}

// resultsJob is what the job's status answers.
type resultsJob struct {
	Status  string            `json:"status"`
	Error   string            `json:"error"`
	Summary quiz.RoundSummary `json:"summary"`
}

// followResultsJob clicks compute (click: the POST) and follows the job
// as the organizer's page does, every 50 ms, until it is no longer running.
func followResultsJob(ctx context.Context, click *http.Request, jobURL, token string) (*resultsJob, error) {
	client := &http.Client{Timeout: time.Minute}
	call := func(req *http.Request, want int) (*resultsJob, error) {
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("compute results: %w", err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			return nil, fmt.Errorf("compute results: %d %s", resp.StatusCode, body)
		}
		var j resultsJob
		if err := json.Unmarshal(body, &j); err != nil {
			return nil, fmt.Errorf("compute results: %w", err)
		}
		return &j, nil
	}
	j, err := call(click, http.StatusAccepted)
	for err == nil && j.Status == "running" {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		req, rerr := http.NewRequestWithContext(ctx, http.MethodGet, jobURL, nil)
		if rerr != nil {
			return nil, rerr
		}
		req.Header.Set("Authorization", "Bearer "+token)
		j, err = call(req, http.StatusOK)
	}
	if err != nil {
		return nil, err
	}
	if j.Status != "done" {
		return nil, fmt.Errorf("compute results: job %s: %s", j.Status, j.Error)
	}
	return j, nil
}

// seedResultsWorld stores the unit tree, a quiz contest with a bank and a
// closed round, n citizens and for each a record with one submitted
// attempt (a paper drawn as the server draws it, some answers right), and
// the organizer. It returns the round's ID and the organizer.
func seedResultsWorld(ctx context.Context, dir string, dataKey []byte, n int, logf func(string, ...any)) (string, *contests.User, error) {
	b, err := openBase(ctx, dir, dataKey)
	if err != nil {
		return "", nil, err
	}
	defer b.st.Close()
	st, now := b.st, b.now
	ct, err := b.wardQuiz(ctx, "bench-results", "Tìm hiểu lịch sử Đảng bộ Phường An Biên (đo tính kết quả)", "", 8*24*time.Hour)
	if err != nil {
		return "", nil, err
	}
	bank := benchBank()
	if err := st.CreateQuestions(ctx, ct.ID, bank); err != nil {
		return "", nil, fmt.Errorf("bank: %w", err)
	}
	opens := now.Add(-7 * 24 * time.Hour)
	r := benchRound(ct.ID, 1, opens, now.Add(-time.Hour))
	if err := st.CreateRound(ctx, r); err != nil {
		return "", nil, fmt.Errorf("round: %w", err)
	}
	plan, err := quiz.Prepare(bank, r.Blueprint)
	if err != nil {
		return "", nil, err
	}
	t0 := time.Now()
	ids, err := seedExportPeople(ctx, st, b.keys, b.grassroots, n, now)
	if err != nil {
		return "", nil, err
	}
	logf("seeded %d users in %.1fs", n, time.Since(t0).Seconds())
	t0 = time.Now()
	key := plan.Key()
	for i, id := range ids {
		started := opens.Add(time.Duration(i%(6*24*3600)) * time.Second)
		p := &quiz.Participation{RoundID: r.ID, UserID: id, ContestID: ct.ID, UnitPath: b.grassroots[i%len(b.grassroots)].Path}
		paper, err := plan.Draw(uint64(i) + 1)
		if err != nil {
			return "", nil, err
		}
		if _, _, err := p.Start(r, store.NewID(), paper, key, started); err != nil {
			return "", nil, fmt.Errorf("start %d: %w", i, err)
		}
		for j, it := range paper.Items {
			answer := key[it.QuestionID]
			if (i+j)%3 == 0 { // a third of the answers wrong, spread
				answer = []string{it.OptionOrder[(j+1)%len(it.OptionOrder)]}
			}
			if _, err := p.SaveAnswer(1, it.QuestionID, answer, int64(j+1), started.Add(time.Duration(j+1)*10*time.Second)); err != nil {
				return "", nil, fmt.Errorf("answer %d: %w", i, err)
			}
		}
		if _, err := p.SavePrediction(1, int64(n-i%1000), 1, started.Add(5*time.Minute)); err != nil {
			return "", nil, fmt.Errorf("prediction %d: %w", i, err)
		}
		if _, _, err := p.Submit(1, key, started.Add(6*time.Minute), r.Policy); err != nil {
			return "", nil, fmt.Errorf("submit %d: %w", i, err)
		}
		p.Version = 1
		if err := st.PutParticipation(ctx, p); err != nil {
			return "", nil, fmt.Errorf("record %d: %w", i, err)
		}
		if (i+1)%100_000 == 0 {
			logf("seeded %d records", i+1)
		}
	}
	logf("seeded %d records in %.1fs", n, time.Since(t0).Seconds())
	org := &contests.User{ID: store.NewID(), FullName: "Ban Tổ chức Phường An Biên", Phone: "+84900000000", PhoneKey: "+84900000000",
		UnitID: b.ward.ID, UnitPath: b.ward.Path, CreatedAt: now,
		Grants: []contests.Grant{{Role: contests.RoleOrganizer, UnitID: b.ward.ID, UnitPath: b.ward.Path}}}
	if err := st.CreateUser(ctx, org); err != nil {
		return "", nil, fmt.Errorf("organizer: %w", err)
	}
	return r.ID, org, nil
}

// heapAtPeak writes a heap profile to path each time the process's
// resident memory grows 10% past the last one written, until stop is
// called, and logs what the memory was then: the Go heap in use, the heap
// the runtime holds but does not use (freed, not yet returned), and the
// rest (SQLite's own memory and the runtime's).
func heapAtPeak(path string, logf func(string, ...any)) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var last int64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			rss, _, err := ProcMemory(os.Getpid())
			if err != nil || rss < last+last/10 {
				continue
			}
			last = rss
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if f, err := os.Create(path); err == nil {
				_ = pprof.WriteHeapProfile(f)
				f.Close()
				mb := func(n uint64) float64 { return float64(n) / (1 << 20) }
				logf("resident %.0f MB (Go heap in use %.0f MB, held unused %.0f MB, runtime total %.0f MB): profile written",
					megabytes(rss), mb(ms.HeapInuse), mb(ms.HeapIdle-ms.HeapReleased), mb(ms.Sys-ms.HeapReleased))
			}
		}
	}()
	return func() { close(done); <-finished }
}
