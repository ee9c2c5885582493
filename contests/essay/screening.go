package essay

import (
	"strings"
	"unicode/utf8"

	"hoithi/contests"
)

// Screening (phạm quy check) decides whether a submitted work goes to
// judging. It may be repeated — a secretary can reverse a decision — until
// the work enters a judging round; a withdrawn work is out of reach.

// MaxRejectReasonRunes bounds the reason an author reads for a rejection.
const MaxRejectReasonRunes = 1000

// RejectReason normalizes the reason for rejecting a work.
// Errors: CodeInvalid "reason" when it is empty or too long.
func RejectReason(raw string) (string, error) {
	reason := strings.TrimSpace(contests.NFC(raw))
	if reason == "" || utf8.RuneCountInString(reason) > MaxRejectReasonRunes {
		return "", contests.Invalid(contests.Field("reason", contests.T("Cần ghi lý do phạm quy (tối đa 1.000 ký tự)", "Give the reason (at most 1,000 characters)")))
	}
	return reason, nil
}

// Screenable reports whether the work may be screened now.
// Errors: CodeConflict when it was withdrawn or already entered judging.
func (w *Work) Screenable() error {
	switch w.Status {
	case WorkSubmitted, WorkRejected, WorkAccepted:
	default:
		return contests.E(contests.CodeConflict, contests.T("Tác phẩm đã bị rút", "The work was withdrawn"))
	}
	if w.Round > 0 {
		return contests.E(contests.CodeConflict, contests.T("Tác phẩm đã vào vòng chấm", "The work is already being judged"))
	}
	return nil
}

// Accept screens the work in. It keeps the anonymous code it already has
// (a reversed rejection, a repeated accept); otherwise code becomes its
// code. Errors: those of Screenable.
func (w *Work) Accept(code string) error {
	if err := w.Screenable(); err != nil {
		return err
	}
	w.Status, w.RejectReason = WorkAccepted, ""
	if w.Code == "" {
		w.Code = code
	}
	return nil
}

// Reject screens the work out with a reason its author sees.
// Errors: those of RejectReason, then those of Screenable.
func (w *Work) Reject(reason string) error {
	reason, err := RejectReason(reason)
	if err != nil {
		return err
	}
	if err := w.Screenable(); err != nil {
		return err
	}
	w.Status, w.RejectReason = WorkRejected, reason
	return nil
}
