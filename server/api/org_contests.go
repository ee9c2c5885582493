package api

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

type orgContestDTO struct {
	contestDTO
	EligibleUnitID string          `json:"eligibleUnitId"`
	Settings       json.RawMessage `json:"settings"`
	CreatedAt      time.Time       `json:"createdAt"`
	// Access is "manage" (today's view: organizers of the owner, and
	// secretaries reading) or "report" (an organizer of a unit inside the
	// contest, who reads that unit's statistics only: ReportUnit).
	Access     string         `json:"access"`
	ReportUnit *reportUnitDTO `json:"reportUnit,omitempty"`
	// Version goes back with an edit, so a save over another organizer's
	// newer change is refused (409) instead of undoing it.
	Version int64 `json:"version"`
}

func (s *Server) toOrgContestDTO(c *fiber.Ctx, ct *contests.Contest) orgContestDTO {
	d := orgContestDTO{contestDTO: s.toContestDTO(c.UserContext(), ct), CreatedAt: ct.CreatedAt, Settings: ct.Settings,
		Access: string(contests.AccessManage), Version: ct.Version}
	ids := contests.AncestorIDs(ct.EligibleUnitPath)
	if len(ids) > 0 {
		d.EligibleUnitID = ids[len(ids)-1]
	}
	if len(d.Settings) == 0 && ct.Kind == contests.KindEssay {
		st, _ := essay.ParseSettings(nil)
		d.Settings, _ = json.Marshal(st)
	} else if len(d.Settings) == 0 {
		d.Settings, _ = json.Marshal(quiz.DefaultSettings())
	}
	return d
}

func (s *Server) orgListContests(c *fiber.Ctx) error {
	ctx := c.UserContext()
	grants := claimsOf(c).Grants
	out := []orgContestDTO{}
	listed := map[string]bool{}
	add := func(ct *contests.Contest, rc reach) {
		listed[ct.ID] = true
		out = append(out, s.withReach(ctx, s.toOrgContestDTO(c, ct), rc))
	}
	for _, p := range scopePaths(c, contests.RoleOrganizer, contests.RoleSecretary) {
		list, err := s.Store.ListContests(ctx, rootPath(p), false)
		if err != nil {
			return err
		}
		for _, ct := range list {
			if !listed[ct.ID] {
				access, rg := contests.ContestAccess(grants, ct)
				add(ct, reach{access: access, reportGrants: rg})
			}
		}
	}
	// The contests of the units above each organizer grant that the grant's
	// unit reports for: one query by exact owner paths, never a listing of
	// the province's whole subtree.
	var owners []string
	for _, g := range grants {
		if g.Role == contests.RoleOrganizer {
			for _, p := range contests.StrictAncestorPaths(g.UnitPath) {
				if !slices.Contains(owners, p) {
					owners = append(owners, p)
				}
			}
		}
	}
	above, err := s.Store.ContestsOwnedAt(ctx, owners, true)
	if err != nil {
		return err
	}
	for _, ct := range above {
		if access, rg := contests.ContestAccess(grants, ct); access == contests.AccessReport && !listed[ct.ID] {
			add(ct, reach{access: access, reportGrants: rg})
		}
	}
	return c.JSON(orgContestsResponse{Contests: out})
}

// orgContest loads a contest the caller organizes.
func (s *Server) orgContest(c *fiber.Ctx, id string) (*contests.Contest, error) {
	ct, err := s.Store.ContestByID(c.UserContext(), id)
	if err != nil {
		return nil, err
	}
	if err := allowAt(c, ct.OwnerUnitPath, contests.RoleOrganizer); err != nil {
		return nil, err
	}
	return ct, nil
}

// orgGetContest answers organizers who manage or report for the contest,
// and secretaries of the owning unit (today's rule).
func (s *Server) orgGetContest(c *fiber.Ctx) error {
	ct, err := s.Store.ContestByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	access, rg := contests.ContestAccess(claimsOf(c).Grants, ct)
	if access == contests.AccessNone {
		if err := allowAt(c, ct.OwnerUnitPath, contests.RoleSecretary); err != nil {
			return err
		}
	}
	return c.JSON(orgContestResponse{Contest: s.withReach(c.UserContext(), s.toOrgContestDTO(c, ct), reach{access: access, reportGrants: rg})})
}

type contestRequest struct {
	Slug           *string          `json:"slug"`
	Kind           *string          `json:"kind"`
	Title          *string          `json:"title"`
	Description    *string          `json:"description"`
	BannerURL      *string          `json:"bannerUrl"`
	OwnerUnitID    *string          `json:"ownerUnitId"`
	EligibleUnitID *string          `json:"eligibleUnitId"`
	StartsAt       *time.Time       `json:"startsAt"`
	EndsAt         *time.Time       `json:"endsAt"`
	Status         *string          `json:"status"`
	Settings       *json.RawMessage `json:"settings"`
	// Version is the contest's version the form was loaded at (see
	// versions.go); nil when the client sends none.
	Version *int64 `json:"version"`
}

var slugPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$`)

func (s *Server) orgCreateContest(c *fiber.Ctx) error {
	var req contestRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	var errs contests.Errors
	if req.Slug == nil || !slugPattern.MatchString(*req.Slug) {
		errs.Add("slug", contests.T("Đường dẫn rút gọn gồm 3–60 chữ thường không dấu, số hoặc gạch nối", "The short link is 3–60 lower-case letters, digits or hyphens"))
	}
	if req.Kind == nil || (*req.Kind != string(contests.KindQuiz) && *req.Kind != string(contests.KindEssay)) {
		errs.Add("kind", contests.T("Loại cuộc thi phải là trắc nghiệm hoặc chính luận", "Kind must be quiz or essay"))
	}
	if req.OwnerUnitID == nil {
		errs.Add("ownerUnitId", contests.T("Chọn đơn vị tổ chức", "Choose the organizing unit"))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	ctx := c.UserContext()
	owner, err := s.Store.UnitByID(ctx, *req.OwnerUnitID)
	if err != nil {
		return contests.Invalid(contests.Field("ownerUnitId", contests.T("Đơn vị không tồn tại", "Unknown unit")))
	}
	if err := allowAt(c, owner.Path, contests.RoleOrganizer); err != nil {
		return err
	}
	now := s.Now().UTC()
	ct := &contests.Contest{ID: store.NewID(), Slug: *req.Slug, Kind: contests.ContestKind(*req.Kind), OwnerUnitID: owner.ID,
		OwnerUnitPath: owner.Path, EligibleUnitPath: owner.Path, Status: contests.ContestDraft, CreatedAt: now, UpdatedAt: now}
	if err := s.applyContest(c, ct, req); err != nil {
		return err
	}
	if err := s.Store.CreateContest(ctx, ct); err != nil {
		if contests.ErrorCode(err) == contests.CodeConflict {
			return contests.E(contests.CodeConflict, contests.T("Đường dẫn đã được dùng", "The short link is taken"),
				contests.Field("slug", contests.T("Đường dẫn %q đã được dùng cho cuộc thi khác", "%q is used by another contest", ct.Slug)))
		}
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(orgContestResponse{Contest: s.toOrgContestDTO(c, ct)})
}

func (s *Server) orgUpdateContest(c *fiber.Ctx) error {
	ct, err := s.orgContest(c, c.Params("id"))
	if err != nil {
		return err
	}
	var req contestRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.Version != nil {
		if err := sentVersion(*req.Version, ct.Version); err != nil {
			return err
		}
	}
	if req.Slug != nil && *req.Slug != ct.Slug || req.Kind != nil && *req.Kind != string(ct.Kind) || req.OwnerUnitID != nil && *req.OwnerUnitID != ct.OwnerUnitID {
		return contests.Invalid(contests.Field("slug", contests.T("Không thể đổi đường dẫn, loại hay đơn vị tổ chức", "The link, kind and owner cannot change")))
	}
	if err := s.applyContest(c, ct, req); err != nil {
		return err
	}
	ct.UpdatedAt = s.Now().UTC()
	if err := s.Store.UpdateContest(c.UserContext(), ct); err != nil {
		return err
	}
	s.rounds.forgetContest(ct.ID)
	return c.JSON(orgContestResponse{Contest: s.toOrgContestDTO(c, ct)})
}

// applyContest validates and copies the editable fields of req into ct.
func (s *Server) applyContest(c *fiber.Ctx, ct *contests.Contest, req contestRequest) error {
	var errs contests.Errors
	if req.Title != nil {
		ct.Title = contests.NFC(*req.Title)
	}
	if n := utf8.RuneCountInString(ct.Title); n == 0 || n > 300 {
		errs.Add("title", contests.T("Tên cuộc thi bắt buộc, tối đa 300 ký tự", "Title is required, at most 300 characters"))
	} else if contests.HasControl(ct.Title, false) {
		errs.Add("title", contests.ControlCharacters)
	}
	if req.Description != nil {
		ct.Description = strings.TrimSpace(contests.NFC(*req.Description))
		if utf8.RuneCountInString(ct.Description) > 20_000 {
			errs.Add("description", contests.T("Thể lệ dài quá 20.000 ký tự", "Description longer than 20,000 characters"))
		} else if contests.HasControl(ct.Description, true) {
			errs.Add("description", contests.ControlCharacters)
		}
	}
	if req.BannerURL != nil {
		ct.BannerURL = strings.TrimSpace(*req.BannerURL)
		if ct.BannerURL != "" && !contests.SafeImageURL(ct.BannerURL) {
			errs.Add("bannerUrl", contests.ImageURLRule)
		}
	}
	if req.StartsAt != nil {
		ct.StartsAt = req.StartsAt.UTC()
	}
	if req.EndsAt != nil {
		ct.EndsAt = req.EndsAt.UTC()
	}
	if !ct.StartsAt.IsZero() && !ct.EndsAt.IsZero() && !ct.EndsAt.After(ct.StartsAt) {
		errs.Add("endsAt", contests.T("Ngày kết thúc phải sau ngày bắt đầu", "The end must be after the start"))
	}
	if req.Status != nil {
		switch st := contests.ContestStatus(*req.Status); st {
		case contests.ContestDraft, contests.ContestPublished, contests.ContestClosed:
			ct.Status = st
		default:
			errs.Add("status", contests.T("Trạng thái không hợp lệ", "Invalid status"))
		}
	}
	if req.Settings != nil {
		if ct.Kind == contests.KindQuiz {
			if _, err := quiz.ParseSettings(*req.Settings); err != nil {
				for _, f := range err.(*contests.Error).Fields {
					errs.Add(f.Field, f.Msg)
				}
			}
			ct.Settings = append([]byte(nil), *req.Settings...)
		} else if err := s.applyEssaySettings(ct, *req.Settings); err != nil {
			for _, f := range err.(*contests.Error).Fields {
				errs.Add(f.Field, f.Msg)
			}
		}
	} else if ct.Kind == contests.KindEssay && len(ct.Settings) == 0 {
		// A new essay contest starts from the ward preset, never from quiz
		// settings or the national press categories.
		_ = s.applyEssaySettings(ct, []byte(`{}`))
	}
	if req.EligibleUnitID != nil {
		u, err := s.Store.UnitByID(c.UserContext(), *req.EligibleUnitID)
		if err != nil {
			errs.Add("eligibleUnitId", contests.T("Đơn vị không tồn tại", "Unknown unit"))
		} else if !(contests.Grant{UnitPath: ct.OwnerUnitPath}).Covers(u.Path) {
			errs.Add("eligibleUnitId", contests.T("Phạm vi dự thi phải nằm trong đơn vị tổ chức", "Eligible units must be inside the organizing unit"))
		} else {
			ct.EligibleUnitPath = u.Path
		}
	}
	return errs.Err()
}
