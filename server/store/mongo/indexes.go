package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/server/store"
)

// indexDef is one index of one collection. A unique index also names the
// input field a duplicate is reported on, so the rule and its error message
// are written once, here.
type indexDef struct {
	collection string
	name       string
	keys       bson.D
	unique     bool
	// sparse leaves out documents lacking the field: an empty uniqueness key
	// is not stored (see omitempty in docs.go), and MongoDB would otherwise
	// index every such document as null and let only one of them exist.
	sparse bool
	// conflict is the field named when a write breaks this unique index.
	conflict contests.FieldError
	// builtin marks the _id index every collection already has: listed for
	// its conflict field, never created.
	builtin bool
	// ttl makes the server delete a document once the date in its one key
	// has passed (expireAfterSeconds 0). FerretDB has no TTL indexes: there
	// it is not created, and readers treat expired documents as absent.
	ttl bool
}

// indexes is every index the engine relies on. Start-up creates the missing
// ones; nothing else creates indexes.
var indexes = []indexDef{
	{collection: usersCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyUserID)},
	{collection: usersCollection, name: "users_phoneKey", keys: bson.D{{Key: "phoneKey", Value: 1}}, unique: true, sparse: true,
		conflict: store.Taken(store.KeyUserPhone)},
	{collection: usersCollection, name: "users_cccdKey", keys: bson.D{{Key: "cccdKey", Value: 1}}, unique: true, sparse: true,
		conflict: store.Taken(store.KeyUserCCCD)},
	// ListUsers: a subtree by range on unitPath, a page in name order.
	{collection: usersCollection, name: "users_unitPath", keys: bson.D{{Key: "unitPath", Value: 1}}},
	{collection: usersCollection, name: "users_fullName_id", keys: bson.D{{Key: "fullName", Value: 1}, {Key: "_id", Value: 1}}},

	{collection: unitsCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyUnitID)},
	{collection: unitsCollection, name: "units_code", keys: bson.D{{Key: "code", Value: 1}}, unique: true,
		conflict: store.Taken(store.KeyUnitCode)},
	// UnitsUnder and SearchUnits: a subtree is a range on path.
	{collection: unitsCollection, name: "units_path", keys: bson.D{{Key: "path", Value: 1}}},
	// ChildUnits: the children of one parent in display order.
	{collection: unitsCollection, name: "units_parentId_name_code",
		keys: bson.D{{Key: "parentId", Value: 1}, {Key: "name", Value: 1}, {Key: "code", Value: 1}}},

	{collection: refreshTokensCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyTokenHash)},
	// RevokeFamily and RevokeUserTokens.
	{collection: refreshTokensCollection, name: "refresh_tokens_familyId", keys: bson.D{{Key: "familyId", Value: 1}}},
	{collection: refreshTokensCollection, name: "refresh_tokens_userId", keys: bson.D{{Key: "userId", Value: 1}}},

	{collection: contestsCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyContestID)},
	{collection: contestsCollection, name: "contests_slug", keys: bson.D{{Key: "slug", Value: 1}}, unique: true,
		conflict: store.Taken(store.KeyContestSlug)},
	// ListContests: a subtree of owners, newest first.
	{collection: contestsCollection, name: "contests_ownerUnitPath", keys: bson.D{{Key: "ownerUnitPath", Value: 1}}},
	{collection: contestsCollection, name: "contests_createdAt_id", keys: bson.D{{Key: "createdAt", Value: -1}, {Key: "_id", Value: -1}}},

	// A question's _id is contestId+"/"+id, so a taken ID is a duplicate _id.
	{collection: questionsCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyQuestionID)},
	// Questions: a contest's bank in creation order.
	{collection: questionsCollection, name: "quiz_questions_contestId_seq",
		keys: bson.D{{Key: "contestId", Value: 1}, {Key: "seq", Value: 1}}},

	{collection: roundsCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyRoundID)},
	// One round per number in a contest; RoundsOf reads it in order. Its
	// duplicates are told apart by roundConflict: brokenIndex looks at the
	// first key of a unique index only.
	{collection: roundsCollection, name: "quiz_rounds_contestId_no",
		keys: bson.D{{Key: "contestId", Value: 1}, {Key: "no", Value: 1}}, unique: true,
		conflict: store.Taken(store.KeyRoundNo)},

	// A participation's _id is roundId+"|"+userId: one record per person and
	// round, which is what makes a first start race-free.
	{collection: participationsCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyParticipation)},
	// EachParticipation streams a round in user order; CountParticipations.
	{collection: participationsCollection, name: "quiz_participations_roundId_userId",
		keys: bson.D{{Key: "roundId", Value: 1}, {Key: "userId", Value: 1}}},
	// ParticipationsOfUser.
	{collection: participationsCollection, name: "quiz_participations_contestId_userId_roundId",
		keys: bson.D{{Key: "contestId", Value: 1}, {Key: "userId", Value: 1}, {Key: "roundId", Value: 1}}},
	// ExpiredParticipations: sparse, so it holds only the attempts in
	// progress (openDeadline is absent otherwise), a small fraction of a round.
	{collection: participationsCollection, name: "quiz_participations_openDeadline",
		keys: bson.D{{Key: "openDeadline", Value: 1}}, sparse: true},
	// Live leaderboards read a round's counted attempts best first, in the
	// order of quiz.PolicyBest: score down, then duration, then submission.
	{collection: participationsCollection, name: "quiz_participations_leaderboard",
		keys: bson.D{{Key: "roundId", Value: 1}, {Key: "counted.score", Value: -1},
			{Key: "counted.durationMs", Value: 1}, {Key: "counted.submittedAt", Value: 1}}},

	// A standing's _id is roundId|gen|userId: one line per person in each
	// generation of a round's table (see quiz_standings.go).
	{collection: standingsCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyStandingUser)},
	// Standings: a page of one generation in rank order; a replaced
	// generation is deleted by (roundId, gen).
	{collection: standingsCollection, name: "quiz_standings_roundId_gen_rank_userId",
		keys: bson.D{{Key: "roundId", Value: 1}, {Key: "gen", Value: 1}, {Key: "rank", Value: 1}, {Key: "userId", Value: 1}}},

	// Essay works. Their duplicates are told apart by workWriteError (the
	// receipt index is compound, and FerretDB names no index).
	{collection: worksCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyWorkID)},
	{collection: worksCollection, name: "essay_works_contestId_receipt",
		keys: bson.D{{Key: "contestId", Value: 1}, {Key: "receipt", Value: 1}}, unique: true,
		conflict: store.Taken(store.KeyWorkReceipt)},
	// One anonymous code per contest, for works that have one: codeKey is
	// contestId|code and absent without a code (see workDoc). WorkByCode.
	{collection: worksCollection, name: "essay_works_codeKey", keys: bson.D{{Key: "codeKey", Value: 1}},
		unique: true, sparse: true,
		conflict: store.Taken(store.KeyWorkCode)},
	// WorksOf: a contest's works in submission order.
	{collection: worksCollection, name: "essay_works_contestId_submittedAt_id",
		keys: bson.D{{Key: "contestId", Value: 1}, {Key: "submittedAt", Value: 1}, {Key: "_id", Value: 1}}},
	// WorksOfAuthor.
	{collection: worksCollection, name: "essay_works_contestId_authorId",
		keys: bson.D{{Key: "contestId", Value: 1}, {Key: "authorId", Value: 1}}},

	// Identity sheets are read by _id (the work's ID) only.

	{collection: essayRoundsCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: store.Taken(store.KeyEssayRoundID)},
	// One judging round per number in a contest; EssayRoundsOf reads it in
	// order. Duplicates are told apart by numberedCollection.writeError.
	{collection: essayRoundsCollection, name: "essay_rounds_contestId_no",
		keys: bson.D{{Key: "contestId", Value: 1}, {Key: "no", Value: 1}}, unique: true,
		conflict: store.Taken(store.KeyEssayRoundNo)},

	// A seat's _id is roundId|workId|judgeId. SeatsOfRound and SeatsOfJudge
	// read these two orders.
	{collection: seatsCollection, name: "essay_seats_roundId_workId_judgeId",
		keys: bson.D{{Key: "roundId", Value: 1}, {Key: "workId", Value: 1}, {Key: "judgeId", Value: 1}}},
	{collection: seatsCollection, name: "essay_seats_roundId_judgeId_workId",
		keys: bson.D{{Key: "roundId", Value: 1}, {Key: "judgeId", Value: 1}, {Key: "workId", Value: 1}}},

	// A score sheet's _id is its seat's; ScoresOfRound.
	{collection: scoresCollection, name: "essay_scores_roundId_workId_judgeId",
		keys: bson.D{{Key: "roundId", Value: 1}, {Key: "workId", Value: 1}, {Key: "judgeId", Value: 1}}},

	// An entry's _id is chain|seq, so a second append at one Seq is refused
	// by _id already; the unique (chain, seq) index says the same in the
	// stored fields and serves LastAudit, AuditEntries and AuditChains.
	{collection: auditCollection, name: "_id_", keys: bson.D{{Key: "_id", Value: 1}}, unique: true, builtin: true,
		conflict: auditSeqTaken},
	{collection: auditCollection, name: "audit_log_chain_seq",
		keys: bson.D{{Key: "chain", Value: 1}, {Key: "seq", Value: 1}}, unique: true, conflict: auditSeqTaken},

	// Shared counters and leases: expired ones are deleted by the server
	// (and ignored by every reader before that).
	{collection: rateCountersCollection, name: "rate_counters_expiresAt", keys: bson.D{{Key: "expiresAt", Value: 1}}, ttl: true},
	// The security view reads the newest failed logins under a unit.
	{collection: failedLoginsCollection, name: "failed_logins_unitPath_at", keys: bson.D{{Key: "unitPath", Value: 1}, {Key: "at", Value: -1}}},
	{collection: failedLoginsCollection, name: "failed_logins_at", keys: bson.D{{Key: "at", Value: -1}}},
	{collection: failedLoginsCollection, name: "failed_logins_expiresAt", keys: bson.D{{Key: "expiresAt", Value: 1}}, ttl: true},
}

// auditSeqTaken is the conflict of an append that lost the race for a Seq.
var auditSeqTaken = store.Taken(store.KeyAuditSeq)

// indexConflict returns the conflict field of the unique index name of
// collection, for writes that identify the broken index themselves.
func indexConflict(collection, name string) contests.FieldError {
	for _, def := range indexes {
		if def.collection == collection && def.name == name {
			return def.conflict
		}
	}
	return store.ValueTaken()
}

// uniqueIndexes returns the unique indexes of a collection, _id last: when
// a duplicate must be identified by looking (see conflictError), a clash on
// a field the caller chose says more than one on a random ID.
func uniqueIndexes(collection string) []indexDef {
	var out []indexDef
	var id *indexDef
	for i, def := range indexes {
		switch {
		case def.collection != collection || !def.unique:
		case def.builtin:
			id = &indexes[i]
		default:
			out = append(out, def)
		}
	}
	if id != nil {
		out = append(out, *id)
	}
	return out
}

// ensureIndexes creates the indexes of database that do not exist yet.
// Asking first and creating only what is missing keeps start-up idempotent
// on both servers: FerretDB v1 drops the connection when createIndexes is
// sent only indexes that all exist already.
func ensureIndexes(ctx context.Context, database *mongo.Database, ttl bool) error {
	var order []string
	missing := map[string][]mongo.IndexModel{}
	existing := map[string]map[string]bool{}
	for _, def := range indexes {
		if def.builtin || def.ttl && !ttl {
			continue
		}
		names, ok := existing[def.collection]
		if !ok {
			var err error
			if names, err = indexNames(ctx, database.Collection(def.collection)); err != nil {
				return err
			}
			existing[def.collection] = names
			order = append(order, def.collection)
		}
		if names[def.name] {
			continue
		}
		opts := options.Index().SetName(def.name)
		if def.unique {
			opts.SetUnique(true)
		}
		if def.sparse {
			opts.SetSparse(true)
		}
		if def.ttl {
			opts.SetExpireAfterSeconds(0)
		}
		missing[def.collection] = append(missing[def.collection], mongo.IndexModel{Keys: def.keys, Options: opts})
	}
	for _, collection := range order {
		if models := missing[collection]; len(models) > 0 {
			if _, err := database.Collection(collection).Indexes().CreateMany(ctx, models); err != nil {
				return err
			}
		}
	}
	return nil
}

// indexNames lists the names of a collection's indexes; a collection that
// does not exist yet has none.
func indexNames(ctx context.Context, coll *mongo.Collection) (map[string]bool, error) {
	specs, err := coll.Indexes().ListSpecifications(ctx)
	if err != nil {
		var se mongo.ServerError
		if errors.As(err, &se) && se.HasErrorCode(namespaceNotFound) {
			return map[string]bool{}, nil
		}
		return nil, err
	}
	names := make(map[string]bool, len(specs))
	for _, spec := range specs {
		names[spec.Name] = true
	}
	return names, nil
}

// namespaceNotFound is the server's error code for a missing collection.
const namespaceNotFound = 26
