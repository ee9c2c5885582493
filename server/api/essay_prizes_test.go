package api

import (
	"context"
	"testing"
)

// The prize decision: a preview decides nothing; the decision is shown
// after a reload (GET); a second click without a reason is refused and
// erases nothing; a change with a reason replaces it and is audited.
func TestEssayPrizeDecisionIsKept(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		roundID, code := f.scoredWork(t, "Giữ vững trận địa")
		if r := e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/close", nil, f.sec); r.Status != 200 {
			t.Fatalf("close: %d %s", r.Status, r.Raw)
		}
		url := "/api/v1/org/essay/rounds/" + roundID + "/prizes"
		plan := map[string]any{"tiers": []map[string]any{{"key": "nhat", "name": "Giải Nhất"}, {"key": "nhi", "name": "Giải Nhì"}},
			"quotas": map[string]any{"newspaper_online": map[string]any{"nhat": 1, "nhi": 1}}}
		tierOf := func(r response) string {
			awards, _ := r.Body["awards"].([]any)
			if len(awards) == 0 {
				return ""
			}
			return awards[0].(map[string]any)["tierName"].(string)
		}

		if r := e.do("POST", url, map[string]any{"plan": plan, "preview": true}, f.org); r.Status != 200 || tierOf(r) != "Giải Nhất" {
			t.Fatalf("preview: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", url, nil, f.sec); r.Status != 200 || r.Body["decided"] != false || tierOf(r) != "" {
			t.Fatalf("a preview decides nothing: %s", r.Raw)
		}
		if r := e.do("POST", url, map[string]any{"plan": plan}, f.org); r.Status != 200 || r.Body["decided"] != true {
			t.Fatalf("decide: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", url, nil, f.sec); r.Body["decided"] != true || tierOf(r) != "Giải Nhất" {
			t.Fatalf("after a reload: %s", r.Raw)
		}
		r := e.do("POST", url, map[string]any{}, f.org)
		if r.Status != 409 || r.fieldNames()[0] != "reason" {
			t.Fatalf("a second click without a reason: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", url, nil, f.org); tierOf(r) != "Giải Nhất" {
			t.Fatalf("the refused click erased the decision: %s", r.Raw)
		}
		r = e.do("POST", url, map[string]any{"plan": plan, "adjust": []map[string]any{{"code": code, "tier": "nhi"}}, "reason": "Hội đồng hạ giải"}, f.org)
		if r.Status != 200 || tierOf(r) != "Giải Nhì" || r.Body["awards"].([]any)[0].(map[string]any)["adjusted"] != true {
			t.Fatalf("change with a reason: %d %s", r.Status, r.Raw)
		}
		entries, err := e.store.AuditEntries(context.Background(), "contest:"+f.contestID, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		var decided, changed int
		for _, en := range entries {
			switch en.Action {
			case "prizes.decided":
				decided++
			case "prizes.changed":
				changed++
			}
		}
		if decided != 1 || changed != 1 {
			t.Fatalf("audit: %d decided, %d changed", decided, changed)
		}
	})
}
