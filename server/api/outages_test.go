package api

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"hoithi/server/store"
)

// The server was down 65 s while two citizens were in an attempt: the
// instance that starts next gives the 65 s back (deadlines, audit), a
// second instance starting after the same outage adds nothing, and the
// attempt page says why the time grew.
func TestOutageGivenBackOnStart(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		started := e.now
		var toks []string
		for i := range 2 {
			tok, _ := e.register(1+i, "W1-A")
			if r := f.start(tok); r.Status != 201 {
				t.Fatalf("start: %d %s", r.Status, r.Raw)
			}
			toks = append(toks, tok)
		}
		ctx := t.Context()
		if err := e.store.Beat(ctx, heartbeatName, e.now.Add(15*time.Second)); err != nil {
			t.Fatal(err)
		}
		e.now = e.now.Add(80 * time.Second) // last beat at +15 s, back at +80 s: 65 s down
		server := func() *Server {
			return NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }})
		}
		o, err := server().RecoverFromOutage(ctx, DefaultOutageThreshold)
		if err != nil || o == nil || o.Length() != 65*time.Second {
			t.Fatalf("outage %+v, %v; want 65 s", o, err)
		}
		if again, err := server().RecoverFromOutage(ctx, DefaultOutageThreshold); err != nil || again != nil {
			t.Fatalf("a second instance after the same outage found %+v, %v", again, err)
		}
		e.now = started.Add(600*time.Second + 30*time.Second) // past the old deadline + grace
		for _, tok := range toks {
			cur := e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, e.reissue(tok))
			if cur.Status != 200 {
				t.Fatalf("current after the old deadline: %d %s", cur.Status, cur.Raw)
			}
			deadline, _ := time.Parse(time.RFC3339Nano, cur.Body["deadline"].(string))
			if want := started.Add(665 * time.Second); !deadline.Equal(want) || cur.Body["outageSec"] != float64(65) {
				t.Fatalf("deadline %v outageSec %v; want %v and 65", deadline, cur.Body["outageSec"], want)
			}
		}
		entries, err := e.store.AuditEntries(ctx, auditChain(f.contestID), 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, en := range entries {
			if en.Action == "quiz.outage" && en.Subject == f.roundID {
				var d struct {
					Attempts int   `json:"attempts"`
					AddedSec int64 `json:"addedSec"`
				}
				json.Unmarshal(en.Data, &d)
				if d.Attempts != 2 || d.AddedSec != 65 || en.ActorID != auditActorServer {
					t.Fatalf("audit entry %s by %s", en.Data, en.ActorID)
				}
				found++
			}
		}
		if found != 1 {
			t.Fatalf("%d quiz.outage audit entries, want 1", found)
		}
	})
}

// A gap below the threshold (a restart) gives nothing back.
func TestShortGapIsNoOutage(t *testing.T) {
	e := sqliteEnv(t)
	if err := e.store.Beat(t.Context(), heartbeatName, e.now); err != nil {
		t.Fatal(err)
	}
	e.now = e.now.Add(DefaultOutageThreshold)
	srv := NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }})
	if o, err := srv.RecoverFromOutage(t.Context(), DefaultOutageThreshold); err != nil || o != nil {
		t.Fatalf("%+v %v", o, err)
	}
}

// Two instances starting at once after one outage: the lease makes them
// take turns, so the time is given back once; a round whose close fell
// inside the outage closes later by as much.
func TestOutageGivenBackOnceByInstancesStartingTogether(t *testing.T) {
	eachAtomicStore(t, "both instances could take the lease", func(t *testing.T, st store.Store) {
		e := newEnv(t, st, Limits{})
		f := newQuizFixture(t, e)
		closing := f.roundBody(2)
		closing["closesAt"] = e.now.Add(40 * time.Second) // inside the outage below
		r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/rounds", closing, f.org)
		if r.Status != 201 {
			t.Fatalf("round 2: %d %s", r.Status, r.Raw)
		}
		closingID := r.Body["round"].(map[string]any)["id"].(string)
		if r := e.do("POST", "/api/v1/org/rounds/"+closingID+"/publish", nil, f.org); r.Status != 200 {
			t.Fatalf("publish round 2: %d %s", r.Status, r.Raw)
		}
		tok, userID := e.register(1, "W1-A")
		if r := f.start(tok); r.Status != 201 {
			t.Fatalf("start: %d %s", r.Status, r.Raw)
		}
		before := e.now
		ctx := t.Context()
		if err := e.store.Beat(ctx, heartbeatName, before.Add(15*time.Second)); err != nil {
			t.Fatal(err)
		}
		e.now = before.Add(80 * time.Second)
		var wg sync.WaitGroup
		found := make([]bool, 2)
		for i := range 2 {
			wg.Go(func() {
				srv := NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }})
				o, err := srv.RecoverFromOutage(ctx, DefaultOutageThreshold)
				if err != nil {
					t.Errorf("recover: %v", err)
				}
				found[i] = o != nil
			})
		}
		wg.Wait()
		if found[0] == found[1] {
			t.Fatalf("outage found by %v, want exactly one instance", found)
		}
		p, err := e.store.Participation(ctx, f.roundID, userID)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Attempts[0].Deadline.Sub(before); got != 665*time.Second {
			t.Fatalf("deadline moved to +%v, want +665 s (600 + 65 once)", got)
		}
		round2, err := e.store.Round(ctx, closingID)
		if err != nil {
			t.Fatal(err)
		}
		if want := before.Add(40*time.Second + 65*time.Second); !round2.ClosesAt.Equal(want) {
			t.Fatalf("round 2 closes %v, want %v (its close fell inside the outage)", round2.ClosesAt, want)
		}
	})
}
