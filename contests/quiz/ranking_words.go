package quiz

import (
	"strings"

	"hoithi/contests"
)

// label names a ranking key in plain words, as a citizen reads it above
// the published standings.
func (k RankKey) label() contests.Msg {
	switch k {
	case KeyScoreDesc:
		return contests.T("điểm", "score")
	case KeyCorrectDesc:
		return contests.T("số câu đúng", "correct answers")
	case KeyPredictionErrorAsc:
		return contests.T("sai số dự đoán", "prediction error")
	case KeyDurationAsc:
		return contests.T("thời gian làm bài", "time used")
	case KeySubmittedAsc:
		return contests.T("thời điểm nộp bài", "submission time")
	case KeyStartedAsc:
		return contests.T("thời điểm bắt đầu", "start time")
	case KeyPerfectAttemptsDesc:
		return contests.T("số lượt đúng tất cả", "fully correct attempts")
	}
	return contests.Msg{VI: string(k), EN: string(k)}
}

// Describe says the rule in one sentence: "Xếp hạng theo: điểm, rồi sai số
// dự đoán, rồi thời gian làm bài".
func (r RankRule) Describe() contests.Msg {
	vi, en := make([]string, len(r.Keys)), make([]string, len(r.Keys))
	for i, k := range r.Keys {
		l := k.label()
		vi[i], en[i] = l.VI, l.EN
	}
	m := contests.Msg{VI: "Xếp hạng theo: " + strings.Join(vi, ", rồi "), EN: "Ranked by: " + strings.Join(en, ", then ")}
	if r.AllCorrectOnly {
		m = contests.Msg{VI: "Chỉ xếp hạng người trả lời đúng tất cả. " + m.VI, EN: "Only fully correct entries are ranked. " + m.EN}
	}
	return m
}

// NameDisplay says how published standings show people's names.
type NameDisplay string

const (
	// NamesDefault: full names to people logged in, shortened to
	// anonymous visitors.
	NamesDefault NameDisplay = ""
	NamesFull    NameDisplay = "full"
	NamesShort   NameDisplay = "short"
)

// Valid reports whether d is one of the known values.
func (d NameDisplay) Valid() bool { return d == NamesDefault || d == NamesFull || d == NamesShort }

// Show returns fullName as the standings show it to a visitor (loggedIn or
// not).
func (d NameDisplay) Show(fullName string, loggedIn bool) string {
	if d == NamesFull || (d == NamesDefault && loggedIn) {
		return fullName
	}
	return ShortName(fullName)
}

// ShortName keeps the family name and shortens the others to initials:
// "Nguyễn Văn An" → "Nguyễn V. A.". One word stays as it is.
func ShortName(fullName string) string {
	parts := strings.Fields(contests.NFC(fullName))
	if len(parts) < 2 {
		return strings.Join(parts, " ")
	}
	var b strings.Builder
	b.WriteString(parts[0])
	for _, p := range parts[1:] {
		r := []rune(p)
		b.WriteByte(' ')
		b.WriteString(strings.ToUpper(string(r[0])))
		b.WriteByte('.')
	}
	return b.String()
}
