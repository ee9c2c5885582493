package api

import (
	"testing"
)

// Forwarding: the destination is found by name among the open essay
// contests above; a preview sends nothing; forwarding twice creates the
// entry once (idempotent on the origin work, on both engines); categories
// with no match at the destination are refused until mapped.
func TestForwardingIsIdempotentAndMapsCategories(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		roundID, code := f.scoredWork(t, "Giữ vững trận địa")
		e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/close", nil, f.sec)

		r := e.do("GET", "/api/v1/org/essay/"+f.contestID+"/forward/targets", nil, f.org)
		targets, _ := r.Body["targets"].([]any)
		if r.Status != 200 || len(targets) != 1 || targets[0].(map[string]any)["title"] != "Chính luận cấp tỉnh" || targets[0].(map[string]any)["unitName"] != "Tỉnh An Giang" {
			t.Fatalf("targets: %d %s", r.Status, r.Raw)
		}
		url := "/api/v1/org/essay/" + f.contestID + "/forward"
		body := map[string]any{"toContestId": f.parentID, "roundId": roundID, "topN": 5}
		provinceOrg := e.staff(900, "organizer", "P")
		count := func() int {
			r := e.do("GET", "/api/v1/org/essay/"+f.parentID+"/works", nil, provinceOrg)
			return len(r.Body["works"].([]any))
		}
		preview := map[string]any{"preview": true}
		for k, v := range body {
			preview[k] = v
		}
		r = e.do("POST", url, preview, f.org)
		works, _ := r.Body["works"].([]any)
		if r.Status != 200 || r.Body["forwarded"] != float64(0) || len(works) != 1 || works[0].(map[string]any)["code"] != code ||
			works[0].(map[string]any)["toCategory"] != "Báo điện tử" || count() != 0 {
			t.Fatalf("preview: %d %s", r.Status, r.Raw)
		}
		for i, want := range []float64{1, 0} {
			r = e.do("POST", url, body, f.org)
			if r.Status != 200 || r.Body["forwarded"] != want {
				t.Fatalf("forward #%d: %d %s", i+1, r.Status, r.Raw)
			}
		}
		if r.Body["works"].([]any)[0].(map[string]any)["already"] != true || count() != 1 {
			t.Fatalf("the second click created something: %s, %d works up", r.Raw, count())
		}

		// A province contest with the ward preset has no "Báo điện tử": the
		// organizer must say where the category goes.
		ward := e.newContest(t, provinceOrg, "chinh-luan-tinh-2", "essay", "P", "", false)
		body["toContestId"] = ward
		if r := e.do("POST", url, body, f.org); r.Status != 400 || r.fieldNames()[0] != "categoryMap.newspaper_online" {
			t.Fatalf("unmapped category: %d %s", r.Status, r.Raw)
		}
		body["categoryMap"] = map[string]any{"newspaper_online": "chinh_luan"}
		if r := e.do("POST", url, body, f.org); r.Status != 200 || r.Body["forwarded"] != float64(1) ||
			r.Body["works"].([]any)[0].(map[string]any)["toCategory"] != "Bài chính luận" {
			t.Fatalf("mapped category: %d %s", r.Status, r.Raw)
		}
	})
}
