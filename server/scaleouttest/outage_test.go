package scaleouttest

import (
	"strings"
	"testing"
	"time"

	"hoithi/server/store/mongo"
)

// A real server is killed (kill -9) while a citizen is in a 60 s attempt
// and comes back after a gap: the attempt is not timed out, its deadline
// moved by about the gap, and the audit log says so. The outage threshold
// is lowered to 2 s (OUTAGE_THRESHOLD) so the gap can stay short; the
// whole test waits about a minute, bounded by the attempt's own limit.
func TestKilledServerGivesTheOutageBack(t *testing.T) {
	db := freshDatabase()
	env := map[string]string{"OUTAGE_THRESHOLD": "2s"}
	a, err := startInstance(t, db, env, "--demo")
	if err != nil {
		t.Fatalf("instance A: %v", err)
	}
	org := a.login(t, "0901000001")
	contestID, roundID := shortRound(t, a, org)
	citizen := a.login(t, "0901000002")
	r := a.do(t, "POST", "/api/v1/rounds/"+roundID+"/attempts", nil, citizen)
	if r.status != 201 {
		t.Fatalf("start: %d %s", r.status, r.raw)
	}
	deadline0 := parseTime(t, r.body["deadline"])
	time.Sleep(1500 * time.Millisecond) // a few beats after the start

	if err := a.cmd.Process.Kill(); err != nil { // kill -9: no shutdown, no last beat
		t.Fatal(err)
	}
	a.exited <- <-a.exited
	killed := time.Now()
	time.Sleep(6 * time.Second)
	b, err := startInstance(t, db, env)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	gap := time.Since(killed)

	cur := b.do(t, "GET", "/api/v1/rounds/"+roundID+"/attempts/current", nil, citizen)
	if cur.status != 200 {
		t.Fatalf("attempt after the restart: %d %s", cur.status, cur.raw)
	}
	added := parseTime(t, cur.body["deadline"]).Sub(deadline0)
	outageSec, _ := cur.body["outageSec"].(float64)
	// The outage runs from the last beat (at most a beat before the kill)
	// to the restart's check (before it listened).
	if added < 6*time.Second || added > gap+2*time.Second || int64(outageSec) != int64(added.Seconds()) {
		t.Fatalf("deadline moved by %v (outageSec %v), want about the %v gap", added, outageSec, gap)
	}
	if !strings.Contains(b.log(), "outage compensated") {
		t.Fatalf("the restarted server did not log the compensation: %s", b.log())
	}

	// Past the old deadline and its grace, the attempt is still open.
	if wait := time.Until(deadline0.Add(6 * time.Second)); wait > 0 {
		time.Sleep(wait)
	}
	if r := b.do(t, "GET", "/api/v1/rounds/"+roundID+"/me", nil, citizen); r.status != 200 || r.body["inProgress"] != float64(1) {
		t.Fatalf("after the old deadline: %d %s; want the attempt still in progress", r.status, r.raw)
	}

	st, err := mongo.Open(t.Context(), mongoDB, db, mongo.Options{AllowNonAtomic: ferret})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	entries, err := st.AuditEntries(t.Context(), "contest:"+contestID, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Action == "quiz.outage" && e.Subject == roundID && strings.Contains(string(e.Data), `"attempts":1`) {
			return
		}
	}
	t.Fatalf("no quiz.outage audit entry for the round among %d entries", len(entries))
}

// shortRound creates and publishes a round of the demo contest open now
// with the shortest time limit (60 s), like the open demo round otherwise.
func shortRound(t *testing.T, in *instance, org string) (contestID, roundID string) {
	t.Helper()
	open := object(t, in.do(t, "GET", "/api/v1/org/rounds/"+demoOpenRound(t, in, org), nil, org), "round")
	body := map[string]any{}
	for _, k := range roundInputKeys {
		if v, ok := open[k]; ok && k != "version" {
			body[k] = v
		}
	}
	body["no"], body["title"], body["timeLimitSec"] = 90, "Đợt thử sự cố", 60
	body["opensAt"] = time.Now().Add(-time.Minute).UTC().Format(time.RFC3339)
	body["closesAt"] = time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	contestID = open["contestId"].(string)
	r := in.do(t, "POST", "/api/v1/org/contests/"+contestID+"/rounds", body, org)
	if r.status != 201 {
		t.Fatalf("create round: %d %s", r.status, r.raw)
	}
	roundID = object(t, r, "round")["id"].(string)
	if r := in.do(t, "POST", "/api/v1/org/rounds/"+roundID+"/publish", nil, org); r.status != 200 {
		t.Fatalf("publish round: %d %s", r.status, r.raw)
	}
	return contestID, roundID
}

func parseTime(t *testing.T, v any) time.Time {
	t.Helper()
	s, _ := v.(string)
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("not a time: %v", v)
	}
	return at
}
