package api

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestEveryRouteIsDocumented fails when a registered route is missing from
// docs/openapi.yaml, and when the document lists a route that does not exist.
func TestEveryRouteIsDocumented(t *testing.T) {
	raw, err := os.ReadFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method, raw := range ops {
			if method == "parameters" {
				continue
			}
			op, _ := raw.(map[string]any)
			if op["summary"] == nil || op["responses"] == nil {
				t.Errorf("%s %s lacks a summary or responses", strings.ToUpper(method), path)
			}
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}

	e := newEnv(t, engines[0].open(t), Limits{})
	param := regexp.MustCompile(`:([A-Za-z]+)`)
	registered := map[string]bool{}
	for _, r := range e.app.GetRoutes(true) {
		if r.Method == "HEAD" || r.Method == "USE" || strings.Contains(r.Path, "*") ||
			strings.HasPrefix(r.Path, "/c/") || r.Path == "/assets" {
			continue // the SPA's pages and files (frontend.go), not API
		}
		path := strings.TrimSuffix(param.ReplaceAllString(r.Path, "{$1}"), "/")
		registered[r.Method+" "+path] = true
	}
	var missing, stale []string
	for k := range registered {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	for k := range documented {
		if !registered[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(stale)
	if len(missing) > 0 {
		t.Errorf("routes missing from docs/openapi.yaml:\n  %s", strings.Join(missing, "\n  "))
	}
	if len(stale) > 0 {
		t.Errorf("docs/openapi.yaml lists routes that are not registered:\n  %s", strings.Join(stale, "\n  "))
	}
	if len(registered) < 15 {
		t.Fatalf("only %d routes found: the walk is broken", len(registered))
	}
}

// TestResponsesMatchSpec walks every route whose answer the frontend reads
// through the generated types (frontend/src/lib/api/schema.d.ts) with real
// data, so each of them has at least one real answer validated against
// docs/openapi.yaml (env.send validates every JSON answer that has a schema;
// this test fails when a route of the list was not validated).
func TestResponsesMatchSpec(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	f := newQuizFixture(t, e)
	tok, _ := e.register(40, "W1-A")
	e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000040", "password": "mat-khau-123"}, "")
	e.do("GET", "/api/v1/me", nil, tok)
	e.do("GET", "/api/v1/units?q=an", nil, "")
	e.do("GET", "/api/v1/units/"+e.units["W1"].ID, nil, "")
	e.do("GET", "/api/v1/org/units", nil, f.org)
	e.do("GET", "/healthz", nil, "")
	e.do("GET", "/readyz", nil, "")
	if r := e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-B", "name": "Khu phố 2", "kind": "grassroots",
		"parentId": e.units["W1"].ID, "headcount": 50}, f.org); r.Status == 201 {
		id := r.Body["unit"].(map[string]any)["id"].(string)
		e.do("PATCH", "/api/v1/org/units/"+id, map[string]any{"target": 20}, f.org)
	}
	e.do("GET", "/api/v1/contests", nil, "")
	e.do("GET", "/api/v1/contests/"+f.slug, nil, "")
	e.do("GET", "/api/v1/contests/"+f.slug+"/rounds", nil, tok)
	e.do("GET", "/api/v1/me/rounds", nil, tok)
	att := f.start(tok)
	e.do("POST", "/api/v1/rounds/"+f.roundID+"/attempts", nil, tok) // resumes: 200
	e.do("GET", "/api/v1/rounds/"+f.roundID+"/attempts/current", nil, tok)
	qids := questionIDs(att)
	f.answerCodes(tok, 1, qids[0], f.codesOf(tok, 1, qids[0], []string{f.key[qids[0]]}), 1)
	e.do("PUT", "/api/v1/rounds/"+f.roundID+"/attempts/1/prediction", map[string]any{"value": 3, "seq": 1}, tok)
	f.submit(tok, 1)
	f.playThree(t)
	f.publishResults()
	tok = e.reissue(tok)
	e.do("GET", "/api/v1/rounds/"+f.roundID+"/me", nil, tok)
	e.do("GET", "/api/v1/rounds/"+f.roundID+"/standings", nil, "")
	e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/standings", nil, f.org)
	e.do("GET", "/api/v1/rounds/"+f.roundID+"/review/1", nil, tok)
	e.do("GET", "/api/v1/org/contests/"+f.contestID+"/rounds", nil, f.org)
	e.do("GET", "/api/v1/org/rounds/"+f.roundID, nil, f.org)
	e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/preview?seed=7", nil, f.org)
	bank := e.do("GET", "/api/v1/org/contests/"+f.contestID+"/questions", nil, f.org)
	if qs, _ := bank.Body["questions"].([]any); len(qs) > 0 {
		q := qs[0].(map[string]any)
		e.do("PUT", "/api/v1/org/contests/"+f.contestID+"/questions/"+q["id"].(string), q, f.org)
	}

	for _, key := range []string{
		"POST /api/v1/auth/register 201", "POST /api/v1/auth/login 200", "GET /api/v1/me 200",
		"GET /api/v1/units 200", "GET /api/v1/units/{id} 200", "GET /api/v1/org/units 200",
		"GET /healthz 200", "GET /readyz 200", "POST /api/v1/org/units 201", "PATCH /api/v1/org/units/{id} 200",
		"GET /api/v1/contests 200", "GET /api/v1/contests/{slug} 200", "GET /api/v1/contests/{slug}/rounds 200",
		"GET /api/v1/me/rounds 200", "POST /api/v1/rounds/{id}/attempts 201", "POST /api/v1/rounds/{id}/attempts 200",
		"GET /api/v1/rounds/{id}/attempts/current 200", "PUT /api/v1/rounds/{id}/attempts/{no}/answers/{qid} 200",
		"PUT /api/v1/rounds/{id}/attempts/{no}/prediction 200", "POST /api/v1/rounds/{id}/attempts/{no}/submit 200",
		"GET /api/v1/rounds/{id}/me 200", "GET /api/v1/rounds/{id}/standings 200",
		"GET /api/v1/org/rounds/{rid}/standings 200", "GET /api/v1/rounds/{id}/review/{no} 200",
		"POST /api/v1/org/contests/{id}/questions 201", "GET /api/v1/org/contests/{id}/questions 200",
		"PUT /api/v1/org/contests/{id}/questions/{qid} 200",
		"POST /api/v1/org/contests/{id}/rounds 201", "POST /api/v1/org/rounds/{rid}/publish 200",
		"GET /api/v1/org/contests/{id}/rounds 200", "GET /api/v1/org/rounds/{rid} 200", "GET /api/v1/org/rounds/{rid}/preview 200",
		"POST /api/v1/org/rounds/{rid}/results/publish 200",
	} {
		if _, ok := specSeen.Load(key); !ok {
			t.Errorf("%s: no answer validated against docs/openapi.yaml (no schema, or the walk did not reach it)", key)
		}
	}
}

// TestEssayAuthorResponsesMatchSpec does the same for the author's essay
// routes (frontend/src/lib/essayApi.ts).
func TestEssayAuthorResponsesMatchSpec(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	f := newEssayFixture(t, e)
	tok, _ := e.register(41, "W1-A")
	e.do("GET", "/api/v1/contests/"+f.slug+"/essay", nil, "")
	r := f.submit(tok, f.workBody("Giữ vững nền tảng"), "bai.docx", docx(t, "", essayText(900)))
	if r.Status != 201 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	id := r.Body["work"].(map[string]any)["id"].(string)
	f.edit(tok, id, f.workBody("Giữ vững nền tảng tư tưởng"), nil)
	e.do("GET", "/api/v1/me/works?contest="+f.slug, nil, tok)
	e.do("POST", "/api/v1/works/"+id+"/withdraw", nil, tok)
	for _, key := range []string{
		"GET /api/v1/contests/{slug}/essay 200", "POST /api/v1/contests/{slug}/works 201", "PUT /api/v1/works/{id} 200",
		"GET /api/v1/me/works 200", "POST /api/v1/works/{id}/withdraw 200",
	} {
		if _, ok := specSeen.Load(key); !ok {
			t.Errorf("%s: no answer validated against docs/openapi.yaml (no schema, or the walk did not reach it)", key)
		}
	}
}

// TestStaffResponsesMatchSpec does the same for the staff screen's routes
// (frontend/src/lib/staffApi.ts).
func TestStaffResponsesMatchSpec(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	f := newEssayFixture(t, e)
	_, citizen := e.register(42, "W1-A")
	e.do("POST", "/api/v1/org/staff", map[string]any{"fullName": "Lê Văn Chấm", "phone": "0977 000 222",
		"unitId": e.units["W1-A"].ID, "role": "judge", "roleUnitId": e.units["W1"].ID}, f.org)
	e.do("GET", "/api/v1/org/staff?limit=500", nil, f.org)
	e.do("GET", "/api/v1/org/users?q=an&limit=20", nil, f.org)
	e.do("PUT", "/api/v1/org/users/"+citizen+"/grants", map[string]any{"grants": []any{map[string]any{"role": "judge", "unitId": e.units["W1"].ID}}}, f.org)
	e.do("POST", "/api/v1/org/users/"+citizen+"/reset-password", map[string]any{}, f.org)
	e.do("GET", "/api/v1/org/essay/"+f.contestID+"/judges?q=", nil, f.org)
	for _, key := range []string{
		"POST /api/v1/org/staff 201", "GET /api/v1/org/staff 200", "GET /api/v1/org/users 200",
		"PUT /api/v1/org/users/{id}/grants 200", "POST /api/v1/org/users/{id}/reset-password 200",
		"GET /api/v1/org/essay/{cid}/judges 200",
	} {
		if _, ok := specSeen.Load(key); !ok {
			t.Errorf("%s: no answer validated against docs/openapi.yaml (no schema, or the walk did not reach it)", key)
		}
	}
}
