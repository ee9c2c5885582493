package api

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/server/auth"
)

const (
	localRequestID = "request_id"
	localClaims    = "claims"
)

// withRequestID takes X-Request-Id from the proxy when it is sane, else makes
// one, and echoes it so a citizen's screenshot can be matched to a log line.
func withRequestID(c *fiber.Ctx) error {
	id := c.Get(fiber.HeaderXRequestID)
	if id == "" || len(id) > 64 || strings.ContainsAny(id, " \t\r\n\"") {
		var b [8]byte
		_, _ = rand.Read(b[:])
		id = hex.EncodeToString(b[:])
	}
	c.Locals(localRequestID, id)
	c.Set(fiber.HeaderXRequestID, id)
	return c.Next()
}

func requestID(c *fiber.Ctx) string {
	id, _ := c.Locals(localRequestID).(string)
	return id
}

// withAccessLog logs each request once, after the error handler has chosen
// the status, and records it in the metrics.
func withAccessLog(log *slog.Logger, m *metrics) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		if err != nil {
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				_ = c.SendStatus(fiber.StatusInternalServerError)
			}
		}
		status := c.Response().StatusCode()
		route := c.Route().Path
		elapsed := time.Since(start)
		m.observe(c.Method(), route, status, elapsed)
		level := slog.LevelDebug
		if status >= 500 && status != fiber.StatusServiceUnavailable {
			level = slog.LevelError
		} else if strings.HasPrefix(c.Path(), "/api/") {
			// 503 included: shedding a login storm (auth.BusyError) or a
			// readiness failure (logged with its reason) is expected, and
			// thousands of error lines would cost CPU when it is scarcest;
			// /metrics counts them by status.
			level = slog.LevelInfo
		}
		// Checked first: building the attributes (the client IP among them)
		// costs even when the level is off (--log-level warn drops every
		// successful request).
		if ctx := c.UserContext(); log.Enabled(ctx, level) {
			log.Log(ctx, level, "http", "request_id", requestID(c), "method", c.Method(),
				"path", c.Path(), "route", route, "status", status, "ms", float64(elapsed.Microseconds())/1000, "ip", c.IP())
		}
		return nil
	}
}

var errSessionEnded = contests.E(contests.CodeUnauthorized, contests.T("Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại", "Your session has expired, please log in again"))

// authenticate reads the bearer token when there is one, and refuses it when
// the user's sessions were ended after it was issued (logout, password change,
// roles changed). Routes that need a user call requireUser or requireRole
// after it.
func authenticate(tokens *auth.Tokens, sessions *auth.SessionVersions) fiber.Handler {
	return func(c *fiber.Ctx) error {
		h := c.Get(fiber.HeaderAuthorization)
		if h == "" || c.Path() == "/metrics" { // its bearer token is not a user's
			return c.Next()
		}
		raw, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return errUnauthorized
		}
		claims, err := tokens.Parse(strings.TrimSpace(raw))
		if err != nil {
			return errSessionEnded
		}
		current, err := sessions.Current(c.UserContext(), claims.UserID(), claims.SessionVersion)
		if contests.ErrorCode(err) == contests.CodeNotFound {
			return errSessionEnded // the account is gone
		} else if err != nil {
			return err
		}
		if !current {
			return errSessionEnded
		}
		c.Locals(localClaims, claims)
		return c.Next()
	}
}

// claimsOf returns the caller's claims or nil when anonymous.
func claimsOf(c *fiber.Ctx) *auth.Claims {
	cl, _ := c.Locals(localClaims).(*auth.Claims)
	return cl
}

// requireUser refuses anonymous callers.
func requireUser(c *fiber.Ctx) error {
	if claimsOf(c) == nil {
		return errUnauthorized
	}
	return c.Next()
}

// requireRole refuses callers holding none of roles on any unit. Handlers
// then check the target unit with allowAt.
func requireRole(roles ...contests.Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		cl := claimsOf(c)
		if cl == nil {
			return errUnauthorized
		}
		if !contests.Holds(cl.Grants, roles...) {
			return errForbidden
		}
		return c.Next()
	}
}

// allowAt refuses unless the caller holds one of roles over unitPath.
func allowAt(c *fiber.Ctx, unitPath string, roles ...contests.Role) error {
	cl := claimsOf(c)
	if cl == nil {
		return errUnauthorized
	}
	if !contests.Allowed(cl.Grants, unitPath, roles...) {
		return errForbidden
	}
	return nil
}

// scopePaths returns the unit paths where the caller holds one of roles.
func scopePaths(c *fiber.Ctx, roles ...contests.Role) []string {
	var out []string
	cl := claimsOf(c)
	if cl == nil {
		return nil
	}
	for _, g := range cl.Grants {
		if g.Gives(roles...) {
			out = append(out, g.UnitPath)
		}
	}
	return outermost(out)
}

// outermost drops paths nested inside another path of the list.
func outermost(paths []string) []string {
	var out []string
	for i, p := range paths {
		inside := false
		for j, q := range paths {
			if i != j && strings.HasPrefix(p, q) && (p != q || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, p)
		}
	}
	return out
}
