package quiz

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
)

// A national round's results are hundreds of thousands of lines: they are
// made, written and hashed a batch at a time (StandingLines,
// ResultsHasher) rather than held whole.

// StandingLines makes the standing lines of a ranking in order, a batch
// at a time.
type StandingLines struct {
	roundID string
	ranked  rankedLines
	prize   map[string]Winner
	flags   func(userID string) []Flag
	next    int
}

// NewStandingLines starts the lines of ranked with its prizes and flags
// (flags gives a person's; nil: none).
func NewStandingLines(roundID string, ranked []Ranked, winners []Winner, flags func(userID string) []Flag) *StandingLines {
	return newStandingLines(roundID, rankedSlice(ranked), winners, flags)
}

// RankingLines starts the lines of a compact ranking (ResultsBuilder's),
// each Ranked made when its line is.
func RankingLines(roundID string, ranked *Ranking, winners []Winner, flags func(userID string) []Flag) *StandingLines {
	return newStandingLines(roundID, ranked, winners, flags)
}

func newStandingLines(roundID string, ranked rankedLines, winners []Winner, flags func(userID string) []Flag) *StandingLines {
	prize := make(map[string]Winner, len(winners))
	for _, w := range winners {
		prize[w.UserID] = w
	}
	return &StandingLines{roundID: roundID, ranked: ranked, prize: prize, flags: flags}
}

// Next fills dst (up to its length) with the next lines and returns
// them; nothing once every line was made.
func (l *StandingLines) Next(dst []Standing) []Standing {
	n := min(len(dst), l.ranked.len()-l.next)
	for j := range n {
		i := l.next + j
		line := l.ranked.at(i)
		rk := &line
		st := Standing{RoundID: l.roundID, Rank: rk.Rank, UserID: rk.UserID, UnitPath: rk.UnitPath, AttemptNo: rk.AttemptNo,
			Attempts: rk.Attempts, Score: rk.Score, Correct: rk.Correct, Total: rk.Total, DurationMs: rk.DurationMs,
			StartedAt: rk.StartedAt, SubmittedAt: rk.SubmittedAt, Prediction: rk.Prediction, PredictionError: rk.PredictionError,
			PredictionDecided: predictionBrokeTie(l.ranked, i)}
		if l.flags != nil {
			st.Flags = l.flags(rk.UserID)
		}
		if w, ok := l.prize[rk.UserID]; ok {
			st.Prize, st.PrizeName = w.Tier, w.TierName
		}
		dst[j] = st
	}
	l.next += n
	return dst[:n]
}

// ResultsHasher computes ResultsDigest a line at a time: the round's part
// first, then each line as it is written.
type ResultsHasher struct {
	empty []byte // the whole text when there is no line
	head  []byte // the text before the first line
	h     hash.Hash
	lines int
	sum   string // once summed, no line can be added
}

// NewResultsHasher starts the digest of r's results (its rules, exclusions,
// target and revealed key as they are now).
func NewResultsHasher(r *Round) *ResultsHasher {
	d := &ResultsHasher{h: sha256.New()}
	d.empty, d.head = digestHead(r)
	d.h.Write(d.head)
	return d
}

// SameRound reports whether r hashes to the same round part: then the
// lines added stand for r's results too.
func (d *ResultsHasher) SameRound(r *Round) bool {
	empty, head := digestHead(r)
	return bytes.Equal(empty, d.empty) && bytes.Equal(head, d.head)
}

// Add hashes the next line.
func (d *ResultsHasher) Add(s *Standing) {
	if d.sum != "" {
		panic("quiz: line added to a summed ResultsHasher")
	}
	sep := ","
	if d.lines == 0 {
		sep = "["
	}
	line, _ := json.Marshal(decidedOf(*s)) // plain data: cannot fail
	d.h.Write([]byte(sep))
	d.h.Write(line)
	d.lines++
}

// Sum returns the digest of the round and the lines added; it ends the
// lines.
func (d *ResultsHasher) Sum() string {
	switch {
	case d.sum != "":
	case d.lines == 0:
		sum := sha256.Sum256(d.empty)
		d.sum = hex.EncodeToString(sum[:])
	default:
		d.h.Write([]byte("]}"))
		d.sum = hex.EncodeToString(d.h.Sum(nil))
	}
	return d.sum
}

// digestHead returns the text hashed for r without lines ("lines":null),
// and the text before its first line: the same bytes as marshalling every
// line into Lines, hashed a line at a time.
func digestHead(r *Round) (empty, head []byte) {
	type exclusion struct{ User, Reason string }
	in := struct {
		Policy     Policy      `json:"policy"`
		Rule       RankRule    `json:"rule"`
		Tiers      []Tier      `json:"tiers"`
		TiePolicy  TiePolicy   `json:"tiePolicy"`
		Integrity  Integrity   `json:"integrity"`
		Exclusions []exclusion `json:"exclusions"`
		Target     *int64      `json:"target"`
		Reveal     string      `json:"reveal"`
		Lines      []decided   `json:"lines"`
	}{Policy: r.Policy, Rule: r.Rule, Tiers: r.Tiers, TiePolicy: r.TiePolicy, Integrity: r.Integrity, Target: r.TargetValue, Reveal: r.SeedReveal}
	for _, x := range r.Exclusions {
		in.Exclusions = append(in.Exclusions, exclusion{x.UserID, x.Reason})
	}
	empty, _ = json.Marshal(in) // plain data: cannot fail
	in.Lines = []decided{}
	head, _ = json.Marshal(in)
	return empty, bytes.TrimSuffix(head, []byte("[]}"))
}
