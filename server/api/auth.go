package api

import (
	"context"
	"regexp"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/account"
	"hoithi/contests/vnid"
	"hoithi/server/auth"
)

func (s *Server) register(c *fiber.Ctx) error {
	if ok, wait := s.registerIP.allow(c.UserContext(), c.IP()); !ok {
		return rateLimited(c, wait)
	}
	var req registerRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u, err := s.createAccount(c.UserContext(), req, sharing{}, "", "")
	if contests.ErrorCode(err) == contests.CodeConflict {
		// Saying who is registered is for people, not for lists: past its
		// budget an address learns nothing more (ratelimit.go).
		if ok, wait := s.registerDuplicates.allow(c.UserContext(), c.IP()); !ok {
			return rateLimited(c, wait)
		}
	}
	if err != nil {
		return err
	}
	out, err := s.issueTokens(c.UserContext(), u, "")
	if err != nil {
		return err
	}
	out.User = s.toUserDTO(c.UserContext(), u)
	return c.Status(fiber.StatusCreated).JSON(out)
}

type loginRequest struct {
	Login    string `json:"login"`
	Password string `json:"password"`
}

var twelveDigits = regexp.MustCompile(`^[0-9]{12}$`)

var errBadLogin = contests.E(contests.CodeUnauthorized, contests.T(
	"Số điện thoại/CCCD hoặc mật khẩu không đúng", "Wrong phone/CCCD or password"))

func (s *Server) login(c *fiber.Ctx) error {
	if ok, wait := s.loginIP.allow(c.UserContext(), c.IP()); !ok {
		return rateLimited(c, wait)
	}
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	login := strings.Join(strings.Fields(req.Login), "")
	if login == "" || req.Password == "" {
		var errs contests.Errors
		if login == "" {
			errs.Add("login", contests.T("Vui lòng nhập số điện thoại hoặc CCCD", "Enter your phone number or CCCD"))
		}
		if req.Password == "" {
			errs.Add("password", contests.T("Vui lòng nhập mật khẩu", "Enter your password"))
		}
		return errs.Err()
	}
	ctx := c.UserContext()
	var key string
	if twelveDigits.MatchString(login) {
		key = "cccd:" + login
	} else if phone, err := vnid.NormalizePhone(login); err == nil {
		key = "phone:" + phone
	} else {
		return s.loginFailed(c, "", "")
	}
	var u *contests.User
	var err error
	if v, ok := strings.CutPrefix(key, "cccd:"); ok {
		u, err = s.Store.UserByCCCDKey(ctx, s.Keys.HashCCCD(v))
	} else {
		u, err = s.Store.UserByPhoneKey(ctx, strings.TrimPrefix(key, "phone:"))
	}
	if contests.ErrorCode(err) == contests.CodeNotFound {
		u = nil
	} else if err != nil {
		return err
	}
	// The account's code: the person's when the account exists (phone and
	// CCCD count as one account), else what was typed.
	account := s.Keys.HashLogin(key)
	if u != nil {
		account = s.Keys.HashLogin("user:" + u.ID)
	}
	// Checked after the lookup (a cheap read) and before any hash: a
	// waiting client's guesses are not tested, known account or not alike.
	if wait, err := s.loginThrottle.wait(ctx, account, c.IP(), s.Now()); err != nil {
		return err
	} else if wait > 0 {
		return rateLimited(c, wait)
	}
	if u == nil {
		if err := auth.CheckNobody(req.Password); err != nil {
			return hashError(err)
		}
		return s.loginFailed(c, account, "")
	}
	ok, err := auth.CheckPassword(u.PasswordHash, req.Password)
	if err != nil {
		return hashError(err)
	}
	if !ok {
		return s.loginFailed(c, account, u.UnitPath)
	}
	s.rehashPassword(ctx, u, req.Password)
	pair, _ := throttleKeys(account, c.IP())
	if err := s.loginThrottle.counters.Reset(ctx, pair); err != nil {
		return err
	}
	out, err := s.issueTokens(ctx, u, "")
	if err != nil {
		return err
	}
	s.noteSeen(c, u.ID)
	out.User = s.toUserDTO(ctx, u)
	return c.JSON(out)
}

type refreshRequest struct {
	RefreshToken string `json:"refreshToken"`
}

var errBadRefresh = contests.E(contests.CodeUnauthorized, contests.T(
	"Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại", "Your session has expired, please log in again"))

// refresh rotates a refresh token. Presenting a token that was already used
// means it was copied: the whole family is revoked, thief and owner alike.
func (s *Server) refresh(c *fiber.Ctx) error {
	var req refreshRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	old, err := s.Store.UseRefreshToken(ctx, auth.HashRefreshToken(req.RefreshToken))
	switch contests.ErrorCode(err) {
	case "":
	case contests.CodeConflict:
		if t, ferr := s.Store.RefreshTokenByHash(ctx, auth.HashRefreshToken(req.RefreshToken)); ferr == nil {
			if err := s.Store.RevokeFamily(ctx, t.FamilyID); err != nil {
				return err
			}
		}
		s.Log.Warn("refresh token reuse: family revoked", "request_id", requestID(c))
		return errBadRefresh
	case contests.CodeNotFound:
		return errBadRefresh
	default:
		return err
	}
	if old.Revoked || !s.Now().Before(old.ExpiresAt) {
		return errBadRefresh
	}
	u, err := s.Store.UserByID(ctx, old.UserID)
	if err != nil {
		return errBadRefresh
	}
	if old.IssuedAt.Before(u.PasswordChangedAt.Add(-1)) {
		return errBadRefresh
	}
	out, err := s.issueTokens(ctx, u, old.FamilyID)
	if err != nil {
		return err
	}
	s.noteSeen(c, u.ID)
	return c.JSON(out)
}

// noteSeen records the account's last activity for the staff list. Only a
// login or a token refresh writes it (about every access token's life),
// never every request; a failed write is logged and the login goes on.
func (s *Server) noteSeen(c *fiber.Ctx, userID string) {
	if err := s.Store.TouchLastSeen(c.UserContext(), userID, s.Now()); err != nil {
		s.Log.Warn("last seen not recorded", "request_id", requestID(c), "err", err)
	}
}

func (s *Server) logout(c *fiber.Ctx) error {
	var req refreshRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	t, err := s.Store.UseRefreshToken(ctx, auth.HashRefreshToken(req.RefreshToken))
	if t != nil {
		if err := s.Store.RevokeFamily(ctx, t.FamilyID); err != nil {
			return err
		}
		// The access token of this device dies with the family. Those of
		// the user's other devices die too, but their refresh tokens still
		// work, so they get new ones without the person noticing.
		if _, err := s.endSessions(ctx, t.UserID); err != nil && contests.ErrorCode(err) != contests.CodeNotFound {
			return err
		}
	} else if code := contests.ErrorCode(err); code != contests.CodeNotFound && code != contests.CodeConflict {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) me(c *fiber.Ctx) error {
	u, err := s.Store.UserByID(c.UserContext(), claimsOf(c).UserID())
	if err != nil {
		return err
	}
	return c.JSON(userResponse{User: s.toUserDTO(c.UserContext(), u)})
}

type changePasswordRequest struct {
	OldPassword string `json:"oldPassword"`
	NewPassword string `json:"newPassword"`
}

// changePassword replaces the password, ends every other session and returns
// fresh tokens for this device.
func (s *Server) changePassword(c *fiber.Ctx) error {
	var req changePasswordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	u, err := s.Store.UserByID(ctx, claimsOf(c).UserID())
	if err != nil {
		return err
	}
	if err := account.CheckPassword(req.NewPassword, s.passwordOwner(u)); err != nil {
		return contests.Invalid(contests.Field("newPassword", err.(*contests.Error).Fields[0].Msg))
	}
	if ok, err := auth.CheckPassword(u.PasswordHash, req.OldPassword); err != nil {
		return hashError(err)
	} else if !ok {
		return contests.Invalid(contests.Field("oldPassword", contests.T("Mật khẩu hiện tại không đúng", "Current password is wrong")))
	}
	if u.SessionVersion, err = s.setPassword(c, u.ID, req.NewPassword); err != nil {
		return err
	}
	out, err := s.issueTokens(ctx, u, "")
	if err != nil {
		return err
	}
	return c.JSON(out)
}

// setPassword stores a new password, revokes every refresh token and ends
// every session; it returns the new session version.
func (s *Server) setPassword(c *fiber.Ctx, userID, password string) (int64, error) {
	hash, err := auth.HashPassword(password)
	if err != nil {
		return 0, hashError(err)
	}
	ctx := c.UserContext()
	if err := s.Store.SetPassword(ctx, userID, hash, s.Now().UTC()); err != nil {
		return 0, err
	}
	if err := s.Store.RevokeUserTokens(ctx, userID); err != nil {
		return 0, err
	}
	return s.endSessions(ctx, userID)
}

// endSessions makes every access token issued to userID so far stop working:
// here at once, on other instances within auth.SessionVersionTTL.
func (s *Server) endSessions(ctx context.Context, userID string) (int64, error) {
	v, err := s.Store.BumpSessionVersion(ctx, userID)
	s.sessions.Forget(userID)
	return v, err
}
