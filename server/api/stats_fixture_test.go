package api

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// countingStore counts the full scans of a round (EachParticipation), so a
// test can tell a snapshot reused from one recomputed.
type countingStore struct {
	store.Store
	scans atomic.Int64
}

func (c *countingStore) EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error {
	c.scans.Add(1)
	return c.Store.EachParticipation(ctx, roundID, fn)
}

// eachEngineCounting runs fn once per engine, with the store wrapped.
func eachEngineCounting(t *testing.T, fn func(t *testing.T, e *env, cs *countingStore)) {
	eachStore(t, func(t *testing.T, st store.Store) {
		cs := &countingStore{Store: st}
		fn(t, newEnv(t, cs, Limits{}), cs)
	})
}

// seededCitizen is one person of the statistics scenario and what they did.
type seededCitizen struct {
	n          int
	unit       string // unit code
	gender     string
	occupation string
	birth      string // yyyy-mm-dd
	ageBand    string // on the round's close date, worked out by hand
	attempts   []seededAttempt
	id         string
}

// seededAttempt: at is the offset from the scenario's start when it begins;
// right is how many of the 5 questions get the key (the rest a wrong
// option); open leaves it in progress.
type seededAttempt struct {
	at    time.Duration
	right int
	open  bool
	// Filled while seeding: the paper and the option chosen per question.
	qids   []string
	chosen map[string]string
	submit time.Time
}

// register creates the citizen's account with their gender, birth date and
// occupation (the CCCD agrees with them).
func (c *seededCitizen) register(e *env) {
	e.t.Helper()
	body := e.registration(c.n, c.unit)
	year := 0
	fmt.Sscanf(c.birth, "%d", &year)
	gc := (year/100 - 19) * 2
	if c.gender == "female" {
		gc++
	}
	body["gender"], body["birthDate"], body["occupation"] = c.gender, c.birth, c.occupation
	body["cccd"] = fmt.Sprintf("089%d%02d%06d", gc, year%100, c.n)
	r := e.registered(body)
	c.id = r.Body["user"].(map[string]any)["id"].(string)
}

// play takes attempt a at base+a.at: start, answer every question, submit
// 20 seconds later (unless open).
func (c *seededCitizen) play(f *quizFixture, base time.Time, a *seededAttempt) {
	e := f.e
	e.t.Helper()
	e.now = base.Add(a.at)
	tok := e.tokenFor(c.id)
	r := f.start(tok)
	if r.Status != 201 {
		e.t.Fatalf("start for %d: %d %s", c.n, r.Status, r.Raw)
	}
	no := int(r.Body["no"].(float64))
	a.qids, a.chosen = questionIDs(r), map[string]string{}
	for i, q := range a.qids {
		opt := f.key[q]
		if i >= a.right {
			opt = map[string]string{"A": "B", "B": "C", "C": "D", "D": "A"}[opt]
		}
		a.chosen[q] = opt
		if r := f.answer(tok, no, q, []string{opt}, int64(i+1)); r.Status != 200 {
			e.t.Fatalf("answer: %d %s", r.Status, r.Raw)
		}
	}
	if a.open {
		return
	}
	e.now = e.now.Add(20 * time.Second)
	a.submit = e.now
	if r := f.submit(tok, no); r.Status != 200 {
		e.t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
}

// statsScenario is a contest owned by W1 (its tree: W1 → W1-A, headcount
// 100 each) with round 1 of the fixture and a second round open 48 hours,
// where five citizens play. The scenario starts at 09:00 UTC, 16:00 in
// Vietnam; attempts at +9h are on the next Vietnamese day.
type statsScenario struct {
	f        *quizFixture
	base     time.Time
	round1   string
	round2   string
	citizens []*seededCitizen
}

func newStatsScenario(t *testing.T, e *env) *statsScenario {
	t.Helper()
	f := newQuizFixture(t, e)
	sc := &statsScenario{f: f, base: e.now, round1: f.roundID}
	body := f.roundBody(2)
	body["closesAt"] = e.now.Add(48 * time.Hour)
	sc.round2 = f.publishRound(t, body)
	// The round closes on 25 Nov 2026 at 16:00 in Vietnam: ages on that day.
	sc.citizens = []*seededCitizen{
		{n: 11, unit: "W1-A", gender: "male", occupation: "party_member", birth: "1990-05-17", ageBand: "31_45",
			attempts: []seededAttempt{{at: time.Minute, right: 5}}},
		{n: 12, unit: "W1-A", gender: "female", occupation: "student", birth: "2010-01-01", ageBand: "under_18",
			attempts: []seededAttempt{{at: 2 * time.Minute, right: 3}, {at: 9 * time.Hour, right: 4}}},
		{n: 13, unit: "W1", gender: "female", occupation: "citizen", birth: "1960-03-01", ageBand: "over_60",
			attempts: []seededAttempt{{at: 9*time.Hour + 5*time.Minute, right: 2}}},
		{n: 14, unit: "W1", gender: "male", occupation: "civil_servant", birth: "1995-11-26", ageBand: "18_30", // 31 the day after
			attempts: []seededAttempt{{at: 9*time.Hour + 20*time.Minute, right: 5, open: true}}},
		{n: 15, unit: "W1-A", gender: "male", occupation: "youth_union", birth: "1975-06-01", ageBand: "46_60",
			attempts: []seededAttempt{{at: 9*time.Hour + 10*time.Minute, right: 5}, {at: 9*time.Hour + 15*time.Minute, right: 0}}},
	}
	for _, c := range sc.citizens {
		c.register(e)
	}
	// The first citizen also plays round 1 (open for the first hour).
	first := sc.citizens[0]
	f.roundID = sc.round1
	r1 := seededAttempt{at: 30 * time.Second, right: 1}
	first.play(f, sc.base, &r1)
	f.roundID = sc.round2
	type play struct {
		c *seededCitizen
		a *seededAttempt
	}
	var plays []play
	for _, c := range sc.citizens {
		for i := range c.attempts {
			plays = append(plays, play{c, &c.attempts[i]})
		}
	}
	slices.SortFunc(plays, func(x, y play) int { return cmp.Compare(x.a.at, y.a.at) }) // the clock only moves forward
	for _, p := range plays {
		p.c.play(f, sc.base, p.a)
	}
	e.now = sc.base.Add(9*time.Hour + 21*time.Minute)
	return sc
}

// finishOpenAttempt submits the attempt left in progress (citizen 14), all
// right, and returns its citizen.
func (sc *statsScenario) finishOpenAttempt(t *testing.T) *seededCitizen {
	t.Helper()
	c := sc.citizens[3]
	c.attempts[0].open = false
	sc.f.e.now = sc.f.e.now.Add(10 * time.Second)
	c.attempts[0].submit = sc.f.e.now
	if r := sc.f.submit(sc.f.e.tokenFor(c.id), 1); r.Status != 200 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	return c
}
