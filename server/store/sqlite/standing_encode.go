package sqlite

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"hoithi/contests/quiz"
)

// A national round's table is half a million standing lines written at
// once; encoding/json spends most of its time there on reflection and on
// checking every string. appendStanding writes the same bytes as
// json.Marshal (standing_encode_test.go compares them) directly: strings
// that need escaping, and instants json.Marshal would refuse, are left to
// encoding/json.

// encodeStanding is encodeJSON for a standing line.
func encodeStanding(s *quiz.Standing) (string, error) {
	for _, t := range []time.Time{s.StartedAt, s.SubmittedAt} {
		if t.Year() < 0 || t.Year() > 9999 {
			return encodeJSON(s)
		}
	}
	return string(appendStanding(make([]byte, 0, 512), s)), nil
}

func appendStanding(b []byte, s *quiz.Standing) []byte {
	b = appendKey(b, `{"roundId":`)
	b = appendJSONString(b, s.RoundID)
	b = appendInt(appendKey(b, `,"rank":`), int64(s.Rank))
	b = appendJSONString(appendKey(b, `,"userId":`), s.UserID)
	b = appendJSONString(appendKey(b, `,"fullName":`), s.FullName)
	b = appendJSONString(appendKey(b, `,"unitPath":`), s.UnitPath)
	b = appendInt(appendKey(b, `,"attemptNo":`), int64(s.AttemptNo))
	b = appendInt(appendKey(b, `,"attempts":`), int64(s.Attempts))
	b = appendInt(appendKey(b, `,"score":`), int64(s.Score))
	b = appendInt(appendKey(b, `,"correct":`), int64(s.Correct))
	b = appendInt(appendKey(b, `,"total":`), int64(s.Total))
	b = appendInt(appendKey(b, `,"durationMs":`), s.DurationMs)
	b = appendInstant(appendKey(b, `,"startedAt":`), s.StartedAt)
	b = appendInstant(appendKey(b, `,"submittedAt":`), s.SubmittedAt)
	if s.Prediction != nil {
		b = appendInt(appendKey(b, `,"prediction":`), *s.Prediction)
	}
	if s.PredictionError != nil {
		b = appendInt(appendKey(b, `,"predictionError":`), *s.PredictionError)
	}
	if s.Prize != "" {
		b = appendJSONString(appendKey(b, `,"prize":`), s.Prize)
	}
	if s.PrizeName != "" {
		b = appendJSONString(appendKey(b, `,"prizeName":`), s.PrizeName)
	}
	if s.PredictionDecided {
		b = appendKey(b, `,"predictionDecided":true`)
	}
	if len(s.Flags) > 0 {
		b = appendKey(b, `,"flags":[`)
		for i := range s.Flags {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFlag(b, &s.Flags[i])
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendFlag(b []byte, f *quiz.Flag) []byte {
	b = appendJSONString(appendKey(b, `{"kind":`), string(f.Kind))
	if f.AttemptNo != 0 {
		b = appendInt(appendKey(b, `,"attemptNo":`), int64(f.AttemptNo))
	}
	b = appendJSONString(appendKey(b, `,"reason":{"vi":`), f.Reason.VI)
	b = appendJSONString(appendKey(b, `,"en":`), f.Reason.EN)
	b = append(b, '}')
	if len(f.Others) > 0 {
		b = appendKey(b, `,"others":[`)
		for i, o := range f.Others {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, o)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendKey(b []byte, key string) []byte { return append(b, key...) }

func appendInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }

// appendTime writes t as time.Time's MarshalJSON does (years 0–9999).
func appendInstant(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendJSONString writes s quoted; a string encoding/json would escape
// anything in (control and HTML characters, quotes, backslashes, U+2028,
// U+2029, bytes that are not UTF-8) is written by encoding/json.
func appendJSONString(b []byte, s string) []byte {
	if !plainJSON(s) {
		q, _ := json.Marshal(s) // a string: cannot fail
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func plainJSON(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}
