package api

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/docfile"
)

// editWork lets an author change a work until the deadline, while it waits
// for screening: the same multipart form as a submission, the file
// optional (the stored one is kept). Limits are checked again, the work
// not counting against itself; the identity sheet is rewritten.
func (s *Server) editWork(c *fiber.Ctx) error {
	ctx, uid := c.UserContext(), claimsOf(c).UserID()
	w, err := s.essay.Work(ctx, c.Params("id"))
	if err != nil || w.AuthorID != uid {
		return contests.NotFound("tác phẩm", "work")
	}
	ct, err := s.Store.ContestByID(ctx, w.ContestID)
	if err != nil {
		return err
	}
	st, err := essay.ParseSettings(ct.Settings)
	if err != nil {
		return err
	}
	if !intakeOpen(ct, st, s.Now()) {
		return contests.E(contests.CodeTooLate, contests.T("Đã hết hạn sửa tác phẩm", "The deadline for changes has passed"))
	}
	if w.Status != essay.WorkSubmitted {
		return contests.E(contests.CodeConflict, contests.T("Tác phẩm đã được sơ loại, không thể sửa", "The work has been screened and cannot change"))
	}
	up, cat, err := s.readWorkFormIn(c, st.Categories)
	if err != nil {
		return err
	}
	req := up.req
	user, err := s.Store.UserByID(ctx, uid)
	if err != nil {
		return err
	}
	stored := w.Files[0]
	var meta docfile.Meta
	newFile := false
	if up.file != nil {
		var text string
		if stored, text, meta, err = s.receiveFile(ctx, up, cat); err != nil {
			return err
		}
		newFile = true
		if strings.TrimSpace(req.Text) == "" {
			req.Text = text
		}
	} else if strings.TrimSpace(req.Text) == "" {
		req.Text = w.Text
	}
	keep := !newFile
	defer func() {
		if !keep {
			_ = s.Blobs.Delete(ctx, stored.BlobID)
		}
	}()
	identity, err := s.identitySheet(user, req)
	if err != nil {
		return err
	}
	// A new category is checked against the author's limits: take turns
	// with the author's other submissions and edits (see submitWork).
	release, err := s.holdLease(ctx, authorLease(ct.ID, uid))
	if err != nil {
		return err
	}
	defer release()
	mine, err := s.essay.WorksOfAuthor(ctx, ct.ID, uid)
	if err != nil {
		return err
	}
	existing := essay.CountedWorks(mine, st.Categories)
	sub := essay.Submission{WorkID: w.ID, Title: req.Title, Text: req.Text, Declaration: req.Declaration, File: &stored.File,
		Identifying: identity.Identifying()}
	for _, p := range identity.Coauthors {
		sub.Coauthors = append(sub.Coauthors, essay.Coauthor{FullName: p.FullName})
	}
	if err := essay.CheckSubmission(cat, sub, existing); err != nil {
		return err
	}
	old, prev := w.Files[0].BlobID, *w
	w, err = s.mutateWork(ctx, w.ID, func(x *essay.Work) error {
		if x.Status != essay.WorkSubmitted {
			return contests.E(contests.CodeConflict, contests.T("Tác phẩm đã được sơ loại, không thể sửa", "The work has been screened and cannot change"))
		}
		x.Category, x.Title, x.Text, x.Words = cat.Key, contests.NFC(req.Title), contests.NFC(req.Text), essay.CountWords(req.Text)
		x.Files, x.Coauthors = []essay.StoredFile{stored}, len(identity.Coauthors)
		if newFile {
			x.Warnings = docfile.NamesIn("", meta, identity.Identifying())
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, uid, "work.edited", "work:"+w.ID, map[string]any{"words": w.Words, "newFile": newFile}); err != nil {
		// Not changed without the entry saying so: the work is put back as
		// it was (its old file is still there, the new one goes as keep is
		// false) and the author, told it failed, saves again.
		s.undoWork(ctx, w.ID, func(x *essay.Work) {
			x.Category, x.Title, x.Text, x.Words = prev.Category, prev.Title, prev.Text, prev.Words
			x.Files, x.Coauthors, x.Warnings = prev.Files, prev.Coauthors, prev.Warnings
		})
		return err
	}
	keep = true
	identity.WorkID, identity.ContestID, identity.UpdatedAt = w.ID, ct.ID, s.Now().UTC()
	if err := s.identities.PutIdentity(ctx, identity); err != nil {
		return err
	}
	if newFile && old != stored.BlobID {
		_ = s.Blobs.Delete(ctx, old)
	}
	return c.JSON(authorWorkResponse{Work: toAuthorWork(w)})
}
