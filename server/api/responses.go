package api

import (
	"time"

	"hoithi/contests/quiz"
)

// Named JSON answers: the envelopes around the DTOs (dto.go, quiz_dto.go),
// one type per shape docs/openapi.yaml describes, instead of fiber.Map
// literals, so a key can only be renamed in one place and the compiler sees
// every answer. server/api/spec_check_test.go validates them against the spec.

type userResponse struct {
	User *userDTO `json:"user"`
}

type usersPage struct {
	Users []*userDTO `json:"users"`
	Total int        `json:"total"`
}

type contestsResponse struct {
	Contests []contestDTO `json:"contests"`
}

type contestResponse struct {
	Contest contestDTO `json:"contest"`
}

type orgContestsResponse struct {
	Contests []orgContestDTO `json:"contests"`
}

type orgContestResponse struct {
	Contest orgContestDTO `json:"contest"`
}

type unitsResponse struct {
	Units []unitDTO `json:"units"`
}

type unitResponse struct {
	Unit unitDTO `json:"unit"`
}

// importCounts answers a workbook import of units.
type importCounts struct {
	Created int `json:"created"`
	Updated int `json:"updated"`
}

type myRoundsResponse struct {
	Rounds []myRoundDTO `json:"rounds"`
}

type roundsResponse struct {
	Rounds []roundDTO `json:"rounds"`
}

type roundResponse struct {
	Round roundDTO `json:"round"`
}

type questionResponse struct {
	Question questionDTO `json:"question"`
}

// questionBank is the contest's bank with its answer-key skew warning.
type questionBank struct {
	Questions []questionDTO `json:"questions"`
	KeySkew   *keySkewDTO   `json:"keySkew"`
}

// questionsImported answers a bank import.
type questionsImported struct {
	Created int         `json:"created"`
	KeySkew *keySkewDTO `json:"keySkew"`
}

// paperPreview is a paper the round's blueprint draws for a seed.
type paperPreview struct {
	Questions []questionDTO `json:"questions"`
	Seed      int           `json:"seed"`
}

// predictionSaved answers a prediction save with what the server holds.
type predictionSaved struct {
	Saved bool   `json:"saved"`
	Value *int64 `json:"value"`
	Seq   int64  `json:"seq"`
}

// myRoundView is the caller's own view of a round: final attempts, what is
// left, the attempt in progress and, once published, their standing.
type myRoundView struct {
	Attempts     []resultDTO  `json:"attempts"`
	AttemptsUsed int          `json:"attemptsUsed"`
	AttemptsLeft int          `json:"attemptsLeft"`
	Phase        quiz.Phase   `json:"phase"`
	InProgress   *int         `json:"inProgress,omitempty"`
	Standing     *standingDTO `json:"standing,omitempty"`
}

type standingsPage struct {
	Standings []standingDTO `json:"standings"`
	Total     int           `json:"total"`
	Ranking   string        `json:"ranking,omitempty"`
}

// liveStatus and readyStatus answer /healthz and /readyz.
type liveStatus struct {
	Status  string `json:"status"`
	Version string `json:"version"`
}

type readyStatus struct {
	Status string `json:"status"`
}

type failedLogins struct {
	Failures []failedLoginDTO `json:"failures"`
}

// passwordReset carries a temporary password shown once to the organizer.
type passwordReset struct {
	TemporaryPassword string `json:"temporaryPassword"`
}

type staffPage struct {
	Staff []*userDTO `json:"staff"`
	Total int        `json:"total"`
}

// staffCreated carries the new account and its first password, shown once.
type staffCreated struct {
	User     *userDTO `json:"user"`
	Password string   `json:"password"`
}

type judgeCandidates struct {
	Judges []judgeCandidateDTO `json:"judges"`
}

type collectiveAnswer struct {
	Rule  quiz.CollectiveRule `json:"rule"`
	Units []quiz.UnitStanding `json:"units"`
}

// overallComputed counts what the cumulative ranking was computed from.
type overallComputed struct {
	Rounds  int `json:"rounds"`
	People  int `json:"people"`
	Winners int `json:"winners"`
}

type publicRoundsResponse struct {
	Rounds []roundPublicDTO `json:"rounds"`
}

// remedyExtended counts the attempts an organizer's remedy extended, with
// the new deadline when it was one attempt.
type remedyExtended struct {
	Extended int        `json:"extended"`
	Deadline *time.Time `json:"deadline,omitempty"`
}

type remedyGivenBack struct {
	GivenBack int `json:"givenBack"`
}

// orEmpty is s, or an empty slice when s is nil: a list in an answer is
// always a JSON array (docs/openapi.yaml promises it), never null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
