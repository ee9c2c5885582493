package quiz

import (
	"testing"
	"time"

	"hoithi/contests"
)

func TestCompensateOutage(t *testing.T) {
	for _, tc := range []struct {
		name         string
		start        float64 // the attempt's start; its deadline is start+600
		submitted    float64 // > 0: submitted then
		from, to     float64 // the outage
		capSec       int
		wantAddedSec float64 // 0: unchanged
	}{
		{name: "running at the outage: the whole gap", start: 10, from: 100, to: 165, wantAddedSec: 65},
		{name: "deadline inside the outage", start: 10, from: 500, to: 700, wantAddedSec: 200},
		{name: "within the grace at the outage", start: 10, from: 613, to: 700, wantAddedSec: 87},
		{name: "over before the outage", start: 10, from: 620, to: 700},
		{name: "submitted before the outage", start: 10, submitted: 50, from: 100, to: 165},
		{name: "capped by the round", start: 10, from: 100, to: 4000, capSec: 300, wantAddedSec: 300},
		{name: "default cap", start: 10, from: 100, to: 100 + 5*3600, wantAddedSec: DefaultOutageCap.Seconds()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, p := started(t, tc.start, tc.submitted)
			r.OutageCapSec = tc.capSec
			o := Outage{From: at(tc.from), To: at(tc.to)}
			before := p.Attempts[0].Deadline
			a := p.CompensateOutage(o, r.OutageAllowance(o))
			got := p.Attempts[0].Deadline.Sub(before).Seconds()
			if got != tc.wantAddedSec || (a != nil) != (tc.wantAddedSec > 0) {
				t.Fatalf("added %v s (attempt %v), want %v s", got, a != nil, tc.wantAddedSec)
			}
			if tc.wantAddedSec > 0 {
				if p.Attempts[0].OutageMs != int64(tc.wantAddedSec*1000) || !p.OpenDeadline.Equal(p.Attempts[0].Deadline) {
					t.Fatalf("outageMs %d, open deadline %v, deadline %v", p.Attempts[0].OutageMs, p.OpenDeadline, p.Attempts[0].Deadline)
				}
				// The same outage found again (a second instance) adds nothing.
				if p.CompensateOutage(o, r.OutageAllowance(o)) != nil {
					t.Fatal("one outage compensated twice")
				}
			}
		})
	}
}

func TestRoundCloseCompensatedWhenInsideOutage(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to float64 // outage; the round closes at 3600
		status   RoundStatus
		want     time.Duration
	}{
		{name: "close inside", from: 3500, to: 3700, want: 200 * time.Second},
		{name: "close before", from: 3700, to: 3800},
		{name: "close after", from: 1000, to: 1100},
		{name: "results computed", from: 3500, to: 3700, status: RoundResults},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := roundFixture()
			if tc.status != "" {
				r.Status = tc.status
			}
			if got := r.CompensateOutage(Outage{From: at(tc.from), To: at(tc.to)}); got != tc.want || !r.ClosesAt.Equal(at(3600).Add(tc.want)) {
				t.Fatalf("added %v, closes %v; want %v", got, r.ClosesAt, tc.want)
			}
		})
	}
}

func TestOrganizerRemedies(t *testing.T) {
	t.Run("extend the attempt in progress", func(t *testing.T) {
		_, p := started(t, 10, 0)
		a, err := p.ExtendAttempt(90*time.Second, at(100))
		if err != nil || !a.Deadline.Equal(at(700)) || a.ExtraMs != 90_000 || !p.OpenDeadline.Equal(at(700)) {
			t.Fatalf("%+v %v", a, err)
		}
	})
	t.Run("an attempt over cannot be extended", func(t *testing.T) {
		_, p := started(t, 10, 0)
		if _, err := p.ExtendAttempt(time.Minute, at(700)); contests.ErrorCode(err) != contests.CodeConflict {
			t.Fatalf("extend after the deadline: %v", err)
		}
	})
	t.Run("bounds of an extension", func(t *testing.T) {
		_, p := started(t, 10, 0)
		for _, d := range []time.Duration{0, -time.Second, MaxExtension + time.Second} {
			if _, err := p.ExtendAttempt(d, at(100)); contests.ErrorCode(err) != contests.CodeInvalid {
				t.Fatalf("extend by %v: %v", d, err)
			}
		}
	})
	t.Run("an attempt given back can be started", func(t *testing.T) {
		r, p := started(t, 10, 50)
		paper, key := paperFixture(t)
		p.Start(r, "a2", paper, key, at(60))
		p.Submit(2, key, at(70), r.Policy)
		if p.Left(r) != 0 {
			t.Fatalf("left %d after two of two", p.Left(r))
		}
		if err := p.GiveBack(at(80)); err != nil {
			t.Fatal(err)
		}
		if _, isNew, err := p.Start(r, "a3", paper, key, at(90)); err != nil || !isNew || p.Left(r) != 0 {
			t.Fatalf("third attempt after give-back: %v %v left %d", isNew, err, p.Left(r))
		}
	})
	t.Run("nothing to give back before any attempt", func(t *testing.T) {
		if err := (&Participation{}).GiveBack(at(0)); contests.ErrorCode(err) != contests.CodeConflict {
			t.Fatalf("%v", err)
		}
	})
	t.Run("overlap with a window", func(t *testing.T) {
		_, p := started(t, 10, 50) // ran 10..50
		for _, tc := range []struct {
			from, to float64
			want     bool
		}{{0, 20, true}, {40, 100, true}, {50, 100, false}, {0, 10, false}, {20, 30, true}} {
			if got := p.Overlaps(at(tc.from), at(tc.to)); got != tc.want {
				t.Errorf("window %v..%v: %v, want %v", tc.from, tc.to, got, tc.want)
			}
		}
	})
	t.Run("close extended until results", func(t *testing.T) {
		r := roundFixture()
		if err := r.ExtendClose(time.Hour); err != nil || !r.ClosesAt.Equal(at(7200)) {
			t.Fatalf("%v %v", r.ClosesAt, err)
		}
		r.Status = RoundResults
		if err := r.ExtendClose(time.Hour); contests.ErrorCode(err) != contests.CodeConflict {
			t.Fatalf("after results: %v", err)
		}
	})
}
