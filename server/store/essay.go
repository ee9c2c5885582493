package store

import (
	"context"

	"hoithi/contests/audit"
	"hoithi/contests/essay"
)

// WorkFilter selects works of a contest.
type WorkFilter struct {
	Status   essay.WorkStatus  // "" for any
	Category essay.CategoryKey // "" for any
	MinRound int               // only works that reached at least this round
	Limit    int               // 1..1000, default 200
	Offset   int
}

// Works stores essay works. Nothing here returns an identity.
type Works interface {
	// CreateWork inserts w (Version 1). A taken ID → CodeConflict "id";
	// a taken (ContestID, Receipt) → CodeConflict "receipt".
	CreateWork(ctx context.Context, w *essay.Work) error
	// PutWork replaces w if the stored version is w.Version-1, else
	// CodeConflict; unknown → CodeNotFound. A taken (ContestID, Code) →
	// CodeConflict "code".
	PutWork(ctx context.Context, w *essay.Work) error
	Work(ctx context.Context, id string) (*essay.Work, error)
	// WorkByCode finds an accepted work by its anonymous code → CodeNotFound.
	WorkByCode(ctx context.Context, contestID, code string) (*essay.Work, error)
	// WorksOf returns a contest's works ordered by SubmittedAt then ID, and
	// the total matching.
	WorksOf(ctx context.Context, contestID string, f WorkFilter) ([]*essay.Work, int, error)
	// WorksOfAuthor returns the works an account submitted in a contest.
	WorksOfAuthor(ctx context.Context, contestID, authorID string) ([]*essay.Work, error)
}

// Identities stores identity sheets (who wrote a work), apart from the
// works. It is a port of its own, outside Essay, so that a holder of Essay
// cannot reach an author's identity: only the author, secretariat and
// organizer code paths are given it. The judging endpoints hold a narrower
// port still (server/api/essay_judge.go), and server/api/essay_blind_test.go
// fails if that port ever gains an identity method.
type Identities interface {
	// PutIdentity inserts or replaces the sheet of id.WorkID.
	PutIdentity(ctx context.Context, id *essay.Identity) error
	// Identity → CodeNotFound.
	Identity(ctx context.Context, workID string) (*essay.Identity, error)
}

// EssayRounds stores judging rounds, their seats and their scores.
type EssayRounds interface {
	// CreateEssayRound inserts r; a taken (ContestID, No) → CodeConflict "no".
	CreateEssayRound(ctx context.Context, r *essay.Round) error
	UpdateEssayRound(ctx context.Context, r *essay.Round) error
	EssayRound(ctx context.Context, id string) (*essay.Round, error)
	// EssayRoundsOf returns a contest's rounds ordered by No.
	EssayRoundsOf(ctx context.Context, contestID string) ([]*essay.Round, error)

	// PutSeats inserts or replaces seats, keyed by (RoundID, WorkID, JudgeID).
	PutSeats(ctx context.Context, seats []essay.Seat) error
	// SeatsOfRound returns every seat of a round ordered by WorkID, JudgeID.
	SeatsOfRound(ctx context.Context, roundID string) ([]essay.Seat, error)
	// SeatsOfJudge returns a judge's seats in a round ordered by WorkID.
	SeatsOfJudge(ctx context.Context, roundID, judgeID string) ([]essay.Seat, error)

	// PutScore writes s if the stored sheet is at s.Version-1 (Version 1
	// inserts), else CodeConflict.
	PutScore(ctx context.Context, s *essay.Score) error
	// Score → CodeNotFound.
	Score(ctx context.Context, roundID, workID, judgeID string) (*essay.Score, error)
	// ScoresOfRound returns every sheet of a round ordered by WorkID, JudgeID.
	ScoresOfRound(ctx context.Context, roundID string) ([]essay.Score, error)
}

// AuditLog stores hash-chained audit entries, one chain per contest.
type AuditLog interface {
	// AppendAudit stores e as entry e.Seq of chain; a taken Seq →
	// CodeConflict (another instance appended first: re-read the head,
	// re-hash, retry).
	AppendAudit(ctx context.Context, chain string, e audit.Entry) error
	// LastAudit returns the chain's last entry → CodeNotFound when empty.
	LastAudit(ctx context.Context, chain string) (*audit.Entry, error)
	// AuditEntries returns up to limit entries with Seq > after, in order.
	AuditEntries(ctx context.Context, chain string, after uint64, limit int) ([]audit.Entry, error)
	// AuditChains lists every chain name.
	AuditChains(ctx context.Context) ([]string, error)
}

// Essay groups the essay ports a judge's code path may hold: works,
// judging rounds and the audit log — not Identities.
type Essay interface {
	Works
	EssayRounds
	AuditLog
}
