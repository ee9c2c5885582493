package sqlite

import (
	"errors"
	"sync"

	"github.com/valyala/fastjson"

	"hoithi/contests/quiz"
)

// Reading every record of a round (computing its results, its statistics)
// is mostly decoding their JSON: a record is ~2.5 KB, half of it the paper
// and the answers, and encoding/json spends ~80 µs and ~170 allocations on
// one, most of them the same short strings (question and option IDs) again
// and again. participationDecoder reads a record with fastjson (one parse
// tree reused from record to record) into the same quiz.Participation,
// sharing the short strings that repeat between records (strings are
// immutable: sharing one cannot be seen).
//
// It only takes the record as encodeJSON writes it: every key spelled as
// its tag, once, each value of its type. Anything else (a key in another
// case, a duplicate, a type it does not expect, text that is not UTF-8) is
// left to encoding/json, which then decides exactly as before: the result
// is always what encoding/json would have made (participation_decode_test.go
// compares the two, and the fuzz test keeps comparing them).

// errNotPlain makes the decoder hand a record over to encoding/json.
var errNotPlain = errors.New("sqlite: record not in the plain form")

// internMax bounds the strings shared: question and option IDs and unit
// paths (a few unit IDs deep) are short and few; people's IDs are neither
// and are not kept.
const (
	internMaxLen   = 128
	internMaxCount = 8192
)

type participationDecoder struct {
	parser fastjson.Parser
	shared map[string]string
	chunk  []string // see strings; a new one for each record
}

var participationDecoders = sync.Pool{New: func() any {
	return &participationDecoder{shared: make(map[string]string, 512)}
}}

// decodeParticipation reads a stored record (see above), its instants cut
// to what the store keeps.
func decodeParticipation(data []byte) (*quiz.Participation, error) {
	d := participationDecoders.Get().(*participationDecoder)
	defer participationDecoders.Put(d)
	var p quiz.Participation
	if err := d.decode(data, &p); err != nil {
		p = quiz.Participation{}
		if err := decodeJSON(data, &p); err != nil {
			return nil, err
		}
	}
	normalizeTimes(&p)
	return &p, nil
}

func (d *participationDecoder) decode(data []byte, p *quiz.Participation) error {
	d.chunk = nil // the lists of one record never share memory with another's
	v, err := d.parser.ParseBytes(data)
	if err != nil {
		return err
	}
	return d.participation(v, p)
}

func (d *participationDecoder) participation(v *fastjson.Value, p *quiz.Participation) error {
	var seen fields
	return object(v, func(key []byte, v *fastjson.Value) bool {
		switch string(key) { // compares the bytes: no allocation
		case "roundId":
			return seen.see(0) && d.str(v, &p.RoundID, true)
		case "userId":
			return seen.see(1) && d.str(v, &p.UserID, false)
		case "contestId":
			return seen.see(2) && d.str(v, &p.ContestID, true)
		case "unitPath":
			return seen.see(3) && d.str(v, &p.UnitPath, true)
		case "attempts":
			return seen.see(4) && each(v, &p.Attempts, d.attempt)
		case "version":
			return seen.see(5) && int64Of(v, &p.Version)
		case "counted":
			if !seen.see(6) {
				return false
			}
			if v.Type() == fastjson.TypeNull {
				return true
			}
			p.Counted = &quiz.AttemptSummary{}
			return d.summary(v, p.Counted) == nil
		case "openDeadline":
			return seen.see(7) && timeOf(v, &p.OpenDeadline)
		case "updatedAt":
			return seen.see(8) && timeOf(v, &p.UpdatedAt)
		case "extraAttempts":
			return seen.see(9) && intOf(v, &p.ExtraAttempts)
		}
		return false
	})
}

func (d *participationDecoder) attempt(v *fastjson.Value, a *quiz.Attempt) error {
	var seen fields
	return object(v, func(key []byte, v *fastjson.Value) bool {
		switch string(key) { // compares the bytes: no allocation
		case "no":
			return seen.see(0) && intOf(v, &a.No)
		case "id":
			return seen.see(1) && d.str(v, &a.ID, false)
		case "startedAt":
			return seen.see(2) && timeOf(v, &a.StartedAt)
		case "deadline":
			return seen.see(3) && timeOf(v, &a.Deadline)
		case "status":
			var s string
			ok := seen.see(4) && d.str(v, &s, true)
			a.Status = quiz.AttemptStatus(s)
			return ok
		case "paper":
			return seen.see(5) && d.paper(v, &a.Paper) == nil
		case "answers":
			return seen.see(6) && d.answers(v, &a.Answers) == nil
		case "prediction":
			return seen.see(7) && optInt64(v, &a.Prediction)
		case "predictionSeq":
			return seen.see(8) && int64Of(v, &a.PredictionSeq)
		case "submittedAt":
			return seen.see(9) && timeOf(v, &a.SubmittedAt)
		case "correct":
			return seen.see(10) && intOf(v, &a.Correct)
		case "total":
			return seen.see(11) && intOf(v, &a.Total)
		case "score":
			return seen.see(12) && intOf(v, &a.Score)
		case "durationMs":
			return seen.see(13) && int64Of(v, &a.DurationMs)
		case "client":
			return seen.see(14) && d.str(v, &a.Client, true)
		case "outageMs":
			return seen.see(15) && int64Of(v, &a.OutageMs)
		case "outageKey":
			return seen.see(16) && int64Of(v, &a.OutageKey)
		case "extraMs":
			return seen.see(17) && int64Of(v, &a.ExtraMs)
		}
		return false
	})
}

func (d *participationDecoder) paper(v *fastjson.Value, p *quiz.Paper) error {
	var seen fields
	return object(v, func(key []byte, v *fastjson.Value) bool {
		return string(key) == "items" && seen.see(0) && each(v, &p.Items, d.item)
	})
}

func (d *participationDecoder) item(v *fastjson.Value, it *quiz.Item) error {
	var seen fields
	return object(v, func(key []byte, v *fastjson.Value) bool {
		switch string(key) { // compares the bytes: no allocation
		case "questionId":
			return seen.see(0) && d.str(v, &it.QuestionID, true)
		case "optionOrder":
			return seen.see(1) && d.strs(v, &it.OptionOrder)
		case "multiple":
			return seen.see(2) && boolOf(v, &it.Multiple)
		case "points":
			return seen.see(3) && intOf(v, &it.Points)
		}
		return false
	})
}

func (d *participationDecoder) answers(v *fastjson.Value, out *map[string]quiz.Answer) error {
	if v.Type() == fastjson.TypeNull {
		return nil
	}
	o, err := v.Object()
	if err != nil {
		return errNotPlain
	}
	m := make(map[string]quiz.Answer, o.Len())
	ok := true
	o.Visit(func(key []byte, v *fastjson.Value) {
		if !ok {
			return
		}
		q, fine := d.text(key, true)
		if _, dup := m[q]; dup || !fine {
			ok = false
			return
		}
		var a quiz.Answer
		var seen fields
		ok = object(v, func(key []byte, v *fastjson.Value) bool {
			switch string(key) {
			case "o":
				return seen.see(0) && d.strs(v, &a.Options)
			case "s":
				return seen.see(1) && int64Of(v, &a.Seq)
			}
			return false
		}) == nil
		m[q] = a
	})
	if !ok {
		return errNotPlain
	}
	*out = m
	return nil
}

func (d *participationDecoder) summary(v *fastjson.Value, s *quiz.AttemptSummary) error {
	var seen fields
	return object(v, func(key []byte, v *fastjson.Value) bool {
		switch string(key) { // compares the bytes: no allocation
		case "attemptNo":
			return seen.see(0) && intOf(v, &s.AttemptNo)
		case "correct":
			return seen.see(1) && intOf(v, &s.Correct)
		case "total":
			return seen.see(2) && intOf(v, &s.Total)
		case "score":
			return seen.see(3) && intOf(v, &s.Score)
		case "durationMs":
			return seen.see(4) && int64Of(v, &s.DurationMs)
		case "startedAt":
			return seen.see(5) && timeOf(v, &s.StartedAt)
		case "submittedAt":
			return seen.see(6) && timeOf(v, &s.SubmittedAt)
		case "prediction":
			return seen.see(7) && optInt64(v, &s.Prediction)
		}
		return false
	})
}
