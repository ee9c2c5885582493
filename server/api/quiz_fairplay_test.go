package api

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"hoithi/contests/quiz"
	"hoithi/server/excel"
)

// TestFixedLetterStrategiesScoreAtChance plays 200 papers per scripted
// strategy on a bank whose keys are all "A" (what a ward's typed bank often
// looks like) and checks none does better than guessing: the options'
// codes and order carry nothing of the authoring letter.
func TestFixedLetterStrategiesScoreAtChance(t *testing.T) {
	e := sqliteEnv(t)
	f := newQuizFixture(t, e)
	for i := 0; i < 8; i++ {
		r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/questions", map[string]any{
			"topic": "Lệch", "text": fmt.Sprintf("Câu hỏi lệch số %d?", i+1),
			"options": []map[string]any{{"id": "A", "text": "Năm 1930"}, {"id": "B", "text": "Năm 1945"}, {"id": "C", "text": "Năm 1954"}, {"id": "D", "text": "Năm 1975"}},
			"correct": []string{"A"}, "points": 1}, f.org)
		if r.Status != 201 {
			t.Fatalf("create question: %d %s", r.Status, r.Raw)
		}
	}
	body := f.roundBody(2)
	body["blueprint"] = map[string]any{"quotas": []map[string]any{{"topic": "Lệch", "n": 5}}}
	body["maxAttempts"] = 50
	f.roundID = f.publishRound(t, body)

	type option struct{ code, text string }
	strategies := []struct {
		name string
		pick func(opts []option) string
	}{
		{"always the first option as listed", func(opts []option) string { return opts[0].code }},
		{"always the option with the smallest id", func(opts []option) string {
			return slices.MinFunc(opts, func(a, b option) int { return strings.Compare(a.code, b.code) }).code
		}},
		{`always id "A"`, func([]option) string { return "A" }},
	}
	const papers, perPaper = 200, 5
	codesSeen := map[string]map[string]bool{} // question → every code it was shown under
	shows := map[string]int{}                 // question → papers it was on
	var tok string
	people := 0
	for _, st := range strategies {
		hits, drawn := 0, 0
		for p := 0; p < papers; p++ {
			if p%50 == 0 { // 50 attempts a person
				people++
				tok, _ = e.register(2000+people, "W1-A")
			}
			r := f.start(tok)
			if r.Status != 201 {
				t.Fatalf("%s: start paper %d: %d %s", st.name, p, r.Status, r.Raw)
			}
			no := int(r.Body["no"].(float64))
			for i, q := range r.Body["questions"].([]any) {
				m := q.(map[string]any)
				qid := m["id"].(string)
				var opts []option
				for _, o := range m["options"].([]any) {
					om := o.(map[string]any)
					opts = append(opts, option{om["id"].(string), om["text"].(string)})
					if codesSeen[qid] == nil {
						codesSeen[qid] = map[string]bool{}
					}
					codesSeen[qid][om["id"].(string)] = true
				}
				shows[qid]++
				f.answerCodes(tok, no, qid, []string{st.pick(opts)}, int64(i+1))
			}
			res := f.submit(tok, no)
			if res.Status != 200 || res.Body["total"] != float64(perPaper) {
				t.Fatalf("%s: submit: %d %s", st.name, res.Status, res.Raw)
			}
			hits += int(res.Body["correctCount"].(float64))
			drawn += perPaper
		}
		// Guessing one of four: mean n/4. Fail beyond 4.5 standard
		// deviations (a false alarm about once in 300,000 runs).
		mean, sd := float64(drawn)/4, math.Sqrt(float64(drawn)*0.25*0.75)
		if bound := mean + 4.5*sd; float64(hits) > bound {
			t.Errorf("%s scored %d of %d, above chance (bound %.0f)", st.name, hits, drawn, bound)
		}
		t.Logf("%s: %d of %d right (chance %.0f)", st.name, hits, drawn, mean)
	}
	// Every showing of a question used four codes of its own.
	for qid, n := range shows {
		if len(codesSeen[qid]) != 4*n {
			t.Errorf("question %s on %d papers under %d distinct codes, want %d", qid, n, len(codesSeen[qid]), 4*n)
		}
	}
}

// TestImportWarnsOfSkewedKeys imports a workbook whose keys are all "A":
// the import succeeds and says so, and the bank keeps saying so.
func TestImportWarnsOfSkewedKeys(t *testing.T) {
	e := sqliteEnv(t)
	f := newQuizFixture(t, e)
	path := "/api/v1/org/contests/" + f.contestID + "/questions"
	if r := e.do("GET", path, nil, f.org); r.Status != 200 || r.Body["keySkew"] != nil {
		t.Fatalf("the fixture's spread keys warned: %d %s", r.Status, r.Raw)
	}
	var qs []quiz.Question
	for i := 0; i < 12; i++ {
		qs = append(qs, quiz.Question{Topic: "Lệch", Text: fmt.Sprintf("Câu hỏi nhập số %d?", i+1), Correct: []string{"A"},
			Options: []quiz.Option{{ID: "A", Text: "Đúng"}, {ID: "B", Text: "Sai 1"}, {ID: "C", Text: "Sai 2"}, {ID: "D", Text: "Sai 3"}}})
	}
	var book bytes.Buffer
	if err := excel.WriteQuestions(&book, qs); err != nil {
		t.Fatal(err)
	}
	r := e.upload(path+"/import", f.org, "lech.xlsx", book.Bytes())
	if r.Status != 200 || r.Body["created"] != float64(12) {
		t.Fatalf("import: %d %s", r.Status, r.Raw)
	}
	// 8 fixture keys spread over A–D (2 A) then 12 "A": 14 of 20.
	check := func(what string, r response) {
		t.Helper()
		k, _ := r.Body["keySkew"].(map[string]any)
		if k == nil || k["letter"] != "A" || k["count"] != float64(14) || k["of"] != float64(20) || k["runKey"] != "A" || k["runLength"] != float64(12) {
			t.Fatalf("%s: key skew %v", what, r.Body["keySkew"])
		}
		msgs := k["messages"].([]any)
		if len(msgs) != 2 || !strings.Contains(msgs[0].(string), "14/20") || !strings.Contains(msgs[1].(string), "12 câu liên tiếp") {
			t.Fatalf("%s: messages %v", what, msgs)
		}
	}
	check("import", r)
	check("bank", e.do("GET", path, nil, f.org))
	if en := e.do("GET", path, nil, f.org, "Accept-Language", "en"); !strings.Contains(en.Body["keySkew"].(map[string]any)["messages"].([]any)[0].(string), "14 of 20") {
		t.Fatalf("English: %s", en.Raw)
	}
}

// TestPublicStandingsCanBeChecked: after publication the public table says
// how it ranks, shows the prediction on the lines it placed, and names
// people as the contest says (shortened to anonymous visitors by default).
func TestPublicStandingsCanBeChecked(t *testing.T) {
	e := sqliteEnv(t)
	f := newQuizFixture(t, e)
	people := []struct {
		n, wrongFrom int
		prediction   int
	}{{1, 5, 10}, {2, 5, 3}, {3, 2, 3}} // 2 and 1 tie on score: the prediction (target 3 participants) decides
	for _, p := range people {
		tok, _ := e.register(p.n, "W1-A")
		r := f.start(tok)
		f.answerAll(t, tok, 1, questionIDs(r), p.wrongFrom)
		e.do("PUT", "/api/v1/rounds/"+f.roundID+"/attempts/1/prediction", map[string]any{"value": p.prediction, "seq": 1}, tok)
		f.submit(tok, 1)
	}
	// The round committed to its draw key from the start; the key and the
	// results digest are public once the results are.
	roundOf := func() map[string]any {
		return e.do("GET", "/api/v1/contests/"+f.slug+"/rounds", nil, "").Body["rounds"].([]any)[0].(map[string]any)
	}
	before := roundOf()
	if before["seedCommitment"] == nil || before["seedReveal"] != nil || before["resultsDigest"] != nil {
		t.Fatalf("before results: %v", before)
	}
	f.publishResults()
	after := roundOf()
	if !quiz.CheckReveal(after["seedCommitment"].(string), after["seedReveal"].(string)) || len(after["resultsDigest"].(string)) != 64 {
		t.Fatalf("after results: %v", after)
	}
	path := "/api/v1/rounds/" + f.roundID + "/standings"
	anon := e.do("GET", path, nil, "")
	if anon.Status != 200 || anon.Body["ranking"] != "Xếp hạng theo: điểm, rồi sai số dự đoán, rồi thời gian làm bài, rồi thời điểm nộp bài" {
		t.Fatalf("anonymous standings: %d %s", anon.Status, anon.Raw)
	}
	rows := anon.Body["standings"].([]any)
	want := []struct {
		score      float64
		prediction any
		err        any
	}{{5, float64(3), float64(0)}, {5, float64(10), float64(7)}, {2, nil, nil}}
	for i, w := range want {
		row := rows[i].(map[string]any)
		if row["score"] != w.score || row["prediction"] != w.prediction || row["predictionError"] != w.err || row["durationMs"] == nil {
			t.Errorf("row %d: %v, want score %v prediction %v error %v", i, row, w.score, w.prediction, w.err)
		}
		if row["fullName"] != "Nguyễn V. A." || row["unitPath"] == "" {
			t.Errorf("row %d: anonymous visitors see %q of %q", i, row["fullName"], row["unitPath"])
		}
	}
	citizen, _ := e.register(50, "W1-A")
	if r := e.do("GET", path, nil, citizen, "Accept-Language", "en"); r.Body["standings"].([]any)[0].(map[string]any)["fullName"] != "Nguyễn Văn An" ||
		!strings.HasPrefix(r.Body["ranking"].(string), "Ranked by: score, then prediction error") {
		t.Fatalf("logged-in standings: %s", r.Raw)
	}
	// The contest may show names in full to everyone, or short to everyone.
	for setting, want := range map[string]string{"full": "Nguyễn Văn An", "short": "Nguyễn V. A."} {
		r := e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"settings": map[string]any{
			"excludedRoles": []string{"organizer", "secretary", "judge"}, "publicNames": setting}}, f.org)
		if r.Status != 200 {
			t.Fatalf("set names %s: %d %s", setting, r.Status, r.Raw)
		}
		for _, tok := range []string{"", citizen} {
			if got := e.do("GET", path, nil, tok).Body["standings"].([]any)[0].(map[string]any)["fullName"]; got != want {
				t.Errorf("names %s, token %v: %q", setting, tok != "", got)
			}
		}
	}
	if r := e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"settings": map[string]any{"publicNames": "initials"}}, f.org); r.Status != 400 {
		t.Errorf("unknown name setting: %d %s", r.Status, r.Raw)
	}
	// The organizer's table keeps every figure and full names.
	org := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/standings", nil, f.org)
	if row := org.Body["standings"].([]any)[2].(map[string]any); row["fullName"] != "Nguyễn Văn An" || row["prediction"] != float64(3) {
		t.Errorf("organizer's row: %v", row)
	}
}
