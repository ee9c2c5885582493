package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

func (s *Server) essayPrizeRoutes(r fiber.Router) {
	r.Post("/org/essay/rounds/:rid/prizes", requireRole(contests.RoleOrganizer), s.essayPrizes)
}

type prizeRequest struct {
	Plan essay.PrizePlan `json:"plan"`
	// Youth prize ("triển vọng"): authors at most YouthMaxAge on the round's
	// close; YouthQuota of them, best scores first. 0 leaves it out.
	YouthMaxAge int `json:"youthMaxAge"`
	YouthQuota  int `json:"youthQuota"`
	// Collective prizes go to units (at CollectiveDepth in the tree) whose
	// members won at least one prize at CollectiveMinTier or better.
	CollectiveMinTier string `json:"collectiveMinTier"`
	CollectiveDepth   int    `json:"collectiveDepth"`
}

// essayPrizes decides the prizes of a closed (final) round: per category
// and tier within quotas and score bands, then the special prizes —
// youngest and oldest prize-winning author, youth, collective. The decision
// is written to the audit log.
func (s *Server) essayPrizes(c *fiber.Ctx) error {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return err
	}
	if err := allowAt(c, ct.OwnerUnitPath, contests.RoleOrganizer); err != nil {
		return err
	}
	if r.Status != essay.RoundClosed {
		return contests.E(contests.CodeConflict, contests.T("Vòng chấm chưa kết thúc", "The round is not closed"))
	}
	var req prizeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if len(req.Plan.Tiers) == 0 {
		req.Plan.Tiers = essay.ABCTiers(r.Rubric.Scale)
	}
	ctx := c.UserContext()
	outcomes, err := s.outcomes(ctx, r)
	if err != nil {
		return err
	}
	var results []essay.Result
	for _, o := range outcomes {
		if o.Outcome != nil && o.Outcome.Final != nil {
			results = append(results, essay.Result{WorkID: o.WorkID, Category: o.Category, Final: *o.Outcome.Final})
		}
	}
	awards, err := essay.AwardPrizes(results, req.Plan)
	if err != nil {
		return err
	}
	var entrants []essay.Entrant
	for _, a := range awards {
		w, err := s.essay.Work(ctx, a.WorkID)
		if err != nil {
			return err
		}
		id, err := s.identities.Identity(ctx, a.WorkID)
		if err != nil {
			return err
		}
		entrants = append(entrants, essay.Entrant{WorkID: w.ID, AuthorID: w.AuthorID, BirthDate: id.Author.BirthDate,
			UnitPath: w.UnitPath, SubmittedAt: w.SubmittedAt, Category: w.Category, Final: a.Final, Tier: a.Tier})
	}
	out := fiber.Map{"awards": s.awardViews(c, awards), "youngest": codes(c, s, essay.Youngest(entrants)), "oldest": codes(c, s, essay.Oldest(entrants))}
	if req.YouthMaxAge > 0 && req.YouthQuota > 0 {
		youth, err := essay.Youth(entrants, req.YouthMaxAge, s.Now().UTC(), req.YouthQuota)
		if err != nil {
			return err
		}
		out["youth"] = codes(c, s, youth)
	}
	if req.CollectiveMinTier != "" {
		units, err := essay.Collective(entrants, req.Plan.Tiers, req.CollectiveMinTier, max(req.CollectiveDepth, 1))
		if err != nil {
			return err
		}
		out["collective"] = units
	}
	r.Awards, r.UpdatedAt = awards, s.Now().UTC()
	if err := s.essay.UpdateEssayRound(ctx, r); err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "prizes.decided", "round:"+r.ID, map[string]any{"awards": len(awards)}); err != nil {
		return err
	}
	return c.JSON(out)
}

func (s *Server) awardViews(c *fiber.Ctx, awards []essay.Award) []fiber.Map {
	out := []fiber.Map{}
	for _, a := range awards {
		w, err := s.essay.Work(c.UserContext(), a.WorkID)
		if err != nil {
			continue
		}
		out = append(out, fiber.Map{"code": w.Code, "title": w.Title, "category": a.Category, "tier": a.Tier, "final": a.Final, "overQuota": a.OverQuota})
	}
	return out
}

func codes(c *fiber.Ctx, s *Server, es []essay.Entrant) []string {
	out := []string{}
	for _, e := range es {
		if w, err := s.essay.Work(c.UserContext(), e.WorkID); err == nil {
			out = append(out, w.Code)
		}
	}
	return out
}
