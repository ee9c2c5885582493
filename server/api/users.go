package api

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/account"
	"hoithi/server/auth"
	"hoithi/server/store"
)

type failedLoginDTO struct {
	At       string `json:"at"`
	Account  string `json:"account"` // keyed hash: the same account, the same text
	UnitName string `json:"unitName,omitempty"`
	Client   string `json:"client"`
}

// orgFailedLogins lists recent failed logins of accounts in the organizer's
// subtree, newest first (whole-system organizers also see tries on phones
// and CCCDs nobody has).
func (s *Server) orgFailedLogins(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 100, 1, 500)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	recent, err := s.loginThrottle.failures.Recent(ctx, scopePaths(c, contests.RoleOrganizer), limit)
	if err != nil {
		return err
	}
	out := make([]failedLoginDTO, 0, len(recent))
	for _, f := range recent {
		d := failedLoginDTO{At: f.At.Format(time.RFC3339), Account: f.Account, Client: f.Client}
		if f.UnitPath != "" {
			d.UnitName = s.unitNames.pathName(ctx, f.UnitPath)
		}
		out = append(out, d)
	}
	return c.JSON(failedLogins{Failures: out})
}

func (s *Server) orgListUsers(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	offset, err := queryInt(c, "offset", 0, 0, 10_000_000)
	if err != nil {
		return err
	}
	scope := scopePaths(c, contests.RoleOrganizer)
	path := c.Query("unitPath", scope[0])
	if err := allowAt(c, path, contests.RoleOrganizer); err != nil {
		return err
	}
	ctx := c.UserContext()
	query, tail := s.userQuery(c.Query("q"))
	users, total, err := s.Store.ListUsers(ctx, store.UserFilter{UnitPath: rootPath(path), Query: query, CCCDTail: tail, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := make([]*userDTO, 0, len(users))
	for _, u := range users {
		out = append(out, s.toUserDTO(ctx, u))
	}
	return c.JSON(usersPage{Users: out, Total: total})
}

type orgCreateUserRequest struct {
	registerRequest
	AllowSharedPhone bool `json:"allowSharedPhone"`
	AllowSharedCCCD  bool `json:"allowSharedCccd"`
}

// orgCreateUser lets an organizer register someone in their subtree,
// optionally with a relative's phone or CCCD already used by another account.
func (s *Server) orgCreateUser(c *fiber.Ctx) error {
	var req orgCreateUserRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.AllowSharedPhone && req.AllowSharedCCCD {
		return duplicateAccountError("", sharing{Phone: true, CCCD: true})
	}
	ctx := c.UserContext()
	unit, err := s.Store.UnitByID(ctx, req.UnitID)
	if err == nil {
		if err := allowAt(c, unit.Path, contests.RoleOrganizer); err != nil {
			return err
		}
	}
	u, err := s.createAccount(ctx, req.registerRequest, sharing{Phone: req.AllowSharedPhone, CCCD: req.AllowSharedCCCD}, "", claimsOf(c).UserID())
	if err != nil {
		return err
	}
	s.Log.Info("organizer created account", "request_id", requestID(c), "organizer", claimsOf(c).UserID(), "user", u.ID,
		"shared_phone", u.PhoneKey != u.Phone, "shared_cccd", u.CCCDKey != u.CCCDHash)
	return c.Status(fiber.StatusCreated).JSON(userResponse{User: s.toUserDTO(ctx, u)})
}

// managedUser loads the account :id, refused unless the caller organizes
// its unit and may manage it (canManage).
func (s *Server) managedUser(c *fiber.Ctx) (*contests.User, error) {
	u, err := s.Store.UserByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return nil, err
	}
	if err := allowAt(c, u.UnitPath, contests.RoleOrganizer); err != nil {
		return nil, err
	}
	if err := canManage(c, u); err != nil {
		return nil, err
	}
	return u, nil
}

// orgResetPassword is how people who forgot their password get back in
// (there is no SMS): the organizer of their unit reads them a temporary one.
func (s *Server) orgResetPassword(c *fiber.Ctx) error {
	u, err := s.managedUser(c)
	if err != nil {
		return err
	}
	temp := temporaryPassword(s.passwordOwner(u))
	if _, err := s.setPassword(c, u.ID, temp); err != nil {
		return err
	}
	s.Log.Info("password reset by organizer", "request_id", requestID(c), "organizer", claimsOf(c).UserID(), "user", u.ID)
	return c.JSON(passwordReset{TemporaryPassword: temp})
}

type grantsRequest struct {
	Grants []struct {
		Role   string `json:"role"`
		UnitID string `json:"unitId"`
	} `json:"grants"`
}

// temporaryPassword draws a password an organizer reads out to someone.
// A random one passes the password rules all but always; drawing again
// keeps "all but" out of the rule.
func temporaryPassword(owner account.Owner) string {
	temp := auth.TemporaryPassword()
	for account.CheckPassword(temp, owner) != nil {
		temp = auth.TemporaryPassword()
	}
	return temp
}

// orgSetGrants replaces a user's roles. An organizer may grant judge,
// secretary and organizer within their own subtree; only an admin grants admin.
func (s *Server) orgSetGrants(c *fiber.Ctx) error {
	var req grantsRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	u, err := s.managedUser(c)
	if err != nil {
		return err
	}
	grants := make([]contests.Grant, 0, len(req.Grants))
	var errs contests.Errors
	for i, g := range req.Grants {
		field := "grants[" + itoa(i) + "]"
		role := contests.Role(strings.TrimSpace(g.Role))
		if !role.Valid() || role == contests.RoleCitizen {
			errs.Add(field+".role", contests.T("Vai trò không hợp lệ", "Invalid role"))
			continue
		}
		path := "/"
		if g.UnitID != "" {
			unit, err := s.Store.UnitByID(ctx, g.UnitID)
			if err != nil {
				errs.Add(field+".unitId", contests.T("Đơn vị không tồn tại", "Unknown unit"))
				continue
			}
			path = unit.Path
		}
		if !contests.Allowed(claimsOf(c).Grants, path, grantorRoles(role)...) {
			return errForbidden
		}
		grants = append(grants, contests.Grant{Role: role, UnitID: g.UnitID, UnitPath: path})
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if err := s.Store.SetGrants(ctx, u.ID, grants); err != nil {
		return err
	}
	// Access tokens carry the grants: the old ones must go (a role taken
	// away), and the client's refresh brings the new ones.
	if _, err := s.endSessions(ctx, u.ID); err != nil {
		return err
	}
	u.Grants = grants
	s.Log.Info("grants changed", "request_id", requestID(c), "by", claimsOf(c).UserID(), "user", u.ID, "grants", len(grants))
	return c.JSON(userResponse{User: s.toUserDTO(ctx, u)})
}

// grantorRoles lists who may give role: admins give anything (Allowed lets an
// admin grant through), organizers give staff roles.
func grantorRoles(role contests.Role) []contests.Role {
	if role == contests.RoleAdmin {
		return nil
	}
	return []contests.Role{contests.RoleOrganizer}
}

// canManage refuses to let the caller act on an account holding a grant the
// caller could not give (an organizer cannot reset an admin's password).
func canManage(c *fiber.Ctx, u *contests.User) error {
	for _, g := range u.Grants {
		if !contests.Allowed(claimsOf(c).Grants, g.UnitPath, grantorRoles(g.Role)...) {
			return errForbidden
		}
	}
	return nil
}
