package api

import (
	"bytes"
	"context"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/excel"
)

// Collective ranking: the units whose members took part the most, for the
// prizes to "tập thể có nhiều người tham gia" (docs/domain.md §2), as JSON for the
// page and as a workbook to attach to the decision.

// collectiveRanking is a computed collective ranking and what it covers.
type collectiveRanking struct {
	contest *contests.Contest
	rule    quiz.CollectiveRule
	scope   string // the round's title, or "" for the whole contest
	tiers   []excel.CollectiveTier
	units   []quiz.UnitStanding
}

// orgCollective ranks units by participation (Settings.Collective, or
// ?formula=most_participants|participation_rate&level=N), over one round
// (?roundId=) or the whole contest (distinct people), with prizes won by
// members counted from published standings.
func (s *Server) orgCollective(c *fiber.Ctx) error {
	ranking, err := s.collectiveRanking(c)
	if err != nil {
		return err
	}
	return c.JSON(collectiveAnswer{Rule: ranking.rule, Units: orEmpty(ranking.units)})
}

// orgExportCollective sends the same ranking as .xlsx, with one column per
// prize tier of the rounds counted.
func (s *Server) orgExportCollective(c *fiber.Ctx) error {
	ranking, err := s.collectiveRanking(c)
	if err != nil {
		return err
	}
	ct, ctx := ranking.contest, c.UserContext()
	scope := ranking.scope
	if scope == "" {
		scope = "Toàn cuộc thi"
	}
	report := excel.CollectiveReport{Contest: ct.Title, Scope: scope, Rule: ranking.rule, ComputedAt: s.Now(),
		Tiers: ranking.tiers, Units: ranking.units,
		UnitNames: func(path string) string { return s.unitNames.pathName(ctx, path) }}
	var buf bytes.Buffer
	if err := excel.WriteCollective(&buf, report); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, "giai-tap-the-"+ct.Slug+".xlsx", buf.Bytes())
}

// collectiveRanking finds the quiz contest of the route, reads the rule
// from its settings and the query, then counts distinct participants per
// unit over the rounds asked.
func (s *Server) collectiveRanking(c *fiber.Ctx) (collectiveRanking, error) {
	ct, err := s.quizContest(c)
	if err != nil {
		return collectiveRanking{}, err
	}
	out := collectiveRanking{contest: ct}
	settings, _ := quiz.ParseSettings(ct.Settings)
	rule := settings.CollectiveRuleFor(contests.Depth(ct.OwnerUnitPath), c.Query("formula"))
	if rule.Level, err = queryInt(c, "level", rule.Level, 1, 20); err != nil {
		return out, err
	}
	ctx := c.UserContext()
	rounds, err := s.quiz.RoundsOf(ctx, ct.ID)
	if err != nil {
		return out, err
	}
	roundID := c.Query("roundId")
	people := map[string]string{} // user → unit ID
	var winners []quiz.Winner
	seenTier := map[string]bool{}
	found := roundID == ""
	for _, r := range rounds {
		if roundID != "" && roundID != r.ID {
			continue
		}
		found = true
		if roundID != "" {
			out.scope = r.Title
		}
		for _, t := range r.Tiers {
			if !seenTier[t.Key] {
				seenTier[t.Key] = true
				out.tiers = append(out.tiers, excel.CollectiveTier{Key: t.Key, Name: t.Name})
			}
		}
		if err := s.collectParticipants(ctx, r.ID, people); err != nil {
			return out, err
		}
		if r.Status == quiz.RoundResults {
			entries, err := s.prizeWinners(ctx, r.ID)
			if err != nil {
				return out, err
			}
			winners = append(winners, entries...)
		}
	}
	if !found {
		return out, contests.NotFound("đợt thi của cuộc thi", "round of the contest")
	}
	participants := map[string]int{}
	for _, unit := range people {
		participants[unit]++
	}
	units, err := s.Store.UnitsUnder(ctx, ct.OwnerUnitPath)
	if err != nil {
		return out, err
	}
	list := make([]contests.Unit, len(units))
	for i, u := range units {
		list[i] = *u
	}
	out.rule = rule
	out.units, err = quiz.Collective(list, participants, winners, rule)
	return out, err
}

// collectParticipants notes, for everyone who finished an attempt in the
// round, the unit they took part for.
func (s *Server) collectParticipants(ctx context.Context, roundID string, people map[string]string) error {
	return s.quiz.EachParticipation(ctx, roundID, func(p *quiz.Participation) error {
		if ids := contests.AncestorIDs(p.UnitPath); len(ids) > 0 && len(p.Summaries()) > 0 {
			people[p.UserID] = ids[len(ids)-1]
		}
		return nil
	})
}
