package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"log/slog"
	"strings"
	"testing"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// TestResultsVerify computes the demo's past round results as the server
// does (recompute, digest, revealed key), then checks `server results
// verify` passes on them and fails — with a non-zero exit — on a tampered
// standing line, a tampered answer and a wrong revealed key.
func TestResultsVerify(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	log := slog.New(slog.DiscardHandler)
	st, deps, err := app(ctx, config{DataDir: dir, LogLevel: "error"}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	if _, err := seedDemoData(ctx, st, deps.Keys, log); err != nil {
		t.Fatal(err)
	}
	ct, err := st.ContestBySlug(ctx, "demo")
	if err != nil {
		t.Fatal(err)
	}
	rounds, _ := st.RoundsOf(ctx, ct.ID)
	r := rounds[0]
	// The demo round as seeded: committed to its key when created, the key
	// revealed and the digest stored when its results were computed
	// through the organizers' route.
	key := quiz.RoundKey(deps.Keys.SeedSecret(), r.ID)
	if r.SeedCommitment != quiz.SeedCommitment(key) || r.SeedReveal != hex.EncodeToString(key) || r.ResultsDigest == "" {
		t.Fatalf("seeded demo round: commitment %q, reveal %q, digest %q; want the round key committed and revealed", r.SeedCommitment, r.SeedReveal, r.ResultsDigest)
	}
	var seeded bytes.Buffer
	if n, err := verifyResults(ctx, st, r.ID, &seeded); err != nil || n != 0 || !strings.Contains(seeded.String(), "round key: revealed key matches commitment") {
		t.Fatalf("the seeded demo does not verify: %d problems, %v:\n%s", n, err, seeded.String())
	}
	rows, target, err := recomputeStandings(ctx, st, r)
	if err != nil || len(rows) < 100 || rows[0].Prize == "" {
		t.Fatalf("recompute: %d rows, %v", len(rows), err)
	}
	r.TargetValue, r.ResultsAt, r.Status = target, r.ClosesAt.Add(quiz.Grace*3), quiz.RoundResults
	r.ResultsDigest = quiz.ResultsDigest(r, rows)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.ReplaceStandings(ctx, r.ID, rows))
	must(st.UpdateRound(ctx, r))

	verify := func(what string, wantProblems bool, wantText string) {
		t.Helper()
		var out bytes.Buffer
		n, err := verifyResults(ctx, st, r.ID, &out)
		if err != nil || (n > 0) != wantProblems || !strings.Contains(out.String(), wantText) {
			t.Fatalf("%s: %d problems, %v, want problems %v and %q:\n%s", what, n, err, wantProblems, wantText, out.String())
		}
	}
	verify("untouched", false, "results verified")

	// A stored line changed: the second gets the first prize.
	tampered := append([]quiz.Standing(nil), rows...)
	tampered[1].Prize, tampered[1].PrizeName = "nhat", "Giải Nhất"
	must(st.ReplaceStandings(ctx, r.ID, tampered))
	verify("tampered line", true, "line 2: stored")
	must(st.ReplaceStandings(ctx, r.ID, rows))
	verify("restored", false, "results verified")

	// An answer changed in the records: the winner's counted attempt loses a point.
	p, err := st.Participation(ctx, r.ID, rows[0].UserID)
	must(err)
	a, _ := p.Attempt(rows[0].AttemptNo)
	q := a.Paper.Items[0].QuestionID
	ans := a.Answers[q]
	ans.Options = []string{"Z"}
	a.Answers[q] = ans
	p.Version++
	must(st.PutParticipation(ctx, p))
	verify("tampered answer", true, "line 1: stored")

	// The revealed key must be the committed one.
	cur, err := st.Round(ctx, r.ID)
	must(err)
	cur.SeedReveal = strings.Repeat("00", 32)
	must(st.UpdateRound(ctx, cur))
	verify("wrong key", true, "does not match the commitment")

	// The command exits non-zero: runResults returns the error main prints.
	st.Close()
	st = store.Store(nil)
	err = runResults([]string{"verify", r.ID, "--data-dir", dir})
	if err == nil || !strings.Contains(err.Error(), "problem") {
		t.Fatalf("runResults on tampered data: %v", err)
	}
	if err := runResults([]string{"verify"}); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Fatalf("usage: %v", err)
	}
}
