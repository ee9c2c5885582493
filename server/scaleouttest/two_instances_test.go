package scaleouttest

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// roundInputKeys are the fields an edit of a round sends (the server
// refuses unknown ones).
var roundInputKeys = []string{"no", "title", "opensAt", "closesAt", "blueprint", "timeLimitSec", "maxAttempts",
	"policy", "prediction", "rule", "tiers", "tiePolicy", "revealAnswers", "version"}

// Two instances A and B share one database and the secrets; A seeded the
// demo contest. What one instance stores, the other honours.
func TestTwoInstances(t *testing.T) {
	db := freshDatabase()
	a, err := startInstance(t, db, nil, "--demo")
	if err != nil {
		t.Fatalf("instance A: %v", err)
	}
	b, err := startInstance(t, db, nil)
	if err != nil {
		t.Fatalf("instance B: %v", err)
	}

	t.Run("an instance with another DATA_KEY refuses to start", func(t *testing.T) {
		_, err := startInstance(t, db, map[string]string{"DATA_KEY": strings.Repeat("x", 40)})
		if err == nil || !strings.Contains(err.Error(), "DATA_KEY is not the one this database was first started with") {
			t.Fatalf("start with another DATA_KEY: %v; want a refusal naming DATA_KEY", err)
		}
	})

	t.Run("FerretDB is refused without the development flag", func(t *testing.T) {
		if !ferret {
			t.Skip("MONGODB_URI is a real MongoDB")
		}
		_, err := startInstance(t, db, map[string]string{"DEV_ALLOW_NON_ATOMIC": "0"})
		if err == nil || !strings.Contains(err.Error(), "does not apply single-document updates atomically") {
			t.Fatalf("start on FerretDB without the flag: %v; want a refusal", err)
		}
	})

	t.Run("failed logins spread over both instances are counted together", func(t *testing.T) {
		// Five wrong passwords of one account from one client are free
		// (DefaultLimits); the sixth must wait, wherever each one landed.
		var got []int
		for i := range 6 {
			in := []*instance{a, b}[i%2]
			got = append(got, in.do(t, "POST", "/api/v1/auth/login", map[string]any{"login": "0901000002", "password": "sai-mat-khau-" + strings.Repeat("x", i)}, "").status)
		}
		if got[5] != 429 {
			t.Fatalf("six failed logins over A and B answered %v, want the sixth refused (429)", got)
		}
		// The organizers' security view lists the five heard (three on A,
		// two on B; the sixth was refused unheard) on either instance.
		org := a.login(t, "0901000001")
		onA := a.do(t, "GET", "/api/v1/org/security/failed-logins", nil, org)
		onB := b.do(t, "GET", "/api/v1/org/security/failed-logins", nil, org)
		listed, _ := onB.body["failures"].([]any)
		if onA.status != 200 || onB.raw != onA.raw || len(listed) != 5 {
			t.Fatalf("failed logins on A: %d, %d listed; on B: %d, %d listed; same list: %v; want the same five on both", onA.status, len(onA.body["failures"].([]any)), onB.status, len(listed), onA.raw == onB.raw)
		}
	})

	t.Run("an edit over a version changed through the other instance is refused", func(t *testing.T) {
		token := a.login(t, "0901000001")
		roundPath := "/api/v1/org/rounds/" + demoOpenRound(t, a, token)
		loaded := object(t, a.do(t, "GET", roundPath, nil, token), "round")
		edit := func(title string) map[string]any {
			body := map[string]any{}
			for _, k := range roundInputKeys {
				if v, ok := loaded[k]; ok {
					body[k] = v
				}
			}
			body["title"] = title
			return body
		}
		// B saves first, over the version both loaded.
		if r := b.do(t, "PUT", roundPath, edit("Tuần 2 (sửa trên B)"), token); r.status != 200 {
			t.Fatalf("save on B: %d %s", r.status, r.raw)
		}
		// A saves the copy it loaded before B's save.
		r := a.do(t, "PUT", roundPath, edit("Tuần 2 (bản cũ trên A)"), token)
		if r.status != 409 || !strings.Contains(r.raw, "Đã có người khác sửa mục này, hãy tải lại.") {
			t.Fatalf("stale save on A: %d %s; want 409 with the reload message", r.status, r.raw)
		}
		if got := object(t, a.do(t, "GET", roundPath, nil, token), "round")["title"]; got != "Tuần 2 (sửa trên B)" {
			t.Fatalf("title read through A = %v, want B's save", got)
		}
	})

	t.Run("statistics computed once are served by both", func(t *testing.T) {
		token := a.login(t, "0901000001")
		path := "/api/v1/org/rounds/" + demoRound(t, a, token, "results") + "/stats"
		onA := a.do(t, "GET", path, nil, token)
		onB := b.do(t, "GET", path, nil, token)
		if onA.status != 200 || onB.status != 200 || onA.body["computedAt"] != onB.body["computedAt"] {
			t.Fatalf("statistics on A: %d at %v; on B: %d at %v; want B to serve A's stored snapshot", onA.status, onA.body["computedAt"], onB.status, onB.body["computedAt"])
		}
	})

	t.Run("results clicked on both at once are one job", func(t *testing.T) {
		token := a.login(t, "0901000001")
		path := "/api/v1/org/rounds/" + demoRound(t, a, token, "results") + "/results"
		var wg sync.WaitGroup
		got := make([]response, 2)
		for i, in := range []*instance{a, b} {
			wg.Add(1)
			go func() { defer wg.Done(); got[i] = in.do(t, "POST", path, nil, token) }()
		}
		wg.Wait()
		if got[0].status != 202 || got[1].status != 202 || got[0].body["id"] == nil || got[0].body["id"] != got[1].body["id"] {
			t.Fatalf("compute on A: %d %s; on B: %d %s; want both 202 with the same job", got[0].status, got[0].raw, got[1].status, got[1].raw)
		}
		var onB response
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
			onB = b.do(t, "GET", path+"/job", nil, token)
			if onB.body["status"] != "running" || time.Now().After(deadline) {
				break
			}
		}
		onA := a.do(t, "GET", path+"/job", nil, token)
		if onB.body["status"] != "done" || onB.body["id"] != got[0].body["id"] || onB.body["summary"] == nil || onA.raw != onB.raw {
			t.Fatalf("the job on B: %s; on A: %s; want the same job done on both", onB.raw, onA.raw)
		}
	})

	// Last: it closes the demo's open round.
	t.Run("a round closed on A refuses a start on B at once", func(t *testing.T) { closeOnAStartOnB(t, a, b) })
}

// closeOnAStartOnB closes the open round through A after B has cached it;
// B must refuse a start at once, not when its cached copy expires.
func closeOnAStartOnB(t *testing.T, a, b *instance) {
	org := a.login(t, "0901000001")
	roundID := demoOpenRound(t, a, org)
	citizen := b.login(t, "0901000002")
	// B reads the round (and caches it) for the citizen.
	if r := b.do(t, "GET", "/api/v1/rounds/"+roundID+"/attempts/current", nil, citizen); r.status >= 500 {
		t.Fatalf("current attempt on B: %d %s", r.status, r.raw)
	}
	loaded := object(t, a.do(t, "GET", "/api/v1/org/rounds/"+roundID, nil, org), "round")
	body := map[string]any{}
	for _, k := range roundInputKeys {
		if v, ok := loaded[k]; ok {
			body[k] = v
		}
	}
	body["closesAt"] = time.Now().Add(-time.Second).UTC().Format(time.RFC3339)
	if r := a.do(t, "PUT", "/api/v1/org/rounds/"+roundID, body, org); r.status != 200 {
		t.Fatalf("close early on A: %d %s", r.status, r.raw)
	}
	r := b.do(t, "POST", "/api/v1/rounds/"+roundID+"/attempts", nil, citizen)
	if r.status == 201 || !strings.Contains(r.raw, "too_late") {
		t.Fatalf("start on B right after the round closed on A: %d %s; want it refused (too_late)", r.status, r.raw)
	}
}

// demoOpenRound returns the ID of the demo contest's open round.
func demoOpenRound(t *testing.T, in *instance, token string) string {
	t.Helper()
	return demoRound(t, in, token, "open")
}

// demoRound returns the ID of the demo contest's round in phase.
func demoRound(t *testing.T, in *instance, token, phase string) string {
	t.Helper()
	r := in.do(t, "GET", "/api/v1/org/contests", nil, token)
	list, _ := r.body["contests"].([]any)
	for _, c := range list {
		ct := c.(map[string]any)
		if ct["slug"] != "demo" {
			continue
		}
		rounds, _ := in.do(t, "GET", "/api/v1/org/contests/"+ct["id"].(string)+"/rounds", nil, token).body["rounds"].([]any)
		for _, x := range rounds {
			if round := x.(map[string]any); round["phase"] == phase {
				return round["id"].(string)
			}
		}
	}
	t.Fatalf("no %s round of the demo contest in %s", phase, r.raw)
	return ""
}
