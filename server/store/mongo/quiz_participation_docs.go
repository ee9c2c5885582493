package mongo

import (
	"slices"
	"strings"
	"time"

	"hoithi/contests/quiz"
)

// The stored shape of a participation: one document per (round, person)
// holding every attempt, so that one conditional replace is the whole write.
// The store never interprets attempts; it keeps them and checks the version.

type itemDoc struct {
	QuestionID  string   `bson:"questionId"`
	OptionOrder []string `bson:"optionOrder"`
	Multiple    bool     `bson:"multiple"`
	Points      int      `bson:"points"`
}

// answerDoc is one entry of an attempt's answers. The domain keeps them in a
// map keyed by question ID; stored as a map, a key holding "." or starting
// with "$" would be refused or misread by the server, so they are an array
// of {q, o, s}, sorted by question ID so the same answers store the same way.
type answerDoc struct {
	QuestionID string   `bson:"q"`
	Options    []string `bson:"o"`
	Seq        int64    `bson:"s"`
}

type attemptDoc struct {
	No        int       `bson:"no"`
	ID        string    `bson:"id"`
	StartedAt time.Time `bson:"startedAt,omitempty"`
	Deadline  time.Time `bson:"deadline,omitempty"`
	Status    string    `bson:"status"`
	Items     []itemDoc `bson:"items"`
	// Answers is null for a nil map and [] for an empty one.
	Answers       []answerDoc `bson:"answers"`
	Prediction    *int64      `bson:"prediction,omitempty"`
	PredictionSeq int64       `bson:"predictionSeq"`
	SubmittedAt   time.Time   `bson:"submittedAt,omitempty"`
	Correct       int         `bson:"correct"`
	Total         int         `bson:"total"`
	Score         int         `bson:"score"`
	DurationMs    int64       `bson:"durationMs"`
	// Client: see quiz.Attempt.Client.
	Client string `bson:"client,omitempty"`
	// OutageMs, OutageKey, ExtraMs: see quiz.Attempt.
	OutageMs  int64 `bson:"outageMs,omitempty"`
	OutageKey int64 `bson:"outageKey,omitempty"`
	ExtraMs   int64 `bson:"extraMs,omitempty"`
}

// summaryDoc is the counted attempt. Its score, durationMs and submittedAt
// are the keys of the leaderboard index (see indexes.go).
type summaryDoc struct {
	AttemptNo   int       `bson:"attemptNo"`
	Correct     int       `bson:"correct"`
	Total       int       `bson:"total"`
	Score       int       `bson:"score"`
	DurationMs  int64     `bson:"durationMs"`
	StartedAt   time.Time `bson:"startedAt,omitempty"`
	SubmittedAt time.Time `bson:"submittedAt,omitempty"`
	Prediction  *int64    `bson:"prediction,omitempty"`
}

type participationDoc struct {
	// Key is roundId+"|"+userId: one record per person and round.
	Key       string       `bson:"_id"`
	RoundID   string       `bson:"roundId"`
	UserID    string       `bson:"userId"`
	ContestID string       `bson:"contestId"`
	UnitPath  string       `bson:"unitPath"`
	Attempts  []attemptDoc `bson:"attempts"`
	Version   int64        `bson:"version"`
	Counted   *summaryDoc  `bson:"counted,omitempty"`
	// OpenDeadline is absent when no attempt is in progress, which keeps
	// such records out of the sparse index the sweeper reads.
	OpenDeadline time.Time `bson:"openDeadline,omitempty"`
	UpdatedAt    time.Time `bson:"updatedAt,omitempty"`
	// ExtraAttempts: attempts given back (quiz.Participation).
	ExtraAttempts int `bson:"extraAttempts,omitempty"`
}

func toParticipationDoc(p *quiz.Participation) *participationDoc {
	d := &participationDoc{
		Key: personKey(p.RoundID, p.UserID), RoundID: p.RoundID, UserID: p.UserID,
		ContestID: p.ContestID, UnitPath: p.UnitPath,
		Attempts: mapSlice(p.Attempts, toAttemptDoc),
		Version:  p.Version, OpenDeadline: storedTime(p.OpenDeadline), UpdatedAt: storedTime(p.UpdatedAt),
		ExtraAttempts: p.ExtraAttempts,
	}
	if p.Counted != nil {
		s := toSummaryDoc(*p.Counted)
		d.Counted = &s
	}
	return d
}

func (d *participationDoc) participation() *quiz.Participation {
	p := &quiz.Participation{
		RoundID: d.RoundID, UserID: d.UserID, ContestID: d.ContestID, UnitPath: d.UnitPath,
		Attempts: mapSlice(d.Attempts, (attemptDoc).attempt),
		Version:  d.Version, OpenDeadline: loadedTime(d.OpenDeadline), UpdatedAt: loadedTime(d.UpdatedAt),
		ExtraAttempts: d.ExtraAttempts,
	}
	if d.Counted != nil {
		s := d.Counted.summary()
		p.Counted = &s
	}
	return p
}

func toAttemptDoc(a quiz.Attempt) attemptDoc {
	return attemptDoc{
		No: a.No, ID: a.ID, StartedAt: storedTime(a.StartedAt), Deadline: storedTime(a.Deadline),
		Status: string(a.Status),
		Items: mapSlice(a.Paper.Items, func(it quiz.Item) itemDoc {
			return itemDoc{QuestionID: it.QuestionID, OptionOrder: it.OptionOrder, Multiple: it.Multiple, Points: it.Points}
		}),
		Answers:    answerDocs(a.Answers),
		Prediction: copyInt64(a.Prediction), PredictionSeq: a.PredictionSeq,
		SubmittedAt: storedTime(a.SubmittedAt),
		Correct:     a.Correct, Total: a.Total, Score: a.Score, DurationMs: a.DurationMs, Client: a.Client,
		OutageMs: a.OutageMs, OutageKey: a.OutageKey, ExtraMs: a.ExtraMs,
	}
}

func (d attemptDoc) attempt() quiz.Attempt {
	return quiz.Attempt{
		No: d.No, ID: d.ID, StartedAt: loadedTime(d.StartedAt), Deadline: loadedTime(d.Deadline),
		Status: quiz.AttemptStatus(d.Status),
		Paper: quiz.Paper{Items: mapSlice(d.Items, func(it itemDoc) quiz.Item {
			return quiz.Item{QuestionID: it.QuestionID, OptionOrder: it.OptionOrder, Multiple: it.Multiple, Points: it.Points}
		})},
		Answers:    answersOf(d.Answers),
		Prediction: d.Prediction, PredictionSeq: d.PredictionSeq,
		SubmittedAt: loadedTime(d.SubmittedAt),
		Correct:     d.Correct, Total: d.Total, Score: d.Score, DurationMs: d.DurationMs, Client: d.Client,
		OutageMs: d.OutageMs, OutageKey: d.OutageKey, ExtraMs: d.ExtraMs,
	}
}

func answerDocs(answers map[string]quiz.Answer) []answerDoc {
	if answers == nil {
		return nil
	}
	out := make([]answerDoc, 0, len(answers))
	for q, a := range answers {
		out = append(out, answerDoc{QuestionID: q, Options: a.Options, Seq: a.Seq})
	}
	slices.SortFunc(out, func(a, b answerDoc) int { return strings.Compare(a.QuestionID, b.QuestionID) })
	return out
}

func answersOf(docs []answerDoc) map[string]quiz.Answer {
	if docs == nil {
		return nil
	}
	out := make(map[string]quiz.Answer, len(docs))
	for _, a := range docs {
		out[a.QuestionID] = quiz.Answer{Options: a.Options, Seq: a.Seq}
	}
	return out
}

func toSummaryDoc(s quiz.AttemptSummary) summaryDoc {
	return summaryDoc{
		AttemptNo: s.AttemptNo, Correct: s.Correct, Total: s.Total, Score: s.Score, DurationMs: s.DurationMs,
		StartedAt: storedTime(s.StartedAt), SubmittedAt: storedTime(s.SubmittedAt), Prediction: copyInt64(s.Prediction),
	}
}

func (d *summaryDoc) summary() quiz.AttemptSummary {
	return quiz.AttemptSummary{
		AttemptNo: d.AttemptNo, Correct: d.Correct, Total: d.Total, Score: d.Score, DurationMs: d.DurationMs,
		StartedAt: loadedTime(d.StartedAt), SubmittedAt: loadedTime(d.SubmittedAt), Prediction: d.Prediction,
	}
}
