package api

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

// throttleEnv is an app that believes X-Forwarded-For from the test
// client, so each test request can come from the address it names.
func throttleEnv(t *testing.T, l Limits) *env {
	e := newEnv(t, engines[0].open(t), l)
	e.app = New(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now },
		Limits: l, TrustedProxies: []string{"0.0.0.0"}})
	return e
}

func (e *env) loginFrom(ip, login, password string) response {
	e.t.Helper()
	return e.do("POST", "/api/v1/auth/login", map[string]any{"login": login, "password": password}, "", "X-Forwarded-For", ip)
}

func retrySeconds(t *testing.T, r response) int {
	t.Helper()
	n, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || n < 1 {
		t.Fatalf("status %d without a usable Retry-After (%q)", r.Status, r.Header.Get("Retry-After"))
	}
	return n
}

func TestWrongPasswordsSlowTheGuesserNeverTheOwner(t *testing.T) {
	e := throttleEnv(t, Limits{LoginPerIP: 1000, LoginFreeFailures: 3, LoginClientFreeFailures: 1000, RegisterPerIP: 1000, MaxUploadBytes: 1 << 20})
	e.register(1, "W1")
	const attacker, owner = "203.0.113.9", "198.51.100.4"
	for i := range 3 {
		if r := e.loginFrom(attacker, "0912000001", "wrong-pass"); r.Status != 401 {
			t.Fatalf("free try %d: %d %s", i, r.Status, r.Raw)
		}
	}
	// The attacker now waits before each try, and is told how long, even
	// when it happens to send the right password.
	r := e.loginFrom(attacker, "0912000001", "mat-khau-123")
	if r.Status != 429 || r.errCode() != "rate_limited" {
		t.Fatalf("try while waiting: %d %s", r.Status, r.Raw)
	}
	first := retrySeconds(t, r)
	// The owner, from their own phone, is not held back.
	if r := e.loginFrom(owner, "0912000001", "mat-khau-123"); r.Status != 200 {
		t.Fatalf("owner from another client while the account is attacked: %d %s", r.Status, r.Raw)
	}
	// The wait grows with each heard failure.
	e.now = e.now.Add(time.Duration(first) * time.Second)
	r = e.loginFrom(attacker, "0912000001", "wrong-again")
	if r.Status != 401 {
		t.Fatalf("try after the wait: %d %s", r.Status, r.Raw)
	}
	if second := retrySeconds(t, r); second <= first {
		t.Fatalf("wait did not grow: %d s then %d s", first, second)
	}
	// The owner's own client after a typo or two: the right password works
	// once the short wait is over, and clears the pair's count.
	for range 3 {
		e.loginFrom(owner, "0912000001", "typo-typo")
	}
	r = e.loginFrom(owner, "0912000001", "mat-khau-123")
	wait := retrySeconds(t, r)
	e.now = e.now.Add(time.Duration(wait) * time.Second)
	if r := e.loginFrom(owner, "0912000001", "mat-khau-123"); r.Status != 200 {
		t.Fatalf("owner after waiting: %d %s", r.Status, r.Raw)
	}
	if r := e.loginFrom(owner, "0912000001", "typo-once"); r.Status != 401 || r.Header.Get("Retry-After") != "" {
		t.Fatalf("a success must clear the pair's count: %d, Retry-After %q", r.Status, r.Header.Get("Retry-After"))
	}
}

func TestOneClientGuessingManyAccountsIsSlowed(t *testing.T) {
	e := throttleEnv(t, Limits{LoginPerIP: 1000, LoginFreeFailures: 100, LoginClientFreeFailures: 4, RegisterPerIP: 1000, MaxUploadBytes: 1 << 20})
	e.register(1, "W1")
	const sprayer = "203.0.113.50"
	for i := range 4 {
		if r := e.loginFrom(sprayer, "09120000"+strconv.Itoa(10+i), "mat-khau-123"); r.Status != 401 {
			t.Fatalf("spray %d: %d %s", i, r.Status, r.Raw)
		}
	}
	r := e.loginFrom(sprayer, "0912000001", "mat-khau-123")
	if r.Status != 429 {
		t.Fatalf("fifth account from the same client: %d %s", r.Status, r.Raw)
	}
	retrySeconds(t, r)
	if r := e.loginFrom("198.51.100.4", "0912000001", "mat-khau-123"); r.Status != 200 {
		t.Fatalf("another client: %d %s", r.Status, r.Raw)
	}
}

func TestEveryRateLimitSaysWhenToComeBack(t *testing.T) {
	e := throttleEnv(t, Limits{LoginPerIP: 2, LoginFreeFailures: 100, LoginClientFreeFailures: 100, RegisterPerIP: 1000, MaxUploadBytes: 1 << 20})
	for range 2 {
		e.loginFrom("203.0.113.1", "0912000001", "x-password")
	}
	r := e.loginFrom("203.0.113.1", "0912000001", "x-password")
	if r.Status != 429 || retrySeconds(t, r) != 60 {
		t.Fatalf("per-address limit: %d Retry-After %q", r.Status, r.Header.Get("Retry-After"))
	}
}

func TestOrganizersSeeFailedLoginsOfTheirSubtree(t *testing.T) {
	e := throttleEnv(t, Limits{LoginPerIP: 1000, LoginFreeFailures: 100, LoginClientFreeFailures: 100, RegisterPerIP: 1000, MaxUploadBytes: 1 << 20})
	e.register(1, "W1-A") // inside W1
	e.register(2, "W2")
	orgW1 := e.staff(901, contests.RoleOrganizer, "W1")
	admin := e.staff(902, contests.RoleAdmin, "")
	e.loginFrom("203.0.113.7", "0912000001", "wrong-pass")
	e.loginFrom("203.0.113.7", "0912000002", "wrong-pass")
	e.loginFrom("203.0.113.7", "0987654321", "wrong-pass") // nobody's phone
	r := e.do("GET", "/api/v1/org/security/failed-logins", nil, orgW1)
	if r.Status != 200 {
		t.Fatalf("organizer view: %d %s", r.Status, r.Raw)
	}
	list := r.Body["failures"].([]any)
	if len(list) != 1 {
		t.Fatalf("W1 organizer sees %d failures, want only the W1-A account's: %s", len(list), r.Raw)
	}
	f := list[0].(map[string]any)
	if f["unitName"] != "Khu phố 1, Phường An Biên, Tỉnh An Giang" || f["client"] != "203.0.113.7" || len(f["account"].(string)) != 16 {
		t.Fatalf("failure shown as %v", f)
	}
	for _, secret := range []string{"0912000001", "84912000001"} {
		if strings.Contains(string(r.Raw), secret) {
			t.Fatalf("the view shows the phone %s: %s", secret, r.Raw)
		}
	}
	if r := e.do("GET", "/api/v1/org/security/failed-logins", nil, admin); len(r.Body["failures"].([]any)) != 3 {
		t.Fatalf("whole-system view: %s", r.Raw)
	}
	citizen, _ := e.register(3, "W1")
	if r := e.do("GET", "/api/v1/org/security/failed-logins", nil, citizen); r.Status != 403 {
		t.Fatalf("citizen: %d", r.Status)
	}
}

// Guessing by phone and by CCCD is guessing one account: the two share the
// pair's count, and the security view shows one code.
func TestPhoneAndCCCDCountAsOneAccount(t *testing.T) {
	e := throttleEnv(t, Limits{LoginPerIP: 1000, LoginFreeFailures: 2, LoginClientFreeFailures: 1000, RegisterPerIP: 1000, MaxUploadBytes: 1 << 20})
	e.register(1, "W1")
	const guesser = "203.0.113.77"
	e.loginFrom(guesser, "0912000001", "wrong-pass")
	e.loginFrom(guesser, "089090000001", "wrong-pass")
	if r := e.loginFrom(guesser, "089090000001", "mat-khau-123"); r.Status != 429 {
		t.Fatalf("third try on one account, by phone then CCCD: %d %s", r.Status, r.Raw)
	}
	admin := e.staff(900, contests.RoleAdmin, "")
	r := e.do("GET", "/api/v1/org/security/failed-logins", nil, admin)
	list := r.Body["failures"].([]any)
	if len(list) != 2 || list[0].(map[string]any)["account"] != list[1].(map[string]any)["account"] {
		t.Fatalf("two tries on one account shown as %s", r.Raw)
	}
}
