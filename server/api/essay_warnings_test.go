package api

import (
	"strings"
	"testing"
)

// Screening warns when the text names the author's unit below the
// contest's (not a refusal: the secretariat decides).
func TestScreeningWarnsAboutTheAuthorsUnit(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		author, _ := e.register(1, "W1-A")
		text := essayText(150) + " Ở Khu phố 1 chúng tôi luôn gương mẫu. " + essayText(150)
		if r := f.submit(author, f.workBody("Bài có tên đơn vị"), "bai.docx", docx(t, "", text)); r.Status != 201 {
			t.Fatalf("submit: %d %s", r.Status, r.Raw)
		}
		r := e.do("GET", "/api/v1/org/essay/"+f.contestID+"/works", nil, f.sec)
		w := r.Body["works"].([]any)[0].(map[string]any)
		warnings, _ := w["warnings"].([]any)
		if len(warnings) != 1 || !strings.Contains(warnings[0].(string), `"Khu phố 1"`) {
			t.Fatalf("warnings: %v", w["warnings"])
		}
	})
}
