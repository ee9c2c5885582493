package quiz

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Item analysis tells question setters which questions work: how often each
// was drawn, how many got it right (facility), whether the strong candidates
// got it right more often than the weak ones (discrimination), which options
// were chosen, and flags for a question to look at again — above all a key
// that is probably wrong, which costs people their prizes.

// ItemFlag marks a question worth a second look.
type ItemFlag string

const (
	// FlagNegativeDiscrimination: the weakest candidates got it right more
	// often than the strongest.
	FlagNegativeDiscrimination ItemFlag = "negative_discrimination"
	// FlagSuspiciousKey: the strongest candidates chose another option more
	// often than the key: the key is probably wrong.
	FlagSuspiciousKey ItemFlag = "suspicious_key"
	FlagVeryEasy      ItemFlag = "very_easy" // facility above 95%
	FlagVeryHard      ItemFlag = "very_hard" // facility below 10%
)

// Thresholds of the analysis. 27% groups are the classical choice (Kelley):
// the largest groups whose difference still reflects ability.
const (
	groupPercent = 27
	veryEasyPct  = 95
	veryHardPct  = 10
)

// OptionCount is how often one option was ticked: on every final attempt
// that drew the question, and in the top group.
type OptionCount struct {
	ID     string `json:"id"`
	Key    bool   `json:"key"`
	Chosen int    `json:"chosen"`
	Top    int    `json:"top"`
}

// ItemStat is the analysis of one question over a round's final attempts.
type ItemStat struct {
	QuestionID string `json:"questionId"`
	// Drawn: final attempts whose paper had the question.
	Drawn int `json:"drawn"`
	// Answered: of those, attempts that ticked at least one option.
	Answered int `json:"answered"`
	Correct  int `json:"correct"`
	// FacilityPct is Correct / Drawn × 100 (two decimals): an unanswered
	// question counts as wrong.
	FacilityPct float64 `json:"facilityPct"`
	// Discrimination is the facility (as a fraction) in the top 27% of
	// final attempts ranked by score minus that in the bottom 27% (two
	// decimals, −1…1); nil when either group never drew the question.
	Discrimination *float64      `json:"discrimination"`
	TopDrawn       int           `json:"topDrawn"`
	BottomDrawn    int           `json:"bottomDrawn"`
	Options        []OptionCount `json:"options"`
	Flags          []ItemFlag    `json:"flags"`
}

// Items analyses records in memory; see ItemAccumulator.
func Items(records []*Participation, key AnswerKey) []ItemStat {
	acc := NewItemAccumulator(key)
	for _, p := range records {
		acc.Add(p)
	}
	return acc.Result()
}

// ItemAccumulator analyses final attempts streamed one record at a time.
// The groups are only known once every attempt is ranked, so it keeps, per
// final attempt, its score, its ID and one packed word per question (about
// 100 bytes for a 20-question paper: 50 MB for half a million attempts, a
// national week's worth), not the records.
//
// Every attempt is marked again with key, so a key fixed after the round
// shows in the analysis as it does in the results. Questions missing from
// key are left out.
type ItemAccumulator struct {
	key       AnswerKey
	index     map[string]int // question ID → position in questions
	questions []*itemTally
	attempts  []markedAttempt
	marks     []uint32 // per attempt, its items: see mark
}

// itemTally is one question's options, in the order first seen.
type itemTally struct {
	id      string
	options []string
	key     uint32 // bit mask of the key's options
}

type markedAttempt struct {
	id         string
	score      int
	from, upto int // its marks: marks[from:upto]
}

// A mark packs one item of one attempt: the options ticked (bits 0–7, by
// position in itemTally.options), whether it was right (bit 8) and the
// question (bits 9 and up).
const (
	markOptions = 1<<MaxOptions - 1
	markRight   = 1 << MaxOptions
	markShift   = MaxOptions + 1
)

// NewItemAccumulator returns an empty analysis marked against key.
func NewItemAccumulator(key AnswerKey) *ItemAccumulator {
	return &ItemAccumulator{key: key, index: map[string]int{}}
}

// Add counts the record's final attempts.
func (a *ItemAccumulator) Add(p *Participation) {
	for i := range p.Attempts {
		at := &p.Attempts[i]
		if !at.Final() {
			continue
		}
		m := markedAttempt{id: at.ID, from: len(a.marks)}
		if m.id == "" { // identity for ordering ties: any stable value does
			m.id = p.UserID + "#" + strconv.Itoa(at.No)
		}
		for _, it := range at.Paper.Items {
			correct, ok := a.key[it.QuestionID]
			if !ok || len(correct) == 0 {
				continue
			}
			qi, q := a.question(it.QuestionID, it.OptionOrder, correct)
			word := uint32(qi)<<markShift | q.mask(at.Answers[it.QuestionID].Options)
			if sameSet(at.Answers[it.QuestionID].Options, correct) {
				word |= markRight
				m.score += max(it.Points, 1)
			}
			a.marks = append(a.marks, word)
		}
		m.upto = len(a.marks)
		a.attempts = append(a.attempts, m)
	}
}

// question returns the tally of id, learning options it has not seen yet
// (a bank edit may add one between two attempts).
func (a *ItemAccumulator) question(id string, options, correct []string) (int, *itemTally) {
	i, ok := a.index[id]
	if !ok {
		i = len(a.questions)
		a.index[id] = i
		a.questions = append(a.questions, &itemTally{id: id})
	}
	q := a.questions[i]
	q.learn(options)
	q.learn(correct)
	q.key = q.mask(correct)
	return i, q
}

func (q *itemTally) learn(options []string) {
	for _, o := range options {
		if !slices.Contains(q.options, o) && len(q.options) < MaxOptions {
			q.options = append(q.options, o)
		}
	}
}

func (q *itemTally) mask(options []string) uint32 {
	var m uint32
	for _, o := range options {
		if i := slices.Index(q.options, o); i >= 0 {
			m |= 1 << i
		}
	}
	return m
}

// Attempts returns how many final attempts were counted.
func (a *ItemAccumulator) Attempts() int { return len(a.attempts) }

// Result ranks the attempts and returns one ItemStat per question drawn,
// ordered by question ID.
func (a *ItemAccumulator) Result() []ItemStat {
	// One total order, best first: score, then the attempt's ID, so equal
	// scores at a group's edge are split the same way every time.
	order := slices.Clone(a.attempts)
	slices.SortFunc(order, func(x, y markedAttempt) int {
		return cmp.Or(cmp.Compare(y.score, x.score), strings.Compare(x.id, y.id))
	})
	group := (len(order)*groupPercent + 50) / 100
	type tally struct {
		drawn, answered, correct int
		topDrawn, topRight       int
		bottomDrawn, bottomRight int
		chosen, top              [MaxOptions]int
	}
	tallies := make([]tally, len(a.questions))
	for rank, m := range order {
		inTop, inBottom := rank < group, rank >= len(order)-group
		for _, word := range a.marks[m.from:m.upto] {
			t := &tallies[word>>markShift]
			right := word&markRight != 0
			t.drawn++
			if word&markOptions != 0 {
				t.answered++
			}
			if right {
				t.correct++
			}
			for o := range MaxOptions {
				if word&(1<<o) != 0 {
					t.chosen[o]++
					if inTop {
						t.top[o]++
					}
				}
			}
			if inTop {
				t.topDrawn++
				t.topRight += b2i(right)
			}
			if inBottom {
				t.bottomDrawn++
				t.bottomRight += b2i(right)
			}
		}
	}
	out := make([]ItemStat, 0, len(a.questions))
	for i, q := range a.questions {
		t := tallies[i]
		s := ItemStat{QuestionID: q.id, Drawn: t.drawn, Answered: t.answered, Correct: t.correct,
			TopDrawn: t.topDrawn, BottomDrawn: t.bottomDrawn, Flags: []ItemFlag{}}
		if t.drawn > 0 {
			s.FacilityPct = round2(float64(t.correct) * 100 / float64(t.drawn))
		}
		var disc float64
		if t.topDrawn > 0 && t.bottomDrawn > 0 {
			disc = float64(t.topRight)/float64(t.topDrawn) - float64(t.bottomRight)/float64(t.bottomDrawn)
			d := round2(disc)
			s.Discrimination = &d
		}
		minKeyTop, bestOtherTop := -1, -1
		for o, id := range q.options {
			isKey := q.key&(1<<o) != 0
			s.Options = append(s.Options, OptionCount{ID: id, Key: isKey, Chosen: t.chosen[o], Top: t.top[o]})
			if isKey && (minKeyTop < 0 || t.top[o] < minKeyTop) {
				minKeyTop = t.top[o]
			}
			if !isKey && t.top[o] > bestOtherTop {
				bestOtherTop = t.top[o]
			}
		}
		slices.SortFunc(s.Options, func(x, y OptionCount) int { return strings.Compare(x.ID, y.ID) })
		if s.Discrimination != nil && disc < 0 {
			s.Flags = append(s.Flags, FlagNegativeDiscrimination)
		}
		// Multi-answer: an option the strong group ticks more than the
		// least-ticked key option is as telling as for a single answer.
		if t.topDrawn > 0 && minKeyTop >= 0 && bestOtherTop > minKeyTop {
			s.Flags = append(s.Flags, FlagSuspiciousKey)
		}
		if t.drawn > 0 && float64(t.correct)*100 > veryEasyPct*float64(t.drawn) {
			s.Flags = append(s.Flags, FlagVeryEasy)
		}
		if t.drawn > 0 && float64(t.correct)*100 < veryHardPct*float64(t.drawn) {
			s.Flags = append(s.Flags, FlagVeryHard)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(x, y ItemStat) int { return strings.Compare(x.QuestionID, y.QuestionID) })
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
