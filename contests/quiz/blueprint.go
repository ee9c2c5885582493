package quiz

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"hoithi/contests"
)

// MaxPaperQuestions bounds a paper; real papers have 5–40 questions.
const MaxPaperQuestions = 200

// Quota asks for N questions of a topic and a difficulty; an empty Topic or
// a zero Difficulty accepts any. Topics match without regard to case or
// spacing ("Lịch sử Đảng" = "lịch sử  đảng"), but accents count.
type Quota struct {
	Topic      string     `json:"topic,omitempty"`
	Difficulty Difficulty `json:"difficulty,omitempty"`
	N          int        `json:"n"`
}

func (q Quota) accepts(topic string, d Difficulty) bool {
	return (q.Topic == "" || topicKey(q.Topic) == topicKey(topic)) &&
		(q.Difficulty == DifficultyAny || q.Difficulty == d)
}

// describe names the quota in messages: «Lịch sử», khó, 5 câu.
func (q Quota) describe() contests.Msg {
	topic := contests.T("mọi chủ đề", "any topic")
	if q.Topic != "" {
		topic = contests.T("chủ đề «%s»", "topic «%s»", q.Topic)
	}
	d := q.Difficulty.label()
	return contests.Msg{
		VI: fmt.Sprintf("%s, %s, %d câu", topic.VI, d.VI, q.N),
		EN: fmt.Sprintf("%s, %s, %d questions", topic.EN, d.EN, q.N),
	}
}

func topicKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(contests.NFC(s)), " "))
}

// Blueprint says how a paper is made: either one fixed set of questions
// (the same for everyone, typical of weekly sets) or quotas drawn at random
// from the bank. Question order is shuffled per attempt unless KeepOrder;
// with quotas, KeepOrder keeps the quotas' order (order inside a quota is
// still random).
type Blueprint struct {
	Fixed     []string `json:"fixed,omitempty"`
	Quotas    []Quota  `json:"quotas,omitempty"`
	KeepOrder bool     `json:"keepOrder,omitempty"`
}

// Size returns how many questions a paper of b has.
func (b Blueprint) Size() int {
	if len(b.Fixed) > 0 {
		return len(b.Fixed)
	}
	n := 0
	for _, q := range b.Quotas {
		n += q.N
	}
	return n
}

// Validate checks b against a bank without keeping the compiled plan.
func (b Blueprint) Validate(bank []Question) error {
	_, err := Prepare(bank, b)
	return err
}

// Plan is a blueprint compiled against a bank: the drawable questions in a
// canonical order (by ID, so the order the store returned them in never
// changes a paper) and, per quota, its candidates. A Plan is read-only after
// Prepare and safe to share between goroutines: cache one per round.
type Plan struct {
	keepOrder bool
	byID      map[string]Question
	key       AnswerKey
	fixed     []string
	pool      []Question // non-retired questions some quota accepts, by ID
	cellOf    []int      // pool index → cell (topic × difficulty)
	cellSize  []int
	quotas    []Quota
	cands     [][]int  // quota → pool indices, by ID
	accepts   [][]bool // quota → cell → accepted
	// laterUse[i][c]: a quota after i accepts cell c, so taking from c while
	// filling quota i may starve it (see Draw).
	laterUse [][]bool
}

// Prepare validates b against bank and compiles it. Every error is
// CodeInvalid and names its field: "fixed[3]", "quotas[1]", "quotas[0].n",
// "bank[Q17].correct[0]" for a broken question that could be drawn.
func Prepare(bank []Question, b Blueprint) (*Plan, error) {
	var es contests.Errors
	p := &Plan{keepOrder: b.KeepOrder, byID: make(map[string]Question, len(bank)), key: make(AnswerKey, len(bank))}
	for _, q := range bank {
		if _, dup := p.byID[q.ID]; dup {
			es.Add("bank", contests.T("Mã câu hỏi %q bị trùng trong ngân hàng", "Question ID %q appears twice in the bank", q.ID))
		}
		p.byID[q.ID] = q
		p.key[q.ID] = slices.Clone(q.Correct)
	}
	switch {
	case len(b.Fixed) > 0 && len(b.Quotas) > 0:
		es.Add("blueprint", contests.T("Chọn một trong hai: bộ câu hỏi cố định hoặc rút theo cơ cấu", "Use either a fixed set or quotas, not both"))
	case len(b.Fixed) == 0 && len(b.Quotas) == 0:
		es.Add("blueprint", contests.T("Chưa có cơ cấu đề: cần bộ câu hỏi cố định hoặc số câu theo chủ đề/mức độ", "The blueprint is empty: give a fixed set or quotas"))
	case b.Size() > MaxPaperQuestions:
		es.Add("blueprint", contests.T("Đề thi tối đa %d câu (đang là %d)", "A paper has at most %d questions (this one %d)", MaxPaperQuestions, b.Size()))
	}
	if len(es) > 0 {
		return nil, es.Err()
	}
	if len(b.Fixed) > 0 {
		p.compileFixed(b.Fixed, &es)
	} else {
		p.compileQuotas(bank, b.Quotas, &es)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Plan) compileFixed(ids []string, es *contests.Errors) {
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		field := fmt.Sprintf("fixed[%d]", i)
		q, ok := p.byID[id]
		switch {
		case !ok:
			es.Add(field, contests.T("Không có câu hỏi %q trong ngân hàng", "Question %q is not in the bank", id))
		case q.Retired:
			es.Add(field, contests.T("Câu hỏi %q đã ngừng sử dụng", "Question %q is retired", id))
		case seen[id]:
			es.Add(field, contests.T("Câu hỏi %q bị lặp trong đề", "Question %q is repeated", id))
		default:
			addQuestionErrors(es, q)
		}
		seen[id] = true
	}
	p.fixed = slices.Clone(ids)
}

func (p *Plan) compileQuotas(bank []Question, quotas []Quota, es *contests.Errors) {
	for i, qt := range quotas {
		if qt.N < 1 {
			es.Add(fmt.Sprintf("quotas[%d].n", i), contests.T("Số câu phải lớn hơn 0", "N must be at least 1"))
		}
		if !qt.Difficulty.Valid() {
			es.Add(fmt.Sprintf("quotas[%d].difficulty", i), contests.T("Mức độ phải là 0 (bất kỳ), 1, 2 hoặc 3", "Difficulty must be 0 (any), 1, 2 or 3"))
		}
	}
	if len(*es) > 0 {
		return
	}
	p.quotas = slices.Clone(quotas)
	for _, q := range bank {
		if q.Retired || !slices.ContainsFunc(quotas, func(qt Quota) bool { return qt.accepts(q.Topic, q.Difficulty) }) {
			continue
		}
		addQuestionErrors(es, q)
		p.pool = append(p.pool, q)
	}
	slices.SortFunc(p.pool, func(a, b Question) int { return cmp.Compare(a.ID, b.ID) })

	type cellKey struct {
		topic string
		d     Difficulty
	}
	cellIdx := map[cellKey]int{}
	p.cellOf = make([]int, len(p.pool))
	for i, q := range p.pool {
		k := cellKey{topicKey(q.Topic), q.Difficulty}
		c, ok := cellIdx[k]
		if !ok {
			c = len(p.cellSize)
			cellIdx[k] = c
			p.cellSize = append(p.cellSize, 0)
		}
		p.cellOf[i] = c
		p.cellSize[c]++
	}
	p.cands = make([][]int, len(quotas))
	p.accepts = make([][]bool, len(quotas))
	p.laterUse = make([][]bool, len(quotas))
	for i, qt := range quotas {
		p.accepts[i] = make([]bool, len(p.cellSize))
		p.laterUse[i] = make([]bool, len(p.cellSize))
		for pi, q := range p.pool {
			if qt.accepts(q.Topic, q.Difficulty) {
				p.cands[i] = append(p.cands[i], pi)
				p.accepts[i][p.cellOf[pi]] = true
			}
		}
		if len(p.cands[i]) < qt.N {
			want := qt.describe()
			es.Add(fmt.Sprintf("quotas[%d]", i), contests.Msg{
				VI: fmt.Sprintf("Ngân hàng chỉ có %d câu hỏi đang dùng phù hợp với yêu cầu (%s)", len(p.cands[i]), want.VI),
				EN: fmt.Sprintf("The bank has only %d active questions for this quota (%s)", len(p.cands[i]), want.EN),
			})
		}
	}
	for i := range quotas {
		for j := i + 1; j < len(quotas); j++ {
			for c, yes := range p.accepts[j] {
				p.laterUse[i][c] = p.laterUse[i][c] || yes
			}
		}
	}
	if len(*es) > 0 {
		return
	}
	p.checkJointSupply(es)
}

// checkJointSupply reports quotas that each have enough questions alone but
// not together, naming every quota of the starving group.
func (p *Plan) checkJointSupply(es *contests.Errors) {
	demand := make([]int, len(p.quotas))
	for i, qt := range p.quotas {
		demand[i] = qt.N
	}
	g, ok := supplyProblem{demand: demand, supply: p.cellSize, accepts: p.accepts}.solve()
	if ok {
		return
	}
	group := g.starvedQuotas()
	need, names := 0, make([]string, len(group))
	have := 0
	shared := make([]bool, len(p.cellSize))
	for k, i := range group {
		need += p.quotas[i].N
		names[k] = fmt.Sprintf("#%d", i+1)
		for c, yes := range p.accepts[i] {
			shared[c] = shared[c] || yes
		}
	}
	for c, yes := range shared {
		if yes {
			have += p.cellSize[c]
		}
	}
	list := strings.Join(names, ", ")
	for _, i := range group {
		es.Add(fmt.Sprintf("quotas[%d]", i), contests.T(
			"Các yêu cầu %s cùng cần %d câu khác nhau nhưng ngân hàng chỉ có %d câu phù hợp",
			"Quotas %s together need %d distinct questions but the bank has only %d that fit", list, need, have))
	}
}

// addQuestionErrors copies a drawable question's own errors, prefixed with
// its place in the bank, so a broken import is found before anyone draws it.
func addQuestionErrors(es *contests.Errors, q Question) {
	var e *contests.Error
	if err := q.Validate(); errors.As(err, &e) {
		for _, f := range e.Fields {
			es.Add(fmt.Sprintf("bank[%s].%s", q.ID, f.Field), f.Msg)
		}
	}
}
