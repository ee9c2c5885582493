package quiz

import (
	"strings"
	"time"
	"unicode/utf8"

	"hoithi/contests"
)

// RoundStatus is what an organizer has done with a round; whether it is open
// follows from the clock (see Phase).
type RoundStatus string

const (
	RoundDraft     RoundStatus = "draft"
	RoundPublished RoundStatus = "published"
	// RoundResults: the results are computed and public; answers may be
	// revealed from now on.
	RoundResults RoundStatus = "results"
)

// Phase is a round's state at an instant.
type Phase string

const (
	PhaseDraft    Phase = "draft"
	PhaseUpcoming Phase = "upcoming"
	PhaseOpen     Phase = "open"
	PhaseClosed   Phase = "closed"
	PhaseResults  Phase = "results"
)

// Prediction is the tie-break question ("câu hỏi dự đoán") of a round.
type Prediction struct {
	Enabled bool       `json:"enabled"`
	Text    string     `json:"text,omitempty"`
	Target  TargetKind `json:"target,omitempty"`
}

// Round is one week (or any period) of a quiz contest.
type Round struct {
	ID           string     `json:"id"`
	ContestID    string     `json:"contestId"`
	No           int        `json:"no"`
	Title        string     `json:"title"`
	OpensAt      time.Time  `json:"opensAt"`
	ClosesAt     time.Time  `json:"closesAt"`
	Blueprint    Blueprint  `json:"blueprint"`
	TimeLimitSec int        `json:"timeLimitSec"`
	MaxAttempts  int        `json:"maxAttempts"`
	Policy       Policy     `json:"policy"`
	Prediction   Prediction `json:"prediction"`
	Rule         RankRule   `json:"rule"`
	Tiers        []Tier     `json:"tiers"`
	TiePolicy    TiePolicy  `json:"tiePolicy,omitempty"`
	// RevealAnswers lets participants see the correct answers of their
	// attempts once the results are published (never before).
	RevealAnswers bool        `json:"revealAnswers"`
	Status        RoundStatus `json:"status"`
	// Integrity: the floors against implausible attempts, and whether
	// prizes need a review before results are published.
	Integrity Integrity `json:"integrity,omitempty"`
	// OutageCapSec caps what one server outage adds to an attempt's
	// deadline and to the close (0: DefaultOutageCap, see extend.go).
	OutageCapSec int `json:"outageCapSec,omitempty"`
	// Exclusions are people the organizer took out of the results, with
	// the written reason (prize review); ranking recomputes without them.
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	// ReviewedAt is when an organizer last finished the prize review.
	ReviewedAt time.Time `json:"reviewedAt,omitempty"`
	// SeedCommitment is the published hash of the round key its papers are
	// drawn from (see verify.go); SeedReveal is the key, revealed when the
	// results are computed; ResultsDigest hashes what decided them.
	SeedCommitment string `json:"seedCommitment,omitempty"`
	SeedReveal     string `json:"seedReveal,omitempty"`
	ResultsDigest  string `json:"resultsDigest,omitempty"`
	// TargetValue is the prediction target, known when results are computed.
	TargetValue *int64    `json:"targetValue,omitempty"`
	ResultsAt   time.Time `json:"resultsAt,omitempty"`
	UpdatedAt   time.Time `json:"updatedAt"`
	// Version counts the stored changes (1 when created): an update is
	// written only over the version it read (see store.Rounds).
	Version int64 `json:"version"`
}

// Limits of a round's settings (docs/domain.md §2: 5–40 questions, 10–45 minutes,
// national standard ≤10 minutes and ≤7 attempts a week; we allow some room).
const (
	MinTimeLimitSec = 60
	MaxTimeLimitSec = 3 * 3600
	MaxAttempts     = 50
)

// Phase returns the round's phase at now.
func (r *Round) Phase(now time.Time) Phase {
	switch {
	case r.Status == RoundDraft:
		return PhaseDraft
	case r.Status == RoundResults:
		return PhaseResults
	case now.Before(r.OpensAt):
		return PhaseUpcoming
	case now.Before(r.ClosesAt):
		return PhaseOpen
	}
	return PhaseClosed
}

// TimeLimit returns the time allowed for one attempt.
func (r *Round) TimeLimit() time.Duration { return time.Duration(r.TimeLimitSec) * time.Second }

// Validate checks the settings an organizer gives (not the bank: see
// Prepare). Errors name the field.
func (r *Round) Validate() error {
	var es contests.Errors
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Title)); n == 0 || n > 200 {
		es.Add("title", contests.T("Tên đợt thi bắt buộc, tối đa 200 ký tự", "Title is required, at most 200 characters"))
	}
	if r.No < 1 || r.No > 1000 {
		es.Add("no", contests.T("Số thứ tự đợt thi phải từ 1 đến 1000", "Round number must be 1 to 1000"))
	}
	if r.OpensAt.IsZero() || r.ClosesAt.IsZero() || !r.ClosesAt.After(r.OpensAt) {
		es.Add("closesAt", contests.T("Thời điểm đóng phải sau thời điểm mở", "Closing time must be after opening time"))
	}
	if r.TimeLimitSec < MinTimeLimitSec || r.TimeLimitSec > MaxTimeLimitSec {
		es.Add("timeLimitSec", contests.T("Thời gian làm bài phải từ %d đến %d phút", "Time limit must be %d to %d minutes", MinTimeLimitSec/60, MaxTimeLimitSec/60))
	}
	if r.MaxAttempts < 1 || r.MaxAttempts > MaxAttempts {
		es.Add("maxAttempts", contests.T("Số lượt thi phải từ 1 đến %d", "Attempts must be 1 to %d", MaxAttempts))
	}
	if r.OutageCapSec < 0 || time.Duration(r.OutageCapSec)*time.Second > MaxExtension {
		es.Add("outageCapSec", contests.T("Thời gian bù sự cố tối đa từ 0 đến 7 ngày", "The outage cap must be 0 to 7 days"))
	}
	if n := r.Blueprint.Size(); n < 1 || n > MaxPaperQuestions {
		es.Add("blueprint", contests.T("Đề thi phải có từ 1 đến %d câu hỏi", "A paper must have 1 to %d questions", MaxPaperQuestions))
	}
	addErr(&es, r.Policy.Validate())
	addErr(&es, r.Integrity.Validate())
	addErr(&es, r.Rule.Validate())
	addErr(&es, ValidateTiers(r.Tiers))
	if r.TiePolicy != "" && r.TiePolicy != TieStrict && r.TiePolicy != TieShare {
		es.Add("tiePolicy", contests.T("Cách xử lý đồng hạng không hợp lệ", "Unknown tie policy"))
	}
	if r.Prediction.Enabled {
		if strings.TrimSpace(r.Prediction.Text) == "" {
			es.Add("prediction.text", contests.T("Vui lòng nhập câu hỏi dự đoán", "Enter the prediction question"))
		}
		if err := r.Prediction.Target.Validate(); err != nil {
			es.Add("prediction.target", contests.T("Chọn đại lượng cần dự đoán", "Choose what is predicted"))
		}
	}
	for _, k := range r.Rule.Keys {
		if k == KeyPredictionErrorAsc && !r.Prediction.Enabled {
			es.Add("rule.keys", contests.T("Tiêu chí dự đoán cần bật câu hỏi dự đoán", "The prediction key needs the prediction question"))
		}
	}
	return es.Err()
}

// addErr merges the field errors of a validation error into es.
func addErr(es *contests.Errors, err error) {
	if err == nil {
		return
	}
	if e, ok := err.(*contests.Error); ok {
		if len(e.Fields) == 0 {
			es.Add("", e.Msg)
		}
		for _, f := range e.Fields {
			es.Add(f.Field, f.Msg)
		}
		return
	}
	es.Add("", contests.T("Cấu hình không hợp lệ", "Invalid settings"))
}

// Publish makes a draft round visible to candidates at now and reports
// whether it changed anything: publishing a published round (or one with
// results) is a no-op, so the organizer's button is safe to press twice.
// Whether the bank fills the blueprint is the caller's check (Prepare).
func (r *Round) Publish(now time.Time) bool {
	if r.Status != RoundDraft {
		return false
	}
	r.Status, r.UpdatedAt = RoundPublished, now.UTC()
	return true
}
