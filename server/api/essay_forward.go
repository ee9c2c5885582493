package api

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

type forwardRequest struct {
	ToContestID string  `json:"toContestId"`
	RoundID     string  `json:"roundId"`
	TopN        int     `json:"topN"`
	MinScore    float64 `json:"minScore"`
}

// forwardWorks sends the best works of a closed round (top N and/or from a
// score up) to an essay contest one level up: each becomes a new entry
// there, with its files and identity sheet, and remembers where it came
// from. A unit may forward to several upper contests. Works tied at the cap
// are not chosen by the software: they come back for the organizer.
func (s *Server) forwardWorks(c *fiber.Ctx) error {
	ct, _, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	if err := allowAt(c, ct.OwnerUnitPath, contests.RoleOrganizer); err != nil {
		return err
	}
	var req forwardRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	parent, err := s.Store.ContestByID(ctx, req.ToContestID)
	if err != nil || parent.Kind != contests.KindEssay || parent.Status != contests.ContestPublished ||
		parent.OwnerUnitPath == ct.OwnerUnitPath || !strings.HasPrefix(ct.OwnerUnitPath, parent.OwnerUnitPath) {
		return contests.Invalid(contests.Field("toContestId", contests.T(
			"Chỉ chuyển lên cuộc thi viết đang mở của cấp trên", "Works go only to an open essay contest of a unit above")))
	}
	r, err := s.essay.EssayRound(ctx, req.RoundID)
	if err != nil || r.ContestID != ct.ID || r.Status != essay.RoundClosed {
		return contests.Invalid(contests.Field("roundId", contests.T("Chọn một vòng chấm đã kết thúc", "Choose a closed round")))
	}
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
	sel, err := essay.SelectForForwarding(results, essay.ForwardRule{TopN: req.TopN, MinScore: req.MinScore})
	if err != nil {
		return err
	}
	unitName := s.unitNames.name(ctx, ct.OwnerUnitID)
	now := s.Now().UTC()
	forwarded := []string{}
	for _, res := range sel.Selected {
		w, err := s.essay.Work(ctx, res.WorkID)
		if err != nil {
			return err
		}
		id, err := s.identities.Identity(ctx, w.ID)
		if err != nil {
			return err
		}
		fw := *w
		fw.ID, fw.ContestID, fw.Receipt, fw.Code, fw.Status = store.NewID(), parent.ID, newCode(), "", essay.WorkSubmitted
		fw.Round, fw.RejectReason, fw.Version, fw.SubmittedAt, fw.UpdatedAt = 0, "", 1, now, now
		fw.Origin = &essay.Origin{ContestID: ct.ID, WorkID: w.ID, ContestName: ct.Title, UnitName: unitName, Final: res.Final}
		idCopy := *id
		idCopy.WorkID, idCopy.ContestID, idCopy.UpdatedAt = fw.ID, parent.ID, now
		if err := s.identities.PutIdentity(ctx, &idCopy); err != nil {
			return err
		}
		if err := s.essay.CreateWork(ctx, &fw); err != nil {
			return err
		}
		forwarded = append(forwarded, fw.ID)
		if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "work.forwarded", "work:"+w.Code, map[string]any{"to": parent.ID, "newWork": fw.ID, "final": res.Final}); err != nil {
			return err
		}
	}
	tied := []string{}
	for _, t := range sel.TiedAtCap {
		if w, err := s.essay.Work(ctx, t.WorkID); err == nil {
			tied = append(tied, w.Code)
		}
	}
	return c.JSON(fiber.Map{"forwarded": len(forwarded), "tiedAtCap": tied})
}
