package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// staffWorkDTO is a work as the secretariat sees it: code, status and the
// screening warnings, with the author's account (not the identity sheet,
// which has its own endpoint and is logged when read).
type staffWorkDTO struct {
	authorWorkDTO
	Code     string        `json:"code,omitempty"`
	Warnings []string      `json:"warnings,omitempty"`
	Round    int           `json:"round"`
	UnitPath string        `json:"unitPath"`
	Origin   *essay.Origin `json:"origin,omitempty"`
}

func (s *Server) toStaffWork(c *fiber.Ctx, w *essay.Work) staffWorkDTO {
	return staffWorkDTO{authorWorkDTO: toAuthorWork(w), Code: w.Code, Warnings: w.Warnings, Round: w.Round,
		UnitPath: s.unitNames.pathName(c.UserContext(), w.UnitPath), Origin: w.Origin}
}

func (s *Server) staffWorks(c *fiber.Ctx) error {
	ct, _, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", 200, 1, 1000)
	if err != nil {
		return err
	}
	offset, err := queryInt(c, "offset", 0, 0, 10_000_000)
	if err != nil {
		return err
	}
	list, total, err := s.essay.WorksOf(c.UserContext(), ct.ID, store.WorkFilter{Status: essay.WorkStatus(c.Query("status")),
		Category: essay.CategoryKey(c.Query("category")), Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := make([]staffWorkDTO, 0, len(list))
	for _, w := range list {
		out = append(out, s.toStaffWork(c, w))
	}
	return c.JSON(staffWorksPage{Works: out, Total: total})
}

// workIdentity shows a work's identity sheet to the secretariat; every
// read is logged in the audit chain.
func (s *Server) workIdentity(c *fiber.Ctx) error {
	w, ct, _, err := s.staffWork(c, c.Params("id"))
	if err != nil {
		return err
	}
	id, err := s.identities.Identity(c.UserContext(), w.ID)
	if err != nil {
		return err
	}
	if err := s.record(c.UserContext(), ct.ID, claimsOf(c).UserID(), "identity.viewed", "work:"+w.ID, nil); err != nil {
		return err
	}
	people := []personView{}
	for _, p := range append([]essay.Person{id.Author}, id.Coauthors...) {
		m := personView{FullName: p.FullName, PenName: p.PenName, Title: p.Title, UnitName: p.UnitName,
			Address: p.Address, Phone: p.Phone, Email: p.Email, CCCDMasked: p.CCCDMasked,
			BankAccount: p.BankAccount, BankName: p.BankName}
		if !p.BirthDate.IsZero() {
			m.BirthDate = p.BirthDate.Format("2006-01-02")
		}
		people = append(people, m)
	}
	return c.JSON(identitySheet{WorkID: w.ID, Author: people[0], Coauthors: people[1:]})
}

type screenRequest struct {
	Accept bool   `json:"accept"`
	Reason string `json:"reason"`
}

// screenWork accepts a work into judging — it gets its anonymous code — or
// rejects it as breaking the rules (phạm quy) with a reason its author sees.
func (s *Server) screenWork(c *fiber.Ctx) error {
	var req screenRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if !req.Accept {
		if _, err := essay.RejectReason(req.Reason); err != nil {
			return err // before loading: a bad form is reported as such
		}
	}
	w, ct, _, err := s.staffWork(c, c.Params("id"))
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	for range 5 {
		w, err = s.mutateWork(ctx, w.ID, func(w *essay.Work) error {
			if req.Accept {
				return w.Accept(newCode())
			}
			return w.Reject(req.Reason)
		})
		if conflictField(err) != "code" { // a code already taken: draw another
			break
		}
	}
	if err != nil {
		return err
	}
	action := "work.rejected"
	if req.Accept {
		action = "work.accepted"
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), action, "work:"+w.ID, map[string]any{"code": w.Code, "reason": w.RejectReason}); err != nil {
		return err
	}
	return c.JSON(staffWorkResponse{Work: s.toStaffWork(c, w)})
}
