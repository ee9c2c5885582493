package api

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// essayFixture is a published essay contest of ward W1 (deadline tomorrow),
// its secretary, three judges living in ward W2, and an open essay contest
// of the province P above it.
type essayFixture struct {
	e         *env
	org, sec  string
	judges    []string // tokens
	judgeIDs  []string
	contestID string
	slug      string
	parentID  string
}

func newEssayFixture(t *testing.T, e *env) *essayFixture {
	t.Helper()
	f := &essayFixture{e: e, slug: "chinh-luan"}
	f.org = e.staff(700, contests.RoleOrganizer, "W1")
	f.sec = e.staff(701, contests.RoleSecretary, "W1")
	for i := 0; i < 3; i++ {
		_, id := e.register(710+i, "W2")
		u := e.units["W1"]
		if err := e.store.SetGrants(context.Background(), id, []contests.Grant{{Role: contests.RoleJudge, UnitID: u.ID, UnitPath: u.Path}}); err != nil {
			t.Fatal(err)
		}
		f.judgeIDs = append(f.judgeIDs, id)
		f.judges = append(f.judges, e.tokenFor(id))
	}
	// The national categories (the tests use their limits); a contest sent
	// without categories gets the ward preset instead.
	settings := map[string]any{"deadline": e.now.Add(24 * time.Hour), "categories": essay.DefaultCategories()}
	r := e.do("POST", "/api/v1/org/contests", map[string]any{"slug": f.slug, "kind": "essay", "title": "Chính luận bảo vệ nền tảng tư tưởng của Đảng",
		"ownerUnitId": e.units["W1"].ID, "status": "published", "settings": settings}, f.org)
	if r.Status != 201 {
		t.Fatalf("essay contest: %d %s", r.Status, r.Raw)
	}
	f.contestID = r.Body["contest"].(map[string]any)["id"].(string)
	provinceOrg := e.staff(702, contests.RoleOrganizer, "P")
	r = e.do("POST", "/api/v1/org/contests", map[string]any{"slug": "chinh-luan-tinh", "kind": "essay", "title": "Chính luận cấp tỉnh",
		"ownerUnitId": e.units["P"].ID, "status": "published", "settings": settings}, provinceOrg)
	if r.Status != 201 {
		t.Fatalf("parent contest: %d %s", r.Status, r.Raw)
	}
	f.parentID = r.Body["contest"].(map[string]any)["id"].(string)
	return f
}

// essayAuthorCase runs fn once per engine on a fresh essay fixture with its
// usual author, citizen 1 of Khu phố 1 (Nguyễn Văn An), registered: author
// is their access token.
func essayAuthorCase(t *testing.T, fn func(t *testing.T, e *env, f *essayFixture, author string)) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		author, _ := e.register(1, "W1-A")
		fn(t, e, f, author)
	})
}

// docx builds a minimal Word document holding paragraphs, with creator
// set in its core properties.
func docx(t *testing.T, creator string, paragraphs ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString(`<w:p><w:r><w:t>` + p + `</w:t></w:r></w:p>`)
	}
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body.String()+`</w:body></w:document>`)
	add("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>`+creator+`</dc:creator></cp:coreProperties>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// essayText is a work of about n words with no author name in it.
func essayText(n int) string {
	words := strings.Fields("Bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ quan trọng hàng đầu của toàn Đảng toàn dân và toàn quân trong giai đoạn mới")
	var out []string
	for i := 0; len(out) < n; i++ {
		out = append(out, words[i%len(words)])
	}
	return strings.Join(out, " ")
}

// submit posts a work with a file as multipart.
func (f *essayFixture) submit(token string, work map[string]any, filename string, file []byte) response {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	j, _ := json.Marshal(work)
	w.WriteField("work", string(j))
	fw, _ := w.CreateFormFile("file", filename)
	fw.Write(file)
	w.Close()
	req := httptest.NewRequest("POST", "/api/v1/contests/"+f.slug+"/works", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return f.e.send(req)
}

// submitted has author send a 300-word .docx work titled title, which must
// be received (201), and returns its ID.
func (f *essayFixture) submitted(t *testing.T, author, title string) string {
	t.Helper()
	r := f.submit(author, f.workBody(title), "bai.docx", docx(t, "", essayText(300)))
	if r.Status != 201 {
		t.Fatalf("submit %q: %d %s", title, r.Status, r.Raw)
	}
	return r.Body["work"].(map[string]any)["id"].(string)
}

func (f *essayFixture) workBody(title string) map[string]any {
	return map[string]any{"category": "newspaper_online", "title": title, "declaration": true,
		"author":    map[string]any{"penName": "Bút Xanh Biếc", "address": "Số 12 đường Lê Lợi", "bankAccount": "0123456789012", "bankName": "Vietcombank"},
		"coauthors": []map[string]any{{"fullName": "Trần Thị Bình", "phone": "0987 654 321", "email": "binh@example.vn"}}}
}

// editWork sends a multipart edit of a work (file optional).
func (f *essayFixture) edit(token, workID string, work map[string]any, file []byte) response {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	j, _ := json.Marshal(work)
	w.WriteField("work", string(j))
	if file != nil {
		fw, _ := w.CreateFormFile("file", "sua.docx")
		fw.Write(file)
	}
	w.Close()
	req := httptest.NewRequest("PUT", "/api/v1/works/"+workID, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return f.e.send(req)
}

// acceptAndAssign screens a work in and assigns a 2-judge round; it
// returns the round ID and the work's code.
// scoredWork has a citizen of W1-A submit a work titled title, which is
// accepted into a judging round where every judge submits 8.5 on "nd". It
// returns the round's ID and the work's code.
func (f *essayFixture) scoredWork(t *testing.T, title string) (roundID, code string) {
	t.Helper()
	author, _ := f.e.register(1, "W1-A")
	roundID, code = f.acceptAndAssign(t, f.submitted(t, author, title))
	for _, tok := range f.judges {
		f.e.do("PUT", "/api/v1/judge/rounds/"+roundID+"/works/"+code+"/score", map[string]any{"criteria": map[string]any{"nd": 8.5}, "submit": true}, tok)
	}
	return roundID, code
}

func (f *essayFixture) acceptAndAssign(t *testing.T, workID string) (string, string) {
	t.Helper()
	e := f.e
	r := e.do("POST", "/api/v1/org/essay/works/"+workID+"/screen", map[string]any{"accept": true}, f.sec)
	code := r.Body["work"].(map[string]any)["code"].(string)
	r = e.do("POST", "/api/v1/org/essay/"+f.contestID+"/rounds", map[string]any{"no": 1, "name": "Sơ khảo", "kind": "preliminary",
		"rubric":        map[string]any{"scale": 10, "step": 0.25, "criteria": []map[string]any{{"key": "nd", "name": "Nội dung", "max": 10}}},
		"judgesPerWork": 2, "policy": "average", "threshold": 0, "advance": map[string]any{"mode": "min_score", "minScore": 5},
		"panels": []map[string]any{{"category": "newspaper_online", "judgeIds": f.judgeIDs}}}, f.sec)
	if r.Status != 201 {
		t.Fatalf("round: %d %s", r.Status, r.Raw)
	}
	roundID := r.Body["round"].(map[string]any)["id"].(string)
	if r := e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/assign", nil, f.sec); r.Status != 200 {
		t.Fatalf("assign: %d %s", r.Status, r.Raw)
	}
	return roundID, code
}
