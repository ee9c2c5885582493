package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/contests/similarity"
	"hoithi/server/store"
)

// checkSimilarity compares every screened-in or waiting work of a contest
// with every other and lists the pairs whose overlap is above the
// category's ceiling (20 % magazine, 25 % newspaper; docs/domain.md §3).
func (s *Server) checkSimilarity(c *fiber.Ctx) error {
	ct, st, err := s.staffContest(c, c.Params("cid"))
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	var docs []similarity.Doc
	byID := map[string]*essay.Work{}
	for _, status := range []essay.WorkStatus{essay.WorkSubmitted, essay.WorkAccepted} {
		for offset := 0; ; offset += 1000 {
			page, total, err := s.essay.WorksOf(ctx, ct.ID, store.WorkFilter{Status: status, Limit: 1000, Offset: offset})
			if err != nil {
				return err
			}
			for _, w := range page {
				cat, _ := essay.FindCategory(st.Categories, w.Category)
				threshold := similarity.DefaultThreshold
				if cat.MaxOverlapPercent > 0 {
					threshold = float64(cat.MaxOverlapPercent) / 100
				}
				docs = append(docs, similarity.Doc{ID: w.ID, Text: w.Text, Threshold: threshold})
				byID[w.ID] = w
			}
			if offset+len(page) >= total || len(page) == 0 {
				break
			}
		}
	}
	res, err := similarity.Find(docs, similarity.Options{})
	if err != nil {
		return err
	}
	pairs := make([]similarPair, 0, len(res.Pairs))
	for _, p := range res.Pairs {
		a, b := byID[p.A], byID[p.B]
		pairs = append(pairs, similarPair{A: workLabel(a), B: workLabel(b), OverlapA: p.OverlapA, OverlapB: p.OverlapB, Shared: p.Shared})
	}
	if err := s.record(ctx, ct.ID, claimsOf(c).UserID(), "similarity.checked", "contest:"+ct.ID, map[string]any{"works": len(docs), "flagged": len(pairs)}); err != nil {
		return err
	}
	return c.JSON(similarityFound{Works: len(docs), Pairs: pairs})
}

func workLabel(w *essay.Work) workLabelDTO {
	return workLabelDTO{ID: w.ID, Code: w.Code, Receipt: w.Receipt, Title: w.Title, Category: w.Category}
}

// comparePair shows two works side by side with their common passages,
// as byte and UTF-16 offsets into each text for highlighting.
func (s *Server) comparePair(c *fiber.Ctx) error {
	a, ct, _, err := s.staffWork(c, c.Params("a"))
	if err != nil {
		return err
	}
	b, err := s.essay.Work(c.UserContext(), c.Params("b"))
	if err != nil || b.ContestID != ct.ID {
		return contests.NotFound("tác phẩm", "work")
	}
	passages, err := similarity.Passages(a.Text, b.Text, similarity.Options{})
	if err != nil {
		return err
	}
	return c.JSON(comparison{A: comparedWork{Work: workLabel(a), Text: a.Text}, B: comparedWork{Work: workLabel(b), Text: b.Text}, Passages: orEmpty(passages)})
}
