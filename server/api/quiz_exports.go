package api

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/excel"
)

// Excel exports of quiz results for the organizers of the contest's owning
// unit: the prize winners of a round or of the whole contest (to hand out
// prizes: who, how to reach them, proof of the result), and every standing
// of a round (the weekly report upward).

// exportPage is how many standings one store read brings to the results
// export: large enough that paging costs little, small enough that a page
// and its users stay a few megabytes.
const exportPage = 5000

var errNoResults = contests.E(contests.CodeConflict, contests.T("Chưa tính kết quả của đợt thi", "The results have not been computed"))

// orgExportRoundWinners sends a round's prize winners, by tier then rank.
// ?cccd=full shows whole CCCD numbers (logged); they are masked otherwise.
func (s *Server) orgExportRoundWinners(c *fiber.Ctx) error {
	r, ct, err := s.orgRound(c)
	if err != nil {
		return err
	}
	if r.ResultsAt.IsZero() {
		return errNoResults
	}
	return s.sendWinners(c, ct, r.ID, r.Tiers, fmt.Sprintf("giai-thuong-%s-tuan-%d.xlsx", ct.Slug, r.No))
}

// orgExportOverallWinners sends the whole contest's prize winners (the
// overall standings), by tier then rank.
func (s *Server) orgExportOverallWinners(c *fiber.Ctx) error {
	ct, settings, err := s.overallContest(c)
	if err != nil {
		return err
	}
	return s.sendWinners(c, ct, quiz.OverallRoundID(ct.ID), settings.Overall.Tiers, "giai-thuong-chung-cuoc-"+ct.Slug+".xlsx")
}

// roundsPlayed counts, for each person, the published rounds of the
// contest they have a standing in: what the overall standings add up (the
// standings keep no such count, and the winners are few).
func (s *Server) roundsPlayed(ctx context.Context, contestID string, userIDs []string) (map[string]int, error) {
	rounds, err := s.quiz.RoundsOf(ctx, contestID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(userIDs))
	for _, r := range rounds {
		if r.Status != quiz.RoundResults {
			continue
		}
		for _, id := range userIDs {
			switch _, err := s.quiz.StandingOf(ctx, r.ID, id); contests.ErrorCode(err) {
			case "":
				out[id]++
			case contests.CodeNotFound:
			default:
				return nil, err
			}
		}
	}
	return out, nil
}

func (s *Server) sendWinners(c *fiber.Ctx, ct *contests.Contest, roundID string, tiers []quiz.Tier, filename string) error {
	full, err := fullCCCDWanted(c, ct)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	standings, err := s.winnerStandings(ctx, roundID, tiers)
	if err != nil {
		return err
	}
	ids := make([]string, len(standings))
	for i, st := range standings {
		ids[i] = st.UserID
	}
	users, err := s.Store.UsersByIDs(ctx, ids)
	if err != nil {
		return err
	}
	rows := newExportRows(s, full)
	out := make([]excel.WinnerRow, len(standings))
	for i, st := range standings {
		out[i] = rows.row(ctx, st, users[st.UserID])
	}
	if full {
		// Whole identity numbers leave the system here: say who took them.
		s.Log.Info("quiz winners exported with full CCCD", "request_id", requestID(c), "by", claimsOf(c).UserID(),
			"contest", ct.ID, "round", roundID, "rows", len(out), "unreadable", rows.unreadable)
	}
	write := excel.WriteQuizWinners
	if roundID == quiz.OverallRoundID(ct.ID) {
		played, err := s.roundsPlayed(ctx, ct.ID, ids)
		if err != nil {
			return err
		}
		for i := range out {
			out[i].Rounds, out[i].AttemptNo, out[i].Prediction = played[standings[i].UserID], 0, nil
		}
		write = excel.WriteOverallWinners
	}
	var buf bytes.Buffer
	if err := write(&buf, out); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, filename, buf.Bytes())
}

// fullCCCDWanted reads ?cccd= ("masked", the default, or "full"). Whole
// numbers go only to organizers of the contest's owning unit (or above),
// whoever else may one day reach this handler.
func fullCCCDWanted(c *fiber.Ctx, ct *contests.Contest) (bool, error) {
	switch c.Query("cccd") {
	case "", "masked":
		return false, nil
	case "full":
		cl := claimsOf(c)
		return cl != nil && contests.Allowed(cl.Grants, ct.OwnerUnitPath, contests.RoleOrganizer), nil
	}
	return false, contests.Invalid(contests.Field("cccd", contests.T("Chỉ nhận full hoặc masked", "Must be full or masked")))
}

// winnerStandings returns the standings holding a prize, ordered by the
// tiers' order, then rank. Winners sit near the top (only people excluded
// by "one prize per person" and shared last places move them down), so
// pages are read until every prize is found and a whole page brings none.
func (s *Server) winnerStandings(ctx context.Context, roundID string, tiers []quiz.Tier) ([]quiz.Standing, error) {
	prizes := 0
	order := make(map[string]int, len(tiers))
	for i, t := range tiers {
		prizes += t.Count
		order[t.Key] = i
	}
	const page = 500
	var out []quiz.Standing
	for offset := 0; ; offset += page {
		rows, total, err := s.quiz.Standings(ctx, roundID, offset, page)
		if err != nil {
			return nil, err
		}
		inPage := 0
		for _, st := range rows {
			if st.Prize != "" {
				out = append(out, st)
				inPage++
			}
		}
		if len(rows) < page || offset+len(rows) >= total || (len(out) >= prizes && inPage == 0) {
			break
		}
	}
	// A tier no longer in the rules (changed after the computation) sorts
	// after the known ones rather than vanishing.
	tierOf := func(st quiz.Standing) int {
		if i, ok := order[st.Prize]; ok {
			return i
		}
		return len(tiers)
	}
	slices.SortStableFunc(out, func(a, b quiz.Standing) int {
		return cmp.Or(cmp.Compare(tierOf(a), tierOf(b)), cmp.Compare(a.Prize, b.Prize), cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.UserID, b.UserID))
	})
	return out, nil
}

// orgExportRoundResults sends every standing of a round, one line per
// person (their counted attempt), CCCD masked. The workbook is built in a
// temporary file, page by page, and streamed from it, so memory stays flat
// for a province-size round.
func (s *Server) orgExportRoundResults(c *fiber.Ctx) error {
	r, ct, err := s.orgRound(c)
	if err != nil {
		return err
	}
	if r.ResultsAt.IsZero() {
		return errNoResults
	}
	start := time.Now()
	tmp, err := os.CreateTemp("", "hoithi-export-*.xlsx")
	if err != nil {
		return contests.Internal(err)
	}
	file := &removedOnClose{File: tmp}
	// Unlinked at once where the system allows it (the open descriptor
	// keeps the data), so even a crash leaves no file behind.
	file.removed = os.Remove(tmp.Name()) == nil
	sent := false
	defer func() {
		if !sent {
			_ = file.Close()
		}
	}()
	n, err := s.writeResults(c.UserContext(), r, file)
	if err != nil {
		return err
	}
	size, err := file.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = file.Seek(0, io.SeekStart)
	}
	if err != nil {
		return contests.Internal(err)
	}
	s.Log.Info("quiz results exported", "request_id", requestID(c), "by", claimsOf(c).UserID(), "round", r.ID,
		"rows", n, "bytes", size, "ms", time.Since(start).Milliseconds())
	c.Set(fiber.HeaderContentType, xlsxType)
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="ket-qua-%s-tuan-%d.xlsx"`, ct.Slug, r.No))
	sent = true // fasthttp closes the stream once sent, or when the response is dropped
	return c.SendStream(file, int(size))
}

// writeResults writes the round's standings as a results workbook to w,
// returning how many lines it holds. A reader goroutine fetches the next
// page (standings and their people: about two thirds of the CPU) while this
// one writes the current, so on two cores the export takes about as long as
// its reads; one page in flight keeps memory flat.
func (s *Server) writeResults(ctx context.Context, r *quiz.Round, w io.Writer) (int, error) {
	roundID := r.ID
	q, err := excel.NewQuizResultsWriter(w)
	if err != nil {
		return 0, contests.Internal(err)
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop() // an early return ends the reader
	rows := newExportRows(s, false)
	for p := range s.readResultPages(ctx, roundID) {
		if p.err != nil {
			_ = q.Close()
			return 0, p.err
		}
		for _, st := range p.rows {
			if err := q.Write(rows.row(ctx, st, p.users[st.UserID])); err != nil {
				_ = q.Close()
				return 0, contests.Internal(err)
			}
		}
	}
	// People taken out at the prize review close the list, "loại" with
	// the reason where the prize would be.
	if len(r.Exclusions) > 0 {
		ids := make([]string, len(r.Exclusions))
		for i, x := range r.Exclusions {
			ids[i] = x.UserID
		}
		users, err := s.Store.UsersByIDs(ctx, ids)
		if err != nil {
			_ = q.Close()
			return 0, err
		}
		for _, x := range r.Exclusions {
			st := quiz.Standing{UserID: x.UserID}
			if u := users[x.UserID]; u != nil {
				st.FullName, st.UnitPath = u.FullName, u.UnitPath
			}
			row := rows.row(ctx, st, users[x.UserID])
			row.Prize = "Loại: " + x.Reason
			if err := q.Write(row); err != nil {
				_ = q.Close()
				return 0, contests.Internal(err)
			}
		}
	}
	n := q.Rows()
	if err := q.Close(); err != nil {
		return 0, contests.Internal(err)
	}
	return n, nil
}

// resultPage is one page of standings with their people, or the error
// that ended the reading.
type resultPage struct {
	rows  []quiz.Standing
	users map[string]*contests.User
	err   error
}

// readResultPages sends the round's standings page by page until the last
// (or a failure, sent as the final page), stopping early when ctx ends.
func (s *Server) readResultPages(ctx context.Context, roundID string) <-chan resultPage {
	pages := make(chan resultPage, 1)
	go func() {
		defer close(pages)
		for offset := 0; ; offset += exportPage {
			p := resultPage{}
			var total int
			p.rows, total, p.err = s.quiz.Standings(ctx, roundID, offset, exportPage)
			if p.err == nil {
				ids := make([]string, len(p.rows))
				for i, st := range p.rows {
					ids[i] = st.UserID
				}
				p.users, p.err = s.Store.UsersByIDs(ctx, ids)
			}
			select {
			case pages <- p:
			case <-ctx.Done():
				return
			}
			if p.err != nil || len(p.rows) < exportPage || offset+len(p.rows) >= total {
				return
			}
		}
	}()
	return pages
}

// exportRows turns standings and their people into export lines. It
// remembers each unit path's words for the whole export: a round's
// thousands of people share a few hundred units.
type exportRows struct {
	s          *Server
	fullCCCD   bool
	units      map[string]string
	unreadable int // sealed CCCDs that would not open (shown masked)
}

func newExportRows(s *Server, fullCCCD bool) *exportRows {
	return &exportRows{s: s, fullCCCD: fullCCCD, units: map[string]string{}}
}

// row is the export line of st; u may be nil (an account since deleted):
// the line keeps the frozen name and unit and leaves the rest empty.
func (x *exportRows) row(ctx context.Context, st quiz.Standing, u *contests.User) excel.ResultRow {
	unit, ok := x.units[st.UnitPath]
	if !ok {
		unit = x.s.unitNames.pathName(ctx, st.UnitPath)
		x.units[st.UnitPath] = unit
	}
	prize := st.PrizeName
	if prize == "" {
		prize = st.Prize
	}
	row := excel.ResultRow{Prize: prize, Rank: st.Rank, FullName: st.FullName, Unit: unit, Score: st.Score,
		Correct: st.Correct, Total: st.Total, Prediction: st.Prediction, PredictionError: st.PredictionError,
		DurationMs: st.DurationMs, SubmittedAt: st.SubmittedAt, AttemptNo: st.AttemptNo, Attempts: st.Attempts}
	if u == nil {
		return row
	}
	if row.FullName == "" {
		row.FullName = u.FullName
	}
	row.BirthDate, row.Gender, row.Phone, row.Occupation, row.CCCD = u.BirthDate, u.Gender, u.Phone, u.Occupation, u.CCCDMasked
	if x.fullCCCD && u.CCCDEnc != "" {
		if number, err := x.s.Keys.Open(u.CCCDEnc); err == nil {
			row.CCCD = number
		} else {
			x.unreadable++
		}
	}
	return row
}

// removedOnClose is a temporary file deleted when closed, whoever closes it.
type removedOnClose struct {
	*os.File
	removed bool
}

func (f *removedOnClose) Close() error {
	err := f.File.Close()
	if !f.removed {
		f.removed = true
		_ = os.Remove(f.Name())
	}
	return err
}
