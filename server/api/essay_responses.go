package api

import (
	"time"

	"hoithi/contests/essay"
	"hoithi/contests/similarity"
)

// Named JSON answers of the essay routes (see responses.go): the envelopes
// around the essay DTOs, instead of fiber.Map literals.

type authorWorkResponse struct {
	Work authorWorkDTO `json:"work"`
}

type authorWorksResponse struct {
	Works []authorWorkDTO `json:"works"`
}

type staffWorkResponse struct {
	Work staffWorkDTO `json:"work"`
}

type staffWorksPage struct {
	Works []staffWorkDTO `json:"works"`
	Total int            `json:"total"`
}

// essayRulesView is what an author reads before submitting.
type essayRulesView struct {
	Categories []essay.Category `json:"categories"`
	Deadline   time.Time        `json:"deadline"`
	// Open is whether a work can be submitted now, as submit decides it.
	Open bool `json:"open"`
}

type forwardTargets struct {
	Targets []forwardTarget `json:"targets"`
}

// forwardDone answers a forward (or its preview) to the contest above.
type forwardDone struct {
	Forwarded int           `json:"forwarded"`
	Works     []forwardItem `json:"works"`
	TiedAtCap []string      `json:"tiedAtCap"`
	Preview   bool          `json:"preview"`
	To        forwardedTo   `json:"to"`
}

type forwardedTo struct {
	Title    string `json:"title"`
	UnitName string `json:"unitName"`
}

// judgeRoundLine is a round where the caller sits on the panel.
type judgeRoundLine struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	No      int    `json:"no"`
	Contest string `json:"contest"`
}

type judgeRounds struct {
	Rounds []judgeRoundLine `json:"rounds"`
}

// judgeQueue is a judge's works of a round, blind (no identity field).
type judgeQueue struct {
	Round      judgeRoundHead  `json:"round"`
	Works      []judgeWorkDTO  `json:"works"`
	Done       int             `json:"done"`
	Total      int             `json:"total"`
	Categories []judgeCategory `json:"categories"`
}

type judgeRoundHead struct {
	ID     string            `json:"id"`
	Name   string            `json:"name"`
	Rubric essay.Rubric      `json:"rubric"`
	Status essay.RoundStatus `json:"status"`
}

type scoreSaved struct {
	Status essay.ScoreStatus `json:"status"`
	Total  float64           `json:"total"`
}

type scoreStatus struct {
	Status essay.ScoreStatus `json:"status"`
}

type recused struct {
	Recused bool `json:"recused"`
}

type essayRoundsResponse struct {
	Rounds []*essay.Round `json:"rounds"`
}

type essayRoundResponse struct {
	Round *essay.Round `json:"round"`
}

// roundAssigned counts the works and seats a panel assignment made.
type roundAssigned struct {
	Round *essay.Round `json:"round"`
	Works int          `json:"works"`
	Seats int          `json:"seats"`
}

type essayRoundResults struct {
	Round         *essay.Round  `json:"round"`
	Works         []workOutcome `json:"works"`
	Discrepancies int           `json:"discrepancies"`
}

type seatResponse struct {
	Seat essay.Seat `json:"seat"`
}

type roundClosed struct {
	Round     *essay.Round   `json:"round"`
	Results   []essay.Result `json:"results"`
	Advancing []essay.Result `json:"advancing"`
}

// identitySheet is who wrote a work: for the secretariat only, audited.
type identitySheet struct {
	WorkID    string       `json:"workId"`
	Author    personView   `json:"author"`
	Coauthors []personView `json:"coauthors"`
}

type personView struct {
	FullName    string `json:"fullName"`
	PenName     string `json:"penName"`
	Title       string `json:"title"`
	UnitName    string `json:"unitName"`
	Address     string `json:"address"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	CCCDMasked  string `json:"cccdMasked"`
	BankAccount string `json:"bankAccount"`
	BankName    string `json:"bankName"`
	BirthDate   string `json:"birthDate,omitempty"`
}

type prizeList struct {
	Decided   bool        `json:"decided"`
	Awards    []awardView `json:"awards"`
	UpdatedAt time.Time   `json:"updatedAt"`
}

// prizesDecided answers a prize decision (or its preview) with the special
// prizes' works by code.
type prizesDecided struct {
	Decided    bool              `json:"decided"`
	Awards     []awardView       `json:"awards"`
	Youngest   []string          `json:"youngest"`
	Oldest     []string          `json:"oldest"`
	Youth      []string          `json:"youth,omitempty"`
	Collective []essay.UnitTally `json:"collective,omitempty"`
}

// workLabelDTO names a work in the similarity answers (staff only).
type workLabelDTO struct {
	ID       string            `json:"id"`
	Code     string            `json:"code"`
	Receipt  string            `json:"receipt"`
	Title    string            `json:"title"`
	Category essay.CategoryKey `json:"category"`
}

type similarPair struct {
	A        workLabelDTO `json:"a"`
	B        workLabelDTO `json:"b"`
	OverlapA float64      `json:"overlapA"`
	OverlapB float64      `json:"overlapB"`
	Shared   int          `json:"shared"`
}

type similarityFound struct {
	Works int           `json:"works"`
	Pairs []similarPair `json:"pairs"`
}

type comparedWork struct {
	Work workLabelDTO `json:"work"`
	Text string       `json:"text"`
}

type comparison struct {
	A        comparedWork         `json:"a"`
	B        comparedWork         `json:"b"`
	Passages []similarity.Passage `json:"passages"`
}
