package api

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestNoCitizenResponseRevealsAnswers walks every endpoint a citizen uses
// during a round, before its results are published, and fails if any
// response carries an answer key or an explanation.
func TestNoCitizenResponseRevealsAnswers(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	f := newQuizFixture(t, e)
	tok, _ := e.register(1, "W1-A")
	var responses []response
	add := func(r response) response { responses = append(responses, r); return r }

	add(e.do("GET", "/api/v1/contests", nil, ""))
	add(e.do("GET", "/api/v1/contests/"+f.slug, nil, tok))
	add(e.do("GET", "/api/v1/contests/"+f.slug+"/rounds", nil, tok))
	start := add(f.start(tok))
	qids := questionIDs(start)
	add(f.start(tok))
	add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, tok))
	for i, q := range qids {
		add(f.answer(tok, 1, q, []string{"A"}, int64(i+1)))
	}
	add(e.do("PUT", "/api/v1/rounds/"+f.roundID+"/attempts/1/prediction", map[string]any{"value": 7, "seq": 1}, tok))
	add(f.submit(tok, 1))
	add(f.submit(tok, 1))
	add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok))
	add(f.start(tok))
	add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/standings", nil, tok))
	add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/review/1", nil, tok))
	add(e.do("GET", "/c/"+f.slug, nil, ""))

	if len(responses) < 15 {
		t.Fatalf("walked only %d responses", len(responses))
	}
	for i, r := range responses {
		if strings.Contains(string(r.Raw), explanationMarker) {
			t.Errorf("response %d carries an explanation: %.300s", i, r.Raw)
		}
		var v any
		if json.Unmarshal(r.Raw, &v) == nil {
			if k := forbiddenKey(v); k != "" {
				t.Errorf("response %d has key %q: %.300s", i, k, r.Raw)
			}
		}
	}
	// The paper must not put the correct option in a fixed place.
	positions := map[int]bool{}
	for _, q := range start.Body["questions"].([]any) {
		m := q.(map[string]any)
		for i, o := range m["options"].([]any) {
			if o.(map[string]any)["id"] == f.key[m["id"].(string)] {
				positions[i] = true
			}
		}
	}
	if len(positions) < 2 {
		t.Errorf("correct options all at position %v", positions)
	}
}

// forbiddenKey finds a JSON key that would carry answers.
func forbiddenKey(v any) string {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			switch strings.ToLower(k) {
			case "correct", "iscorrect", "correctoptions", "key", "answerkey", "right", "explanation", "solution":
				return k
			}
			if k := forbiddenKey(val); k != "" {
				return k
			}
		}
	case []any:
		for _, val := range x {
			if k := forbiddenKey(val); k != "" {
				return k
			}
		}
	}
	return ""
}
