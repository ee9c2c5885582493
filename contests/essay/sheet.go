package essay

import (
	"strings"
	"time"
	"unicode/utf8"

	"hoithi/contests"
)

// A judge's score sheet changes in three ways, all here: the judge saves a
// draft or submits it (Save), and the secretariat reopens a submitted one
// (Unlock). Each change bumps Version, so the store's conditional write
// refuses a sheet that someone else changed in between.

// MaxCommentRunes bounds a judge's comment on a sheet.
const MaxCommentRunes = 5000

// NewScore is the empty sheet of a judge's seat, before the first save.
func NewScore(seat Seat) *Score {
	return &Score{RoundID: seat.RoundID, WorkID: seat.WorkID, JudgeID: seat.JudgeID, Kind: seat.Kind}
}

// Save writes the judge's criteria and comment on the sheet at now, as a
// draft or, with submit, locked for good (only Unlock reopens it).
//
// A draft may be partial: criteria not given yet count as 0 for the check;
// every given one must still be on the rubric, in range and on the step. A
// submitted sheet must give them all.
//
// Errors: CodeInvalid naming "comment" or the criteria (ValidateScore);
// CodeTooLate when the sheet is already submitted. Invalid input is reported
// before the lock, so a judge fixing a form learns what is wrong first.
// Nothing changes on error.
func (s *Score) Save(rubric Rubric, criteria map[string]float64, comment string, submit bool, now time.Time) error {
	comment = strings.TrimSpace(contests.NFC(comment))
	if utf8.RuneCountInString(comment) > MaxCommentRunes {
		return contests.Invalid(contests.Field("comment", contests.T("Nhận xét tối đa 5.000 ký tự", "The comment is at most 5,000 characters")))
	}
	check := make(map[string]float64, len(rubric.Criteria))
	for k, v := range criteria {
		check[k] = v
	}
	if !submit {
		for _, cr := range rubric.Criteria {
			if _, ok := check[cr.Key]; !ok {
				check[cr.Key] = 0
			}
		}
	}
	total, err := ValidateScore(rubric, check)
	if err != nil {
		return err
	}
	if s.Status == ScoreSubmitted {
		return contests.E(contests.CodeTooLate, contests.T("Điểm đã nộp và bị khóa; cần tổ thư ký mở lại để sửa", "The score is submitted and locked; the secretariat must reopen it"))
	}
	now = now.UTC()
	s.Criteria, s.Total, s.Comment, s.Status, s.UpdatedAt = criteria, total, comment, ScoreDraft, now
	if submit {
		s.Status, s.SubmittedAt = ScoreSubmitted, now
	}
	s.Version++
	return nil
}

// Unlock reopens a submitted sheet for its judge at now; the criteria and
// total stay as they were until the judge saves again.
// Errors: CodeConflict when the sheet is not submitted.
func (s *Score) Unlock(now time.Time) error {
	if s.Status != ScoreSubmitted {
		return contests.E(contests.CodeConflict, contests.T("Phiếu điểm chưa nộp", "The score is not submitted"))
	}
	s.Status, s.SubmittedAt, s.UpdatedAt = ScoreDraft, time.Time{}, now.UTC()
	s.Version++
	return nil
}
