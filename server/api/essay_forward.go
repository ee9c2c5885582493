package api

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

type forwardRequest struct {
	ToContestID string  `json:"toContestId"`
	RoundID     string  `json:"roundId"`
	TopN        int     `json:"topN"`
	MinScore    float64 `json:"minScore"`
	// CategoryMap sends a category to a destination category by key; the
	// rest go to the same key or the same name (essay.MapCategories).
	CategoryMap map[essay.CategoryKey]essay.CategoryKey `json:"categoryMap"`
	// Preview lists what would be sent without sending it.
	Preview bool `json:"preview"`
}

// forwardTarget is an open essay contest of a unit above, by name: the
// forwarding form's choice (the ID only travels back in the request).
type forwardTarget struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	UnitName   string          `json:"unitName"`
	Categories []categoryLabel `json:"categories"`
}

type categoryLabel struct {
	Key  essay.CategoryKey `json:"key"`
	Name string            `json:"name"`
}

// forwardTargets lists the open essay contests of the units above the
// contest's owner (published, deadline not passed), nearest unit first.
func (s *Server) forwardTargets(c *fiber.Ctx) error {
	ct, _, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	above, err := s.Store.ContestsOwnedAt(ctx, contests.StrictAncestorPaths(ct.OwnerUnitPath), true)
	if err != nil {
		return err
	}
	slices.SortStableFunc(above, func(a, b *contests.Contest) int { return len(b.OwnerUnitPath) - len(a.OwnerUnitPath) })
	out := []forwardTarget{}
	for _, p := range above {
		st, err := essay.ParseSettings(p.Settings)
		if p.Kind != contests.KindEssay || p.Status != contests.ContestPublished || err != nil || !st.Open(s.Now()) {
			continue
		}
		t := forwardTarget{ID: p.ID, Title: p.Title, UnitName: s.unitNames.name(ctx, p.OwnerUnitID), Categories: []categoryLabel{}}
		for _, cat := range st.Categories {
			t.Categories = append(t.Categories, categoryLabel{Key: cat.Key, Name: cat.Name})
		}
		out = append(out, t)
	}
	return c.JSON(forwardTargets{Targets: out})
}

// forwardItem is one work of a forwarding, as the confirmation lists it.
type forwardItem struct {
	Code         string  `json:"code"`
	Title        string  `json:"title"`
	CategoryName string  `json:"categoryName"`
	ToCategory   string  `json:"toCategory"`
	Final        float64 `json:"final"`
	Prize        string  `json:"prize,omitempty"`
	// Already: this work was forwarded to that contest before; nothing new
	// is created for it.
	Already bool `json:"already"`
}

// forwardWorks sends the best works of a closed round (top N and/or from a
// score up) to an essay contest one level up: each becomes a new entry
// there, with its files and identity sheet, and remembers where it came
// from, its final score and prize. A unit may forward to several upper
// contests. Forwarding is idempotent on the origin work: the new entry's ID
// is derived from the work and the destination (essay.ForwardedWorkID), so
// a second click finds it and the store's unique ID refuses a duplicate on
// both engines. Works tied at the cap are not chosen by the software: they
// come back for the organizer.
func (s *Server) forwardWorks(c *fiber.Ctx) error {
	ct, st, err := s.organizerContest(c, c.Params("cid"))
	if err != nil {
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
	parentSettings, err := essay.ParseSettings(parent.Settings)
	if err != nil {
		return err
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
	var needed []essay.CategoryKey
	for _, res := range sel.Selected {
		needed = append(needed, res.Category)
	}
	catMap, err := essay.MapCategories(st.Categories, parentSettings.Categories, req.CategoryMap, needed)
	if err != nil {
		return err
	}
	prizes := map[string]string{}
	for _, a := range r.Awards {
		if !a.Special && prizes[a.WorkID] == "" {
			prizes[a.WorkID] = cmp.Or(a.TierName, essay.TierLabel(a.Tier))
		}
	}
	items := []forwardItem{}
	created := 0
	for _, res := range sel.Selected {
		w, err := s.essay.Work(ctx, res.WorkID)
		if err != nil {
			return err
		}
		fwID := essay.ForwardedWorkID(w.ID, parent.ID)
		toCat, _ := essay.FindCategory(parentSettings.Categories, catMap[w.Category])
		item := forwardItem{Code: w.Code, Title: w.Title, CategoryName: categoryName(st, w.Category), ToCategory: toCat.Name,
			Final: st.RoundShown(res.Final), Prize: prizes[w.ID]}
		if _, err := s.essay.Work(ctx, fwID); err == nil {
			item.Already = true
		} else if contests.ErrorCode(err) != contests.CodeNotFound {
			return err
		}
		if !item.Already && !req.Preview {
			made, err := s.forwardOne(ctx, w, fwID, ct, parent, catMap[w.Category], res.Final, item.Prize)
			if err != nil {
				return err
			}
			item.Already = !made
			if made {
				created++
				if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "work.forwarded", "work:"+w.Code, map[string]any{"to": parent.ID, "newWork": fwID, "final": res.Final}); err != nil {
					return err
				}
			}
		}
		items = append(items, item)
	}
	tied := []string{}
	for _, t := range sel.TiedAtCap {
		if w, err := s.essay.Work(ctx, t.WorkID); err == nil {
			tied = append(tied, w.Code)
		}
	}
	return c.JSON(forwardDone{Forwarded: created, Works: items, TiedAtCap: tied, Preview: req.Preview,
		To: forwardedTo{Title: parent.Title, UnitName: s.unitNames.name(ctx, parent.OwnerUnitID)}})
}

// forwardOne copies w and its identity sheet into parent as entry fwID; it
// reports false when another request made that entry first. The identity
// is written first (an upsert of the same sheet), so a crash in between
// leaves no entry without its sheet.
func (s *Server) forwardOne(ctx context.Context, w *essay.Work, fwID string, ct, parent *contests.Contest, toCat essay.CategoryKey, final float64, prize string) (bool, error) {
	id, err := s.identities.Identity(ctx, w.ID)
	if err != nil {
		return false, err
	}
	now := s.Now().UTC()
	fw := *w
	fw.ID, fw.ContestID, fw.Category, fw.Receipt, fw.Code, fw.Status = fwID, parent.ID, toCat, newCode(), "", essay.WorkSubmitted
	fw.Round, fw.RejectReason, fw.Version, fw.SubmittedAt, fw.UpdatedAt = 0, "", 1, now, now
	fw.Origin = &essay.Origin{ContestID: ct.ID, WorkID: w.ID, ContestName: ct.Title, UnitName: s.unitNames.name(ctx, ct.OwnerUnitID), Final: final, Prize: prize}
	idCopy := *id
	idCopy.WorkID, idCopy.ContestID, idCopy.UpdatedAt = fw.ID, parent.ID, now
	if err := s.identities.PutIdentity(ctx, &idCopy); err != nil {
		return false, err
	}
	err = s.essay.CreateWork(ctx, &fw)
	if contests.ErrorCode(err) == contests.CodeConflict && conflictField(err) == "id" {
		return false, nil
	}
	return err == nil, err
}
