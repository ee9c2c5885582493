package api

import (
	"testing"
)

// The overall standings across rounds and the collective (unit) prizes.
func TestOverallAndCollectiveStandings(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"settings": map[string]any{
			"excludedRoles": []string{"organizer"},
			"overall":       map[string]any{"rule": map[string]any{"keys": []string{"score_desc", "duration_asc"}}, "tiers": []map[string]any{{"key": "nhat", "name": "Giải Nhất toàn cuộc thi", "count": 1}}},
		}}, f.org)
		f.playThree(t) // A (Khu phố 1) answers everything; B (Khu phố 1) 2 of 5; C (ward W1 itself) 4 of 5.
		if r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/overall", nil, f.org); r.Status != 409 {
			t.Fatalf("overall with no published round: %d %s", r.Status, r.Raw)
		}
		f.publishResults()
		if r := e.do("GET", "/api/v1/org/contests/"+f.contestID+"/overall/job", nil, f.org); r.Status != 204 {
			t.Fatalf("overall job before any: %d %s", r.Status, r.Raw)
		}
		r := e.runJob("/api/v1/org/contests/"+f.contestID+"/overall", f.org)
		if got, _ := r.Body["overall"].(map[string]any); r.Status != 200 || r.Body["status"] != "done" || r.Body["progress"] != float64(100) ||
			got["rounds"] != float64(1) || got["people"] != float64(3) || got["winners"] != float64(1) {
			t.Fatalf("overall: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/contests/"+f.slug+"/overall", nil, "")
		rows := r.Body["standings"].([]any)
		if len(rows) != 3 || rows[0].(map[string]any)["score"] != float64(5) || rows[0].(map[string]any)["prizeName"] != "Giải Nhất toàn cuộc thi" {
			t.Fatalf("overall standings: %s", r.Raw)
		}
		// Collective: units one level below the ward: only Khu phố 1 exists,
		// with 2 participants and A's Nhất; C counts for the ward itself.
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/collective?formula=most_participants", nil, f.org)
		units := r.Body["units"].([]any)
		if r.Status != 200 || len(units) != 1 {
			t.Fatalf("collective: %d %s", r.Status, r.Raw)
		}
		u := units[0].(map[string]any)
		if u["code"] != "W1-A" || u["participants"] != float64(2) || u["rank"] != float64(1) {
			t.Fatalf("collective unit: %v", u)
		}
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/collective?formula=participation_rate&level=2", nil, f.org)
		u = r.Body["units"].([]any)[0].(map[string]any)
		if r.Status != 200 || u["code"] != "W1" || u["participants"] != float64(3) || u["ratePct"] != float64(3) {
			t.Fatalf("collective by rate at ward level (3 of 100): %d %s", r.Status, r.Raw)
		}
	})
}

// TestConcurrentStartsAndSubmits runs on SQLite (atomic): racing requests of
// one person start one attempt and finalize it once.
