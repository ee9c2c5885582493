package api

import (
	"testing"
	"time"
)

// myRoundsOf returns the rounds of GET /me/rounds as maps.
func myRoundsOf(t *testing.T, e *env, token string) []map[string]any {
	t.Helper()
	r := e.do("GET", "/api/v1/me/rounds", nil, token)
	if r.Status != 200 {
		t.Fatalf("GET /me/rounds: %d %s", r.Status, r.Raw)
	}
	var out []map[string]any
	for _, x := range r.Body["rounds"].([]any) {
		out = append(out, x.(map[string]any))
	}
	return out
}

// TestMyRoundsListsTheOpenRoundsACitizenMayEnter: the citizen's home shows
// the open round of a contest of their unit with their progress; a round
// not open yet, a person of another ward and the contest's own staff see
// nothing of it.
func TestMyRoundsListsTheOpenRoundsACitizenMayEnter(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		later := f.roundBody(2)
		later["opensAt"], later["closesAt"] = e.now.Add(24*time.Hour), e.now.Add(48*time.Hour)
		if r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/rounds", later, f.org); r.Status != 201 {
			t.Fatalf("create round 2: %d %s", r.Status, r.Raw)
		} else if r := e.do("POST", "/api/v1/org/rounds/"+r.Body["round"].(map[string]any)["id"].(string)+"/publish", nil, f.org); r.Status != 200 {
			t.Fatalf("publish round 2: %d %s", r.Status, r.Raw)
		}

		if r := e.do("GET", "/api/v1/me/rounds", nil, ""); r.Status != 401 {
			t.Errorf("anonymous: %d, want 401", r.Status)
		}

		tok, _ := e.register(1, "W1-A")
		got := myRoundsOf(t, e, tok)
		if len(got) != 1 {
			t.Fatalf("want the one open round, got %v", got)
		}
		round := got[0]["round"].(map[string]any)
		if got[0]["contestSlug"] != f.slug || got[0]["contestTitle"] != "Tìm hiểu lịch sử Đảng bộ" || round["id"] != f.roundID ||
			round["phase"] != "open" || round["attemptsUsed"] != 0.0 || round["maxAttempts"] != 2.0 || round["inProgress"] != nil {
			t.Errorf("before starting: %v", got[0])
		}

		start := f.start(tok)
		if round := myRoundsOf(t, e, tok)[0]["round"].(map[string]any); round["inProgress"] != 1.0 || round["attemptsUsed"] != 1.0 {
			t.Errorf("during the attempt: %v", round)
		}
		f.answerAll(t, tok, 1, questionIDs(start), 3)
		if r := f.submit(tok, 1); r.Status != 200 {
			t.Fatalf("submit: %d %s", r.Status, r.Raw)
		}
		round = myRoundsOf(t, e, tok)[0]["round"].(map[string]any)
		best, _ := round["best"].(map[string]any)
		if round["inProgress"] != nil || round["attemptsUsed"] != 1.0 || best == nil || best["correctCount"] != 3.0 || best["total"] != 5.0 {
			t.Errorf("after the attempt: %v", round)
		}
		// The same figures as the contest page shows.
		r := e.do("GET", "/api/v1/contests/"+f.slug+"/rounds", nil, tok)
		if first := r.Body["rounds"].([]any)[0].(map[string]any); !sameJSON(first, round) {
			t.Errorf("contest page and home disagree:\n%v\n%v", first, round)
		}

		outside, _ := e.register(2, "W2")
		if got := myRoundsOf(t, e, outside); len(got) != 0 {
			t.Errorf("a citizen of another ward sees %v", got)
		}
		if got := myRoundsOf(t, e, f.org); len(got) != 0 {
			t.Errorf("the contest's organizer sees %v", got)
		}

		// Closed: nothing left to enter.
		e.now = e.now.Add(2 * time.Hour)
		if got := myRoundsOf(t, e, e.reissue(tok)); len(got) != 0 {
			t.Errorf("after the round closed: %v", got)
		}
	})
}
