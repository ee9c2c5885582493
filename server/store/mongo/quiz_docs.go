package mongo

import (
	"time"

	"hoithi/contests/quiz"
)

// Stored shapes of the quiz bank, rounds and standings (participations are
// in quiz_participation_docs.go). As in docs.go they are kept apart from the
// domain structs; instants are UTC milliseconds and a zero one is absent.
//
// A nil slice is stored as null and an empty one as [], so what a caller
// wrote reads back the same (mapSlice keeps the difference).

type optionDoc struct {
	ID   string `bson:"id"`
	Text string `bson:"text"`
}

type questionDoc struct {
	// Key is contestId+"/"+id: a question ID is unique within its contest.
	Key       string `bson:"_id"`
	ContestID string `bson:"contestId"`
	ID        string `bson:"id"`
	// Seq is the creation order (see nextQuestionSeqs); UpdateQuestion
	// never changes it.
	Seq             int64       `bson:"seq"`
	Topic           string      `bson:"topic"`
	Difficulty      int         `bson:"difficulty"`
	Text            string      `bson:"text"`
	Options         []optionDoc `bson:"options"`
	Correct         []string    `bson:"correct"`
	Explanation     string      `bson:"explanation"`
	ImageURL        string      `bson:"imageUrl"`
	Points          int         `bson:"points"`
	KeepOptionOrder bool        `bson:"keepOptionOrder"`
	Retired         bool        `bson:"retired"`
}

type quotaDoc struct {
	Topic      string `bson:"topic"`
	Difficulty int    `bson:"difficulty"`
	N          int    `bson:"n"`
}

type blueprintDoc struct {
	Fixed     []string   `bson:"fixed"`
	Quotas    []quotaDoc `bson:"quotas"`
	KeepOrder bool       `bson:"keepOrder"`
}

type predictionDoc struct {
	Enabled bool   `bson:"enabled"`
	Text    string `bson:"text"`
	Target  string `bson:"target"`
}

type rankRuleDoc struct {
	Keys           []string `bson:"keys"`
	AllCorrectOnly bool     `bson:"allCorrectOnly"`
}

type tierDoc struct {
	Key   string `bson:"key"`
	Name  string `bson:"name"`
	Count int    `bson:"count"`
}

type roundDoc struct {
	ID            string        `bson:"_id"`
	ContestID     string        `bson:"contestId"`
	No            int           `bson:"no"`
	Title         string        `bson:"title"`
	OpensAt       time.Time     `bson:"opensAt,omitempty"`
	ClosesAt      time.Time     `bson:"closesAt,omitempty"`
	Blueprint     blueprintDoc  `bson:"blueprint"`
	TimeLimitSec  int           `bson:"timeLimitSec"`
	MaxAttempts   int           `bson:"maxAttempts"`
	Policy        string        `bson:"policy"`
	Prediction    predictionDoc `bson:"prediction"`
	Rule          rankRuleDoc   `bson:"rule"`
	Tiers         []tierDoc     `bson:"tiers"`
	TiePolicy     string        `bson:"tiePolicy"`
	RevealAnswers bool          `bson:"revealAnswers"`
	Status        string        `bson:"status"`
	TargetValue   *int64        `bson:"targetValue,omitempty"`
	ResultsAt     time.Time     `bson:"resultsAt,omitempty"`
	UpdatedAt     time.Time     `bson:"updatedAt,omitempty"`
	// Integrity, Exclusions and ReviewedAt: see quiz.Round (stored as the
	// domain shapes: small, read whole, never queried).
	Integrity quiz.Integrity `bson:"integrity"`
	// OutageCapSec: see quiz.Round.
	OutageCapSec int              `bson:"outageCapSec,omitempty"`
	Exclusions   []quiz.Exclusion `bson:"exclusions,omitempty"`
	ReviewedAt   time.Time        `bson:"reviewedAt,omitempty"`
	// SeedCommitment, SeedReveal, ResultsDigest: see quiz.Round.
	SeedCommitment string `bson:"seedCommitment,omitempty"`
	SeedReveal     string `bson:"seedReveal,omitempty"`
	ResultsDigest  string `bson:"resultsDigest,omitempty"`
	// Version: see versions.go (absent on rounds stored before it).
	Version int64 `bson:"version,omitempty"`
}

type standingDoc struct {
	// Key is roundId|gen|userId: one line per person in a generation.
	Key     string `bson:"_id"`
	RoundID string `bson:"roundId"`
	// Gen is the generation the line belongs to; absent on lines stored
	// before generations existed (see quiz_standings.go).
	Gen             string    `bson:"gen,omitempty"`
	Rank            int       `bson:"rank"`
	UserID          string    `bson:"userId"`
	FullName        string    `bson:"fullName"`
	UnitPath        string    `bson:"unitPath"`
	AttemptNo       int       `bson:"attemptNo"`
	Attempts        int       `bson:"attempts"`
	Score           int       `bson:"score"`
	Correct         int       `bson:"correct"`
	Total           int       `bson:"total"`
	DurationMs      int64     `bson:"durationMs"`
	StartedAt       time.Time `bson:"startedAt,omitempty"`
	SubmittedAt     time.Time `bson:"submittedAt,omitempty"`
	Prediction      *int64    `bson:"prediction,omitempty"`
	PredictionError *int64    `bson:"predictionError,omitempty"`
	Prize           string    `bson:"prize"`
	PrizeName       string    `bson:"prizeName"`
	// PredictionDecided: see quiz.Standing.
	PredictionDecided bool `bson:"predictionDecided,omitempty"`
	// Flags: see quiz.Standing (stored as the domain shape, never queried).
	Flags []quiz.Flag `bson:"flags,omitempty"`
}

// questionKey and personKey build the compound _id values.
func questionKey(contestID, questionID string) string { return contestID + "/" + questionID }
func personKey(roundID, userID string) string         { return roundID + "|" + userID }

// mapSlice converts each element with f, keeping nil as nil and empty as
// empty: the domain may tell them apart, so the store must not.
func mapSlice[T, U any](in []T, f func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// copyInt64 returns a copy of p, so a stored value never aliases a caller's.
func copyInt64(p *int64) *int64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func toQuestionDoc(contestID string, seq int64, q quiz.Question) *questionDoc {
	return &questionDoc{
		Key: questionKey(contestID, q.ID), ContestID: contestID, ID: q.ID, Seq: seq,
		Topic: q.Topic, Difficulty: int(q.Difficulty), Text: q.Text,
		Options: mapSlice(q.Options, func(o quiz.Option) optionDoc { return optionDoc{ID: o.ID, Text: o.Text} }),
		Correct: q.Correct, Explanation: q.Explanation, ImageURL: q.ImageURL, Points: q.Points,
		KeepOptionOrder: q.KeepOptionOrder, Retired: q.Retired,
	}
}

func (d *questionDoc) question() quiz.Question {
	return quiz.Question{
		ID: d.ID, Topic: d.Topic, Difficulty: quiz.Difficulty(d.Difficulty), Text: d.Text,
		Options: mapSlice(d.Options, func(o optionDoc) quiz.Option { return quiz.Option{ID: o.ID, Text: o.Text} }),
		Correct: d.Correct, Explanation: d.Explanation, ImageURL: d.ImageURL, Points: d.Points,
		KeepOptionOrder: d.KeepOptionOrder, Retired: d.Retired,
	}
}

func toRoundDoc(r *quiz.Round) *roundDoc {
	return &roundDoc{
		ID: r.ID, ContestID: r.ContestID, No: r.No, Title: r.Title,
		OpensAt: storedTime(r.OpensAt), ClosesAt: storedTime(r.ClosesAt),
		Blueprint: blueprintDoc{
			Fixed: r.Blueprint.Fixed,
			Quotas: mapSlice(r.Blueprint.Quotas, func(q quiz.Quota) quotaDoc {
				return quotaDoc{Topic: q.Topic, Difficulty: int(q.Difficulty), N: q.N}
			}),
			KeepOrder: r.Blueprint.KeepOrder,
		},
		TimeLimitSec: r.TimeLimitSec, MaxAttempts: r.MaxAttempts, Policy: string(r.Policy),
		Prediction: predictionDoc{Enabled: r.Prediction.Enabled, Text: r.Prediction.Text, Target: string(r.Prediction.Target)},
		Rule: rankRuleDoc{
			Keys:           mapSlice(r.Rule.Keys, func(k quiz.RankKey) string { return string(k) }),
			AllCorrectOnly: r.Rule.AllCorrectOnly,
		},
		Tiers:     mapSlice(r.Tiers, func(t quiz.Tier) tierDoc { return tierDoc{Key: t.Key, Name: t.Name, Count: t.Count} }),
		TiePolicy: string(r.TiePolicy), RevealAnswers: r.RevealAnswers, Status: string(r.Status),
		TargetValue: copyInt64(r.TargetValue), ResultsAt: storedTime(r.ResultsAt), UpdatedAt: storedTime(r.UpdatedAt),
		Version: r.Version, Integrity: r.Integrity, OutageCapSec: r.OutageCapSec, Exclusions: r.Exclusions, ReviewedAt: storedTime(r.ReviewedAt),
		SeedCommitment: r.SeedCommitment, SeedReveal: r.SeedReveal, ResultsDigest: r.ResultsDigest,
	}
}

func (d *roundDoc) round() *quiz.Round {
	return &quiz.Round{
		ID: d.ID, ContestID: d.ContestID, No: d.No, Title: d.Title,
		OpensAt: loadedTime(d.OpensAt), ClosesAt: loadedTime(d.ClosesAt),
		Blueprint: quiz.Blueprint{
			Fixed: d.Blueprint.Fixed,
			Quotas: mapSlice(d.Blueprint.Quotas, func(q quotaDoc) quiz.Quota {
				return quiz.Quota{Topic: q.Topic, Difficulty: quiz.Difficulty(q.Difficulty), N: q.N}
			}),
			KeepOrder: d.Blueprint.KeepOrder,
		},
		TimeLimitSec: d.TimeLimitSec, MaxAttempts: d.MaxAttempts, Policy: quiz.Policy(d.Policy),
		Prediction: quiz.Prediction{Enabled: d.Prediction.Enabled, Text: d.Prediction.Text, Target: quiz.TargetKind(d.Prediction.Target)},
		Rule: quiz.RankRule{
			Keys:           mapSlice(d.Rule.Keys, func(k string) quiz.RankKey { return quiz.RankKey(k) }),
			AllCorrectOnly: d.Rule.AllCorrectOnly,
		},
		Tiers:     mapSlice(d.Tiers, func(t tierDoc) quiz.Tier { return quiz.Tier{Key: t.Key, Name: t.Name, Count: t.Count} }),
		TiePolicy: quiz.TiePolicy(d.TiePolicy), RevealAnswers: d.RevealAnswers, Status: quiz.RoundStatus(d.Status),
		TargetValue: d.TargetValue, ResultsAt: loadedTime(d.ResultsAt), UpdatedAt: loadedTime(d.UpdatedAt),
		Version: loadedVersion(d.Version), Integrity: d.Integrity, OutageCapSec: d.OutageCapSec, Exclusions: d.Exclusions, ReviewedAt: loadedTime(d.ReviewedAt),
		SeedCommitment: d.SeedCommitment, SeedReveal: d.SeedReveal, ResultsDigest: d.ResultsDigest,
	}
}

// toStandingDoc files s under roundID and generation gen, whatever
// s.RoundID says: the rows belong to the round they are published for.
func toStandingDoc(roundID, gen string, s *quiz.Standing) standingDoc {
	return standingDoc{
		Key: standingKey(roundID, gen, s.UserID), RoundID: roundID, Gen: gen, Rank: s.Rank, UserID: s.UserID,
		FullName: s.FullName, UnitPath: s.UnitPath, AttemptNo: s.AttemptNo, Attempts: s.Attempts,
		Score: s.Score, Correct: s.Correct, Total: s.Total, DurationMs: s.DurationMs,
		StartedAt: storedTime(s.StartedAt), SubmittedAt: storedTime(s.SubmittedAt),
		Prediction: copyInt64(s.Prediction), PredictionError: copyInt64(s.PredictionError),
		Prize: s.Prize, PrizeName: s.PrizeName, PredictionDecided: s.PredictionDecided, Flags: s.Flags,
	}
}

func (d *standingDoc) standing() quiz.Standing {
	return quiz.Standing{
		RoundID: d.RoundID, Rank: d.Rank, UserID: d.UserID, FullName: d.FullName, UnitPath: d.UnitPath,
		AttemptNo: d.AttemptNo, Attempts: d.Attempts, Score: d.Score, Correct: d.Correct, Total: d.Total,
		DurationMs: d.DurationMs, StartedAt: loadedTime(d.StartedAt), SubmittedAt: loadedTime(d.SubmittedAt),
		Prediction: d.Prediction, PredictionError: d.PredictionError, Prize: d.Prize, PrizeName: d.PrizeName,
		PredictionDecided: d.PredictionDecided, Flags: d.Flags,
	}
}
