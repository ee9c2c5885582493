package api

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/server/store"
)

// listUnits is public: the registration form searches units without
// diacritics (?q=phuong an bien) or walks the tree (?parentId=).
func (s *Server) listUnits(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 20, 1, 100)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	var units []*contests.Unit
	if q := contests.Fold(c.Query("q")); q != "" {
		if utf8.RuneCountInString(q) > 100 {
			return contests.Invalid(contests.Field("q", contests.T("Từ khóa quá dài", "Query too long")))
		}
		units, err = s.Store.SearchUnits(ctx, "", q, limit)
	} else {
		units, err = s.Store.ChildUnits(ctx, c.Query("parentId"))
		if len(units) > limit {
			units = units[:limit]
		}
	}
	if err != nil {
		return err
	}
	out := make([]unitDTO, 0, len(units))
	for _, u := range units {
		out = append(out, s.toUnitDTO(ctx, u))
	}
	return c.JSON(unitsResponse{Units: out})
}

func (s *Server) getUnit(c *fiber.Ctx) error {
	u, err := s.Store.UnitByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(unitResponse{Unit: s.toUnitDTO(c.UserContext(), u)})
}

// orgUnits returns the whole subtree(s) the organizer manages, flat; the page
// builds the tree from parentId.
func (s *Server) orgUnits(c *fiber.Ctx) error {
	ctx := c.UserContext()
	out := []unitDTO{}
	for _, p := range scopePaths(c, contests.RoleOrganizer) {
		units, err := s.Store.UnitsUnder(ctx, rootPath(p))
		if err != nil {
			return err
		}
		for _, u := range units {
			out = append(out, s.toUnitDTO(ctx, u))
		}
	}
	return c.JSON(unitsResponse{Units: out})
}

// rootPath turns the system-wide scope "/" into the store's "all units".
func rootPath(p string) string {
	if p == "/" {
		return ""
	}
	return p
}

type unitRequest struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	ParentID  string `json:"parentId"`
	Headcount int    `json:"headcount"`
	Target    int    `json:"target"`
}

// maxUnitCount bounds a headcount or target: above Việt Nam's population it
// can only be a typing mistake.
const maxUnitCount = 200_000_000

func (r unitRequest) validate(withCode bool) error {
	var errs contests.Errors
	if withCode {
		if code := strings.TrimSpace(r.Code); code == "" || len(code) > 40 || strings.ContainsAny(code, " /\\") {
			errs.Add("code", contests.T("Mã đơn vị bắt buộc, tối đa 40 ký tự, không có dấu cách hoặc /", "Code is required, at most 40 characters, no spaces or /"))
		}
	}
	if n := utf8.RuneCountInString(contests.NFC(r.Name)); n == 0 || n > 200 {
		errs.Add("name", contests.T("Tên đơn vị bắt buộc, tối đa 200 ký tự", "Name is required, at most 200 characters"))
	} else if contests.HasControl(r.Name, false) {
		errs.Add("name", contests.ControlCharacters)
	}
	if k := strings.TrimSpace(r.Kind); k == "" || len(k) > 40 {
		errs.Add("kind", contests.T("Loại đơn vị bắt buộc", "Kind is required"))
	}
	if r.Headcount < 0 || r.Headcount > maxUnitCount {
		errs.Add("headcount", contests.T("Số lượng phải là số không âm", "Headcount must be a non-negative number"))
	}
	if r.Target < 0 || r.Target > maxUnitCount {
		errs.Add("target", contests.T("Chỉ tiêu phải là số nguyên không âm, tối đa 200.000.000", "Target must be a non-negative whole number, at most 200,000,000"))
	}
	return errs.Err()
}

func (s *Server) createUnit(c *fiber.Ctx) error {
	var req unitRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := req.validate(true); err != nil {
		return err
	}
	ctx := c.UserContext()
	parentPath := "/"
	if req.ParentID != "" {
		parent, err := s.Store.UnitByID(ctx, req.ParentID)
		if contests.ErrorCode(err) == contests.CodeNotFound {
			return contests.Invalid(contests.Field("parentId", contests.T("Đơn vị cấp trên không tồn tại", "Parent unit does not exist")))
		} else if err != nil {
			return err
		}
		parentPath = parent.Path
	}
	if err := allowAt(c, parentPath, contests.RoleOrganizer); err != nil {
		return err
	}
	id := store.NewID()
	u := &contests.Unit{ID: id, Code: strings.TrimSpace(req.Code), Name: contests.NFC(req.Name), Kind: strings.TrimSpace(req.Kind),
		ParentID: req.ParentID, Path: contests.ChildPath(parentPath, id), Headcount: req.Headcount, Target: req.Target}
	u.NameFold = contests.Fold(u.Name)
	if err := s.Store.CreateUnit(ctx, u); err != nil {
		if contests.ErrorCode(err) == contests.CodeConflict {
			return contests.E(contests.CodeConflict, contests.T("Mã đơn vị đã tồn tại", "Unit code already exists"),
				contests.Field("code", contests.T("Mã đơn vị %s đã được dùng", "Code %s is already used", u.Code)))
		}
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(unitResponse{Unit: s.toUnitDTO(ctx, u)})
}

var errQuotaFromAbove = contests.T("Chỉ đơn vị cấp trên mới đặt được", "Only the level above may set it")

func (s *Server) updateUnit(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u, err := s.Store.UnitByID(ctx, c.Params("id"))
	if err != nil {
		return err
	}
	if err := allowAt(c, u.Path, contests.RoleOrganizer); err != nil {
		return err
	}
	req := unitRequest{Name: u.Name, Kind: u.Kind, Headcount: u.Headcount, Target: u.Target}
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.Code != "" && req.Code != u.Code || req.ParentID != "" && req.ParentID != u.ParentID {
		return contests.Invalid(contests.Field("code", contests.T("Không thể đổi mã hoặc đơn vị cấp trên", "Code and parent cannot be changed")))
	}
	if err := req.validate(false); err != nil {
		return err
	}
	if (req.Headcount != u.Headcount || req.Target != u.Target) && !contests.MaySetUnitQuota(claimsOf(c).Grants, u.Path) {
		var errs contests.Errors
		if req.Headcount != u.Headcount {
			errs.Add("headcount", errQuotaFromAbove)
		}
		if req.Target != u.Target {
			errs.Add("target", errQuotaFromAbove)
		}
		return contests.E(contests.CodeForbidden, contests.T("Chỉ đơn vị cấp trên mới đặt được số lượng và chỉ tiêu của đơn vị này",
			"Only the level above may set this unit's headcount and target"), errs...)
	}
	u.Name, u.Kind, u.Headcount, u.Target = contests.NFC(req.Name), strings.TrimSpace(req.Kind), req.Headcount, req.Target
	u.NameFold = contests.Fold(u.Name)
	if err := s.Store.UpdateUnit(ctx, u); err != nil {
		return err
	}
	s.unitNames.forget(u.ID)
	return c.JSON(unitResponse{Unit: s.toUnitDTO(ctx, u)})
}
