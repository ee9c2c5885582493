package api

import "hoithi/contests/quiz"

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
