package api

import (
	"testing"
	"time"
)

// The rules answer says open or closed exactly when submit accepts or
// refuses: before the deadline open; after it closed and submit refused;
// a closed contest (status) closed whatever the deadline.
func TestRulesOpenMatchesWhatSubmitEnforces(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		good := docx(t, "", essayText(300))
		rules := func() bool {
			r := e.do("GET", "/api/v1/contests/"+f.slug+"/essay", nil, "")
			open, ok := r.Body["open"].(bool)
			if r.Status != 200 || !ok {
				t.Fatalf("rules: %d %s", r.Status, r.Raw)
			}
			return open
		}
		author, _ := e.register(1, "W1-A")
		if !rules() {
			t.Fatal("rules say closed before the deadline")
		}
		if r := f.submit(author, f.workBody("Đúng hạn"), "bai.docx", good); r.Status != 201 {
			t.Fatalf("submit while open: %d %s", r.Status, r.Raw)
		}

		e.now = e.now.Add(25 * time.Hour) // the fixture's deadline is 24 h on
		if rules() {
			t.Fatal("rules say open after the deadline")
		}
		late, _ := e.register(2, "W1-A")
		if r := f.submit(late, f.workBody("Muộn"), "bai.docx", good); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("submit after the deadline: %d %s", r.Status, r.Raw)
		}

		// Deadline moved on again, but the organizer closed the contest.
		e.now = e.now.Add(-25 * time.Hour)
		cpath := "/api/v1/org/contests/" + f.contestID
		v := e.do("GET", cpath, nil, f.org).Body["contest"].(map[string]any)["version"].(float64)
		if r := e.do("PATCH", cpath, map[string]any{"status": "closed", "version": v}, f.org); r.Status != 200 {
			t.Fatalf("close the contest: %d %s", r.Status, r.Raw)
		}
		if rules() {
			t.Fatal("rules say open for a closed contest")
		}
		if r := f.submit(late, f.workBody("Sau khi đóng"), "bai.docx", good); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("submit to a closed contest: %d %s", r.Status, r.Raw)
		}
	})
}
