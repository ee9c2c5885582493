package api

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/server/auth"
	"hoithi/server/store"
)

// loginThrottle slows down clients that keep failing to log in, per
// (account, client) pair and per client, never per account alone
// (server/auth/login_throttle.go says why), and remembers recent failures
// for the organizers' security view.
type loginThrottle struct {
	counters     auth.LoginCounters
	pair, client auth.Backoff
	failures     auth.FailedLogins
}

// A count is forgotten after an hour without failures: longer than the
// longest wait, so waiting it out never starts a client over.
const loginQuiet = time.Hour

func newLoginThrottle(counters auth.LoginCounters, l Limits, failures auth.FailedLogins) loginThrottle {
	if counters == nil {
		counters = auth.NewMemoryLoginCounters(loginQuiet)
	}
	if failures == nil {
		// One process (the embedded engine): memory is the whole record.
		// Memory bound: a few hundred bytes per entry.
		failures = auth.NewMemoryFailedLogins(2000)
	}
	return loginThrottle{
		counters: counters,
		pair:     auth.Backoff{Free: l.LoginFreeFailures, Base: 2 * time.Second, Max: 15 * time.Minute},
		client:   auth.Backoff{Free: l.LoginClientFreeFailures, Base: time.Second, Max: 5 * time.Minute},
		failures: failures,
	}
}

// throttleKeys are the counters' keys of one try: the pair (account, client)
// and the client. account is "" when what was typed names no account form.
func throttleKeys(account, ip string) (pair, client string) {
	return "p:" + account + "@" + ip, "c:" + ip
}

// wait returns how long the client must wait before this try is heard.
func (t *loginThrottle) wait(ctx context.Context, account, ip string, now time.Time) (time.Duration, error) {
	pair, client := throttleKeys(account, ip)
	var longest time.Duration
	for _, k := range []struct {
		key string
		b   auth.Backoff
	}{{pair, t.pair}, {client, t.client}} {
		n, last, err := t.counters.Failures(ctx, k.key, now)
		if err != nil {
			return 0, err
		}
		longest = max(longest, k.b.Wait(n, last, now))
	}
	return longest, nil
}

// failed counts a heard wrong try, keeps it for the security view and tells
// the client, with Retry-After, when it may try again if it must wait.
func (s *Server) loginFailed(c *fiber.Ctx, account, unitPath string) error {
	ctx, ip, now := c.UserContext(), c.IP(), s.Now()
	pair, client := throttleKeys(account, ip)
	for _, k := range []string{pair, client} {
		if err := s.loginThrottle.counters.Fail(ctx, k, now); err != nil {
			return err
		}
	}
	if account != "" {
		if err := s.loginThrottle.failures.Record(ctx, auth.FailedLogin{At: now.UTC(), Account: account, UnitPath: unitPath, Client: ip}); err != nil {
			return err
		}
	}
	s.Log.Warn("login failed", "request_id", requestID(c), "account", account, "known", unitPath != "", "ip", ip)
	wait, err := s.loginThrottle.wait(ctx, account, ip, now)
	if err != nil {
		return err
	}
	if wait > 0 {
		c.Set(fiber.HeaderRetryAfter, retryAfter(wait))
	}
	return errBadLogin
}

// sharedFailedLogins is the store's record of failed logins when several
// instances share it (MongoDB), else nil (this process keeps them).
func sharedFailedLogins(d Deps) auth.FailedLogins {
	if fl, ok := d.Store.(store.FailedLogins); ok && d.SharedStore {
		return storeFailedLogins{st: fl}
	}
	return nil
}
