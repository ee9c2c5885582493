package essay

import (
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

var t0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

// tenPoint is a 10-point rubric in 0.25 steps: content 8 + form 2.
func tenPoint() Rubric {
	return Rubric{Scale: 10, Step: 0.25, Criteria: []Criterion{{Key: "content", Name: "Nội dung", Max: 8}, {Key: "form", Name: "Hình thức", Max: 2}}}
}

func TestScoreSave(t *testing.T) {
	seat := Seat{RoundID: "r1", WorkID: "w1", JudgeID: "j1", Kind: ScoreThird}
	for _, tc := range []struct {
		name     string
		status   ScoreStatus // of the sheet before
		criteria map[string]float64
		comment  string
		submit   bool
		code     contests.Code // "" for success
		field    string
		want     ScoreStatus
		total    float64
	}{
		{name: "partial draft counts missing criteria as 0", criteria: map[string]float64{"content": 6.5}, want: ScoreDraft, total: 6.5},
		{name: "empty draft", want: ScoreDraft, total: 0},
		{name: "full submit locks", criteria: map[string]float64{"content": 7, "form": 1.75}, submit: true, want: ScoreSubmitted, total: 8.75},
		{name: "partial submit", criteria: map[string]float64{"content": 7}, submit: true, code: contests.CodeInvalid, field: "scores.form"},
		{name: "off the step", criteria: map[string]float64{"content": 7.1}, code: contests.CodeInvalid, field: "scores.content"},
		{name: "above the max", criteria: map[string]float64{"form": 3}, code: contests.CodeInvalid, field: "scores.form"},
		{name: "not on the rubric", criteria: map[string]float64{"style": 1}, code: contests.CodeInvalid, field: "scores.style"},
		{name: "comment too long", comment: strings.Repeat("ạ", MaxCommentRunes+1), code: contests.CodeInvalid, field: "comment"},
		{name: "comment at the limit", comment: strings.Repeat("ạ", MaxCommentRunes), want: ScoreDraft},
		{name: "draft saved again", status: ScoreDraft, criteria: map[string]float64{"form": 2}, want: ScoreDraft, total: 2},
		{name: "locked sheet", status: ScoreSubmitted, criteria: map[string]float64{"form": 2}, code: contests.CodeTooLate},
		{name: "invalid input on a locked sheet says what is invalid", status: ScoreSubmitted, criteria: map[string]float64{"form": 9}, code: contests.CodeInvalid, field: "scores.form"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := NewScore(seat)
			if sc.RoundID != "r1" || sc.WorkID != "w1" || sc.JudgeID != "j1" || sc.Kind != ScoreThird || sc.Version != 0 {
				t.Fatalf("NewScore = %+v", sc)
			}
			if tc.status != "" {
				sc.Status, sc.Version, sc.Total = tc.status, 3, 5
			}
			before := *sc
			err := sc.Save(tenPoint(), tc.criteria, tc.comment, tc.submit, t0.In(time.FixedZone("ICT", 7*3600)))
			if tc.code != "" {
				if contests.ErrorCode(err) != tc.code {
					t.Fatalf("err = %v, want code %s", err, tc.code)
				}
				if tc.field != "" {
					wantFields(t, err, tc.field)
				}
				if sc.Version != before.Version || sc.Status != before.Status || sc.Total != before.Total {
					t.Fatalf("a refused save changed the sheet: %+v", sc)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if sc.Status != tc.want || sc.Total != tc.total || sc.Version != before.Version+1 || !sc.UpdatedAt.Equal(t0) || sc.UpdatedAt.Location() != time.UTC {
				t.Fatalf("after save: %+v", sc)
			}
			if submitted := !sc.SubmittedAt.IsZero(); submitted != tc.submit {
				t.Fatalf("SubmittedAt = %v with submit %v", sc.SubmittedAt, tc.submit)
			}
		})
	}
}

func TestScoreSaveKeepsTheGivenCriteriaAndTrimsTheComment(t *testing.T) {
	sc := NewScore(Seat{RoundID: "r", WorkID: "w", JudgeID: "j"})
	given := map[string]float64{"content": 4}
	if err := sc.Save(tenPoint(), given, "  Tốt \n", false, t0); err != nil {
		t.Fatal(err)
	}
	if len(sc.Criteria) != 1 || sc.Criteria["content"] != 4 || sc.Comment != "Tốt" {
		t.Fatalf("a draft stores what the judge gave, not the zero-filled check: %+v", sc)
	}
}

func TestScoreUnlock(t *testing.T) {
	for _, tc := range []struct {
		from ScoreStatus
		code contests.Code
	}{
		{ScoreSubmitted, ""},
		{ScoreDraft, contests.CodeConflict},
	} {
		t.Run(string(tc.from), func(t *testing.T) {
			sc := &Score{Status: tc.from, Total: 7, Version: 2, SubmittedAt: t0}
			err := sc.Unlock(t0.Add(time.Hour))
			if contests.ErrorCode(err) != tc.code && !(tc.code == "" && err == nil) {
				t.Fatalf("Unlock from %s: %v", tc.from, err)
			}
			if tc.code != "" {
				if sc.Version != 2 || sc.Status != tc.from {
					t.Fatalf("a refused unlock changed the sheet: %+v", sc)
				}
				return
			}
			if sc.Status != ScoreDraft || !sc.SubmittedAt.IsZero() || sc.Version != 3 || sc.Total != 7 || !sc.UpdatedAt.Equal(t0.Add(time.Hour)) {
				t.Fatalf("after unlock: %+v", sc)
			}
		})
	}
}

func TestScreening(t *testing.T) {
	for _, tc := range []struct {
		name     string
		work     Work
		accept   bool
		reason   string
		code     contests.Code
		want     WorkStatus
		wantCode string
	}{
		{name: "accept a submitted work draws its code", work: Work{Status: WorkSubmitted}, accept: true, want: WorkAccepted, wantCode: "NEW"},
		{name: "accept again keeps the code", work: Work{Status: WorkAccepted, Code: "OLD"}, accept: true, want: WorkAccepted, wantCode: "OLD"},
		{name: "reverse a rejection", work: Work{Status: WorkRejected, RejectReason: "x"}, accept: true, want: WorkAccepted, wantCode: "NEW"},
		{name: "reject a submitted work", work: Work{Status: WorkSubmitted}, reason: " Có tên tác giả ", want: WorkRejected},
		{name: "reject an accepted work keeps its code", work: Work{Status: WorkAccepted, Code: "OLD"}, reason: "x", want: WorkRejected, wantCode: "OLD"},
		{name: "reject without a reason", work: Work{Status: WorkSubmitted}, reason: "  ", code: contests.CodeInvalid},
		{name: "reject with a long reason", work: Work{Status: WorkSubmitted}, reason: strings.Repeat("a", MaxRejectReasonRunes+1), code: contests.CodeInvalid},
		{name: "withdrawn cannot be accepted", work: Work{Status: WorkWithdrawn}, accept: true, code: contests.CodeConflict},
		{name: "withdrawn cannot be rejected", work: Work{Status: WorkWithdrawn}, reason: "x", code: contests.CodeConflict},
		{name: "in judging cannot be screened", work: Work{Status: WorkAccepted, Code: "OLD", Round: 1}, reason: "x", code: contests.CodeConflict},
		{name: "unknown status", work: Work{Status: "lost"}, accept: true, code: contests.CodeConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.work
			var err error
			if tc.accept {
				err = w.Accept("NEW")
			} else {
				err = w.Reject(tc.reason)
			}
			if tc.code != "" {
				if contests.ErrorCode(err) != tc.code {
					t.Fatalf("err = %v, want %s", err, tc.code)
				}
				if w.Status != tc.work.Status || w.Code != tc.work.Code {
					t.Fatalf("a refused screening changed the work: %+v", w)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w.Status != tc.want || w.Code != tc.wantCode {
				t.Fatalf("after screening: status %s code %q, want %s %q", w.Status, w.Code, tc.want, tc.wantCode)
			}
			if tc.accept && w.RejectReason != "" || !tc.accept && w.RejectReason != strings.TrimSpace(tc.reason) {
				t.Fatalf("reject reason = %q", w.RejectReason)
			}
		})
	}
}

func TestJudgingRoundLifeCycle(t *testing.T) {
	for _, tc := range []struct {
		from                          RoundStatus
		startErr, closeErr, scoresErr contests.Code
		afterStart, afterClose        RoundStatus
	}{
		{from: RoundSetup, afterStart: RoundScoring, closeErr: contests.CodeConflict, scoresErr: contests.CodeTooLate, afterClose: RoundSetup},
		{from: RoundScoring, startErr: contests.CodeConflict, afterStart: RoundScoring, afterClose: RoundClosed},
		{from: RoundClosed, startErr: contests.CodeConflict, closeErr: contests.CodeConflict, scoresErr: contests.CodeTooLate, afterStart: RoundClosed, afterClose: RoundClosed},
	} {
		t.Run(string(tc.from), func(t *testing.T) {
			if got := contests.ErrorCode((&Round{Status: tc.from}).AcceptsScores()); got != tc.scoresErr {
				t.Fatalf("AcceptsScores = %q, want %q", got, tc.scoresErr)
			}
			r := &Round{Status: tc.from, Seed: 1}
			err := r.Start(42, t0)
			if got := contests.ErrorCode(err); got != tc.startErr || r.Status != tc.afterStart {
				t.Fatalf("Start: %v, status %s", err, r.Status)
			}
			if wantSeed := map[bool]uint64{true: 42, false: 1}[err == nil]; r.Seed != wantSeed {
				t.Fatalf("seed = %d, want %d", r.Seed, wantSeed)
			}
			r = &Round{Status: tc.from}
			if got := contests.ErrorCode(r.Closable()); got != tc.closeErr {
				t.Fatalf("Closable = %q, want %q", got, tc.closeErr)
			}
			err = r.Close(t0)
			if got := contests.ErrorCode(err); got != tc.closeErr || r.Status != tc.afterClose {
				t.Fatalf("Close: %v, status %s", err, r.Status)
			}
			if err == nil && !r.UpdatedAt.Equal(t0) {
				t.Fatalf("UpdatedAt = %v", r.UpdatedAt)
			}
		})
	}
}

func TestOnPanel(t *testing.T) {
	r := &Round{Panels: []Panel{{Category: "a", JudgeIDs: []string{"j1", "j2"}}, {Category: "b", JudgeIDs: []string{"j3"}}}}
	for judge, want := range map[string]bool{"j1": true, "j3": true, "j4": false, "": false} {
		if got := r.OnPanel(judge); got != want {
			t.Errorf("OnPanel(%q) = %v, want %v", judge, got, want)
		}
	}
}
