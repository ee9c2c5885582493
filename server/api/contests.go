package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
)

// listContests shows the published contests, newest first.
func (s *Server) listContests(c *fiber.Ctx) error {
	ctx := c.UserContext()
	list, err := s.Store.ListContests(ctx, "", true)
	if err != nil {
		return err
	}
	out := make([]contestDTO, 0, len(list))
	for _, ct := range list {
		out = append(out, s.toContestDTO(ctx, ct))
	}
	return c.JSON(contestsResponse{Contests: out})
}

// getContest is the landing page of a share link; drafts stay hidden from
// everyone but the organizers of the owning unit.
func (s *Server) getContest(c *fiber.Ctx) error {
	ctx := c.UserContext()
	ct, err := s.Store.ContestBySlug(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	if ct.Status == contests.ContestDraft {
		if cl := claimsOf(c); cl == nil || !contests.Allowed(cl.Grants, ct.OwnerUnitPath, contests.RoleOrganizer) {
			return contests.NotFound("cuộc thi", "contest")
		}
	}
	return c.JSON(contestResponse{Contest: s.toContestDTO(ctx, ct)})
}
