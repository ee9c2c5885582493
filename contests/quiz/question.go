package quiz

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"hoithi/contests"
)

// Limits of a question. Two to eight options is what real banks use
// (docs/domain.md §2: 3 or 4 usual, 2–8 seen).
const (
	MinOptions        = 2
	MaxOptions        = 8
	MaxQuestionPoints = 100
)

// Difficulty of a question: 1 easy, 2 medium, 3 hard; 0 means "not set" on a
// question and "any" in a quota.
type Difficulty int

const (
	DifficultyAny    Difficulty = 0
	DifficultyEasy   Difficulty = 1
	DifficultyMedium Difficulty = 2
	DifficultyHard   Difficulty = 3
)

// Valid reports whether d is 0..3.
func (d Difficulty) Valid() bool { return d >= DifficultyAny && d <= DifficultyHard }

// String returns "easy", "medium", "hard" or "" for 0.
func (d Difficulty) String() string {
	switch d {
	case DifficultyEasy:
		return "easy"
	case DifficultyMedium:
		return "medium"
	case DifficultyHard:
		return "hard"
	case DifficultyAny:
		return ""
	}
	return strconv.Itoa(int(d))
}

// label is the difficulty in words for error messages.
func (d Difficulty) label() contests.Msg {
	switch d {
	case DifficultyEasy:
		return contests.T("dễ", "easy")
	case DifficultyMedium:
		return contests.T("trung bình", "medium")
	case DifficultyHard:
		return contests.T("khó", "hard")
	}
	return contests.T("mọi mức độ", "any difficulty")
}

// ParseDifficulty reads a difficulty as typed in a spreadsheet or a form:
// "1".."3", "easy/medium/hard" or the Vietnamese "dễ/trung bình/khó" (with or
// without accents); "" is 0 (not set).
func ParseDifficulty(s string) (Difficulty, bool) {
	switch contests.Fold(s) {
	case "", "0", "any":
		return DifficultyAny, true
	case "1", "easy", "de":
		return DifficultyEasy, true
	case "2", "medium", "trung binh", "tb":
		return DifficultyMedium, true
	case "3", "hard", "kho":
		return DifficultyHard, true
	}
	return 0, false
}

// UnmarshalJSON accepts a number (0..3) or a name (see ParseDifficulty), so
// hand-written JSON and forms may use either; it marshals as a number.
func (d *Difficulty) UnmarshalJSON(b []byte) error {
	var n int
	if err := json.Unmarshal(b, &n); err == nil {
		*d = Difficulty(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("quiz: difficulty must be a number or a name: %w", err)
	}
	v, ok := ParseDifficulty(s)
	if !ok {
		return fmt.Errorf("quiz: unknown difficulty %q", s)
	}
	*d = v
	return nil
}

// Option is one choice of a question. ID is what answers refer to ("A",
// "B", …); the screen labels options by their shuffled position instead.
type Option struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Question is one item of a bank. Correct holds option IDs: one for a
// single-answer question, several for a multi-answer one (chosen set must
// equal it exactly).
type Question struct {
	ID          string     `json:"id"`
	Topic       string     `json:"topic,omitempty"`
	Difficulty  Difficulty `json:"difficulty,omitempty"`
	Text        string     `json:"text"`
	Options     []Option   `json:"options"`
	Correct     []string   `json:"correct"`
	Explanation string     `json:"explanation,omitempty"`
	ImageURL    string     `json:"imageUrl,omitempty"`
	// Points the question is worth; 0 means 1.
	Points int `json:"points,omitempty"`
	// KeepOptionOrder stops the option shuffle, for questions whose options
	// refer to each other ("Cả A, B và C đều đúng").
	KeepOptionOrder bool `json:"keepOptionOrder,omitempty"`
	// Retired questions stay in the bank (old papers refer to them) but are
	// never drawn again.
	Retired bool `json:"retired,omitempty"`
}

// Multiple reports whether the question has more than one correct option.
func (q Question) Multiple() bool { return len(q.Correct) > 1 }

// Worth returns the points the question is worth (Points, 1 when unset).
func (q Question) Worth() int {
	if q.Points <= 0 {
		return 1
	}
	return q.Points
}

// Normalize returns q with every text in NFC and trimmed, so text pasted
// from Word or typed on a Mac compares and renders like the rest; IDs are
// trimmed. Call it before Validate and before storing.
func (q Question) Normalize() Question {
	q.ID = strings.TrimSpace(q.ID)
	q.Topic = contests.NFC(q.Topic)
	q.Text = contests.NFC(q.Text)
	q.Explanation = contests.NFC(q.Explanation)
	q.ImageURL = strings.TrimSpace(q.ImageURL)
	opts := make([]Option, len(q.Options))
	for i, o := range q.Options {
		opts[i] = Option{ID: strings.TrimSpace(o.ID), Text: contests.NFC(o.Text)}
	}
	q.Options = opts
	correct := make([]string, len(q.Correct))
	for i, c := range q.Correct {
		correct[i] = strings.TrimSpace(c)
	}
	q.Correct = correct
	return q
}

// Validate checks a (normalized) question and names every bad field, e.g.
// "options[2].id" or "correct[0]". Errors are CodeInvalid.
func (q Question) Validate() error {
	var es contests.Errors
	if strings.TrimSpace(q.ID) == "" {
		es.Add("id", contests.T("Thiếu mã câu hỏi", "Question ID is required"))
	}
	if contests.NFC(q.Text) == "" {
		es.Add("text", contests.T("Thiếu nội dung câu hỏi", "Question text is required"))
	} else if contests.HasControl(q.Text, true) {
		es.Add("text", contests.ControlCharacters)
	}
	if contests.HasControl(q.Explanation, true) {
		es.Add("explanation", contests.ControlCharacters)
	}
	if contests.HasControl(q.Topic, false) {
		es.Add("topic", contests.ControlCharacters)
	}
	if !q.Difficulty.Valid() {
		es.Add("difficulty", contests.T("Mức độ phải là 1 (dễ), 2 (trung bình) hoặc 3 (khó)", "Difficulty must be 1 (easy), 2 (medium) or 3 (hard)"))
	}
	if q.Points < 0 || q.Points > MaxQuestionPoints {
		es.Add("points", contests.T("Điểm của câu hỏi phải từ 0 đến %d", "Points must be between 0 and %d", MaxQuestionPoints))
	}
	if q.ImageURL != "" && !contests.SafeImageURL(q.ImageURL) {
		es.Add("imageUrl", contests.ImageURLRule)
	}
	if n := len(q.Options); n < MinOptions || n > MaxOptions {
		es.Add("options", contests.T("Câu hỏi phải có từ %d đến %d phương án (đang có %d)", "A question needs %d to %d options (has %d)", MinOptions, MaxOptions, n))
	}
	seen := make(map[string]bool, len(q.Options))
	for i, o := range q.Options {
		id := strings.TrimSpace(o.ID)
		switch {
		case id == "":
			es.Add(fmt.Sprintf("options[%d].id", i), contests.T("Thiếu mã phương án", "Option ID is required"))
		case seen[id]:
			es.Add(fmt.Sprintf("options[%d].id", i), contests.T("Mã phương án %q bị trùng", "Option ID %q is repeated", id))
		}
		seen[id] = true
		if contests.NFC(o.Text) == "" {
			es.Add(fmt.Sprintf("options[%d].text", i), contests.T("Thiếu nội dung phương án", "Option text is required"))
		} else if contests.HasControl(o.Text, true) {
			es.Add(fmt.Sprintf("options[%d].text", i), contests.ControlCharacters)
		}
	}
	if len(q.Correct) == 0 {
		es.Add("correct", contests.T("Cần ít nhất một đáp án đúng", "At least one correct option is required"))
	}
	marked := make(map[string]bool, len(q.Correct))
	for i, c := range q.Correct {
		c = strings.TrimSpace(c)
		switch {
		case !seen[c] || c == "":
			es.Add(fmt.Sprintf("correct[%d]", i), contests.T("Đáp án %q không phải là một phương án của câu hỏi", "Correct answer %q is not one of the options", c))
		case marked[c]:
			es.Add(fmt.Sprintf("correct[%d]", i), contests.T("Đáp án %q bị lặp", "Correct answer %q is repeated", c))
		}
		marked[c] = true
	}
	return es.Err()
}
