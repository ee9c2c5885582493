package api

import (
	"slices"
	"testing"
	"time"
)

// TestEssaySubmissionRefusals: each bad submission is refused with the
// field named, and nothing is stored.
func TestEssaySubmissionRefusals(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		good := docx(t, "", essayText(300))
		pdf := []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
		exe := append([]byte("MZ\x90\x00"), make([]byte, 200)...)
		threeCoauthors := f.workBody("Ba đồng tác giả")
		threeCoauthors["coauthors"] = []map[string]any{{"fullName": "Trần Thị Bình"}, {"fullName": "Lê Văn Cường"}, {"fullName": "Phạm Thị Dung"}}
		cases := []struct {
			name  string
			work  map[string]any
			fname string
			file  []byte
			field string
		}{
			{"a PDF named .docx", f.workBody("Tệp giả"), "bai.docx", pdf, "file"},
			{"a program", f.workBody("Tệp lạ"), "bai.docx", exe, "file"},
			{"too many words for the online category", f.workBody("Quá dài"), "bai.docx", docx(t, "", essayText(2100)), "text"},
			{"a third co-author", threeCoauthors, "bai.docx", good, "coauthors[2]"},
			{"no declaration", map[string]any{"category": "newspaper_online", "title": "Không cam kết", "declaration": false}, "bai.docx", good, "declaration"},
			{"unknown category", map[string]any{"category": "poetry", "title": "Thơ", "declaration": true}, "bai.docx", good, "category"},
			{"author named in the title", f.workBody("Bài của Nguyễn Văn An"), "bai.docx", good, "title"},
		}
		for _, tc := range cases {
			r := f.submit(author, tc.work, tc.fname, tc.file)
			if r.Status != 400 || !slices.Contains(r.fieldNames(), tc.field) {
				t.Errorf("%s: %d %s, want 400 naming %s", tc.name, r.Status, r.Raw, tc.field)
			}
		}
		if r := e.do("GET", "/api/v1/me/works?contest="+f.slug, nil, author); len(r.Body["works"].([]any)) != 0 {
			t.Fatalf("refused submissions were stored: %s", r.Raw)
		}
		// Limits per author: one work per written category.
		if r := f.submit(author, f.workBody("Bài thứ nhất"), "bai.docx", good); r.Status != 201 {
			t.Fatalf("first work: %d %s", r.Status, r.Raw)
		}
		if r := f.submit(author, f.workBody("Bài thứ hai"), "bai.docx", good); r.Status != 400 || !slices.Contains(r.fieldNames(), "category") {
			t.Fatalf("second work in the category: %d %s", r.Status, r.Raw)
		}
		e.now = e.now.Add(48 * time.Hour)
		other, _ := e.register(2, "W1-A")
		if r := f.submit(other, f.workBody("Muộn"), "bai.docx", good); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("after the deadline: %d %s", r.Status, r.Raw)
		}
	})
}

// The rules answer says open or closed exactly when submit accepts or
// refuses: before the deadline open; after it closed and submit refused;
// a closed contest (status) closed whatever the deadline.
func TestRulesOpenMatchesWhatSubmitEnforces(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		good := docx(t, "", essayText(300))
		rules := func() bool {
			r := e.do("GET", "/api/v1/contests/"+f.slug+"/essay", nil, "")
			open, ok := r.Body["open"].(bool)
			if r.Status != 200 || !ok {
				t.Fatalf("rules: %d %s", r.Status, r.Raw)
			}
			return open
		}
		author, _ := e.register(1, "W1-A")
		if !rules() {
			t.Fatal("rules say closed before the deadline")
		}
		if r := f.submit(author, f.workBody("Đúng hạn"), "bai.docx", good); r.Status != 201 {
			t.Fatalf("submit while open: %d %s", r.Status, r.Raw)
		}

		e.now = e.now.Add(25 * time.Hour) // the fixture's deadline is 24 h on
		if rules() {
			t.Fatal("rules say open after the deadline")
		}
		late, _ := e.register(2, "W1-A")
		if r := f.submit(late, f.workBody("Muộn"), "bai.docx", good); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("submit after the deadline: %d %s", r.Status, r.Raw)
		}

		// Deadline moved on again, but the organizer closed the contest.
		e.now = e.now.Add(-25 * time.Hour)
		cpath := "/api/v1/org/contests/" + f.contestID
		v := e.do("GET", cpath, nil, f.org).Body["contest"].(map[string]any)["version"].(float64)
		if r := e.do("PATCH", cpath, map[string]any{"status": "closed", "version": v}, f.org); r.Status != 200 {
			t.Fatalf("close the contest: %d %s", r.Status, r.Raw)
		}
		if rules() {
			t.Fatal("rules say open for a closed contest")
		}
		if r := f.submit(late, f.workBody("Sau khi đóng"), "bai.docx", good); r.Status != 409 || r.errCode() != "too_late" {
			t.Fatalf("submit to a closed contest: %d %s", r.Status, r.Raw)
		}
	})
}
