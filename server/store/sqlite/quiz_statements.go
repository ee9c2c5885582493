package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"sync"
	"weak"
)

// quizStatements are the hot path's statements, prepared once per DB so an
// answer save does not parse SQL twice (about a tenth of its cost).
// database/sql prepares each again lazily on every pooled connection that
// runs it and releases them when the pool closes.
type quizStatements struct {
	selectParticipation *sql.Stmt // on the readers
	insertParticipation *sql.Stmt // on the writer
	updateParticipation *sql.Stmt // on the writer
}

// quizStatementsOf holds each open DB's statements until the DB is garbage:
// DB (db.go) has no field for them yet. Keys are weak so an entry never
// keeps its DB alive; a cleanup drops it when the DB goes.
var quizStatementsOf sync.Map // weak.Pointer[DB] → *quizStatements

// quizStmts returns db's prepared statements, preparing them on first use.
func (db *DB) quizStmts(ctx context.Context) (*quizStatements, error) {
	key := weak.Make(db)
	if s, ok := quizStatementsOf.Load(key); ok {
		return s.(*quizStatements), nil
	}
	s, err := prepareQuizStatements(ctx, db)
	if err != nil {
		return nil, storeError(err, nil)
	}
	if won, loaded := quizStatementsOf.LoadOrStore(key, s); loaded {
		s.close() // another goroutine prepared them first
		return won.(*quizStatements), nil
	}
	runtime.AddCleanup(db, func(key weak.Pointer[DB]) {
		if s, ok := quizStatementsOf.LoadAndDelete(key); ok {
			s.(*quizStatements).close()
		}
	}, key)
	return s, nil
}

func prepareQuizStatements(ctx context.Context, db *DB) (*quizStatements, error) {
	var s quizStatements
	var errs [3]error
	s.selectParticipation, errs[0] = db.reader.PrepareContext(ctx, selectParticipation)
	s.insertParticipation, errs[1] = db.writer.PrepareContext(ctx, insertParticipation)
	s.updateParticipation, errs[2] = db.writer.PrepareContext(ctx, updateParticipation)
	if err := errors.Join(errs[:]...); err != nil {
		s.close()
		return nil, err
	}
	return &s, nil
}

func (s *quizStatements) close() {
	for _, st := range []*sql.Stmt{s.selectParticipation, s.insertParticipation, s.updateParticipation} {
		if st != nil {
			st.Close()
		}
	}
}
