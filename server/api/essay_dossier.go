package api

import (
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/excel"
)

// The forwarding dossier is one .zip: every work's files renamed by its
// code, the list of works, and the identity sheets in a separate workbook.
// Works run to hundreds of megabytes, so the zip is written straight to
// the response as it is made: one file at a time is read from the blob
// store (a Word file through a temporary judge's copy), and the workbooks,
// small, come last. Memory stays flat whatever the dossier's size.

// dossierWork is what the dossier needs of one work, loaded before the
// response starts: once the zip streams, the status is sent and an error
// can no longer be answered.
type dossierWork struct {
	work     *essay.Work
	identity *essay.Identity
	category string
	// origin is what the forwarded entry up there remembers: final score
	// and prize here; to is the destination contest's title.
	origin   essay.Origin
	to       string
	unitName string // the author's unit: as typed, else the account's
	final    string // the final score in the contest's precision
}

// exportDossier sends the forwarding dossier: exactly the works of this
// contest forwarded to a contest above (all of them, or those sent to
// ?to=<contest id>), each with its final score, prize and the author's
// unit.
func (s *Server) exportDossier(c *fiber.Ctx) error {
	ct, st, err := s.organizerContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	plan, err := s.forwardedWorks(c, ct, st, c.Query("to"))
	if err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "dossier.exported", "contest:"+ct.ID, map[string]any{"works": len(plan), "to": c.Query("to")}); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/zip")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="ho-so-`+ct.Slug+`.zip"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	// The writer runs after this handler has returned: it must not touch c.
	log, rid := s.Log, requestID(c)
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		if err := s.writeDossier(context.Background(), w, plan); err != nil {
			log.Error("dossier interrupted", "request_id", rid, "contest", ct.ID, "err", err)
		}
	})
	return nil
}

// forwardedWorks finds the works of ct that were forwarded up: a forwarded
// entry's ID derives from the work and the destination
// (essay.ForwardedWorkID), so each accepted work is looked up once per
// essay contest of the units above.
func (s *Server) forwardedWorks(c *fiber.Ctx, ct *contests.Contest, st essay.Settings, to string) ([]dossierWork, error) {
	ctx := c.UserContext()
	above, err := s.Store.ContestsOwnedAt(ctx, contests.StrictAncestorPaths(ct.OwnerUnitPath), false)
	if err != nil {
		return nil, err
	}
	var dests []*contests.Contest
	for _, p := range above {
		if p.Kind == contests.KindEssay && (to == "" || p.ID == to) {
			dests = append(dests, p)
		}
	}
	if to != "" && len(dests) == 0 {
		return nil, contests.Invalid(contests.Field("to", contests.T("Không phải cuộc thi cấp trên của cuộc thi này", "Not a contest above this one")))
	}
	works, err := s.contestWorks(c, ct.ID, essay.WorkAccepted)
	if err != nil {
		return nil, err
	}
	var plan []dossierWork
	for _, w := range works {
		for _, p := range dests {
			up, err := s.essay.Work(ctx, essay.ForwardedWorkID(w.ID, p.ID))
			if contests.ErrorCode(err) == contests.CodeNotFound {
				continue
			}
			if err != nil {
				return nil, err
			}
			id, err := s.identities.Identity(ctx, w.ID)
			if err != nil {
				return nil, err
			}
			d := dossierWork{work: w, identity: id, category: categoryName(st, w.Category), to: p.Title, unitName: id.Author.UnitName}
			if up.Origin != nil {
				d.origin = *up.Origin
				d.final = viScore(st, up.Origin.Final)
			}
			if d.unitName == "" {
				d.unitName = s.unitNames.pathName(ctx, w.UnitPath)
			}
			plan = append(plan, d)
		}
	}
	return plan, nil
}

// writeDossier writes the zip to out. A work whose file cannot be prepared
// is listed with the reason in the "Vấn đề" column and the rest go on; an
// error of the blob store or the connection ends the download.
func (s *Server) writeDossier(ctx context.Context, out io.Writer, plan []dossierWork) error {
	z := zip.NewWriter(out)
	list := excel.Table{Name: "DanhSach", Columns: []excel.Column{{Header: "Mã phách", Text: true}, {Header: "Thể loại"},
		{Header: "Tên tác phẩm", Width: 40, Wrap: true}, {Header: "Số chữ"}, {Header: "Vòng đã qua"}, {Header: "Tệp", Width: 30, Wrap: true},
		{Header: "Vấn đề", Width: 40, Wrap: true}, {Header: "Điểm cuối cùng", Text: true}, {Header: "Giải"}, {Header: "Chuyển tới", Width: 30}}}
	ids := excel.Table{Name: "LyLich", Columns: []excel.Column{{Header: "Mã phách", Text: true}, {Header: "Tác giả", Width: 24},
		{Header: "Bút danh"}, {Header: "Ngày sinh"}, {Header: "Đơn vị", Width: 30}, {Header: "Địa chỉ", Width: 30}, {Header: "Điện thoại", Text: true},
		{Header: "Email"}, {Header: "CCCD", Text: true}, {Header: "Đồng tác giả", Width: 30, Wrap: true}}}
	for _, d := range plan {
		w := d.work
		var files, problems []string
		for i, f := range w.Files {
			name := fmt.Sprintf("tac-pham/%s-%d.%s", w.Code, i+1, f.Kind)
			err := s.addDossierFile(ctx, z, name, f)
			if ce, ok := asInvalid(err); ok {
				problems = append(problems, fmt.Sprintf("Tệp %d không chuẩn bị được: %s", i+1, ce))
				continue
			}
			if err != nil {
				return err
			}
			files = append(files, name)
		}
		list.Rows = append(list.Rows, []any{w.Code, d.category, w.Title, w.Words, w.Round, joinLines(files), joinLines(problems), d.final, d.origin.Prize, d.to})
		id := d.identity
		birth := ""
		if !id.Author.BirthDate.IsZero() {
			birth = id.Author.BirthDate.Format("02/01/2006")
		}
		var co []string
		for _, p := range id.Coauthors {
			co = append(co, p.FullName)
		}
		ids.Rows = append(ids.Rows, []any{w.Code, id.Author.FullName, id.Author.PenName, birth, d.unitName,
			id.Author.Address, id.Author.Phone, id.Author.Email, id.Author.CCCDMasked, joinLines(co)})
	}
	for _, wb := range []struct {
		name  string
		table excel.Table
	}{{"danh-sach-tac-pham.xlsx", list}, {"ly-lich-tac-gia.xlsx", ids}} {
		fw, err := z.Create(wb.name)
		if err != nil {
			return err
		}
		if err := excel.WriteTables(fw, []excel.Table{wb.table}); err != nil {
			return err
		}
	}
	return z.Close()
}

// addDossierFile copies one prepared file into the zip, stored as it is:
// Word, PDF, MP3 and MP4 are compressed already.
func (s *Server) addDossierFile(ctx context.Context, z *zip.Writer, name string, f essay.StoredFile) error {
	rc, _, err := preparedFile(ctx, s.Blobs, f)
	if err != nil {
		return err
	}
	defer rc.Close()
	fw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
	if err != nil {
		return err
	}
	_, err = io.Copy(fw, rc)
	return err
}

// asInvalid reports whether err is a refusal of the file itself (its
// message, in Vietnamese, says why), as opposed to a failure of storage.
func asInvalid(err error) (string, bool) {
	var ce *contests.Error
	if !errors.As(err, &ce) || (ce.Code != contests.CodeInvalid && ce.Code != contests.CodeNotFound) {
		return "", false
	}
	msg := ce.Msg.VI
	if len(ce.Fields) > 0 {
		msg = ce.Fields[0].Msg.VI
	}
	return msg, true
}
