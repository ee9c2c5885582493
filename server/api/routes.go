package api

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
)

// guard says who may call a route. It refuses before the handler runs:
// 401 without a session, 403 without one of the roles on any unit. A role
// guard is necessary, not sufficient: handlers then check the role over
// the target's unit (allowAt).
type guard int

const (
	anyone      guard = iota // no session needed
	signedIn                 // any signed-in account, citizens included
	organizers               // organizers
	secretariat              // essay secretaries and organizers
	judges                   // essay judges
)

var guardNames = [...]string{"anyone", "signedIn", "organizers", "secretariat", "judges"}

func (g guard) String() string { return guardNames[g] }

// check is the middleware enforcing g, nil for anyone.
func (g guard) check() fiber.Handler {
	switch g {
	case signedIn:
		return requireUser
	case organizers:
		return requireRole(contests.RoleOrganizer)
	case secretariat:
		return requireRole(contests.RoleSecretary, contests.RoleOrganizer)
	case judges:
		return requireRole(contests.RoleJudge)
	}
	return nil
}

// route is one endpoint under /api/v1.
type route struct {
	method, path string
	who          guard
	handle       fiber.Handler
	// upload, when set, is the largest multipart body the route accepts;
	// its handler reads the body itself (bodylimit.go). Zero: a JSON body
	// of at most maxJSONBody.
	upload int64
}

// apiRoutes lists every endpoint under /api/v1 with who may call it: the
// one place to read who may do what. docs/openapi.yaml documents each
// (openapi_test.go); routes_test.go pins each route's guard.
func (s *Server) apiRoutes() []route {
	workUpload := int64(s.Limits.MaxUploadBytes) + formOverhead
	const workbookUpload = maxWorkbookBytes + formOverhead
	jd := s.judging() // judge handlers cannot reach author identities (essay_judge.go)
	st := &statsAPI{s: s, stats: s.Stats}
	return []route{
		// Accounts (auth.go, accounts.go).
		{"POST", "/auth/register", anyone, s.register, 0},
		{"POST", "/auth/login", anyone, s.login, 0},
		{"POST", "/auth/refresh", anyone, s.refresh, 0},
		{"POST", "/auth/logout", anyone, s.logout, 0},
		{"GET", "/me", signedIn, s.me, 0},
		{"POST", "/me/password", signedIn, s.changePassword, 0},

		// Units (units.go, units_excel.go).
		{"GET", "/units", anyone, s.listUnits, 0},
		{"GET", "/units/:id", anyone, s.getUnit, 0},
		{"GET", "/org/units", organizers, s.orgUnits, 0},
		{"POST", "/org/units", organizers, s.createUnit, 0},
		{"GET", "/org/units/export", organizers, s.exportUnits, 0},
		{"GET", "/org/units/template", organizers, s.unitTemplate, 0},
		{"POST", "/org/units/import", organizers, s.importUnits, workbookUpload},
		{"PATCH", "/org/units/:id", organizers, s.updateUnit, 0},

		// Accounts and grants kept by organizers (users.go, staff.go).
		{"GET", "/org/users", organizers, s.orgListUsers, 0},
		{"POST", "/org/users", organizers, s.orgCreateUser, 0},
		{"POST", "/org/users/:id/reset-password", organizers, s.orgResetPassword, 0},
		{"PUT", "/org/users/:id/grants", organizers, s.orgSetGrants, 0},
		{"GET", "/org/security/failed-logins", organizers, s.orgFailedLogins, 0},
		{"GET", "/org/staff", organizers, s.orgListStaff, 0},
		{"POST", "/org/staff", organizers, s.orgCreateStaff, 0},
		{"GET", "/org/essay/:cid/judges", secretariat, s.essayJudgeCandidates, 0},

		// Contests (contests.go, org_contests.go). Secretaries read the
		// contests of their units (to reach the essay secretariat); only
		// organizers create and change them.
		{"GET", "/contests", anyone, s.listContests, 0},
		{"GET", "/contests/:slug", anyone, s.getContest, 0},
		{"GET", "/org/contests", secretariat, s.orgListContests, 0},
		{"POST", "/org/contests", organizers, s.orgCreateContest, 0},
		{"GET", "/org/contests/:id", secretariat, s.orgGetContest, 0},
		{"PATCH", "/org/contests/:id", organizers, s.orgUpdateContest, 0},

		// Quiz questions (quiz_questions.go, quiz_questions_excel.go).
		{"GET", "/org/contests/:id/questions", organizers, s.listQuestions, 0},
		{"POST", "/org/contests/:id/questions", organizers, s.createQuestion, 0},
		{"GET", "/org/contests/:id/questions/export", organizers, s.exportQuestions, 0},
		{"POST", "/org/contests/:id/questions/import", organizers, s.importQuestions, workbookUpload},
		{"PUT", "/org/contests/:id/questions/:qid", organizers, s.updateQuestion, 0},
		{"GET", "/org/questions/template", organizers, s.questionTemplate, 0},

		// Quiz rounds run by organizers (quiz_rounds.go, quiz_results.go,
		// quiz_prize_review.go, quiz_remedies.go).
		{"GET", "/org/contests/:id/rounds", organizers, s.orgListRounds, 0},
		{"POST", "/org/contests/:id/rounds", organizers, s.orgCreateRound, 0},
		{"GET", "/org/rounds/:rid", organizers, s.orgGetRound, 0},
		{"PUT", "/org/rounds/:rid", organizers, s.orgUpdateRound, 0},
		{"POST", "/org/rounds/:rid/publish", organizers, s.orgPublishRound, 0},
		{"GET", "/org/rounds/:rid/preview", organizers, s.orgPreviewRound, 0},
		{"POST", "/org/rounds/:rid/results", organizers, s.orgComputeResults, 0},
		{"GET", "/org/rounds/:rid/results/job", organizers, s.orgResultsJob, 0},
		{"POST", "/org/rounds/:rid/results/publish", organizers, s.orgPublishResults, 0},
		{"GET", "/org/rounds/:rid/standings", organizers, s.orgRoundStandings, 0},
		{"GET", "/org/rounds/:rid/prize-review", organizers, s.orgPrizeReview, 0},
		{"POST", "/org/rounds/:rid/prize-review/done", organizers, s.orgFinishReview, 0},
		{"POST", "/org/rounds/:rid/exclusions", organizers, s.orgExclude, 0},
		{"POST", "/org/rounds/:rid/remedies/extend-attempt", organizers, s.orgExtendAttempt, 0},
		{"POST", "/org/rounds/:rid/remedies/extend-attempts", organizers, s.orgExtendAttempts, 0},
		{"POST", "/org/rounds/:rid/remedies/give-back", organizers, s.orgGiveBack, 0},
		{"POST", "/org/rounds/:rid/remedies/extend-close", organizers, s.orgExtendClose, 0},

		// Quiz play (quiz_play.go, quiz_answers.go, me_rounds.go).
		{"GET", "/contests/:slug/rounds", anyone, s.contestRounds, 0},
		{"POST", "/rounds/:id/attempts", signedIn, s.startAttempt, 0},
		{"GET", "/rounds/:id/attempts/current", signedIn, s.currentAttempt, 0},
		{"PUT", "/rounds/:id/attempts/:no/answers/:qid", signedIn, s.saveAnswer, 0},
		{"PUT", "/rounds/:id/attempts/:no/prediction", signedIn, s.savePrediction, 0},
		{"POST", "/rounds/:id/attempts/:no/submit", signedIn, s.submitAttempt, 0},
		{"GET", "/rounds/:id/me", signedIn, s.myRound, 0},
		{"GET", "/rounds/:id/standings", anyone, s.roundStandings, 0},
		{"GET", "/rounds/:id/review/:no", signedIn, s.reviewAttempt, 0},
		{"GET", "/me/rounds", signedIn, s.myRounds, 0},

		// Overall results and collective prizes (quiz_overall.go, quiz_collective.go).
		{"POST", "/org/contests/:id/overall", organizers, s.orgComputeOverall, 0},
		{"GET", "/org/contests/:id/overall/job", organizers, s.orgOverallJob, 0},
		{"GET", "/org/contests/:id/collective", organizers, s.orgCollective, 0},
		{"GET", "/org/contests/:id/export/collective", organizers, s.orgExportCollective, 0},
		{"GET", "/contests/:slug/overall", anyone, s.contestOverall, 0},

		// Essay works sent by their authors (essay_submit.go, essay_edit.go).
		{"GET", "/contests/:slug/essay", anyone, s.essayRules, 0},
		{"POST", "/contests/:slug/works", signedIn, s.submitWork, workUpload},
		{"GET", "/me/works", signedIn, s.myWorks, 0},
		{"POST", "/works/:id/withdraw", signedIn, s.withdrawWork, 0},
		{"PUT", "/works/:id", signedIn, s.editWork, workUpload},

		// The essay secretariat (essay_screen.go, essay_forward.go).
		{"GET", "/org/essay/:cid/works", secretariat, s.staffWorks, 0},
		{"GET", "/org/essay/works/:id/identity", secretariat, s.workIdentity, 0},
		{"GET", "/org/essay/works/:id/files/:n", secretariat, s.workOriginal, 0},
		{"POST", "/org/essay/works/:id/screen", secretariat, s.screenWork, 0},
		{"POST", "/org/essay/:cid/forward", secretariat, s.forwardWorks, 0},
		{"GET", "/org/essay/:cid/forward/targets", secretariat, s.forwardTargets, 0},

		// Judging rounds (essay_rounds.go, essay_results.go, essay_progress.go).
		{"GET", "/org/essay/:cid/rounds", secretariat, s.listEssayRounds, 0},
		{"POST", "/org/essay/:cid/rounds", secretariat, s.createEssayRound, 0},
		{"PUT", "/org/essay/rounds/:rid", secretariat, s.updateEssayRound, 0},
		{"POST", "/org/essay/rounds/:rid/assign", secretariat, s.assignEssayRound, 0},
		{"GET", "/org/essay/rounds/:rid/results", secretariat, s.essayResults, 0},
		{"POST", "/org/essay/rounds/:rid/works/:wid/third", secretariat, s.assignThirdJudge, 0},
		{"POST", "/org/essay/rounds/:rid/close", secretariat, s.closeEssayRound, 0},
		{"POST", "/org/essay/rounds/:rid/works/:wid/unlock", secretariat, s.unlockScore, 0},
		{"GET", "/org/essay/rounds/:rid/progress", secretariat, s.essayProgress, 0},

		// Judges, blind (essay_judge.go).
		{"GET", "/judge/rounds", judges, jd.rounds, 0},
		{"GET", "/judge/rounds/:rid/works", judges, jd.queue, 0},
		{"GET", "/judge/rounds/:rid/works/:code", judges, jd.readWork, 0},
		{"GET", "/judge/rounds/:rid/works/:code/files/:n", judges, jd.file, 0},
		{"PUT", "/judge/rounds/:rid/works/:code/score", judges, jd.score, 0},
		{"POST", "/judge/rounds/:rid/works/:code/recuse", judges, jd.recuse, 0},

		// Similarity, essay prizes and exports (essay_similarity.go,
		// essay_prizes.go, essay_exports.go).
		{"POST", "/org/essay/:cid/similarity", secretariat, s.checkSimilarity, 0},
		{"GET", "/org/essay/works/:a/compare/:b", secretariat, s.comparePair, 0},
		{"GET", "/org/essay/rounds/:rid/prizes", secretariat, s.essayPrizeList, 0},
		{"POST", "/org/essay/rounds/:rid/prizes", organizers, s.essayPrizes, 0},
		{"GET", "/org/essay/:cid/export/works", secretariat, s.exportEssayWorks, 0},
		{"GET", "/org/essay/rounds/:rid/export/scores", secretariat, s.exportScoreSheets, 0},
		{"GET", "/org/essay/rounds/:rid/export/prizes", organizers, s.exportEssayPrizes, 0},
		{"GET", "/org/essay/:cid/export/dossier", organizers, s.exportDossier, 0},

		// Quiz exports (quiz_exports.go).
		{"GET", "/org/rounds/:rid/export/winners", organizers, s.orgExportRoundWinners, 0},
		{"GET", "/org/rounds/:rid/export/results", organizers, s.orgExportRoundResults, 0},
		{"GET", "/org/contests/:id/export/overall-winners", organizers, s.orgExportOverallWinners, 0},

		// Statistics (stats.go).
		{"GET", "/org/rounds/:rid/stats", organizers, st.roundStats, 0},
		{"GET", "/org/rounds/:rid/items", organizers, st.roundItems, 0},
		{"GET", "/org/rounds/:rid/report.xlsx", organizers, st.roundReport, 0},
		{"GET", "/org/rounds/:rid/items.xlsx", organizers, st.roundItemsXLSX, 0},
		{"GET", "/org/contests/:id/stats", organizers, st.contestStats, 0},
		{"GET", "/org/contests/:id/summary.xlsx", organizers, st.contestSummaryXLSX, 0},
	}
}

// mount adds the routes to the /api/v1 group: each behind its guard,
// an upload route with its body limit.
func (s *Server) mount(v1 fiber.Router, prefix string, routes []route) {
	for _, rt := range routes {
		handlers := []fiber.Handler{rt.handle}
		if check := rt.who.check(); check != nil {
			handlers = []fiber.Handler{check, rt.handle}
		}
		if rt.upload > 0 {
			s.uploads = append(s.uploads, uploadRule{method: rt.method, segs: strings.Split(prefix+rt.path, "/"), max: rt.upload})
		}
		if rt.method == fiber.MethodGet {
			v1.Get(rt.path, handlers...) // and HEAD
		} else {
			v1.Add(rt.method, rt.path, handlers...)
		}
	}
}
