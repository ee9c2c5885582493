package api

import (
	"bytes"
	"testing"

	"hoithi/server/excel"
)

func TestImportQuestionBankFromExcel(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		var tpl bytes.Buffer
		if err := excel.QuestionTemplate(&tpl); err != nil {
			t.Fatal(err)
		}
		path := "/api/v1/org/contests/" + f.contestID + "/questions/import"
		r := e.upload(path, f.org, "cau-hoi.xlsx", tpl.Bytes())
		if r.Status != 200 || r.Body["created"] != float64(2) {
			t.Fatalf("import the template: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/questions", nil, f.org)
		if n := len(r.Body["questions"].([]any)); n != 10 {
			t.Fatalf("bank has %d questions, want 8 + 2", n)
		}
		// The same file again would double the bank: refused, nothing added.
		r = e.upload(path, f.org, "cau-hoi.xlsx", tpl.Bytes())
		if r.Status != 400 || len(r.fieldNames()) != 2 {
			t.Fatalf("second import: %d %s", r.Status, r.Raw)
		}
		if r := e.upload(path, f.org, "x.xlsx", []byte("PK not really")); r.Status != 400 {
			t.Fatalf("broken file: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/org/contests/"+f.contestID+"/questions", nil, f.org)
		if n := len(r.Body["questions"].([]any)); n != 10 {
			t.Fatalf("refused imports changed the bank: %d", n)
		}
		exp := e.do("GET", "/api/v1/org/contests/"+f.contestID+"/questions/export", nil, f.org)
		rows, err := excel.ParseQuestions(bytes.NewReader(exp.Raw), 0)
		if err != nil || len(rows) != 10 {
			t.Fatalf("export does not read back: %d rows, %v", len(rows), err)
		}
	})
}
