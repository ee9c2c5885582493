package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// computeResults clicks "compute" for the round and follows the job as
// the organizer's page does (runJob).
func (e *env) computeResults(roundID, token string) response {
	e.t.Helper()
	return e.runJob("/api/v1/org/rounds/"+roundID+"/results", token)
}

// runJob POSTs path, which starts a background job, and follows it at
// path+"/job": the last GET once it is no longer running, or the POST's
// answer when it was refused.
func (e *env) runJob(path, token string) response {
	e.t.Helper()
	r := e.do("POST", path, nil, token)
	if r.Status != 202 {
		return r
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		j := e.do("GET", path+"/job", nil, token)
		if j.Status != 200 || j.Body["status"] != "running" {
			return j
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("the job of %s still runs after a minute: %s", path, j.Raw)
		}
	}
}

// slowResults holds a computation until gate is closed (when not nil), so
// a second click arrives during it, counts the tables written, and fails on
// demand.
type slowResults struct {
	store.Store
	replaced *atomic.Int32
	gate     chan struct{}
	fail     bool
}

func (s slowResults) EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error {
	if s.gate != nil {
		<-s.gate
	}
	if s.fail {
		return errors.New("disk read error")
	}
	return s.Store.EachParticipation(ctx, roundID, fn)
}

func (s slowResults) ReplaceStandings(ctx context.Context, roundID string, rows []quiz.Standing) error {
	s.replaced.Add(1)
	return s.Store.ReplaceStandings(ctx, roundID, rows)
}

func (s slowResults) ReplaceStandingsFrom(ctx context.Context, roundID string, next func() ([]quiz.Standing, error)) error {
	s.replaced.Add(1)
	return s.Store.ReplaceStandingsFrom(ctx, roundID, next)
}

// Computing results clicked on two instances at once is one job: both
// clicks answer 202 with the same job, one table is written, and either
// instance reports the outcome.
func TestComputeClickedOnTwoInstancesIsOneJob(t *testing.T) {
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) {
			if eng.name == "mongo" && os.Getenv("MONGODB_URI") == "" {
				t.Skip("FerretDB v1 has no single-document atomicity: the lease cannot hold there")
			}
			e := newEnv(t, eng.open(t), Limits{})
			f := newQuizFixture(t, e)
			f.playThree(t)
			e.now = e.now.Add(2 * time.Hour)
			org := f.orgToken()
			var replaced atomic.Int32
			st := slowResults{Store: e.store, replaced: &replaced, gate: make(chan struct{})}
			instance := func() *fiber.App {
				return NewServer(Deps{Store: st, Tokens: e.tokens, Keys: e.keys, SharedStore: true, Now: func() time.Time { return e.now }}).App
			}
			apps := []*fiber.App{instance(), instance()}
			call := func(app *fiber.App, method, path string) (int, map[string]any) {
				req := httptest.NewRequest(method, path, nil)
				req.Header.Set("Authorization", "Bearer "+org)
				resp, err := app.Test(req, 60_000)
				if err != nil {
					t.Error(err)
					return 0, nil
				}
				defer resp.Body.Close()
				var body map[string]any
				_ = json.NewDecoder(resp.Body).Decode(&body)
				return resp.StatusCode, body
			}
			path := "/api/v1/org/rounds/" + f.roundID + "/results"
			// Both clicks land while the first job is held at its reads.
			statuses, ids := make([]int, 2), make([]any, 2)
			var wg sync.WaitGroup
			for i, app := range apps {
				wg.Go(func() {
					var body map[string]any
					statuses[i], body = call(app, "POST", path)
					ids[i] = body["id"]
				})
			}
			wg.Wait()
			close(st.gate)
			if statuses[0] != 202 || statuses[1] != 202 || ids[0] != ids[1] || ids[0] == nil {
				t.Fatalf("two clicks answered %v with jobs %v; want both 202 with the same job", statuses, ids)
			}
			var job map[string]any
			for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
				_, job = call(apps[1], "GET", path+"/job")
				if job["status"] != "running" || time.Now().After(deadline) {
					break
				}
			}
			sum, _ := job["summary"].(map[string]any)
			if job["status"] != "done" || job["progress"] != float64(100) || job["id"] != ids[0] || sum["participants"] != float64(3) {
				t.Fatalf("the job as the other instance reports it: %v", job)
			}
			if n := replaced.Load(); n != 1 {
				t.Fatalf("%d tables written for two clicks at once, want 1", n)
			}
		})
	}
}

func TestResultsJobBeforeAnyAndAfterAFault(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	f := newQuizFixture(t, e)
	f.playThree(t)
	org := f.orgToken()
	if r := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/results/job", nil, org); r.Status != 204 {
		t.Fatalf("job before any click: %d %s", r.Status, r.Raw)
	}
	if r := e.do("POST", "/api/v1/org/rounds/"+f.roundID+"/results", nil, org); r.Status != 409 || r.errCode() != "too_late" {
		t.Fatalf("compute before the round closes: %d %s", r.Status, r.Raw)
	}
	e.now = e.now.Add(2 * time.Hour)
	org = f.orgToken()
	var replaced atomic.Int32
	failing := NewServer(Deps{Store: slowResults{Store: e.store, replaced: &replaced, fail: true}, Tokens: e.tokens, Keys: e.keys,
		Now: func() time.Time { return e.now }})
	e.app = failing.App
	r := e.computeResults(f.roundID, org)
	if r.Status != 200 || r.Body["status"] != "failed" || r.Body["summary"] != nil ||
		r.Body["error"] != "Lỗi máy chủ khi tính; hãy thử lại, nếu vẫn lỗi hãy báo quản trị viên" {
		t.Fatalf("a job whose reads fail: %d %s", r.Status, r.Raw)
	}
	if replaced.Load() != 0 {
		t.Fatal("a failed computation wrote a table")
	}
	if rd := e.do("GET", "/api/v1/org/rounds/"+f.roundID, nil, org); rd.Body["round"].(map[string]any)["resultsAt"] != nil {
		t.Fatalf("a failed computation recorded results: %s", rd.Raw)
	}
	// Clicked again once the fault is gone, it computes.
	e.app = NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }}).App
	if r := e.computeResults(f.roundID, org); r.Body["status"] != "done" {
		t.Fatalf("again after the fault: %d %s", r.Status, r.Raw)
	}
}
