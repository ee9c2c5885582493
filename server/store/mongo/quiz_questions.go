package mongo

import (
	"context"
	"errors"
	"reflect"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

var (
	_ store.Questions      = (*DB)(nil)
	_ store.Rounds         = (*DB)(nil)
	_ store.Participations = (*DB)(nil)
	_ store.Standings      = (*DB)(nil)
)

// CreateQuestions inserts a batch in one ordered insert, in the order given.
//
// Without transactions the batch is not all or nothing: a failure part-way
// leaves the questions before it stored. Calling again with the same batch
// completes it: a question found already stored exactly as given is taken as
// written by the earlier try and skipped. A taken ID holding another question,
// or an ID twice in the batch → CodeConflict, field "id" (in the first case
// the questions before it stay stored).
func (db *DB) CreateQuestions(ctx context.Context, contestID string, qs []quiz.Question) error {
	if len(qs) == 0 {
		return nil
	}
	// An ID twice in the batch is refused before writing anything: the
	// retry rule below would otherwise take the second copy for a retry.
	seen := make(map[string]bool, len(qs))
	for _, q := range qs {
		if seen[q.ID] {
			return questionConflict(nil)
		}
		seen[q.ID] = true
	}
	first, err := db.nextQuestionSeqs(ctx, contestID, len(qs))
	if err != nil {
		return err
	}
	docs := make([]*questionDoc, len(qs))
	for i, q := range qs {
		docs[i] = toQuestionDoc(contestID, first+int64(i), q)
	}
	for len(docs) > 0 {
		_, err := db.questions.InsertMany(ctx, docs, options.InsertMany().SetOrdered(true))
		if err == nil {
			return nil
		}
		failed, ok := firstWriteError(err)
		if !ok || !isDuplicateKey(err) {
			return storeError(err, nil)
		}
		same, lookErr := db.storedAsGiven(ctx, docs[failed])
		if lookErr != nil {
			return lookErr
		}
		if !same {
			return questionConflict(err)
		}
		docs = docs[failed+1:]
	}
	return nil
}

// questionConflict is the answer to a question ID taken in its contest.
func questionConflict(cause error) error {
	e := store.Duplicate(indexConflict(questionsCollection, "_id_"))
	e.Err = cause
	return e
}

// firstWriteError returns the index, within the documents sent, of the
// first document an ordered bulk insert refused.
func firstWriteError(err error) (int, bool) {
	var bulk mongo.BulkWriteException
	if !errors.As(err, &bulk) || len(bulk.WriteErrors) == 0 {
		return 0, false
	}
	first := bulk.WriteErrors[0].Index
	for _, we := range bulk.WriteErrors[1:] {
		first = min(first, we.Index)
	}
	return first, first >= 0
}

// storedAsGiven reports whether the question stored under doc's key is the
// one doc holds (its creation sequence aside). Both sides are compared as
// decoded from BSON, so nil and empty lists compare as the store keeps them.
func (db *DB) storedAsGiven(ctx context.Context, doc *questionDoc) (bool, error) {
	var stored questionDoc
	if err := db.questions.FindOne(ctx, bson.D{{Key: "_id", Value: doc.Key}}).Decode(&stored); err != nil {
		if errors.Is(err, mongo.ErrNoDocuments) {
			return false, nil // the duplicate was not on _id; reported as a conflict
		}
		return false, storeError(err, nil)
	}
	raw, err := bson.Marshal(doc)
	if err != nil {
		return false, contests.Internal(err)
	}
	var given questionDoc
	if err := bson.Unmarshal(raw, &given); err != nil {
		return false, contests.Internal(err)
	}
	return stored.ContestID == given.ContestID && reflect.DeepEqual(stored.question(), given.question()), nil
}

// nextQuestionSeqs reserves n consecutive creation numbers for a contest's
// bank and returns the first. One counter document per contest, advanced by
// a single $inc, keeps creation order across server instances whose clocks
// differ, and never hands out a number twice on MongoDB. Numbers a failed
// batch reserved are simply skipped.
func (db *DB) nextQuestionSeqs(ctx context.Context, contestID string, n int) (int64, error) {
	var counter struct {
		Seq int64 `bson:"seq"`
	}
	err := db.counters.FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: "questions/" + contestID}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "seq", Value: int64(n)}}}},
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After),
	).Decode(&counter)
	if err != nil {
		return 0, storeError(err, nil)
	}
	return counter.Seq - int64(n) + 1, nil
}

// UpdateQuestion replaces question q.ID of the contest, keeping its place in
// creation order → CodeNotFound.
func (db *DB) UpdateQuestion(ctx context.Context, contestID string, q quiz.Question) error {
	doc := toQuestionDoc(contestID, 0, q)
	set := bson.D{
		{Key: "topic", Value: doc.Topic},
		{Key: "difficulty", Value: doc.Difficulty},
		{Key: "text", Value: doc.Text},
		{Key: "options", Value: doc.Options},
		{Key: "correct", Value: doc.Correct},
		{Key: "explanation", Value: doc.Explanation},
		{Key: "imageUrl", Value: doc.ImageURL},
		{Key: "points", Value: doc.Points},
		{Key: "keepOptionOrder", Value: doc.KeepOptionOrder},
		{Key: "retired", Value: doc.Retired},
	}
	res, err := db.questions.UpdateOne(ctx, bson.D{{Key: "_id", Value: doc.Key}}, bson.D{{Key: "$set", Value: set}})
	return updatedOne(res, err, store.QuestionNotFound)
}

// Questions returns the contest's whole bank in creation order.
func (db *DB) Questions(ctx context.Context, contestID string) ([]quiz.Question, error) {
	opts := options.Find().SetSort(bson.D{{Key: "seq", Value: 1}, {Key: "_id", Value: 1}})
	cursor, err := db.questions.Find(ctx, bson.D{{Key: "contestId", Value: contestID}}, opts)
	return collect(ctx, cursor, err, (*questionDoc).question)
}
