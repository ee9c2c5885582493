package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// essayRoundEdit is a round as edited: the fields of a new round plus the
// version the form loaded.
type essayRoundEdit struct {
	essayRoundRequest
	Version int64 `json:"version"`
}

// updateEssayRound changes a round that is still being set up (nothing
// assigned yet). The version the form loaded comes back: when another
// organizer saved the round meanwhile the store refuses with 409 and the
// reload message, and their change stays.
func (s *Server) updateEssayRound(c *fiber.Ctx) error {
	ctx := c.UserContext()
	r, err := s.essay.EssayRound(ctx, c.Params("rid"))
	if err != nil {
		return err
	}
	ct, st, err := s.staffContest(c, r.ContestID)
	if err != nil {
		return err
	}
	var req essayRoundEdit
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.Version < 1 {
		return contests.Invalid(contests.Field("version", contests.T("Thiếu phiên bản đã tải của vòng chấm", "The version of the round as loaded is required")))
	}
	if err := s.checkRoundRequest(ctx, ct, st, &req.essayRoundRequest); err != nil {
		return err
	}
	if r.Status != essay.RoundSetup {
		return contests.E(contests.CodeConflict, contests.T("Vòng đã phân công chấm, không sửa được nữa", "The round has been assigned and can no longer change"))
	}
	r.No, r.Name, r.Kind, r.Rubric = req.No, contests.NFC(req.Name), req.Kind, req.Rubric
	r.JudgesPerWork, r.Policy, r.Threshold = req.JudgesPerWork, req.Policy, req.Threshold
	r.Advance, r.Panels, r.UpdatedAt = req.Advance, req.Panels, s.Now().UTC()
	r.Version = req.Version
	if err := s.essay.UpdateEssayRound(ctx, r); err != nil {
		return err
	}
	return c.JSON(essayRoundResponse{Round: r})
}
