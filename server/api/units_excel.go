package api

import (
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"hoithi/contests"
	"hoithi/server/excel"
	"hoithi/server/store"
)

// maxWorkbookBytes bounds an uploaded Excel file: a 50,000-row unit list
// or a 10,000-question bank is far smaller.
const maxWorkbookBytes = 20 << 20

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// importUnits reads a workbook of units (code, name, kind, parent code,
// headcount, optionally target). Rows whose code exists update that unit;
// others are created under their parent. Every bad row is reported and
// nothing is saved unless the whole file is good.
func (s *Server) importUnits(c *fiber.Ctx) error {
	f, err := s.uploadedWorkbook(c)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := excel.ParseUnits(f, maxWorkbookBytes)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	all, err := s.Store.UnitsUnder(ctx, "")
	if err != nil {
		return err
	}
	existing := make(map[string]*contests.Unit, len(all))
	for _, u := range all {
		existing[u.Code] = u
	}
	// Report scope and tree problems together: the organizer fixes the
	// file once.
	scopeErrs := outOfScope(c, rows, existing)
	ordered, err := excel.ValidateUnitTree(rows, existing)
	if err != nil || len(scopeErrs) > 0 {
		return mergeFileErrors(err, scopeErrs)
	}
	units, created, err := s.plannedUnits(ordered, existing)
	if err != nil {
		return err
	}
	if err := s.Store.SaveUnits(ctx, units); err != nil {
		return err
	}
	for _, u := range units {
		s.unitNames.forget(u.ID)
	}
	s.Log.Info("units imported", "request_id", requestID(c), "by", claimsOf(c).UserID(), "created", created, "updated", len(units)-created)
	return c.JSON(importCounts{Created: created, Updated: len(units) - created})
}

// outOfScope names every row the caller may not write: an existing unit
// outside their subtrees, or a new unit whose existing parent is. Rows
// hanging under other rows of the file inherit the verdict of their top row.
func outOfScope(c *fiber.Ctx, rows []excel.UnitRow, existing map[string]*contests.Unit) contests.Errors {
	var errs contests.Errors
	grants := claimsOf(c).Grants
	for _, r := range rows {
		path := ""
		if old, ok := existing[r.Code]; ok {
			path = old.Path
		} else if r.ParentCode == "" {
			path = "/"
		} else if parent, ok := existing[r.ParentCode]; ok {
			path = parent.Path
		}
		if path != "" && !contests.Allowed(grants, path, contests.RoleOrganizer) {
			errs.Add(fmt.Sprintf("A%d", r.Row), contests.T("Dòng %d, cột A: đơn vị %s nằm ngoài phạm vi quản lý của bạn",
				"Row %d, column A: unit %s is outside your scope", r.Row, r.Code))
			continue
		}
		// A unit's own organizer may list it (an export of their subtree
		// starts with it) but not change its numbers.
		if old, ok := existing[r.Code]; ok && !contests.MaySetUnitQuota(grants, old.Path) {
			if r.Headcount != old.Headcount {
				errs = append(errs, r.CellError(false, contests.T("chỉ đơn vị cấp trên mới đặt được số lượng của đơn vị %s",
					"only the level above may set the headcount of unit %s", r.Code)))
			}
			if r.HasTarget && r.Target != old.Target {
				errs = append(errs, r.CellError(true, contests.T("chỉ đơn vị cấp trên mới đặt được chỉ tiêu của đơn vị %s",
					"only the level above may set the target of unit %s", r.Code)))
			}
		}
	}
	return errs
}

// mergeFileErrors joins the importer's error with more problems, ordered by
// row, under one message counting them all.
func mergeFileErrors(err error, more contests.Errors) error {
	var fields contests.Errors
	if e, ok := err.(*contests.Error); ok {
		fields = append(fields, e.Fields...)
	} else if err != nil {
		return err
	}
	fields = append(fields, more...)
	sort.SliceStable(fields, func(i, j int) bool { return cellRow(fields[i].Field) < cellRow(fields[j].Field) })
	e := contests.Invalid(fields...)
	e.Msg = contests.T("File có %d lỗi, chưa nhập dữ liệu nào", "The file has %d errors, nothing was imported", len(fields))
	return e
}

// cellRow returns the row of a cell reference ("D12" → 12); other fields
// sort last.
func cellRow(ref string) int {
	_, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return 1 << 30
	}
	return row
}

// plannedUnits turns validated rows (parents first) into units with IDs and
// paths: existing codes keep their ID and place, new ones hang under their
// parent from the file or the store.
func (s *Server) plannedUnits(rows []excel.UnitRow, existing map[string]*contests.Unit) ([]*contests.Unit, int, error) {
	byCode := make(map[string]*contests.Unit, len(rows))
	units := make([]*contests.Unit, 0, len(rows))
	created := 0
	for _, r := range rows {
		u := &contests.Unit{Code: r.Code, Name: r.Name, Kind: r.Kind, Headcount: r.Headcount, Target: r.Target, NameFold: contests.Fold(r.Name)}
		if old, ok := existing[r.Code]; ok {
			u.ID, u.ParentID, u.Path = old.ID, old.ParentID, old.Path
			if !r.HasTarget { // a file from before targets existed leaves them be
				u.Target = old.Target
			}
		} else {
			u.ID = store.NewID()
			parentPath := "/"
			if r.ParentCode != "" {
				parent := byCode[r.ParentCode]
				if parent == nil {
					parent = existing[r.ParentCode]
				}
				if parent == nil { // ValidateUnitTree guarantees it; be safe
					return nil, 0, contests.Internal(fmt.Errorf("parent %q of row %d missing after validation", r.ParentCode, r.Row))
				}
				u.ParentID, parentPath = parent.ID, parent.Path
			}
			u.Path = contests.ChildPath(parentPath, u.ID)
			created++
		}
		byCode[r.Code] = u
		units = append(units, u)
	}
	return units, created, nil
}

// exportUnits returns the caller's subtree in the import format.
func (s *Server) exportUnits(c *fiber.Ctx) error {
	ctx := c.UserContext()
	var units []*contests.Unit
	for _, p := range scopePaths(c, contests.RoleOrganizer) {
		part, err := s.Store.UnitsUnder(ctx, rootPath(p))
		if err != nil {
			return err
		}
		units = append(units, part...)
	}
	var buf bytes.Buffer
	if err := excel.WriteUnits(&buf, units); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, "don-vi.xlsx", buf.Bytes())
}

func (s *Server) unitTemplate(c *fiber.Ctx) error {
	var buf bytes.Buffer
	if err := excel.UnitTemplate(&buf); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, "mau-nhap-don-vi.xlsx", buf.Bytes())
}

// uploadedWorkbook returns the multipart field "file" as a stream: the
// parsers read it within maxWorkbookBytes, and the body as a whole is
// capped by the route (s.upload).
func (s *Server) uploadedWorkbook(c *fiber.Ctx) (io.ReadCloser, error) {
	missing := contests.Invalid(contests.Field("file", contests.T("Vui lòng chọn tệp Excel (.xlsx)", "Please choose an Excel file (.xlsx)")))
	up, err := s.form(c, maxWorkbookBytes+formOverhead)
	if err != nil {
		return nil, missing
	}
	for range 8 { // a few other fields may come first
		p, err := up.next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			return nil, missing
		}
		if p.FormName() == "file" {
			return p, nil
		}
	}
	return nil, missing
}

func sendXLSX(c *fiber.Ctx, name string, data []byte) error {
	c.Set(fiber.HeaderContentType, xlsxType)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	return c.Send(data)
}
