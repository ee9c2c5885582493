package api

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestEssayJudgingFlow: an author submits a .docx, the secretary screens
// it, two judges score 30 points apart, a third judge settles it, the work
// advances and is forwarded to the province — and no judge response ever
// carries who wrote it.
func TestEssayJudgingFlow(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		file := docx(t, "Nguyễn Văn An", essayText(300))
		r := f.submit(author, f.workBody("Giữ vững trận địa tư tưởng"), "bai-du-thi.docx", file)
		if r.Status != 201 {
			t.Fatalf("submit: %d %s", r.Status, r.Raw)
		}
		work := r.Body["work"].(map[string]any)
		if work["words"] != float64(300) || work["receipt"] == "" || work["status"] != "submitted" || work["code"] != nil {
			t.Fatalf("submitted work: %v", work)
		}
		workID := work["id"].(string)

		// Screening: the docx metadata names the author: a warning.
		r = e.do("GET", "/api/v1/org/essay/"+f.contestID+"/works", nil, f.sec)
		listed := r.Body["works"].([]any)[0].(map[string]any)
		if r.Status != 200 || len(listed["warnings"].([]any)) == 0 {
			t.Fatalf("secretary list: %d %s", r.Status, r.Raw)
		}
		r = e.do("GET", "/api/v1/org/essay/works/"+workID+"/identity", nil, f.sec)
		if r.Status != 200 || r.Body["author"].(map[string]any)["fullName"] != "Nguyễn Văn An" || r.Body["author"].(map[string]any)["bankAccount"] != "0123456789012" {
			t.Fatalf("identity sheet: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", "/api/v1/org/essay/works/"+workID+"/identity", nil, f.judges[0]); r.Status != 403 {
			t.Fatalf("a judge reading an identity sheet: %d", r.Status)
		}
		r = e.do("POST", "/api/v1/org/essay/works/"+workID+"/screen", map[string]any{"accept": true}, f.sec)
		code, _ := r.Body["work"].(map[string]any)["code"].(string)
		if r.Status != 200 || len(code) != 11 {
			t.Fatalf("accept: %d %s", r.Status, r.Raw)
		}

		// Round: 100 points, 2 judges per work, a gap ≥ 20 calls a third.
		r = e.do("POST", "/api/v1/org/essay/"+f.contestID+"/rounds", map[string]any{"no": 1, "name": "Sơ khảo", "kind": "preliminary",
			"rubric":        map[string]any{"scale": 100, "step": 0.5, "criteria": []map[string]any{{"key": "noi_dung", "name": "Nội dung", "max": 90}, {"key": "hinh_thuc", "name": "Hình thức", "max": 10}}},
			"judgesPerWork": 2, "policy": "third_judge_stands", "threshold": 20, "advance": map[string]any{"mode": "top_n", "topN": 1},
			"panels": []map[string]any{{"category": "newspaper_online", "judgeIds": f.judgeIDs}}}, f.sec)
		if r.Status != 201 {
			t.Fatalf("round: %d %s", r.Status, r.Raw)
		}
		roundID := r.Body["round"].(map[string]any)["id"].(string)
		if r := e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/assign", nil, f.sec); r.Status != 200 || r.Body["seats"] != float64(2) {
			t.Fatalf("assign: %d %s", r.Status, r.Raw)
		}
		var seated, free []int
		for i, tok := range f.judges {
			q := e.do("GET", "/api/v1/judge/rounds/"+roundID+"/works", nil, tok)
			if q.Status != 200 {
				t.Fatalf("queue: %d %s", q.Status, q.Raw)
			}
			if len(q.Body["works"].([]any)) == 1 {
				seated = append(seated, i)
			} else {
				free = append(free, i)
			}
		}
		if len(seated) != 2 {
			t.Fatalf("%d judges seated", len(seated))
		}
		var judgeResponses []response
		base := "/api/v1/judge/rounds/" + roundID + "/works/" + code
		for k, i := range seated {
			tok := f.judges[i]
			file := e.do("GET", base+"/files/0", nil, tok)
			judgeResponses = append(judgeResponses, e.do("GET", "/api/v1/judge/rounds", nil, tok),
				e.do("GET", "/api/v1/judge/rounds/"+roundID+"/works", nil, tok), e.do("GET", base, nil, tok), file,
				unzipped(t, file))
			// A draft may be partial; out-of-step and out-of-range points are refused.
			if r := e.do("PUT", base+"/score", map[string]any{"criteria": map[string]any{"noi_dung": 50}}, tok); r.Status != 200 || r.Body["status"] != "draft" {
				t.Fatalf("draft: %d %s", r.Status, r.Raw)
			}
			for _, bad := range []map[string]any{{"noi_dung": 80.3, "hinh_thuc": 5}, {"noi_dung": 95, "hinh_thuc": 5}, {"noi_dung": 80}} {
				if r := e.do("PUT", base+"/score", map[string]any{"criteria": bad, "submit": true}, tok); r.Status != 400 {
					t.Fatalf("bad score %v: %d %s", bad, r.Status, r.Raw)
				}
			}
			content := []float64{85, 55}[k]
			r := e.do("PUT", base+"/score", map[string]any{"criteria": map[string]any{"noi_dung": content, "hinh_thuc": 5}, "comment": "Lập luận chặt chẽ", "submit": true}, tok)
			judgeResponses = append(judgeResponses, r)
			if r.Status != 200 || r.Body["status"] != "submitted" {
				t.Fatalf("submit score: %d %s", r.Status, r.Raw)
			}
			if r := e.do("PUT", base+"/score", map[string]any{"criteria": map[string]any{"noi_dung": 90, "hinh_thuc": 10}, "submit": true}, tok); r.Status != 409 || r.errCode() != "too_late" {
				t.Fatalf("score after lock: %d %s", r.Status, r.Raw)
			}
		}
		if r := e.do("GET", base, nil, f.judges[free[0]]); r.Status != 404 {
			t.Fatalf("a judge not assigned reads the work: %d", r.Status)
		}
		if r := e.do("PUT", base+"/score", map[string]any{"criteria": map[string]any{"noi_dung": 90, "hinh_thuc": 10}, "submit": true}, f.judges[free[0]]); r.Status != 404 {
			t.Fatalf("a judge not assigned scores the work: %d", r.Status)
		}

		// 90 vs 60: the discrepancy calls the third judge, whose 70 stands.
		r = e.do("GET", "/api/v1/org/essay/rounds/"+roundID+"/results", nil, f.sec)
		if r.Body["discrepancies"] != float64(1) {
			t.Fatalf("discrepancy queue: %s", r.Raw)
		}
		if r := e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/close", nil, f.sec); r.Status != 400 {
			t.Fatalf("closing with a work undecided: %d %s", r.Status, r.Raw)
		}
		r = e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/works/"+workID+"/third", nil, f.sec)
		if r.Status != 200 || r.Body["seat"].(map[string]any)["judgeId"] != f.judgeIDs[free[0]] {
			t.Fatalf("third judge: %d %s", r.Status, r.Raw)
		}
		third := f.judges[free[0]]
		judgeResponses = append(judgeResponses, e.do("GET", base, nil, third),
			e.do("PUT", base+"/score", map[string]any{"criteria": map[string]any{"noi_dung": 65, "hinh_thuc": 5}, "submit": true}, third))
		r = e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/close", nil, f.sec)
		if r.Status != 200 || len(r.Body["advancing"].([]any)) != 1 || r.Body["results"].([]any)[0].(map[string]any)["final"] != float64(70) {
			t.Fatalf("close: %d %s", r.Status, r.Raw)
		}

		// Prizes: 70/100 is in band C (≥ 70); the only prize-winner is both
		// the youngest and the oldest.
		r = e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/prizes", map[string]any{"plan": map[string]any{
			"quotas": map[string]any{"newspaper_online": map[string]any{"A": 1, "B": 1, "C": 2, "KK": 3}}}}, f.org)
		// One C prize, then the same author as the youngest and the oldest
		// prize-winner (special prizes).
		if r.Status != 200 || len(r.Body["awards"].([]any)) != 3 || r.Body["awards"].([]any)[0].(map[string]any)["tier"] != "C" ||
			r.Body["awards"].([]any)[0].(map[string]any)["tierName"] != "Giải C" || r.Body["youngest"].([]any)[0] != code {
			t.Fatalf("prizes: %d %s", r.Status, r.Raw)
		}
		if r := e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/prizes", map[string]any{}, f.sec); r.Status != 403 {
			t.Fatalf("a secretary deciding prizes: %d", r.Status)
		}

		// Forward the best work to the province's contest.
		r = e.do("POST", "/api/v1/org/essay/"+f.contestID+"/forward", map[string]any{"toContestId": f.parentID, "roundId": roundID, "topN": 5, "minScore": 60}, f.org)
		if r.Status != 200 || r.Body["forwarded"] != float64(1) {
			t.Fatalf("forward: %d %s", r.Status, r.Raw)
		}

		// Blind judging: nothing a judge received names the author.
		secret := []string{"Nguyễn Văn An", "Trần Thị Bình", "Bút Xanh Biếc", "0123456789012", "Lê Lợi", "binh@example.vn",
			"0987654321", "+84912000001", "089******001", "Khu phố 1", workID}
		for i, jr := range judgeResponses {
			if jr.Status != 200 {
				t.Errorf("judge response %d: status %d %s", i, jr.Status, jr.Raw)
			}
			for _, s := range secret {
				if strings.Contains(string(jr.Raw), s) {
					t.Errorf("judge response %d reveals %q: %.200s", i, s, jr.Raw)
				}
			}
		}
	})
}

// unzipped returns a response holding every part of a downloaded .docx
// inflated, so the identity check sees inside the compressed file.
func unzipped(t *testing.T, r response) response {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(r.Raw), int64(len(r.Raw)))
	if err != nil {
		t.Fatalf("the judge's file is not a zip: %v", err)
	}
	var all bytes.Buffer
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&all, rc)
		rc.Close()
	}
	if !strings.Contains(all.String(), "Bảo vệ nền tảng tư tưởng") {
		t.Fatalf("the judge's file lost its text")
	}
	return response{Status: r.Status, Raw: all.Bytes()}
}

func TestSecretaryReadsContestsButCannotChangeThem(t *testing.T) {
	e := sqliteEnv(t)
	f := newEssayFixture(t, e)
	r := e.do("GET", "/api/v1/org/contests", nil, f.sec)
	if r.Status != 200 || len(r.Body["contests"].([]any)) != 1 {
		t.Fatalf("secretary's contest list: %d %s", r.Status, r.Raw)
	}
	if r := e.do("GET", "/api/v1/org/contests/"+f.contestID, nil, f.sec); r.Status != 200 {
		t.Fatalf("secretary reads the contest: %d", r.Status)
	}
	if r := e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"title": "Đổi tên"}, f.sec); r.Status != 403 {
		t.Fatalf("secretary edits the contest: %d", r.Status)
	}
	if r := e.do("GET", "/api/v1/org/contests/"+f.parentID, nil, f.sec); r.Status != 403 {
		t.Fatalf("secretary reads a contest above their unit: %d", r.Status)
	}
}
