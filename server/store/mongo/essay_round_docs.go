package mongo

import (
	"cmp"
	"encoding/json"
	"slices"
	"time"

	"hoithi/contests/audit"
	"hoithi/contests/essay"
)

// Stored shapes of essay judging rounds, seats, score sheets and audit
// entries, with the conventions of essay_work_docs.go.

type criterionDoc struct {
	Key    string  `bson:"key"`
	Name   string  `bson:"name"`
	Max    float64 `bson:"max"`
	Weight float64 `bson:"weight"`
	// Description is what judges should look for under the criterion.
	Description string `bson:"description,omitempty"`
}

type rubricDoc struct {
	Scale    float64        `bson:"scale"`
	Step     float64        `bson:"step"`
	Criteria []criterionDoc `bson:"criteria"`
}

type advanceDoc struct {
	Mode     string  `bson:"mode"`
	TopN     int     `bson:"topN"`
	MinScore float64 `bson:"minScore"`
}

type panelDoc struct {
	Category string   `bson:"category"`
	JudgeIDs []string `bson:"judgeIds"`
	HeadID   string   `bson:"headId"`
}

type essayRoundDoc struct {
	ID            string     `bson:"_id"`
	ContestID     string     `bson:"contestId"`
	No            int        `bson:"no"`
	Name          string     `bson:"name"`
	Kind          string     `bson:"kind"`
	Rubric        rubricDoc  `bson:"rubric"`
	JudgesPerWork int        `bson:"judgesPerWork"`
	Policy        string     `bson:"policy"`
	Threshold     float64    `bson:"threshold"`
	Advance       advanceDoc `bson:"advance"`
	Panels        []panelDoc `bson:"panels"`
	Status        string     `bson:"status"`
	// Seed is the uint64 seed's bits as BSON has no unsigned integer: half
	// of all seeds are above the largest int64.
	Seed int64 `bson:"seed"`
	// Awards are kept as their JSON text: read back exactly as decided.
	Awards    string    `bson:"awards,omitempty"`
	UpdatedAt time.Time `bson:"updatedAt,omitempty"`
	// Version: see versions.go (absent on rounds stored before it).
	Version int64 `bson:"version,omitempty"`
}

type seatDoc struct {
	// Key is roundId|workId|judgeId: one seat per judge and work.
	Key        string    `bson:"_id"`
	RoundID    string    `bson:"roundId"`
	WorkID     string    `bson:"workId"`
	JudgeID    string    `bson:"judgeId"`
	Kind       string    `bson:"kind"`
	Recused    bool      `bson:"recused"`
	AssignedAt time.Time `bson:"assignedAt,omitempty"`
}

// criterionScoreDoc is one entry of a sheet's points. The domain keys them
// by criterion key in a map; rubric keys are chosen by organizers, and as
// field names a "." or a leading "$" would be refused or misread, so they
// are an array sorted by key (the same points always store the same way).
type criterionScoreDoc struct {
	Key    string  `bson:"k"`
	Points float64 `bson:"v"`
}

type scoreDoc struct {
	// Key is roundId|workId|judgeId, like the seat the sheet belongs to.
	Key      string              `bson:"_id"`
	RoundID  string              `bson:"roundId"`
	WorkID   string              `bson:"workId"`
	JudgeID  string              `bson:"judgeId"`
	Kind     string              `bson:"kind"`
	Criteria []criterionScoreDoc `bson:"criteria"`
	Total    float64             `bson:"total"`
	Comment  string              `bson:"comment"`
	// ReopenReason: see essay.Score.
	ReopenReason string    `bson:"reopenReason,omitempty"`
	Status       string    `bson:"status"`
	Version      int64     `bson:"version"`
	SubmittedAt  time.Time `bson:"submittedAt,omitempty"`
	UpdatedAt    time.Time `bson:"updatedAt,omitempty"`
}

type auditDoc struct {
	// Key is chain|seq with seq zero-padded to 20 digits, so _id order is
	// chain then Seq order.
	Key     string    `bson:"_id"`
	Chain   string    `bson:"chain"`
	Seq     int64     `bson:"seq"`
	At      time.Time `bson:"at,omitempty"`
	ActorID string    `bson:"actorId"`
	Action  string    `bson:"action"`
	Subject string    `bson:"subject"`
	// Data is the entry's canonical JSON as a string, never a sub-document:
	// the hash covers these exact bytes, and a server re-encoding a
	// document (key order, number forms, escapes) would break the chain.
	Data     string `bson:"data,omitempty"`
	PrevHash string `bson:"prevHash"`
	Hash     string `bson:"hash"`
}

// seatKey builds the _id of a seat and of its score sheet. IDs are
// lower-case base32 (store.NewID), so "|" never occurs inside one.
func seatKey(roundID, workID, judgeID string) string {
	return roundID + "|" + workID + "|" + judgeID
}

func toEssayRoundDoc(r *essay.Round) *essayRoundDoc {
	return &essayRoundDoc{
		ID: r.ID, ContestID: r.ContestID, No: r.No, Name: r.Name, Kind: string(r.Kind),
		Rubric: rubricDoc{Scale: r.Rubric.Scale, Step: r.Rubric.Step,
			Criteria: mapSlice(r.Rubric.Criteria, func(c essay.Criterion) criterionDoc {
				return criterionDoc{Key: c.Key, Name: c.Name, Max: c.Max, Weight: c.Weight, Description: c.Description}
			})},
		JudgesPerWork: r.JudgesPerWork, Policy: string(r.Policy), Threshold: r.Threshold,
		Advance: advanceDoc{Mode: string(r.Advance.Mode), TopN: r.Advance.TopN, MinScore: r.Advance.MinScore},
		Panels: mapSlice(r.Panels, func(p essay.Panel) panelDoc {
			return panelDoc{Category: string(p.Category), JudgeIDs: p.JudgeIDs, HeadID: p.HeadID}
		}),
		Status: string(r.Status), Seed: int64(r.Seed), UpdatedAt: storedTime(r.UpdatedAt), Awards: awardsText(r.Awards),
		Version: r.Version,
	}
}

func awardsText(a []essay.Award) string {
	if len(a) == 0 {
		return ""
	}
	b, _ := json.Marshal(a)
	return string(b)
}

func awardsOf(s string) []essay.Award {
	var a []essay.Award
	if s != "" {
		_ = json.Unmarshal([]byte(s), &a)
	}
	return a
}

func (d *essayRoundDoc) round() *essay.Round {
	return &essay.Round{
		ID: d.ID, ContestID: d.ContestID, No: d.No, Name: d.Name, Kind: essay.RoundKind(d.Kind),
		Rubric: essay.Rubric{Scale: d.Rubric.Scale, Step: d.Rubric.Step,
			Criteria: mapSlice(d.Rubric.Criteria, func(c criterionDoc) essay.Criterion {
				return essay.Criterion{Key: c.Key, Name: c.Name, Max: c.Max, Weight: c.Weight, Description: c.Description}
			})},
		JudgesPerWork: d.JudgesPerWork, Policy: essay.Policy(d.Policy), Threshold: d.Threshold,
		Advance: essay.AdvanceRule{Mode: essay.AdvanceMode(d.Advance.Mode), TopN: d.Advance.TopN, MinScore: d.Advance.MinScore},
		Panels: mapSlice(d.Panels, func(p panelDoc) essay.Panel {
			return essay.Panel{Category: essay.CategoryKey(p.Category), JudgeIDs: p.JudgeIDs, HeadID: p.HeadID}
		}),
		Status: essay.RoundStatus(d.Status), Seed: uint64(d.Seed), UpdatedAt: loadedTime(d.UpdatedAt), Awards: awardsOf(d.Awards),
		Version: loadedVersion(d.Version),
	}
}

func toSeatDoc(s *essay.Seat) *seatDoc {
	return &seatDoc{
		Key: seatKey(s.RoundID, s.WorkID, s.JudgeID), RoundID: s.RoundID, WorkID: s.WorkID, JudgeID: s.JudgeID,
		Kind: string(s.Kind), Recused: s.Recused, AssignedAt: storedTime(s.AssignedAt),
	}
}

func (d *seatDoc) seat() essay.Seat {
	return essay.Seat{RoundID: d.RoundID, WorkID: d.WorkID, JudgeID: d.JudgeID, Kind: essay.ScoreKind(d.Kind),
		Recused: d.Recused, AssignedAt: loadedTime(d.AssignedAt)}
}

func toScoreDoc(s *essay.Score) *scoreDoc {
	d := &scoreDoc{
		Key: seatKey(s.RoundID, s.WorkID, s.JudgeID), RoundID: s.RoundID, WorkID: s.WorkID, JudgeID: s.JudgeID,
		Kind: string(s.Kind), Total: s.Total, Comment: s.Comment, ReopenReason: s.ReopenReason, Status: string(s.Status), Version: s.Version,
		SubmittedAt: storedTime(s.SubmittedAt), UpdatedAt: storedTime(s.UpdatedAt),
	}
	if s.Criteria != nil {
		d.Criteria = make([]criterionScoreDoc, 0, len(s.Criteria))
		for key, points := range s.Criteria {
			d.Criteria = append(d.Criteria, criterionScoreDoc{Key: key, Points: points})
		}
		slices.SortFunc(d.Criteria, func(a, b criterionScoreDoc) int { return cmp.Compare(a.Key, b.Key) })
	}
	return d
}

func (d *scoreDoc) score() essay.Score {
	s := essay.Score{
		RoundID: d.RoundID, WorkID: d.WorkID, JudgeID: d.JudgeID, Kind: essay.ScoreKind(d.Kind),
		Total: d.Total, Comment: d.Comment, ReopenReason: d.ReopenReason, Status: essay.ScoreStatus(d.Status), Version: d.Version,
		SubmittedAt: loadedTime(d.SubmittedAt), UpdatedAt: loadedTime(d.UpdatedAt),
	}
	if d.Criteria != nil {
		s.Criteria = make(map[string]float64, len(d.Criteria))
		for _, c := range d.Criteria {
			s.Criteria[c.Key] = c.Points
		}
	}
	return s
}

func toAuditDoc(chain string, e *audit.Entry) *auditDoc {
	return &auditDoc{
		Key: auditKey(chain, e.Seq), Chain: chain, Seq: int64(e.Seq), At: storedTime(e.At),
		ActorID: e.ActorID, Action: e.Action, Subject: e.Subject, Data: string(e.Data),
		PrevHash: e.PrevHash, Hash: e.Hash,
	}
}

func (d *auditDoc) entry() audit.Entry {
	e := audit.Entry{
		Seq: uint64(d.Seq), At: loadedTime(d.At), ActorID: d.ActorID, Action: d.Action, Subject: d.Subject,
		PrevHash: d.PrevHash, Hash: d.Hash,
	}
	if d.Data != "" {
		e.Data = []byte(d.Data)
	}
	return e
}
