package api

import (
	"slices"
	"strings"
	"testing"
)

func essayRoundBody(f *essayFixture, name string) map[string]any {
	return map[string]any{"no": 1, "name": name, "kind": "preliminary",
		"rubric":        map[string]any{"scale": 10, "step": 0.25, "criteria": []map[string]any{{"key": "nd", "name": "Nội dung", "max": 10}}},
		"judgesPerWork": 2, "policy": "average", "threshold": 3, "advance": map[string]any{"mode": "top_n", "topN": 5},
		"panels": []map[string]any{{"category": "newspaper_online", "judgeIds": f.judgeIDs}}}
}

// Two organizers load one judging round; the first saves, the second's save
// over the version it loaded is refused with the reload message and the
// first's change stays. An edit without a version, and one after the round
// was assigned, are refused too.
func TestStaleJudgingRoundEditIsRefused(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		r := e.do("POST", "/api/v1/org/essay/"+f.contestID+"/rounds", essayRoundBody(f, "Sơ khảo"), f.sec)
		if r.Status != 201 {
			t.Fatalf("round: %d %s", r.Status, r.Raw)
		}
		round := r.Body["round"].(map[string]any)
		path := "/api/v1/org/essay/rounds/" + round["id"].(string)
		version := round["version"].(float64)
		nameNow := func() any {
			for _, x := range e.do("GET", "/api/v1/org/essay/"+f.contestID+"/rounds", nil, f.org).Body["rounds"].([]any) {
				return x.(map[string]any)["name"]
			}
			return nil
		}

		first := essayRoundBody(f, "Sơ khảo (thư ký sửa)")
		first["version"] = version
		r = e.do("PUT", path, first, f.sec)
		if r.Status != 200 || r.Body["round"].(map[string]any)["version"].(float64) != version+1 {
			t.Fatalf("first save: %d %s; want 200 at version %v", r.Status, r.Raw, version+1)
		}
		second := essayRoundBody(f, "Sơ khảo (bản cũ)")
		second["version"] = version
		r = e.do("PUT", path, second, f.org)
		if r.Status != 409 || r.errCode() != "conflict" || errMessage(r) != staleMessage {
			t.Fatalf("stale save: %d %s; want 409 %q", r.Status, r.Raw, staleMessage)
		}
		if got := nameNow(); got != "Sơ khảo (thư ký sửa)" {
			t.Fatalf("name after the refused save = %v, want the first save's", got)
		}
		if r := e.do("PUT", path, second, f.org, "Accept-Language", "en"); !strings.Contains(errMessage(r), "reload") {
			t.Fatalf("English stale message = %q", errMessage(r))
		}
		if r := e.do("PUT", path, essayRoundBody(f, "Không phiên bản"), f.org); r.Status != 400 || !slices.Contains(r.fieldNames(), "version") {
			t.Fatalf("edit without a version: %d %s; want 400 naming version", r.Status, r.Raw)
		}

		if r := e.do("POST", path+"/assign", nil, f.sec); r.Status != 200 {
			t.Fatalf("assign: %d %s", r.Status, r.Raw)
		}
		late := essayRoundBody(f, "Sau phân công")
		late["version"] = version + 2 // assignment stored one more change
		if r := e.do("PUT", path, late, f.org); r.Status != 409 || nameNow() != "Sơ khảo (thư ký sửa)" {
			t.Fatalf("edit after assignment: %d %s, name %v; want 409 and no change", r.Status, r.Raw, nameNow())
		}
	})
}
