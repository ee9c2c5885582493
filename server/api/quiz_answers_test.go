package api

import (
	"fmt"
	"sync"
	"testing"
)

// Many phones at once: starts and submits racing on one record.
func TestConcurrentStartsAndSubmits(t *testing.T) {
	e := sqliteEnv(t)
	f := newQuizFixture(t, e)
	tok, _ := e.register(1, "W1-A")
	const n = 12
	statuses := make([]int, n)
	nos := make([]any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r := f.start(tok)
			statuses[i], nos[i] = r.Status, r.Body["no"]
		})
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
		wg.Go(func() {
			r := f.submit(tok, 1)
			results[i] = fmt.Sprintf("%d %v %v", r.Status, r.Body["submittedAt"], r.Body["durationMs"])
		})
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
