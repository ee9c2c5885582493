package api

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// Names arrive with invisible characters (bidirectional overrides that
// turn the rest of a line around, zero-width spaces that make two names
// differ unseen): they are stored without them, and every screen and
// export shows what was stored.
func TestNamesAreStoredCleanAndShownAsStored(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		body := e.registration(1, "W1-A")
		body["fullName"] = "Nguye\u0302\u0303n\u200B Văn \u202EAn\u202C"
		r := e.registered(body)
		const clean = "Nguyễn Văn An"
		if got := r.Body["user"].(map[string]any)["fullName"]; got != clean {
			t.Fatalf("stored name %q, want %q", got, clean)
		}
		org := e.staff(900, contests.RoleOrganizer, "W1")
		r = e.do("GET", "/api/v1/org/users?q=912000001", nil, org)
		if users := r.Body["users"].([]any); len(users) != 1 || users[0].(map[string]any)["fullName"] != clean {
			t.Fatalf("organizer's list: %s", r.Raw)
		}

		for field, bad := range map[string]string{"fullName": "Nguyễn\x07 Văn An", "address": "Số 1\x1b[2J"} {
			body := e.registration(2, "W1-A")
			body[field] = bad
			if r := e.do("POST", "/api/v1/auth/register", body, ""); r.Status != 400 || !sameStrings(r.fieldNames(), []string{field}) {
				t.Errorf("%s with a control character: %d %s", field, r.Status, r.Raw)
			}
		}

		r = e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-Z", "name": "Khu\u2067 phố\u2069 \u200D9",
			"kind": "grassroots", "parentId": e.units["W1"].ID}, org)
		if r.Status != 201 {
			t.Fatalf("create unit: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/org/units/export", nil, org)
		f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		found := false
		for _, row := range rows {
			if row[0] == "W1-Z" {
				found = row[1] == "Khu phố 9"
				if !found {
					t.Fatalf("exported unit name %q", row[1])
				}
			}
		}
		if !found {
			t.Fatal("the export lacks the unit")
		}
		if r := e.do("POST", "/api/v1/org/units", map[string]any{"code": "W1-Y", "name": "Khu\x00 phố", "kind": "grassroots",
			"parentId": e.units["W1"].ID}, org); r.Status != 400 || !sameStrings(r.fieldNames(), []string{"name"}) {
			t.Fatalf("unit name with NUL: %d %s", r.Status, r.Raw)
		}
	})
}
