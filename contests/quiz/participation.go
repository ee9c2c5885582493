package quiz

import (
	"time"

	"hoithi/contests"
)

// Grace is how long after an attempt's deadline answers are still accepted:
// a packet sent in the last second on a 3G phone arrives a few seconds late.
const Grace = 5 * time.Second

// AttemptStatus is an attempt's life cycle.
type AttemptStatus string

const (
	AttemptInProgress AttemptStatus = "in_progress"
	AttemptSubmitted  AttemptStatus = "submitted"
	// AttemptTimedOut: finalized by the server at the deadline with the
	// answers saved until then.
	AttemptTimedOut AttemptStatus = "timed_out"
)

// Answer is the latest saved choice for one question. Seq is the phone's
// counter: a save with a Seq not above the stored one is a late or repeated
// packet and changes nothing.
type Answer struct {
	Options []string `json:"o"`
	Seq     int64    `json:"s"`
}

// Attempt is one try at a round's paper.
type Attempt struct {
	No        int               `json:"no"`
	ID        string            `json:"id"`
	StartedAt time.Time         `json:"startedAt"`
	Deadline  time.Time         `json:"deadline"`
	Status    AttemptStatus     `json:"status"`
	Paper     Paper             `json:"paper"`
	Answers   map[string]Answer `json:"answers,omitempty"`
	// Prediction is the answer to the tie-break question.
	Prediction    *int64    `json:"prediction,omitempty"`
	PredictionSeq int64     `json:"predictionSeq,omitempty"`
	SubmittedAt   time.Time `json:"submittedAt,omitempty"`
	Correct       int       `json:"correct"`
	Total         int       `json:"total"`
	Score         int       `json:"score"`
	DurationMs    int64     `json:"durationMs"`
	// Client is what the server saw of the phone at the start
	// (Client.String), for the fraud flags computed after the round.
	Client string `json:"client,omitempty"`
	// OutageMs is the time added to the deadline because the server was
	// not serving (extend.go), shown to the person; OutageKey is the start
	// (unix ms) of the last outage compensated, so one outage is added
	// once. ExtraMs is the time organizers added (remedies).
	OutageMs  int64 `json:"outageMs,omitempty"`
	OutageKey int64 `json:"outageKey,omitempty"`
	ExtraMs   int64 `json:"extraMs,omitempty"`
}

// Final reports whether the attempt is over.
func (a *Attempt) Final() bool { return a.Status != AttemptInProgress }

// Summary returns what ranking needs of a final attempt.
func (a *Attempt) Summary() AttemptSummary {
	s := AttemptSummary{AttemptNo: a.No, Correct: a.Correct, Total: a.Total, Score: a.Score,
		DurationMs: a.DurationMs, StartedAt: a.StartedAt, SubmittedAt: a.SubmittedAt}
	if a.Prediction != nil {
		p := *a.Prediction
		s.Prediction = &p
	}
	return s
}

// Participation is one person's whole round: every attempt, in one record so
// that a single conditional write enforces the attempt limit, the deadline
// and the answer order. Version increases with every change (optimistic
// concurrency: the store refuses a write whose base version is stale).
type Participation struct {
	RoundID   string    `json:"roundId"`
	UserID    string    `json:"userId"`
	ContestID string    `json:"contestId"`
	UnitPath  string    `json:"unitPath"`
	Attempts  []Attempt `json:"attempts"`
	Version   int64     `json:"version"`
	// Counted is the attempt that counts under the round's policy, kept up
	// to date at every finalization: the leaderboard's index reads it.
	Counted *AttemptSummary `json:"counted,omitempty"`
	// OpenDeadline is the deadline of the attempt in progress (zero when
	// none): the sweeper finds attempts to finalize by it.
	OpenDeadline time.Time `json:"openDeadline,omitempty"`
	UpdatedAt    time.Time `json:"updatedAt"`
	// ExtraAttempts are attempts organizers gave back (extend.go): the
	// person may start MaxAttempts + ExtraAttempts in all.
	ExtraAttempts int `json:"extraAttempts,omitempty"`
}

// Errors of the transitions.
var (
	ErrNoAttemptsLeft = func(max int) error {
		return contests.E(contests.CodeConflict, contests.T("Bạn đã dùng hết %d lượt thi của đợt này", "You have used all %d attempts of this round", max))
	}
	errRoundNotOpen = contests.E(contests.CodeTooLate, contests.T("Đợt thi không trong thời gian mở", "The round is not open"))
	errAttemptOver  = contests.E(contests.CodeTooLate, contests.T("Lượt thi đã kết thúc, không thể sửa câu trả lời", "The attempt is over; answers can no longer change"))
	errNoAttempt    = contests.E(contests.CodeNotFound, contests.T("Không tìm thấy lượt thi", "Attempt not found"))
)

// Current returns the attempt in progress, nil when none.
func (p *Participation) Current() *Attempt {
	for i := range p.Attempts {
		if p.Attempts[i].Status == AttemptInProgress {
			return &p.Attempts[i]
		}
	}
	return nil
}

// Attempt returns attempt number no.
func (p *Participation) Attempt(no int) (*Attempt, error) {
	if no < 1 || no > len(p.Attempts) {
		return nil, errNoAttempt
	}
	return &p.Attempts[no-1], nil
}

// Used returns how many attempts were started.
func (p *Participation) Used() int { return len(p.Attempts) }

// Start resumes the attempt in progress, or begins attempt number Used()+1
// with the given ID and paper. An attempt whose deadline (plus grace) has
// passed is finalized first with key. It returns the attempt and whether it
// is new.
func (p *Participation) Start(r *Round, id string, paper Paper, key AnswerKey, now time.Time) (*Attempt, bool, error) {
	if cur := p.Current(); cur != nil {
		if !now.After(cur.Deadline.Add(Grace)) {
			return cur, false, nil
		}
		if err := p.finalize(cur, key, cur.Deadline, AttemptTimedOut, r.Policy); err != nil {
			return nil, false, err
		}
	}
	if r.Phase(now) != PhaseOpen {
		return nil, false, errRoundNotOpen
	}
	if p.Left(r) <= 0 {
		return nil, false, ErrNoAttemptsLeft(r.MaxAttempts + p.ExtraAttempts)
	}
	deadline := now.Add(r.TimeLimit())
	if deadline.After(r.ClosesAt) {
		deadline = r.ClosesAt
	}
	p.Attempts = append(p.Attempts, Attempt{No: p.Used() + 1, ID: id, StartedAt: now, Deadline: deadline,
		Status: AttemptInProgress, Paper: paper, Answers: map[string]Answer{}})
	p.OpenDeadline = deadline
	p.UpdatedAt = now
	return &p.Attempts[len(p.Attempts)-1], true, nil
}

// SaveAnswer records the options chosen for a question of attempt no. It
// reports false (and no error) when seq is not newer than what is stored:
// a retried or late packet.
func (p *Participation) SaveAnswer(no int, questionID string, options []string, seq int64, now time.Time) (bool, error) {
	a, err := p.open(no, now)
	if err != nil {
		return false, err
	}
	if err := CheckAnswer(a.Paper, questionID, options); err != nil {
		return false, err
	}
	if seq < 1 {
		return false, contests.Invalid(contests.Field("seq", contests.T("Số thứ tự phải là số nguyên dương", "Sequence must be a positive integer")))
	}
	if old, ok := a.Answers[questionID]; ok && old.Seq >= seq {
		return false, nil
	}
	if a.Answers == nil {
		a.Answers = map[string]Answer{}
	}
	a.Answers[questionID] = Answer{Options: distinctSorted(options), Seq: seq}
	p.UpdatedAt = now
	return true, nil
}

// SavePrediction records the tie-break answer of attempt no, with the same
// sequence rule as SaveAnswer.
func (p *Participation) SavePrediction(no int, value int64, seq int64, now time.Time) (bool, error) {
	a, err := p.open(no, now)
	if err != nil {
		return false, err
	}
	if value < 0 || value > 1_000_000_000_000 {
		return false, contests.Invalid(contests.Field("prediction", contests.T("Dự đoán phải là số nguyên không âm", "The prediction must be a non-negative integer")))
	}
	if a.PredictionSeq >= seq {
		return false, nil
	}
	a.Prediction, a.PredictionSeq = &value, seq
	p.UpdatedAt = now
	return true, nil
}

// open returns attempt no if answers may still change at now.
func (p *Participation) open(no int, now time.Time) (*Attempt, error) {
	a, err := p.Attempt(no)
	if err != nil {
		return nil, err
	}
	if a.Final() || now.After(a.Deadline.Add(Grace)) {
		return nil, errAttemptOver
	}
	return a, nil
}

// Submit finalizes attempt no with its saved answers. Submitting a final
// attempt again returns it unchanged (false): a repeated tap or a retried
// request gets the same result. A submit arriving after deadline + grace
// finalizes the attempt as timed out at its deadline.
func (p *Participation) Submit(no int, key AnswerKey, now time.Time, policy Policy) (*Attempt, bool, error) {
	a, err := p.Attempt(no)
	if err != nil {
		return nil, false, err
	}
	if a.Final() {
		return a, false, nil
	}
	at, status := now, AttemptSubmitted
	if now.After(a.Deadline.Add(Grace)) {
		at, status = a.Deadline, AttemptTimedOut
	} else if now.After(a.Deadline) {
		at = a.Deadline // inside the grace: the answers count, the clock stops at the deadline
	}
	if err := p.finalize(a, key, at, status, policy); err != nil {
		return nil, false, err
	}
	return a, true, nil
}

// Expire finalizes the attempt in progress when its deadline plus grace has
// passed at now; it reports whether it did.
func (p *Participation) Expire(key AnswerKey, now time.Time, policy Policy) (bool, error) {
	cur := p.Current()
	if cur == nil || !now.After(cur.Deadline.Add(Grace)) {
		return false, nil
	}
	return true, p.finalize(cur, key, cur.Deadline, AttemptTimedOut, policy)
}

func (p *Participation) finalize(a *Attempt, key AnswerKey, at time.Time, status AttemptStatus, policy Policy) error {
	if err := a.Mark(key); err != nil {
		return err
	}
	a.Status, a.SubmittedAt = status, at
	a.DurationMs = at.Sub(a.StartedAt).Milliseconds()
	p.OpenDeadline = time.Time{}
	p.UpdatedAt = at
	return p.recount(policy)
}

// Mark scores the attempt's saved answers with key: at finalization, and
// again when results are computed with a corrected key.
func (a *Attempt) Mark(key AnswerKey) error {
	answers := make(Answers, len(a.Answers))
	for q, ans := range a.Answers {
		answers[q] = ans.Options
	}
	res, err := Score(a.Paper, key, answers)
	if err != nil {
		return err
	}
	a.Correct, a.Total, a.Score = res.Correct, res.Total, res.Points
	return nil
}

// recount refreshes Counted from the final attempts.
func (p *Participation) recount(policy Policy) error {
	if err := policy.Validate(); err != nil {
		return err
	}
	if best, ok := policy.Select(p.Summaries()); ok {
		p.Counted = &best
	}
	return nil
}

// Summaries returns the summaries of the final attempts.
func (p *Participation) Summaries() []AttemptSummary {
	var out []AttemptSummary
	for i := range p.Attempts {
		if p.Attempts[i].Final() {
			out = append(out, p.Attempts[i].Summary())
		}
	}
	return out
}
