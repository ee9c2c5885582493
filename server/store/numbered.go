package store

import (
	"context"

	"hoithi/contests/essay"
	"hoithi/contests/quiz"
)

// Numbered is how an engine stores records numbered within their contest —
// quiz rounds and judging rounds — both kinds one way (the engine's
// numbered.go): created at FirstVersion, replaced only over the version the
// writer read (store.Stale otherwise), a taken (contest, number) a
// CodeConflict on "no", a taken ID one on "id", a missing ID CodeNotFound.
type Numbered[T any] interface {
	Create(ctx context.Context, rec *T) error
	// Update replaces rec over rec's version, then sets rec's version to
	// the new one.
	Update(ctx context.Context, rec *T) error
	ByID(ctx context.Context, id string) (*T, error)
	// OfContest returns the contest's records ordered by number.
	OfContest(ctx context.Context, contestID string) ([]*T, error)
}

// NumberedRounds are the round methods of the Rounds and EssayRounds ports,
// written once over an engine's two Numbered stores: an engine's DB embeds
// it, so both engines answer these calls the same way.
type NumberedRounds struct {
	QuizRounds  Numbered[quiz.Round]
	EssayRounds Numbered[essay.Round]
}

func (n NumberedRounds) CreateRound(ctx context.Context, r *quiz.Round) error {
	return n.QuizRounds.Create(ctx, r)
}

func (n NumberedRounds) UpdateRound(ctx context.Context, r *quiz.Round) error {
	return n.QuizRounds.Update(ctx, r)
}

func (n NumberedRounds) Round(ctx context.Context, id string) (*quiz.Round, error) {
	return n.QuizRounds.ByID(ctx, id)
}

func (n NumberedRounds) RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error) {
	return n.QuizRounds.OfContest(ctx, contestID)
}

func (n NumberedRounds) CreateEssayRound(ctx context.Context, r *essay.Round) error {
	return n.EssayRounds.Create(ctx, r)
}

func (n NumberedRounds) UpdateEssayRound(ctx context.Context, r *essay.Round) error {
	return n.EssayRounds.Update(ctx, r)
}

func (n NumberedRounds) EssayRound(ctx context.Context, id string) (*essay.Round, error) {
	return n.EssayRounds.ByID(ctx, id)
}

func (n NumberedRounds) EssayRoundsOf(ctx context.Context, contestID string) ([]*essay.Round, error) {
	return n.EssayRounds.OfContest(ctx, contestID)
}
