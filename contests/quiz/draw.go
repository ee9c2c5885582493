package quiz

import (
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"slices"

	"hoithi/contests"
)

// Item is one question of a paper as the candidate sees it: which question,
// the order its options are shown in, whether several options may be ticked
// and what it is worth. It never carries the correct answer.
type Item struct {
	QuestionID  string   `json:"questionId"`
	OptionOrder []string `json:"optionOrder"`
	Multiple    bool     `json:"multiple,omitempty"`
	Points      int      `json:"points"`
}

// Paper is the questions of one attempt, in the order shown.
type Paper struct {
	Items []Item `json:"items"`
}

// Item returns the paper's item for a question.
func (p Paper) Item(questionID string) (Item, bool) {
	for _, it := range p.Items {
		if it.QuestionID == questionID {
			return it, true
		}
	}
	return Item{}, false
}

// MaxPoints returns the points of a fully correct paper.
func (p Paper) MaxPoints() int {
	n := 0
	for _, it := range p.Items {
		n += it.Points
	}
	return n
}

var errQuotaUnfilled = errors.New("quiz: a quota could not be filled although Prepare accepted the blueprint")

// seedLabel separates paper seeds from any other use of the same secret; the
// version lets a future algorithm coexist with audits of old papers.
const seedLabel = "hoithi/quiz/paper/v1\x00"

// pcgStream is the fixed second half of the PCG state: any constant works,
// but it must never change or old papers can no longer be re-derived.
const pcgStream = 0x9e3779b97f4a7c15

// AttemptSeed derives the seed of an attempt's paper from the server's
// secret and the attempt ID with HMAC-SHA256: unpredictable to candidates
// (they cannot pick an attempt whose paper they already know), yet anyone
// holding the secret can re-derive the paper for an audit.
func AttemptSeed(secret []byte, attemptID string) uint64 {
	return binary.BigEndian.Uint64(attemptMAC(secret, attemptID)[:8])
}

// Draw prepares the blueprint and draws one paper; see Prepare and
// Plan.Draw. Servers should cache the Plan instead of calling this per
// attempt.
func Draw(bank []Question, b Blueprint, seed uint64) (Paper, error) {
	p, err := Prepare(bank, b)
	if err != nil {
		return Paper{}, err
	}
	return p.Draw(seed)
}

// Draw makes the paper for seed. The same plan and seed always give the same
// paper, so the order in which random numbers are consumed is part of the
// audit contract and must never change: (1) quota picks, quota by quota,
// (2) the question order, (3) each item's option order, in paper order.
// math/rand/v2 pins the outputs of PCG, IntN and Shuffle across Go releases.
//
// The only error is CodeInternal, which Prepare's checks make unreachable.
func (p *Plan) Draw(seed uint64) (Paper, error) {
	rng := rand.New(rand.NewPCG(seed, pcgStream))
	ids := p.fixed
	if len(p.quotas) > 0 {
		var err error
		if ids, err = p.pickQuotas(rng); err != nil {
			return Paper{}, err
		}
	} else {
		ids = slices.Clone(ids)
	}
	if !p.keepOrder {
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	}
	paper := Paper{Items: make([]Item, len(ids))}
	for i, id := range ids {
		q := p.byID[id]
		order := make([]string, len(q.Options))
		for k, o := range q.Options {
			order[k] = o.ID
		}
		if !q.KeepOptionOrder {
			rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		}
		paper.Items[i] = Item{QuestionID: id, OptionOrder: order, Multiple: q.Multiple(), Points: q.Worth()}
	}
	return paper, nil
}

// pickQuotas fills the quotas in order, each from its candidates in random
// order (a Fisher–Yates shuffle stopped as soon as the quota is full). A
// candidate is skipped when already taken or when taking it would leave a
// later quota unable to fill up; checking that needs the flow only when a
// later quota accepts the same cell, which never happens for disjoint quotas.
func (p *Plan) pickQuotas(rng *rand.Rand) ([]string, error) {
	taken := make([]bool, len(p.pool))
	left := slices.Clone(p.cellSize)
	ids := make([]string, 0, len(p.pool))
	for i, qt := range p.quotas {
		need := qt.N
		cands := slices.Clone(p.cands[i])
		blocked := make([]bool, len(left))
		for k := 0; k < len(cands) && need > 0; k++ {
			j := k + rng.IntN(len(cands)-k)
			cands[k], cands[j] = cands[j], cands[k]
			pi := cands[k]
			c := p.cellOf[pi]
			if taken[pi] || blocked[c] {
				continue
			}
			// Once a cell would starve a later quota it stays so for this
			// quota: taking other questions first only lowers our own need.
			if p.laterUse[i][c] && !p.feasibleAfterTaking(i, need-1, c, left) {
				blocked[c] = true
				continue
			}
			taken[pi] = true
			left[c]--
			need--
			ids = append(ids, p.pool[pi].ID)
		}
		if need > 0 {
			return nil, contests.Internal(errQuotaUnfilled)
		}
	}
	return ids, nil
}

// feasibleAfterTaking reports whether quota i can still find need more
// questions and every later quota its N once one question of cell c is gone.
func (p *Plan) feasibleAfterTaking(i, need, c int, left []int) bool {
	supply := slices.Clone(left)
	supply[c]--
	demand := make([]int, len(p.quotas))
	demand[i] = need
	for j := i + 1; j < len(p.quotas); j++ {
		demand[j] = p.quotas[j].N
	}
	_, ok := supplyProblem{demand: demand, supply: supply, accepts: p.accepts}.solve()
	return ok
}

// Question returns a question of the plan (to render a paper).
func (p *Plan) Question(id string) (Question, bool) {
	q, ok := p.byID[id]
	return q, ok
}

// Key returns the answer key of every question in the plan's bank. It is
// built once by Prepare and shared: read it, never modify it.
func (p *Plan) Key() AnswerKey { return p.key }
