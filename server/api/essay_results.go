package api

import (
	"cmp"
	"context"
	"slices"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// workOutcome is a work's standing with the code and category the
// secretariat reads it by.
type workOutcome struct {
	essay.WorkStanding
	Code     string            `json:"code"`
	Category essay.CategoryKey `json:"category"`
}

// outcomes computes every work's standing in round r, ordered by code.
func (s *Server) outcomes(ctx context.Context, r *essay.Round) ([]workOutcome, error) {
	seats, err := s.essay.SeatsOfRound(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	sheets, err := s.essay.ScoresOfRound(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	standings, err := essay.Standings(seats, sheets, r.Policy, r.Threshold)
	if err != nil {
		return nil, err
	}
	out := make([]workOutcome, 0, len(standings))
	for _, st := range standings {
		w, err := s.essay.Work(ctx, st.WorkID)
		if err != nil {
			return nil, err
		}
		out = append(out, workOutcome{WorkStanding: st, Code: w.Code, Category: w.Category})
	}
	slices.SortFunc(out, func(a, b workOutcome) int { return cmp.Compare(a.Code, b.Code) })
	return out, nil
}

func (s *Server) essayResults(c *fiber.Ctx) error {
	r, _, err := s.staffRound(c)
	if err != nil {
		return err
	}
	list, err := s.outcomes(c.UserContext(), r)
	if err != nil {
		return err
	}
	discrepancies := 0
	for _, o := range list {
		if o.Outcome != nil && (o.Outcome.NeedsThird || o.Outcome.NeedsHead) {
			discrepancies++
		}
	}
	return c.JSON(essayRoundResults{Round: r, Works: list, Discrepancies: discrepancies})
}

// assignThirdJudge seats a third judge (or the panel head, under the
// head_judge policy) on a work whose scores are too far apart.
func (s *Server) assignThirdJudge(c *fiber.Ctx) error {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return err
	}
	ctx, workID := c.UserContext(), c.Params("wid")
	list, err := s.outcomes(ctx, r)
	if err != nil {
		return err
	}
	var o *workOutcome
	for i := range list {
		if list[i].WorkID == workID {
			o = &list[i]
		}
	}
	if o == nil || o.Outcome == nil || !(o.Outcome.NeedsThird || o.Outcome.NeedsHead) {
		return contests.E(contests.CodeConflict, contests.T("Tác phẩm không có chênh lệch cần giám khảo thứ ba", "The work has no discrepancy to settle"))
	}
	seats, err := s.essay.SeatsOfRound(ctx, r.ID)
	if err != nil {
		return err
	}
	p, err := s.pool(ctx, ct, r, seats)
	if err != nil {
		return err
	}
	current := essay.Assignment{}
	for _, seat := range seats {
		if !seat.Recused {
			current[seat.WorkID] = append(current[seat.WorkID], seat.JudgeID)
		}
	}
	kind := essay.ScoreThird
	var judge string
	if o.Outcome.NeedsHead {
		kind = essay.ScoreHead
		judge, err = p.PickHead(current, workID, r.Seed)
	} else {
		_, judge, err = p.AssignThird(current, workID, r.Seed)
	}
	if err != nil {
		return err
	}
	seat := essay.Seat{RoundID: r.ID, WorkID: workID, JudgeID: judge, Kind: kind, AssignedAt: s.Now().UTC()}
	if err := s.essay.PutSeats(ctx, []essay.Seat{seat}); err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "seat.third", "work:"+workID, map[string]any{"round": r.ID, "judge": judge, "kind": kind}); err != nil {
		return err
	}
	return c.JSON(seatResponse{Seat: seat})
}

// closeEssayRound decides the round: every work needs a final score; those
// the advancement rule keeps go on to the next round.
func (s *Server) closeEssayRound(c *fiber.Ctx) error {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return err
	}
	if err := r.Closable(); err != nil {
		return err
	}
	ctx := c.UserContext()
	list, err := s.outcomes(ctx, r)
	if err != nil {
		return err
	}
	var results []essay.Result
	var open contests.Errors
	for _, o := range list {
		if o.Outcome == nil || o.Outcome.Final == nil {
			open.Add("works."+o.Code, contests.T("Tác phẩm %s chưa có điểm cuối cùng", "Work %s has no final score yet", o.Code))
			continue
		}
		results = append(results, essay.Result{WorkID: o.WorkID, Category: o.Category, Final: *o.Outcome.Final})
	}
	if err := open.Err(); err != nil {
		return err
	}
	advancing, err := essay.Advance(results, r.Advance)
	if err != nil {
		return err
	}
	for _, a := range advancing {
		if _, err := s.mutateWork(ctx, a.WorkID, func(w *essay.Work) error {
			w.Round = max(w.Round, r.No)
			return nil
		}); err != nil {
			return err
		}
	}
	if err := r.Close(s.Now()); err != nil {
		return err
	}
	if err := s.essay.UpdateEssayRound(ctx, r); err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "round.closed", "round:"+r.ID, map[string]any{"results": len(results), "advancing": len(advancing)}); err != nil {
		return err
	}
	return c.JSON(roundClosed{Round: r, Results: orEmpty(results), Advancing: orEmpty(advancing)})
}
