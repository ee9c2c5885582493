package essay

import (
	"slices"
	"strings"
	"time"
)

// The records of an essay contest as they are stored. Work is everything a
// judge may ever see of a work, plus the few fields the server needs
// (author account, unit) that judge responses never copy; Identity — who
// wrote it — is a separate record in a separate table or collection, which
// the judging endpoints have no method to read.

// WorkStatus is a work's life cycle.
type WorkStatus string

const (
	WorkSubmitted WorkStatus = "submitted" // waiting for screening; editable until the deadline
	WorkWithdrawn WorkStatus = "withdrawn" // by its author
	WorkRejected  WorkStatus = "rejected"  // phạm quy at screening, with a reason
	WorkAccepted  WorkStatus = "accepted"  // screened in: has an anonymous code, goes to judging
)

// StoredFile is an uploaded file kept in the blob store.
type StoredFile struct {
	BlobID string `json:"blobId"`
	File
	SHA256 string `json:"sha256"`
}

// Origin says where a forwarded work came from.
type Origin struct {
	ContestID   string  `json:"contestId"`
	WorkID      string  `json:"workId"`
	ContestName string  `json:"contestName"`
	UnitName    string  `json:"unitName"`
	Final       float64 `json:"final"`
	// Prize names the prize the work won at the origin ("" for none).
	Prize string `json:"prize,omitempty"`
}

// Work is one work (tác phẩm, bài dự thi) entered in an essay contest.
type Work struct {
	ID        string       `json:"id"`
	ContestID string       `json:"contestId"`
	Category  CategoryKey  `json:"category"`
	Title     string       `json:"title"`
	Text      string       `json:"text"`
	Words     int          `json:"words"`
	Files     []StoredFile `json:"files,omitempty"`
	// Coauthors counts the people besides the author (their names are on
	// the identity sheet).
	Coauthors int `json:"coauthors"`
	// AuthorID is the account that submitted; UnitPath its unit (for the
	// own-unit conflict rule). Judge responses never carry either.
	AuthorID string `json:"authorId"`
	UnitPath string `json:"unitPath"`
	// Receipt is given to the author at submission ("biên nhận").
	Receipt string     `json:"receipt"`
	Status  WorkStatus `json:"status"`
	// Code is the anonymous code judges know the work by (set at acceptance).
	Code         string `json:"code,omitempty"`
	RejectReason string `json:"rejectReason,omitempty"`
	// Warnings are what screening should look at: the author's name found
	// in the text or the document's metadata.
	Warnings []string `json:"warnings,omitempty"`
	// Round is the number of the last round the work reached (0: none yet).
	Round       int       `json:"round"`
	Origin      *Origin   `json:"origin,omitempty"`
	Version     int64     `json:"version"`
	SubmittedAt time.Time `json:"submittedAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// Person is one author on an identity sheet.
type Person struct {
	FullName    string    `json:"fullName"`
	BirthDate   time.Time `json:"birthDate,omitempty"`
	PenName     string    `json:"penName,omitempty"`
	Title       string    `json:"title,omitempty"` // chức danh
	UnitName    string    `json:"unitName,omitempty"`
	Address     string    `json:"address,omitempty"`
	Phone       string    `json:"phone,omitempty"`
	Email       string    `json:"email,omitempty"`
	CCCDSealed  string    `json:"cccdSealed,omitempty"`
	CCCDMasked  string    `json:"cccdMasked,omitempty"`
	BankAccount string    `json:"bankAccount,omitempty"`
	BankName    string    `json:"bankName,omitempty"`
}

// Identity is the identity sheet of a work: kept apart from the work.
type Identity struct {
	WorkID    string    `json:"workId"`
	ContestID string    `json:"contestId"`
	Author    Person    `json:"author"`
	Coauthors []Person  `json:"coauthors,omitempty"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Identifying lists what may not appear in the work or its file: every
// author's full name, pen name, e-mail and phone (as +84… and as 0…).
func (id *Identity) Identifying() []string {
	var out []string
	for _, p := range append([]Person{id.Author}, id.Coauthors...) {
		out = append(out, p.FullName, p.PenName, p.Email)
		if p.Phone != "" {
			out = append(out, p.Phone, "0"+strings.TrimPrefix(p.Phone, "+84"))
		}
	}
	return slices.DeleteFunc(out, func(v string) bool { return strings.TrimSpace(v) == "" })
}

// RoundKind names the stage of judging.
type RoundKind string

const (
	RoundPreliminary RoundKind = "preliminary" // sơ khảo
	RoundFinal       RoundKind = "final"       // chung khảo
)

// RoundStatus is a judging round's life cycle.
type RoundStatus string

const (
	RoundSetup   RoundStatus = "setup"   // rubric and panels being agreed
	RoundScoring RoundStatus = "scoring" // assigned; judges score
	RoundClosed  RoundStatus = "closed"  // results and advancement decided
)

// Panel is the judges of one category in a round (tiểu ban).
type Panel struct {
	Category CategoryKey `json:"category"`
	JudgeIDs []string    `json:"judgeIds"`
	HeadID   string      `json:"headId,omitempty"`
}

// Round is one judging round of an essay contest.
type Round struct {
	ID            string      `json:"id"`
	ContestID     string      `json:"contestId"`
	No            int         `json:"no"`
	Name          string      `json:"name"`
	Kind          RoundKind   `json:"kind"`
	Rubric        Rubric      `json:"rubric"`
	JudgesPerWork int         `json:"judgesPerWork"`
	Policy        Policy      `json:"policy"`
	Threshold     float64     `json:"threshold"`
	Advance       AdvanceRule `json:"advance"`
	Panels        []Panel     `json:"panels"`
	Status        RoundStatus `json:"status"`
	// Seed makes the assignment reproducible: recorded when assigning.
	Seed uint64 `json:"seed"`
	// Awards are the prizes decided on this round (see AwardPrizes).
	Awards    []Award   `json:"awards,omitempty"`
	UpdatedAt time.Time `json:"updatedAt"`
	// Version counts the stored changes (1 when created): an update is
	// written only over the version it read (see store.EssayRounds).
	Version int64 `json:"version"`
}

// Seat is one judge's place on one work in a round.
type Seat struct {
	RoundID string    `json:"roundId"`
	WorkID  string    `json:"workId"`
	JudgeID string    `json:"judgeId"`
	Kind    ScoreKind `json:"kind"`
	// Recused: the judge declared a conflict; the seat no longer counts.
	Recused    bool      `json:"recused,omitempty"`
	AssignedAt time.Time `json:"assignedAt"`
}

// ScoreStatus is a score sheet's state.
type ScoreStatus string

const (
	ScoreDraft     ScoreStatus = "draft"
	ScoreSubmitted ScoreStatus = "submitted" // locked: a change needs the secretary and is logged
)

// Score is one judge's score sheet for one work in a round.
type Score struct {
	RoundID     string             `json:"roundId"`
	WorkID      string             `json:"workId"`
	JudgeID     string             `json:"judgeId"`
	Kind        ScoreKind          `json:"kind"`
	Criteria    map[string]float64 `json:"criteria"`
	Total       float64            `json:"total"`
	Comment     string             `json:"comment,omitempty"`
	Status      ScoreStatus        `json:"status"`
	Version     int64              `json:"version"`
	SubmittedAt time.Time          `json:"submittedAt,omitempty"`
	UpdatedAt   time.Time          `json:"updatedAt"`
	// ReopenReason is why the secretariat last reopened the locked sheet
	// (Reopen); the judge is shown it while the sheet is a draft again.
	ReopenReason string `json:"reopenReason,omitempty"`
}
