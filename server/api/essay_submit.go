package api

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/contests/vnid"
	"hoithi/server/docfile"
	"hoithi/server/store"
)

// essayRules shows an essay contest's categories, limits and deadline.
func (s *Server) essayRules(c *fiber.Ctx) error {
	ct, st, err := s.essayContest(c, c.Params("slug"))
	if err != nil {
		return err
	}
	return c.JSON(essayRulesView{Categories: st.Categories, Deadline: st.Deadline, Open: intakeOpen(ct, st, s.Now())})
}

// workRequest is the "work" part of a submission; the file is the "file" part.
type workRequest struct {
	Category    string          `json:"category"`
	Title       string          `json:"title"`
	Text        string          `json:"text"`
	Declaration bool            `json:"declaration"`
	Author      personRequest   `json:"author"`
	Coauthors   []personRequest `json:"coauthors"`
}

// personRequest is an identity-sheet entry as typed. For the author, name,
// birth date, phone and CCCD come from the account; the rest is asked.
type personRequest struct {
	FullName    string `json:"fullName"`
	BirthDate   string `json:"birthDate"`
	PenName     string `json:"penName"`
	Title       string `json:"title"`
	UnitName    string `json:"unitName"`
	Address     string `json:"address"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	CCCD        string `json:"cccd"`
	BankAccount string `json:"bankAccount"`
	BankName    string `json:"bankName"`
}

// submitWork receives a work (multipart: "work" JSON + "file"): the file is
// streamed to the blob store, its kind sniffed from its content and its
// words counted from the document when no text is pasted; then the
// category's limits are checked and the work and its identity sheet are
// stored apart. Anything wrong: nothing is kept.
func (s *Server) submitWork(c *fiber.Ctx) error {
	ct, st, err := s.essayContest(c, c.Params("slug"))
	if err != nil {
		return err
	}
	if err := mayEnterEssay(c, ct); err != nil {
		return err
	}
	if !intakeOpen(ct, st, s.Now()) {
		return contests.E(contests.CodeTooLate, contests.T("Đã hết hạn nhận tác phẩm", "Submissions are closed"))
	}
	up, cat, err := s.readWorkFormIn(c, st.Categories)
	if err != nil {
		return err
	}
	req := up.req
	ctx := c.UserContext()
	user, err := s.Store.UserByID(ctx, claimsOf(c).UserID())
	if err != nil {
		return err
	}
	if up.file == nil {
		return errOneFile()
	}
	stored, text, meta, err := s.receiveFile(ctx, up, cat)
	if err != nil {
		return err
	}
	keep := false
	defer func() {
		if !keep {
			_ = s.Blobs.Delete(ctx, stored.BlobID)
		}
	}()
	if strings.TrimSpace(req.Text) == "" {
		req.Text = text
	}
	identity, err := s.identitySheet(user, req)
	if err != nil {
		return err
	}
	// The author's limits are checked against the works stored, then the
	// work is stored: two submissions racing (two tabs, two instances)
	// would both pass the check. The author's lease makes them take turns.
	release, err := s.holdLease(ctx, authorLease(ct.ID, user.ID))
	if err != nil {
		return err
	}
	defer release()
	mine, err := s.essay.WorksOfAuthor(ctx, ct.ID, user.ID)
	if err != nil {
		return err
	}
	existing := essay.CountedWorks(mine, st.Categories)
	sub := essay.Submission{Title: req.Title, Text: req.Text, Declaration: req.Declaration, File: &stored.File,
		Identifying: identity.Identifying()}
	for _, p := range identity.Coauthors {
		sub.Coauthors = append(sub.Coauthors, essay.Coauthor{FullName: p.FullName})
	}
	if err := essay.CheckSubmission(cat, sub, existing); err != nil {
		return err
	}
	now := s.Now().UTC()
	w := &essay.Work{ID: store.NewID(), ContestID: ct.ID, Category: cat.Key, Title: contests.NFC(req.Title),
		Text: contests.NFC(req.Text), Words: essay.CountWords(req.Text), Files: []essay.StoredFile{stored},
		Coauthors: len(identity.Coauthors), AuthorID: user.ID, UnitPath: user.UnitPath, Receipt: newCode(),
		Status: essay.WorkSubmitted, Warnings: append(docfile.NamesIn("", meta, identity.Identifying()), essay.TextWarnings(req.Text, identity, s.authorUnitNames(ctx, ct, user.UnitPath))...),
		Version: 1, SubmittedAt: now, UpdatedAt: now}
	identity.WorkID, identity.ContestID, identity.UpdatedAt = w.ID, ct.ID, now
	if err := s.identities.PutIdentity(ctx, identity); err != nil {
		return err
	}
	if err := s.essay.CreateWork(ctx, w); err != nil {
		return err
	}
	if err := s.record(ctx, ct.ID, user.ID, "work.submitted", "work:"+w.ID, map[string]any{"receipt": w.Receipt, "category": w.Category, "words": w.Words}); err != nil {
		// A work without its entry in the audit log must not stand: it is
		// withdrawn again (one conditional write) and the author, told it
		// failed, submits again. Its file goes with it (keep stays false).
		s.undoWork(ctx, w.ID, func(x *essay.Work) { x.Status = essay.WorkWithdrawn })
		return err
	}
	keep = true
	return c.Status(fiber.StatusCreated).JSON(authorWorkResponse{Work: toAuthorWork(w)})
}

// identitySheet builds the identity sheet from the account and the form.
func (s *Server) identitySheet(u *contests.User, req workRequest) (*essay.Identity, error) {
	id := &essay.Identity{Author: essay.Person{FullName: u.FullName, BirthDate: u.BirthDate, Phone: u.Phone, Email: u.Email,
		CCCDSealed: u.CCCDEnc, CCCDMasked: u.CCCDMasked, PenName: contests.NFC(req.Author.PenName), Title: contests.NFC(req.Author.Title),
		UnitName: contests.NFC(req.Author.UnitName), Address: contests.NFC(req.Author.Address),
		BankAccount: strings.TrimSpace(req.Author.BankAccount), BankName: contests.NFC(req.Author.BankName)}}
	var errs contests.Errors
	for i, p := range req.Coauthors {
		field := "coauthors[" + itoa(i) + "]"
		person := essay.Person{FullName: contests.NFC(p.FullName), PenName: contests.NFC(p.PenName), Title: contests.NFC(p.Title),
			UnitName: contests.NFC(p.UnitName), Address: contests.NFC(p.Address), Email: strings.TrimSpace(p.Email),
			BankAccount: strings.TrimSpace(p.BankAccount), BankName: contests.NFC(p.BankName)}
		if p.BirthDate != "" {
			d, err := time.Parse("2006-01-02", p.BirthDate)
			if err != nil {
				errs.Add(field+".birthDate", contests.T("Ngày sinh không hợp lệ (YYYY-MM-DD)", "Invalid date of birth (YYYY-MM-DD)"))
			}
			person.BirthDate = d
		}
		if p.Phone != "" {
			ph, err := vnid.NormalizePhone(p.Phone)
			if err != nil {
				errs.Add(field+".phone", contests.T("Số điện thoại không hợp lệ", "Invalid phone number"))
			}
			person.Phone = ph
		}
		if p.CCCD != "" {
			cc, err := vnid.ParseCCCD(p.CCCD)
			if err != nil {
				errs.Add(field+".cccd", contests.T("Số CCCD không hợp lệ", "Invalid CCCD number"))
			} else {
				person.CCCDSealed, person.CCCDMasked = s.Keys.Seal(cc.Number), vnid.Mask(cc.Number)
			}
		}
		id.Coauthors = append(id.Coauthors, person)
	}
	return id, errs.Err()
}

// safeName keeps a file name printable and short.
func safeName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 32 || r == '/' || r == '\\' || r == '"' {
			return '_'
		}
		return r
	}, contests.NFC(name))
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	return name
}

// authorWorkDTO is a work as its author sees it: status and receipt, never
// the anonymous code (the author must not be able to tell judges it).
type authorWorkDTO struct {
	ID           string    `json:"id"`
	ContestID    string    `json:"contestId"`
	Category     string    `json:"category"`
	Title        string    `json:"title"`
	Words        int       `json:"words"`
	Receipt      string    `json:"receipt"`
	Status       string    `json:"status"`
	RejectReason string    `json:"rejectReason,omitempty"`
	Files        []string  `json:"files"`
	SubmittedAt  time.Time `json:"submittedAt"`
}

func toAuthorWork(w *essay.Work) authorWorkDTO {
	d := authorWorkDTO{ID: w.ID, ContestID: w.ContestID, Category: string(w.Category), Title: w.Title, Words: w.Words,
		Receipt: w.Receipt, Status: string(w.Status), RejectReason: w.RejectReason, SubmittedAt: w.SubmittedAt, Files: []string{}}
	for _, f := range w.Files {
		d.Files = append(d.Files, f.Name)
	}
	return d
}

func (s *Server) myWorks(c *fiber.Ctx) error {
	ct, _, err := s.essayContest(c, c.Query("contest"))
	if err != nil {
		return err
	}
	list, err := s.essay.WorksOfAuthor(c.UserContext(), ct.ID, claimsOf(c).UserID())
	if err != nil {
		return err
	}
	out := make([]authorWorkDTO, 0, len(list))
	for _, w := range list {
		out = append(out, toAuthorWork(w))
	}
	return c.JSON(authorWorksResponse{Works: out})
}

// withdrawWork lets an author take back a work before screening decides.
func (s *Server) withdrawWork(c *fiber.Ctx) error {
	uid := claimsOf(c).UserID()
	w, err := s.mutateWork(c.UserContext(), c.Params("id"), func(w *essay.Work) error {
		if w.AuthorID != uid {
			return contests.NotFound("tác phẩm", "work")
		}
		if w.Status != essay.WorkSubmitted {
			return contests.E(contests.CodeConflict, contests.T("Tác phẩm đã được sơ loại, không thể rút", "The work has been screened and cannot be withdrawn"))
		}
		w.Status = essay.WorkWithdrawn
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.record(c.UserContext(), w.ContestID, uid, "work.withdrawn", "work:"+w.ID, nil); err != nil {
		// Not withdrawn without the entry saying so: put it back; the
		// author, told it failed, withdraws again.
		s.undoWork(c.UserContext(), w.ID, func(x *essay.Work) { x.Status = essay.WorkSubmitted })
		return err
	}
	return c.JSON(authorWorkResponse{Work: toAuthorWork(w)})
}
