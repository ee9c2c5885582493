package api

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/binary"
	"slices"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

type essayRoundRequest struct {
	No            int               `json:"no"`
	Name          string            `json:"name"`
	Kind          essay.RoundKind   `json:"kind"`
	Rubric        essay.Rubric      `json:"rubric"`
	JudgesPerWork int               `json:"judgesPerWork"`
	Policy        essay.Policy      `json:"policy"`
	Threshold     float64           `json:"threshold"`
	Advance       essay.AdvanceRule `json:"advance"`
	Panels        []essay.Panel     `json:"panels"`
}

func (s *Server) listEssayRounds(c *fiber.Ctx) error {
	ct, _, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	list, err := s.essay.EssayRoundsOf(c.UserContext(), ct.ID)
	if err != nil {
		return err
	}
	return c.JSON(essayRoundsResponse{Rounds: orEmpty(list)})
}

// createEssayRound sets a judging round up: rubric, judges per work,
// discrepancy policy, advancement and the panel of each category.
func (s *Server) createEssayRound(c *fiber.Ctx) error {
	ct, st, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	var req essayRoundRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.checkRoundRequest(c.UserContext(), ct, st, &req); err != nil {
		return err
	}
	r := &essay.Round{ID: store.NewID(), ContestID: ct.ID, No: req.No, Name: contests.NFC(req.Name), Kind: req.Kind,
		Rubric: req.Rubric, JudgesPerWork: req.JudgesPerWork, Policy: req.Policy, Threshold: req.Threshold,
		Advance: req.Advance, Panels: req.Panels, Status: essay.RoundSetup, UpdatedAt: s.Now().UTC()}
	if err := s.essay.CreateEssayRound(c.UserContext(), r); err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(essayRoundResponse{Round: r})
}

// checkRoundRequest validates a round as sent for creation or an edit;
// every field at fault is named.
func (s *Server) checkRoundRequest(ctx context.Context, ct *contests.Contest, st essay.Settings, req *essayRoundRequest) error {
	var errs contests.Errors
	if req.No < 1 || req.No > 20 {
		errs.Add("no", contests.T("Số thứ tự vòng từ 1 đến 20", "Round number must be 1 to 20"))
	}
	if req.Kind != essay.RoundPreliminary && req.Kind != essay.RoundFinal {
		errs.Add("kind", contests.T("Vòng phải là sơ khảo hoặc chung khảo", "Kind must be preliminary or final"))
	}
	if err := essay.ValidateRubric(req.Rubric); err != nil {
		for _, f := range err.(*contests.Error).Fields {
			errs.Add("rubric."+f.Field, f.Msg)
		}
	}
	if req.JudgesPerWork < 1 || req.JudgesPerWork > 7 {
		errs.Add("judgesPerWork", contests.T("Số giám khảo mỗi bài từ 1 đến 7", "Judges per work must be 1 to 7"))
	}
	if !slices.Contains(essay.Policies, req.Policy) {
		errs.Add("policy", contests.T("Cách xử lý chênh lệch không hợp lệ", "Unknown discrepancy policy"))
	}
	if req.Threshold < 0 || req.Threshold > req.Rubric.Scale {
		errs.Add("threshold", contests.T("Ngưỡng chênh lệch phải trong thang điểm", "The threshold must be within the scale"))
	}
	for i, p := range req.Panels {
		if _, ok := essay.FindCategory(st.Categories, p.Category); !ok {
			errs.Add("panels["+itoa(i)+"].category", contests.T("Thể loại không có trong cuộc thi", "Unknown category"))
		}
		if len(p.JudgeIDs) < req.JudgesPerWork {
			errs.Add("panels["+itoa(i)+"].judgeIds", contests.T("Tiểu ban cần ít nhất %d giám khảo", "The panel needs at least %d judges", req.JudgesPerWork))
		}
		for _, j := range p.JudgeIDs {
			if u, err := s.Store.UserByID(ctx, j); err != nil || !contests.Allowed(u.Grants, ct.OwnerUnitPath, contests.RoleJudge) {
				errs.Add("panels["+itoa(i)+"].judgeIds", contests.T("%s không phải giám khảo của cuộc thi", "%s is not a judge of this contest", j))
			}
		}
	}
	return errs.Err()
}

// pool gathers what assignment needs (see essayPool).
func (s *Server) pool(ctx context.Context, ct *contests.Contest, r *essay.Round, seats []essay.Seat) (essay.Pool, error) {
	return essayPool(ctx, s.essay, s.userUnit, ct, r, seats)
}

// userUnit returns the unit path of an account.
func (s *Server) userUnit(ctx context.Context, id string) (string, error) {
	u, err := s.Store.UserByID(ctx, id)
	if err != nil {
		return "", err
	}
	return u.UnitPath, nil
}

// essayPool gathers what assignment needs: the round's works (accepted, and
// for later rounds those that advanced) and judges with their units and
// declared conflicts (a recused seat). unitOf gives a judge's unit path.
func essayPool(ctx context.Context, works store.Works, unitOf func(context.Context, string) (string, error),
	ct *contests.Contest, r *essay.Round, seats []essay.Seat) (essay.Pool, error) {
	list, _, err := works.WorksOf(ctx, ct.ID, store.WorkFilter{Status: essay.WorkAccepted, MinRound: r.No - 1, Limit: 1000})
	if err != nil {
		return essay.Pool{}, err
	}
	p := essay.Pool{RootPath: ct.OwnerUnitPath}
	for _, w := range list {
		p.Works = append(p.Works, essay.WorkRef{ID: w.ID, UnitPath: w.UnitPath, Category: w.Category})
	}
	judges := map[string]*essay.JudgeRef{}
	for _, panel := range r.Panels {
		for _, id := range panel.JudgeIDs {
			j := judges[id]
			if j == nil {
				unit, err := unitOf(ctx, id)
				if err != nil {
					return essay.Pool{}, err
				}
				j = &essay.JudgeRef{ID: id, UnitPath: unit}
				judges[id] = j
			}
			j.Categories = append(j.Categories, panel.Category)
			j.Head = j.Head || panel.HeadID == id
		}
	}
	for _, seat := range seats {
		if j := judges[seat.JudgeID]; j != nil && seat.Recused {
			j.Conflicts = append(j.Conflicts, seat.WorkID)
		}
	}
	for _, j := range judges {
		p.Judges = append(p.Judges, *j)
	}
	slices.SortFunc(p.Judges, func(a, b essay.JudgeRef) int { return cmp.Compare(a.ID, b.ID) })
	return p, nil
}

// assignEssayRound assigns every work of the round to its judges,
// balanced, without conflicts, reproducibly from a seed it records.
func (s *Server) assignEssayRound(c *fiber.Ctx) error {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return err
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	now := s.Now().UTC()
	if err := r.Start(binary.LittleEndian.Uint64(b[:]), now); err != nil {
		return err
	}
	ctx := c.UserContext()
	p, err := s.pool(ctx, ct, r, nil)
	if err != nil {
		return err
	}
	assignment, err := p.Assign(r.JudgesPerWork, r.Seed)
	if err != nil {
		return err
	}
	var seats []essay.Seat
	for work, judges := range assignment {
		for _, j := range judges {
			seats = append(seats, essay.Seat{RoundID: r.ID, WorkID: work, JudgeID: j, Kind: essay.ScoreRegular, AssignedAt: now})
		}
	}
	if err := s.essay.PutSeats(ctx, seats); err != nil {
		return err
	}
	if err := s.essay.UpdateEssayRound(ctx, r); err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "round.assigned", "round:"+r.ID, map[string]any{"seed": r.Seed, "works": len(assignment), "seats": len(seats)}); err != nil {
		return err
	}
	return c.JSON(roundAssigned{Round: r, Works: len(assignment), Seats: len(seats)})
}

// staffRound loads a round for its contest's secretariat.
func (s *Server) staffRound(c *fiber.Ctx) (*essay.Round, *contests.Contest, error) {
	r, err := s.essay.EssayRound(c.UserContext(), c.Params("rid"))
	if err != nil {
		return nil, nil, err
	}
	ct, _, err := s.staffContest(c, r.ContestID)
	return r, ct, err
}

// organizerRound is staffRound for what only the organizers of the owning
// unit may do (deciding and exporting prizes).
func (s *Server) organizerRound(c *fiber.Ctx) (*essay.Round, *contests.Contest, error) {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return nil, nil, err
	}
	return r, ct, allowAt(c, ct.OwnerUnitPath, contests.RoleOrganizer)
}
