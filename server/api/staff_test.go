package api

import (
	"testing"
	"time"

	"hoithi/contests"
)

// The staff screen's endpoints: an organizer creates a judge with a
// generated password the judge logs in with; the staff list shows them with
// their role; the secretariat finds them by name for a contest's panel.
func TestOrganizerCreatesStaffAndSecretariatFindsJudge(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		sec := e.staff(2, contests.RoleSecretary, "W1")
		body := map[string]any{"fullName": "Trần Thị Giám", "phone": "0977 000 111", "unitId": e.units["W1-A"].ID, "role": "judge", "roleUnitId": e.units["W1"].ID}
		r := e.do("POST", "/api/v1/org/staff", body, org)
		if r.Status != 201 {
			t.Fatalf("create judge: %d %s", r.Status, r.Raw)
		}
		password, _ := r.Body["password"].(string)
		if len(password) < 10 {
			t.Fatalf("generated password %q", password)
		}
		login := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0977000111", "password": password}, "")
		if login.Status != 200 {
			t.Fatalf("the judge logs in with the first password: %d %s", login.Status, login.Raw)
		}
		// A second account with the same phone is refused on the phone field;
		// a second staff account without CCCD is fine.
		if r := e.do("POST", "/api/v1/org/staff", body, org); r.Status != 409 || r.fieldNames()[0] != "phone" {
			t.Fatalf("same phone again: %d %s", r.Status, r.Raw)
		}
		other := map[string]any{"fullName": "Lê Văn Thư", "phone": "0977000222", "unitId": e.units["W1"].ID, "role": "secretary"}
		if r := e.do("POST", "/api/v1/org/staff", other, org); r.Status != 201 {
			t.Fatalf("second staff account: %d %s", r.Status, r.Raw)
		}
		for name, bad := range map[string]map[string]any{
			"foreign unit": {"fullName": "Ngô Văn Ngoài", "phone": "0977000333", "unitId": e.units["W2"].ID, "role": "judge"},
			"role above":   {"fullName": "Ngô Văn Trên", "phone": "0977000444", "unitId": e.units["W1"].ID, "role": "organizer", "roleUnitId": e.units["P"].ID},
		} {
			if r := e.do("POST", "/api/v1/org/staff", bad, org); r.Status != 403 {
				t.Errorf("%s: %d %s", name, r.Status, r.Raw)
			}
		}
		if r := e.do("POST", "/api/v1/org/staff", map[string]any{"fullName": "X", "phone": "1", "role": "emperor"}, org); r.Status != 400 || len(r.fieldNames()) != 4 {
			t.Errorf("every bad field named: %d %v", r.Status, r.fieldNames())
		}
		if r := e.do("POST", "/api/v1/org/staff", body, sec); r.Status != 403 {
			t.Errorf("a secretary creates no accounts: %d", r.Status)
		}

		r = e.do("GET", "/api/v1/org/staff", nil, org)
		staff, _ := r.Body["staff"].([]any)
		names := map[string]string{}
		for _, s := range staff {
			m := s.(map[string]any)
			roles := m["roles"].([]any)
			names[m["fullName"].(string)] = roles[0].(map[string]any)["role"].(string)
		}
		if names["Trần Thị Giám"] != "judge" || names["Lê Văn Thư"] != "secretary" {
			t.Fatalf("staff list: %v", names)
		}

		cid := e.newContest(t, org, "viet-w1", "essay", "W1", "", false)
		r = e.do("GET", "/api/v1/org/essay/"+cid+"/judges?q=tran%20thi", nil, sec)
		judges, _ := r.Body["judges"].([]any)
		if r.Status != 200 || len(judges) != 1 || judges[0].(map[string]any)["fullName"] != "Trần Thị Giám" || judges[0].(map[string]any)["unitName"] != "Khu phố 1" {
			t.Fatalf("judge search: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", "/api/v1/org/essay/"+cid+"/judges?q=le%20van", nil, sec); len(r.Body["judges"].([]any)) != 0 {
			t.Errorf("a secretary is no judge candidate: %s", r.Raw)
		}
	})
}

// The staff list shows each person's last activity: absent for an account
// that never logged in, the login's instant after a login, moved on by a
// token refresh, and not by ordinary requests in between.
func TestStaffListShowsLastActivity(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(1, contests.RoleOrganizer, "W1")
		create := func(name, phone string) string {
			r := e.do("POST", "/api/v1/org/staff", map[string]any{"fullName": name, "phone": phone, "unitId": e.units["W1-A"].ID, "role": "judge", "roleUnitId": e.units["W1"].ID}, org)
			if r.Status != 201 {
				t.Fatalf("create %s: %d %s", name, r.Status, r.Raw)
			}
			return r.Body["password"].(string)
		}
		password := create("Trần Thị Đăng Nhập", "0977000111")
		create("Lê Văn Chưa Vào", "0977000222")
		seen := func() map[string]any {
			out := map[string]any{}
			for _, s := range e.do("GET", "/api/v1/org/staff", nil, org).Body["staff"].([]any) {
				m := s.(map[string]any)
				out[m["fullName"].(string)] = m["lastSeenAt"]
			}
			return out
		}
		at := func(v any) time.Time {
			s, _ := v.(string)
			ts, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				t.Fatalf("lastSeenAt %v: %v", v, err)
			}
			return ts
		}
		if s := seen(); s["Trần Thị Đăng Nhập"] != nil || s["Lê Văn Chưa Vào"] != nil {
			t.Fatalf("never logged in, yet lastSeenAt = %v", s)
		}

		loginAt := e.now
		login := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0977000111", "password": password}, "")
		if login.Status != 200 {
			t.Fatalf("login: %d %s", login.Status, login.Raw)
		}
		s := seen()
		if got := at(s["Trần Thị Đăng Nhập"]); !got.Equal(loginAt.Truncate(time.Millisecond)) {
			t.Fatalf("lastSeenAt after login = %v, want %v", got, loginAt)
		}
		if s["Lê Văn Chưa Vào"] != nil {
			t.Fatalf("someone else's login marked an account that never logged in: %v", s)
		}

		// Requests with the access token do not write it; a refresh does.
		e.now = e.now.Add(2 * time.Minute)
		if r := e.do("GET", "/api/v1/me", nil, login.Body["accessToken"].(string)); r.Status != 200 {
			t.Fatalf("me: %d %s", r.Status, r.Raw)
		}
		if got := at(seen()["Trần Thị Đăng Nhập"]); !got.Equal(loginAt.Truncate(time.Millisecond)) {
			t.Fatalf("an ordinary request moved lastSeenAt to %v", got)
		}
		e.now = e.now.Add(3 * time.Minute) // the organizer's own token still valid
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": login.Body["refreshToken"]}, ""); r.Status != 200 {
			t.Fatalf("refresh: %d %s", r.Status, r.Raw)
		}
		if got := at(seen()["Trần Thị Đăng Nhập"]); !got.Equal(e.now.Truncate(time.Millisecond)) {
			t.Fatalf("lastSeenAt after refresh = %v, want %v", got, e.now)
		}
	})
}
