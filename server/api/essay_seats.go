package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// Changing who scores a work: a judge's recusal and the secretariat
// reopening a locked sheet. Both are written to the audit log.

type recuseRequest struct {
	Reason string `json:"reason"`
}

// recuse declares a conflict on a work: the seat is given up and another
// judge of the panel takes it, keeping the load balanced.
func (j *judging) recuse(c *fiber.Ctx) error {
	r, w, seat, err := j.seat(c)
	if err != nil {
		return err
	}
	var req recuseRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	ct, err := j.store.ContestByID(ctx, r.ContestID)
	if err != nil {
		return err
	}
	seats, err := j.store.SeatsOfRound(ctx, r.ID)
	if err != nil {
		return err
	}
	seat.Recused = true
	for i := range seats {
		if seats[i].WorkID == seat.WorkID && seats[i].JudgeID == seat.JudgeID {
			seats[i].Recused = true
		}
	}
	p, err := essayPool(ctx, j.store, j.unitOf, ct, r, seats)
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
	now := j.now().UTC()
	if err := j.store.PutSeats(ctx, []essay.Seat{seat, {RoundID: r.ID, WorkID: w.ID, JudgeID: replacement, Kind: seat.Kind, AssignedAt: now}}); err != nil {
		return err
	}
	if err := j.record(ctx, r.ContestID, seat.JudgeID, "seat.recused", "work:"+w.Code, map[string]any{"round": r.ID, "reason": contests.NFC(req.Reason), "replacement": replacement}); err != nil {
		return err
	}
	return c.JSON(recused{Recused: true})
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
	ctx := c.UserContext()
	sc, err := s.essay.Score(ctx, r.ID, c.Params("wid"), req.JudgeID)
	if err != nil {
		return err
	}
	if err := sc.Reopen(req.Reason, s.Now()); err != nil {
		return err
	}
	if err := s.essay.PutScore(ctx, sc); err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "score.unlocked", "work:"+sc.WorkID, map[string]any{"round": r.ID, "judge": req.JudgeID, "reason": req.Reason, "previousTotal": sc.Total}); err != nil {
		return err
	}
	return c.JSON(scoreStatus{Status: sc.Status})
}
