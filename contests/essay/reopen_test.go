package essay

import (
	"testing"
	"time"

	"hoithi/contests"
)

func TestReopen(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	s := &Score{Status: ScoreSubmitted, Total: 80, Version: 3}
	wantFields(t, s.Reopen("  ", now), "reason")
	if s.Status != ScoreSubmitted {
		t.Fatal("a refused reopen changed the sheet")
	}
	if err := s.Reopen("Nhập nhầm điểm hình thức", now); err != nil || s.Status != ScoreDraft || s.ReopenReason != "Nhập nhầm điểm hình thức" || s.Version != 4 {
		t.Fatalf("%v %+v", err, s)
	}
	if err := s.Reopen("lần nữa", now); contests.ErrorCode(err) != contests.CodeConflict {
		t.Fatalf("reopening a draft: %v", err)
	}
}
