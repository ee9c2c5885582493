package api

import (
	"strings"
	"testing"
)

func TestSimilarityFlagsCopiedWorks(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		original := strings.Fields(essayTextVaried(400, 1))
		copied := append(append([]string{}, original[:200]...), strings.Fields(essayTextVaried(200, 2))...)
		unrelated := essayTextVaried(400, 3)
		for i, text := range []string{strings.Join(original, " "), strings.Join(copied, " "), unrelated} {
			author, _ := e.register(20+i, "W1-A")
			if r := f.submit(author, f.workBody([]string{"Bài gốc", "Bài chép", "Bài khác"}[i]), "bai.docx", docx(t, "", text)); r.Status != 201 {
				t.Fatalf("submit %d: %d %s", i, r.Status, r.Raw)
			}
		}
		r := e.do("POST", "/api/v1/org/essay/"+f.contestID+"/similarity", nil, f.sec)
		pairs, _ := r.Body["pairs"].([]any)
		if r.Status != 200 || r.Body["works"] != float64(3) || len(pairs) != 1 {
			t.Fatalf("similarity: %d %s", r.Status, r.Raw)
		}
		p := pairs[0].(map[string]any)
		titles := map[string]bool{p["a"].(map[string]any)["title"].(string): true, p["b"].(map[string]any)["title"].(string): true}
		if !titles["Bài gốc"] || !titles["Bài chép"] || p["overlapA"].(float64) < 0.45 || p["overlapB"].(float64) < 0.45 {
			t.Fatalf("flagged pair: %v", p)
		}
		a, b := p["a"].(map[string]any)["id"].(string), p["b"].(map[string]any)["id"].(string)
		r = e.do("GET", "/api/v1/org/essay/works/"+a+"/compare/"+b, nil, f.sec)
		passages, _ := r.Body["passages"].([]any)
		if r.Status != 200 || len(passages) == 0 {
			t.Fatalf("compare: %d %s", r.Status, r.Raw)
		}
		textA := r.Body["a"].(map[string]any)["text"].(string)
		textB := r.Body["b"].(map[string]any)["text"].(string)
		first := passages[0].(map[string]any)
		spanA, spanB := first["A"].(map[string]any), first["B"].(map[string]any)
		partA := textA[int(spanA["Start"].(float64)):int(spanA["End"].(float64))]
		partB := textB[int(spanB["Start"].(float64)):int(spanB["End"].(float64))]
		if partA != partB || len(strings.Fields(partA)) < 100 {
			t.Fatalf("passages do not point at the same text: %q vs %q", partA[:40], partB[:40])
		}
		if r := e.do("POST", "/api/v1/org/essay/"+f.contestID+"/similarity", nil, f.judges[0]); r.Status != 403 {
			t.Fatalf("a judge running the check: %d", r.Status)
		}
	})
}

// essayTextVaried is n words drawn deterministically from a vocabulary by
// seed, so different seeds give unrelated texts.
func essayTextVaried(n int, seed int) string {
	vocab := strings.Fields("bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ quan trọng hàng đầu toàn dân quân trong giai đoạn mới kiên định mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội đấu tranh phản bác các quan điểm sai trái thù địch xây dựng chỉnh đốn đạo đức lối sống cán bộ đảng viên nhân dân niềm tin phát triển kinh tế văn hóa")
	x := uint32(seed*2654435761 + 12345)
	out := make([]string, n)
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = vocab[int(x)%len(vocab)]
	}
	return strings.Join(out, " ")
}
