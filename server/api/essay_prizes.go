package api

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

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
	// Preview computes the proposal without deciding anything.
	Preview bool `json:"preview"`
	// Adjust changes the proposal work by work (by anonymous code).
	Adjust []prizeAdjustment `json:"adjust"`
	// Reason is required to change a list already decided; it goes to the
	// audit log.
	Reason string `json:"reason"`
}

type prizeAdjustment struct {
	Code string `json:"code"`
	Tier string `json:"tier"`
}

// awardView is a prize as screens and scripts read it: the work by its
// anonymous code and title, the category and tier by name.
type awardView struct {
	Code         string  `json:"code"`
	Title        string  `json:"title"`
	Category     string  `json:"category"`
	CategoryName string  `json:"categoryName"`
	Tier         string  `json:"tier"`
	TierName     string  `json:"tierName"`
	Final        float64 `json:"final"`
	OverQuota    bool    `json:"overQuota,omitempty"`
	Adjusted     bool    `json:"adjusted,omitempty"`
	Special      bool    `json:"special,omitempty"`
}

// essayPrizeList returns a round's decided prize list (empty and
// decided=false before the decision): what the prize screen shows after a
// reload.
func (s *Server) essayPrizeList(c *fiber.Ctx) error {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return err
	}
	st, _ := essay.ParseSettings(ct.Settings)
	return c.JSON(prizeList{Decided: r.PrizesDecided(), Awards: s.awardViews(c.UserContext(), st, r.Awards), UpdatedAt: r.UpdatedAt})
}

// awardedWork reads a prize-winning work and its author's identity sheet:
// the prizes are decided and paid by who wrote the work.
func (s *Server) awardedWork(ctx context.Context, workID string) (*essay.Work, *essay.Identity, error) {
	w, err := s.essay.Work(ctx, workID)
	if err != nil {
		return nil, nil, err
	}
	id, err := s.identities.Identity(ctx, workID)
	return w, id, err
}

// essayPrizes proposes (preview) or decides the prizes of a closed round:
// per category and tier within quotas and score bands, the organizer's
// adjustments, then the special prizes — youngest and oldest prize-winning
// author, youth, collective. A decided list is replaced only with a reason;
// each decision and change is written to the audit log.
func (s *Server) essayPrizes(c *fiber.Ctx) error {
	r, ct, err := s.organizerRound(c)
	if err != nil {
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
	st, _ := essay.ParseSettings(ct.Settings)
	outcomes, err := s.outcomes(ctx, r)
	if err != nil {
		return err
	}
	var results []essay.Result
	byCode := map[string]string{}
	for _, o := range outcomes {
		byCode[o.Code] = o.WorkID
		if o.Outcome != nil && o.Outcome.Final != nil {
			results = append(results, essay.Result{WorkID: o.WorkID, Category: o.Category, Final: *o.Outcome.Final})
		}
	}
	proposed, err := essay.AwardPrizes(results, req.Plan)
	if err != nil {
		return err
	}
	adjust := make([]essay.Adjustment, len(req.Adjust))
	for i, a := range req.Adjust {
		adjust[i] = essay.Adjustment{WorkID: byCode[a.Code], Tier: a.Tier}
	}
	awards, err := essay.AdjustAwards(proposed, results, adjust, req.Plan.Tiers)
	if err != nil {
		return err
	}
	var entrants []essay.Entrant
	for _, a := range awards {
		w, id, err := s.awardedWork(ctx, a.WorkID)
		if err != nil {
			return err
		}
		entrants = append(entrants, essay.Entrant{WorkID: w.ID, AuthorID: w.AuthorID, BirthDate: id.Author.BirthDate,
			UnitPath: w.UnitPath, SubmittedAt: w.SubmittedAt, Category: w.Category, Final: a.Final, Tier: a.Tier})
	}
	youngest, oldest := essay.Youngest(entrants), essay.Oldest(entrants)
	awards = essay.WithSpecials(awards, youngest, oldest)
	out := prizesDecided{Awards: s.awardViews(ctx, st, awards), Youngest: codes(c, s, youngest), Oldest: codes(c, s, oldest)}
	if req.YouthMaxAge > 0 && req.YouthQuota > 0 {
		youth, err := essay.Youth(entrants, req.YouthMaxAge, s.Now().UTC(), req.YouthQuota)
		if err != nil {
			return err
		}
		out.Youth = codes(c, s, youth)
	}
	if req.CollectiveMinTier != "" {
		units, err := essay.Collective(entrants, req.Plan.Tiers, req.CollectiveMinTier, max(req.CollectiveDepth, 1))
		if err != nil {
			return err
		}
		out.Collective = units
	}
	if req.Preview {
		out.Decided = false
		return c.JSON(out)
	}
	replaced, err := r.DecidePrizes(awards, req.Reason, s.Now())
	if err != nil {
		return err
	}
	if err := s.essay.UpdateEssayRound(ctx, r); err != nil {
		return err
	}
	action, data := "prizes.decided", map[string]any{"awards": len(awards)}
	if replaced {
		action, data["reason"] = "prizes.changed", contests.NFC(req.Reason)
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), action, "round:"+r.ID, data); err != nil {
		return err
	}
	out.Decided = true
	return c.JSON(out)
}

func (s *Server) awardViews(ctx context.Context, st essay.Settings, awards []essay.Award) []awardView {
	out := []awardView{}
	for _, a := range awards {
		w, err := s.essay.Work(ctx, a.WorkID)
		if err != nil {
			continue
		}
		name := a.TierName
		if name == "" {
			name = essay.TierLabel(a.Tier)
		}
		out = append(out, awardView{Code: w.Code, Title: w.Title, Category: string(a.Category), CategoryName: essay.CategoryLabel(st.Categories, a.Category),
			Tier: a.Tier, TierName: name, Final: st.RoundShown(a.Final), OverQuota: a.OverQuota, Adjusted: a.Adjusted, Special: a.Special})
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
