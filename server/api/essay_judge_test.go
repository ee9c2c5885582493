package api

import (
	"encoding/json"
	"testing"

	"hoithi/contests/essay"
)

// TestJudgeQueueNamesTheContestsOwnCategories: a judge reads a category by
// the name this contest gave it, not by the national table's.
func TestJudgeQueueNamesTheContestsOwnCategories(t *testing.T) {
	e := sqliteEnv(t)
	f := newEssayFixture(t, e)
	ctx := t.Context()
	ct, err := e.store.ContestByID(ctx, f.contestID)
	if err != nil {
		t.Fatal(err)
	}
	st, err := essay.ParseSettings(ct.Settings)
	if err != nil {
		t.Fatal(err)
	}
	const local = "Bài báo mạng của phường An Biên"
	renamed := false
	for i := range st.Categories {
		if st.Categories[i].Key == "newspaper_online" {
			st.Categories[i].Name, renamed = local, true
		}
	}
	if !renamed {
		t.Fatalf("the fixture contest has no newspaper_online category: %+v", st.Categories)
	}
	if ct.Settings, err = json.Marshal(st); err != nil {
		t.Fatal(err)
	}
	if err := e.store.UpdateContest(ctx, ct); err != nil {
		t.Fatal(err)
	}
	author, _ := e.register(1, "W1-A")
	roundID, _ := f.acceptAndAssign(t, f.submitted(t, author, "Giữ vững trận địa tư tưởng"))
	for _, tok := range f.judges {
		q := e.do("GET", "/api/v1/judge/rounds/"+roundID+"/works", nil, tok)
		cats, _ := q.Body["categories"].([]any)
		if q.Status != 200 || len(cats) != len(st.Categories) {
			t.Fatalf("queue: %d %s", q.Status, q.Raw)
		}
		names := map[string]string{}
		for _, c := range cats {
			m := c.(map[string]any)
			names[m["key"].(string)] = m["name"].(string)
		}
		if names["newspaper_online"] != local {
			t.Fatalf("the queue names newspaper_online %q, want the contest's %q", names["newspaper_online"], local)
		}
	}
}
