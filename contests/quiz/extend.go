package quiz

import (
	"strings"
	"time"
	"unicode/utf8"

	"hoithi/contests"
)

// Time given back: an outage of the server (found by the server itself at
// start, see server/api/outages.go) and the organizers' remedies. Every
// change here is pure; the caller audits it.

// DefaultOutageCap is the most one outage adds to an attempt or to a
// round's close when the round sets no cap of its own: longer than any
// paper's time limit in the field (45 minutes), short of a day.
const DefaultOutageCap = 2 * time.Hour

// MaxExtension bounds what one organizer remedy adds (and a round's
// outage cap): a week, the length of a weekly round.
const MaxExtension = 7 * 24 * time.Hour

// Outage is a span when the deployment was not serving: from its last
// heartbeat to the start of the instance that found it.
type Outage struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Length is how long the outage lasted.
func (o Outage) Length() time.Duration { return o.To.Sub(o.From) }

// OutageCap returns the most one outage adds to this round's attempts and
// close: OutageCapSec, else DefaultOutageCap.
func (r *Round) OutageCap() time.Duration {
	if r.OutageCapSec > 0 {
		return time.Duration(r.OutageCapSec) * time.Second
	}
	return DefaultOutageCap
}

// OutageAllowance is what o adds under the round's cap.
func (r *Round) OutageAllowance(o Outage) time.Duration {
	return min(max(o.Length(), 0), r.OutageCap())
}

// CompensateOutage moves the round's close later by the allowance when the
// close fell inside o (people could not finish, or start, before it); it
// returns what it added (zero: unchanged).
func (r *Round) CompensateOutage(o Outage) time.Duration {
	if r.Status == RoundResults || r.ClosesAt.Before(o.From) || r.ClosesAt.After(o.To) {
		return 0
	}
	d := r.OutageAllowance(o)
	r.ClosesAt = r.ClosesAt.Add(d)
	return d
}

// ExtendClose moves the round's close later by d (an organizer's remedy);
// not once results are computed.
func (r *Round) ExtendClose(d time.Duration) error {
	if err := checkExtension(d); err != nil {
		return err
	}
	if err := r.CheckRemediable(); err != nil {
		return err
	}
	r.ClosesAt = r.ClosesAt.Add(d)
	return nil
}

// Left returns how many attempts the person may still start.
func (p *Participation) Left(r *Round) int { return max(0, r.MaxAttempts+p.ExtraAttempts-p.Used()) }

// CompensateOutage adds d to the deadline of the attempt that was running
// when o began (its deadline plus grace not yet passed at o.From), once per
// outage. It returns the attempt, nil when nothing changed.
func (p *Participation) CompensateOutage(o Outage, d time.Duration) *Attempt {
	cur := p.Current()
	key := o.From.UnixMilli()
	if cur == nil || d <= 0 || !cur.Deadline.Add(Grace).After(o.From) || cur.OutageKey >= key {
		return nil
	}
	cur.Deadline = cur.Deadline.Add(d)
	cur.OutageMs += d.Milliseconds()
	cur.OutageKey = key
	p.OpenDeadline = cur.Deadline
	return cur
}

// ExtendAttempt adds d to the deadline of the attempt in progress (an
// organizer's remedy). An attempt already over cannot be reopened this
// way: give an attempt back instead.
func (p *Participation) ExtendAttempt(d time.Duration, now time.Time) (*Attempt, error) {
	if err := checkExtension(d); err != nil {
		return nil, err
	}
	cur := p.Current()
	if cur == nil || now.After(cur.Deadline.Add(Grace)) {
		return nil, errNothingToExtend
	}
	cur.Deadline = cur.Deadline.Add(d)
	cur.ExtraMs += d.Milliseconds()
	p.OpenDeadline = cur.Deadline
	p.UpdatedAt = now
	return cur, nil
}

// GiveBack lets the person start one more attempt than the round allows
// (an organizer's remedy for an attempt lost to a fault). Only someone who
// started an attempt has one to give back.
func (p *Participation) GiveBack(now time.Time) error {
	if p.Used() == 0 {
		return errNothingToGiveBack
	}
	p.ExtraAttempts++
	p.UpdatedAt = now
	return nil
}

// Overlaps reports whether any attempt ran during [from, to): started
// before to and ended (submitted, or its deadline while in progress)
// after from.
func (p *Participation) Overlaps(from, to time.Time) bool {
	for i := range p.Attempts {
		a := &p.Attempts[i]
		end := a.Deadline
		if a.Final() {
			end = a.SubmittedAt
		}
		if a.StartedAt.Before(to) && end.After(from) {
			return true
		}
	}
	return false
}

// CheckWindow validates a time window of a remedy (fields "from", "to").
func CheckWindow(from, to time.Time) error {
	if from.IsZero() || to.IsZero() || !to.After(from) {
		return contests.Invalid(contests.Field("to", contests.T("Thời điểm kết thúc phải sau thời điểm bắt đầu", "The end must be after the start")))
	}
	if to.Sub(from) > MaxExtension {
		return contests.Invalid(contests.Field("to", contests.T("Khoảng thời gian dài tối đa 7 ngày", "The window is at most 7 days long")))
	}
	return nil
}

func checkExtension(d time.Duration) error {
	if d < time.Second || d > MaxExtension {
		return contests.Invalid(contests.Field("seconds", contests.T("Thời gian cộng thêm phải từ 1 giây đến 7 ngày", "The time added must be 1 second to 7 days")))
	}
	return nil
}

var (
	errNothingToExtend = contests.E(contests.CodeConflict, contests.T(
		"Không có lượt thi đang làm để gia hạn (lượt đã kết thúc: hãy trả lại lượt thi)", "No attempt in progress to extend (an attempt over: give an attempt back)"))
	errHasResults = contests.E(contests.CodeConflict, contests.T(
		"Đợt thi đã có kết quả, không thể gia hạn hay trả lại lượt thi", "The round has results; no time or attempt can be given back"))
	errNothingToGiveBack = contests.E(contests.CodeConflict, contests.T(
		"Người này chưa làm lượt thi nào", "This person has not started an attempt"))
)

// Bounds of a remedy's written reason, as for an exclusion.
const (
	MinRemedyReason = MinExclusionReason
	MaxRemedyReason = MaxExclusionReason
)

// CheckRemedyReason returns the reason of an organizer's remedy in NFC, or
// CodeInvalid naming "reason" when it is shorter or longer than allowed:
// every remedy is audited with why it was given.
func CheckRemedyReason(reason string) (string, error) {
	reason = strings.TrimSpace(contests.NFC(reason))
	if n := utf8.RuneCountInString(reason); n < MinRemedyReason || n > MaxRemedyReason {
		return "", contests.Invalid(contests.Field("reason", contests.T(
			"Lý do phải từ %d đến %d ký tự", "The reason must be %d to %d characters", MinRemedyReason, MaxRemedyReason)))
	}
	return reason, nil
}

// CheckRemediable refuses remedies once the round's results are computed:
// they would change attempts the ranking has already read.
func (r *Round) CheckRemediable() error {
	if r.Status == RoundResults || !r.ResultsAt.IsZero() {
		return errHasResults
	}
	return nil
}
