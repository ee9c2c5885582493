package api

import (
	"slices"
	"testing"

	"hoithi/contests"
)

// Essay settings are validated as a whole on create and PATCH (issue: a
// settings of {"categories":"x"} was stored and broke every endpoint of
// the contest); a new essay contest gets the ward preset, not quiz settings.
func TestEssaySettingsAreValidated(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		base := map[string]any{"slug": "viet-hong", "kind": "essay", "title": "Chính luận", "ownerUnitId": e.units["W1"].ID}
		for name, tc := range map[string]struct {
			settings any
			field    string
		}{
			"categories not a list": {map[string]any{"categories": "x"}, "settings.categories"},
			"unknown setting":       {map[string]any{"rounds": 3}, "settings.rounds"},
			"bad category":          {map[string]any{"categories": []any{map[string]any{"key": "Bad Key", "name": "x", "maxWorksPerAuthor": 1, "maxWorksOfKindPerAuthor": 1, "allowedFileKinds": []string{"docx"}, "maxFileBytes": 1}}}, "settings.categories[0].key"},
			"bad precision":         {map[string]any{"precision": 2}, "settings.precision"},
		} {
			body := map[string]any{}
			for k, v := range base {
				body[k] = v
			}
			body["settings"] = tc.settings
			r := e.do("POST", "/api/v1/org/contests", body, org)
			if r.Status != 400 || !slices.Contains(r.fieldNames(), tc.field) {
				t.Errorf("%s: %d %v", name, r.Status, r.fieldNames())
			}
		}
		r := e.do("POST", "/api/v1/org/contests", base, org)
		if r.Status != 201 {
			t.Fatalf("create: %d %s", r.Status, r.Raw)
		}
		ct := r.Body["contest"].(map[string]any)
		settings := ct["settings"].(map[string]any)
		cats, _ := settings["categories"].([]any)
		if len(cats) != 1 || cats[0].(map[string]any)["key"] != "chinh_luan" || settings["excludedRoles"] != nil {
			t.Fatalf("a new essay contest carries the ward preset and no quiz settings: %v", settings)
		}
		id := ct["id"].(string)
		if r := e.do("PATCH", "/api/v1/org/contests/"+id, map[string]any{"settings": map[string]any{"categories": "x"}}, org); r.Status != 400 {
			t.Fatalf("PATCH with bad settings: %d %s", r.Status, r.Raw)
		}
		e.do("PATCH", "/api/v1/org/contests/"+id, map[string]any{"status": "published"}, org)
		// Nothing partial was saved: the contest still answers.
		if r := e.do("GET", "/api/v1/contests/viet-hong/essay", nil, ""); r.Status != 200 {
			t.Fatalf("rules after a refused PATCH: %d %s", r.Status, r.Raw)
		}
	})
}
