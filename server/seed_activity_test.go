package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/contests/vnid"
	"hoithi/server/api"
	"hoithi/server/store"
)

// TestSeedDemoActivity seeds the demo into a temp store and checks the
// past round against what the seeding says its participants did, counted
// here: the standings, the prizes, and the statistics an organizer sees.
func TestSeedDemoActivity(t *testing.T) {
	ctx := context.Background()
	st, deps, plays := seedTempDemo(t)
	if len(plays) != demoParticipants {
		t.Fatalf("%d participants, want %d", len(plays), demoParticipants)
	}
	ct, err := st.ContestBySlug(ctx, "demo")
	if err != nil {
		t.Fatal(err)
	}
	rounds, err := st.RoundsOf(ctx, ct.ID)
	if err != nil || len(rounds) != 2 {
		t.Fatalf("rounds %v %v", rounds, err)
	}
	past, open := rounds[0], rounds[1]
	if past.No != 1 || past.Title != "Tuần 1" || past.Status != quiz.RoundResults || past.Phase(time.Now()) != quiz.PhaseResults ||
		open.No != 2 || open.Title != "Tuần 2" || open.Phase(time.Now()) != quiz.PhaseOpen {
		t.Fatalf("rounds: %+v / %+v", past, open)
	}

	// The demo citizen keeps the open round to themself and played none.
	citizen := demoAccount(t, st, 2)
	if _, err := st.Participation(ctx, past.ID, citizen.ID); contests.ErrorCode(err) != contests.CodeNotFound {
		t.Errorf("the demo citizen has a record in the past round: %v", err)
	}

	// Counted from the plays: people, attempts, all-correct people, and by
	// unit, day (Vietnam), gender, age band and occupation.
	var total quiz.Counts
	byUnit, byGender, byAge, byOcc := map[string]*quiz.Counts{}, map[string]*quiz.Counts{}, map[string]*quiz.Counts{}, map[string]*quiz.Counts{}
	dayAttempts, dayPeople := map[string]int{}, map[string]int{}
	several := 0
	add := func(m map[string]*quiz.Counts, k string, c quiz.Counts) {
		if m[k] == nil {
			m[k] = &quiz.Counts{}
		}
		m[k].Add(c)
	}
	for _, p := range plays {
		if p.person.phone == demoUsers[2].phone {
			t.Errorf("the demo citizen %s is a seeded participant", p.person.phone)
		}
		c, days := countPlay(p), map[string]bool{}
		for _, a := range p.attempts {
			if a.Status == quiz.AttemptInProgress {
				continue
			}
			d := a.SubmittedAt.In(vietnamZone).Format(time.DateOnly)
			dayAttempts[d]++
			days[d] = true
		}
		for d := range days {
			dayPeople[d]++
		}
		if c.Attempts > 1 {
			several++
		}
		total.Add(c)
		add(byUnit, p.unitPath, c)
		add(byGender, string(p.person.gender), c)
		add(byAge, ageBandOf(p.person.age), c)
		add(byOcc, string(p.person.occupation), c)
	}
	if total.People != demoParticipants || several < 50 || total.AllCorrect < 30 || total.AllCorrect > total.People-50 || len(dayAttempts) < 6 {
		t.Errorf("an unrealistic week: %+v, %d with several attempts, days %v", total, several, dayAttempts)
	}

	// Standings: everyone ranked, every prize given, the target counted.
	rows, n, err := st.Standings(ctx, past.ID, 0, 1000)
	if err != nil || n != total.People || len(rows) != n {
		t.Fatalf("standings: %d rows of %d, want %d (%v)", len(rows), n, total.People, err)
	}
	won := map[string]int{}
	for _, r := range rows {
		if r.Prize != "" {
			won[r.Prize]++
		}
	}
	for _, tier := range past.Tiers {
		if won[tier.Key] != tier.Count {
			t.Errorf("tier %s: %d winners, want %d", tier.Key, won[tier.Key], tier.Count)
		}
	}
	if past.TargetValue == nil || *past.TargetValue != int64(total.AllCorrect) {
		t.Errorf("prediction target %v, want %d all-correct people", past.TargetValue, total.AllCorrect)
	}

	// The organizer's statistics of the round.
	var out struct {
		Stats struct {
			quiz.Counts
			ByOccupation, ByAgeBand, ByGender []quiz.GroupCount
			ByDay                             []quiz.DayCount
			Units                             []*quiz.UnitStats
		}
	}
	getAs(t, deps, demoAccount(t, st, 1))("/api/v1/org/rounds/"+past.ID+"/stats?depth=3", &out)
	s := out.Stats
	if s.Counts != total {
		t.Errorf("totals %+v, want %+v", s.Counts, total)
	}
	// Each person is in one group of each breakdown: the groups' people
	// add up to everyone (and an empty breakdown fails).
	groups := func(name string, got []quiz.GroupCount, want map[string]*quiz.Counts) {
		people := 0
		for _, g := range got {
			w := want[g.Key]
			if w == nil {
				w = &quiz.Counts{}
			}
			if g.Counts != *w {
				t.Errorf("%s %s: %+v, want %+v", name, g.Key, g.Counts, *w)
			}
			people += g.People
		}
		if people != total.People {
			t.Errorf("%s: the groups hold %d people, want %d", name, people, total.People)
		}
	}
	groups("gender", s.ByGender, byGender)
	groups("age band", s.ByAgeBand, byAge)
	groups("occupation", s.ByOccupation, byOcc)
	var gotDays, wantDays []string
	for _, d := range s.ByDay {
		gotDays = append(gotDays, fmt.Sprintf("%s:%d:%d", d.Date, d.Attempts, d.People))
	}
	for _, d := range slices.Sorted(maps.Keys(dayAttempts)) {
		wantDays = append(wantDays, fmt.Sprintf("%s:%d:%d", d, dayAttempts[d], dayPeople[d]))
	}
	if !slices.Equal(gotDays, wantDays) {
		t.Errorf("days %v, want %v", gotDays, wantDays)
	}
	// Units: the ward's own people and each unit below it.
	if len(s.Units) != 1 || s.Units[0].People != total.People {
		t.Fatalf("unit tree %+v", s.Units)
	}
	ward := s.Units[0]
	placed := 0
	for _, u := range append([]*quiz.UnitStats{ward}, ward.Children...) {
		w := byUnit[u.Path]
		if w == nil {
			w = &quiz.Counts{}
		}
		own := u.People
		if u == ward {
			for _, ch := range ward.Children {
				own -= ch.People
			}
		}
		if own != w.People {
			t.Errorf("unit %s: %d people of its own, want %d", u.Name, own, w.People)
		}
		placed += w.People
	}
	if placed != total.People || byUnit[ward.Path] == nil || len(ward.Children) < 2 {
		t.Errorf("people are not spread over the ward and its units: %d placed, ward %v", placed, byUnit[ward.Path])
	}
}

// ageBandOf is the statistics' age band of an age, worked out here.
func ageBandOf(age int) string {
	switch {
	case age < 18:
		return quiz.AgeUnder18
	case age <= 30:
		return quiz.Age18To30
	case age <= 45:
		return quiz.Age31To45
	case age <= 60:
		return quiz.Age46To60
	}
	return quiz.AgeOver60
}

// seedTempDemo seeds the demo into a new store in a temp dir.
func seedTempDemo(t *testing.T) (store.Store, *api.Deps, []demoPlay) {
	t.Helper()
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	st, deps, err := app(ctx, config{DataDir: t.TempDir(), LogLevel: "error"}, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	plays, err := seedDemoData(ctx, st, deps.Keys, log)
	if err != nil {
		t.Fatal(err)
	}
	return st, deps, plays
}

// demoAccount is the seeded account of demoUsers[i], found by its phone.
func demoAccount(t *testing.T, st store.Store, i int) *contests.User {
	t.Helper()
	phone, _ := vnid.NormalizePhone(demoUsers[i].phone)
	u, err := st.UserByPhoneKey(context.Background(), phone)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// getAs returns a GET through the real app signed in as user: it fails the
// test unless the answer is 200, and decodes the answer's JSON into out.
func getAs(t *testing.T, deps *api.Deps, user *contests.User) func(path string, out any) {
	token, _ := deps.Tokens.Issue(user)
	srv := api.NewServer(*deps)
	return func(path string, out any) {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := srv.App.Test(req, -1)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSeedDemoActivityIsRepeatable: the same people play the same week on
// every start (the papers drawn differ; the scores do not).
func TestSeedDemoActivityIsRepeatable(t *testing.T) {
	_, _, a := seedTempDemo(t)
	_, _, b := seedTempDemo(t)
	summary := func(plays []demoPlay) []string {
		var out []string
		for _, p := range plays {
			line := fmt.Sprint(p.person.name, p.person.birth.Format(time.DateOnly), p.person.occupation)
			for _, at := range p.attempts {
				line += fmt.Sprintf(" %d/%d", at.Correct, at.Total)
			}
			out = append(out, line)
		}
		return out
	}
	if sa, sb := summary(a), summary(b); !slices.Equal(sa, sb) {
		t.Errorf("two seedings differ:\n%v\n%v", sa[:5], sb[:5])
	}
}
