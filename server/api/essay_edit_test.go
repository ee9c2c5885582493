package api

import (
	"slices"
	"testing"
	"time"
)

func TestAuthorEditsUntilScreeningAndDeadline(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		id := f.submitted(t, author, "Tên cũ")
		body := f.workBody("Tên mới")
		r := f.edit(author, id, body, nil)
		if r.Status != 200 || r.Body["work"].(map[string]any)["title"] != "Tên mới" || r.Body["work"].(map[string]any)["words"] != float64(300) {
			t.Fatalf("edit without a file: %d %s", r.Status, r.Raw)
		}
		r = f.edit(author, id, body, docx(t, "", essayText(450)))
		if r.Status != 200 || r.Body["work"].(map[string]any)["words"] != float64(450) {
			t.Fatalf("edit with a new file: %d %s", r.Status, r.Raw)
		}
		if r := f.edit(author, id, f.workBody(""), nil); r.Status != 400 || !slices.Contains(r.fieldNames(), "title") {
			t.Fatalf("edit to an empty title: %d %s", r.Status, r.Raw)
		}
		other, _ := e.register(2, "W1-A")
		if r := f.edit(other, id, body, nil); r.Status != 404 {
			t.Fatalf("someone else's work: %d", r.Status)
		}
		e.now = e.now.Add(25 * time.Hour)
		if r := f.edit(e.reissue(author), id, body, nil); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("after the deadline: %d %s", r.Status, r.Raw)
		}
		e.now = e.now.Add(-25 * time.Hour)
		e.do("POST", "/api/v1/org/essay/works/"+id+"/screen", map[string]any{"accept": true}, f.sec)
		if r := f.edit(author, id, body, nil); r.Status != 409 {
			t.Fatalf("after screening: %d %s", r.Status, r.Raw)
		}
		mine := e.do("GET", "/api/v1/me/works?contest="+f.slug, nil, author)
		if w := mine.Body["works"].([]any)[0].(map[string]any); w["title"] != "Tên mới" || w["words"] != float64(450) || w["status"] != "accepted" {
			t.Fatalf("my works: %s", mine.Raw)
		}
	})
}

func TestJudgeRecusalHandsTheSeatOver(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		roundID, code := f.acceptAndAssign(t, f.submitted(t, author, "Bài"))
		queue := func(i int) int {
			q := e.do("GET", "/api/v1/judge/rounds/"+roundID+"/works", nil, f.judges[i])
			return len(q.Body["works"].([]any))
		}
		seated, free := -1, -1
		for i := range f.judges {
			if queue(i) == 1 && seated < 0 {
				seated = i
			} else if queue(i) == 0 {
				free = i
			}
		}
		r := e.do("POST", "/api/v1/judge/rounds/"+roundID+"/works/"+code+"/recuse", map[string]any{"reason": "Cùng cơ quan với tác giả"}, f.judges[seated])
		if r.Status != 200 || r.Body["recused"] != true {
			t.Fatalf("recuse: %d %s", r.Status, r.Raw)
		}
		if queue(seated) != 0 || queue(free) != 1 {
			t.Fatalf("after recusal: seated judge has %d, the free one %d", queue(seated), queue(free))
		}
		if r := e.do("GET", "/api/v1/judge/rounds/"+roundID+"/works/"+code, nil, f.judges[seated]); r.Status != 404 {
			t.Fatalf("the recused judge still reads the work: %d", r.Status)
		}
	})
}
