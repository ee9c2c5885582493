package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// runResults handles `server results verify ROUND_ID`: it recomputes the
// round's ranking and prizes from the stored records (participations,
// bank, round rules and exclusions), compares them line by line with the
// stored standings, checks the results digest and the round key against
// its commitment, and fails on any difference.
func runResults(args []string) error {
	if len(args) < 2 || args[0] != "verify" {
		return errors.New("usage: server results verify ROUND_ID [--data-dir D] [--mongodb-uri U]")
	}
	roundID := args[1]
	st, err := openCommandStore("results verify", args[2:])
	if err != nil {
		return err
	}
	defer st.Close()
	problems, err := verifyResults(context.Background(), st, roundID, os.Stdout)
	if err != nil {
		return err
	}
	if problems > 0 {
		return fmt.Errorf("round %s: %d problem(s): the stored results do not follow from the stored data", roundID, problems)
	}
	return nil
}

// verifyResults prints what it checks and returns how many problems it found.
func verifyResults(ctx context.Context, st store.Store, roundID string, out io.Writer) (int, error) {
	r, err := st.Round(ctx, roundID)
	if err != nil {
		return 0, err
	}
	if r.ResultsAt.IsZero() {
		return 0, fmt.Errorf("round %s has no computed results", roundID)
	}
	problems := 0
	report := func(format string, a ...any) {
		problems++
		fmt.Fprintf(out, "MISMATCH "+format+"\n", a...)
	}
	switch {
	case r.SeedCommitment == "":
		fmt.Fprintln(out, "round key: none committed (round made before commitments)")
	case !quiz.CheckReveal(r.SeedCommitment, r.SeedReveal):
		report("round key: the revealed key %q does not match the commitment %s", r.SeedReveal, r.SeedCommitment)
	default:
		fmt.Fprintf(out, "round key: revealed key matches commitment %s\n", r.SeedCommitment)
	}
	want, target, err := recomputeStandings(ctx, st, r)
	if err != nil {
		return problems, err
	}
	if !sameTarget(target, r.TargetValue) {
		report("prediction target: stored %v, recomputed %v", deref(r.TargetValue), deref(target))
	}
	got, err := allStandings(ctx, st, r.ID)
	if err != nil {
		return problems, err
	}
	for _, d := range quiz.DiffStandings(want, got, 20) {
		report("%s", d)
	}
	fmt.Fprintf(out, "standings: %d stored, %d recomputed\n", len(got), len(want))
	if r.ResultsDigest != "" {
		if d := quiz.ResultsDigest(r, got); d != r.ResultsDigest {
			report("results digest: stored %s, the stored lines and rules hash to %s", r.ResultsDigest, d)
		} else {
			fmt.Fprintf(out, "results digest: %s\n", d)
		}
	}
	if problems == 0 {
		fmt.Fprintf(out, "round %s: results verified\n", r.ID)
	}
	return problems, nil
}

// recomputeStandings ranks the round again as computing its results does:
// every record re-marked with the bank's key, the round's rules, its
// exclusions and, under one prize per person, the winners of earlier rounds.
func recomputeStandings(ctx context.Context, st store.Store, r *quiz.Round) ([]quiz.Standing, *int64, error) {
	bank, err := st.Questions(ctx, r.ContestID)
	if err != nil {
		return nil, nil, err
	}
	key := make(quiz.AnswerKey, len(bank))
	for _, q := range bank {
		key[q.ID] = q.Correct
	}
	rb := quiz.NewResultsBuilder(r, key)
	if err := st.EachParticipation(ctx, r.ID, rb.Add); err != nil {
		return nil, nil, err
	}
	excluded, err := earlierWinners(ctx, st, r)
	if err != nil {
		return nil, nil, err
	}
	res, err := rb.Finish(excluded)
	if err != nil {
		return nil, nil, err
	}
	return quiz.StandingsOf(r.ID, res.Ranking.All(), res.Winners, nil), res.Target, nil
}

// earlierWinners are the prize winners of the contest's earlier rounds with
// published results, when the contest gives one prize per person.
func earlierWinners(ctx context.Context, st store.Store, r *quiz.Round) (map[string]bool, error) {
	ct, err := st.ContestByID(ctx, r.ContestID)
	if err != nil {
		return nil, err
	}
	if settings, _ := quiz.ParseSettings(ct.Settings); !settings.OnePrizePerPerson {
		return nil, nil
	}
	rounds, err := st.RoundsOf(ctx, r.ContestID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, o := range rounds {
		if o.ID == r.ID || o.Status != quiz.RoundResults || o.No > r.No {
			continue
		}
		rows, err := allStandings(ctx, st, o.ID)
		if err != nil {
			return nil, err
		}
		for _, s := range rows {
			if s.Prize != "" {
				out[s.UserID] = true
			}
		}
	}
	return out, nil
}

func allStandings(ctx context.Context, st store.Store, roundID string) ([]quiz.Standing, error) {
	var all []quiz.Standing
	for offset := 0; ; offset += 1000 {
		rows, total, err := st.Standings(ctx, roundID, offset, 1000)
		if err != nil {
			return nil, err
		}
		all = append(all, rows...)
		if len(rows) == 0 || offset+len(rows) >= total {
			return all, nil
		}
	}
}

func sameTarget(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func deref(p *int64) any {
	if p == nil {
		return "none"
	}
	return *p
}
