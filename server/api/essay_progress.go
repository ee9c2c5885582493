package api

import (
	"sort"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests/essay"
)

// judgeProgress is one judge's figures in a round, for the secretariat.
type judgeProgress struct {
	JudgeID  string `json:"judgeId"`
	FullName string `json:"fullName"`
	Phone    string `json:"phone"`
	Assigned int    `json:"assigned"`
	Scored   int    `json:"scored"`
	Pending  int    `json:"pending"`
	// Third counts the seats the judge holds as third (or head) judge.
	Third int `json:"third"`
	// PendingCodes are the works still waiting for this judge.
	PendingCodes []string   `json:"pendingCodes"`
	LastActivity *time.Time `json:"lastActivity,omitempty"`
}

// roundProgress answers GET /org/essay/rounds/{rid}/progress.
type roundProgress struct {
	Judges []judgeProgress `json:"judges"`
}

// essayProgress is the per-judge progress of a round: assigned, scored and
// pending sheets, the works each judge still owes, the third-judge seats
// and the last time the judge saved a sheet.
func (s *Server) essayProgress(c *fiber.Ctx) error {
	r, _, err := s.staffRound(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	seats, err := s.essay.SeatsOfRound(ctx, r.ID)
	if err != nil {
		return err
	}
	sheets, err := s.essay.ScoresOfRound(ctx, r.ID)
	if err != nil {
		return err
	}
	type key struct{ work, judge string }
	byKey := map[key]essay.Score{}
	for _, sc := range sheets {
		byKey[key{sc.WorkID, sc.JudgeID}] = sc
	}
	codes := map[string]string{}
	progress := map[string]*judgeProgress{}
	var ids []string
	for _, seat := range seats {
		if seat.Recused {
			continue
		}
		p := progress[seat.JudgeID]
		if p == nil {
			p = &judgeProgress{JudgeID: seat.JudgeID, PendingCodes: []string{}}
			progress[seat.JudgeID] = p
			ids = append(ids, seat.JudgeID)
		}
		p.Assigned++
		if seat.Kind == essay.ScoreThird || seat.Kind == essay.ScoreHead {
			p.Third++
		}
		sc, ok := byKey[key{seat.WorkID, seat.JudgeID}]
		if ok && (p.LastActivity == nil || sc.UpdatedAt.After(*p.LastActivity)) {
			at := sc.UpdatedAt
			p.LastActivity = &at
		}
		if ok && sc.Status == essay.ScoreSubmitted {
			p.Scored++
			continue
		}
		p.Pending++
		if _, known := codes[seat.WorkID]; !known {
			if w, err := s.essay.Work(ctx, seat.WorkID); err == nil {
				codes[seat.WorkID] = w.Code
			}
		}
		p.PendingCodes = append(p.PendingCodes, codes[seat.WorkID])
	}
	users, err := s.Store.UsersByIDs(ctx, ids)
	if err != nil {
		return err
	}
	out := make([]judgeProgress, 0, len(ids))
	for _, id := range ids {
		p := progress[id]
		if u := users[id]; u != nil {
			p.FullName, p.Phone = u.FullName, u.Phone
		}
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].FullName < out[j].FullName })
	return c.JSON(roundProgress{Judges: out})
}
