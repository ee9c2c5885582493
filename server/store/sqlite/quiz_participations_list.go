package sqlite

import (
	"context"
	"database/sql"
	"runtime"
	"sync"
	"time"

	"hoithi/contests/quiz"
)

// ParticipationsOfUser returns the person's records in a contest by round.
func (db *DB) ParticipationsOfUser(ctx context.Context, contestID, userID string) ([]*quiz.Participation, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_participations
		WHERE user_id = ? AND contest_id = ? ORDER BY round_id`, userID, contestID)
	return collect(rows, err, scanParticipation)
}

// ExpiredParticipations returns up to limit (100 when below 1) records whose
// attempt in progress had its deadline before t, oldest deadline first so a
// sweeper that falls behind finalizes in order. The comparison implies
// open_deadline_ms IS NOT NULL, which lets SQLite use the partial index.
func (db *DB) ExpiredParticipations(ctx context.Context, t time.Time, limit int) ([]*quiz.Participation, error) {
	if limit < 1 {
		limit = 100
	}
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_participations
		WHERE open_deadline_ms < ? ORDER BY open_deadline_ms LIMIT ?`, t.UnixMilli(), limit)
	return collect(rows, err, scanParticipation)
}

// EachParticipation calls fn for every record of a round in UserID order,
// from a reader cursor (a province round holds a million records). fn's
// error stops the walk and is returned as is. The cursor holds one read
// snapshot: fn may write meanwhile, through the writer.
//
// Decoding the JSON is most of the cost of a walk, so rows are read
// eachParticipationBatch at a time and the batch is decoded on every
// core, while the next batch is read from the cursor by a goroutine of
// its own; fn still sees the records one at a time, in order, on the
// caller's goroutine, and at most two batches are held.
func (db *DB) EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_participations
		WHERE round_id = ? ORDER BY user_id`, roundID)
	if err != nil {
		return storeError(err, nil)
	}
	batches, done := make(chan [][]byte, 1), make(chan struct{})
	var readErr error // set by the reader before it closes batches
	go func() {
		defer close(batches)
		defer rows.Close()
		readErr = readBatches(rows, batches, done)
	}()
	defer func() {
		close(done) // the reader stops at its next batch
		for range batches {
		}
	}()
	decoded := make([]*quiz.Participation, eachParticipationBatch)
	for raw := range batches {
		if err := decodeParticipations(raw, decoded[:len(raw)]); err != nil {
			return storeError(err, nil)
		}
		for i, p := range decoded[:len(raw)] {
			decoded[i] = nil
			if err := fn(p); err != nil {
				return err
			}
		}
	}
	return storeError(readErr, nil)
}

// readBatches sends the rows' data eachParticipationBatch at a time until
// the rows end or done is closed.
func readBatches(rows *sql.Rows, batches chan<- [][]byte, done <-chan struct{}) error {
	raw := make([][]byte, 0, eachParticipationBatch)
	send := func() bool {
		select {
		case batches <- raw:
			raw = make([][]byte, 0, eachParticipationBatch)
			return true
		case <-done:
			return false
		}
	}
	for rows.Next() {
		var data []byte // a fresh slice each row: Scan copies into it
		if err := rows.Scan(&data); err != nil {
			return err
		}
		if raw = append(raw, data); len(raw) == eachParticipationBatch && !send() {
			return nil
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(raw) > 0 {
		send()
	}
	return nil
}

// eachParticipationBatch is how many records EachParticipation decodes at once.
const eachParticipationBatch = 512

// decodeParticipations decodes raw[i] into out[i] on GOMAXPROCS goroutines.
func decodeParticipations(raw [][]byte, out []*quiz.Participation) error {
	workers := min(runtime.GOMAXPROCS(0), len(raw))
	if workers <= 1 {
		for i, data := range raw {
			p, err := decodeParticipation(data)
			if err != nil {
				return err
			}
			out[i] = p
		}
		return nil
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(raw); i += workers {
				p, err := decodeParticipation(raw[i])
				if err != nil {
					errs[w] = err
					return
				}
				out[i] = p
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// CountParticipations returns how many people started the round.
func (db *DB) CountParticipations(ctx context.Context, roundID string) (int, error) {
	var n int
	err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM quiz_participations WHERE round_id = ?`, roundID).Scan(&n)
	return n, storeError(err, nil)
}
