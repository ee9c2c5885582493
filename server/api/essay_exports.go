package api

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/excel"
	"hoithi/server/store"
)

var statusLabel = map[essay.WorkStatus]string{essay.WorkSubmitted: "Chờ sơ loại", essay.WorkAccepted: "Hợp lệ",
	essay.WorkRejected: "Phạm quy", essay.WorkWithdrawn: "Đã rút"}

// contestWorks returns every work of a contest (optionally only accepted).
func (s *Server) contestWorks(c *fiber.Ctx, contestID string, status essay.WorkStatus) ([]*essay.Work, error) {
	var out []*essay.Work
	for offset := 0; ; offset += 1000 {
		page, total, err := s.essay.WorksOf(c.UserContext(), contestID, store.WorkFilter{Status: status, Limit: 1000, Offset: offset})
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if offset+len(page) >= total || len(page) == 0 {
			return out, nil
		}
	}
}

// exportEssayWorks lists the works by code with their status: no identity.
func (s *Server) exportEssayWorks(c *fiber.Ctx) error {
	ct, st, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	works, err := s.contestWorks(c, ct.ID, "")
	if err != nil {
		return err
	}
	t := excel.Table{Name: "Tác phẩm", Columns: []excel.Column{{Header: "Mã phách", Text: true}, {Header: "Biên nhận", Text: true},
		{Header: "Thể loại", Width: 18}, {Header: "Tên tác phẩm", Width: 40, Wrap: true}, {Header: "Số chữ"}, {Header: "Trạng thái"},
		{Header: "Lý do phạm quy", Width: 30, Wrap: true}, {Header: "Vòng đã qua"}, {Header: "Chuyển từ", Width: 30}, {Header: "Ngày gửi"}}}
	for _, w := range works {
		from := ""
		if w.Origin != nil {
			from = w.Origin.UnitName + " — " + w.Origin.ContestName
		}
		t.Rows = append(t.Rows, []any{w.Code, w.Receipt, categoryName(st, w.Category), w.Title, w.Words, statusLabel[w.Status],
			w.RejectReason, w.Round, from, w.SubmittedAt.In(vietnam)})
	}
	return s.sendTables(c, "tac-pham-"+ct.Slug+".xlsx", []excel.Table{t})
}

func categoryName(st essay.Settings, key essay.CategoryKey) string {
	return essay.CategoryLabel(st.Categories, key)
}

// exportScoreSheets writes the round's aggregate sheet (every judge's
// total, the gap, the discrepancy flag, the final score) and one sheet per
// judge with the criteria.
func (s *Server) exportScoreSheets(c *fiber.Ctx) error {
	r, ct, err := s.staffRound(c)
	if err != nil {
		return err
	}
	st, _ := essay.ParseSettings(ct.Settings)
	ctx := c.UserContext()
	outcomes, err := s.outcomes(ctx, r)
	if err != nil {
		return err
	}
	sheets, err := s.essay.ScoresOfRound(ctx, r.ID)
	if err != nil {
		return err
	}
	names := map[string]string{}
	judgeName := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		n := "Giám khảo"
		if u, err := s.Store.UserByID(ctx, id); err == nil {
			n = u.FullName
		}
		names[id] = n
		return n
	}
	agg := excel.Table{Name: "Tổng hợp", Columns: []excel.Column{{Header: "Mã phách", Text: true}, {Header: "Thể loại"},
		{Header: "Điểm các giám khảo", Width: 50, Wrap: true}, {Header: "Chênh lệch"}, {Header: "Cần chấm thêm"}, {Header: "Điểm cuối cùng"}, {Header: "Còn chờ"}}}
	for _, o := range outcomes {
		var parts []string
		for _, sc := range o.Scores {
			parts = append(parts, fmt.Sprintf("%s: %s (%s)", judgeName(sc.JudgeID), viScore(st, sc.Total), kindLabel(sc.Kind)))
		}
		gap, flag, final := any(""), "", any("")
		if o.Outcome != nil {
			gap = viScore(st, o.Outcome.Gap)
			if o.Outcome.NeedsThird {
				flag = "Giám khảo thứ ba"
			} else if o.Outcome.NeedsHead {
				flag = "Trưởng tiểu ban"
			}
			if o.Outcome.Final != nil {
				final = viScore(st, *o.Outcome.Final)
			}
		}
		agg.Rows = append(agg.Rows, []any{o.Code, categoryName(st, o.Category), joinLines(parts), gap, flag, final, len(o.Pending)})
	}
	tables := []excel.Table{agg}
	byJudge := map[string][]essay.Score{}
	for _, sc := range sheets {
		byJudge[sc.JudgeID] = append(byJudge[sc.JudgeID], sc)
	}
	judges := make([]string, 0, len(byJudge))
	for id := range byJudge {
		judges = append(judges, id)
	}
	sort.Slice(judges, func(i, j int) bool { return judgeName(judges[i]) < judgeName(judges[j]) })
	codes := map[string]string{}
	for _, o := range outcomes {
		codes[o.WorkID] = o.Code
	}
	for _, id := range judges {
		cols := []excel.Column{{Header: "Mã phách", Text: true}}
		for _, cr := range r.Rubric.Criteria {
			cols = append(cols, excel.Column{Header: fmt.Sprintf("%s (%s)", cr.Name, strings.Replace(fmt.Sprint(cr.Max), ".", ",", 1))})
		}
		cols = append(cols, excel.Column{Header: "Tổng"}, excel.Column{Header: "Nhận xét", Width: 40, Wrap: true},
			excel.Column{Header: "Trạng thái"}, excel.Column{Header: "Nộp lúc"})
		t := excel.Table{Name: "GK " + judgeName(id), Columns: cols}
		for _, sc := range byJudge[id] {
			row := []any{codes[sc.WorkID]}
			for _, cr := range r.Rubric.Criteria {
				row = append(row, strings.Replace(fmt.Sprint(sc.Criteria[cr.Key]), ".", ",", 1))
			}
			submitted := any("")
			if !sc.SubmittedAt.IsZero() {
				submitted = sc.SubmittedAt.In(vietnam)
			}
			row = append(row, viScore(st, sc.Total), sc.Comment, scoreStatusLabel[sc.Status], submitted)
			t.Rows = append(t.Rows, row)
		}
		tables = append(tables, t)
	}
	return s.sendTables(c, fmt.Sprintf("bang-diem-%s-vong-%d.xlsx", ct.Slug, r.No), tables)
}

func kindLabel(k essay.ScoreKind) string {
	switch k {
	case essay.ScoreThird:
		return "GK3"
	case essay.ScoreHead:
		return "Trưởng tiểu ban"
	}
	return "chấm độc lập"
}

func joinLines(parts []string) string {
	var b bytes.Buffer
	for i, p := range parts {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

func (s *Server) sendTables(c *fiber.Ctx, name string, tables []excel.Table) error {
	var buf bytes.Buffer
	if err := excel.WriteTables(&buf, tables); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, name, buf.Bytes())
}

// exportEssayPrizes lists the decided prizes with the authors' identity and
// bank details, for paying them: organizers only, and logged.
func (s *Server) exportEssayPrizes(c *fiber.Ctx) error {
	r, ct, err := s.organizerRound(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	st, _ := essay.ParseSettings(ct.Settings)
	t := excel.Table{Name: "Giải thưởng", Columns: []excel.Column{{Header: "Giải", Width: 24}, {Header: "Thể loại", Width: 18}, {Header: "Mã phách", Text: true},
		{Header: "Tên tác phẩm", Width: 40, Wrap: true}, {Header: "Điểm", Text: true}, {Header: "Tác giả", Width: 24}, {Header: "Ngày sinh", Text: true},
		{Header: "Đồng tác giả", Width: 30, Wrap: true}, {Header: "Đơn vị", Width: 30}, {Header: "Điện thoại", Text: true}, {Header: "CCCD", Text: true},
		{Header: "Số tài khoản", Text: true}, {Header: "Ngân hàng"}}}
	for _, a := range r.Awards {
		w, id, err := s.awardedWork(ctx, a.WorkID)
		if err != nil {
			return err
		}
		var co []string
		for _, p := range id.Coauthors {
			co = append(co, p.FullName)
		}
		tier := a.TierName
		if tier == "" {
			tier = essay.TierLabel(a.Tier)
		}
		t.Rows = append(t.Rows, []any{tier, categoryName(st, a.Category), w.Code, w.Title, viScore(st, a.Final), id.Author.FullName, viDate(id.Author.BirthDate),
			joinLines(co), s.unitNames.pathName(ctx, w.UnitPath), id.Author.Phone, id.Author.CCCDMasked, id.Author.BankAccount, id.Author.BankName})
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "prizes.exported", "round:"+r.ID, map[string]any{"rows": len(t.Rows)}); err != nil {
		return err
	}
	return s.sendTables(c, fmt.Sprintf("giai-thuong-%s-vong-%d.xlsx", ct.Slug, r.No), []excel.Table{t})
}
