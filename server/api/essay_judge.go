package api

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/docfile"
)

// The judging endpoints. They know works only by their anonymous code and
// build every answer from the Work record through judgeWorkDTO; the identity
// port is never called here (essay_blind_test.go walks them all).

func (s *Server) judgeRoutes(r fiber.Router) {
	j := r.Group("/judge", requireRole(contests.RoleJudge))
	j.Get("/rounds", s.judgeRounds)
	j.Get("/rounds/:rid/works", s.judgeQueue)
	j.Get("/rounds/:rid/works/:code", s.judgeReadWork)
	j.Get("/rounds/:rid/works/:code/files/:n", s.judgeFile)
	j.Put("/rounds/:rid/works/:code/score", s.judgeScore)
	j.Post("/rounds/:rid/works/:code/recuse", s.judgeRecuse)
	r.Post("/org/essay/rounds/:rid/works/:wid/unlock", requireRole(contests.RoleSecretary, contests.RoleOrganizer), s.unlockScore)
}

type judgeWorkDTO struct {
	Code     string            `json:"code"`
	Category essay.CategoryKey `json:"category"`
	Title    string            `json:"title"`
	Words    int               `json:"words"`
	Status   essay.ScoreStatus `json:"status,omitempty"` // of my sheet: "" not started
	Total    *float64          `json:"total,omitempty"`
	Kind     essay.ScoreKind   `json:"kind"`
}

type judgeReadDTO struct {
	judgeWorkDTO
	Text     string             `json:"text"`
	Files    []judgeFileDTO     `json:"files"`
	Rubric   essay.Rubric       `json:"rubric"`
	Criteria map[string]float64 `json:"criteria,omitempty"`
	Comment  string             `json:"comment,omitempty"`
}

type judgeFileDTO struct {
	N     int            `json:"n"`
	Kind  essay.FileKind `json:"kind"`
	Bytes int64          `json:"bytes"`
}

// judgeRounds lists the rounds where the caller sits on a panel.
func (s *Server) judgeRounds(c *fiber.Ctx) error {
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	out := []fiber.Map{}
	for _, p := range scopePaths(c, contests.RoleJudge) {
		list, err := s.Store.ListContests(ctx, rootPath(p), true)
		if err != nil {
			return err
		}
		for _, ct := range list {
			if ct.Kind != contests.KindEssay {
				continue
			}
			rounds, err := s.essay.EssayRoundsOf(ctx, ct.ID)
			if err != nil {
				return err
			}
			for _, r := range rounds {
				if r.Status == essay.RoundScoring && onPanel(r, me) {
					out = append(out, fiber.Map{"id": r.ID, "name": r.Name, "no": r.No, "contest": ct.Title})
				}
			}
		}
	}
	return c.JSON(fiber.Map{"rounds": out})
}

func onPanel(r *essay.Round, judge string) bool {
	for _, p := range r.Panels {
		for _, id := range p.JudgeIDs {
			if id == judge {
				return true
			}
		}
	}
	return false
}

// judgeQueue is the caller's work list with progress: code, title and the
// state of their own sheet, so a judge with 200 works finds the next one.
func (s *Server) judgeQueue(c *fiber.Ctx) error {
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	r, err := s.essay.EssayRound(ctx, c.Params("rid"))
	if err != nil || !onPanel(r, me) {
		return contests.NotFound("vòng chấm", "round")
	}
	seats, err := s.essay.SeatsOfJudge(ctx, r.ID, me)
	if err != nil {
		return err
	}
	out := []judgeWorkDTO{}
	done := 0
	for _, seat := range seats {
		if seat.Recused {
			continue
		}
		w, err := s.essay.Work(ctx, seat.WorkID)
		if err != nil {
			return err
		}
		d := judgeWorkDTO{Code: w.Code, Category: w.Category, Title: w.Title, Words: w.Words, Kind: seat.Kind}
		if sc, err := s.essay.Score(ctx, r.ID, w.ID, me); err == nil {
			d.Status = sc.Status
			if sc.Status == essay.ScoreSubmitted {
				total := sc.Total
				d.Total = &total
				done++
			}
		}
		out = append(out, d)
	}
	return c.JSON(fiber.Map{"round": fiber.Map{"id": r.ID, "name": r.Name, "rubric": r.Rubric, "status": r.Status},
		"works": out, "done": done, "total": len(out)})
}

// judgeSeat finds the caller's live seat on the work with the given code.
func (s *Server) judgeSeat(c *fiber.Ctx) (*essay.Round, *essay.Work, essay.Seat, error) {
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	notFound := contests.NotFound("tác phẩm", "work")
	r, err := s.essay.EssayRound(ctx, c.Params("rid"))
	if err != nil || !onPanel(r, me) {
		return nil, nil, essay.Seat{}, contests.NotFound("vòng chấm", "round")
	}
	code, err := essay.ParseCode(c.Params("code"))
	if err != nil {
		return nil, nil, essay.Seat{}, err
	}
	w, err := s.essay.WorkByCode(ctx, r.ContestID, code)
	if err != nil {
		return nil, nil, essay.Seat{}, notFound
	}
	seats, err := s.essay.SeatsOfJudge(ctx, r.ID, me)
	if err != nil {
		return nil, nil, essay.Seat{}, err
	}
	for _, seat := range seats {
		if seat.WorkID == w.ID && !seat.Recused {
			return r, w, seat, nil
		}
	}
	return nil, nil, essay.Seat{}, notFound // not assigned: as if it did not exist
}

// judgeReadWork is the reading view; every view is logged.
func (s *Server) judgeReadWork(c *fiber.Ctx) error {
	r, w, seat, err := s.judgeSeat(c)
	if err != nil {
		return err
	}
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	d := judgeReadDTO{judgeWorkDTO: judgeWorkDTO{Code: w.Code, Category: w.Category, Title: w.Title, Words: w.Words, Kind: seat.Kind},
		Text: w.Text, Rubric: r.Rubric, Files: []judgeFileDTO{}}
	for i, f := range w.Files {
		d.Files = append(d.Files, judgeFileDTO{N: i, Kind: f.Kind, Bytes: f.Bytes})
	}
	if sc, err := s.essay.Score(ctx, r.ID, w.ID, me); err == nil {
		d.Status, d.Criteria, d.Comment = sc.Status, sc.Criteria, sc.Comment
		if sc.Status == essay.ScoreSubmitted {
			total := sc.Total
			d.Total = &total
		}
	}
	if err := s.record(ctx, r.ContestID, me, "work.viewed", "work:"+w.Code, map[string]any{"round": r.ID}); err != nil {
		return err
	}
	return c.JSON(d)
}

// judgeFile streams a work's file under a name made of its code only.
func (s *Server) judgeFile(c *fiber.Ctx) error {
	_, w, _, err := s.judgeSeat(c)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 0 || n >= len(w.Files) {
		return contests.NotFound("tệp", "file")
	}
	f := w.Files[n]
	rc, size, err := s.Blobs.Open(c.UserContext(), f.BlobID)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fileMIME[f.Kind])
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+w.Code+"."+string(f.Kind)+`"`)
	if f.Kind != essay.FileDOCX {
		return c.SendStream(rc, int(size))
	}
	// A Word file's properties name whoever created and last saved it: the
	// judge gets a copy with them emptied.
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, size))
	if err != nil {
		return contests.Internal(err)
	}
	var clean bytes.Buffer
	if err := docfile.StripDocxProperties(bytes.NewReader(raw), int64(len(raw)), &clean, docfile.DefaultLimits()); err != nil {
		return err
	}
	return c.Send(clean.Bytes())
}

var fileMIME = map[essay.FileKind]string{
	essay.FileDOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	essay.FilePDF:  "application/pdf", essay.FileMP3: "audio/mpeg", essay.FileMP4: "video/mp4",
}

type scoreRequest struct {
	Criteria map[string]float64 `json:"criteria"`
	Comment  string             `json:"comment"`
	Submit   bool               `json:"submit"`
}

// judgeScore saves the caller's sheet as a draft, or submits it: a
// submitted sheet is locked and only the secretariat can reopen it.
func (s *Server) judgeScore(c *fiber.Ctx) error {
	r, w, seat, err := s.judgeSeat(c)
	if err != nil {
		return err
	}
	if r.Status != essay.RoundScoring {
		return contests.E(contests.CodeTooLate, contests.T("Vòng chấm đã kết thúc", "The round is closed"))
	}
	var req scoreRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	comment := strings.TrimSpace(contests.NFC(req.Comment))
	if utf8.RuneCountInString(comment) > 5000 {
		return contests.Invalid(contests.Field("comment", contests.T("Nhận xét tối đa 5.000 ký tự", "The comment is at most 5,000 characters")))
	}
	// A draft may be partial: criteria not given yet count as 0 for the
	// check; every given one must still be on the rubric, in range and on
	// the step. A submitted sheet must give them all.
	check := make(map[string]float64, len(r.Rubric.Criteria))
	for k, v := range req.Criteria {
		check[k] = v
	}
	if !req.Submit {
		for _, cr := range r.Rubric.Criteria {
			if _, ok := check[cr.Key]; !ok {
				check[cr.Key] = 0
			}
		}
	}
	total, err := essay.ValidateScore(r.Rubric, check)
	if err != nil {
		return err
	}
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	sc, err := s.essay.Score(ctx, r.ID, w.ID, me)
	if contests.ErrorCode(err) == contests.CodeNotFound {
		sc, err = &essay.Score{RoundID: r.ID, WorkID: w.ID, JudgeID: me, Kind: seat.Kind}, nil
	}
	if err != nil {
		return err
	}
	if sc.Status == essay.ScoreSubmitted {
		return contests.E(contests.CodeTooLate, contests.T("Điểm đã nộp và bị khóa; cần tổ thư ký mở lại để sửa", "The score is submitted and locked; the secretariat must reopen it"))
	}
	now := s.Now().UTC()
	sc.Criteria, sc.Total, sc.Comment, sc.Status, sc.UpdatedAt = req.Criteria, total, comment, essay.ScoreDraft, now
	if req.Submit {
		sc.Status, sc.SubmittedAt = essay.ScoreSubmitted, now
	}
	sc.Version++
	if err := s.essay.PutScore(ctx, sc); err != nil {
		return err
	}
	if req.Submit {
		if err := s.record(ctx, r.ContestID, me, "score.submitted", "work:"+w.Code, map[string]any{"round": r.ID, "criteria": sc.Criteria, "total": total}); err != nil {
			return err
		}
	}
	return c.JSON(fiber.Map{"status": sc.Status, "total": total})
}
