package excel

import (
	"bytes"
	"io"
	"testing"

	"hoithi/contests"
)

// FuzzParseQuestions: whatever bytes arrive, ParseQuestions returns rows or
// a *contests.Error, never both, never a panic; accepted questions are
// valid, lettered and distinct.
func FuzzParseQuestions(f *testing.F) {
	addImportSeeds(f, QuestionTemplate, func(w io.Writer) error { return WriteQuestions(w, sampleQuestions()) },
		"Câu hỏi,Phương án A,Phương án B,Đáp án\nQ,x,y,A\n", "testdata/libreoffice/cauhoi-libreoffice-vi.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseQuestions(bytes.NewReader(data), 1<<20)
		if refused(t, rows, err) {
			return
		}
		seen := map[string]bool{}
		for _, r := range rows {
			q := r.Question
			q.ID = "x" // IDs are the caller's; everything else must hold
			if err := q.Validate(); err != nil || r.Question.ID != "" || r.Row < 2 || seen[contests.Fold(q.Text)] {
				t.Fatalf("accepted a bad row %+v: %v", r, err)
			}
			for i, o := range q.Options {
				if o.ID != optionLetter(i) || o.Text == "" {
					t.Fatalf("row %d option %d = %+v", r.Row, i, o)
				}
			}
			seen[contests.Fold(q.Text)] = true
		}
	})
}
