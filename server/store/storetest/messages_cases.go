package storetest

import (
	"errors"
	"testing"

	"hoithi/contests"
	"hoithi/contests/audit"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// sameError asserts err is want to the letter: code, both messages and
// every field with its messages. Each engine is held to the one catalogue
// in server/store (messages.go), so both say the same words.
func sameError(t *testing.T, what string, err, want error) {
	t.Helper()
	var got, w *contests.Error
	if !errors.As(err, &got) || !errors.As(want, &w) {
		t.Errorf("%s: error %v is not a *contests.Error", what, err)
		return
	}
	if got.Code != w.Code || got.Msg != w.Msg || len(got.Fields) != len(w.Fields) {
		t.Errorf("%s: got %q %+v %+v, want %q %+v %+v", what, got.Code, got.Msg, got.Fields, w.Code, w.Msg, w.Fields)
		return
	}
	for i := range w.Fields {
		if got.Fields[i] != w.Fields[i] {
			t.Errorf("%s: field %d = %+v, want %+v", what, i, got.Fields[i], w.Fields[i])
		}
	}
}

func messageCases() []contractCase {
	return []contractCase{
		{name: "messages/not found says the same on every engine", run: func(t *testing.T, s store.Store) {
			ctx, id := t.Context(), store.NewID()
			for _, c := range []struct {
				what string
				err  error
				want func() error
			}{
				{"UserByID", second(s.UserByID(ctx, id)), store.UserNotFound},
				{"UnitByID", second(s.UnitByID(ctx, id)), store.UnitNotFound},
				{"RefreshTokenByHash", second(s.RefreshTokenByHash(ctx, id)), store.TokenNotFound},
				{"ContestByID", second(s.ContestByID(ctx, id)), store.ContestNotFound},
				{"UpdateQuestion", s.UpdateQuestion(ctx, id, NewQuizBank("q", 1)[0]), store.QuestionNotFound},
				{"Round", second(s.Round(ctx, id)), store.RoundNotFound},
				{"Participation", second(s.Participation(ctx, id, id)), store.ParticipationNotFound},
				{"StandingOf", second(s.StandingOf(ctx, id, id)), store.StandingNotFound},
				{"Work", second(s.Work(ctx, id)), store.WorkNotFound},
				{"Identity", second(s.Identity(ctx, id)), store.IdentityNotFound},
				{"EssayRound", second(s.EssayRound(ctx, id)), store.EssayRoundNotFound},
				{"Score", second(s.Score(ctx, id, id, id)), store.ScoreNotFound},
				{"LastAudit", second(s.LastAudit(ctx, id)), store.AuditNotFound},
			} {
				sameError(t, c.what, c.err, c.want())
			}
		}},
		{name: "messages/a taken key names its field in the same words", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("W1", "Phường Một", nil)
			must(t, s.CreateUnit(ctx, unit))
			twinUnit := NewUnit("W1", "Phường Hai", nil)
			sameError(t, "unit code", s.CreateUnit(ctx, twinUnit), store.Duplicate(store.Taken(store.KeyUnitCode)))

			must(t, s.CreateUser(ctx, NewUser(unit, "Nguyễn Văn An", "+84912000001")))
			sameError(t, "user phone", s.CreateUser(ctx, NewUser(unit, "Trần Văn Bình", "+84912000001")),
				store.Duplicate(store.Taken(store.KeyUserPhone)))

			must(t, s.CreateContest(ctx, NewContest("tim-hieu", unit, baseTime)))
			sameError(t, "contest slug", s.CreateContest(ctx, NewContest("tim-hieu", unit, baseTime)),
				store.Duplicate(store.Taken(store.KeyContestSlug)))

			contest := store.NewID()
			must(t, s.CreateRound(ctx, NewQuizRound(contest, 1, baseTime)))
			sameError(t, "round number", s.CreateRound(ctx, NewQuizRound(contest, 1, baseTime)),
				store.Duplicate(store.Taken(store.KeyRoundNo)))

			must(t, s.CreateWork(ctx, NewWork(contest, store.NewID(), "BN-1", baseTime)))
			sameError(t, "work receipt", s.CreateWork(ctx, NewWork(contest, store.NewID(), "BN-1", baseTime)),
				store.Duplicate(store.Taken(store.KeyWorkReceipt)))

			must(t, s.CreateEssayRound(ctx, NewEssayRound(contest, 1)))
			sameError(t, "judging round number", s.CreateEssayRound(ctx, NewEssayRound(contest, 1)),
				store.Duplicate(store.Taken(store.KeyEssayRoundNo)))

			first, err := audit.Append(nil, audit.Entry{At: baseTime, ActorID: "u", Action: "work.viewed", Subject: "work:1"})
			must(t, err)
			must(t, s.AppendAudit(ctx, "contest:"+contest, first))
			sameError(t, "audit seq", s.AppendAudit(ctx, "contest:"+contest, first), store.Duplicate(store.Taken(store.KeyAuditSeq)))
		}},
		{name: "messages/a stale version says the same on every engine", run: func(t *testing.T, s store.Store) {
			ctx, contest := t.Context(), store.NewID()
			w := NewWork(contest, store.NewID(), "BN-1", baseTime)
			must(t, s.CreateWork(ctx, w))
			stale := *w
			stale.Version = w.Version + 2
			sameError(t, "PutWork", s.PutWork(ctx, &stale), store.StaleWork())

			sc := NewScore(store.NewID(), w.ID, "judge-a", 80)
			must(t, s.PutScore(ctx, sc))
			sameError(t, "PutScore", s.PutScore(ctx, sc), store.StaleScore())

			p := &quiz.Participation{RoundID: store.NewID(), UserID: store.NewID(), ContestID: contest, Version: 1}
			must(t, s.PutParticipation(ctx, p))
			p.Version = 3
			sameError(t, "PutParticipation", s.PutParticipation(ctx, p), store.StaleParticipation())
		}},
	}
}

// second returns the error of a (value, error) pair.
func second[T any](_ T, err error) error { return err }
