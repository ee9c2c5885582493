package api

import (
	"testing"

	"hoithi/contests"
)

func TestOrganizerCreatesAccountWithSharedPhone(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		e.register(2, "W1-A") // the phone's owner
		body := e.registration(3, "W1-A")
		body["phone"] = "0912000002"
		body["fullName"] = "Nguyễn Thị Bà"
		body["gender"] = "female"
		body["birthDate"] = "1950-01-01"
		body["cccd"] = "089150000003"
		r := e.do("POST", "/api/v1/org/users", body, org)
		if r.Status != 409 {
			t.Fatalf("without the override the phone is taken: %d %s", r.Status, r.Raw)
		}
		body["allowSharedPhone"] = true
		r = e.do("POST", "/api/v1/org/users", body, org)
		if r.Status != 201 {
			t.Fatalf("override: %d %s", r.Status, r.Raw)
		}
		// The phone still logs in its owner; the relative logs in by CCCD.
		r = e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000002", "password": "mat-khau-123"}, "")
		if r.Body["user"].(map[string]any)["fullName"] != "Nguyễn Văn An" {
			t.Fatalf("phone login found %v", r.Body["user"])
		}
		r = e.do("POST", "/api/v1/auth/login", map[string]any{"login": "089150000003", "password": "mat-khau-123"}, "")
		if r.Status != 200 || r.Body["user"].(map[string]any)["fullName"] != "Nguyễn Thị Bà" {
			t.Fatalf("CCCD login: %d %s", r.Status, r.Raw)
		}
		body["allowSharedCccd"] = true
		if r := e.do("POST", "/api/v1/org/users", body, org); r.Status != 400 {
			t.Fatalf("sharing both identifiers: %d %s", r.Status, r.Raw)
		}
	})
}

func TestOrganizerResetsPasswordAndGrantsRoles(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		_, citizen := e.register(2, "W1-A")
		r := e.do("POST", "/api/v1/org/users/"+citizen+"/reset-password", nil, org)
		temp, _ := r.Body["temporaryPassword"].(string)
		if r.Status != 200 || len(temp) != 10 {
			t.Fatalf("reset: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000002", "password": "mat-khau-123"}, ""); r.Status != 401 {
			t.Fatalf("old password still works: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000002", "password": temp}, ""); r.Status != 200 {
			t.Fatalf("temporary password: %d", r.Status)
		}

		r = e.do("PUT", "/api/v1/org/users/"+citizen+"/grants", map[string]any{"grants": []any{map[string]any{"role": "judge", "unitId": e.units["W1"].ID}}}, org)
		if r.Status != 200 {
			t.Fatalf("grant judge: %d %s", r.Status, r.Raw)
		}
		roles := r.Body["user"].(map[string]any)["roles"].([]any)
		if len(roles) != 1 || roles[0].(map[string]any)["unitName"] != "Phường An Biên" {
			t.Fatalf("roles: %v", roles)
		}
		for _, bad := range []map[string]any{
			{"role": "admin", "unitId": e.units["W1"].ID},    // only admins grant admin
			{"role": "organizer", "unitId": e.units["P"].ID}, // above the organizer's unit
			{"role": "judge", "unitId": e.units["W2"].ID},    // a foreign unit
		} {
			if r := e.do("PUT", "/api/v1/org/users/"+citizen+"/grants", map[string]any{"grants": []any{bad}}, org); r.Status != 403 {
				t.Errorf("grant %v: %d %s", bad, r.Status, r.Raw)
			}
		}
		if r := e.do("PUT", "/api/v1/org/users/"+citizen+"/grants", map[string]any{"grants": []any{map[string]any{"role": "emperor"}}}, org); r.Status != 400 {
			t.Fatalf("unknown role: %d", r.Status)
		}
		r = e.do("GET", "/api/v1/org/users?q=nguyen%20van", nil, org)
		if r.Status != 200 || r.Body["total"] != float64(2) {
			t.Fatalf("list users: %d %s", r.Status, r.Raw)
		}
	})
}

// An organizer finds a person by the last four digits of their CCCD (on the
// staff screen's search, GET /org/users): matched by a keyed hash kept at
// registration, within the organizer's units only; other four digits find
// nobody, and an account kept before the hash existed is still found by
// phone.
func TestFindPersonByCCCDLastFour(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		body := e.registration(2, "W1-A")
		body["fullName"], body["cccd"], body["phone"] = "Hoàng Thị Tìm", "089090004321", "0912000002"
		e.registered(body)
		elsewhere := e.registration(3, "W2")
		elsewhere["fullName"], elsewhere["cccd"] = "Phan Văn Ngoài", "089090014321"
		e.registered(elsewhere)
		names := func(q string) []string {
			r := e.do("GET", "/api/v1/org/users?q="+q, nil, org)
			if r.Status != 200 {
				t.Fatalf("search %q: %d %s", q, r.Status, r.Raw)
			}
			out := []string{}
			for _, u := range r.Body["users"].([]any) {
				out = append(out, u.(map[string]any)["fullName"].(string))
			}
			return out
		}
		// "4321" is in neither the phone nor the masked CCCD (089******321).
		if got := names("4321"); len(got) != 1 || got[0] != "Hoàng Thị Tìm" {
			t.Fatalf("search 4321 = %v, want only Hoàng Thị Tìm (the other is outside W1)", got)
		}
		if got := names("43%2021"); len(got) != 1 {
			t.Fatalf("search '43 21' = %v, want one", got)
		}
		if got := names("4322"); len(got) != 0 {
			t.Fatalf("search 4322 = %v, want nobody", got)
		}
		if got := names("1234"); len(got) != 0 {
			t.Fatalf("search 1234 = %v, want nobody", got)
		}
		// An account stored before the hash was kept (no tail) is still found
		// by phone and name.
		_, id := e.register(4, "W1-A")
		u, err := e.store.UserByID(t.Context(), id)
		if err != nil || u.CCCDTail == "" {
			t.Fatalf("registration keeps the tail hash: %+v %v", u, err)
		}
		legacy := *u
		legacy.ID, legacy.FullName, legacy.Phone, legacy.PhoneKey = "legacy-1", "Vũ Văn Cũ", "+84912999999", "+84912999999"
		legacy.CCCDHash, legacy.CCCDKey, legacy.CCCDTail = "legacy-cccd", "legacy-cccd", ""
		if err := e.store.CreateUser(t.Context(), &legacy); err != nil {
			t.Fatal(err)
		}
		if got := names("912999999"); len(got) != 1 || got[0] != "Vũ Văn Cũ" {
			t.Fatalf("legacy account by phone = %v", got)
		}
		if got := names("vu%20van%20cu"); len(got) != 1 {
			t.Fatalf("legacy account by name = %v", got)
		}
	})
}
