package api

import (
	"time"

	"hoithi/contests/quiz"
)

// What a citizen sees of a quiz. These types are the only way quiz data
// reaches a participant, and none of them has a field for a correct answer
// or an explanation before the round's results are published (the review
// type is only built then). quiz_leak_test.go walks every endpoint.

type roundPublicDTO struct {
	ID             string     `json:"id"`
	No             int        `json:"no"`
	Title          string     `json:"title"`
	OpensAt        time.Time  `json:"opensAt"`
	ClosesAt       time.Time  `json:"closesAt"`
	TimeLimitSec   int        `json:"timeLimitSec"`
	MaxAttempts    int        `json:"maxAttempts"`
	QuestionCount  int        `json:"questionCount"`
	Phase          quiz.Phase `json:"phase"`
	PredictionText string     `json:"predictionText,omitempty"`
	TargetValue    *int64     `json:"targetValue,omitempty"`
	// SeedCommitment is published from the start; the revealed key and the
	// results digest once the results are (quiz/verify.go).
	SeedCommitment string `json:"seedCommitment,omitempty"`
	SeedReveal     string `json:"seedReveal,omitempty"`
	ResultsDigest  string `json:"resultsDigest,omitempty"`
	// Filled for a logged-in caller.
	AttemptsUsed *int       `json:"attemptsUsed,omitempty"`
	Best         *resultDTO `json:"best,omitempty"`
	InProgress   *int       `json:"inProgress,omitempty"`
}

type attemptDTO struct {
	RoundID        string                 `json:"roundId"`
	No             int                    `json:"no"`
	StartedAt      time.Time              `json:"startedAt"`
	Deadline       time.Time              `json:"deadline"`
	ServerNow      time.Time              `json:"serverNow"`
	Status         quiz.AttemptStatus     `json:"status"`
	Questions      []paperQuestionDTO     `json:"questions"`
	Answers        map[string]savedAnswer `json:"answers"`
	PredictionText string                 `json:"predictionText,omitempty"`
	Prediction     *int64                 `json:"prediction,omitempty"`
	PredictionSeq  int64                  `json:"predictionSeq,omitempty"`
	AttemptsLeft   int                    `json:"attemptsLeft"`
	// OutageSec is the time added to the deadline because the server was
	// down (the page says so); ExtraSec the time the organizers added.
	OutageSec int64 `json:"outageSec,omitempty"`
	ExtraSec  int64 `json:"extraSec,omitempty"`
}

type paperQuestionDTO struct {
	ID       string      `json:"id"`
	Text     string      `json:"text"`
	ImageURL string      `json:"imageUrl,omitempty"`
	Multiple bool        `json:"multiple"`
	Options  []optionDTO `json:"options"`
}

type optionDTO struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type savedAnswer struct {
	Options []string `json:"options"`
	Seq     int64    `json:"seq"`
}

type resultDTO struct {
	RoundID      string             `json:"roundId"`
	No           int                `json:"no"`
	Status       quiz.AttemptStatus `json:"status"`
	Correct      int                `json:"correctCount"`
	Total        int                `json:"total"`
	Score        int                `json:"score"`
	DurationMs   int64              `json:"durationMs"`
	StartedAt    time.Time          `json:"startedAt"`
	SubmittedAt  time.Time          `json:"submittedAt"`
	Prediction   *int64             `json:"prediction,omitempty"`
	AttemptsUsed int                `json:"attemptsUsed"`
	AttemptsLeft int                `json:"attemptsLeft"`
}

type standingDTO struct {
	Rank            int    `json:"rank"`
	FullName        string `json:"fullName"`
	UnitPath        string `json:"unitPath"`
	Score           int    `json:"score"`
	Correct         int    `json:"correctCount"`
	Total           int    `json:"total"`
	DurationMs      int64  `json:"durationMs"`
	Prediction      *int64 `json:"prediction,omitempty"`
	PredictionError *int64 `json:"predictionError,omitempty"`
	Prize           string `json:"prize,omitempty"`
	PrizeName       string `json:"prizeName,omitempty"`
	// PredictionDecided: the prediction placed this line against a
	// neighbour; public tables show the prediction only on such lines.
	PredictionDecided bool `json:"predictionDecided,omitempty"`
}

// reviewDTO shows an attempt with the answer key: built only once the
// round's results are published and the organizer allowed answers to show.
type reviewDTO struct {
	No        int              `json:"no"`
	Questions []reviewQuestion `json:"questions"`
}

type reviewQuestion struct {
	paperQuestionDTO
	Chosen      []string `json:"chosen"`
	Correct     []string `json:"correct"`
	Explanation string   `json:"explanation,omitempty"`
}

func toResultDTO(r *quiz.Round, p *quiz.Participation, a *quiz.Attempt) resultDTO {
	return resultDTO{RoundID: r.ID, No: a.No, Status: a.Status, Correct: a.Correct, Total: a.Total, Score: a.Score,
		DurationMs: a.DurationMs, StartedAt: a.StartedAt, SubmittedAt: a.SubmittedAt, Prediction: a.Prediction,
		AttemptsUsed: p.Used(), AttemptsLeft: p.Left(r)}
}

func toStandingDTO(st quiz.Standing, unitPath string) standingDTO {
	return standingDTO{Rank: st.Rank, FullName: st.FullName, UnitPath: unitPath, Score: st.Score, Correct: st.Correct,
		Total: st.Total, DurationMs: st.DurationMs, Prediction: st.Prediction, PredictionError: st.PredictionError,
		Prize: st.Prize, PrizeName: st.PrizeName, PredictionDecided: st.PredictionDecided}
}
