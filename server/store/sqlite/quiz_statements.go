package sqlite

import (
	"context"
	"database/sql"
	"errors"
)

// quizStatements are the hot path's statements, prepared once at Open so an
// answer save does not parse SQL (about a tenth of its cost). database/sql
// prepares each again lazily on every pooled connection that runs it and
// releases them when the statement closes.
type quizStatements struct {
	selectParticipation *sql.Stmt // on the readers
	insertParticipation *sql.Stmt // on the writer
	updateParticipation *sql.Stmt // on the writer
	// updateParticipationData is the update of an answer save: the indexed
	// columns keep their values, so SQLite leaves both indexes alone.
	updateParticipationData *sql.Stmt // on the writer
}

func prepareQuizStatements(ctx context.Context, writer, reader *sql.DB) (*quizStatements, error) {
	var s quizStatements
	var errs [4]error
	s.selectParticipation, errs[0] = reader.PrepareContext(ctx, selectParticipation)
	s.insertParticipation, errs[1] = writer.PrepareContext(ctx, insertParticipation)
	s.updateParticipation, errs[2] = writer.PrepareContext(ctx, updateParticipation)
	s.updateParticipationData, errs[3] = writer.PrepareContext(ctx, updateParticipationData)
	if err := errors.Join(errs[:]...); err != nil {
		s.close()
		return nil, err
	}
	return &s, nil
}

func (s *quizStatements) close() error {
	var errs []error
	for _, st := range []*sql.Stmt{s.selectParticipation, s.insertParticipation, s.updateParticipation, s.updateParticipationData} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}
