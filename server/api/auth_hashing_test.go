package api

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/argon2"

	"hoithi/server/auth"
)

// oldParamsHash is a hash of password with the parameters the server used
// before (19 MiB, 2 passes), as stored accounts still carry.
func oldParamsHash(password string) string {
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte(password), salt, 2, 19*1024, 1, 32)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=19$m=19456,t=2,p=1$%s$%s", enc.EncodeToString(salt), enc.EncodeToString(key))
}

// TestLoginRehashesOldParameters: an account hashed with older parameters
// logs in, its hash is replaced by one with the current parameters, and the
// sessions it already had keep working (the rehash is not a password change).
func TestLoginRehashesOldParameters(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		_, id := e.register(1, "W1-A")
		phone := e.registration(1, "W1-A")["phone"].(string)
		u, err := e.store.UserByID(t.Context(), id)
		must(t, err)
		must(t, e.store.SetPassword(t.Context(), id, oldParamsHash("mat-khau-123"), u.PasswordChangedAt))
		access, refresh := e.login(phone, "mat-khau-123")
		u, err = e.store.UserByID(t.Context(), id)
		must(t, err)
		if auth.NeedsRehash(u.PasswordHash) || strings.Contains(u.PasswordHash, "m=19456") {
			t.Fatalf("hash not replaced after a successful login: %s", u.PasswordHash)
		}
		e.login(phone, "mat-khau-123") // the new hash verifies the same password
		if r := e.do("GET", "/api/v1/me", nil, access); r.Status != 200 {
			t.Fatalf("the session's access token stopped working after the rehash: %d", r.Status)
		}
		if r := e.do("POST", "/api/v1/auth/refresh", map[string]any{"refreshToken": refresh}, ""); r.Status != 200 {
			t.Fatalf("the session's refresh token stopped working after the rehash: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", "/api/v1/auth/login", map[string]any{"login": phone, "password": "wrong-password"}, ""); r.Status != 401 {
			t.Fatalf("wrong password after the rehash: %d", r.Status)
		}
	})
}

// TestLoginStormIsRefusedWith503: with one hashing slot and room for one in
// line, a burst of logins is answered at once — each either checked (401
// here: unknown accounts) or refused with 503, code "busy" and a
// Retry-After — instead of piling up behind the hashes.
func TestLoginStormIsRefusedWith503(t *testing.T) {
	auth.ConfigureHashing(1, 1)
	t.Cleanup(func() { auth.ConfigureHashing(0, 0) })
	e := sqliteEnv(t)
	const n = 24
	answers := make([]response, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			body := map[string]any{"login": fmt.Sprintf("09030000%02d", i), "password": "whatever-pass"}
			answers[i] = e.do("POST", "/api/v1/auth/login", body, "", "X-Forwarded-For", fmt.Sprintf("10.0.0.%d", i))
		})
	}
	wg.Wait()
	var checked, busy int
	for i, r := range answers {
		switch r.Status {
		case 401:
			checked++
		case 503:
			busy++
			secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
			if err != nil || secs < 1 || secs > 30 {
				t.Errorf("login %d: 503 with Retry-After %q", i, r.Header.Get("Retry-After"))
			}
			if r.errCode() != "busy" || !strings.Contains(string(r.Raw), "thử lại sau") {
				t.Errorf("login %d: 503 body %s", i, r.Raw)
			}
		default:
			t.Errorf("login %d: status %d %s", i, r.Status, r.Raw)
		}
	}
	if checked == 0 || busy == 0 {
		t.Fatalf("%d checked, %d refused: want both under a burst of %d with 1 slot + 1 waiting", checked, busy, n)
	}
}
