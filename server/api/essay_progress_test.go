package api

import (
	"testing"
)

// The per-judge progress of a round; a locked sheet reopened with a reason
// shows the judge that reason.
func TestJudgeProgressAndReopenedSheet(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		workID := f.submitted(t, author, "Giữ vững trận địa")
		roundID, code := f.acceptAndAssign(t, workID)
		url := "/api/v1/org/essay/rounds/" + roundID + "/progress"
		sum := func() (assigned, scored, pending int, who map[string]map[string]any) {
			who = map[string]map[string]any{}
			for _, j := range e.do("GET", url, nil, f.sec).Body["judges"].([]any) {
				m := j.(map[string]any)
				assigned += int(m["assigned"].(float64))
				scored += int(m["scored"].(float64))
				pending += int(m["pending"].(float64))
				who[m["judgeId"].(string)] = m
			}
			return
		}
		if a, s, p, who := sum(); a != 2 || s != 0 || p != 2 || len(who) != 2 {
			t.Fatalf("before scoring: %d assigned, %d scored, %d pending, %v", a, s, p, who)
		}
		var scorer string
		for i, tok := range f.judges {
			if r := e.do("PUT", "/api/v1/judge/rounds/"+roundID+"/works/"+code+"/score", map[string]any{"criteria": map[string]any{"nd": 8}, "submit": true}, tok); r.Status == 200 {
				scorer = f.judgeIDs[i]
				break
			}
		}
		_, s, p, who := sum()
		if s != 1 || p != 1 || who[scorer]["lastActivity"] == nil || who[scorer]["fullName"] != "Nguyễn Văn An" {
			t.Fatalf("after one sheet: %d scored, %d pending, %v", s, p, who)
		}
		for id, m := range who {
			if id != scorer && (len(m["pendingCodes"].([]any)) != 1 || m["pendingCodes"].([]any)[0] != code) {
				t.Fatalf("the pending judge owes %v", m["pendingCodes"])
			}
		}

		unlock := "/api/v1/org/essay/rounds/" + roundID + "/works/" + workID + "/unlock"
		if r := e.do("POST", unlock, map[string]any{"judgeId": scorer, "reason": " "}, f.sec); r.Status != 400 {
			t.Fatalf("reopen without a reason: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", unlock, map[string]any{"judgeId": scorer, "reason": "Nhập nhầm điểm"}, f.sec); r.Status != 200 {
			t.Fatalf("reopen: %d %s", r.Status, r.Raw)
		}
		for i, tok := range f.judges {
			if f.judgeIDs[i] != scorer {
				continue
			}
			q := e.do("GET", "/api/v1/judge/rounds/"+roundID+"/works", nil, tok)
			w := q.Body["works"].([]any)[0].(map[string]any)
			if w["status"] != "draft" || w["reopened"] != "Nhập nhầm điểm" {
				t.Fatalf("the judge is told: %s", q.Raw)
			}
		}
	})
}
