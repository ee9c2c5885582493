package api

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/stats"
)

// Live statistics for the organizers of a contest's owning unit: the
// figures units report upward every week, and the item analysis of a
// round's questions. Organizers of a unit inside the contest read their
// unit's figures and weekly report too (report access, report_access.go);
// the item analysis and the summary stay with the owner's organizers.
// Every answer comes from a snapshot at most a minute old (server/stats),
// with the instant it was computed.

// statsAPI serves the statistics from the server's snapshots (server/stats).
type statsAPI struct {
	s     *Server
	stats *stats.Service
}

func (s *Server) statsRoutes(r fiber.Router) {
	st := &statsAPI{s: s, stats: s.Stats}
	org := requireRole(contests.RoleOrganizer)
	r.Get("/org/rounds/:rid/stats", org, st.roundStats)
	r.Get("/org/rounds/:rid/items", org, st.roundItems)
	r.Get("/org/rounds/:rid/report.xlsx", org, st.roundReport)
	r.Get("/org/rounds/:rid/items.xlsx", org, st.roundItemsXLSX)
	r.Get("/org/contests/:id/stats", org, st.contestStats)
	r.Get("/org/contests/:id/summary.xlsx", org, st.contestSummaryXLSX)
}

// unitView is what ?unitId= and ?depth= ask of a statistics answer.
type unitView struct {
	unitID string
	depth  int
}

const maxStatsDepth = 10

func readUnitView(c *fiber.Ctx) (unitView, error) {
	v := unitView{unitID: c.Query("unitId"), depth: 1}
	if d := c.Query("depth"); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > maxStatsDepth {
			return v, contests.Invalid(contests.Field("depth", contests.T("Độ sâu phải từ 0 đến %d", "Depth must be 0 to %d", maxStatsDepth)))
		}
		v.depth = n
	}
	return v, nil
}

// statsAnswer shapes statistics for JSON: the unit tree cut to the depth
// asked (a national tree has thousands of units), and with ?unitId= that
// unit's node with its own breakdown. The snapshot itself is shared by
// every request and never changed.
func statsAnswer(stats quiz.RoundStats, computedAt time.Time, v unitView) (fiber.Map, error) {
	out := fiber.Map{"computedAt": computedAt}
	trimmed := stats
	trimmed.Units = make([]*quiz.UnitStats, len(stats.Units))
	for i, u := range stats.Units {
		trimmed.Units[i] = u.Shallow(v.depth)
	}
	out["stats"] = trimmed
	if v.unitID != "" {
		node := stats.Find(v.unitID)
		if node == nil {
			return nil, contests.NotFound("đơn vị trong phạm vi cuộc thi", "unit within the contest")
		}
		out["unit"] = node.Shallow(v.depth)
		out["breakdown"] = node.Breakdown()
	}
	return out, nil
}

// roundStats answers managers and report-access organizers (their unit's
// figures only: scopedStatsAnswer).
func (st *statsAPI) roundStats(c *fiber.Ctx) error {
	r, _, rc, err := st.s.reachRound(c)
	if err != nil {
		return err
	}
	v, err := readUnitView(c)
	if err != nil {
		return err
	}
	snap, at, err := st.stats.Round(c.UserContext(), r.ID)
	if err != nil {
		return err
	}
	out, err := st.s.scopedStatsAnswer(c.UserContext(), snap.Stats, at, v, rc)
	if err != nil {
		return err
	}
	out["round"] = fiber.Map{"id": r.ID, "no": r.No, "title": r.Title, "phase": r.Phase(st.s.Now())}
	return c.JSON(out)
}

// contestStats answers like roundStats. The per-round lines are the whole
// contest's, so a report-access caller gets none: the unit's own figures
// per round come from each round's statistics.
func (st *statsAPI) contestStats(c *fiber.Ctx) error {
	ct, rc, err := st.s.reachQuiz(c)
	if err != nil {
		return err
	}
	v, err := readUnitView(c)
	if err != nil {
		return err
	}
	snap, at, err := st.stats.Contest(c.UserContext(), ct.ID)
	if err != nil {
		return err
	}
	out, err := st.s.scopedStatsAnswer(c.UserContext(), snap.Stats, at, v, rc)
	if err != nil {
		return err
	}
	out["rounds"] = snap.Rounds
	if rc.report() {
		out["rounds"] = []stats.RoundLine{}
	}
	return c.JSON(out)
}

// itemDTO is one question's analysis with the words organizers know it by.
type itemDTO struct {
	quiz.ItemStat
	Text       string          `json:"text"`
	Topic      string          `json:"topic,omitempty"`
	Difficulty quiz.Difficulty `json:"difficulty"`
	Retired    bool            `json:"retired,omitempty"`
}

func (st *statsAPI) roundItems(c *fiber.Ctx) error {
	r, _, err := st.s.orgRound(c)
	if err != nil {
		return err
	}
	snap, at, err := st.stats.Items(c.UserContext(), r.ID)
	if err != nil {
		return err
	}
	items := make([]itemDTO, len(snap.Rows))
	for i, row := range snap.Rows {
		q := row.Question
		items[i] = itemDTO{ItemStat: row.Stat, Text: q.Text, Topic: q.Topic, Difficulty: q.Difficulty, Retired: q.Retired}
	}
	return c.JSON(fiber.Map{"computedAt": at, "attempts": snap.Attempts, "items": items})
}
