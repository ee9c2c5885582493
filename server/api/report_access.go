package api

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// Report access (contests.ContestAccess): an organizer of a unit inside a
// published quiz contest's tree reads that unit's statistics and weekly
// report, and nothing else of the contest. The handlers that admit it load
// the contest through reachContest; every other /org route keeps using
// orgContest, which stays manage-only.

// reach is how the caller reaches one contest.
type reach struct {
	access contests.Access
	// reportGrants: for report access, the qualifying grants, outermost
	// first; the first is the default scope.
	reportGrants []contests.Grant
}

func (r reach) report() bool { return r.access == contests.AccessReport }

// reachContest loads contest id and how the caller reaches it: 404 when it
// does not exist, 403 when the caller neither manages nor reports for it.
func (s *Server) reachContest(c *fiber.Ctx, id string) (*contests.Contest, reach, error) {
	cl := claimsOf(c)
	if cl == nil {
		return nil, reach{}, errUnauthorized
	}
	ct, err := s.Store.ContestByID(c.UserContext(), id)
	if err != nil {
		return nil, reach{}, err
	}
	access, grants := contests.ContestAccess(cl.Grants, ct)
	if access == contests.AccessNone {
		return nil, reach{}, errForbidden
	}
	return ct, reach{access: access, reportGrants: grants}, nil
}

// reachQuiz is reachContest for a quiz contest (report access only ever
// reaches one).
func (s *Server) reachQuiz(c *fiber.Ctx) (*contests.Contest, reach, error) {
	ct, rc, err := s.reachContest(c, c.Params("id"))
	if err != nil {
		return nil, reach{}, err
	}
	if ct.Kind != contests.KindQuiz {
		return nil, reach{}, contests.Invalid(contests.Field("id", contests.T("Cuộc thi này không phải thi trắc nghiệm", "This contest is not a quiz")))
	}
	return ct, rc, nil
}

// reachRound loads the round of :rid with its contest and the caller's reach.
func (s *Server) reachRound(c *fiber.Ctx) (*quiz.Round, *contests.Contest, reach, error) {
	r, err := s.quiz.Round(c.UserContext(), c.Params("rid"))
	if err != nil {
		return nil, nil, reach{}, err
	}
	ct, rc, err := s.reachContest(c, r.ContestID)
	if err != nil {
		return nil, nil, reach{}, err
	}
	return r, ct, rc, nil
}

// reportUnitDTO names the unit whose figures a report-access caller sees.
type reportUnitDTO struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// withReach adds access (and the default report unit) to a contest DTO.
func (s *Server) withReach(ctx context.Context, d orgContestDTO, rc reach) orgContestDTO {
	if rc.access != contests.AccessNone { // none: a secretary, today's read view ("manage")
		d.Access = string(rc.access)
	}
	if rc.report() {
		g := rc.reportGrants[0]
		d.ReportUnit = &reportUnitDTO{ID: g.UnitID, Name: s.unitNames.name(ctx, g.UnitID)}
	}
	return d
}

// scopeDTO tells a statistics answer whose figures it holds.
type scopeDTO struct {
	Access   string `json:"access"`
	UnitID   string `json:"unitId"`
	UnitName string `json:"unitName"`
}

var manageScope = scopeDTO{Access: string(contests.AccessManage)}

// reportView resolves ?unitId= for report access against a snapshot: the
// unit asked (the default scope unit when none) must lie inside one of the
// caller's report grants, else 403. It returns the grant's node (the scope)
// and the node asked. A unit inside the scope that the snapshot does not
// hold yet (created within the last minute) is a 404, as for managers.
func (s *Server) reportView(ctx context.Context, stats quiz.RoundStats, unitID string, rc reach) (scope, asked *quiz.UnitStats, dto scopeDTO, err error) {
	if unitID == "" {
		unitID = rc.reportGrants[0].UnitID
	}
	var path string
	if asked = stats.Find(unitID); asked != nil {
		path = asked.Path
	} else if u, uerr := s.Store.UnitByID(ctx, unitID); uerr == nil {
		path = u.Path
	}
	g, ok := contests.ReportGrantFor(rc.reportGrants, path)
	if !ok { // also an unknown unit: no grant covers the empty path
		return nil, nil, scopeDTO{}, errForbidden
	}
	if scope = stats.Find(g.UnitID); scope == nil || asked == nil {
		return nil, nil, scopeDTO{}, contests.NotFound("đơn vị trong phạm vi cuộc thi", "unit within the contest")
	}
	return scope, asked, scopeDTO{Access: string(contests.AccessReport), UnitID: scope.ID, UnitName: scope.Name}, nil
}

// scopedStatsAnswer is statsAnswer for either access: managers get the
// whole tree as before; a report-access caller gets the scope unit's
// figures only (quiz.UnitOnly) with the unit asked as "unit".
func (s *Server) scopedStatsAnswer(ctx context.Context, stats quiz.RoundStats, at time.Time, v unitView, rc reach) (statsView, error) {
	if !rc.report() {
		out, err := statsAnswer(stats, at, v)
		out.Scope = manageScope
		return out, err
	}
	scope, asked, dto, err := s.reportView(ctx, stats, v.unitID, rc)
	if err != nil {
		return statsView{}, err
	}
	v.unitID = asked.ID
	out, err := statsAnswer(scope.UnitOnly(), at, v)
	out.Scope = dto
	return out, err
}
