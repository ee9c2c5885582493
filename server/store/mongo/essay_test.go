package mongo

import (
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"hoithi/contests/audit"
	"hoithi/contests/essay"
)

// Behaviour of the essay collections beyond the shared contract: the stored
// shape the indexes and the audit chain depend on, and how a duplicate work
// is told apart on a server that names no index.

func TestEssayIndexesExistAfterOpen(t *testing.T) {
	db := openFresh(t)
	wantIndexes(t, db.client.Database(db.users.Database().Name()), worksCollection, essayRoundsCollection, seatsCollection, scoresCollection, auditCollection)
}

func rawDoc(t *testing.T, coll *mongo.Collection, id string) bson.Raw {
	t.Helper()
	var raw bson.Raw
	if err := coll.FindOne(t.Context(), bson.D{{Key: "_id", Value: id}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	return raw
}

func sampleWork(id, contestID, receipt string) *essay.Work {
	at := time.Date(2025, 7, 14, 2, 0, 0, 0, time.UTC)
	return &essay.Work{ID: id, ContestID: contestID, Category: essay.CatMagazine, Title: "Bài " + id,
		AuthorID: "u-" + id, Receipt: receipt, Status: essay.WorkSubmitted, Version: 1, SubmittedAt: at, UpdatedAt: at}
}

func accepted(w *essay.Work, code string) *essay.Work {
	c := *w
	c.Status, c.Code, c.Version = essay.WorkAccepted, code, w.Version+1
	return &c
}

// The sparse code index holds only works with a code: without one, neither
// code nor codeKey may be stored (an empty string or null would be indexed
// and collide), and with one, codeKey scopes it to the contest.
func TestWorkCodeStoredOnlyWhenSet(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	for _, w := range []*essay.Work{sampleWork("w1", "c1", "BN-1"), sampleWork("w2", "c1", "BN-2")} {
		if err := db.CreateWork(ctx, w); err != nil {
			t.Fatalf("create %s (two works without a code must not collide): %v", w.ID, err)
		}
	}
	for _, key := range []string{"code", "codeKey"} {
		if v, err := rawDoc(t, db.works, "w1").LookupErr(key); err == nil {
			t.Errorf("work without a code stores %s = %v, want the field absent", key, v)
		}
	}
	if err := db.PutWork(ctx, accepted(sampleWork("w1", "c1", "BN-1"), "K7M-4QX-9TB")); err != nil {
		t.Fatal(err)
	}
	raw := rawDoc(t, db.works, "w1")
	if got, ok := raw.Lookup("codeKey").StringValueOK(); !ok || got != "c1|K7M-4QX-9TB" {
		t.Errorf("codeKey = %q (%v), want c1|K7M-4QX-9TB", got, ok)
	}
	// Withdrawing and clearing the code removes both fields again.
	back := sampleWork("w1", "c1", "BN-1")
	back.Status, back.Version = essay.WorkWithdrawn, 3
	if err := db.PutWork(ctx, back); err != nil {
		t.Fatal(err)
	}
	if _, err := rawDoc(t, db.works, "w1").LookupErr("codeKey"); err == nil {
		t.Error("codeKey kept after the code was cleared")
	}
}

// FerretDB names no index in its duplicate-key errors; the three unique
// keys of a work must still be told apart on both servers, on inserts and
// on replaces.
func TestDuplicateWorkNamesTheField(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	if err := db.CreateWork(ctx, sampleWork("w1", "c1", "BN-1")); err != nil {
		t.Fatal(err)
	}
	if err := db.PutWork(ctx, accepted(sampleWork("w1", "c1", "BN-1"), "AAA-AAA-AAA")); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateWork(ctx, sampleWork("w2", "c1", "BN-2")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		write func() error
		want  string
	}{
		{"insert with a taken receipt", func() error { return db.CreateWork(ctx, sampleWork("w3", "c1", "BN-1")) }, "receipt"},
		{"insert with a taken ID", func() error { return db.CreateWork(ctx, sampleWork("w1", "c1", "BN-9")) }, "id"},
		{"insert with a taken code", func() error {
			w := sampleWork("w4", "c1", "BN-4")
			w.Status, w.Code = essay.WorkAccepted, "AAA-AAA-AAA"
			return db.CreateWork(ctx, w)
		}, "code"},
		{"replace to a taken code", func() error { return db.PutWork(ctx, accepted(sampleWork("w2", "c1", "BN-2"), "AAA-AAA-AAA")) }, "code"},
		{"replace to a taken receipt", func() error {
			w := sampleWork("w2", "c1", "BN-1")
			w.Version = 2
			return db.PutWork(ctx, w)
		}, "receipt"},
	}
	for _, tc := range tests {
		if got := conflictField(tc.write()); got != tc.want {
			t.Errorf("%s: conflict on %q, want %q", tc.name, got, tc.want)
		}
	}
	got, err := db.Work(ctx, "w2")
	if err != nil || got.Version != 1 || got.Code != "" || got.Receipt != "BN-2" {
		t.Errorf("w2 after the refused writes: %+v, %v; want version 1, no code, receipt BN-2", got, err)
	}
}

// The hash covers Data byte for byte: it must be stored as a string, not
// a document the server may re-encode, and read back unchanged — even in
// a form Append would never produce.
func TestAuditDataStoredAsString(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	data := `{"z": 1.50,  "a":"<b>&amp;</b>", "n": [ 1e3 ]}`
	e := audit.Entry{Seq: 1, At: time.Date(2025, 7, 14, 2, 0, 0, 123_000_000, time.UTC), ActorID: "j1",
		Action: audit.ActionWorkViewed, Subject: "work:K7M", Data: []byte(data)}
	e.Hash = audit.HashOf(e)
	if err := db.AppendAudit(ctx, "contest:c1", e); err != nil {
		t.Fatal(err)
	}
	stored := rawDoc(t, db.auditLog, auditKey("contest:c1", 1)).Lookup("data")
	if stored.Type != bson.TypeString {
		t.Fatalf("data stored as BSON type %v, want a string", stored.Type)
	}
	got, err := db.LastAudit(ctx, "contest:c1")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Data) != data || audit.HashOf(*got) != e.Hash {
		t.Errorf("read back data %q (hash ok: %v), want %q", got.Data, audit.HashOf(*got) == e.Hash, data)
	}
}

// Criterion keys are chosen by organizers: a "." or "$" in one must neither
// break the write nor change the key read back.
func TestScoreCriteriaKeysAnyText(t *testing.T) {
	db := openFresh(t)
	ctx := t.Context()
	criteria := map[string]float64{"1.noi_dung": 40.5, "$hinh_thuc": 20, "plain": 7.25}
	s := &essay.Score{RoundID: "r1", WorkID: "w1", JudgeID: "j1", Kind: essay.ScoreRegular, Criteria: criteria,
		Total: 67.75, Status: essay.ScoreDraft, Version: 1}
	if err := db.PutScore(ctx, s); err != nil {
		t.Fatal(err)
	}
	if v := rawDoc(t, db.scores, seatKey("r1", "w1", "j1")).Lookup("criteria"); v.Type != bson.TypeArray {
		t.Errorf("criteria stored as BSON type %v, want an array", v.Type)
	}
	got, err := db.Score(ctx, "r1", "w1", "j1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Criteria) != len(criteria) {
		t.Errorf("read back %d criteria, want %d", len(got.Criteria), len(criteria))
	}
	for key, want := range criteria {
		if points, ok := got.Criteria[key]; !ok || points != want {
			t.Errorf("criterion %q read back as %v (present %v), want %v", key, points, ok, want)
		}
	}
}
