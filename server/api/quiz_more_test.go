package api

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"hoithi/server/excel"
)

func TestOverallAndCollectiveStandings(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"settings": map[string]any{
			"excludedRoles": []string{"organizer"},
			"overall":       map[string]any{"rule": map[string]any{"keys": []string{"score_desc", "duration_asc"}}, "tiers": []map[string]any{{"key": "nhat", "name": "Giải Nhất toàn cuộc thi", "count": 1}}},
		}}, f.org)
		f.playThree(t) // A (Khu phố 1) answers everything; B (Khu phố 1) 2 of 5; C (ward W1 itself) 4 of 5.
		if r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/overall", nil, f.org); r.Status != 409 {
			t.Fatalf("overall with no published round: %d %s", r.Status, r.Raw)
		}
		f.publishResults()
		r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/overall", nil, f.org)
		if r.Status != 200 || r.Body["people"] != float64(3) || r.Body["winners"] != float64(1) {
			t.Fatalf("overall: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/contests/"+f.slug+"/overall", nil, "")
		rows := r.Body["standings"].([]any)
		if len(rows) != 3 || rows[0].(map[string]any)["score"] != float64(5) || rows[0].(map[string]any)["prizeName"] != "Giải Nhất toàn cuộc thi" {
			t.Fatalf("overall standings: %s", r.Raw)
		}
		// Collective: units one level below the ward: only Khu phố 1 exists,
		// with 2 participants and A's Nhất; C counts for the ward itself.
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/collective?formula=most_participants", nil, f.org)
		units := r.Body["units"].([]any)
		if r.Status != 200 || len(units) != 1 {
			t.Fatalf("collective: %d %s", r.Status, r.Raw)
		}
		u := units[0].(map[string]any)
		if u["code"] != "W1-A" || u["participants"] != float64(2) || u["rank"] != float64(1) {
			t.Fatalf("collective unit: %v", u)
		}
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/collective?formula=participation_rate&level=2", nil, f.org)
		u = r.Body["units"].([]any)[0].(map[string]any)
		if r.Status != 200 || u["code"] != "W1" || u["participants"] != float64(3) || u["ratePct"] != float64(3) {
			t.Fatalf("collective by rate at ward level (3 of 100): %d %s", r.Status, r.Raw)
		}
	})
}

// TestConcurrentStartsAndSubmits runs on SQLite (atomic): racing requests of
// one person start one attempt and finalize it once.
func TestConcurrentStartsAndSubmits(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	f := newQuizFixture(t, e)
	tok, _ := e.register(1, "W1-A")
	const n = 12
	statuses := make([]int, n)
	nos := make([]any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := f.start(tok)
			statuses[i], nos[i] = r.Status, r.Body["no"]
		}()
	}
	wg.Wait()
	created := 0
	for i := range n {
		if statuses[i] == 201 {
			created++
		}
		if nos[i] != float64(1) || (statuses[i] != 200 && statuses[i] != 201) {
			t.Fatalf("racing start %d: %d no=%v", i, statuses[i], nos[i])
		}
	}
	if created != 1 {
		t.Fatalf("%d attempts created by %d racing starts, want 1", created, n)
	}
	results := make([]string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := f.submit(tok, 1)
			results[i] = fmt.Sprintf("%d %v %v", r.Status, r.Body["submittedAt"], r.Body["durationMs"])
		}()
	}
	wg.Wait()
	for i := range n {
		if results[i] != results[0] || results[i][:3] != "200" {
			t.Fatalf("racing submits differ: %q vs %q", results[i], results[0])
		}
	}
	me := e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok)
	if me.Body["attemptsUsed"] != float64(1) {
		t.Fatalf("attempts used: %s", me.Raw)
	}
}

func TestImportQuestionBankFromExcel(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		var tpl bytes.Buffer
		if err := excel.QuestionTemplate(&tpl); err != nil {
			t.Fatal(err)
		}
		path := "/api/v1/org/contests/" + f.contestID + "/questions/import"
		r := e.upload(path, f.org, "cau-hoi.xlsx", tpl.Bytes())
		if r.Status != 200 || r.Body["created"] != float64(2) {
			t.Fatalf("import the template: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/questions", nil, f.org)
		if n := len(r.Body["questions"].([]any)); n != 10 {
			t.Fatalf("bank has %d questions, want 8 + 2", n)
		}
		// The same file again would double the bank: refused, nothing added.
		r = e.upload(path, f.org, "cau-hoi.xlsx", tpl.Bytes())
		if r.Status != 400 || len(r.fieldNames()) != 2 {
			t.Fatalf("second import: %d %s", r.Status, r.Raw)
		}
		if r := e.upload(path, f.org, "x.xlsx", []byte("PK not really")); r.Status != 400 {
			t.Fatalf("broken file: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/questions", nil, f.org)
		if n := len(r.Body["questions"].([]any)); n != 10 {
			t.Fatalf("refused imports changed the bank: %d", n)
		}
		exp := e.do("GET", "/api/v1/org/contests/"+f.contestID+"/questions/export", nil, f.org)
		rows, err := excel.ParseQuestions(bytes.NewReader(exp.Raw), 0)
		if err != nil || len(rows) != 10 {
			t.Fatalf("export does not read back: %d rows, %v", len(rows), err)
		}
	})
}
