package quiz

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
)

// Verifiable draws and results. Every paper of a round is drawn from a
// round key (RoundKey: the server's secret and the round ID, by HMAC), and
// the round publishes SeedCommitment(key) when it is created: nobody,
// organizers included, can change the key afterwards without the
// commitment showing it. When the results are computed, after the round
// closed, the key is revealed (Round.SeedReveal), so anyone may re-derive
// each attempt's paper (AttemptSeed(key, attempt ID), Plan.Draw) and check
// the commitment. The results carry ResultsDigest, a hash of everything
// that decided them; `server results verify` recomputes the ranking from
// the stored records and compares line by line and digest to digest.

const (
	roundKeyLabel   = "hoithi/quiz/round/v1\x00"
	commitmentLabel = "hoithi/quiz/round-commitment/v1\x00"
)

// RoundKey is the key a round's papers are drawn from (see AttemptSeed).
func RoundKey(secret []byte, roundID string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(roundKeyLabel))
	m.Write([]byte(roundID))
	return m.Sum(nil)
}

// SeedCommitment is the published hash of a round key (hex SHA-256).
func SeedCommitment(roundKey []byte) string {
	h := sha256.New()
	h.Write([]byte(commitmentLabel))
	h.Write(roundKey)
	return hex.EncodeToString(h.Sum(nil))
}

// CheckReveal reports whether reveal (the hex round key) is the key the
// commitment was made for.
func CheckReveal(commitment, reveal string) bool {
	key, err := hex.DecodeString(reveal)
	return err == nil && len(key) == sha256.Size && hmac.Equal([]byte(SeedCommitment(key)), []byte(commitment))
}

// StandingsOf turns a ranking and its prizes into standing lines (names
// are the caller's: they are frozen from the accounts when saved).
func StandingsOf(roundID string, ranked []Ranked, winners []Winner, flags map[string][]Flag) []Standing {
	of := func(userID string) []Flag { return flags[userID] }
	return NewStandingLines(roundID, ranked, winners, of).Next(make([]Standing, len(ranked)))
}

// decided is what of a standing line the results decided: the digest and
// the comparison read these fields and nothing else.
type decided struct {
	Rank        int    `json:"rank"`
	User        string `json:"user"`
	Attempt     int    `json:"attempt"`
	Score       int    `json:"score"`
	Correct     int    `json:"correct"`
	Total       int    `json:"total"`
	DurationMs  int64  `json:"durationMs"`
	StartedMs   int64  `json:"startedMs"`
	SubmittedMs int64  `json:"submittedMs"`
	Prediction  *int64 `json:"prediction,omitempty"`
	Error       *int64 `json:"predictionError,omitempty"`
	Prize       string `json:"prize,omitempty"`
}

func decidedOf(s Standing) decided {
	return decided{Rank: s.Rank, User: s.UserID, Attempt: s.AttemptNo, Score: s.Score, Correct: s.Correct, Total: s.Total,
		DurationMs: s.DurationMs, StartedMs: ms(s.StartedAt), SubmittedMs: ms(s.SubmittedAt), Prediction: s.Prediction,
		Error: s.PredictionError, Prize: s.Prize}
}

// ResultsDigest is the hex SHA-256 of what decided a round's results: its
// rules (policy, ranking keys, tiers, tie policy, integrity rules), the
// exclusions with their reasons, the prediction target, the revealed round
// key, and every line's figures, rank and prize, in order.
func ResultsDigest(r *Round, rows []Standing) string {
	d := NewResultsHasher(r)
	for i := range rows {
		d.Add(&rows[i])
	}
	return d.Sum()
}

// DiffStandings compares what decided each line of want (recomputed) and
// got (stored), in order, and describes at most max differences.
func DiffStandings(want, got []Standing, max int) []string {
	var out []string
	for i := 0; i < len(want) || i < len(got); i++ {
		if len(out) >= max {
			break
		}
		switch {
		case i >= len(got):
			out = append(out, fmt.Sprintf("line %d: missing, recomputed %+v", i+1, decidedOf(want[i])))
		case i >= len(want):
			out = append(out, fmt.Sprintf("line %d: stored %+v, not in the recomputed results", i+1, decidedOf(got[i])))
		default:
			w, g := decidedOf(want[i]), decidedOf(got[i])
			if !sameDecided(w, g) {
				out = append(out, fmt.Sprintf("line %d: stored %+v, recomputed %+v", i+1, g, w))
			}
		}
	}
	return out
}

func sameDecided(a, b decided) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return slices.Equal(x, y)
}
