package contests

import "time"

// ContestKind says which engine runs a contest.
type ContestKind string

const (
	KindQuiz  ContestKind = "quiz"
	KindEssay ContestKind = "essay"
)

// ContestStatus is a contest's life cycle.
type ContestStatus string

const (
	ContestDraft     ContestStatus = "draft"
	ContestPublished ContestStatus = "published"
	ContestClosed    ContestStatus = "closed"
)

// Contest is the shell every contest has: who owns it, who may take part,
// how it is shared.
type Contest struct {
	ID            string
	Slug          string // short share link: /c/{slug}
	Kind          ContestKind
	Title         string
	Description   string // plain text with line breaks
	BannerURL     string
	OwnerUnitID   string
	OwnerUnitPath string
	// EligibleUnitPath is the subtree whose members may compete.
	EligibleUnitPath string
	Status           ContestStatus
	// Settings holds the kind-specific rules as JSON (quiz.Settings for a
	// quiz): the shell's storage need not know them.
	Settings  []byte
	StartsAt  time.Time
	EndsAt    time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
	// Version counts the stored changes (1 when created): an update is
	// written only over the version it read, so two organizers editing at
	// once cannot silently undo each other.
	Version int64
}
