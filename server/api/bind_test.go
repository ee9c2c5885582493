package api

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"hoithi/server/store"
)

func countUsers(t *testing.T, e *env) (int, int, int) {
	t.Helper()
	_, total, err := e.store.ListUsers(context.Background(), store.UserFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return 0, 0, total
}

func TestMalformedBodies(t *testing.T) {
	e := sqliteEnv(t)
	cases := []struct {
		name   string
		body   string
		ctype  string
		status int
		field  string
	}{
		{"not json", `{"login": `, "application/json", 400, ""},
		{"empty", ``, "application/json", 400, ""},
		{"array", `[1,2]`, "application/json", 400, "body"},
		{"two objects", `{"login":"a","password":"b"}{"x":1}`, "application/json", 400, ""},
		{"unknown field", `{"login":"0912000001","password":"x","admin":true}`, "application/json", 400, "admin"},
		{"wrong type", `{"login":912000001,"password":"x"}`, "application/json", 400, "login"},
		{"form encoded", `login=a&password=b`, "application/x-www-form-urlencoded", 400, ""},
		{"oversized", `{"login":"` + strings.Repeat("a", 70<<10) + `","password":"x"}`, "application/json", 413, ""},
	}
	for _, tc := range cases {
		r := e.do("POST", "/api/v1/auth/login", []byte(tc.body), "", "Content-Type", tc.ctype)
		if r.Status != tc.status {
			t.Errorf("%s: status %d, want %d (%s)", tc.name, r.Status, tc.status, r.Raw)
			continue
		}
		if r.Body["error"] == nil || r.Body["error"].(map[string]any)["message"] == "" {
			t.Errorf("%s: no error message: %s", tc.name, r.Raw)
		}
		if tc.field != "" && !slices.Contains(r.fieldNames(), tc.field) {
			t.Errorf("%s: fields %v, want %s", tc.name, r.fieldNames(), tc.field)
		}
	}
}

func TestErrorsSpeakVietnameseAndEnglish(t *testing.T) {
	e := sqliteEnv(t)
	body := map[string]any{"login": "", "password": ""}
	vi := e.do("POST", "/api/v1/auth/login", body, "")
	en := e.do("POST", "/api/v1/auth/login", body, "", "Accept-Language", "en-US,en;q=0.9")
	viMsg := vi.Body["error"].(map[string]any)["fields"].([]any)[0].(map[string]any)["message"]
	enMsg := en.Body["error"].(map[string]any)["fields"].([]any)[0].(map[string]any)["message"]
	if viMsg != "Vui lòng nhập số điện thoại hoặc CCCD" || enMsg != "Enter your phone number or CCCD" {
		t.Fatalf("vi=%q en=%q", viMsg, enMsg)
	}
	if r := e.do("GET", "/api/v1/nothing-here", nil, ""); r.Status != 404 || r.errCode() != "not_found" {
		t.Fatalf("unknown API route: %d %s", r.Status, r.Raw)
	}
}

func TestHealthReadyMetrics(t *testing.T) {
	e := sqliteEnv(t)
	if r := e.do("GET", "/healthz", nil, ""); r.Status != 200 || r.Body["status"] != "ok" {
		t.Fatalf("healthz: %d %s", r.Status, r.Raw)
	}
	if r := e.do("GET", "/readyz", nil, ""); r.Status != 200 || r.Body["status"] != "ready" {
		t.Fatalf("readyz: %d %s", r.Status, r.Raw)
	}
	e.do("GET", "/api/v1/units?q=an", nil, "")
	if r := e.do("GET", "/metrics", nil, ""); r.Status != 404 {
		t.Fatalf("metrics on the public port without a configured token: %d", r.Status)
	}
	e.app = New(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }, MetricsToken: "scrape-me-please"})
	e.do("GET", "/api/v1/units?q=an", nil, "")
	if r := e.do("GET", "/metrics", nil, "wrong-token"); r.Status != 401 {
		t.Fatalf("metrics with a wrong token: %d", r.Status)
	}
	r := e.do("GET", "/metrics", nil, "scrape-me-please")
	if r.Status != 200 || !strings.Contains(string(r.Raw), `hoithi_http_requests_total{method="GET",route="/api/v1/units",status="200"} 1`) {
		t.Fatalf("metrics missing the counted request:\n%.2000s", r.Raw)
	}
	if r.Header.Get("X-Request-Id") == "" {
		t.Fatal("no request id header")
	}
	e.store.Close()
	if r := e.do("GET", "/readyz", nil, ""); r.Status != 503 {
		t.Fatalf("readyz with a closed store: %d", r.Status)
	}
}
