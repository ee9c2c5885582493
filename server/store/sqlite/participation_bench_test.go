package sqlite

import (
	"fmt"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// The benchmarks of answer saves: each times saveAnswers, the play API's
// read → save one answer → write, on records of different sizes, alone and
// with many people saving at once.

// BenchmarkPutParticipation is one answer save: read the record of a
// 20-question attempt with 20 answers, change one answer, write it back.
func BenchmarkPutParticipation(b *testing.B) {
	db := openBench(b)
	q := newQuizPlay(b)
	p := q.started(b, store.NewID(), paperSize)
	if err := db.PutParticipation(b.Context(), p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	saveAnswers(b, db, p, q.at.Add(time.Minute), b.Loop)
}

// BenchmarkPutParticipationParallel is answer saves of many people at once,
// as a server under load sees them: each goroutine plays its own record, so
// the writes meet only in the group commit.
func BenchmarkPutParticipationParallel(b *testing.B) {
	db := openBench(b)
	q := newQuizPlay(b)
	var players atomic.Int64
	b.SetParallelism(32)
	b.ReportAllocs()
	defer reportCPU(b)()
	b.RunParallel(func(pb *testing.PB) {
		p := q.started(b, fmt.Sprintf("u%04d", players.Add(1)), paperSize)
		if err := db.PutParticipation(b.Context(), p); err != nil {
			b.Error(err)
			return
		}
		saveAnswers(b, db, p, q.at.Add(time.Minute), pb.Next)
	})
}

// BenchmarkPutParticipationPlayed is answer saves on the records of regular
// players (six attempts submitted, the seventh in progress): the cost that
// grew with every attempt played. "parallel" is 32 players at once, as a
// server under load sees them (the group commit batches their writes).
func BenchmarkPutParticipationPlayed(b *testing.B) {
	db := openBench(b)
	q := newQuizPlay(b)
	q.round.MaxAttempts = 7
	var players atomic.Int64
	play := func(b *testing.B, next func() bool) {
		p := q.played(b, fmt.Sprintf("u%04d", players.Add(1)), 6)
		if err := db.PutParticipation(b.Context(), p); err != nil {
			b.Error(err)
			return
		}
		saveAnswers(b, db, p, q.at.Add(65*time.Minute), next)
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

// openBench opens a database of its own for a benchmark, closed at its end.
func openBench(b *testing.B) *DB {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// saveAnswers saves answers to p's attempt in progress while next allows,
// as the play API does each one: read the record, save the answer (at at,
// each a newer seq, cycling through the paper's questions and alternating
// two options), write it back over the version read.
func saveAnswers(b *testing.B, db *DB, p *quiz.Participation, at time.Time, next func() bool) {
	items := p.Current().Paper.Items
	for i := 0; next(); i++ {
		rec, err := db.Participation(b.Context(), p.RoundID, p.UserID)
		if err != nil {
			b.Error(err)
			return
		}
		it := items[i%len(items)]
		if _, err := rec.SaveAnswer(rec.Current().No, it.QuestionID, it.OptionOrder[i%2:][:1], int64(i+2), at); err != nil {
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

// reportCPU adds the process's CPU time per op (user + system, every
// goroutine: the group commit's included) to a benchmark's report. On a
// shared machine ns/op measures the neighbours too; CPU time does not.
func reportCPU(b *testing.B) func() {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := cpu()
	return func() {
		b.ReportMetric(float64((cpu()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
