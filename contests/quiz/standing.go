package quiz

import "time"

// Standing is one published line of a round's (or the whole contest's)
// results: the ranked entry as people see it, with the name and unit path
// frozen when the results were computed, and the prize if any.
type Standing struct {
	RoundID         string    `json:"roundId"`
	Rank            int       `json:"rank"`
	UserID          string    `json:"userId"`
	FullName        string    `json:"fullName"`
	UnitPath        string    `json:"unitPath"`
	AttemptNo       int       `json:"attemptNo"`
	Attempts        int       `json:"attempts"`
	Score           int       `json:"score"`
	Correct         int       `json:"correct"`
	Total           int       `json:"total"`
	DurationMs      int64     `json:"durationMs"`
	StartedAt       time.Time `json:"startedAt"`
	SubmittedAt     time.Time `json:"submittedAt"`
	Prediction      *int64    `json:"prediction,omitempty"`
	PredictionError *int64    `json:"predictionError,omitempty"`
	Prize           string    `json:"prize,omitempty"`
	PrizeName       string    `json:"prizeName,omitempty"`
	// PredictionDecided: the prediction placed this line against a
	// neighbour (PredictionBrokeTie), so the public table shows it.
	PredictionDecided bool `json:"predictionDecided,omitempty"`
	// Flags are the fraud flags of the person's attempts in the round,
	// found when the results were computed: for the prize review.
	Flags []Flag `json:"flags,omitempty"`
}

// OverallRoundID is the RoundID under which a contest's cumulative
// standings are kept.
func OverallRoundID(contestID string) string { return "overall:" + contestID }
