package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"hoithi/contests/audit"
	"hoithi/server/store/sqlite"
)

func TestAuditVerifyFindsTheFirstBrokenLink(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir()+"/a.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	var prev *audit.Entry
	for i := 1; i <= 5; i++ {
		e, err := audit.Append(prev, audit.Entry{At: at.Add(time.Duration(i) * time.Minute), ActorID: "judge-1",
			Action: "score.submitted", Subject: "work:K7M-4QX-9TB", Data: json.RawMessage(`{"total":80}`)})
		if err != nil {
			t.Fatal(err)
		}
		if i == 4 {
			e.Data = json.RawMessage(`{"total":95}`) // changed after hashing
		}
		if err := db.AppendAudit(ctx, "contest:good", mustAppend(t, prevGood(t, ctx, db), i)); err != nil {
			t.Fatal(err)
		}
		if err := db.AppendAudit(ctx, "contest:bad", e); err != nil {
			t.Fatal(err)
		}
		prev = &e
	}
	var out bytes.Buffer
	broken, err := verifyChains(ctx, db, &out)
	if err != nil {
		t.Fatal(err)
	}
	report := out.String()
	if broken != 1 || !strings.Contains(report, "contest:bad: BROKEN at entry 4 (seq 4") || !strings.Contains(report, "contest:good: 5 entries, intact") {
		t.Fatalf("broken=%d report:\n%s", broken, report)
	}
}

func prevGood(t *testing.T, ctx context.Context, db *sqlite.DB) *audit.Entry {
	e, err := db.LastAudit(ctx, "contest:good")
	if err != nil {
		return nil
	}
	return e
}

func mustAppend(t *testing.T, prev *audit.Entry, i int) audit.Entry {
	t.Helper()
	e, err := audit.Append(prev, audit.Entry{At: time.Date(2026, 11, 23, 9, i, 0, 0, time.UTC), ActorID: "sec-1", Action: "work.accepted", Subject: "work:x"})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
