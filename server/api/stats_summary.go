package api

import (
	"bytes"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/server/excel"
	"hoithi/server/stats"
)

// contestSummaryXLSX sends the whole contest's summary workbook: the
// figures come from the contest's statistics snapshot (never a scan of its
// own), the rounds' dates and states from the rounds, the prizes from the
// standings of the rounds whose results are computed.
func (st *statsAPI) contestSummaryXLSX(c *fiber.Ctx) error {
	ct, err := st.s.quizContest(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	snap, at, err := st.stats.Contest(ctx, ct.ID)
	if err != nil {
		return err
	}
	rounds, err := st.s.quiz.RoundsOf(ctx, ct.ID)
	if err != nil {
		return err
	}
	// A round created after the snapshot has no line yet: zeros.
	counted := make(map[string]stats.RoundLine, len(snap.Rounds))
	for _, l := range snap.Rounds {
		counted[l.ID] = l
	}
	stats := snap.Stats
	sum := excel.ContestSummary{Contest: ct.Title, OwnerUnit: st.s.unitNames.name(ctx, ct.OwnerUnitID), ComputedAt: at,
		Totals: stats.Counts, Units: stats.Units, Unplaced: stats.Unplaced, Breakdown: stats.Breakdown, ByDay: stats.ByDay}
	now := st.s.Now()
	for _, r := range rounds {
		line := excel.SummaryRound{No: r.No, Title: r.Title, OpensAt: r.OpensAt, ClosesAt: r.ClosesAt, Phase: r.Phase(now),
			ResultsComputed: !r.ResultsAt.IsZero(), Counts: counted[r.ID].Counts}
		if line.ResultsComputed {
			winners, err := st.s.winnerStandings(ctx, r.ID, r.Tiers)
			if err != nil {
				return err
			}
			line.Prizes = len(winners)
		}
		sum.Rounds = append(sum.Rounds, line)
	}
	var buf bytes.Buffer
	if err := excel.WriteContestSummary(&buf, sum); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, fmt.Sprintf("tong-hop-cuoc-thi-%s.xlsx", ct.Slug), buf.Bytes())
}
