package api

import (
	"fmt"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/blob"
)

// quizFixture is a published quiz contest owned by ward W1 with one open
// round of 5 questions drawn from a bank of 8.
type quizFixture struct {
	e         *env
	org       string
	contestID string
	roundID   string
	slug      string
	key       map[string]string // question ID → correct option ID
	// shown maps token|attempt no → question ID → authoring ID → the code
	// the attempt shows it under (see quiz.Disguise), learnt from the
	// attempt views, so tests can say "answer B" as an author would.
	shown map[string]map[string]map[string]string
}

// letterOfText is the authoring ID of each option text the fixture's bank
// uses (the same four options on every question).
var letterOfText = map[string]string{"Năm 1930": "A", "Năm 1945": "B", "Năm 1954": "C", "Năm 1975": "D"}

const explanationMarker = "GIAI-THICH-BI-MAT"

func newQuizFixture(t *testing.T, e *env) *quizFixture {
	t.Helper()
	f := &quizFixture{e: e, org: e.staff(900, contests.RoleOrganizer, "W1"), slug: "tuan-le", key: map[string]string{}}
	r := e.do("POST", "/api/v1/org/contests", map[string]any{"slug": f.slug, "kind": "quiz", "title": "Tìm hiểu lịch sử Đảng bộ",
		"ownerUnitId": e.units["W1"].ID, "description": "Thể lệ", "settings": map[string]any{"excludedRoles": []string{"organizer", "secretary", "judge"}}}, f.org)
	if r.Status != 201 {
		t.Fatalf("create contest: %d %s", r.Status, r.Raw)
	}
	f.contestID = r.Body["contest"].(map[string]any)["id"].(string)
	if r := e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"status": "published"}, f.org); r.Status != 200 {
		t.Fatalf("publish contest: %d %s", r.Status, r.Raw)
	}
	for i := 0; i < 8; i++ {
		correct := []string{"A", "B", "C", "D"}[i%4]
		r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/questions", map[string]any{
			"topic": "Lịch sử", "difficulty": 1 + i%3, "text": fmt.Sprintf("Câu hỏi số %d về lịch sử Đảng?", i+1),
			"options": []map[string]any{{"id": "A", "text": "Năm 1930"}, {"id": "B", "text": "Năm 1945"}, {"id": "C", "text": "Năm 1954"}, {"id": "D", "text": "Năm 1975"}},
			"correct": []string{correct}, "explanation": explanationMarker, "points": 1}, f.org)
		if r.Status != 201 {
			t.Fatalf("create question: %d %s", r.Status, r.Raw)
		}
		f.key[r.Body["question"].(map[string]any)["id"].(string)] = correct
	}
	f.roundID = f.publishRound(t, f.roundBody(1))
	return f
}

// quizPlayerCase runs fn once per engine on a fresh quiz fixture with one
// player, citizen 1 of Khu phố 1, registered: tok is their access token,
// userID their account.
func quizPlayerCase(t *testing.T, fn func(t *testing.T, e *env, f *quizFixture, tok, userID string)) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		tok, userID := e.register(1, "W1-A")
		fn(t, e, f, tok, userID)
	})
}

// readForResults reads the fixture's round and contest as a results
// computation starts with them, and returns the round read and a compute
// that works from those copies on a second server sharing the store, two
// hours later, as another instance would after the test changes the round.
func (f *quizFixture) readForResults(t *testing.T) (*quiz.Round, func() error) {
	t.Helper()
	e := f.e
	round, err := e.store.Round(t.Context(), f.roundID)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := e.store.ContestByID(t.Context(), f.contestID)
	if err != nil {
		t.Fatal(err)
	}
	return round, func() error {
		blobs, err := blob.NewFS(t.TempDir())
		if err != nil {
			return err
		}
		other := NewServer(Deps{Store: e.store, Blobs: blobs, Tokens: e.tokens, Keys: e.keys,
			Now: func() time.Time { return e.now.Add(2 * time.Hour) }})
		_, err = other.computeResults(t.Context(), round, ct, func(int) {})
		return err
	}
}

// publishRound creates a round of the fixture's contest from body,
// publishes it and returns its ID.
func (f *quizFixture) publishRound(t *testing.T, body map[string]any) string {
	t.Helper()
	r := f.e.do("POST", "/api/v1/org/contests/"+f.contestID+"/rounds", body, f.org)
	if r.Status != 201 {
		t.Fatalf("create round: %d %s", r.Status, r.Raw)
	}
	id := r.Body["round"].(map[string]any)["id"].(string)
	if r := f.e.do("POST", "/api/v1/org/rounds/"+id+"/publish", nil, f.org); r.Status != 200 {
		t.Fatalf("publish round: %d %s", r.Status, r.Raw)
	}
	return id
}

func (f *quizFixture) roundBody(no int) map[string]any {
	return map[string]any{
		"no": no, "title": fmt.Sprintf("Tuần %d", no),
		"opensAt": f.e.now.Add(-time.Minute), "closesAt": f.e.now.Add(time.Hour),
		"blueprint":    map[string]any{"quotas": []map[string]any{{"topic": "Lịch sử", "n": 5}}},
		"timeLimitSec": 600, "maxAttempts": 2, "policy": "best",
		"prediction":    map[string]any{"enabled": true, "text": "Có bao nhiêu người tham gia tuần này?", "target": "participants"},
		"rule":          map[string]any{"keys": []string{"score_desc", "prediction_error_asc", "duration_asc", "submitted_asc"}},
		"tiers":         []map[string]any{{"key": "nhat", "name": "Giải Nhất", "count": 1}, {"key": "nhi", "name": "Giải Nhì", "count": 1}},
		"revealAnswers": true,
	}
}

// orgToken returns a fresh token of the fixture's organizer (tests move the
// clock past the 15-minute token life).
func (f *quizFixture) orgToken() string { return f.e.reissue(f.org) }

// start starts (or resumes) an attempt and returns the response.
func (f *quizFixture) start(token string) response {
	r := f.e.do("POST", "/api/v1/rounds/"+f.roundID+"/attempts", nil, token)
	f.learnCodes(token, r)
	return r
}

// learnCodes records the codes of an attempt view.
func (f *quizFixture) learnCodes(token string, r response) {
	if r.Status != 200 && r.Status != 201 {
		return
	}
	if f.shown == nil {
		f.shown = map[string]map[string]map[string]string{}
	}
	byQ := map[string]map[string]string{}
	for _, q := range r.Body["questions"].([]any) {
		m := q.(map[string]any)
		codes := map[string]string{}
		for _, o := range m["options"].([]any) {
			om := o.(map[string]any)
			codes[letterOfText[om["text"].(string)]] = om["id"].(string)
		}
		byQ[m["id"].(string)] = codes
	}
	f.shown[fmt.Sprintf("%s|%v", token, r.Body["no"])] = byQ
}

// codesOf turns authoring IDs into the codes attempt no shows for question
// qid; an ID the attempt does not show (a test's bad input) stays as it is.
func (f *quizFixture) codesOf(token string, no int, qid string, ids []string) []string {
	k := fmt.Sprintf("%s|%d", token, no)
	if _, ok := f.shown[k]; !ok {
		f.learnCodes(token, f.e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, token))
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if c, ok := f.shown[k][qid][id]; ok {
			out[i] = c
		}
	}
	return out
}

// questions returns the question IDs of an attempt view, in paper order.
func questionIDs(r response) []string {
	var out []string
	for _, q := range r.Body["questions"].([]any) {
		out = append(out, q.(map[string]any)["id"].(string))
	}
	return out
}

// answer saves authoring option IDs ("A") of question qid, sent under the
// attempt's codes; answerCodes sends exactly what it is given.
func (f *quizFixture) answer(token string, no int, qid string, opts []string, seq int64) response {
	return f.answerCodes(token, no, qid, f.codesOf(token, no, qid, opts), seq)
}

func (f *quizFixture) answerCodes(token string, no int, qid string, codes []string, seq int64) response {
	return f.e.do("PUT", fmt.Sprintf("/api/v1/rounds/%s/attempts/%d/answers/%s", f.roundID, no, qid),
		map[string]any{"options": codes, "seq": seq}, token)
}

func (f *quizFixture) submit(token string, no int) response {
	return f.e.do("POST", fmt.Sprintf("/api/v1/rounds/%s/attempts/%d/submit", f.roundID, no), nil, token)
}

// answerAll answers every question of the paper, right ones first, wrong
// from index wrongFrom on.
func (f *quizFixture) answerAll(t *testing.T, token string, no int, qids []string, wrongFrom int) {
	t.Helper()
	for i, q := range qids {
		opt := f.key[q]
		if i >= wrongFrom {
			opt = map[string]string{"A": "B", "B": "C", "C": "D", "D": "A"}[opt]
		}
		if r := f.answer(token, no, q, []string{opt}, int64(100+i)); r.Status != 200 || r.Body["saved"] != true {
			t.Fatalf("answer %s: %d %s", q, r.Status, r.Raw)
		}
	}
}

// playThree has three people take round 1 and submit: A (Khu phố 1,
// W1-A) answers all 5 right, B (W1-A) 2 of 5, C (the ward W1 itself) 4
// of 5. With the round's tiers A wins Giải Nhất and C Giải Nhì.
func (f *quizFixture) playThree(t *testing.T) {
	t.Helper()
	people := []struct {
		n         int
		unit      string
		wrongFrom int
	}{{1, "W1-A", 5}, {2, "W1-A", 2}, {3, "W1", 4}}
	for _, p := range people {
		tok, _ := f.e.register(p.n, p.unit)
		r := f.start(tok)
		f.answerAll(t, tok, 1, questionIDs(r), p.wrongFrom)
		f.submit(tok, 1)
	}
}

// publishResults moves the clock past the round's close, then computes and
// publishes its results with a fresh organizer token (kept in f.org).
func (f *quizFixture) publishResults() {
	f.e.now = f.e.now.Add(2 * time.Hour)
	f.org = f.orgToken()
	f.e.computeResults(f.roundID, f.org)
	f.e.do("POST", "/api/v1/org/rounds/"+f.roundID+"/results/publish", nil, f.org)
}
