package api

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/audit"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

// slowReads widens the window between reading an author's works and
// storing a new one, as a loaded database does, so that racing
// submissions overlap every time.
type slowReads struct{ store.Store }

func (s slowReads) WorksOfAuthor(ctx context.Context, contestID, authorID string) ([]*essay.Work, error) {
	time.Sleep(40 * time.Millisecond)
	return s.Store.WorksOfAuthor(ctx, contestID, authorID)
}

// One author sending several works at once (two tabs, two instances) gets
// no more than the category allows: the check and the insert take turns
// under the author's lease.
func TestRacingSubmissionsKeepTheAuthorLimit(t *testing.T) {
	eachAtomicStore(t, "the lease cannot hold there", func(t *testing.T, st store.Store) {
		racingSubmissions(t, newEnv(t, slowReads{st}, Limits{}))
	})
}

func racingSubmissions(t *testing.T, e *env) {
	f := newEssayFixture(t, e)
	author, _ := e.register(1, "W1-A")
	file := docx(t, "", essayText(300))
	const n = 6
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			statuses[i] = f.submit(author, f.workBody("Bài gửi cùng lúc"), "bai.docx", file).Status
		})
	}
	wg.Wait()
	created := 0
	for _, st := range statuses {
		switch st {
		case 201:
			created++
		case 400, 409: // over the limit, or still busy with another of them
		default:
			t.Errorf("racing submission answered %d", st)
		}
	}
	works := e.do("GET", "/api/v1/me/works?contest="+f.slug, nil, author).Body["works"].([]any)
	if created != 1 || len(works) != 1 {
		t.Fatalf("%d of %d racing submissions created, %d works stored; the category allows 1 (statuses %v)", created, n, len(works), statuses)
	}
}

// auditDown is a store whose audit log refuses appends while down is set.
type auditDown struct {
	store.Store
	down atomic.Bool
}

func (s *auditDown) AppendAudit(ctx context.Context, chain string, e audit.Entry) error {
	if s.down.Load() {
		return contests.Internal(errors.New("audit log unavailable"))
	}
	return s.Store.AppendAudit(ctx, chain, e)
}

// A submission, edit or withdrawal whose audit entry cannot be written does
// not stand: the author is told it failed and the work is as before.
func TestAChangeWithoutItsAuditEntryIsUndone(t *testing.T) {
	st := &auditDown{Store: engines[0].open(t)}
	e := newEnv(t, st, Limits{})
	f := newEssayFixture(t, e)
	author, _ := e.register(1, "W1-A")
	file := docx(t, "", essayText(300))
	myWorks := func() []map[string]any {
		var out []map[string]any
		for _, w := range e.do("GET", "/api/v1/me/works?contest="+f.slug, nil, author).Body["works"].([]any) {
			out = append(out, w.(map[string]any))
		}
		return out
	}

	st.down.Store(true)
	if r := f.submit(author, f.workBody("Bài khi nhật ký hỏng"), "bai.docx", file); r.Status != 500 {
		t.Fatalf("submission without its audit entry: %d %s, want 500", r.Status, r.Raw)
	}
	for _, w := range myWorks() {
		if w["status"] != "withdrawn" {
			t.Fatalf("a work stood without its audit entry: %v", w)
		}
	}
	st.down.Store(false)
	r := f.submit(author, f.workBody("Bài gửi lại"), "bai.docx", file)
	if r.Status != 201 {
		t.Fatalf("submission once the log works: %d %s (the undone one must not count against the limit)", r.Status, r.Raw)
	}
	id := r.Body["work"].(map[string]any)["id"].(string)

	st.down.Store(true)
	if r := f.edit(author, id, f.workBody("Tên sửa khi nhật ký hỏng"), nil); r.Status != 500 {
		t.Fatalf("edit without its audit entry: %d %s, want 500", r.Status, r.Raw)
	}
	if r := e.do("POST", "/api/v1/works/"+id+"/withdraw", nil, author); r.Status != 500 {
		t.Fatalf("withdrawal without its audit entry: %d %s, want 500", r.Status, r.Raw)
	}
	for _, w := range myWorks() {
		if w["id"] == id && (w["title"] != "Bài gửi lại" || w["status"] != "submitted") {
			t.Fatalf("after a failed edit and withdrawal the work is %v, want it as submitted", w)
		}
	}

	// A judge's submitted sheet is locked: one locked without its entry
	// would stay so. It is put back, and the judge's retry submits it.
	st.down.Store(false)
	roundID, code := f.acceptAndAssign(t, id)
	judge := ""
	for _, tok := range f.judges {
		if q := e.do("GET", "/api/v1/judge/rounds/"+roundID+"/works", nil, tok); len(q.Body["works"].([]any)) == 1 {
			judge = tok
			break
		}
	}
	scorePath := "/api/v1/judge/rounds/" + roundID + "/works/" + code + "/score"
	sheet := map[string]any{"criteria": map[string]any{"nd": 7}, "submit": true}
	st.down.Store(true)
	if r := e.do("PUT", scorePath, sheet, judge); r.Status != 500 {
		t.Fatalf("score submitted without its audit entry: %d %s, want 500", r.Status, r.Raw)
	}
	st.down.Store(false)
	if r := e.do("PUT", scorePath, sheet, judge); r.Status != 200 || r.Body["status"] != "submitted" {
		t.Fatalf("the judge's retry: %d %s, want the sheet submitted", r.Status, r.Raw)
	}
}
