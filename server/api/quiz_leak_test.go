package api

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestNoCitizenResponseRevealsAnswers walks every endpoint two citizens use
// during a round, over two attempts each, before its results are
// published, and fails if any response carries an answer key or an
// explanation, names an option by its authoring ID, or shows a question's
// options under the same codes in two attempts. After publication the
// review shows the right answer under the attempt's own codes.
func TestNoCitizenResponseRevealsAnswers(t *testing.T) {
	e := sqliteEnv(t)
	f := newQuizFixture(t, e)
	var responses []response
	add := func(r response) response { responses = append(responses, r); return r }
	add(e.do("GET", "/api/v1/contests", nil, ""))
	add(e.do("GET", "/api/v1/contests/"+f.slug, nil, ""))

	type paper struct {
		tok   string
		no    int
		codes map[string][]string // question ID → option codes as shown
		right map[string]string   // question ID → code of the correct option
	}
	var papers []paper
	for n := 1; n <= 2; n++ {
		tok, _ := e.register(n, "W1-A")
		add(e.do("GET", "/api/v1/contests/"+f.slug+"/rounds", nil, tok))
		add(e.do("GET", "/api/v1/me/rounds", nil, tok))
		for no := 1; no <= 2; no++ {
			start := add(f.start(tok))
			add(f.start(tok))
			add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, tok))
			p := paper{tok: tok, no: no, codes: map[string][]string{}, right: map[string]string{}}
			for _, q := range start.Body["questions"].([]any) {
				m := q.(map[string]any)
				qid := m["id"].(string)
				for _, o := range m["options"].([]any) {
					om := o.(map[string]any)
					p.codes[qid] = append(p.codes[qid], om["id"].(string))
					if letterOfText[om["text"].(string)] == f.key[qid] {
						p.right[qid] = om["id"].(string)
					}
				}
			}
			papers = append(papers, p)
			for i, q := range questionIDs(start) {
				add(f.answer(tok, no, q, []string{"A"}, int64(i+1)))
				// An authoring letter sent as is names no option.
				if r := add(f.answerCodes(tok, no, q, []string{"A"}, int64(i+50))); r.Status != 400 {
					t.Errorf("answer by authoring letter: %d %s", r.Status, r.Raw)
				}
			}
			add(e.do("PUT", "/api/v1/rounds/"+f.roundID+fmt.Sprintf("/attempts/%d/prediction", no), map[string]any{"value": 7, "seq": 1}, tok))
			add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, tok))
			add(f.submit(tok, no))
			add(f.submit(tok, no))
			add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok))
			add(e.do("GET", "/api/v1/rounds/"+f.roundID+"/standings", nil, tok))
			add(e.do("GET", "/api/v1/rounds/"+f.roundID+fmt.Sprintf("/review/%d", no), nil, tok))
		}
	}
	add(e.do("GET", "/c/"+f.slug, nil, ""))

	if len(responses) < 60 {
		t.Fatalf("walked only %d responses", len(responses))
	}
	letters := map[string]bool{"A": true, "B": true, "C": true, "D": true}
	for i, r := range responses {
		if strings.Contains(string(r.Raw), explanationMarker) {
			t.Errorf("response %d carries an explanation: %.300s", i, r.Raw)
		}
		var v any
		if json.Unmarshal(r.Raw, &v) == nil {
			if k := forbiddenKey(v); k != "" {
				t.Errorf("response %d has key %q: %.300s", i, k, r.Raw)
			}
			if id := authoringID(v, letters); id != "" {
				t.Errorf("response %d names option %q by its authoring ID: %.300s", i, id, r.Raw)
			}
		}
	}
	// The paper must not put the correct option in a fixed place, and no
	// code may follow a question from one attempt to another (same person
	// or not).
	positions := map[int]bool{}
	seen := map[string]map[string]string{} // question ID → code → attempt that showed it
	for _, p := range papers {
		for qid, codes := range p.codes {
			if len(codes) != 4 || p.right[qid] == "" {
				t.Fatalf("question %s shows %v, correct %q", qid, codes, p.right[qid])
			}
			positions[slices.Index(codes, p.right[qid])] = true
			if seen[qid] == nil {
				seen[qid] = map[string]string{}
			}
			for _, c := range codes {
				who := fmt.Sprintf("%s#%d", p.tok[len(p.tok)-8:], p.no)
				if prev, ok := seen[qid][c]; ok {
					t.Errorf("question %s shows code %q in attempts %s and %s", qid, c, prev, who)
				}
				seen[qid][c] = who
			}
		}
	}
	if len(positions) < 2 {
		t.Errorf("correct options all at position %v", positions)
	}

	// After publication the review marks the right answer in the attempt's
	// own codes.
	f.publishResults()
	for _, p := range papers[:2] {
		r := e.do("GET", "/api/v1/rounds/"+f.roundID+fmt.Sprintf("/review/%d", p.no), nil, e.reissue(p.tok))
		if r.Status != 200 {
			t.Fatalf("review: %d %s", r.Status, r.Raw)
		}
		for _, q := range r.Body["questions"].([]any) {
			m := q.(map[string]any)
			qid := m["id"].(string)
			correct := m["correct"].([]any)
			if len(correct) != 1 || correct[0] != p.right[qid] {
				t.Errorf("review of %s marks %v, the paper showed the right answer as %q", qid, correct, p.right[qid])
			}
			chosen, _ := m["chosen"].([]any)
			if want := f.codesOf(p.tok, p.no, qid, []string{"A"}); len(chosen) != 1 || chosen[0] != want[0] {
				t.Errorf("review of %s shows chosen %v, want %v", qid, chosen, want)
			}
		}
	}
}

// authoringID finds an option (in an "options" list of objects or of
// strings) named by one of ids.
func authoringID(v any, ids map[string]bool) string {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if k == "options" || k == "chosen" {
				if list, ok := val.([]any); ok {
					for _, o := range list {
						id := o
						if om, ok := o.(map[string]any); ok {
							id = om["id"]
						}
						if s, ok := id.(string); ok && ids[s] {
							return s
						}
					}
				}
			}
			if id := authoringID(val, ids); id != "" {
				return id
			}
		}
	case []any:
		for _, val := range x {
			if id := authoringID(val, ids); id != "" {
				return id
			}
		}
	}
	return ""
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
