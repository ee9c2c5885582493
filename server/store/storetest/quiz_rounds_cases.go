package storetest

import (
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// changeEveryRoundField returns r with every setting different, as when
// results are published: the prediction target and the results time set.
func changeEveryRoundField(r *quiz.Round) *quiz.Round {
	c := *r
	c.No = r.No + 10
	c.Title = "Tuần đặc biệt: Kỷ niệm 95 năm Ngày thành lập Đảng"
	c.OpensAt, c.ClosesAt = r.OpensAt.Add(time.Hour), r.ClosesAt.Add(2*time.Hour)
	c.Blueprint = quiz.Blueprint{Quotas: []quiz.Quota{
		{Topic: "Pháp luật", Difficulty: quiz.DifficultyHard, N: 1},
		{Difficulty: quiz.DifficultyEasy, N: 4},
	}, KeepOrder: true}
	c.TimeLimitSec, c.MaxAttempts, c.Policy = 900, 7, quiz.PolicyLast
	c.Prediction = quiz.Prediction{Enabled: true, Text: "Có bao nhiêu lượt thi?", Target: quiz.TargetAttempts}
	c.Rule = quiz.RuleVCNET()
	c.Tiers = []quiz.Tier{{Key: "nhat", Name: "Giải Nhất", Count: 1}, {Key: "kk", Name: "Giải Khuyến khích", Count: 5}}
	c.TiePolicy, c.RevealAnswers, c.Status = quiz.TieShare, false, quiz.RoundResults
	c.TargetValue = int64Ptr(4321)
	c.ResultsAt = r.ClosesAt.Add(26*time.Hour + 555*time.Microsecond).In(vietnam)
	c.UpdatedAt = c.ResultsAt
	return &c
}

func roundCases() []contractCase {
	return []contractCase{
		{name: "rounds/create, get and list by number", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest, other := store.NewID(), store.NewID()
			var want []*quiz.Round
			for _, no := range []int{3, 1, 2} {
				r := NewQuizRound(contest, no, baseTime.Add(time.Duration(no)*7*24*time.Hour))
				must(t, s.CreateRound(ctx, r))
				want = append(want, r)
			}
			must(t, s.CreateRound(ctx, NewQuizRound(other, 1, baseTime)))

			for _, r := range want {
				got, err := s.Round(ctx, r.ID)
				must(t, err)
				sameStored(t, "Round", got, r)
			}
			slices.SortFunc(want, func(a, b *quiz.Round) int { return a.No - b.No })
			got, err := s.RoundsOf(ctx, contest)
			must(t, err)
			if nos := IDs(got, func(r *quiz.Round) int { return r.No }); !slices.Equal(nos, []int{1, 2, 3}) {
				t.Fatalf("RoundsOf numbers = %v, want [1 2 3]", nos)
			}
			sameStored(t, "RoundsOf", got, want)
			got, err = s.RoundsOf(ctx, store.NewID())
			must(t, err)
			if len(got) != 0 {
				t.Errorf("RoundsOf a contest without rounds = %d rounds, want none", len(got))
			}
		}},
		{name: "rounds/taken number is a no conflict", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			first := NewQuizRound(contest, 1, baseTime)
			must(t, s.CreateRound(ctx, first))
			wantConflict(t, s.CreateRound(ctx, NewQuizRound(contest, 1, baseTime)), "no")
			// The same number in another contest is another round.
			must(t, s.CreateRound(ctx, NewQuizRound(store.NewID(), 1, baseTime)))

			second := NewQuizRound(contest, 2, baseTime)
			must(t, s.CreateRound(ctx, second))
			moved := *second
			moved.No = 1
			wantConflict(t, s.UpdateRound(ctx, &moved), "no")
			got, err := s.Round(ctx, second.ID)
			must(t, err)
			sameStored(t, "Round after a refused update", got, second)

			again := NewQuizRound(contest, 3, baseTime)
			again.ID = first.ID
			wantCode(t, s.CreateRound(ctx, again), contests.CodeConflict)
		}},
		{name: "rounds/update round-trips every field, set and unset", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			r := NewQuizRound(store.NewID(), 1, baseTime)
			must(t, s.CreateRound(ctx, r))
			changed := changeEveryRoundField(r)
			must(t, s.UpdateRound(ctx, changed))
			got, err := s.Round(ctx, r.ID)
			must(t, err)
			sameStored(t, "Round", got, changed)

			// Back to a fixed paper, no prediction, no target, no results.
			back := *changed
			back.Blueprint = quiz.Blueprint{Fixed: []string{"q-z00", "q-m01", "q-a02"}}
			back.Prediction, back.Rule = quiz.Prediction{}, quiz.RuleBinhTan()
			back.Tiers, back.TiePolicy, back.Status = nil, "", quiz.RoundDraft
			back.TargetValue, back.ResultsAt = nil, time.Time{}
			must(t, s.UpdateRound(ctx, &back))
			got, err = s.Round(ctx, r.ID)
			must(t, err)
			sameStored(t, "Round", got, &back)
		}},
		{name: "rounds/unknown round is not found", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			_, err := s.Round(ctx, store.NewID())
			wantCode(t, err, contests.CodeNotFound)
			wantCode(t, s.UpdateRound(ctx, NewQuizRound(store.NewID(), 1, baseTime)), contests.CodeNotFound)
		}},
	}
}
