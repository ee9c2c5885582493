package api

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// Changing who scores a work: a judge's recusal and the secretariat
// reopening a locked sheet. Both are written to the audit log.

type recuseRequest struct {
	Reason string `json:"reason"`
}

// judgeRecuse declares a conflict on a work: the seat is given up and
// another judge of the panel takes it, keeping the load balanced.
func (s *Server) judgeRecuse(c *fiber.Ctx) error {
	r, w, seat, err := s.judgeSeat(c)
	if err != nil {
		return err
	}
	var req recuseRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	ct, err := s.Store.ContestByID(ctx, r.ContestID)
	if err != nil {
		return err
	}
	seats, err := s.essay.SeatsOfRound(ctx, r.ID)
	if err != nil {
		return err
	}
	seat.Recused = true
	for i := range seats {
		if seats[i].WorkID == seat.WorkID && seats[i].JudgeID == seat.JudgeID {
			seats[i].Recused = true
		}
	}
	p, _, err := s.pool(ctx, ct, r, seats)
	if err != nil {
		return err
	}
	current := essay.Assignment{}
	for _, st := range seats {
		if !st.Recused || st.JudgeID == seat.JudgeID && st.WorkID == seat.WorkID {
			current[st.WorkID] = append(current[st.WorkID], st.JudgeID)
		}
	}
	_, replacement, err := p.Reassign(current, w.ID, seat.JudgeID, r.Seed)
	if err != nil {
		return err
	}
	now := s.Now().UTC()
	if err := s.essay.PutSeats(ctx, []essay.Seat{seat, {RoundID: r.ID, WorkID: w.ID, JudgeID: replacement, Kind: seat.Kind, AssignedAt: now}}); err != nil {
		return err
	}
	if err := s.record(ctx, r.ContestID, seat.JudgeID, "seat.recused", "work:"+w.Code, map[string]any{"round": r.ID, "reason": contests.NFC(req.Reason), "replacement": replacement}); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"recused": true})
}

type unlockRequest struct {
	JudgeID string `json:"judgeId"`
	Reason  string `json:"reason"`
}

// unlockScore reopens a submitted sheet for its judge; logged with reason.
func (s *Server) unlockScore(c *fiber.Ctx) error {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return err
	}
	var req unlockRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.Reason) == "" {
		return contests.Invalid(contests.Field("reason", contests.T("Cần ghi lý do mở lại", "Give the reason")))
	}
	ctx := c.UserContext()
	sc, err := s.essay.Score(ctx, r.ID, c.Params("wid"), req.JudgeID)
	if err != nil {
		return err
	}
	if sc.Status != essay.ScoreSubmitted {
		return contests.E(contests.CodeConflict, contests.T("Phiếu điểm chưa nộp", "The score is not submitted"))
	}
	sc.Status, sc.SubmittedAt, sc.UpdatedAt = essay.ScoreDraft, time.Time{}, s.Now().UTC()
	sc.Version++
	if err := s.essay.PutScore(ctx, sc); err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "score.unlocked", "work:"+sc.WorkID, map[string]any{"round": r.ID, "judge": req.JudgeID, "reason": req.Reason, "previousTotal": sc.Total}); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"status": sc.Status})
}
