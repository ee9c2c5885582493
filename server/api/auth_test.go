package api

import (
	"slices"
	"strings"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/auth"
)

func TestRegisterLoginProfile(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		body := e.registration(1, "W1-A")
		body["phone"] = "0912 000 001"
		body["fullName"] = "  nguyễn   Văn An "
		r := e.registered(body)
		user := r.Body["user"].(map[string]any)
		if user["phone"] != "+84912000001" || user["cccdMasked"] != "089******001" || user["fullName"] != "nguyễn Văn An" {
			t.Fatalf("normalized fields wrong: %v", user)
		}
		if strings.Contains(string(r.Raw), "089090000001") || strings.Contains(string(r.Raw), "argon2") {
			t.Fatal("response leaks the CCCD or the password hash")
		}
		if got := user["unit"].(map[string]any)["pathName"]; got != "Khu phố 1, Phường An Biên, Tỉnh An Giang" {
			t.Fatalf("unit path name = %q", got)
		}

		for _, login := range []string{"0912000001", "+84 912 000 001", "089090000001"} {
			r = e.do("POST", "/api/v1/auth/login", map[string]any{"login": login, "password": "mat-khau-123"}, "")
			if r.Status != 200 || r.Body["accessToken"] == "" {
				t.Fatalf("login %q: %d %s", login, r.Status, r.Raw)
			}
		}
		me := e.do("GET", "/api/v1/me", nil, r.Body["accessToken"].(string))
		if me.Status != 200 || me.Body["user"].(map[string]any)["id"] != user["id"] {
			t.Fatalf("me: %d %s", me.Status, me.Raw)
		}
		if r := e.do("GET", "/api/v1/me", nil, ""); r.Status != 401 || r.errCode() != "unauthorized" {
			t.Fatalf("anonymous /me: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000001", "password": "wrong-password"}, ""); r.Status != 401 {
			t.Fatalf("wrong password: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0999999999", "password": "mat-khau-123"}, ""); r.Status != 401 {
			t.Fatalf("unknown phone: %d", r.Status)
		}
	})
}

func TestRegisterRejectsBadInput(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		cases := []struct {
			name   string
			change map[string]any
			field  string
		}{
			{"phone letters", map[string]any{"phone": "09abc12345"}, "phone"},
			{"phone short", map[string]any{"phone": "091234"}, "phone"},
			{"cccd 11 digits", map[string]any{"cccd": "08909000000"}, "cccd"},
			{"cccd unknown province", map[string]any{"cccd": "003090000001"}, "cccd"},
			{"cccd gender mismatch", map[string]any{"gender": "female"}, "cccd"},
			{"cccd year mismatch", map[string]any{"birthDate": "1991-05-17"}, "cccd"},
			{"bad date", map[string]any{"birthDate": "17/05/1990"}, "birthDate"},
			{"too young", map[string]any{"birthDate": "2024-01-01"}, "birthDate"},
			{"short password", map[string]any{"password": "abc"}, "password"},
			{"common password", map[string]any{"password": "iloveyou"}, "password"},
			{"own birth date", map[string]any{"password": "17/05/1990"}, "password"},
			{"129 characters", map[string]any{"password": strings.Repeat("ệ", 129)}, "password"},
			{"no unit", map[string]any{"unitId": "nope"}, "unitId"},
			{"occupation", map[string]any{"occupation": "astronaut"}, "occupation"},
			{"email", map[string]any{"email": "an@"}, "email"},
			{"single name", map[string]any{"fullName": "An"}, "fullName"},
		}
		for i, tc := range cases {
			body := e.registration(100+i, "W1")
			for k, v := range tc.change {
				body[k] = v
			}
			r := e.do("POST", "/api/v1/auth/register", body, "", "Accept-Language", "en")
			if r.Status != 400 || r.errCode() != "invalid" || !slices.Contains(r.fieldNames(), tc.field) {
				t.Errorf("%s: %d %s, want 400 naming %s", tc.name, r.Status, r.Raw, tc.field)
			}
		}
		_, _, total := countUsers(t, e)
		if total != 0 {
			t.Fatalf("bad registrations stored %d users", total)
		}
	})
}

func TestRegisterDuplicates(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		e.register(1, "W1")
		dupPhone := e.registration(2, "W1")
		dupPhone["phone"] = "+84912000001"
		r := e.do("POST", "/api/v1/auth/register", dupPhone, "")
		if r.Status != 409 || !slices.Contains(r.fieldNames(), "phone") || !strings.Contains(string(r.Raw), "ban tổ chức") {
			t.Fatalf("duplicate phone: %d %s", r.Status, r.Raw)
		}
		dupCCCD := e.registration(3, "W1")
		dupCCCD["cccd"] = "089090000001"
		r = e.do("POST", "/api/v1/auth/register", dupCCCD, "")
		if r.Status != 409 || !slices.Contains(r.fieldNames(), "cccd") {
			t.Fatalf("duplicate cccd: %d %s", r.Status, r.Raw)
		}
		if _, _, total := countUsers(t, e); total != 1 {
			t.Fatalf("duplicates stored: %d users", total)
		}
	})
}

func TestRefreshRotationAndReuse(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		e.register(1, "W1")
		r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000001", "password": "mat-khau-123"}, "")
		first := r.Body["refreshToken"].(string)
		r = e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": first}, "")
		if r.Status != 200 {
			t.Fatalf("refresh: %d %s", r.Status, r.Raw)
		}
		second := r.Body["refreshToken"].(string)
		if second == first {
			t.Fatal("refresh token was not rotated")
		}
		// Reusing the first token (stolen copy) revokes the whole family,
		// including the second token the owner holds.
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": first}, ""); r.Status != 401 {
			t.Fatalf("reuse: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": second}, ""); r.Status != 401 {
			t.Fatalf("after reuse the family must be revoked: %d %s", r.Status, r.Raw)
		}
		// A new login starts a new family that works; logout ends it.
		r = e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000001", "password": "mat-khau-123"}, "")
		third := r.Body["refreshToken"].(string)
		if r := e.do("POST", "/api/v1/auth/logout", map[string]any{"refreshToken": third}, ""); r.Status != 204 {
			t.Fatalf("logout: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": third}, ""); r.Status != 401 {
			t.Fatalf("refresh after logout: %d", r.Status)
		}
		// Expiry.
		r = e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000001", "password": "mat-khau-123"}, "")
		fourth := r.Body["refreshToken"].(string)
		e.now = e.now.Add(31 * 24 * time.Hour)
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": fourth}, ""); r.Status != 401 {
			t.Fatalf("expired refresh: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": "garbage"}, ""); r.Status != 401 {
			t.Fatalf("unknown refresh: %d", r.Status)
		}
	})
}

func TestChangePassword(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		e.register(1, "W1")
		r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000001", "password": "mat-khau-123"}, "")
		tok, oldRefresh := r.Body["accessToken"].(string), r.Body["refreshToken"].(string)
		if r := e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": "wrong", "newPassword": "mat-khau-moi"}, tok); r.Status != 400 || !slices.Contains(r.fieldNames(), "oldPassword") {
			t.Fatalf("wrong old password: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": "mat-khau-123", "newPassword": "short"}, tok); r.Status != 400 || !slices.Contains(r.fieldNames(), "newPassword") {
			t.Fatalf("short new password: %d %s", r.Status, r.Raw)
		}
		e.now = e.now.Add(time.Second)
		r = e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": "mat-khau-123", "newPassword": "mat-khau-moi"}, tok)
		if r.Status != 200 || r.Body["refreshToken"] == nil {
			t.Fatalf("change: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": oldRefresh}, ""); r.Status != 401 {
			t.Fatalf("old sessions must end: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0912000001", "password": "mat-khau-moi"}, ""); r.Status != 200 {
			t.Fatalf("login with new password: %d", r.Status)
		}
	})
}

func TestRegisterRateLimitedPerIP(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{LoginPerIP: 1000, LoginFreeFailures: 1000, LoginClientFreeFailures: 1000, RegisterPerIP: 2, MaxUploadBytes: 1 << 20})
	e.register(1, "W1")
	e.register(2, "W1")
	r := e.do("POST", "/api/v1/auth/register", e.registration(3, "W1"), "")
	if r.Status != 429 || r.Header.Get("Retry-After") != "60" {
		t.Fatalf("third registration from one IP in a minute: %d, Retry-After %q", r.Status, r.Header.Get("Retry-After"))
	}
}

func TestLoginOfUnknownAccountCostsAHash(t *testing.T) {
	e := sqliteEnv(t)
	e.register(1, "W1")
	before := auth.Hashes()
	if r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": "0999999999", "password": "whatever-pass"}, ""); r.Status != 401 {
		t.Fatalf("unknown phone: %d", r.Status)
	}
	if got := auth.Hashes() - before; got < 1 {
		t.Fatal("a login for an unknown phone skipped the hash: its timing reveals who is registered")
	}
}

// An address is told that a phone or CCCD is registered, with the way back
// in, a few times an hour; past that it learns nothing more.
func TestRegisterSaysWhoIsRegisteredOnlyWithinTheBudget(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{LoginPerIP: 1000, LoginFreeFailures: 1000, LoginClientFreeFailures: 1000,
		RegisterPerIP: 1000, RegisterDuplicatesPerIP: 2, MaxUploadBytes: 1 << 20})
	e.register(1, "W1")
	dup := e.registration(2, "W1")
	dup["phone"] = "+84912000001"
	for i := range 2 {
		r := e.do("POST", "/api/v1/auth/register", dup, "")
		if r.Status != 409 || !slices.Contains(r.fieldNames(), "phone") || !strings.Contains(r.Body["error"].(map[string]any)["message"].(string), "ban tổ chức") {
			t.Fatalf("duplicate %d: %d %s", i, r.Status, r.Raw)
		}
	}
	r := e.do("POST", "/api/v1/auth/register", dup, "")
	if r.Status != 429 || len(r.fieldNames()) != 0 || strings.Contains(string(r.Raw), "đã có tài khoản") || r.Header.Get("Retry-After") == "" {
		t.Fatalf("duplicate past the budget: %d %s", r.Status, r.Raw)
	}
	// A new person registering from the same address is not held back.
	e.registered(e.registration(3, "W1"))
	e.now = e.now.Add(time.Hour)
	if r := e.do("POST", "/api/v1/auth/register", dup, ""); r.Status != 409 {
		t.Fatalf("an hour later: %d %s", r.Status, r.Raw)
	}
}

func TestPasswordRulesOnEveryPath(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		// 128 Vietnamese letters are 128 characters, whatever their bytes.
		long := strings.Repeat("ệ", 128)
		body := e.registration(1, "W1")
		body["password"] = long
		e.registered(body) // 128 Vietnamese letters are accepted
		access, _ := e.login("0912000001", long)
		for _, bad := range []string{"0912000001", "089090000001", "17051990", "qwertyuiop", "ngắn"} {
			r := e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": long, "newPassword": bad}, access)
			if r.Status != 400 || !slices.Contains(r.fieldNames(), "newPassword") {
				t.Errorf("change to %q: %d %s", bad, r.Status, r.Raw)
			}
		}
		org := e.staff(900, contests.RoleOrganizer, "W1")
		created := e.registration(2, "W1")
		created["password"] = "12345678"
		if r := e.do("POST", "/api/v1/org/users", created, org); r.Status != 400 || !slices.Contains(r.fieldNames(), "password") {
			t.Errorf("organizer creates with a common password: %d %s", r.Status, r.Raw)
		}
	})
}
