package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// A round's published table is replaced without a transaction and without a
// moment in which a reader sees it empty or half written:
//
//  1. the new lines are inserted as a new generation (a fresh gen ID on
//     every line), which no reader looks at yet;
//  2. the round's head document is switched to that generation, with the
//     number of lines, in one single-document update: from then on every
//     reader reads the new table, whole;
//  3. the generation the head pointed to before is deleted.
//
// A reader reads the head, then one page of its generation. If a newer
// publication deleted that generation in between, the page comes back short
// of what the head promised and the reader starts again from the new head
// (standingsReadTries). A replace that fails before step 2 deletes its own
// lines; one cut off by a crash leaves lines of an unreachable generation,
// which the next replace of the round does not see and nothing reads.
//
// Lines stored before generations existed have no gen and their round no
// head: they are read as the table until the first replace, which deletes
// them after switching.

// standingHeadDoc points a round at its published generation.
type standingHeadDoc struct {
	RoundID string `bson:"_id"`
	Gen     string `bson:"gen"`
	Lines   int    `bson:"lines"`
}

// standingKey builds a line's _id: one line per person in a generation.
func standingKey(roundID, gen, userID string) string { return roundID + "|" + gen + "|" + userID }

// standingsBatchSize bounds one insert of ReplaceStandings, well under the
// 48 MB a server accepts in one message.
const standingsBatchSize = 1000

// standingsReadTries bounds how often a reader starts again after a
// publication replaced the generation it was reading: each try needs yet
// another publication during one page read.
const standingsReadTries = 3

// ReplaceStandings makes rows the round's table, filed under roundID
// whatever their RoundID says, as a new generation (see above). Two rows for
// one person → CodeConflict, field "userId", and the table stays as it was.
func (db *DB) ReplaceStandings(ctx context.Context, roundID string, rows []quiz.Standing) error {
	return db.ReplaceStandingsFrom(ctx, roundID, store.OneBatch(rows))
}

// ReplaceStandingsFrom is ReplaceStandings with the rows a batch at a time
// (see store.Standings): the generation is written batch by batch, and the
// head switched once every batch is in.
func (db *DB) ReplaceStandingsFrom(ctx context.Context, roundID string, next func() ([]quiz.Standing, error)) error {
	gen := store.NewID()
	lines, err := db.insertGeneration(ctx, roundID, gen, next)
	if err != nil {
		// Context of its own: the caller's may be what failed.
		cleanup, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
		defer cancel()
		_, _ = db.standings.DeleteMany(cleanup, bson.D{{Key: "roundId", Value: roundID}, {Key: "gen", Value: gen}})
		return err
	}
	var before standingHeadDoc
	err = db.standingHeads.FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: roundID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "gen", Value: gen}, {Key: "lines", Value: lines}}}},
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.Before)).Decode(&before)
	old := bson.D{{Key: "roundId", Value: roundID}, {Key: "gen", Value: before.Gen}}
	switch {
	case isNoDocuments(err):
		// First generation: what is left are lines from before generations.
		old = bson.D{{Key: "roundId", Value: roundID}, {Key: "gen", Value: bson.D{{Key: "$exists", Value: false}}}}
	case err != nil:
		return storeError(err, nil)
	}
	if _, err := db.standings.DeleteMany(ctx, old); err != nil {
		return storeError(err, nil)
	}
	return nil
}

// insertGeneration inserts the batches of next as generation gen of
// roundID, standingsBatchSize lines to an InsertMany, and counts them.
func (db *DB) insertGeneration(ctx context.Context, roundID, gen string, next func() ([]quiz.Standing, error)) (int, error) {
	lines := 0
	for {
		rows, err := next()
		if err != nil {
			return lines, err
		}
		if len(rows) == 0 {
			return lines, nil
		}
		for start := 0; start < len(rows); start += standingsBatchSize {
			batch := rows[start:min(start+standingsBatchSize, len(rows))]
			docs := make([]standingDoc, len(batch))
			for i := range batch {
				docs[i] = toStandingDoc(roundID, gen, &batch[i])
			}
			_, err := db.standings.InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
			if isDuplicateKey(err) {
				e := store.Duplicate(indexConflict(standingsCollection, "_id_"))
				e.Err = err
				return lines, e
			}
			if err != nil {
				return lines, storeError(err, nil)
			}
			lines += len(batch)
		}
	}
}

// standingsHead returns the round's published generation and its number of
// lines; ok is false for a round never replaced since generations exist.
func (db *DB) standingsHead(ctx context.Context, roundID string) (head standingHeadDoc, ok bool, err error) {
	err = db.standingHeads.FindOne(ctx, bson.D{{Key: "_id", Value: roundID}}).Decode(&head)
	if isNoDocuments(err) {
		return head, false, nil
	}
	return head, err == nil, err
}

// generationFilter selects the lines of the head's generation, or the
// lines from before generations when there is no head.
func generationFilter(roundID string, head standingHeadDoc, ok bool) bson.D {
	if !ok {
		return bson.D{{Key: "roundId", Value: roundID}, {Key: "gen", Value: bson.D{{Key: "$exists", Value: false}}}}
	}
	return bson.D{{Key: "roundId", Value: roundID}, {Key: "gen", Value: head.Gen}}
}

// Standings returns a page of rows ordered by Rank then UserID, and how many
// rows the round has, all from one generation. A limit below 1 means every
// row from offset on.
func (db *DB) Standings(ctx context.Context, roundID string, offset, limit int) ([]quiz.Standing, int, error) {
	offset = max(offset, 0)
	for try := 1; ; try++ {
		head, ok, err := db.standingsHead(ctx, roundID)
		if err != nil {
			return nil, 0, storeError(err, nil)
		}
		filter := generationFilter(roundID, head, ok)
		total := head.Lines
		if !ok {
			n, err := db.standings.CountDocuments(ctx, filter)
			if err != nil {
				return nil, 0, storeError(err, nil)
			}
			total = int(n)
		}
		opts := options.Find().
			SetSort(bson.D{{Key: "rank", Value: 1}, {Key: "userId", Value: 1}}).
			SetSkip(int64(offset))
		want := max(total-offset, 0)
		if limit > 0 {
			opts.SetLimit(int64(limit))
			want = min(want, limit)
		}
		cursor, err := db.standings.Find(ctx, filter, opts)
		rows, err := collect(ctx, cursor, err, (*standingDoc).standing)
		if err != nil {
			return nil, 0, err
		}
		// Short of what the head promised: a newer publication deleted this
		// generation while it was read. Read the newer one.
		if len(rows) == want || !ok || try == standingsReadTries {
			return rows, total, nil
		}
	}
}

// StandingOf returns one person's line of the published generation →
// CodeNotFound.
func (db *DB) StandingOf(ctx context.Context, roundID, userID string) (*quiz.Standing, error) {
	for try := 1; ; try++ {
		head, ok, err := db.standingsHead(ctx, roundID)
		if err != nil {
			return nil, storeError(err, nil)
		}
		var doc standingDoc
		filter := append(generationFilter(roundID, head, ok), bson.E{Key: "userId", Value: userID})
		if ok {
			filter = bson.D{{Key: "_id", Value: standingKey(roundID, head.Gen, userID)}}
		}
		err = db.standings.FindOne(ctx, filter).Decode(&doc)
		if isNoDocuments(err) && ok && try < standingsReadTries {
			// Absent from the head's generation: either not ranked, or the
			// generation was replaced meanwhile; only a changed head says so.
			if again, _, err := db.standingsHead(ctx, roundID); err == nil && again.Gen != head.Gen {
				continue
			}
		}
		if err != nil {
			return nil, storeError(err, store.StandingNotFound)
		}
		s := doc.standing()
		return &s, nil
	}
}

// isNoDocuments reports a FindOne that matched nothing.
func isNoDocuments(err error) bool { return errors.Is(err, mongo.ErrNoDocuments) }
