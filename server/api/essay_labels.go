package api

import (
	"context"
	"strconv"
	"strings"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// viScore writes a score the Vietnamese way, rounded to the contest's
// precision: 83.5 → "83,5", 70 → "70", 7.25 → "7,25". Essay exports carry
// scores as this text so every reader sees the figure the screens show.
func viScore(st essay.Settings, v float64) string {
	return strings.Replace(strconv.FormatFloat(st.RoundShown(v), 'f', -1, 64), ".", ",", 1)
}

// viDate writes a calendar date as dd/mm/yyyy ("" for none).
func viDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("02/01/2006")
}

// scoreStatusLabel names a score sheet's state.
var scoreStatusLabel = map[essay.ScoreStatus]string{essay.ScoreDraft: "Nháp", essay.ScoreSubmitted: "Đã nộp"}

// authorUnitNames are the names of the units on the author's path below
// the contest's own unit: what would narrow the author down if the text
// named them (essay.TextWarnings).
func (s *Server) authorUnitNames(ctx context.Context, ct *contests.Contest, unitPath string) []string {
	ids := contests.AncestorIDs(unitPath)
	below := len(contests.AncestorIDs(ct.OwnerUnitPath))
	var out []string
	for i := below; i < len(ids); i++ {
		if n := s.unitNames.name(ctx, ids[i]); n != "" {
			out = append(out, n)
		}
	}
	return out
}
