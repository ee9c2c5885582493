package bench

import (
	"context"
	"fmt"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// benchStandings makes n published lines as computeResults writes them:
// strict ranks, scores falling from 20 to 0 down the table, a prediction
// for everyone, the weekly prizes at the top. The people need not exist:
// the leaderboard reads only the frozen name and unit.
func benchStandings(r *quiz.Round, units []*contests.Unit, n int) []quiz.Standing {
	prizes := []quiz.Tier{}
	for _, t := range r.Tiers {
		for range t.Count {
			prizes = append(prizes, t)
		}
	}
	rows := make([]quiz.Standing, n)
	for i := range rows {
		prediction := int64(n + i%400 - 200)
		miss := max(prediction-int64(n), int64(n)-prediction)
		started := r.OpensAt.Add(time.Duration(i%3600) * time.Second)
		duration := int64(60_000 + i%540_000)
		st := quiz.Standing{RoundID: r.ID, Rank: i + 1, UserID: store.NewID(), FullName: benchName(i),
			UnitPath: units[i%len(units)].Path, AttemptNo: 1 + i%3, Attempts: 1 + i%5,
			Score: 20 - min(20, i*21/max(n, 1)), Total: 20, DurationMs: duration,
			StartedAt: started, SubmittedAt: started.Add(time.Duration(duration) * time.Millisecond),
			Prediction: &prediction, PredictionError: &miss}
		st.Correct = st.Score
		if i < len(prizes) {
			st.Prize, st.PrizeName = prizes[i].Key, prizes[i].Name
		}
		rows[i] = st
	}
	return rows
}

// standingsPhase reads the top-100 leaderboard of the closed round n times,
// one at a time (latency, not throughput), after one warming read that
// loads the round into the server's cache.
func standingsPhase(ctx context.Context, c *client, roundID string, n int) (*Histogram, error) {
	path := "/api/v1/rounds/" + roundID + "/standings?limit=100"
	if res := c.do("GET", path, "", nil); !res.ok() {
		return nil, fmt.Errorf("standings: HTTP %d %v %.200s", res.status, res.err, res.body)
	}
	h := &Histogram{}
	for range n {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		res := c.do("GET", path, "", nil)
		if !res.ok() {
			return nil, fmt.Errorf("standings: HTTP %d %v %.200s", res.status, res.err, res.body)
		}
		h.Record(res.latency)
	}
	return h, nil
}
