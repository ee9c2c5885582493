package api

import (
	"testing"
)

// Essay contests apply the quizzes' eligibility rule: a citizen outside the
// contest's units, and the contest's own judges, secretary and organizers,
// cannot submit; a citizen of the ward can.
func TestEssayEligibility(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newEssayFixture(t, e)
		file := docx(t, "", essayText(300))
		outsider, _ := e.register(801, "W2")
		for name, token := range map[string]string{
			"citizen of another ward": outsider,
			"judge of the contest":    f.judges[0],
			"secretary":               f.sec,
			"organizer":               f.org,
		} {
			if r := f.submit(token, f.workBody("Bài của "+name), "bai.docx", file); r.Status != 403 {
				t.Errorf("%s: %d %s", name, r.Status, r.Raw)
			}
		}
		insider, _ := e.register(802, "W1-A")
		if r := f.submit(insider, f.workBody("Bài hợp lệ"), "bai.docx", file); r.Status != 201 {
			t.Fatalf("citizen of the ward: %d %s", r.Status, r.Raw)
		}
	})
}
