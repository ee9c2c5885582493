package main

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http/httptest"
	"sort"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/contests/vnid"
	"hoithi/server/api"
	"hoithi/server/auth"
	"hoithi/server/store"
)

// The demo's past week: a few hundred people of the ward took the closed
// round "Tuần 1", through the same transitions as the quiz API (Start,
// SaveAnswer, SavePrediction, Submit), and its results were computed and
// published through the API's own route. An organizer who opens the demo
// thus sees statistics, standings and exports with something in them.

const (
	demoParticipants = 300
	// demoActivitySeed fixes who plays, when and how well: every demo
	// start shows the same figures (the papers drawn differ, by design).
	demoActivitySeed = 2025_0203
)

// demoPlay is what one participant did, kept for the test to count.
type demoPlay struct {
	person   demoPerson
	userID   string
	unitPath string
	attempts []quiz.Attempt // final
}

// seedDemoActivity fills round r (published, closed by now) of contest ct
// with demo participants, then computes and publishes its results.
func seedDemoActivity(ctx context.Context, st store.Store, keys *auth.Keys, ct *contests.Contest, r *quiz.Round, bank []quiz.Question) ([]demoPlay, error) {
	plan, err := quiz.Prepare(bank, r.Blueprint)
	if err != nil {
		return nil, err
	}
	homes, err := demoHomes(ctx, st, ct.OwnerUnitPath)
	if err != nil {
		return nil, err
	}
	// These people never log in: one hash of a password nobody knows
	// serves them all (argon2 300 times would take seconds).
	hash, err := auth.HashPassword(auth.TemporaryPassword() + auth.TemporaryPassword())
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(demoActivitySeed, 1))
	closesVN := r.ClosesAt.In(vietnamZone)
	ageOn := time.Date(closesVN.Year(), closesVN.Month(), closesVN.Day(), 0, 0, 0, 0, time.UTC)
	plays := make([]demoPlay, 0, demoParticipants)
	for i := range demoParticipants {
		p := newDemoPerson(rng, i, ageOn)
		home := homes[weighted(rng, len(homes), func(k int) int { return homes[k].weight })].unit
		u, err := demoUser(keys, p, home, hash, r.OpensAt)
		if err != nil {
			return nil, err
		}
		if err := st.CreateUser(ctx, u); err != nil {
			return nil, fmt.Errorf("demo participant %d: %w", i, err)
		}
		rec, err := playDemoWeek(rng, keys, plan, r, u)
		if err != nil {
			return nil, fmt.Errorf("demo participant %d: %w", i, err)
		}
		if err := st.PutParticipation(ctx, rec); err != nil {
			return nil, err
		}
		plays = append(plays, demoPlay{person: p, userID: u.ID, unitPath: u.UnitPath, attempts: rec.Attempts})
	}
	return plays, publishDemoResults(ctx, st, keys, r)
}

var vietnamZone = time.FixedZone("ICT", 7*3600)

type demoHome struct {
	unit   *contests.Unit
	weight int
}

// demoHomes are the units participants live in: every unit under the
// owner, weighted by headcount (a school's party cell brings a handful,
// a neighbourhood dozens), and the ward itself for a few.
func demoHomes(ctx context.Context, st store.Store, ownerPath string) ([]demoHome, error) {
	units, err := st.UnitsUnder(ctx, ownerPath)
	if err != nil {
		return nil, err
	}
	var out []demoHome
	for _, u := range units {
		w := 10 + u.Headcount/50
		if u.Path == ownerPath {
			w = 8
		}
		out = append(out, demoHome{unit: u, weight: w})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("demo: no unit under %s", ownerPath)
	}
	// Unit IDs are random, so the store's order differs between runs: by
	// code, every demo start places the same people in the same units.
	sort.Slice(out, func(i, j int) bool { return out[i].unit.Code < out[j].unit.Code })
	return out, nil
}

func demoUser(keys *auth.Keys, p demoPerson, home *contests.Unit, hash string, at time.Time) (*contests.User, error) {
	phone, err := vnid.NormalizePhone(p.phone)
	if err != nil {
		return nil, err
	}
	cccdKey := keys.HashCCCD(p.cccd)
	return &contests.User{ID: store.NewID(), FullName: p.name, BirthDate: p.birth, Gender: p.gender, Phone: phone,
		UnitID: home.ID, UnitPath: home.Path, Occupation: p.occupation,
		CCCDHash: cccdKey, CCCDEnc: keys.Seal(p.cccd), CCCDMasked: vnid.Mask(p.cccd),
		PhoneKey: phone, CCCDKey: cccdKey, PasswordHash: hash, PasswordChangedAt: at, CreatedAt: at}, nil
}

// playDemoWeek takes one to three attempts for u: each starts at a time of
// the week people play (evenings, the last days), answers every question
// (right with the person's own chance), predicts most of the time and
// submits within the time limit.
func playDemoWeek(rng *rand.Rand, keys *auth.Keys, plan *quiz.Plan, r *quiz.Round, u *contests.User) (*quiz.Participation, error) {
	rec := &quiz.Participation{RoundID: r.ID, UserID: u.ID, ContestID: r.ContestID, UnitPath: u.UnitPath, Version: 1}
	skill := 0.45 + 0.55*rng.Float64()
	if rng.IntN(100) < 20 {
		skill = 0.97 // those who studied: all correct most times
	}
	n := 1 + weighted(rng, 3, func(k int) int { return []int{60, 25, 15}[k] })
	starts := make([]time.Time, 0, n)
	for range n {
		starts = append(starts, demoStart(rng, r))
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	key := plan.Key()
	// Papers are drawn from the round's committed key, as a start does (Server.drawKey).
	drawKey := quiz.RoundKey(keys.SeedSecret(), r.ID)
	free := r.OpensAt
	for _, at := range starts {
		if at.Before(free) {
			at = free.Add(time.Duration(5+rng.IntN(120)) * time.Minute)
		}
		if at.Add(r.TimeLimit()).After(r.ClosesAt) {
			break // no time left this week
		}
		id := store.NewID()
		paper, err := plan.Draw(quiz.AttemptSeed(drawKey, id))
		if err != nil {
			return nil, err
		}
		a, _, err := rec.Start(r, id, paper, key, at)
		if err != nil {
			return nil, err
		}
		no, clock := a.No, at
		for seq, it := range paper.Items {
			clock = clock.Add(time.Duration(8+rng.IntN(40)) * time.Second)
			if _, err := rec.SaveAnswer(no, it.QuestionID, demoChoice(rng, it, key[it.QuestionID], skill), int64(seq+1), clock); err != nil {
				return nil, err
			}
		}
		if rng.IntN(100) < 85 {
			if _, err := rec.SavePrediction(no, int64(20+rng.IntN(130)), 1, clock); err != nil {
				return nil, err
			}
		}
		done, _, err := rec.Submit(no, key, clock.Add(time.Duration(2+rng.IntN(20))*time.Second), r.Policy)
		if err != nil {
			return nil, err
		}
		free = done.SubmittedAt
	}
	return rec, nil
}

// demoStart picks an instant of the round's week: a day weighted towards
// the close, an hour of the Vietnamese day people are awake.
func demoStart(rng *rand.Rand, r *quiz.Round) time.Time {
	opens := r.OpensAt.In(vietnamZone)
	midnight := time.Date(opens.Year(), opens.Month(), opens.Day(), 0, 0, 0, 0, vietnamZone)
	for range 20 {
		day := weighted(rng, len(demoDayWeights), func(k int) int { return demoDayWeights[k] })
		hour := weighted(rng, 24, func(k int) int { return demoHourWeights[k] })
		at := midnight.AddDate(0, 0, day).Add(time.Duration(hour)*time.Hour + time.Duration(rng.IntN(3600))*time.Second)
		if !at.Before(r.OpensAt) && at.Add(r.TimeLimit()).Before(r.ClosesAt) {
			return at.UTC()
		}
	}
	return r.OpensAt.Add(time.Duration(rng.IntN(3600)) * time.Second).UTC()
}

// demoChoice answers one question: the key with chance skill, else one
// wrong option.
func demoChoice(rng *rand.Rand, it quiz.Item, correct []string, skill float64) []string {
	if rng.Float64() < skill {
		return correct
	}
	var wrong []string
	for _, o := range it.OptionOrder {
		right := false
		for _, c := range correct {
			right = right || c == o
		}
		if !right {
			wrong = append(wrong, o)
		}
	}
	if len(wrong) == 0 {
		return correct
	}
	return []string{pick(rng, wrong)}
}

// publishDemoResults computes and publishes the round's results through
// the organizers' own routes, so the standings are exactly what an
// organizer's click gives (scoring with the bank's key, the prediction
// target, tie-breaks, prizes). The server is a private one on the same
// store, with a signing key of its own that lives only here.
func publishDemoResults(ctx context.Context, st store.Store, keys *auth.Keys, r *quiz.Round) error {
	secret := make([]byte, 32)
	if _, err := crand.Read(secret); err != nil {
		return err
	}
	tokens, err := auth.NewTokens(secret, nil)
	if err != nil {
		return err
	}
	phone, err := vnid.NormalizePhone(demoUsers[1].phone)
	if err != nil {
		return err
	}
	org, err := st.UserByPhoneKey(ctx, phone)
	if err != nil {
		return err
	}
	token, err := tokens.Issue(org)
	if err != nil {
		return err
	}
	srv := api.NewServer(api.Deps{Store: st, Tokens: tokens, Keys: keys})
	defer srv.Jobs.Stop(ctx)
	call := func(method, path string) (int, []byte, error) {
		req := httptest.NewRequestWithContext(ctx, method, "/api/v1/org/rounds/"+r.ID+"/"+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := srv.App.Test(req, -1)
		if err != nil {
			return 0, nil, err
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		return res.StatusCode, body, err
	}
	// Computing runs as a job: the click answers 202, the job is followed
	// until it ends, as the organizer's page does.
	code, body, err := call("POST", "results")
	running := func() bool {
		return err == nil && (code == 202 || code == 200 && bytes.Contains(body, []byte(`"status":"running"`)))
	}
	for running() {
		time.Sleep(20 * time.Millisecond)
		code, body, err = call("GET", "results/job")
	}
	if err != nil {
		return err
	}
	if code != 200 || !bytes.Contains(body, []byte(`"status":"done"`)) {
		return fmt.Errorf("demo round %s: results: %d %s", r.Title, code, body)
	}
	if code, body, err = call("POST", "results/publish"); err != nil {
		return err
	}
	if code != 200 {
		return fmt.Errorf("demo round %s: results/publish: %d %s", r.Title, code, body)
	}
	return nil
}
