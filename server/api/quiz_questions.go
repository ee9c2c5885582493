package api

import (
	"bytes"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/excel"
	"hoithi/server/store"
)

// questionDTO is a bank question as an organizer sees and edits it,
// correct options included.
type questionDTO struct {
	ID              string      `json:"id"`
	Topic           string      `json:"topic"`
	Difficulty      int         `json:"difficulty"`
	Text            string      `json:"text"`
	Options         []optionDTO `json:"options"`
	Correct         []string    `json:"correct"`
	Explanation     string      `json:"explanation"`
	ImageURL        string      `json:"imageUrl"`
	Points          int         `json:"points"`
	KeepOptionOrder bool        `json:"keepOptionOrder"`
	Retired         bool        `json:"retired"`
}

func toQuestionDTO(q quiz.Question) questionDTO {
	d := questionDTO{ID: q.ID, Topic: q.Topic, Difficulty: int(q.Difficulty), Text: q.Text, Correct: q.Correct,
		Explanation: q.Explanation, ImageURL: q.ImageURL, Points: max(q.Points, 1), KeepOptionOrder: q.KeepOptionOrder, Retired: q.Retired}
	for _, o := range q.Options {
		d.Options = append(d.Options, optionDTO{ID: o.ID, Text: o.Text})
	}
	return d
}

func (d questionDTO) question(id string) quiz.Question {
	q := quiz.Question{ID: id, Topic: d.Topic, Difficulty: quiz.Difficulty(d.Difficulty), Text: d.Text, Correct: d.Correct,
		Explanation: d.Explanation, ImageURL: d.ImageURL, Points: d.Points, KeepOptionOrder: d.KeepOptionOrder, Retired: d.Retired}
	for _, o := range d.Options {
		q.Options = append(q.Options, quiz.Option{ID: o.ID, Text: o.Text})
	}
	return q.Normalize()
}

// quizContest loads a quiz contest the caller organizes.
func (s *Server) quizContest(c *fiber.Ctx) (*contests.Contest, error) {
	ct, err := s.orgContest(c, c.Params("id"))
	if err != nil {
		return nil, err
	}
	if ct.Kind != contests.KindQuiz {
		return nil, contests.Invalid(contests.Field("id", contests.T("Cuộc thi này không phải thi trắc nghiệm", "This contest is not a quiz")))
	}
	return ct, nil
}

// quizBank loads the quiz contest :id (quizContest) and its question bank.
func (s *Server) quizBank(c *fiber.Ctx) (*contests.Contest, []quiz.Question, error) {
	ct, err := s.quizContest(c)
	if err != nil {
		return nil, nil, err
	}
	qs, err := s.quiz.Questions(c.UserContext(), ct.ID)
	return ct, qs, err
}

func (s *Server) listQuestions(c *fiber.Ctx) error {
	_, qs, err := s.quizBank(c)
	if err != nil {
		return err
	}
	out := make([]questionDTO, 0, len(qs))
	for _, q := range qs {
		out = append(out, toQuestionDTO(q))
	}
	return c.JSON(questionBank{Questions: out, KeySkew: keySkewOf(qs, language(c))})
}

// keySkewDTO is the key-skew warning of a bank (quiz.CheckKeySkew) with its
// messages in the caller's language; nil when the keys are spread well.
type keySkewDTO struct {
	quiz.KeySkew
	Messages []string `json:"messages"`
}

func keySkewOf(qs []quiz.Question, lang string) *keySkewDTO {
	k := quiz.CheckKeySkew(qs)
	if !k.Skewed() {
		return nil
	}
	d := &keySkewDTO{KeySkew: k}
	for _, m := range k.Messages() {
		d.Messages = append(d.Messages, m.In(lang))
	}
	return d
}

// readQuestion binds the body as question id and validates it.
func readQuestion(c *fiber.Ctx, id string) (quiz.Question, error) {
	var req questionDTO
	if err := bindJSON(c, &req); err != nil {
		return quiz.Question{}, err
	}
	q := req.question(id)
	return q, q.Validate()
}

func (s *Server) createQuestion(c *fiber.Ctx) error {
	ct, err := s.quizContest(c)
	if err != nil {
		return err
	}
	q, err := readQuestion(c, store.NewID())
	if err != nil {
		return err
	}
	if err := s.quiz.CreateQuestions(c.UserContext(), ct.ID, []quiz.Question{q}); err != nil {
		return err
	}
	s.rounds.forgetContest(ct.ID)
	return c.Status(fiber.StatusCreated).JSON(questionResponse{Question: toQuestionDTO(q)})
}

// updateQuestion edits a question (retiring it is an edit). Changing the
// key of a question already answered is allowed — a wrong key gets fixed —
// and results computed afterwards re-score every attempt with the new key.
func (s *Server) updateQuestion(c *fiber.Ctx) error {
	ct, err := s.quizContest(c)
	if err != nil {
		return err
	}
	q, err := readQuestion(c, c.Params("qid"))
	if err != nil {
		return err
	}
	if err := s.quiz.UpdateQuestion(c.UserContext(), ct.ID, q); err != nil {
		return err
	}
	s.rounds.forgetContest(ct.ID)
	s.Log.Info("question updated", "request_id", requestID(c), "by", claimsOf(c).UserID(), "contest", ct.ID, "question", q.ID)
	return c.JSON(questionResponse{Question: toQuestionDTO(q)})
}

// importQuestions adds every question of a workbook, or none if any row is
// bad, and warns when the bank's answer keys are skewed.
func (s *Server) importQuestions(c *fiber.Ctx) error {
	ct, err := s.quizContest(c)
	if err != nil {
		return err
	}
	f, err := s.uploadedWorkbook(c)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := excel.ParseQuestions(f, maxWorkbookBytes)
	if err != nil {
		return err
	}
	// A file imported twice must not double the bank: a question whose text
	// is already there is refused, naming its cell.
	bank, err := s.quiz.Questions(c.UserContext(), ct.ID)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(bank))
	for _, q := range bank {
		have[contests.Fold(q.Text)] = true
	}
	var dup contests.Errors
	for _, r := range rows {
		if have[contests.Fold(r.Question.Text)] {
			dup.Add(excel.FileField, contests.T("Dòng %d: câu hỏi này đã có trong ngân hàng", "Row %d: this question is already in the bank", r.Row))
		}
	}
	if len(dup) > 0 {
		return mergeFileErrors(nil, dup)
	}
	qs := make([]quiz.Question, len(rows))
	for i, r := range rows {
		qs[i] = r.Question
		qs[i].ID = store.NewID()
	}
	if err := s.quiz.CreateQuestions(c.UserContext(), ct.ID, qs); err != nil {
		return err
	}
	s.rounds.forgetContest(ct.ID)
	s.Log.Info("questions imported", "request_id", requestID(c), "by", claimsOf(c).UserID(), "contest", ct.ID, "count", len(qs))
	// The import stands; a skewed key is worth a warning, not a refusal
	// (the bank as a whole, the new rows last, is what papers draw from).
	return c.JSON(questionsImported{Created: len(qs), KeySkew: keySkewOf(append(bank, qs...), language(c))})
}

func (s *Server) exportQuestions(c *fiber.Ctx) error {
	ct, qs, err := s.quizBank(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := excel.WriteQuestions(&buf, qs); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, "ngan-hang-cau-hoi-"+ct.Slug+".xlsx", buf.Bytes())
}

func (s *Server) questionTemplate(c *fiber.Ctx) error {
	var buf bytes.Buffer
	if err := excel.QuestionTemplate(&buf); err != nil {
		return contests.Internal(err)
	}
	return sendXLSX(c, "mau-ngan-hang-cau-hoi.xlsx", buf.Bytes())
}
