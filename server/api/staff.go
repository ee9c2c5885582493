package api

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/account"
	"hoithi/server/auth"
	"hoithi/server/store"
)

// The staff screen ("Người dùng / Ban giám khảo"): an organizer lists the
// judges, secretaries and organizers of their subtree and creates their
// accounts; the secretariat picks a contest's judges by name. Granting and
// revoking a role on an existing person goes through PUT
// /org/users/{id}/grants (users.go), finding them through GET /org/users.

// orgListStaff lists accounts of the caller's subtree holding any role.
func (s *Server) orgListStaff(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 100, 1, 500)
	if err != nil {
		return err
	}
	offset, err := queryInt(c, "offset", 0, 0, 10_000_000)
	if err != nil {
		return err
	}
	path := scopePaths(c, contests.RoleOrganizer)[0]
	ctx := c.UserContext()
	query, tail := s.userQuery(c.Query("q"))
	users, total, err := s.Store.ListUsers(ctx, store.UserFilter{UnitPath: rootPath(path), Query: query, CCCDTail: tail,
		StaffOnly: true, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := make([]*userDTO, 0, len(users))
	for _, u := range users {
		out = append(out, s.toUserDTO(ctx, u))
	}
	return c.JSON(staffPage{Staff: out, Total: total})
}

type createStaffRequest struct {
	FullName string `json:"fullName"`
	Phone    string `json:"phone"`
	// UnitID is where the person works; the role is granted on RoleUnitID
	// (default: the same unit) and covers its subtree.
	UnitID     string `json:"unitId"`
	Role       string `json:"role"`
	RoleUnitID string `json:"roleUnitId"`
}

// orgCreateStaff creates a judge's, secretary's or organizer's account with a
// generated first password, returned once in this answer (the organizer reads
// or prints it for the person; it is never shown again — a lost one is reset
// from the same screen).
func (s *Server) orgCreateStaff(c *fiber.Ctx) error {
	var req createStaffRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	a, err := account.ValidateStaff(account.StaffAccount{FullName: req.FullName, Phone: req.Phone, UnitID: req.UnitID, Role: contests.Role(strings.TrimSpace(req.Role))})
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	unit, err := s.Store.UnitByID(ctx, a.UnitID)
	if contests.ErrorCode(err) == contests.CodeNotFound {
		return contests.Invalid(contests.Field("unitId", contests.T("Đơn vị không tồn tại", "Unknown unit")))
	} else if err != nil {
		return err
	}
	roleUnit := unit
	if id := strings.TrimSpace(req.RoleUnitID); id != "" && id != unit.ID {
		if roleUnit, err = s.Store.UnitByID(ctx, id); err != nil {
			return contests.Invalid(contests.Field("roleUnitId", contests.T("Đơn vị không tồn tại", "Unknown unit")))
		}
	}
	if err := allowAt(c, unit.Path, contests.RoleOrganizer); err != nil {
		return err
	}
	if !contests.Allowed(claimsOf(c).Grants, roleUnit.Path, grantorRoles(a.Role)...) {
		return errForbidden
	}
	password := temporaryPassword(account.Owner{Phone: a.Phone})
	hash, err := auth.HashPassword(password)
	if err != nil {
		return contests.Internal(err)
	}
	now := s.Now().UTC()
	u := &contests.User{ID: store.NewID(), FullName: a.FullName, Phone: a.Phone, UnitID: unit.ID, UnitPath: unit.Path,
		PhoneKey: a.Phone, PasswordHash: hash, PasswordChangedAt: now, CreatedAt: now, CreatedBy: claimsOf(c).UserID(),
		Grants: []contests.Grant{{Role: a.Role, UnitID: roleUnit.ID, UnitPath: roleUnit.Path}}}
	// Staff give no CCCD; the one-account-per-CCCD key must still be
	// unique, so it is the account's own.
	u.CCCDKey = contests.SharedKey("staff", u.ID)
	if err := s.Store.CreateUser(ctx, u); err != nil {
		if contests.ErrorCode(err) == contests.CodeConflict && conflictField(err) == "phone" {
			msg := contests.T("Số điện thoại này đã có tài khoản: tìm người đó trong ô tìm kiếm và giao vai trò",
				"This phone already has an account: find the person with the search box and grant the role")
			return contests.E(contests.CodeConflict, msg, contests.Field("phone", msg))
		}
		return err
	}
	s.Log.Info("organizer created staff account", "request_id", requestID(c), "organizer", claimsOf(c).UserID(), "user", u.ID, "role", a.Role)
	return c.Status(fiber.StatusCreated).JSON(staffCreated{User: s.toUserDTO(ctx, u), Password: password})
}

type judgeCandidateDTO struct {
	ID       string `json:"id"`
	FullName string `json:"fullName"`
	UnitName string `json:"unitName"`
}

// essayJudgeCandidates finds, by name or phone, the judges a contest's
// panels may seat: accounts holding the judge role on the contest's unit,
// a unit above it or a unit inside it. The picker shows names; the ID only
// travels back in the round's panels.
func (s *Server) essayJudgeCandidates(c *fiber.Ctx) error {
	ct, _, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	users, _, err := s.Store.ListUsers(ctx, store.UserFilter{Query: contests.Fold(c.Query("q")), StaffOnly: true, Limit: 500})
	if err != nil {
		return err
	}
	out := []judgeCandidateDTO{}
	for _, u := range users {
		for _, g := range u.Grants {
			if g.Role == contests.RoleJudge && (g.Covers(ct.OwnerUnitPath) || (contests.Grant{UnitPath: ct.OwnerUnitPath}).Covers(g.UnitPath)) {
				out = append(out, judgeCandidateDTO{ID: u.ID, FullName: u.FullName, UnitName: s.unitNames.name(ctx, u.UnitID)})
				break
			}
		}
	}
	return c.JSON(judgeCandidates{Judges: out})
}
