package api

import (
	"context"
	"encoding/json"
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

// slowResults makes a computation last long enough for a second click to
// arrive during it, and counts the tables written.
type slowResults struct {
	store.Store
	replaced *atomic.Int32
}

func (s slowResults) EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error {
	time.Sleep(300 * time.Millisecond)
	return s.Store.EachParticipation(ctx, roundID, fn)
}

func (s slowResults) ReplaceStandings(ctx context.Context, roundID string, rows []quiz.Standing) error {
	s.replaced.Add(1)
	return s.Store.ReplaceStandings(ctx, roundID, rows)
}

// Computing results clicked on two instances at once runs once: both
// answer with the same results and one table is written.
func TestComputeClickedOnTwoInstancesRunsOnce(t *testing.T) {
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
			st := slowResults{Store: e.store, replaced: &replaced}
			instance := func() *fiber.App {
				return NewServer(Deps{Store: st, Tokens: e.tokens, Keys: e.keys, SharedStore: true, Now: func() time.Time { return e.now }}).App
			}
			apps := []*fiber.App{instance(), instance()}
			statuses, summaries := make([]int, 2), make([]string, 2)
			var wg sync.WaitGroup
			for i, app := range apps {
				wg.Add(1)
				go func() {
					defer wg.Done()
					time.Sleep(time.Duration(i) * 50 * time.Millisecond) // the second click during the first
					req := httptest.NewRequest("POST", "/api/v1/org/rounds/"+f.roundID+"/results", nil)
					req.Header.Set("Authorization", "Bearer "+org)
					resp, err := app.Test(req, 60_000)
					if err != nil {
						t.Error(err)
						return
					}
					defer resp.Body.Close()
					var body map[string]any
					_ = json.NewDecoder(resp.Body).Decode(&body)
					sum, _ := json.Marshal(body["summary"])
					statuses[i], summaries[i] = resp.StatusCode, string(sum)
				}()
			}
			wg.Wait()
			if statuses[0] != 200 || statuses[1] != 200 || summaries[0] != summaries[1] || summaries[0] == "null" {
				t.Fatalf("two clicks answered %v with summaries %v; want both 200 with the same results", statuses, summaries)
			}
			if n := replaced.Load(); n != 1 {
				t.Fatalf("%d tables written for two clicks at once, want 1", n)
			}
		})
	}
}
