package api

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestQuizAttemptLifecycle(t *testing.T) {
	quizPlayerCase(t, func(t *testing.T, e *env, f *quizFixture, tok, _ string) {

		r := f.start(tok)
		if r.Status != 201 || r.Body["no"] != float64(1) || len(r.Body["questions"].([]any)) != 5 {
			t.Fatalf("start: %d %s", r.Status, r.Raw)
		}
		qids := questionIDs(r)
		deadline := r.Body["deadline"].(string)
		if want := e.now.Add(10 * time.Minute).Format(time.RFC3339); deadline[:19] != want[:19] {
			t.Fatalf("deadline %s, want %s", deadline, want)
		}
		// Autosave with sequence numbers: a late packet never wins.
		if r := f.answer(tok, 1, qids[0], []string{"A"}, 5); r.Body["saved"] != true {
			t.Fatalf("save: %s", r.Raw)
		}
		r = f.answer(tok, 1, qids[0], []string{"B"}, 4)
		if r.Status != 200 || r.Body["saved"] != false || r.Body["options"].([]any)[0] != f.codesOf(tok, 1, qids[0], []string{"A"})[0] {
			t.Fatalf("late packet: %d %s", r.Status, r.Raw)
		}
		// A reload (or another phone) resumes the same paper with its answers.
		e.now = e.now.Add(time.Minute)
		r = f.start(tok)
		if r.Status != 200 || !slices.Equal(questionIDs(r), qids) {
			t.Fatalf("resume: %d %s", r.Status, r.Raw)
		}
		if got := r.Body["answers"].(map[string]any)[qids[0]].(map[string]any)["seq"]; got != float64(5) {
			t.Fatalf("resumed answers: %v", r.Body["answers"])
		}
		if r := e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, tok); r.Status != 200 || r.Body["no"] != float64(1) {
			t.Fatalf("current: %d %s", r.Status, r.Raw)
		}
		r = e.do("PUT", "/api/v1/rounds/"+f.roundID+"/attempts/1/prediction", map[string]any{"value": 3, "seq": 1}, tok)
		if r.Status != 200 || r.Body["value"] != float64(3) {
			t.Fatalf("prediction: %d %s", r.Status, r.Raw)
		}
		f.answerAll(t, tok, 1, qids, 3) // 3 right, 2 wrong (seqs 1..5 ≤ 5: the first keeps seq 5 "A")
		e.now = e.now.Add(30 * time.Second)
		r = f.submit(tok, 1)
		if r.Status != 200 || r.Body["status"] != "submitted" || r.Body["total"] != float64(5) || r.Body["attemptsLeft"] != float64(1) {
			t.Fatalf("submit: %d %s", r.Status, r.Raw)
		}
		first := r.Body
		e.now = e.now.Add(time.Minute)
		if again := f.submit(tok, 1); again.Status != 200 || again.Body["durationMs"] != first["durationMs"] || again.Body["correctCount"] != first["correctCount"] {
			t.Fatalf("second submit must give the same result: %s vs %v", again.Raw, first)
		}
		if r := f.answer(tok, 1, qids[1], []string{"A"}, 99); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("answer after submit: %d %s", r.Status, r.Raw)
		}
		// Second attempt: a new paper; then the limit.
		r = f.start(tok)
		if r.Status != 201 || r.Body["no"] != float64(2) || r.Body["attemptsLeft"] != float64(0) {
			t.Fatalf("second attempt: %d %s", r.Status, r.Raw)
		}
		f.answerAll(t, tok, 2, questionIDs(r), 5)
		f.submit(tok, 2)
		if r := f.start(tok); r.Status != 409 || r.errCode() != "conflict" {
			t.Fatalf("third attempt of two: %d %s", r.Status, r.Raw)
		}
		me := e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok)
		if me.Status != 200 || me.Body["attemptsUsed"] != float64(2) || len(me.Body["attempts"].([]any)) != 2 {
			t.Fatalf("me: %d %s", me.Status, me.Raw)
		}
		list := e.do("GET", "/api/v1/contests/"+f.slug+"/rounds", nil, tok)
		best := list.Body["rounds"].([]any)[0].(map[string]any)["best"].(map[string]any)
		if best["no"] != float64(2) || best["correctCount"] != float64(5) {
			t.Fatalf("best attempt on the landing page: %v", best)
		}
	})
}

func TestQuizRefusesBadRequests(t *testing.T) {
	quizPlayerCase(t, func(t *testing.T, e *env, f *quizFixture, tok, _ string) {
		other, _ := e.register(2, "W1-A")
		foreign, _ := e.register(3, "W2")
		r := f.start(tok)
		qids := questionIDs(r)
		var notInPaper string
		for q := range f.key {
			if !slices.Contains(qids, q) {
				notInPaper = q
			}
		}
		cases := []struct {
			name   string
			resp   response
			status int
			code   string
		}{
			{"question not in the paper", f.answer(tok, 1, notInPaper, []string{"A"}, 1), 400, "invalid"},
			{"option that does not exist", f.answer(tok, 1, qids[0], []string{"Z"}, 1), 400, "invalid"},
			{"two options on a single-answer question", f.answer(tok, 1, qids[0], []string{"A", "B"}, 1), 400, "invalid"},
			{"someone else's attempt", f.answer(other, 1, qids[0], []string{"A"}, 1), 404, "not_found"},
			{"attempt number out of range", f.answer(tok, 0, qids[0], []string{"A"}, 1), 400, "invalid"},
			{"prediction not a number", e.do("PUT", "/api/v1/rounds/"+f.roundID+"/attempts/1/prediction", map[string]any{"value": "nhiều", "seq": 1}, tok), 400, "invalid"},
			{"negative prediction", e.do("PUT", "/api/v1/rounds/"+f.roundID+"/attempts/1/prediction", map[string]any{"value": -5, "seq": 1}, tok), 400, "invalid"},
			{"unit outside the contest", f.start(foreign), 403, "forbidden"},
			{"organizer may not compete", f.start(f.org), 403, "forbidden"},
			{"anonymous", f.start(""), 401, "unauthorized"},
			{"unknown round", e.do("POST", "/api/v1/rounds/nope/attempts", nil, tok), 404, "not_found"},
		}
		for _, tc := range cases {
			if tc.resp.Status != tc.status || tc.resp.errCode() != tc.code {
				t.Errorf("%s: %d %s, want %d %s", tc.name, tc.resp.Status, tc.resp.Raw, tc.status, tc.code)
			}
		}
		// None of those changed the attempt.
		cur := e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, tok)
		if n := len(cur.Body["answers"].(map[string]any)); n != 0 || cur.Body["prediction"] != nil {
			t.Fatalf("refused requests changed the attempt: %s", cur.Raw)
		}
		// After the deadline (plus grace) answers are refused; the attempt
		// counts with what was saved.
		f.answer(tok, 1, qids[0], []string{f.key[qids[0]]}, 1)
		e.now = e.now.Add(10*time.Minute + 6*time.Second)
		if r := f.answer(tok, 1, qids[1], []string{"A"}, 2); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("answer after the deadline: %d %s", r.Status, r.Raw)
		}
		r = f.submit(tok, 1)
		if r.Body["status"] != "timed_out" || r.Body["correctCount"] != float64(1) || r.Body["durationMs"] != float64(600000) {
			t.Fatalf("late submit: %s", r.Raw)
		}
		// Outside the round's window.
		e.now = e.now.Add(2 * time.Hour)
		if r := f.start(e.reissue(other)); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("start after close: %d %s", r.Status, r.Raw)
		}
	})
}

func TestSweeperFinalizesAbandonedAttempts(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		srv := NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }})
		tok, _ := e.register(1, "W1-A")
		r := f.start(tok)
		qids := questionIDs(r)
		f.answer(tok, 1, qids[0], []string{f.key[qids[0]]}, 1)
		if n, err := srv.SweepExpired(t.Context()); err != nil || n != 0 {
			t.Fatalf("nothing to sweep before the deadline: %d %v", n, err)
		}
		e.now = e.now.Add(11 * time.Minute)
		if n, err := srv.SweepExpired(t.Context()); err != nil || n != 1 {
			t.Fatalf("sweep: %d %v", n, err)
		}
		me := e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok)
		a := me.Body["attempts"].([]any)
		if len(a) != 1 || a[0].(map[string]any)["status"] != "timed_out" || a[0].(map[string]any)["correctCount"] != float64(1) {
			t.Fatalf("abandoned attempt: %s", me.Raw)
		}
		if n, _ := srv.SweepExpired(t.Context()); n != 0 {
			t.Fatalf("swept twice: %d", n)
		}
	})
}

func TestRoundResultsAndStandings(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		toks := map[string]string{}
		// Three people: A 5/5 predicting 3, B 5/5 predicting 10, C 3/5.
		for i, who := range []struct {
			name      string
			wrongFrom int
			predict   int
		}{{"A", 5, 3}, {"B", 5, 10}, {"C", 3, 3}} {
			tok, _ := e.register(10+i, "W1-A")
			toks[who.name] = tok
			r := f.start(tok)
			f.answerAll(t, tok, 1, questionIDs(r), who.wrongFrom)
			e.do("PUT", "/api/v1/rounds/"+f.roundID+"/attempts/1/prediction", map[string]any{"value": who.predict, "seq": 1}, tok)
			e.now = e.now.Add(time.Minute)
			f.submit(tok, 1)
		}
		if r := e.do("POST", "/api/v1/org/rounds/"+f.roundID+"/results", nil, f.org); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("results before close: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", "/api/v1/rounds/"+f.roundID+"/review/1", nil, toks["A"]); r.Status != 403 {
			t.Fatalf("review before results: %d %s", r.Status, r.Raw)
		}
		e.now = e.now.Add(2 * time.Hour)
		f.org = f.orgToken()
		for k, v := range toks {
			toks[k] = e.reissue(v)
		}
		r := e.computeResults(f.roundID, f.org)
		if sum, _ := r.Body["summary"].(map[string]any); r.Status != 200 || r.Body["status"] != "done" || sum["participants"] != float64(3) {
			t.Fatalf("compute: %d %s", r.Status, r.Raw)
		}
		if rd := e.do("GET", "/api/v1/org/rounds/"+f.roundID, nil, f.org); rd.Body["round"].(map[string]any)["targetValue"] != float64(3) {
			t.Fatalf("round after computing: %s", rd.Raw)
		}
		if r := e.do("GET", "/api/v1/rounds/"+f.roundID+"/standings", nil, ""); r.Status != 404 {
			t.Fatalf("standings public before publishing: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/org/rounds/"+f.roundID+"/results/publish", nil, f.org); r.Status != 200 || r.Body["round"].(map[string]any)["status"] != "results" {
			t.Fatalf("publish results: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/rounds/"+f.roundID+"/standings", nil, "")
		rows, _ := r.Body["standings"].([]any)
		if r.Status != 200 || len(rows) != 3 {
			t.Fatalf("standings: %d %s", r.Status, r.Raw)
		}
		got := ""
		for _, row := range rows {
			m := row.(map[string]any)
			got += fmt.Sprintf("%v:%v:%v:%v;", m["rank"], m["score"], m["predictionError"], m["prize"])
		}
		// A and B both 5/5; A's prediction (3) hits the 3 participants. C is
		// placed by the score: the public line shows no prediction.
		if want := "1:5:0:nhat;2:5:7:nhi;3:3:<nil>:<nil>;"; got != want {
			t.Fatalf("standings %s, want %s", got, want)
		}
		if rows[0].(map[string]any)["unitPath"] != "Khu phố 1, Phường An Biên, Tỉnh An Giang" {
			t.Fatalf("unit path: %v", rows[0])
		}
		me := e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, toks["B"])
		if st := me.Body["standing"].(map[string]any); st["rank"] != float64(2) || st["prizeName"] != "Giải Nhì" {
			t.Fatalf("my standing: %s", me.Raw)
		}
		rv := e.do("GET", "/api/v1/rounds/"+f.roundID+"/review/1", nil, toks["C"])
		if rv.Status != 200 || len(rv.Body["questions"].([]any)) != 5 || rv.Body["questions"].([]any)[0].(map[string]any)["correct"] == nil {
			t.Fatalf("review after results: %d %s", rv.Status, rv.Raw)
		}
		// Recomputing gives the same standings.
		e.computeResults(f.roundID, f.org)
		again := e.do("GET", "/api/v1/rounds/"+f.roundID+"/standings", nil, "")
		if string(again.Raw) != string(r.Raw) {
			t.Fatalf("results not reproducible:\n%s\n%s", r.Raw, again.Raw)
		}
	})
}

// An attempt whose deadline passed with nobody submitting it, and no
// sweeper run since: the next read shows it finalized (timed out, counted),
// never as neither in progress nor done.
func TestExpiredAttemptFinalizedOnRead(t *testing.T) {
	quizPlayerCase(t, func(t *testing.T, e *env, f *quizFixture, tok, userID string) {
		r := f.start(tok)
		if r.Status != 201 {
			t.Fatalf("start: %d %s", r.Status, r.Raw)
		}
		qids := questionIDs(r)
		if r := f.answer(tok, 1, qids[0], []string{f.key[qids[0]]}, 1); r.Status != 200 {
			t.Fatalf("answer: %d %s", r.Status, r.Raw)
		}
		e.now = e.now.Add(10*time.Minute + 6*time.Second) // past the 600 s limit and the grace
		tok = e.reissue(tok)
		me := e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok)
		if me.Status != 200 {
			t.Fatalf("me: %d %s", me.Status, me.Raw)
		}
		list, _ := me.Body["attempts"].([]any)
		if len(list) != 1 {
			t.Fatalf("attempts = %s, want the expired attempt finalized", me.Raw)
		}
		if _, ok := me.Body["inProgress"]; ok {
			t.Fatalf("inProgress still shown: %s", me.Raw)
		}
		a := list[0].(map[string]any)
		if a["status"] != "timed_out" || a["correctCount"] != float64(1) {
			t.Fatalf("attempt = %v, want timed_out with the saved answer counted", a)
		}
		// The finalization was written: the store has it, not just the answer.
		p, err := e.store.Participation(t.Context(), f.roundID, userID)
		if err != nil || p.Current() != nil {
			t.Fatalf("the store still holds the attempt in progress")
		}
	})
}
