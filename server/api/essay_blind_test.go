package api

import (
	"context"
	"net/http"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

// Blind judging (rọc phách): a judge knows a work by its anonymous code and
// nothing else. Three checks keep it so:
//   - every judge route is served by judging, whose fields cannot reach the
//     identity port (TestJudgingCannotReachIdentities);
//   - a walk over every judge route with a real author reads no identity
//     sheet and returns no identity value, in any body, header or file
//     (TestBlindJudgingWalk).

// TestJudgingCannotReachIdentities fails if the judging type is given the
// identity port — as a field's static type or as the value it holds — or if
// a judge route is served by anything but a judging method.
func TestJudgingCannotReachIdentities(t *testing.T) {
	identities := reflect.TypeFor[store.Identities]()
	e := sqliteEnv(t)
	s := NewServer(Deps{Store: e.store, Now: func() time.Time { return e.now }})
	j := reflect.ValueOf(*s.judging())
	for i := range j.NumField() {
		f, v := j.Type().Field(i), j.Field(i)
		if f.Type.Implements(identities) {
			t.Errorf("judging.%s is a %s, which reaches author identities", f.Name, f.Type)
		}
		if v.Kind() == reflect.Interface && !v.IsNil() && v.Elem().Type().Implements(identities) {
			t.Errorf("judging.%s holds a %s, which reaches author identities", f.Name, v.Elem().Type())
		}
	}
	var judged int
	for _, r := range s.App.GetRoutes(true) {
		if !strings.HasPrefix(r.Path, "/api/v1/judge/") || r.Method == http.MethodHead {
			continue
		}
		h := r.Handlers[len(r.Handlers)-1]
		name := runtime.FuncForPC(reflect.ValueOf(h).Pointer()).Name()
		if !strings.Contains(name, "(*judging).") {
			t.Errorf("%s %s is served by %s, not by judging", r.Method, r.Path, name)
		}
		judged++
	}
	if judged < 6 {
		t.Fatalf("found %d judge routes; the route listing changed shape", judged)
	}
}

// identitySpy counts identity reads made while a judge's request is served.
type identitySpy struct {
	store.Store
	judging atomic.Bool
	reads   atomic.Int32
}

func (s *identitySpy) Identity(ctx context.Context, workID string) (*essay.Identity, error) {
	if s.judging.Load() {
		s.reads.Add(1)
	}
	return s.Store.Identity(ctx, workID)
}

// TestBlindJudgingWalk submits a work whose author, co-author and file are
// full of identifying values, then walks every judge route — reading,
// downloading, scoring, being refused, recusing, a replacement judge taking
// over — and asserts none of those values appears in anything a judge got.
func TestBlindJudgingWalk(t *testing.T) {
	eachStore(t, func(t *testing.T, st store.Store) {
		spy := &identitySpy{Store: st}
		blindWalk(t, newEnv(t, spy, Limits{}), spy)
	})
}

func blindWalk(t *testing.T, e *env, spy *identitySpy) {
	f := newEssayFixture(t, e)
	reg := map[string]any{"fullName": "Phạm Thị Hồng Nhung", "birthDate": "1987-09-14", "gender": "female",
		"phone": "0903 123 457", "cccd": "001187012345", "unitId": e.units["W1-A"].ID, "occupation": "party_member", "password": "mat-khau-123"}
	r := e.registered(reg)
	author, authorID := r.Body["accessToken"].(string), r.Body["user"].(map[string]any)["id"].(string)
	body := map[string]any{"category": "newspaper_online", "title": "Giữ vững trận địa tư tưởng", "declaration": true,
		"author": map[string]any{"penName": "Hồng Nhung Sông Lam", "title": "Phó Bí thư chi bộ", "unitName": "Trường Tiểu học Quang Trung",
			"address": "Số 45 đường Trần Hưng Đạo", "bankAccount": "9704221234567", "bankName": "Agribank Chi nhánh Cửu Long"},
		"coauthors": []map[string]any{{"fullName": "Đoàn Minh Khôi", "birthDate": "1979-03-08", "phone": "0977 246 813", "email": "khoi.doan@example.vn",
			"cccd": "079079123456", "unitName": "Hội Cựu chiến binh phường", "address": "Tổ 7 khu phố Bình Minh"}}}
	const fileName = "bai-cua-hong-nhung-gui-ban-to-chuc.docx"
	r = f.submit(author, body, fileName, docx(t, "Phạm Thị Hồng Nhung", essayText(300)))
	if r.Status != 201 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	work := r.Body["work"].(map[string]any)
	workID, receipt := work["id"].(string), work["receipt"].(string)

	// What must never reach a judge: the identity sheet as the secretariat
	// reads it, and what the author's account and upload carry.
	r = e.do("GET", "/api/v1/org/essay/works/"+workID+"/identity", nil, f.sec)
	if r.Status != 200 {
		t.Fatalf("identity sheet: %d %s", r.Status, r.Raw)
	}
	secret := []string{"Phạm Thị Hồng Nhung", "Hồng Nhung", "0903123457", "+84903123457", "001187012345", "1987-09-14", "14/09/1987",
		"Khu phố 1", e.units["W1-A"].ID, fileName, "bai-cua-hong-nhung", receipt, authorID, workID,
		"Đoàn Minh Khôi", "0977246813", "+84977246813", "khoi.doan@example.vn", "079079123456", "1979-03-08"}
	for _, p := range append([]any{r.Body["author"]}, r.Body["coauthors"].([]any)...) {
		for k, v := range p.(map[string]any) {
			if s, ok := v.(string); ok && s != "" && k != "title" {
				secret = append(secret, s)
			}
		}
	}
	if !slices.Contains(secret, "Trường Tiểu học Quang Trung") || !slices.Contains(secret, "9704221234567") {
		t.Fatalf("the identity sheet lost fields: %s", r.Raw)
	}

	roundID, code := f.acceptAndAssign(t, workID)
	walked := map[string]bool{}
	var got []response
	judge := func(method, route, path string, body any, token string, want int) response {
		t.Helper()
		walked[method+" "+route] = true
		spy.judging.Store(true)
		r := e.do(method, path, body, token)
		spy.judging.Store(false)
		if r.Status != want {
			t.Fatalf("%s %s: %d %s, want %d", method, path, r.Status, r.Raw, want)
		}
		got = append(got, r)
		return r
	}
	rounds := "/api/v1/judge/rounds"
	queue := rounds + "/" + roundID + "/works"
	base := queue + "/" + code
	var seated, free []int
	for i, tok := range f.judges {
		judge("GET", "/api/v1/judge/rounds", rounds, nil, tok, 200)
		q := judge("GET", "/api/v1/judge/rounds/:rid/works", queue, nil, tok, 200)
		if len(q.Body["works"].([]any)) == 1 {
			seated = append(seated, i)
		} else {
			free = append(free, i)
		}
	}
	if len(seated) != 2 || len(free) != 1 {
		t.Fatalf("seated %v, free %v", seated, free)
	}
	a, b, c := f.judges[seated[0]], f.judges[seated[1]], f.judges[free[0]]

	// Judge A reads, downloads, drafts, submits, is refused a change; the
	// secretariat reopens the sheet and A reads it again.
	judge("GET", "/api/v1/judge/rounds/:rid/works/:code", base, nil, a, 200)
	file := judge("GET", "/api/v1/judge/rounds/:rid/works/:code/files/:n", base+"/files/0", nil, a, 200)
	got = append(got, unzipped(t, file))
	judge("GET", "/api/v1/judge/rounds/:rid/works/:code/files/:n", base+"/files/1", nil, a, 404)
	judge("GET", "/api/v1/judge/rounds/:rid/works/:code", queue+"/ZZZZ-ZZZZ-ZZ", nil, a, 400)
	judge("PUT", "/api/v1/judge/rounds/:rid/works/:code/score", base+"/score", map[string]any{"criteria": map[string]any{"nd": 6}}, a, 200)
	judge("PUT", "/api/v1/judge/rounds/:rid/works/:code/score", base+"/score", map[string]any{"criteria": map[string]any{"nd": 11}, "submit": true}, a, 400)
	judge("PUT", "/api/v1/judge/rounds/:rid/works/:code/score", base+"/score", map[string]any{"criteria": map[string]any{"nd": 7.5}, "comment": "Lập luận chặt chẽ", "submit": true}, a, 200)
	judge("PUT", "/api/v1/judge/rounds/:rid/works/:code/score", base+"/score", map[string]any{"criteria": map[string]any{"nd": 8}, "submit": true}, a, 409)
	if r := e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/works/"+workID+"/unlock", map[string]any{"judgeId": f.judgeIDs[seated[0]], "reason": "Nhập nhầm"}, f.sec); r.Status != 200 {
		t.Fatalf("unlock: %d %s", r.Status, r.Raw)
	}
	if r := judge("GET", "/api/v1/judge/rounds/:rid/works/:code", base, nil, a, 200); r.Body["status"] != "draft" {
		t.Fatalf("the reopened sheet: %s", r.Raw)
	}

	// Judge B declares a conflict; judge C takes the seat and scores.
	judge("GET", "/api/v1/judge/rounds/:rid/works/:code", base, nil, b, 200)
	judge("POST", "/api/v1/judge/rounds/:rid/works/:code/recuse", base+"/recuse", map[string]any{"reason": "Cùng cơ quan"}, b, 200)
	judge("GET", "/api/v1/judge/rounds/:rid/works/:code", base, nil, b, 404)
	judge("GET", "/api/v1/judge/rounds/:rid/works", queue, nil, c, 200)
	judge("GET", "/api/v1/judge/rounds/:rid/works/:code/files/:n", base+"/files/0", nil, c, 200)
	judge("PUT", "/api/v1/judge/rounds/:rid/works/:code/score", base+"/score", map[string]any{"criteria": map[string]any{"nd": 7}, "submit": true}, c, 200)
	judge("GET", "/api/v1/judge/rounds/:rid/works", queue, nil, c, 200)

	// Every judge route was walked.
	for _, rt := range e.app.GetRoutes(true) {
		if strings.HasPrefix(rt.Path, "/api/v1/judge/") && rt.Method != http.MethodHead && !walked[rt.Method+" "+rt.Path] {
			t.Errorf("judge route %s %s is not walked by this test", rt.Method, rt.Path)
		}
	}
	if n := spy.reads.Load(); n != 0 {
		t.Errorf("judge requests read %d identity sheets", n)
	}
	for i, r := range got {
		text := string(r.Raw)
		for k, vs := range r.Header {
			text += "\n" + k + ": " + strings.Join(vs, ", ")
		}
		folded := contests.Fold(text)
		for _, s := range secret {
			if strings.Contains(text, s) || len([]rune(s)) >= 6 && strings.Contains(folded, contests.Fold(s)) {
				t.Errorf("judge response %d reveals %q: %.300s", i, s, text)
			}
		}
	}
	if !strings.Contains(string(got[len(got)-1].Raw), code) {
		t.Fatalf("the walk's last queue does not list the work: the check above looked at nothing")
	}
}
