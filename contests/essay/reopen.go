package essay

import (
	"strings"
	"time"

	"hoithi/contests"
)

// Reopen is the secretariat's unlock of a submitted sheet (Unlock) with the
// reason the judge will be shown.
// Errors: CodeInvalid on a blank reason (field "reason"); Unlock's.
func (s *Score) Reopen(reason string, now time.Time) error {
	reason = contests.NFC(reason)
	if strings.TrimSpace(reason) == "" {
		return contests.Invalid(contests.Field("reason", contests.T("Cần ghi lý do mở lại", "Give the reason")))
	}
	if err := s.Unlock(now); err != nil {
		return err
	}
	s.ReopenReason = reason
	return nil
}
