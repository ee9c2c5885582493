package api

import (
	"encoding/json"
	"testing"
	"time"
)

const remedyReason = "Mất điện tại điểm thi thôn 3 lúc 9 giờ"

// The organizer's remedies through the real app: each changes what it says,
// refuses without a reason, and is audited with the reason.
func TestOrganizerRemedies(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		base := "/api/v1/org/rounds/" + f.roundID + "/remedies/"
		started := e.now
		a, aID := e.register(1, "W1-A")
		b, _ := e.register(2, "W1-A")
		c, cID := e.register(3, "W1-A")
		for _, tok := range []string{a, b, c} {
			if r := f.start(tok); r.Status != 201 {
				t.Fatalf("start: %d %s", r.Status, r.Raw)
			}
		}
		// c finishes both attempts: none left.
		f.submit(c, 1)
		f.start(c)
		f.submit(c, 2)
		org := f.orgToken()

		if r := e.do("POST", base+"extend-attempt", map[string]any{"userId": aID, "seconds": 120, "reason": "ngắn"}, org); r.Status != 400 || r.fieldNames()[0] != "reason" {
			t.Fatalf("no reason: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", base+"extend-attempt", map[string]any{"userId": aID, "seconds": 120, "reason": remedyReason}, org); r.Status != 200 {
			t.Fatalf("extend one: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", base+"extend-attempts", map[string]any{"seconds": 60, "reason": remedyReason}, org); r.Status != 200 || r.Body["extended"] != float64(2) {
			t.Fatalf("extend all: %d %s", r.Status, r.Raw)
		}
		deadlineOf := func(tok string) time.Time {
			r := e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, tok)
			d, _ := time.Parse(time.RFC3339Nano, r.Body["deadline"].(string))
			return d
		}
		if d := deadlineOf(a); !d.Equal(started.Add(600*time.Second + 180*time.Second)) {
			t.Fatalf("a's deadline %v, want +600+120+60 s", d)
		}
		if d := deadlineOf(b); !d.Equal(started.Add(660 * time.Second)) {
			t.Fatalf("b's deadline %v, want +600+60 s", d)
		}

		// c has used both attempts; a window covering their attempts gives one back to all three.
		if r := e.do("POST", "/api/v1/rounds/"+f.roundID+"/attempts", nil, c); r.Status != 409 {
			t.Fatalf("a third attempt before give-back: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", base+"give-back", map[string]any{"from": started.Add(-time.Minute), "to": started.Add(time.Minute), "reason": remedyReason}, org); r.Status != 200 || r.Body["givenBack"] != float64(3) {
			t.Fatalf("give back to a window: %d %s", r.Status, r.Raw)
		}
		if r := f.start(c); r.Status != 201 || r.Body["no"] != float64(3) {
			t.Fatalf("c's attempt given back: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", base+"give-back", map[string]any{"userId": cID, "reason": remedyReason}, org); r.Status != 200 || r.Body["givenBack"] != float64(1) {
			t.Fatalf("give back to one: %d %s", r.Status, r.Raw)
		}
		// By the phone number or CCCD the person gives on the telephone.
		if r := e.do("POST", base+"give-back", map[string]any{"login": "089090000003", "reason": remedyReason}, org); r.Status != 200 || r.Body["givenBack"] != float64(1) {
			t.Fatalf("give back by CCCD: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", base+"extend-attempt", map[string]any{"login": "0912 000 001", "seconds": 1, "reason": remedyReason}, org); r.Status != 200 {
			t.Fatalf("extend by phone: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", base+"give-back", map[string]any{"login": "0912000099", "reason": remedyReason}, org); r.Status != 400 || r.fieldNames()[0] != "login" {
			t.Fatalf("a phone with no attempt in the round: %d %s", r.Status, r.Raw)
		}
		p, err := e.store.Participation(t.Context(), f.roundID, cID)
		if err != nil || p.ExtraAttempts != 3 {
			t.Fatalf("c's attempts given back: %+v %v, want 3", p, err)
		}

		if r := e.do("POST", base+"extend-close", map[string]any{"seconds": 3600, "reason": remedyReason}, org); r.Status != 200 {
			t.Fatalf("extend close: %d %s", r.Status, r.Raw)
		}
		rd := e.do("GET", "/api/v1/org/rounds/"+f.roundID, nil, org)
		closes, _ := time.Parse(time.RFC3339Nano, rd.Body["round"].(map[string]any)["closesAt"].(string))
		if !closes.Equal(started.Add(2 * time.Hour)) {
			t.Fatalf("closes %v, want an hour later than %v", closes, started.Add(time.Hour))
		}

		entries, err := e.store.AuditEntries(t.Context(), auditChain(f.contestID), 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for _, en := range entries {
			var d struct {
				Reason string `json:"reason"`
			}
			json.Unmarshal(en.Data, &d)
			if len(en.Action) > 12 && en.Action[:12] == "quiz.remedy." {
				if d.Reason != remedyReason || en.ActorID == "" {
					t.Fatalf("audit %s by %q: %s", en.Action, en.ActorID, en.Data)
				}
				seen[en.Action]++
			}
		}
		want := map[string]int{"quiz.remedy.extend_attempt": 2, "quiz.remedy.extend_attempts": 1, "quiz.remedy.give_back": 3, "quiz.remedy.extend_close": 1}
		for k, n := range want {
			if seen[k] != n {
				t.Fatalf("audit actions %v, want %v", seen, want)
			}
		}

		// A citizen may not give themselves time.
		if r := e.do("POST", base+"extend-close", map[string]any{"seconds": 60, "reason": remedyReason}, a); r.Status != 403 {
			t.Fatalf("citizen remedy: %d", r.Status)
		}
	})
}
