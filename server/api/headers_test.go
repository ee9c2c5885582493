package api

import (
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"hoithi/contests"
)

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	e := sqliteEnv(t)
	token, _ := e.register(1, "W1-A")
	org := e.staff(900, contests.RoleOrganizer, "W1")
	for _, tc := range []struct {
		name, path, token string
		cache             string
	}{
		{"profile", "/api/v1/me", token, "no-store"},
		{"accounts list", "/api/v1/org/users", org, "no-store"},
		{"unit export", "/api/v1/org/units/export", org, "no-store"},
		{"an error", "/api/v1/me", "", "no-store"},
		{"unknown API route", "/api/v1/nothing", "", "no-store"},
		{"public list", "/api/v1/contests", "", "no-store"},
		{"health", "/healthz", "", "no-store"},
	} {
		r := e.do("GET", tc.path, nil, tc.token)
		h := r.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "worker-src 'self'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %s", tc.name, csp, want)
			}
		}
		if strings.Contains(strings.Split(strings.Split(csp, "script-src")[1], ";")[0], "unsafe-inline") {
			t.Errorf("%s: scripts may run inline: %q", tc.name, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", tc.name, h)
		}
		if got := h.Get("Cache-Control"); got != tc.cache {
			t.Errorf("%s (%d): Cache-Control %q, want %q", tc.name, r.Status, got, tc.cache)
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS over plain HTTP", tc.name)
		}
	}
}

func TestHSTSOnlyBehindATrustedTLSProxy(t *testing.T) {
	e := sqliteEnv(t)
	get := func(trusted []string) string {
		e.app = New(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }, TrustedProxies: trusted})
		return e.do("GET", "/healthz", nil, "", "X-Forwarded-Proto", "https").Header.Get("Strict-Transport-Security")
	}
	if got := get(nil); got != "" {
		t.Fatalf("anyone's X-Forwarded-Proto switched HSTS on: %q", got)
	}
	if got := get([]string{"10.9.9.9"}); got != "" {
		t.Fatalf("an untrusted client's X-Forwarded-Proto switched HSTS on: %q", got)
	}
	if got := get([]string{"0.0.0.0"}); !strings.HasPrefix(got, "max-age=") {
		t.Fatalf("behind the trusted TLS proxy: HSTS %q", got)
	}
}

// TestAppPagesHaveNoInlineScript checks the app's index.html (the source
// Vite builds from, which the build only rewrites script and link paths
// of) as the server sends it, also as a share page, against the
// script-src 'self' policy.
func TestAppPagesHaveNoInlineScript(t *testing.T) {
	e := sqliteEnv(t)
	index, err := os.ReadFile("../../frontend/index.html")
	if err != nil {
		t.Fatal(err)
	}
	e.app = New(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Frontend: fstest.MapFS{"index.html": {Data: index}}})
	for _, path := range []string{"/", "/c/some-contest", "/c/some-contest/r/round", "/me"} {
		resp, err := e.app.Test(httptest.NewRequest("GET", path, nil))
		if err != nil {
			t.Fatal(err)
		}
		if resp.Header.Get("Cache-Control") != "no-cache" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: page headers %v", path, resp.Header)
		}
		body, _ := io.ReadAll(resp.Body)
		if !strings.Contains(string(body), "<script") {
			t.Fatalf("%s: not the app's page: %.300s", path, body)
		}
		page := strings.ToLower(string(body))
		for i := 0; ; {
			j := strings.Index(page[i:], "<script")
			if j < 0 {
				break
			}
			tag := page[i+j : i+j+strings.Index(page[i+j:], ">")+1]
			if !strings.Contains(tag, "src=") {
				t.Errorf("%s: inline script %q", path, tag)
			}
			i += j + len(tag)
		}
		if strings.Contains(page, " onload=") || strings.Contains(page, " onclick=") || strings.Contains(page, "javascript:") {
			t.Errorf("%s: inline event handler or javascript: URL", path)
		}
	}
}

// The separate metrics address serves the figures without a token: it is
// meant to be reachable by the monitoring system only.
func TestMetricsAppServesWithoutAToken(t *testing.T) {
	e := sqliteEnv(t)
	s := NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys})
	resp, err := s.MetricsApp().Test(httptest.NewRequest("GET", "/metrics", nil))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "hoithi_http_requests_total") && !strings.Contains(string(body), "go_goroutines") {
		t.Fatalf("metrics app: %d %.300s", resp.StatusCode, body)
	}
	if r, _ := s.App.Test(httptest.NewRequest("GET", "/metrics", nil)); r.StatusCode != 404 {
		t.Fatalf("public port without a configured token: %d", r.StatusCode)
	}
}
