package api

import (
	"strings"
	"testing"

	"hoithi/contests/quiz"
)

// staleMessage is what an organizer reads when saving over another's change.
const staleMessage = "Đã có người khác sửa mục này, hãy tải lại."

func errMessage(r response) string {
	m, _ := r.Body["error"].(map[string]any)
	s, _ := m["message"].(string)
	return s
}

// Two organizers load the same round and contest; the first saves, the
// second's save over the older version is refused with the reload message
// and leaves the first one's change in place.
func TestStaleEditsAreRefused(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		path := "/api/v1/org/rounds/" + f.roundID
		loaded := e.do("GET", path, nil, f.org)
		if loaded.Status != 200 {
			t.Fatalf("get round: %d %s", loaded.Status, loaded.Raw)
		}
		version := loaded.Body["round"].(map[string]any)["version"].(float64)
		first := f.roundBody(1)
		first["title"], first["version"] = "Tuần 1 (sửa)", version
		r := e.do("PUT", path, first, f.org)
		if r.Status != 200 || r.Body["round"].(map[string]any)["version"].(float64) != version+1 {
			t.Fatalf("first save: %d %s; want 200 at version %v", r.Status, r.Raw, version+1)
		}
		second := f.roundBody(1)
		second["title"], second["version"] = "Tuần 1 (bản cũ)", version
		r = e.do("PUT", path, second, f.org)
		if r.Status != 409 || r.errCode() != "conflict" || errMessage(r) != staleMessage {
			t.Fatalf("stale save: %d %s; want 409 %q", r.Status, r.Raw, staleMessage)
		}
		if got := e.do("GET", path, nil, f.org).Body["round"].(map[string]any)["title"]; got != "Tuần 1 (sửa)" {
			t.Fatalf("title after the refused save = %v, want the first save's", got)
		}
		r = e.do("PUT", path, second, f.org, "Accept-Language", "en")
		if !strings.Contains(errMessage(r), "reload") {
			t.Fatalf("English stale message = %q", errMessage(r))
		}

		cpath := "/api/v1/org/contests/" + f.contestID
		cv := e.do("GET", cpath, nil, f.org).Body["contest"].(map[string]any)["version"].(float64)
		if r := e.do("PATCH", cpath, map[string]any{"title": "Tên mới", "version": cv}, f.org); r.Status != 200 {
			t.Fatalf("contest save: %d %s", r.Status, r.Raw)
		}
		if r := e.do("PATCH", cpath, map[string]any{"title": "Tên cũ", "version": cv}, f.org); r.Status != 409 || errMessage(r) != staleMessage {
			t.Fatalf("stale contest save: %d %s; want 409", r.Status, r.Raw)
		}
	})
}

// Results computed from a round read before an organizer's edit (here by a
// second server on the same store, as another instance would) write only
// their own figures: the edit stays.
func TestComputingResultsKeepsAnEditMadeMeanwhile(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		_, computeFromEarly := f.readForResults(t)
		edit := f.roundBody(1)
		edit["title"] = "Tuần 1 — đã sửa trong lúc tính"
		if r := e.do("PUT", "/api/v1/org/rounds/"+f.roundID, edit, f.org); r.Status != 200 {
			t.Fatalf("edit: %d %s", r.Status, r.Raw)
		}
		if err := computeFromEarly(); err != nil {
			t.Fatalf("compute on the stale copy: %v", err)
		}
		got, err := e.store.Round(t.Context(), f.roundID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Tuần 1 — đã sửa trong lúc tính" || got.ResultsAt.IsZero() || got.Status != quiz.RoundPublished {
			t.Fatalf("after computing: title %q, resultsAt %v, status %s; want the edit kept and results recorded", got.Title, got.ResultsAt, got.Status)
		}
	})
}
