package sqlite

import (
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"hoithi/contests/quiz"
)

// Every write of a participation record encodes all of it (6 KB for a
// regular player's three attempts), and through reflection encoding/json
// spent more on it than SQLite spent writing it: walking every paper and
// sorting every answer map anew on each answer save. encodeParticipation
// writes the same bytes by hand, field by field in declaration order with
// the same omitempty rules, so the stored JSON and every reader of it are
// unchanged. quizSchemaMatches (participation_schema.go) sends every record
// through json.Marshal instead should the quiz types ever differ from what
// this file writes; TestEncoderWritesWhatJSONWrites compares the bytes.

var encodeBuffers = sync.Pool{New: func() any { return new([]byte) }}

// encodeParticipation returns p as JSON, byte for byte what json.Marshal
// returns. lossy reports a string that is not UTF-8, which JSON stores
// with U+FFFD in place of the bad bytes: reading the record back then
// gives a different string than p holds.
func encodeParticipation(p *quiz.Participation) (data string, lossy bool, err error) {
	return encodeParticipationReusing(p, nil, false)
}

// encodeParticipationReusing is encodeParticipation copying the final
// attempts that ru finds unchanged in the cached record
// (participation_reuse.go; ru may be nil), and with pad, followed by the
// spaces that round its length up (participation_pad.go).
func encodeParticipationReusing(p *quiz.Participation, ru *attemptReuse, pad bool) (data string, lossy bool, err error) {
	if !quizSchemaMatches {
		data, err = encodeJSON(p)
		return data, true, err // lossy for all this package can tell
	}
	buf := encodeBuffers.Get().(*[]byte)
	defer encodeBuffers.Put(buf)
	var st encodeStatus
	b := appendParticipation((*buf)[:0], p, &st, ru)
	if pad {
		b = appendPadding(b)
	}
	*buf = b
	if st.badTime {
		// An instant JSON cannot hold (a year past 9999): json.Marshal
		// refuses it too, and words the error.
		data, err = encodeJSON(p)
		return data, true, err
	}
	return string(b), st.lossy, nil
}

// encodeStatus collects what the append functions find on the way. The
// JSON itself travels in the []byte they take and return: a local slice,
// which the compiler keeps free of the write barriers a field would cost.
type encodeStatus struct {
	badTime bool // an instant outside the years 0-9999
	lossy   bool // a string that is not UTF-8
}

func appendParticipation(b []byte, p *quiz.Participation, st *encodeStatus, ru *attemptReuse) []byte {
	b = appendString(append(b, `{"roundId":`...), p.RoundID, st)
	b = appendString(append(b, `,"userId":`...), p.UserID, st)
	b = appendString(append(b, `,"contestId":`...), p.ContestID, st)
	b = appendString(append(b, `,"unitPath":`...), p.UnitPath, st)
	b = append(b, `,"attempts":`...)
	if p.Attempts == nil {
		b = append(b, `null`...)
	} else {
		b = append(b, '[')
		for i := range p.Attempts {
			if i > 0 {
				b = append(b, ',')
			}
			start := len(b)
			if js, ok := ru.cachedJSON(i, &p.Attempts[i]); ok {
				b = append(b, js...)
			} else {
				b = appendAttempt(b, &p.Attempts[i], st)
			}
			ru.wrote(i, start, len(b))
		}
		b = append(b, ']')
	}
	b = strconv.AppendInt(append(b, `,"version":`...), p.Version, 10)
	if p.Counted != nil {
		b = appendSummary(append(b, `,"counted":`...), p.Counted, st)
	}
	b = appendTime(append(b, `,"openDeadline":`...), p.OpenDeadline, st)
	b = appendTime(append(b, `,"updatedAt":`...), p.UpdatedAt, st)
	if p.ExtraAttempts != 0 {
		b = strconv.AppendInt(append(b, `,"extraAttempts":`...), int64(p.ExtraAttempts), 10)
	}
	return append(b, '}')
}

func appendAttempt(b []byte, a *quiz.Attempt, st *encodeStatus) []byte {
	b = strconv.AppendInt(append(b, `{"no":`...), int64(a.No), 10)
	b = appendString(append(b, `,"id":`...), a.ID, st)
	b = appendTime(append(b, `,"startedAt":`...), a.StartedAt, st)
	b = appendTime(append(b, `,"deadline":`...), a.Deadline, st)
	b = appendString(append(b, `,"status":`...), string(a.Status), st)
	b = append(b, `,"paper":{"items":`...)
	if a.Paper.Items == nil {
		b = append(b, `null`...)
	} else {
		b = append(b, '[')
		for i := range a.Paper.Items {
			it := &a.Paper.Items[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(append(b, `{"questionId":`...), it.QuestionID, st)
			b = appendStrings(append(b, `,"optionOrder":`...), it.OptionOrder, st)
			if it.Multiple {
				b = append(b, `,"multiple":true`...)
			}
			b = strconv.AppendInt(append(b, `,"points":`...), int64(it.Points), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	if len(a.Answers) > 0 {
		b = appendAnswers(append(b, `,"answers":`...), a.Answers, st)
	}
	if a.Prediction != nil {
		b = strconv.AppendInt(append(b, `,"prediction":`...), *a.Prediction, 10)
	}
	if a.PredictionSeq != 0 {
		b = strconv.AppendInt(append(b, `,"predictionSeq":`...), a.PredictionSeq, 10)
	}
	b = appendTime(append(b, `,"submittedAt":`...), a.SubmittedAt, st)
	b = strconv.AppendInt(append(b, `,"correct":`...), int64(a.Correct), 10)
	b = strconv.AppendInt(append(b, `,"total":`...), int64(a.Total), 10)
	b = strconv.AppendInt(append(b, `,"score":`...), int64(a.Score), 10)
	b = strconv.AppendInt(append(b, `,"durationMs":`...), a.DurationMs, 10)
	if a.Client != "" {
		b = appendString(append(b, `,"client":`...), a.Client, st)
	}
	if a.OutageMs != 0 {
		b = strconv.AppendInt(append(b, `,"outageMs":`...), a.OutageMs, 10)
	}
	if a.OutageKey != 0 {
		b = strconv.AppendInt(append(b, `,"outageKey":`...), a.OutageKey, 10)
	}
	if a.ExtraMs != 0 {
		b = strconv.AppendInt(append(b, `,"extraMs":`...), a.ExtraMs, 10)
	}
	return append(b, '}')
}

// appendAnswers writes the map with its keys sorted, as encoding/json does.
func appendAnswers(b []byte, m map[string]quiz.Answer, st *encodeStatus) []byte {
	var stack [64]string
	keys := stack[:0]
	for q := range m {
		keys = append(keys, q)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, q := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		ans := m[q]
		b = appendString(b, q, st)
		b = appendStrings(append(b, `:{"o":`...), ans.Options, st)
		b = strconv.AppendInt(append(b, `,"s":`...), ans.Seq, 10)
		b = append(b, '}')
	}
	return append(b, '}')
}

func appendSummary(b []byte, s *quiz.AttemptSummary, st *encodeStatus) []byte {
	b = strconv.AppendInt(append(b, `{"attemptNo":`...), int64(s.AttemptNo), 10)
	b = strconv.AppendInt(append(b, `,"correct":`...), int64(s.Correct), 10)
	b = strconv.AppendInt(append(b, `,"total":`...), int64(s.Total), 10)
	b = strconv.AppendInt(append(b, `,"score":`...), int64(s.Score), 10)
	b = strconv.AppendInt(append(b, `,"durationMs":`...), s.DurationMs, 10)
	b = appendTime(append(b, `,"startedAt":`...), s.StartedAt, st)
	b = appendTime(append(b, `,"submittedAt":`...), s.SubmittedAt, st)
	if s.Prediction != nil {
		b = strconv.AppendInt(append(b, `,"prediction":`...), *s.Prediction, 10)
	}
	return append(b, '}')
}

// appendString writes s quoted. IDs, paths and statuses are plain ASCII
// and are copied as they are; a string json would escape (quotes, control
// and HTML characters, non-ASCII) goes through json itself, so the
// escaping rules stay json's.
func appendString(b []byte, s string, st *encodeStatus) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			st.lossy = st.lossy || !utf8.ValidString(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendStrings(b []byte, ss []string, st *encodeStatus) []byte {
	if ss == nil {
		return append(b, `null`...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s, st)
	}
	return append(b, ']')
}

// appendTime writes t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds, refusing years outside 0-9999).
func appendTime(b []byte, t time.Time, st *encodeStatus) []byte {
	out, err := t.AppendText(append(b, '"'))
	if err != nil {
		st.badTime = true
		return b
	}
	return append(out, '"')
}
