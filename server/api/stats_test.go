package api

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// The expectations below are counted straight from what the scenario
// seeded, never by the statistics code.

var vietnamClock = time.FixedZone("UTC+7", 7*3600)

// tally counts the seeded citizens keep selects: people with a final
// attempt, final attempts, people with a 5/5 attempt.
func (sc *statsScenario) tally(keep func(*seededCitizen) bool) map[string]int {
	out := map[string]int{"people": 0, "attempts": 0, "allCorrect": 0}
	for _, c := range sc.citizens {
		if !keep(c) {
			continue
		}
		final, perfect := 0, false
		for _, a := range c.attempts {
			if !a.open {
				final++
				perfect = perfect || a.right == 5
			}
		}
		if final > 0 {
			out["people"]++
			out["attempts"] += final
			if perfect {
				out["allCorrect"]++
			}
		}
	}
	return out
}

func everyone(*seededCitizen) bool { return true }

// countsOf reads people/attempts/allCorrect of a JSON object.
func countsOf(v any) map[string]int {
	m, _ := v.(map[string]any)
	out := map[string]int{}
	for _, k := range []string{"people", "attempts", "allCorrect"} {
		f, _ := m[k].(float64)
		out[k] = int(f)
	}
	return out
}

func (sc *statsScenario) statsOf(t *testing.T, query string) response {
	t.Helper()
	r := sc.f.e.do("GET", "/api/v1/org/rounds/"+sc.round2+"/stats"+query, nil, sc.f.orgToken())
	if r.Status != 200 {
		t.Fatalf("stats%s: %d %s", query, r.Status, r.Raw)
	}
	return r
}

// contestStatsOf asks for the whole contest's statistics as its organizer.
func (sc *statsScenario) contestStatsOf(t *testing.T) response {
	t.Helper()
	r := sc.f.e.do("GET", "/api/v1/org/contests/"+sc.f.contestID+"/stats", nil, sc.f.orgToken())
	if r.Status != 200 {
		t.Fatalf("contest stats: %d %s", r.Status, r.Raw)
	}
	return r
}

func TestRoundStatsMatchSeededData(t *testing.T) {
	eachEngineCounting(t, func(t *testing.T, e *env, cs *countingStore) {
		sc := newStatsScenario(t, e)
		scans := cs.scans.Load()
		r := sc.statsOf(t, "")
		if got := cs.scans.Load() - scans; got != 1 {
			t.Errorf("the first request made %d scans, want 1", got)
		}
		st := r.Body["stats"].(map[string]any)
		if got, want := countsOf(st), sc.tally(everyone); !maps.Equal(got, want) {
			t.Errorf("totals %v, want %v", got, want)
		}
		if st["started"] != float64(len(sc.citizens)) {
			t.Errorf("started = %v, want %d", st["started"], len(sc.citizens))
		}
		// The tree: W1 (everyone here) → W1-A, 100 people each.
		w1 := st["units"].([]any)[0].(map[string]any)
		wa := w1["children"].([]any)[0].(map[string]any)
		inA := func(c *seededCitizen) bool { return c.unit == "W1-A" }
		for _, u := range []struct {
			node map[string]any
			id   string
			want map[string]int
		}{{w1, e.units["W1"].ID, sc.tally(everyone)}, {wa, e.units["W1-A"].ID, sc.tally(inA)}} {
			if u.node["id"] != u.id || !maps.Equal(countsOf(u.node), u.want) || u.node["headcount"] != float64(100) ||
				u.node["headcountPct"] != float64(u.want["people"]) {
				t.Errorf("unit %s: %v, want %v of 100", u.id, u.node, u.want)
			}
		}
		if _, deeper := wa["children"]; deeper {
			t.Error("depth 1 shows grandchildren")
		}
		for field, keyOf := range map[string]func(*seededCitizen) string{
			"byGender":     func(c *seededCitizen) string { return c.gender },
			"byOccupation": func(c *seededCitizen) string { return c.occupation },
			"byAgeBand":    func(c *seededCitizen) string { return c.ageBand },
		} {
			for _, g := range st[field].([]any) {
				key := g.(map[string]any)["key"].(string)
				want := sc.tally(func(c *seededCitizen) bool { return keyOf(c) == key })
				if got := countsOf(g); !maps.Equal(got, want) {
					t.Errorf("%s %s: %v, want %v", field, key, got, want)
				}
			}
		}
		sc.checkTimesAndScores(t, st, everyone)

		// Drill-down to W1-A, and a unit outside the contest.
		r = sc.statsOf(t, "?unitId="+e.units["W1-A"].ID)
		if got := countsOf(r.Body["unit"]); !maps.Equal(got, sc.tally(inA)) {
			t.Errorf("unit W1-A: %v", got)
		}
		for _, g := range r.Body["breakdown"].(map[string]any)["byGender"].([]any) {
			key := g.(map[string]any)["key"].(string)
			if got, want := countsOf(g), sc.tally(func(c *seededCitizen) bool { return inA(c) && c.gender == key }); !maps.Equal(got, want) {
				t.Errorf("W1-A %s: %v, want %v", key, got, want)
			}
		}
		// W1-A's own days, hours and scores; the round's stay as they were.
		sc.checkTimesAndScores(t, r.Body["breakdown"].(map[string]any), inA)
		sc.checkTimesAndScores(t, r.Body["stats"].(map[string]any), everyone)
		if r := e.do("GET", "/api/v1/org/rounds/"+sc.round2+"/stats?unitId="+e.units["W2"].ID, nil, sc.f.orgToken()); r.Status != 404 {
			t.Errorf("unit outside the contest: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", "/api/v1/org/rounds/"+sc.round2+"/stats?depth=x", nil, sc.f.orgToken()); r.Status != 400 || r.fieldNames()[0] != "depth" {
			t.Errorf("bad depth: %d %s", r.Status, r.Raw)
		}
		if got := cs.scans.Load() - scans; got != 1 {
			t.Errorf("%d scans for four requests within a minute, want 1", got)
		}
		sc.checkContestStats(t)
	})
}

// checkTimesAndScores compares by day, by hour (Vietnam time) and the
// score spread with the seeded submissions of the citizens kept.
func (sc *statsScenario) checkTimesAndScores(t *testing.T, st map[string]any, keep func(*seededCitizen) bool) {
	t.Helper()
	dayAttempts, dayPeople, hours := map[string]int{}, map[string]int{}, map[int]int{}
	scoreAttempts, bestPeople := map[int]int{}, map[int]int{}
	for _, c := range sc.citizens {
		if !keep(c) {
			continue
		}
		days, best, played := map[string]bool{}, -1, false
		for _, a := range c.attempts {
			if a.open {
				continue
			}
			local := a.submit.In(vietnamClock)
			dayAttempts[local.Format(time.DateOnly)]++
			days[local.Format(time.DateOnly)] = true
			hours[local.Hour()]++
			scoreAttempts[a.right]++
			best, played = max(best, a.right), true
		}
		for d := range days {
			dayPeople[d]++
		}
		if played {
			bestPeople[best]++
		}
	}
	var wantDays, wantScores []string
	for _, d := range slices.Sorted(maps.Keys(dayAttempts)) {
		wantDays = append(wantDays, fmt.Sprintf("%s:%d:%d", d, dayAttempts[d], dayPeople[d]))
	}
	for _, s := range slices.Sorted(maps.Keys(scoreAttempts)) {
		wantScores = append(wantScores, fmt.Sprintf("%d:%d:%d", s, scoreAttempts[s], bestPeople[s]))
	}
	var gotDays, gotScores []string
	for _, d := range st["byDay"].([]any) {
		m := d.(map[string]any)
		gotDays = append(gotDays, fmt.Sprintf("%s:%v:%v", m["date"], m["attempts"], m["people"]))
	}
	for _, s := range st["scores"].([]any) {
		m := s.(map[string]any)
		gotScores = append(gotScores, fmt.Sprintf("%v:%v:%v", m["score"], m["attempts"], m["people"]))
	}
	if !slices.Equal(gotDays, wantDays) || len(wantDays) != 2 {
		t.Errorf("by day %v, want %v", gotDays, wantDays)
	}
	if !slices.Equal(gotScores, wantScores) {
		t.Errorf("scores %v, want %v", gotScores, wantScores)
	}
	for _, h := range st["byHour"].([]any) {
		m := h.(map[string]any)
		if hour := int(m["hour"].(float64)); m["attempts"] != float64(hours[hour]) {
			t.Errorf("hour %d: %v attempts, want %d", hour, m["attempts"], hours[hour])
		}
	}
}

// checkContestStats: the whole contest counts citizen 11 once although
// they played both rounds, and lists each round.
func (sc *statsScenario) checkContestStats(t *testing.T) {
	t.Helper()
	r := sc.contestStatsOf(t)
	want := sc.tally(everyone)
	want["attempts"]++ // citizen 11's attempt of round 1 (1 of 5 right)
	if got := countsOf(r.Body["stats"]); !maps.Equal(got, want) {
		t.Errorf("contest totals %v, want %v", got, want)
	}
	lines := r.Body["rounds"].([]any)
	if len(lines) != 2 || !maps.Equal(countsOf(lines[0]), map[string]int{"people": 1, "attempts": 1, "allCorrect": 0}) ||
		!maps.Equal(countsOf(lines[1]), sc.tally(everyone)) {
		t.Errorf("round lines %v", lines)
	}
}

func TestStatsSnapshotIsReusedWithinAMinute(t *testing.T) {
	eachEngineCounting(t, func(t *testing.T, e *env, cs *countingStore) {
		sc := newStatsScenario(t, e)
		first := sc.statsOf(t, "")
		scans := cs.scans.Load()
		before := sc.tally(everyone)
		late := sc.finishOpenAttempt(t)     // a new all-correct person
		e.now = e.now.Add(45 * time.Second) // 55 s after the computation
		for range 3 {
			r := sc.statsOf(t, "")
			if r.Body["computedAt"] != first.Body["computedAt"] || !maps.Equal(countsOf(r.Body["stats"]), before) {
				t.Fatalf("within a minute the snapshot changed: %v", r.Body["computedAt"])
			}
		}
		if cs.scans.Load() != scans {
			t.Fatalf("requests within a minute scanned the round again")
		}
		// 61 s after the computation: the old snapshot comes back at once
		// and one refresh starts; later requests see the new figures.
		e.now = sc.base.Add(9*time.Hour + 21*time.Minute + 61*time.Second)
		refreshed := time.Now().Add(20 * time.Second)
		var r response
		for {
			r = sc.statsOf(t, "")
			if r.Body["computedAt"] != first.Body["computedAt"] {
				break
			}
			if time.Now().After(refreshed) {
				t.Fatal("the snapshot was never refreshed")
			}
			time.Sleep(20 * time.Millisecond)
		}
		if r.Body["computedAt"] != e.now.Format(time.RFC3339Nano) {
			t.Errorf("computedAt = %v, want %s", r.Body["computedAt"], e.now.Format(time.RFC3339Nano))
		}
		if got, want := countsOf(r.Body["stats"]), sc.tally(everyone); !maps.Equal(got, want) || want["allCorrect"] != before["allCorrect"]+1 {
			t.Errorf("after the refresh %v, want %v (citizen %d counted)", got, want, late.n)
		}
		if got := cs.scans.Load() - scans; got != 1 {
			t.Errorf("%d scans for the stale requests, want exactly 1", got)
		}
	})
}

func TestStatsAccess(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		foreign := e.staff(901, contests.RoleOrganizer, "W2")
		citizen, _ := e.register(1, "W1-A")
		paths := []string{"/stats", "/items", "/report.xlsx", "/items.xlsx"}
		for _, p := range paths {
			for _, c := range []struct {
				who, round string
				status     int
			}{{foreign, f.roundID, 403}, {citizen, f.roundID, 403}, {f.org, "nope", 404}} {
				if r := e.do("GET", "/api/v1/org/rounds/"+c.round+p, nil, c.who); r.Status != c.status {
					t.Errorf("%s of round %s: %d %s, want %d", p, c.round, r.Status, r.Raw, c.status)
				}
			}
		}
		if r := e.do("GET", "/api/v1/org/contests/"+f.contestID+"/stats", nil, foreign); r.Status != 403 {
			t.Errorf("contest stats for a foreign organizer: %d", r.Status)
		}
		if r := e.do("GET", "/api/v1/org/contests/nope/stats", nil, f.org); r.Status != 404 {
			t.Errorf("unknown contest: %d", r.Status)
		}
		// An empty round: zeros everywhere, the tree still there.
		r := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/stats?depth=0", nil, f.org)
		st, _ := r.Body["stats"].(map[string]any)
		if r.Status != 200 || !maps.Equal(countsOf(st), map[string]int{"people": 0, "attempts": 0, "allCorrect": 0}) || st["started"] != float64(0) {
			t.Fatalf("empty round: %d %s", r.Status, r.Raw)
		}
		root := st["units"].([]any)[0].(map[string]any)
		if root["id"] != e.units["W1"].ID || root["children"] != nil || len(st["byGender"].([]any)) != len(quiz.Genders) || len(st["byHour"].([]any)) != 24 {
			t.Errorf("empty round stats: %s", r.Raw)
		}
		if r := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/items", nil, f.org); r.Status != 200 || r.Body["attempts"] != float64(0) || len(r.Body["items"].([]any)) != 0 {
			t.Errorf("empty round items: %d %s", r.Status, r.Raw)
		}
	})
}

// Two instances sharing a store compute a round's statistics once: the
// second serves the snapshot the first stored (same instant, same figures)
// instead of scanning the round again with its own result.
func TestInstancesServeOneStoredStatisticsSnapshot(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		for i := range 2 {
			tok, _ := e.register(1+i, "W1-A")
			if r := f.start(tok); r.Status != 201 {
				t.Fatalf("start: %d %s", r.Status, r.Raw)
			}
		}
		instance := func(skew time.Duration) *fiber.App {
			return NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, SharedStore: true,
				Now: func() time.Time { return e.now.Add(skew) }}).App
		}
		a, b, own := instance(0), instance(20*time.Second), e.app
		defer func() { e.app = own }()
		stats := func(app *fiber.App) (string, string) {
			e.app = app
			r := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/stats", nil, f.org)
			e.app = own
			if r.Status != 200 {
				t.Fatalf("stats: %d %s", r.Status, r.Raw)
			}
			figures, _ := json.Marshal(r.Body["stats"])
			return string(figures), r.Body["computedAt"].(string)
		}
		figuresA, atA := stats(a)
		// A third person starts after A's snapshot.
		tok, _ := e.register(3, "W1-A")
		if r := f.start(tok); r.Status != 201 {
			t.Fatalf("start: %d %s", r.Status, r.Raw)
		}
		figuresB, atB := stats(b)
		if atB != atA || figuresB != figuresA {
			t.Fatalf("B's statistics: at %s %s; want A's stored snapshot at %s %s", atB, figuresB, atA, figuresA)
		}
	})
}
