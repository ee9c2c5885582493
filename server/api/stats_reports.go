package api

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/excel"
)

// The weekly report a unit sends upward in one click, and the item analysis
// as a workbook. Both read the same snapshots as the dashboard.

// roundReport sends the statistics of a round for the unit of ?unitId= (the
// contest's whole tree by default; for report access, the caller's unit by
// default and never a unit outside it): one line per child unit, with the
// prizes its members won when results are computed, a second sheet by
// occupation, age band and gender, and a sheet saying what and when.
func (st *statsAPI) roundReport(c *fiber.Ctx) error {
	r, ct, rc, err := st.s.reachRound(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	snap, at, err := st.stats.Round(ctx, r.ID)
	if err != nil {
		return err
	}
	stats := snap.Stats
	node, whole := wholeTree(stats), true
	if rc.report() {
		if _, node, _, err = st.s.reportView(ctx, stats, c.Query("unitId"), rc); err != nil {
			return err
		}
		whole = false
	} else if id := c.Query("unitId"); id != "" {
		if node = stats.Find(id); node == nil {
			return contests.NotFound("đơn vị trong phạm vi cuộc thi", "unit within the contest")
		}
		whole = len(stats.Units) == 1 && stats.Units[0] == node
	}
	var winners []quiz.Standing
	if !r.ResultsAt.IsZero() {
		if winners, err = st.s.winnerStandings(ctx, r.ID, r.Tiers); err != nil {
			return err
		}
	}
	report := excel.StatsReport{Contest: ct.Title, Round: r.Title, ComputedAt: at}
	for _, t := range r.Tiers {
		report.Tiers = append(report.Tiers, t.Name)
	}
	report.Rows = reportLines(node, whole, stats, r.Tiers, winners)
	if whole {
		report.Unit, report.Breakdown = node.Name, stats.Breakdown
		report.Total = excel.ReportUnitRow{Code: node.Code, Name: node.Name, Headcount: node.Headcount, Target: node.Target, Counts: stats.Counts}
	} else {
		report.Unit, report.Breakdown = node.Name, node.Breakdown().Breakdown
		report.Total = excel.ReportUnitRow{Code: node.Code, Name: node.Name, Headcount: node.Headcount, Target: node.Target, Counts: node.Counts}
	}
	var buf bytes.Buffer
	if err := excel.WriteStatsReport(&buf, report); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, fmt.Sprintf("bao-cao-thong-ke-%s-tuan-%d.xlsx", ct.Slug, r.No), buf.Bytes())
}

// wholeTree is the node the report of the whole contest starts from: the
// tree's root, or when the units have several roots (a contest with no
// owner subtree) a node above them that no unit path reaches.
func wholeTree(stats quiz.RoundStats) *quiz.UnitStats {
	if len(stats.Units) == 1 {
		return stats.Units[0]
	}
	placed := stats.Counts
	placed.People -= stats.Unplaced.People
	placed.Attempts -= stats.Unplaced.Attempts
	placed.AllCorrect -= stats.Unplaced.AllCorrect
	return &quiz.UnitStats{Name: "Toàn bộ phạm vi cuộc thi", Path: "\x00", Children: stats.Units, Counts: placed}
}

// reportLines are the lines that add up to the unit's total: each child,
// the people attached to the unit itself (when any, or when the unit has no
// children: then it is its own only line) and, for the whole tree, the
// people whose unit is outside it. Prizes go to the line whose subtree
// holds the winner's unit.
func reportLines(node *quiz.UnitStats, whole bool, stats quiz.RoundStats, tiers []quiz.Tier, winners []quiz.Standing) []excel.ReportUnitRow {
	type line struct {
		row  excel.ReportUnitRow
		path string // "" for the line of people outside the tree
	}
	newLine := func(code, name string, n quiz.Counts, path string) *line {
		return &line{row: excel.ReportUnitRow{Code: code, Name: name, Counts: n, Prizes: make([]int, len(tiers))}, path: path}
	}
	var children []*line
	own := node.Counts
	for _, ch := range node.Children {
		l := newLine(ch.Code, ch.Name, ch.Counts, ch.Path)
		l.row.Headcount, l.row.Target = ch.Headcount, ch.Target
		children = append(children, l)
		own.People, own.Attempts, own.AllCorrect = own.People-ch.People, own.Attempts-ch.Attempts, own.AllCorrect-ch.AllCorrect
	}
	// The people attached to the unit itself have no headcount or target
	// of their own: the unit's are its whole subtree's.
	direct := newLine(node.Code, node.Name+" (trực thuộc trực tiếp)", own, node.Path)
	if len(node.Children) == 0 {
		direct.row.Name, direct.row.Headcount, direct.row.Target = node.Name, node.Headcount, node.Target
	}
	var outside *line
	if whole {
		outside = newLine("", "Ngoài danh sách đơn vị của cuộc thi", stats.Unplaced, "")
	}
	tierIndex := make(map[string]int, len(tiers))
	for i, t := range tiers {
		tierIndex[t.Key] = i
	}
	for _, w := range winners {
		ti, ok := tierIndex[w.Prize]
		if !ok {
			continue // a tier no longer in the rules
		}
		target := outside // nil when only a unit's lines are wanted
		if strings.HasPrefix(w.UnitPath, direct.path) {
			target = direct
		}
		for _, l := range children {
			if strings.HasPrefix(w.UnitPath, l.path) {
				target = l
			}
		}
		if target != nil {
			target.row.Prizes[ti]++
		}
	}
	out := make([]excel.ReportUnitRow, 0, len(children)+2)
	for _, l := range children {
		out = append(out, l.row)
	}
	counts := func(l *line) bool {
		return l.row.Attempts > 0 || slices.ContainsFunc(l.row.Prizes, func(n int) bool { return n > 0 })
	}
	if len(node.Children) == 0 || counts(direct) {
		out = append(out, direct.row)
	}
	if outside != nil && counts(outside) {
		out = append(out, outside.row)
	}
	return out
}

// roundItemsXLSX sends the item analysis of a round, questions in the
// bank's order.
func (st *statsAPI) roundItemsXLSX(c *fiber.Ctx) error {
	r, ct, err := st.s.orgRound(c)
	if err != nil {
		return err
	}
	snap, _, err := st.stats.Items(c.UserContext(), r.ID)
	if err != nil {
		return err
	}
	rows := make([]excel.ItemRow, len(snap.Rows))
	for i, row := range snap.Rows {
		rows[i] = excel.ItemRow{Question: row.Question, Stat: row.Stat}
	}
	var buf bytes.Buffer
	if err := excel.WriteItemAnalysis(&buf, rows); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, fmt.Sprintf("phan-tich-cau-hoi-%s-tuan-%d.xlsx", ct.Slug, r.No), buf.Bytes())
}
