package api

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"hoithi/contests"
)

// TestProtectedRoutesRefuseWrongRolesAndForeignUnits walks every protected
// route with each caller that must be refused: anonymous, a citizen, staff of
// the wrong role, and an organizer of a foreign unit.
func TestProtectedRoutesRefuseWrongRolesAndForeignUnits(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
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

// TestEveryStaffRouteRefusesAnonymousAndCitizens walks every registered
// organizer, secretary and judge route — new ones included, without anyone
// listing them — and checks the role gate answers before anything else.
func TestEveryStaffRouteRefusesAnonymousAndCitizens(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	citizen, _ := e.register(1, "W1-A")
	param := regexp.MustCompile(`:[A-Za-z]+`)
	checked := 0
	for _, rt := range e.app.GetRoutes(true) {
		if rt.Method == "HEAD" || !(strings.HasPrefix(rt.Path, "/api/v1/org/") || strings.HasPrefix(rt.Path, "/api/v1/judge/")) {
			continue
		}
		path := param.ReplaceAllString(rt.Path, "x")
		for _, c := range []struct {
			token  string
			status int
		}{{"", 401}, {citizen, 403}} {
			if r := e.do(rt.Method, path, map[string]any{}, c.token); r.Status != c.status {
				t.Errorf("%s %s (logged in: %v): %d, want %d", rt.Method, rt.Path, c.token != "", r.Status, c.status)
			}
		}
		checked++
	}
	if checked < 40 {
		t.Fatalf("only %d staff routes found", checked)
	}
}
