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
