package api

import (
	"testing"
	"time"
)

// An attempt whose deadline passed with nobody submitting it, and no
// sweeper run since: the next read shows it finalized (timed out, counted),
// never as neither in progress nor done.
func TestExpiredAttemptFinalizedOnRead(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		tok, userID := e.register(1, "W1-A")
		r := f.start(tok)
		if r.Status != 201 {
			t.Fatalf("start: %d %s", r.Status, r.Raw)
		}
		qids := questionIDs(r)
		if r := f.answer(tok, 1, qids[0], []string{f.key[qids[0]]}, 1); r.Status != 200 {
			t.Fatalf("answer: %d %s", r.Status, r.Raw)
		}
		e.now = e.now.Add(10*time.Minute + 6*time.Second) // past the 600 s limit and the grace
		tok = e.reissue(tok)
		me := e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok)
		if me.Status != 200 {
			t.Fatalf("me: %d %s", me.Status, me.Raw)
		}
		list, _ := me.Body["attempts"].([]any)
		if len(list) != 1 {
			t.Fatalf("attempts = %s, want the expired attempt finalized", me.Raw)
		}
		if _, ok := me.Body["inProgress"]; ok {
			t.Fatalf("inProgress still shown: %s", me.Raw)
		}
		a := list[0].(map[string]any)
		if a["status"] != "timed_out" || a["correctCount"] != float64(1) {
			t.Fatalf("attempt = %v, want timed_out with the saved answer counted", a)
		}
		// The finalization was written: the store has it, not just the answer.
		p, err := e.store.Participation(t.Context(), f.roundID, userID)
		if err != nil || p.Current() != nil {
			t.Fatalf("the store still holds the attempt in progress")
		}
	})
}
