package api

import (
	"bytes"
	"strings"
	"testing"
)

// Screening warns when the text names the author's unit below the
// contest's (not a refusal: the secretariat decides), and the secretariat
// can read the work's original file.
func TestScreeningWarnsAboutTheAuthorsUnit(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		text := essayText(150) + " Ở Khu phố 1 chúng tôi luôn gương mẫu. " + essayText(150)
		file := docx(t, "", text)
		sub := f.submit(author, f.workBody("Bài có tên đơn vị"), "bai.docx", file)
		if sub.Status != 201 {
			t.Fatalf("submit: %d %s", sub.Status, sub.Raw)
		}
		// The secretariat reads the work as it was sent; a judge cannot.
		original := "/api/v1/org/essay/works/" + sub.Body["work"].(map[string]any)["id"].(string) + "/files/0"
		if r := e.do("GET", original, nil, f.sec); r.Status != 200 || !bytes.Equal(r.Raw, file) {
			t.Fatalf("original for the secretariat: %d, %d bytes of %d", r.Status, len(r.Raw), len(file))
		}
		if r := e.do("GET", original, nil, f.judges[0]); r.Status != 403 {
			t.Fatalf("original for a judge: %d", r.Status)
		}
		r := e.do("GET", "/api/v1/org/essay/"+f.contestID+"/works", nil, f.sec)
		w := r.Body["works"].([]any)[0].(map[string]any)
		warnings, _ := w["warnings"].([]any)
		if len(warnings) != 1 || !strings.Contains(warnings[0].(string), `"Khu phố 1"`) {
			t.Fatalf("warnings: %v", w["warnings"])
		}
	})
}
