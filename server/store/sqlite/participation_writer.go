package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"sync"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// participationWriter commits participation writes in batches ("group
// commit"). Why: a commit appends the changed pages to the WAL with one
// write call per page, which cost more than the UPDATE itself, and the
// single writer connection serializes every commit anyway. While one batch
// commits, the writes that arrive queue up and go together in the next
// transaction, so under load one commit carries dozens of answer saves,
// pays the transaction's fixed costs (locks, WAL header, checkpoint check)
// once and writes a page they share (index, free list) once. Alone, a
// write is a batch of one.
//
// Nothing a caller sees changes: PutParticipation returns after its own
// statement committed (or was refused), each statement keeps its version
// guard, and a write whose guard fails is a conflict for that caller only.
type participationWriter struct {
	db      *DB
	queue   chan *participationWrite
	mu      sync.RWMutex // held to send, taken whole to close the queue
	closed  bool
	stopped chan struct{}
}

// participationWrite is one PutParticipation waiting for its batch.
type participationWrite struct {
	ctx       context.Context
	key       participationKey
	version   int64
	contestID string
	data      string // encoded record
	cols      participationColumns
	// stored is the record as a read would return it, for the cache; nil
	// when it must not be cached.
	stored *quiz.Participation
	// attemptJSON is what the cache keeps with stored (participation_reuse.go).
	attemptJSON []string
	done        chan error // buffered: the writer never waits for the caller
}

// maxWriteBatch bounds one transaction: about 2 ms of statements, so the
// first write of a batch never waits long for the last.
const maxWriteBatch = 128

func startParticipationWriter(db *DB) *participationWriter {
	w := &participationWriter{db: db, queue: make(chan *participationWrite, 4*maxWriteBatch), stopped: make(chan struct{})}
	go w.run()
	return w
}

// write queues r and waits for its batch to commit.
func (w *participationWriter) write(r *participationWrite) error {
	w.mu.RLock()
	if w.closed {
		w.mu.RUnlock()
		return contests.Internal(errors.New("sqlite: write to a closed database"))
	}
	w.queue <- r
	w.mu.RUnlock()
	return <-r.done
}

// close commits what is queued and stops the writer.
func (w *participationWriter) close() {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.queue)
	}
	w.mu.Unlock()
	<-w.stopped
}

func (w *participationWriter) run() {
	defer close(w.stopped)
	batch := make([]*participationWrite, 0, maxWriteBatch)
	for first := range w.queue {
		batch = append(batch[:0], first)
		yielded := false
	gather:
		for len(batch) < maxWriteBatch {
			select {
			case r, ok := <-w.queue:
				if !ok {
					break gather
				}
				batch = append(batch, r)
			default:
				if yielded {
					break gather
				}
				// The callers of the last batch were just woken: let
				// them run once, so their next writes join this batch.
				// Without this yield, 64 goroutines saving at once still
				// committed one write at a time, 9 in 10 batches.
				runtime.Gosched()
				yielded = true
			}
		}
		w.commit(batch)
		clear(batch) // let the records go
	}
}

// commit runs batch in one transaction, updates the cache from the
// outcome, then answers every caller. A statement failing for a reason of
// its own (not a conflict) rolls the transaction back; that write gets its
// error and the others run again without it.
func (w *participationWriter) commit(batch []*participationWrite) {
	db := w.db
	errs := make([]error, len(batch))
	settled := make([]bool, len(batch)) // has its final error, left out of reruns
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			errs[i], settled[i] = storeError(err, nil), true // given up before it ran
		}
	}
	var tx *sql.Tx
	var err error
	for {
		var failed int
		tx, failed, err = w.execBatch(batch, errs, settled)
		if failed < 0 {
			break
		}
		errs[failed], settled[failed] = storeError(err, nil), true
	}
	// The order lock makes "commit, then update the cache" one step for
	// Participation's fills (participation_cache.go).
	db.participationOrder.Lock()
	if err == nil {
		err = tx.Commit()
	}
	for i, r := range batch {
		if err != nil && !settled[i] {
			errs[i] = storeError(err, nil)
		}
		if errs[i] == nil && r.stored != nil {
			db.participations.putEncoded(r.key, r.stored, r.attemptJSON, cachedSize(r.data, r.attemptJSON))
		} else {
			db.participations.drop(r.key) // refused, unknown or not cacheable: the next read goes to SQL
		}
	}
	db.participationOrder.Unlock()
	for i, r := range batch {
		r.done <- errs[i]
	}
}

// execBatch begins a transaction and executes the unsettled writes of
// batch in it, recording conflicts in errs. It returns the open transaction
// for the caller to commit; or, when one write's statement failed, that
// write's index and error with the transaction rolled back; or the error
// of beginning.
func (w *participationWriter) execBatch(batch []*participationWrite, errs []error, settled []bool) (*sql.Tx, int, error) {
	ctx := context.Background() // the batch serves many callers, it outlives none
	tx, err := w.db.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, -1, err
	}
	stmts := txStatements{tx: tx, db: w.db}
	for i, r := range batch {
		if settled[i] {
			continue
		}
		errs[i] = nil
		applied, err := stmts.exec(ctx, r)
		if err != nil {
			tx.Rollback()
			return nil, i, err
		}
		if !applied {
			errs[i] = participationConflict()
		}
	}
	return tx, -1, nil
}

// txStatements binds the prepared participation statements to one batch's
// transaction, each on first use.
type txStatements struct {
	tx                         *sql.Tx
	db                         *DB
	insert, update, updateData *sql.Stmt
}

func (s *txStatements) bind(ctx context.Context, st **sql.Stmt, prepared *sql.Stmt) *sql.Stmt {
	if *st == nil {
		*st = s.tx.StmtContext(ctx, prepared)
	}
	return *st
}

// exec writes r and reports whether its version guard let it through.
func (s *txStatements) exec(ctx context.Context, r *participationWrite) (bool, error) {
	k, v, c := r.key, r.version, r.cols
	if v == 1 {
		_, err := s.bind(ctx, &s.insert, s.db.stmts.insertParticipation).ExecContext(ctx, k.roundID, k.userID,
			r.contestID, v, c.openDeadline, c.score, c.duration, c.submitted, r.data)
		if uniqueConflict(err) != nil {
			return false, nil // inserted by someone else first
		}
		return err == nil, err
	}
	var res sql.Result
	var err error
	// An answer save changes no indexed column: when the cached base record
	// says so, write only version and data (the statement re-checks it).
	if base := s.db.participations.get(k); base != nil && base.Version == v-1 && columnsOf(base) == c {
		res, err = s.bind(ctx, &s.updateData, s.db.stmts.updateParticipationData).ExecContext(ctx, v, r.data,
			k.roundID, k.userID, v-1, c.openDeadline, c.score, c.duration, c.submitted)
	} else {
		res, err = s.bind(ctx, &s.update, s.db.stmts.updateParticipation).ExecContext(ctx, v,
			c.openDeadline, c.score, c.duration, c.submitted, r.data, k.roundID, k.userID, v-1)
	}
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	// No row at the base version: stale, skipped or never inserted, all of
	// which the caller resolves by reloading.
	return n == 1, err
}
