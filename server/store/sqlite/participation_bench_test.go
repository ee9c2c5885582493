package sqlite

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkPutParticipationPlayed is answer saves on the records of regular
// players (six attempts submitted, the seventh in progress): the cost that
// grew with every attempt played. "parallel" is 32 players at once, as a
// server under load sees them (the group commit batches their writes).
func BenchmarkPutParticipationPlayed(b *testing.B) {
	db, err := Open(b.Context(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	q := newQuizPlay(b)
	q.round.MaxAttempts = 7
	var players atomic.Int64
	play := func(b *testing.B, next func() bool) {
		p := q.played(b, fmt.Sprintf("u%04d", players.Add(1)), 6)
		if err := db.PutParticipation(b.Context(), p); err != nil {
			b.Error(err)
			return
		}
		items := p.Current().Paper.Items
		for i := 0; next(); i++ {
			rec, err := db.Participation(b.Context(), p.RoundID, p.UserID)
			if err != nil {
				b.Error(err)
				return
			}
			it := items[i%len(items)]
			if _, err := rec.SaveAnswer(rec.Current().No, it.QuestionID, it.OptionOrder[i%2:][:1], int64(i+100), q.at.Add(65*time.Minute)); err != nil {
				b.Error(err)
				return
			}
			rec.Version++
			if err := db.PutParticipation(b.Context(), rec); err != nil {
				b.Error(err)
				return
			}
		}
	}
	b.Run("serial", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		play(b, b.Loop)
	})
	b.Run("parallel", func(b *testing.B) {
		b.SetParallelism(16) // 32 players on 2 cores
		b.ReportAllocs()
		defer reportCPU(b)()
		b.RunParallel(func(pb *testing.PB) { play(b, pb.Next) })
	})
}
