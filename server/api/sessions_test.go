package api

import (
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/auth"
)

// login returns an access and a refresh token of a fresh login.
func (e *env) login(phone, password string) (access, refresh string) {
	e.t.Helper()
	r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": phone, "password": password}, "")
	if r.Status != 200 {
		e.t.Fatalf("login %s: %d %s", phone, r.Status, r.Raw)
	}
	return r.Body["accessToken"].(string), r.Body["refreshToken"].(string)
}

func TestAccessTokensEndWithTheSession(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		org := e.staff(900, contests.RoleOrganizer, "W1")
		_, id := e.register(1, "W1-A")
		cases := []struct {
			name string
			end  func(access, refresh string)
		}{
			{"logout", func(_, refresh string) {
				if r := e.do("POST", "/api/v1/auth/logout", map[string]any{"refreshToken": refresh}, ""); r.Status != 204 {
					t.Fatalf("logout: %d", r.Status)
				}
			}},
			{"password change", func(access, _ string) {
				r := e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": "mat-khau-123", "newPassword": "mat-khau-moi-9"}, access)
				if r.Status != 200 {
					t.Fatalf("change: %d %s", r.Status, r.Raw)
				}
				// The token the change returned works; put the password back.
				fresh := r.Body["accessToken"].(string)
				if r := e.do("GET", "/api/v1/me", nil, fresh); r.Status != 200 {
					t.Fatalf("token from the change: %d %s", r.Status, r.Raw)
				}
				if r := e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": "mat-khau-moi-9", "newPassword": "mat-khau-123"}, fresh); r.Status != 200 {
					t.Fatalf("change back: %d %s", r.Status, r.Raw)
				}
			}},
			{"organizer's reset", func(_, _ string) {
				r := e.do("POST", "/api/v1/org/users/"+id+"/reset-password", nil, org)
				if r.Status != 200 {
					t.Fatalf("reset: %d %s", r.Status, r.Raw)
				}
				tmp := r.Body["temporaryPassword"].(string)
				a, _ := e.login("0912000001", tmp)
				if r := e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": tmp, "newPassword": "mat-khau-123"}, a); r.Status != 200 {
					t.Fatalf("change back: %d %s", r.Status, r.Raw)
				}
			}},
		}
		for _, tc := range cases {
			access, refresh := e.login("0912000001", "mat-khau-123")
			if r := e.do("GET", "/api/v1/me", nil, access); r.Status != 200 {
				t.Fatalf("%s: token before: %d", tc.name, r.Status)
			}
			tc.end(access, refresh)
			if r := e.do("GET", "/api/v1/me", nil, access); r.Status != 401 || r.errCode() != "unauthorized" {
				t.Errorf("%s: old access token still works: %d %s", tc.name, r.Status, r.Raw)
			}
		}
	})
}

func TestRemovedRoleStopsWorkingAndRefreshBringsTheNewGrants(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		admin := e.staff(900, contests.RoleAdmin, "")
		_, id := e.register(1, "W1-A")
		grant := map[string]any{"grants": []map[string]any{{"role": "organizer", "unitId": e.units["W1"].ID}}}
		if r := e.do("PUT", "/api/v1/org/users/"+id+"/grants", grant, admin); r.Status != 200 {
			t.Fatalf("grant: %d %s", r.Status, r.Raw)
		}
		access, refresh := e.login("0912000001", "mat-khau-123")
		if r := e.do("GET", "/api/v1/org/users", nil, access); r.Status != 200 {
			t.Fatalf("organizer before removal: %d %s", r.Status, r.Raw)
		}
		if r := e.do("PUT", "/api/v1/org/users/"+id+"/grants", map[string]any{"grants": []any{}}, admin); r.Status != 200 {
			t.Fatalf("remove: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", "/api/v1/org/users", nil, access); r.Status != 401 {
			t.Fatalf("token with the removed role still works: %d %s", r.Status, r.Raw)
		}
		r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": refresh}, "")
		if r.Status != 200 {
			t.Fatalf("refresh after a role change: %d %s", r.Status, r.Raw)
		}
		fresh := r.Body["accessToken"].(string)
		if r := e.do("GET", "/api/v1/me", nil, fresh); r.Status != 200 {
			t.Fatalf("refreshed token: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", "/api/v1/org/users", nil, fresh); r.Status != 403 {
			t.Fatalf("refreshed token must not carry the removed role: %d %s", r.Status, r.Raw)
		}
	})
}

// TestAnotherInstanceRefusesAnEndedSessionWithinTheTTL runs two apps on one
// store, as two instances behind a load balancer: the one that did not see
// the logout refuses the token once its cached version expires.
func TestAnotherInstanceRefusesAnEndedSessionWithinTheTTL(t *testing.T) {
	e := sqliteEnv(t)
	other := New(Deps{Store: e.store, Blobs: nil, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now }})
	onOther := func(token string) int {
		e.t.Helper()
		saved := e.app
		e.app = other
		defer func() { e.app = saved }()
		return e.do("GET", "/api/v1/me", nil, token).Status
	}
	e.register(1, "W1-A")
	access, refresh := e.login("0912000001", "mat-khau-123")
	if s := onOther(access); s != 200 {
		t.Fatalf("other instance before logout: %d", s)
	}
	if r := e.do("POST", "/api/v1/auth/logout", map[string]any{"refreshToken": refresh}, ""); r.Status != 204 {
		t.Fatalf("logout: %d", r.Status)
	}
	e.now = e.now.Add(auth.SessionVersionTTL)
	if s := onOther(access); s != 401 {
		t.Fatalf("other instance %s after logout: %d, want 401", auth.SessionVersionTTL, s)
	}
	// A token issued after the logout works on the instance whose copy of
	// the version may still be the old one.
	fresh, _ := e.login("0912000001", "mat-khau-123")
	if s := onOther(fresh); s != 200 {
		t.Fatalf("new token on the other instance: %d", s)
	}
}
