package quiz

import "hoithi/contests"

// A round's rules against implausible attempts: the floors below which an
// attempt is flagged (or, with VoidTooFast, does not count), and whether
// prizes need a review before the results are published.

// Integrity are a round's rules against implausible attempts.
type Integrity struct {
	// MinSecPerQuestion: an attempt faster than this per question is
	// flagged (0 means DefaultMinSecPerQuestion).
	MinSecPerQuestion float64 `json:"minSecPerQuestion,omitempty"`
	// MinSubmitSec: an attempt submitted sooner is flagged (0: no rule).
	MinSubmitSec int `json:"minSubmitSec,omitempty"`
	// VoidTooFast makes the floors a hard rule: such attempts do not count.
	VoidTooFast bool `json:"voidTooFast,omitempty"`
	// RequireReview: results may be published only after an organizer
	// reviewed the prize candidates.
	RequireReview bool `json:"requireReview,omitempty"`
}

// DefaultMinSecPerQuestion: nobody reads a question and four options in
// less than 2 seconds.
const DefaultMinSecPerQuestion = 2.0

// Validate checks the rules; errors name "integrity.…".
func (in Integrity) Validate() error {
	var es contests.Errors
	if in.MinSecPerQuestion < 0 || in.MinSecPerQuestion > 600 {
		es.Add("integrity.minSecPerQuestion", contests.T("Thời gian tối thiểu mỗi câu phải từ 0 đến 600 giây", "Minimum seconds per question must be 0 to 600"))
	}
	if in.MinSubmitSec < 0 || in.MinSubmitSec > MaxTimeLimitSec {
		es.Add("integrity.minSubmitSec", contests.T("Thời gian nộp bài tối thiểu không hợp lệ", "Invalid minimum submit time"))
	}
	return es.Err()
}

// implausible returns the floor flag an attempt of questions questions
// lasting durationMs earns, if any.
func (in Integrity) implausible(questions int, durationMs int64) (Flag, bool) {
	per := in.MinSecPerQuestion
	if per == 0 {
		per = DefaultMinSecPerQuestion
	}
	if floor := int64(per * 1000 * float64(questions)); durationMs < floor {
		return Flag{Kind: FlagTooFast, Reason: contests.T(
			"Làm %d câu trong %.1f giây, dưới mức tối thiểu %.0f giây mỗi câu",
			"%d questions in %.1f s, under the minimum of %.0f s a question", questions, float64(durationMs)/1000, per)}, true
	}
	if in.MinSubmitSec > 0 && durationMs < int64(in.MinSubmitSec)*1000 {
		return Flag{Kind: FlagQuickSubmit, Reason: contests.T(
			"Nộp bài sau %.1f giây, dưới mức tối thiểu %d giây",
			"Submitted after %.1f s, under the minimum of %d s", float64(durationMs)/1000, in.MinSubmitSec)}, true
	}
	return Flag{}, false
}

// Void reports whether the rules void attempt a (VoidTooFast and under a floor).
func (in Integrity) Void(a *Attempt) bool {
	_, bad := in.implausible(len(a.Paper.Items), a.DurationMs)
	return in.VoidTooFast && bad
}
