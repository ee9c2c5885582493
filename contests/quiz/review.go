package quiz

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hoithi/contests"
)

// Exclusion takes a person out of a round's results ("loại"): their entry
// is not ranked and the next in rank moves up. The written reason is kept
// with who decided and when, shown in the results export and audited.
type Exclusion struct {
	UserID string    `json:"userId"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Limits of an exclusion's reason: a sentence a person can check later.
const (
	MinExclusionReason = 10
	MaxExclusionReason = 1000
)

// Exclude records that userID is taken out of the results for reason.
// Only before the results are published (CodeConflict after); a reason of
// MinExclusionReason..MaxExclusionReason characters is CodeInvalid
// otherwise, naming "reason"; excluding someone twice is CodeConflict.
// The review must be done again afterwards.
func (r *Round) Exclude(userID, reason, by string, now time.Time) error {
	if r.Status == RoundResults {
		return contests.E(contests.CodeConflict, contests.T("Kết quả đã công bố, không thể loại thêm", "The results are published; nobody can be excluded now"))
	}
	reason = contests.NFC(reason)
	if n := utf8.RuneCountInString(reason); n < MinExclusionReason || n > MaxExclusionReason {
		return contests.Invalid(contests.Field("reason", contests.T(
			"Lý do loại phải từ %d đến %d ký tự", "The reason must be %d to %d characters", MinExclusionReason, MaxExclusionReason)))
	}
	if strings.TrimSpace(userID) == "" {
		return contests.Invalid(contests.Field("userId", contests.T("Chọn người cần loại", "Choose whom to exclude")))
	}
	if r.Excluded(userID) {
		return contests.E(contests.CodeConflict, contests.T("Người này đã bị loại", "This person is already excluded"))
	}
	r.Exclusions = append(r.Exclusions, Exclusion{UserID: userID, Reason: reason, By: by, At: now.UTC().Truncate(time.Millisecond)})
	r.ReviewedAt = time.Time{}
	return nil
}

// Excluded reports whether userID is taken out of the results.
func (r *Round) Excluded(userID string) bool {
	return slices.ContainsFunc(r.Exclusions, func(e Exclusion) bool { return e.UserID == userID })
}

// FinishReview records that an organizer reviewed the prize candidates of
// the results computed (CodeConflict before results are computed).
func (r *Round) FinishReview(now time.Time) error {
	if r.ResultsAt.IsZero() {
		return contests.E(contests.CodeConflict, contests.T("Chưa tính kết quả của đợt thi", "The results have not been computed"))
	}
	r.ReviewedAt = now.UTC()
	return nil
}

// CanPublish reports whether the results may be published: computed, and
// reviewed after they were last computed when the round requires it.
func (r *Round) CanPublish() error {
	if r.ResultsAt.IsZero() {
		return contests.E(contests.CodeConflict, contests.T("Chưa tính kết quả của đợt thi", "The results have not been computed"))
	}
	if r.Integrity.RequireReview && r.ReviewedAt.Before(r.ResultsAt) {
		return contests.E(contests.CodeConflict, contests.T(
			"Đợt thi yêu cầu xét duyệt giải trước khi công bố kết quả", "This round requires a prize review before the results are published"))
	}
	return nil
}
