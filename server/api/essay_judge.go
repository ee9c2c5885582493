package api

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

// The judging endpoints. They know works only by their anonymous code and
// build every answer from the Work record through judgeWorkDTO. They live on
// judging, not on Server: judging's store is judgeStore, which has no
// identity method and no user lookup, so a judge handler cannot read who
// wrote a work — it does not compile. essay_blind_test.go checks the port
// stays that way and walks every judge route with real authors, asserting
// no identity value reaches a response or a downloaded file.

// judgeStore is all the storage the judging endpoints may use: contests,
// works, judging rounds and seats, score sheets and the audit log.
type judgeStore interface {
	ContestByID(ctx context.Context, id string) (*contests.Contest, error)
	ListContests(ctx context.Context, unitPath string, publishedOnly bool) ([]*contests.Contest, error)
	store.Essay
}

// judgeBlobs is the one blob operation judges need: reading a work's file.
type judgeBlobs interface {
	Open(ctx context.Context, id string) (io.ReadCloser, int64, error)
}

// judging serves the judges. Each field holds only what judging needs:
// store is judgeStore (never store.Store), blobs can only read, and unitOf
// tells a judge's unit path (for the own-unit conflict rule) without
// handing over the account record.
type judging struct {
	store  judgeStore
	blobs  judgeBlobs
	unitOf func(ctx context.Context, userID string) (string, error)
	now    func() time.Time
}

// judgeView wraps a port so that the dynamic value judging holds has the
// judgeStore methods only: not even a type assertion reaches Identities.
type judgeView struct{ judgeStore }

func (s *Server) judging() *judging {
	return &judging{store: judgeView{s.Store}, blobs: s.Blobs, now: s.Now,
		unitOf: func(ctx context.Context, id string) (string, error) {
			u, err := s.Store.UserByID(ctx, id)
			if err != nil {
				return "", err
			}
			return u.UnitPath, nil
		}}
}

// record appends to the contest's audit log (see appendAudit).
func (j *judging) record(ctx context.Context, contestID, actorID, action, subject string, data any) error {
	return appendAudit(ctx, j.store, j.now(), contestID, actorID, action, subject, data)
}

type judgeWorkDTO struct {
	Code     string            `json:"code"`
	Category essay.CategoryKey `json:"category"`
	Title    string            `json:"title"`
	Words    int               `json:"words"`
	Status   essay.ScoreStatus `json:"status,omitempty"` // of my sheet: "" not started
	// Reopened is the secretariat's reason when it reopened my locked sheet
	// (shown while the sheet is a draft again).
	Reopened string          `json:"reopened,omitempty"`
	Total    *float64        `json:"total,omitempty"`
	Kind     essay.ScoreKind `json:"kind"`
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

// rounds lists the rounds where the caller sits on a panel.
func (j *judging) rounds(c *fiber.Ctx) error {
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	out := []judgeRoundLine{}
	for _, p := range scopePaths(c, contests.RoleJudge) {
		list, err := j.store.ListContests(ctx, rootPath(p), true)
		if err != nil {
			return err
		}
		for _, ct := range list {
			if ct.Kind != contests.KindEssay {
				continue
			}
			rounds, err := j.store.EssayRoundsOf(ctx, ct.ID)
			if err != nil {
				return err
			}
			for _, r := range rounds {
				if r.Status == essay.RoundScoring && r.OnPanel(me) {
					out = append(out, judgeRoundLine{ID: r.ID, Name: r.Name, No: r.No, Contest: ct.Title})
				}
			}
		}
	}
	return c.JSON(judgeRounds{Rounds: out})
}

// queue is the caller's work list with progress: code, title and the
// state of their own sheet, so a judge with 200 works finds the next one.
func (j *judging) queue(c *fiber.Ctx) error {
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	r, err := j.store.EssayRound(ctx, c.Params("rid"))
	if err != nil || !r.OnPanel(me) {
		return contests.NotFound("vòng chấm", "round")
	}
	seats, err := j.store.SeatsOfJudge(ctx, r.ID, me)
	if err != nil {
		return err
	}
	out := []judgeWorkDTO{}
	done := 0
	for _, seat := range seats {
		if seat.Recused {
			continue
		}
		w, err := j.store.Work(ctx, seat.WorkID)
		if err != nil {
			return err
		}
		d := judgeWorkDTO{Code: w.Code, Category: w.Category, Title: w.Title, Words: w.Words, Kind: seat.Kind}
		if sc, err := j.store.Score(ctx, r.ID, w.ID, me); err == nil {
			d.Status = sc.Status
			if sc.Status == essay.ScoreDraft {
				d.Reopened = sc.ReopenReason
			}
			if sc.Status == essay.ScoreSubmitted {
				total := sc.Total
				d.Total = &total
				done++
			}
		}
		out = append(out, d)
	}
	categories, err := j.categories(ctx, r.ContestID)
	if err != nil {
		return err
	}
	return c.JSON(judgeQueue{Round: judgeRoundHead{ID: r.ID, Name: r.Name, Rubric: r.Rubric, Status: r.Status},
		Works: out, Done: done, Total: len(out), Categories: categories})
}

// seat finds the caller's live seat on the work with the given code.
func (j *judging) seat(c *fiber.Ctx) (*essay.Round, *essay.Work, essay.Seat, error) {
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	notFound := contests.NotFound("tác phẩm", "work")
	r, err := j.store.EssayRound(ctx, c.Params("rid"))
	if err != nil || !r.OnPanel(me) {
		return nil, nil, essay.Seat{}, contests.NotFound("vòng chấm", "round")
	}
	code, err := essay.ParseCode(c.Params("code"))
	if err != nil {
		return nil, nil, essay.Seat{}, err
	}
	w, err := j.store.WorkByCode(ctx, r.ContestID, code)
	if err != nil {
		return nil, nil, essay.Seat{}, notFound
	}
	seats, err := j.store.SeatsOfJudge(ctx, r.ID, me)
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

// readWork is the reading view; every view is logged.
func (j *judging) readWork(c *fiber.Ctx) error {
	r, w, seat, err := j.seat(c)
	if err != nil {
		return err
	}
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	d := judgeReadDTO{judgeWorkDTO: judgeWorkDTO{Code: w.Code, Category: w.Category, Title: w.Title, Words: w.Words, Kind: seat.Kind},
		Text: w.Text, Rubric: r.Rubric, Files: []judgeFileDTO{}}
	for i, f := range w.Files {
		d.Files = append(d.Files, judgeFileDTO{N: i, Kind: f.Kind, Bytes: f.Bytes})
	}
	if sc, err := j.store.Score(ctx, r.ID, w.ID, me); err == nil {
		d.Status, d.Criteria, d.Comment = sc.Status, sc.Criteria, sc.Comment
		if sc.Status == essay.ScoreDraft {
			d.Reopened = sc.ReopenReason
		}
		if sc.Status == essay.ScoreSubmitted {
			total := sc.Total
			d.Total = &total
		}
	}
	if err := j.record(ctx, r.ContestID, me, "work.viewed", "work:"+w.Code, map[string]any{"round": r.ID}); err != nil {
		return err
	}
	return c.JSON(d)
}

// file streams a work's file under a name made of its code only.
func (j *judging) file(c *fiber.Ctx) error {
	_, w, _, err := j.seat(c)
	if err != nil {
		return err
	}
	_, f, err := workFile(c, w)
	if err != nil {
		return err
	}
	// A Word file's properties name whoever created and last saved it: the
	// judge gets a copy with them emptied (preparedFile).
	rc, size, err := preparedFile(c.UserContext(), j.blobs, f)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fileMIME[f.Kind])
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+w.Code+"."+string(f.Kind)+`"`)
	return c.SendStream(rc, int(size))
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

// score saves the caller's sheet as a draft, or submits it: a submitted
// sheet is locked and only the secretariat can reopen it (Score.Save).
func (j *judging) score(c *fiber.Ctx) error {
	r, w, seat, err := j.seat(c)
	if err != nil {
		return err
	}
	if err := r.AcceptsScores(); err != nil {
		return err
	}
	var req scoreRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx, me := c.UserContext(), claimsOf(c).UserID()
	sc, err := j.store.Score(ctx, r.ID, w.ID, me)
	if contests.ErrorCode(err) == contests.CodeNotFound {
		sc, err = essay.NewScore(seat), nil
	}
	if err != nil {
		return err
	}
	prev := *sc
	if err := sc.Save(r.Rubric, req.Criteria, req.Comment, req.Submit, j.now()); err != nil {
		return err
	}
	if err := j.store.PutScore(ctx, sc); err != nil {
		return err
	}
	if req.Submit {
		if err := j.record(ctx, r.ContestID, me, "score.submitted", "work:"+w.Code, map[string]any{"round": r.ID, "criteria": sc.Criteria, "total": sc.Total}); err != nil {
			// A submitted (locked) sheet must have its entry: put the sheet
			// back as it was, unlocked, so the judge's retry submits it and
			// appends the entry then (see essay_undo.go).
			undo := prev
			undo.Version = sc.Version + 1
			if uerr := j.store.PutScore(context.WithoutCancel(ctx), &undo); uerr != nil {
				// Internal errors are logged with their cause: the
				// secretariat can find the sheet to check.
				return contests.Internal(fmt.Errorf("score of round %s, work %s, judge %s submitted without its audit entry (%v) and not put back: %w",
					r.ID, w.ID, me, err, uerr))
			}
			return err
		}
	}
	return c.JSON(scoreSaved{Status: sc.Status, Total: sc.Total})
}

// judgeCategory is a category as a judge reads it: its key and its name in
// this contest.
type judgeCategory struct {
	Key  essay.CategoryKey `json:"key"`
	Name string            `json:"name"`
}

// categories lists the contest's own categories (its settings, not the
// national table), so a judge reads the names the contest gave them.
func (j *judging) categories(ctx context.Context, contestID string) ([]judgeCategory, error) {
	ct, err := j.store.ContestByID(ctx, contestID)
	if err != nil {
		return nil, err
	}
	st, err := essay.ParseSettings(ct.Settings)
	if err != nil {
		return nil, err
	}
	out := make([]judgeCategory, len(st.Categories))
	for i, cat := range st.Categories {
		out[i] = judgeCategory{Key: cat.Key, Name: cat.Name}
	}
	return out, nil
}
