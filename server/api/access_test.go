package api

import (
	"fmt"
	"strings"
	"testing"

	"hoithi/contests"
)

// TestProtectedRoutesRefuseWrongRolesAndForeignUnits walks every protected
// route with each caller that must be refused: anonymous, a citizen, staff of
// the wrong role, and an organizer of a foreign unit.
func TestProtectedRoutesRefuseWrongRolesAndForeignUnits(t *testing.T) {
	e := sqliteEnv(t)
	_, citizenID := e.register(1, "W1-A")
	citizen := e.tokenFor(citizenID)
	judge := e.staff(2, contests.RoleJudge, "W1")
	secretary := e.staff(3, contests.RoleSecretary, "W1")
	foreignOrg := e.staff(4, contests.RoleOrganizer, "W2")
	w1 := e.units["W1"].ID
	wa := e.units["W1-A"].ID

	type route struct {
		method, path string
		body         any
		foreign      bool // an organizer of W2 must be refused too
	}
	routes := []route{
		{"GET", "/api/v1/org/units", nil, false},
		{"POST", "/api/v1/org/units", map[string]any{"code": "X1", "name": "Tổ 1", "kind": "grassroots", "parentId": w1}, true},
		{"PATCH", "/api/v1/org/units/" + wa, map[string]any{"name": "Khu phố Một"}, true},
		{"GET", "/api/v1/org/units/export", nil, false},
		{"GET", "/api/v1/org/units/template", nil, false},
		{"POST", "/api/v1/org/units/import", nil, false},
		{"GET", "/api/v1/org/users?unitPath=" + e.units["W1"].Path, nil, true},
		{"POST", "/api/v1/org/users", e.registration(50, "W1-A"), true},
		{"POST", "/api/v1/org/users/" + citizenID + "/reset-password", nil, true},
		{"PUT", "/api/v1/org/users/" + citizenID + "/grants", map[string]any{"grants": []any{map[string]any{"role": "judge", "unitId": w1}}}, true},
	}
	callers := []struct {
		name   string
		token  string
		status int
	}{
		{"anonymous", "", 401},
		{"citizen", citizen, 403},
		{"judge", judge, 403},
		{"secretary", secretary, 403},
	}
	for _, rt := range routes {
		for _, cl := range callers {
			t.Run(fmt.Sprintf("%s %s as %s", rt.method, rt.path, cl.name), func(t *testing.T) {
				if r := e.do(rt.method, rt.path, rt.body, cl.token); r.Status != cl.status {
					t.Fatalf("status %d, want %d: %s", r.Status, cl.status, r.Raw)
				}
			})
		}
		if rt.foreign {
			t.Run(fmt.Sprintf("%s %s as foreign organizer", rt.method, rt.path), func(t *testing.T) {
				if r := e.do(rt.method, rt.path, rt.body, foreignOrg); r.Status != 403 {
					t.Fatalf("status %d, want 403: %s", r.Status, r.Raw)
				}
			})
		}
	}
	// Nothing those refused calls attempted happened.
	if u, _ := e.store.UnitByID(t.Context(), wa); u.Name != "Khu phố 1" {
		t.Fatalf("unit renamed by a refused call: %q", u.Name)
	}
	if u, _ := e.store.UserByID(t.Context(), citizenID); len(u.Grants) != 0 {
		t.Fatalf("grants changed by a refused call: %v", u.Grants)
	}
}

func (e *env) tokenFor(id string) string {
	e.t.Helper()
	u, err := e.store.UserByID(e.t.Context(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	tok, _ := e.tokens.Issue(u)
	return tok
}

// reportRoutes are the only contest routes an organizer of a unit inside a
// published quiz contest (report access) may call: the contest, its rounds
// and its statistics, read-only.
var reportRoutes = map[string]bool{
	"GET /api/v1/org/contests/:id":            true,
	"GET /api/v1/org/contests/:id/rounds":     true,
	"GET /api/v1/org/contests/:id/stats":      true,
	"GET /api/v1/org/rounds/:rid/stats":       true,
	"GET /api/v1/org/rounds/:rid/report.xlsx": true,
}

// TestReportAccessReachesOnlyTheStatistics walks every registered route of
// a quiz contest and its rounds (new ones included) as an organizer of
// W1-A on W1's contest, with the contest's real IDs: the report routes
// answer, every other route refuses before doing anything.
func TestReportAccessReachesOnlyTheStatistics(t *testing.T) {
	e := sqliteEnv(t)
	f := newQuizFixture(t, e)
	reporter := e.staff(950, contests.RoleOrganizer, "W1-A")
	var qid string
	for id := range f.key {
		qid = id
		break
	}
	ids := strings.NewReplacer(":id", f.contestID, ":rid", f.roundID, ":qid", qid)
	checked := 0
	for _, rt := range e.app.GetRoutes(true) {
		if rt.Method == "HEAD" || !(strings.HasPrefix(rt.Path, "/api/v1/org/contests/:id") || strings.HasPrefix(rt.Path, "/api/v1/org/rounds/:rid")) {
			continue
		}
		key := rt.Method + " " + strings.TrimSuffix(rt.Path, "/")
		want := 403
		if reportRoutes[key] {
			want = 200
		}
		if r := e.do(rt.Method, ids.Replace(rt.Path), map[string]any{}, reporter); r.Status != want {
			t.Errorf("%s as a reporting unit's organizer: %d, want %d: %.200s", key, r.Status, want, r.Raw)
		}
		checked++
	}
	if checked < 25 {
		t.Fatalf("only %d contest routes found", checked)
	}
	t.Logf("%d contest routes checked", checked)
	// The refused calls changed nothing.
	ct, _ := e.store.ContestByID(t.Context(), f.contestID)
	r, _ := e.store.Round(t.Context(), f.roundID)
	qs, _ := e.store.Questions(t.Context(), f.contestID)
	if ct.Status != contests.ContestPublished || ct.Title != "Tìm hiểu lịch sử Đảng bộ" || r.Title != "Tuần 1" || !r.ResultsAt.IsZero() || len(qs) != len(f.key) {
		t.Fatalf("a refused call changed the contest: %+v %+v %d questions", ct, r, len(qs))
	}
}
