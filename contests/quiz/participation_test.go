package quiz

import (
	"testing"

	"hoithi/contests"
)

// roundFixture opens at at(0), closes at at(3600), 10-minute attempts, 2 tries.
func roundFixture() *Round {
	return &Round{ID: "r1", ContestID: "c1", No: 1, Title: "Tuần 1", OpensAt: at(0), ClosesAt: at(3600),
		TimeLimitSec: 600, MaxAttempts: 2, Policy: PolicyBest, Status: RoundPublished,
		Blueprint: Blueprint{Fixed: []string{"q1", "q2", "q3"}}, Rule: RuleBinhTan(), Tiers: WeeklyTiers()}
}

func paperFixture(t *testing.T) (Paper, AnswerKey) {
	t.Helper()
	bank := []Question{question("q1", "", 0), question("q2", "", 0), question("q3", "", 0)}
	plan, err := Prepare(bank, Blueprint{Fixed: []string{"q1", "q2", "q3"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Draw(7)
	if err != nil {
		t.Fatal(err)
	}
	return p, plan.Key()
}

// started returns a participation with one attempt started at start (600 s
// limit), and, when submitAt > 0, submitted then.
func started(t *testing.T, start, submitAt float64) (*Round, *Participation) {
	t.Helper()
	r := roundFixture()
	paper, key := paperFixture(t)
	p := &Participation{}
	if _, _, err := p.Start(r, "a1", paper, key, at(start)); err != nil {
		t.Fatal(err)
	}
	if submitAt > 0 {
		if _, _, err := p.Submit(1, key, at(submitAt), r.Policy); err != nil {
			t.Fatal(err)
		}
	}
	return r, p
}

func TestStartResumeAndLimit(t *testing.T) {
	r := roundFixture()
	paper, key := paperFixture(t)
	var p Participation

	if _, _, err := p.Start(r, "a0", paper, key, at(-1)); contests.ErrorCode(err) != contests.CodeTooLate {
		t.Fatalf("start before opening: %v", err)
	}
	a, created, err := p.Start(r, "a1", paper, key, at(10))
	if err != nil || !created || a.No != 1 || !a.Deadline.Equal(at(610)) || !p.OpenDeadline.Equal(at(610)) {
		t.Fatalf("first start: %+v %v %v", a, created, err)
	}
	// A refresh or another device resumes the same attempt.
	again, created, err := p.Start(r, "a-other", paper, key, at(300))
	if err != nil || created || again.ID != "a1" || p.Used() != 1 {
		t.Fatalf("resume: %+v %v %v", again, created, err)
	}
	if _, _, err := p.Submit(1, key, at(320), r.Policy); err != nil {
		t.Fatal(err)
	}
	if _, created, err := p.Start(r, "a2", paper, key, at(400)); err != nil || !created {
		t.Fatalf("second attempt: %v %v", created, err)
	}
	p.Submit(2, key, at(500), r.Policy)
	if _, _, err := p.Start(r, "a3", paper, key, at(600)); contests.ErrorCode(err) != contests.CodeConflict {
		t.Fatalf("third attempt of two: %v", err)
	}
}

func TestStartFinalizesAnExpiredAttempt(t *testing.T) {
	r, p := started(t, 0, 0)
	paper, key := paperFixture(t)
	if _, err := p.SaveAnswer(1, "q1", []string{"A"}, 1, at(30)); err != nil {
		t.Fatal(err)
	}
	// The phone died; the person comes back after the deadline.
	a, created, err := p.Start(r, "a2", paper, key, at(700))
	if err != nil || !created || a.No != 2 {
		t.Fatalf("start after a dead attempt: %+v %v", a, err)
	}
	first := p.Attempts[0]
	if first.Status != AttemptTimedOut || !first.SubmittedAt.Equal(at(600)) || first.Correct != 1 || first.DurationMs != 600_000 {
		t.Fatalf("expired attempt not finalized at its deadline with its answers: %+v", first)
	}
	if p.Counted == nil || p.Counted.AttemptNo != 1 {
		t.Fatalf("counted: %+v", p.Counted)
	}
}

func TestDeadlineCappedAtClose(t *testing.T) {
	r := roundFixture()
	paper, key := paperFixture(t)
	var p Participation
	a, _, _ := p.Start(r, "a1", paper, key, at(3500))
	if !a.Deadline.Equal(at(3600)) {
		t.Fatalf("an attempt started 100 s before close must end at close, got %v", a.Deadline)
	}
}

func TestSaveAnswerSequenceAndDeadline(t *testing.T) {
	_, p := started(t, 0, 0)
	tests := []struct {
		name    string
		q       string
		opts    []string
		seq     int64
		when    float64
		changed bool
		code    contests.Code
	}{
		{"first save", "q1", []string{"B"}, 2, 10, true, ""},
		{"late packet with an older seq", "q1", []string{"C"}, 1, 11, false, ""},
		{"same seq again (retry)", "q1", []string{"B"}, 2, 12, false, ""},
		{"newer seq", "q1", []string{"A"}, 3, 13, true, ""},
		{"unknown question", "q9", []string{"A"}, 4, 14, false, contests.CodeInvalid},
		{"unknown option", "q2", []string{"Z"}, 5, 15, false, contests.CodeInvalid},
		{"two options on a single-answer question", "q2", []string{"A", "B"}, 6, 16, false, contests.CodeInvalid},
		{"zero seq", "q2", []string{"A"}, 0, 17, false, contests.CodeInvalid},
		{"inside the grace after the deadline", "q2", []string{"A"}, 7, 603, true, ""},
		{"after the grace", "q3", []string{"A"}, 8, 606, false, contests.CodeTooLate},
	}
	for _, tc := range tests {
		changed, err := p.SaveAnswer(1, tc.q, tc.opts, tc.seq, at(tc.when))
		if changed != tc.changed || contests.ErrorCode(err) != tc.code {
			t.Errorf("%s: changed=%v err=%v, want %v %q", tc.name, changed, err, tc.changed, tc.code)
		}
	}
	if got := p.Attempts[0].Answers["q1"]; got.Seq != 3 || got.Options[0] != "A" {
		t.Fatalf("q1 holds %+v, want the seq-3 answer", got)
	}
	if _, err := p.SaveAnswer(2, "q1", []string{"A"}, 9, at(20)); contests.ErrorCode(err) != contests.CodeNotFound {
		t.Fatalf("answer to an attempt that does not exist: %v", err)
	}
}

func TestSubmitIsIdempotentAndScores(t *testing.T) {
	r, p := started(t, 0, 0)
	_, key := paperFixture(t)
	p.SaveAnswer(1, "q1", []string{"A"}, 1, at(5))
	p.SaveAnswer(1, "q2", []string{"B"}, 2, at(6))
	if _, err := p.SavePrediction(1, 1234, 3, at(7)); err != nil {
		t.Fatal(err)
	}
	a, changed, err := p.Submit(1, key, at(65), r.Policy)
	if err != nil || !changed || a.Status != AttemptSubmitted || a.Correct != 1 || a.Total != 3 || a.DurationMs != 65_000 || *a.Prediction != 1234 {
		t.Fatalf("submit: %+v %v %v", a, changed, err)
	}
	again, changed, err := p.Submit(1, key, at(90), r.Policy)
	if err != nil || changed || again.DurationMs != 65_000 || !again.SubmittedAt.Equal(at(65)) {
		t.Fatalf("second submit must return the same result: %+v %v %v", again, changed, err)
	}
	if _, err := p.SaveAnswer(1, "q3", []string{"A"}, 4, at(70)); contests.ErrorCode(err) != contests.CodeTooLate {
		t.Fatalf("answer after submit: %v", err)
	}
	if !p.OpenDeadline.IsZero() || p.Counted == nil || p.Counted.Correct != 1 {
		t.Fatalf("record not updated: %+v", p)
	}
}

func TestSubmitAfterGraceTimesOutAtDeadline(t *testing.T) {
	r, p := started(t, 0, 0)
	paper, key := paperFixture(t)
	a, _, _ := p.Submit(1, key, at(900), r.Policy)
	if a.Status != AttemptTimedOut || !a.SubmittedAt.Equal(at(600)) || a.DurationMs != 600_000 {
		t.Fatalf("late submit: %+v", a)
	}
	var q Participation
	q.Start(r, "b1", paper, key, at(0))
	b, _, _ := q.Submit(1, key, at(603), r.Policy)
	if b.Status != AttemptSubmitted || !b.SubmittedAt.Equal(at(600)) {
		t.Fatalf("submit inside the grace counts, clock stops at the deadline: %+v", b)
	}
}

func TestExpireAndCountedFollowsPolicy(t *testing.T) {
	r, p := started(t, 0, 0)
	paper, key := paperFixture(t)
	if done, _ := p.Expire(key, at(604), r.Policy); done {
		t.Fatal("expired inside the grace")
	}
	if done, _ := p.Expire(key, at(606), r.Policy); !done || p.Attempts[0].Status != AttemptTimedOut {
		t.Fatal("not expired after the grace")
	}
	p.Start(r, "a2", paper, key, at(700))
	for _, q := range []string{"q1", "q2", "q3"} {
		p.SaveAnswer(2, q, []string{"A"}, 1, at(710))
	}
	p.Submit(2, key, at(760), r.Policy)
	if p.Counted.AttemptNo != 2 || p.Counted.Correct != 3 {
		t.Fatalf("best attempt must count: %+v", p.Counted)
	}
	first := PolicyFirst
	p.recount(first)
	if p.Counted.AttemptNo != 1 {
		t.Fatalf("policy first: %+v", p.Counted)
	}
}

func TestSettingsExcludeStaffOfTheContestUnits(t *testing.T) {
	s := DefaultSettings()
	owner := "/p/w1/"
	cases := []struct {
		name   string
		grants []contests.Grant
		want   bool
	}{
		{"citizen", nil, false},
		{"organizer of the owning ward", []contests.Grant{{Role: contests.RoleOrganizer, UnitPath: "/p/w1/"}}, true},
		{"judge of the province above", []contests.Grant{{Role: contests.RoleJudge, UnitPath: "/p/"}}, true},
		{"secretary of a unit inside", []contests.Grant{{Role: contests.RoleSecretary, UnitPath: "/p/w1/kp1/"}}, true},
		{"organizer of another ward", []contests.Grant{{Role: contests.RoleOrganizer, UnitPath: "/p/w2/"}}, false},
		{"system admin", []contests.Grant{{Role: contests.RoleAdmin, UnitPath: "/"}}, true},
	}
	for _, tc := range cases {
		if got := s.Excludes(tc.grants, owner); got != tc.want {
			t.Errorf("%s: Excludes = %v, want %v", tc.name, got, tc.want)
		}
	}
	judgesMay := Settings{ExcludedRoles: []contests.Role{contests.RoleOrganizer}}
	if judgesMay.Excludes([]contests.Grant{{Role: contests.RoleJudge, UnitPath: "/p/"}}, owner) {
		t.Error("a judge competes where only organizers are excluded")
	}
	if _, err := ParseSettings([]byte(`{"excludedRoles":["citizen"]}`)); contests.ErrorCode(err) != contests.CodeInvalid {
		t.Errorf("citizen as an excluded role: %v", err)
	}
	if _, err := ParseSettings([]byte(`{`)); contests.ErrorCode(err) != contests.CodeInvalid {
		t.Errorf("malformed settings: %v", err)
	}
}
