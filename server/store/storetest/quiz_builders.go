package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// vietnam is the zone a server in Vietnam stamps times in: the quiz cases
// hand the stores local times and expect UTC back.
var vietnam = time.FixedZone("ICT", 7*3600)

// quizSecret seeds the papers of the suite's attempts as the server's
// secret seeds real ones.
var quizSecret = []byte("storetest paper secret")

// NewQuizBank builds n valid questions with IDs starting with prefix. The
// IDs are not in sorted order (…-z00, …-m01, …-a02, …-q03, …), so reading a
// bank back "in creation order" cannot pass by sorting. Between them the
// questions use every field: two topics, every difficulty, two or four
// options, single and multiple answers, points, a kept option order, an
// explanation, an image; the last one is retired.
func NewQuizBank(prefix string, n int) []quiz.Question {
	out := make([]quiz.Question, n)
	for i := range out {
		q := quiz.Question{
			ID:         fmt.Sprintf("%s-%c%02d", prefix, "zmaq"[i%4], i),
			Topic:      "Lịch sử Đảng",
			Difficulty: quiz.Difficulty(i % 4),
			Text:       fmt.Sprintf("Câu hỏi %d: Đại hội đại biểu toàn quốc lần thứ mấy của Đảng?", i+1),
			Options: []quiz.Option{{ID: "A", Text: "Lần thứ XI"}, {ID: "B", Text: "Lần thứ XII"},
				{ID: "C", Text: "Lần thứ XIII"}, {ID: "D", Text: "Cả A, B và C"}},
			Correct: []string{"D"},
		}
		switch i % 3 {
		case 1:
			q.Correct, q.KeepOptionOrder = []string{"A", "C"}, true
		case 2:
			q.Options, q.Correct = []quiz.Option{{ID: "A", Text: "Đúng"}, {ID: "B", Text: "Sai"}}, []string{"B"}
		}
		if i%2 == 1 {
			q.Topic, q.Explanation = "Pháp luật", "Theo Hiến pháp năm 2013, Điều 4."
		}
		if i%4 == 3 {
			q.ImageURL = fmt.Sprintf("/media/cau-%d.png", i+1)
		}
		if i%5 == 4 {
			q.Points = 2
		}
		q.Retired = i == n-1
		out[i] = q
	}
	return out
}

// NewQuizRound builds a published round of contestID opening at opensAt for
// a week, with every setting used; a paper has 5 questions drawn by quota
// from a NewQuizBank of at least 8 questions. TargetValue and ResultsAt are
// unset, as before results.
func NewQuizRound(contestID string, no int, opensAt time.Time) *quiz.Round {
	return &quiz.Round{
		ID:        store.NewID(),
		ContestID: contestID,
		No:        no,
		Title:     fmt.Sprintf("Tuần %d: Lịch sử Đảng bộ tỉnh", no),
		OpensAt:   opensAt,
		ClosesAt:  opensAt.Add(7 * 24 * time.Hour),
		Blueprint: quiz.Blueprint{Quotas: []quiz.Quota{
			{Topic: "Lịch sử Đảng", N: 2},
			{N: 3},
		}},
		TimeLimitSec:   600,
		MaxAttempts:    3,
		Policy:         quiz.PolicyBest,
		Prediction:     quiz.Prediction{Enabled: true, Text: "Có bao nhiêu người trả lời đúng tất cả?", Target: quiz.TargetAllCorrectPeople},
		Rule:           quiz.RuleQuangNam(),
		Tiers:          quiz.WeeklyTiers(),
		TiePolicy:      quiz.TieStrict,
		RevealAnswers:  true,
		OutageCapSec:   900,
		Status:         quiz.RoundPublished,
		UpdatedAt:      opensAt.Add(-24 * time.Hour),
		Integrity:      quiz.Integrity{MinSecPerQuestion: 2.5, MinSubmitSec: 40, RequireReview: true},
		SeedCommitment: "c0ffee", SeedReveal: "5eed", ResultsDigest: "d16e57",
		Exclusions: []quiz.Exclusion{{UserID: "u-loai", Reason: "Dùng nhiều tài khoản để dự thi",
			By: "u-btc", At: opensAt.Add(-time.Hour).UTC()}},
	}
}

// quizGame is a round with its compiled bank: it plays attempts through the
// domain's transitions, so the suite stores exactly what production stores.
type quizGame struct {
	round *quiz.Round
	plan  *quiz.Plan
}

func newQuizGame(t *testing.T, contestID string, no int) quizGame {
	t.Helper()
	r := NewQuizRound(contestID, no, baseTime.In(vietnam))
	if err := r.Validate(); err != nil {
		t.Fatalf("NewQuizRound is not a valid round: %v", err)
	}
	plan, err := quiz.Prepare(NewQuizBank("q", 12), r.Blueprint)
	must(t, err)
	return quizGame{round: r, plan: plan}
}

// begin returns the record of a person who has not started yet.
func (g quizGame) begin(userID string) *quiz.Participation {
	return &quiz.Participation{RoundID: g.round.ID, UserID: userID, ContestID: g.round.ContestID,
		UnitPath: "/gialai/pleiku/" + userID[:4] + "/", Version: 1}
}

// start begins the next attempt at now on a paper drawn for its ID.
func (g quizGame) start(t *testing.T, p *quiz.Participation, now time.Time) *quiz.Attempt {
	t.Helper()
	now = now.In(vietnam)
	id := store.NewID()
	paper, err := g.plan.Draw(quiz.AttemptSeed(quizSecret, id))
	must(t, err)
	a, isNew, err := p.Start(g.round, id, paper, g.plan.Key(), now)
	must(t, err)
	a.Client = quiz.Client{Install: "cai-dat-" + id[:6], IP: "203.0.113.7", Agent: "a1b2c3d4"}.String()
	// Time given back is kept as written (the deadline itself unchanged
	// here, so the suite's expiry cases keep their instants).
	a.OutageMs, a.OutageKey, a.ExtraMs = 65_000, now.Add(-time.Minute).UnixMilli(), 30_000
	if !isNew {
		t.Fatalf("Start at %v resumed attempt %d instead of beginning one", now, a.No)
	}
	return a
}

// answer saves answers to the first n questions of attempt no at now: a
// wrong option first (seq 1), then for every other question the right ones
// (seq 2), as a candidate changing their mind does.
func (g quizGame) answer(t *testing.T, p *quiz.Participation, no, n int, now time.Time) {
	t.Helper()
	a, err := p.Attempt(no)
	must(t, err)
	for i, it := range a.Paper.Items[:n] {
		right := g.plan.Key()[it.QuestionID]
		wrong := slices.DeleteFunc(slices.Clone(it.OptionOrder), func(o string) bool { return slices.Contains(right, o) })
		g.save(t, p, no, it.QuestionID, wrong[:1], 1, now)
		if i%2 == 0 {
			g.save(t, p, no, it.QuestionID, right, 2, now.Add(time.Second))
		}
	}
}

func (g quizGame) save(t *testing.T, p *quiz.Participation, no int, questionID string, options []string, seq int64, now time.Time) {
	t.Helper()
	saved, err := p.SaveAnswer(no, questionID, options, seq, now.In(vietnam))
	must(t, err)
	if !saved {
		t.Fatalf("answer to %s with seq %d was not saved", questionID, seq)
	}
}

// finish predicts value and submits attempt no at now.
func (g quizGame) finish(t *testing.T, p *quiz.Participation, no int, value int64, now time.Time) {
	t.Helper()
	_, err := p.SavePrediction(no, value, 1, now)
	must(t, err)
	_, submitted, err := p.Submit(no, g.plan.Key(), now.In(vietnam), g.round.Policy)
	must(t, err)
	if !submitted {
		t.Fatalf("attempt %d was already final", no)
	}
}

// started is a person with attempt 1 in progress since at, nothing saved:
// OpenDeadline is at + the time limit, Counted is nil.
func (g quizGame) started(t *testing.T, userID string, at time.Time) *quiz.Participation {
	t.Helper()
	p := g.begin(userID)
	g.start(t, p, at)
	return p
}

// finished is a person whose attempt 1 began at at and was submitted three
// minutes later with every question answered and a prediction: Counted is
// set, OpenDeadline is zero.
func (g quizGame) finished(t *testing.T, userID string, at time.Time) *quiz.Participation {
	t.Helper()
	p := g.started(t, userID, at)
	g.answer(t, p, 1, g.round.Blueprint.Size(), at.Add(time.Minute))
	g.finish(t, p, 1, 1234, at.Add(3*time.Minute))
	return p
}

// playing is a finished person who began attempt 2 half an hour after
// attempt 1 and has answered two questions of it.
func (g quizGame) playing(t *testing.T, userID string, at time.Time) *quiz.Participation {
	t.Helper()
	p := g.finished(t, userID, at)
	g.start(t, p, at.Add(30*time.Minute))
	g.answer(t, p, 2, 2, at.Add(31*time.Minute))
	return p
}

// next applies one more saved answer to a loaded record and bumps its
// version, as the service does before PutParticipation.
func (g quizGame) next(t *testing.T, p *quiz.Participation, seq int64, now time.Time) {
	t.Helper()
	cur := p.Current()
	if cur == nil {
		t.Fatalf("record of %s has no attempt in progress", p.UserID)
	}
	it := cur.Paper.Items[int(seq)%len(cur.Paper.Items)]
	g.save(t, p, cur.No, it.QuestionID, g.plan.Key()[it.QuestionID], seq, now)
	p.Version++
}

func int64Ptr(v int64) *int64 { return &v }

// newStanding builds a published line; i varies the figures, and even i
// carries a prediction and its error while odd i leaves both nil.
func newStanding(roundID, userID string, rank, i int) quiz.Standing {
	s := quiz.Standing{
		RoundID: roundID, Rank: rank, UserID: userID,
		FullName: fmt.Sprintf("Nguyễn Thị Hồng %d", i), UnitPath: "/gialai/pleiku/",
		AttemptNo: 1 + i%3, Attempts: 3, Score: 20 - rank, Correct: 10 - rank%10, Total: 10,
		DurationMs:  int64(60_000 + i*1234),
		StartedAt:   baseTime.Add(time.Duration(i) * time.Minute),
		SubmittedAt: baseTime.Add(time.Duration(i)*time.Minute + 90*time.Second + 7*time.Microsecond).In(vietnam),
	}
	if i%2 == 0 {
		s.Prediction, s.PredictionError = int64Ptr(int64(1200+i)), int64Ptr(int64(i))
		s.PredictionDecided = i%4 == 0
		s.Flags = []quiz.Flag{{Kind: quiz.FlagIdentical, AttemptNo: 1, Others: []string{"u-x", "u-y"},
			Reason: contests.T("Giống hệt bài của 2 tài khoản khác", "Identical to 2 other accounts")}}
	}
	if rank == 1 {
		s.Prize, s.PrizeName = "nhat", "Giải Nhất"
	}
	return s
}
