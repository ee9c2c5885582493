package api

import (
	"testing"
	"time"

	"hoithi/contests"
)

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
