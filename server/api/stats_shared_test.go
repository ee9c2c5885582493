package api

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Two instances sharing a store compute a round's statistics once: the
// second serves the snapshot the first stored (same instant, same figures)
// instead of scanning the round again with its own result.
func TestInstancesServeOneStoredStatisticsSnapshot(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		for i := range 2 {
			tok, _ := e.register(1+i, "W1-A")
			if r := f.start(tok); r.Status != 201 {
				t.Fatalf("start: %d %s", r.Status, r.Raw)
			}
		}
		instance := func(skew time.Duration) *fiber.App {
			return NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, SharedStore: true,
				Now: func() time.Time { return e.now.Add(skew) }}).App
		}
		a, b, own := instance(0), instance(20*time.Second), e.app
		defer func() { e.app = own }()
		stats := func(app *fiber.App) (string, string) {
			e.app = app
			r := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/stats", nil, f.org)
			e.app = own
			if r.Status != 200 {
				t.Fatalf("stats: %d %s", r.Status, r.Raw)
			}
			figures, _ := json.Marshal(r.Body["stats"])
			return string(figures), r.Body["computedAt"].(string)
		}
		figuresA, atA := stats(a)
		// A third person starts after A's snapshot.
		tok, _ := e.register(3, "W1-A")
		if r := f.start(tok); r.Status != 201 {
			t.Fatalf("start: %d %s", r.Status, r.Raw)
		}
		figuresB, atB := stats(b)
		if atB != atA || figuresB != figuresA {
			t.Fatalf("B's statistics: at %s %s; want A's stored snapshot at %s %s", atB, figuresB, atA, figuresA)
		}
	})
}
