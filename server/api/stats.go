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
func statsAnswer(stats quiz.RoundStats, computedAt time.Time, v unitView) (statsView, error) {
	out := statsView{ComputedAt: computedAt}
	trimmed := stats
	trimmed.Units = make([]*quiz.UnitStats, len(stats.Units))
	for i, u := range stats.Units {
		trimmed.Units[i] = u.Shallow(v.depth)
	}
	out.Stats = trimmed
	if v.unitID != "" {
		node := stats.Find(v.unitID)
		if node == nil {
			return statsView{}, contests.NotFound("đơn vị trong phạm vi cuộc thi", "unit within the contest")
		}
		b := node.Breakdown()
		out.Unit, out.Breakdown = node.Shallow(v.depth), &b
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
	return c.JSON(roundStatsView{statsView: out, Round: statsRound{ID: r.ID, No: r.No, Title: r.Title, Phase: r.Phase(st.s.Now())}})
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
	lines := snap.Rounds
	if rc.report() {
		lines = []stats.RoundLine{}
	}
	return c.JSON(contestStatsView{statsView: out, Rounds: orEmpty(lines)})
}

// statsView is a statistics answer: the unit tree cut to the depth asked,
// the unit asked with its breakdown, and the caller's scope (manage: the
// whole contest; report: their unit only).
type statsView struct {
	ComputedAt time.Time           `json:"computedAt"`
	Stats      quiz.RoundStats     `json:"stats"`
	Unit       *quiz.UnitStats     `json:"unit,omitempty"`
	Breakdown  *quiz.UnitBreakdown `json:"breakdown,omitempty"`
	Scope      scopeDTO            `json:"scope"`
}

type statsRound struct {
	ID    string     `json:"id"`
	No    int        `json:"no"`
	Title string     `json:"title"`
	Phase quiz.Phase `json:"phase"`
}

type roundStatsView struct {
	statsView
	Round statsRound `json:"round"`
}

// contestStatsView adds the per-round lines (none for report access).
type contestStatsView struct {
	statsView
	Rounds []stats.RoundLine `json:"rounds"`
}

type itemsView struct {
	ComputedAt time.Time `json:"computedAt"`
	Attempts   int       `json:"attempts"`
	Items      []itemDTO `json:"items"`
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
	return c.JSON(itemsView{ComputedAt: at, Attempts: snap.Attempts, Items: items})
}
