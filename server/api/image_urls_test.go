package api

import (
	"testing"
)

var unsafeImageURLs = []string{"javascript:alert(1)", "JAVASCRIPT:alert(1)", "//evil.example/a.png", "/\\evil.example/a.png",
	"http://hoithi.vn/a.png", "data:image/png;base64,AAAA", "https://u:p@evil.example/a.png"}

func TestBannerAndQuestionImageURLsAreSafe(t *testing.T) {
	e := sqliteEnv(t)
	f := newQuizFixture(t, e)
	contest := "/api/v1/org/contests/" + f.contestID
	for _, bad := range unsafeImageURLs {
		r := e.do("PATCH", contest, map[string]any{"bannerUrl": bad}, f.org)
		if r.Status != 400 || !sameStrings(r.fieldNames(), []string{"bannerUrl"}) {
			t.Errorf("banner %q: %d %s", bad, r.Status, r.Raw)
		}
		r = e.do("POST", contest+"/questions", map[string]any{
			"topic": "Ảnh", "text": "Câu hỏi có ảnh?", "imageUrl": bad,
			"options": []map[string]any{{"id": "A", "text": "Có"}, {"id": "B", "text": "Không"}},
			"correct": []string{"A"}, "points": 1}, f.org)
		if r.Status != 400 || !sameStrings(r.fieldNames(), []string{"imageUrl"}) {
			t.Errorf("question image %q: %d %s", bad, r.Status, r.Raw)
		}
	}
	for _, good := range []string{"https://hoithi.vn/anh/bia.png", "/uploads/bia.png"} {
		r := e.do("PATCH", contest, map[string]any{"bannerUrl": good}, f.org)
		if r.Status != 200 || r.Body["contest"].(map[string]any)["bannerUrl"] != good {
			t.Errorf("banner %q: %d %s", good, r.Status, r.Raw)
		}
		r = e.do("POST", contest+"/questions", map[string]any{
			"topic": "Ảnh", "text": "Câu hỏi có ảnh " + good + "?", "imageUrl": good,
			"options": []map[string]any{{"id": "A", "text": "Có"}, {"id": "B", "text": "Không"}},
			"correct": []string{"A"}, "points": 1}, f.org)
		if r.Status != 201 {
			t.Errorf("question image %q: %d %s", good, r.Status, r.Raw)
		}
	}
}
