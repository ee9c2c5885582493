package api

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// flagPerson is one planted participant of TestFlagsAndPrizeReview.
type flagPerson struct {
	key, name, birth, install, agent string
	n                                int
	start                            time.Duration // after the round opened
	perQuestion                      time.Duration // answering pace
	submitAfter                      time.Duration // after the last answer
	wrongFrom                        int
	want                             string // the flag kind expected, "" for none
	tok, id                          string
}

// TestFlagsAndPrizeReview plants fast, identical, shared-device and
// same-person attempts among normal ones in a round with a fixed paper,
// computes the results and checks the prize review shows each planted
// entry with its reason and no normal one; then the organizer excludes the
// flagged winner with a reason, the ranking moves up, the round's review
// rule holds publication until the review is done, and the export shows
// the exclusion.
func TestFlagsAndPrizeReview(t *testing.T) {
	e := newEnv(t, engines[0].open(t), Limits{})
	f := newQuizFixture(t, e)
	var fixed []string
	for q := range f.key {
		fixed = append(fixed, q)
	}
	slices.Sort(fixed)
	body := f.roundBody(2)
	body["blueprint"] = map[string]any{"fixed": fixed[:5], "keepOrder": true}
	body["tiers"] = []map[string]any{{"key": "nhat", "name": "Giải Nhất", "count": 1}, {"key": "kk", "name": "Giải Khuyến khích", "count": 14}}
	body["integrity"] = map[string]any{"requireReview": true}
	body["prediction"] = map[string]any{"enabled": false}
	body["rule"] = map[string]any{"keys": []string{"score_desc", "duration_asc"}}
	f.roundID = f.publishRound(t, body)
	opened := e.now
	m := time.Minute
	people := []*flagPerson{
		{key: "N1", name: "Lê Văn Cường", birth: "1971-02-03", install: "nha-1", agent: "Mobile A", n: 11, start: 1 * m, perQuestion: 20 * time.Second, submitAfter: 10 * time.Second, wrongFrom: 5},
		{key: "N2", name: "Phạm Thị Dung", birth: "1982-04-05", install: "nha-2", agent: "Mobile B", n: 22, start: 3 * m, perQuestion: 25 * time.Second, submitAfter: 12 * time.Second, wrongFrom: 4},
		{key: "N3", name: "Hoàng Văn Em", birth: "1993-06-07", install: "nha-3", agent: "Mobile C", n: 33, start: 5 * m, perQuestion: 31 * time.Second, submitAfter: 9 * time.Second, wrongFrom: 3},
		{key: "N4", name: "Đỗ Thị Giang", birth: "2001-08-09", install: "nha-4", agent: "Mobile D", n: 44, start: 7 * m, perQuestion: 17 * time.Second, submitAfter: 30 * time.Second, wrongFrom: 5},
		// 5 questions in 1.5 s: under 2 s a question.
		{key: "F", name: "Vũ Văn Hải", birth: "1999-10-11", install: "nhanh", agent: "Bot", n: 55, start: 9 * m, perQuestion: 100 * time.Millisecond, submitAfter: time.Second, wrongFrom: 5, want: "too_fast"},
		// One script, two accounts: same answers in the same order, same time.
		{key: "I1", name: "Bùi Thị Kim", birth: "1977-12-13", install: "kb-1", agent: "Script 1", n: 66, start: 11 * m, perQuestion: 9 * time.Second, submitAfter: 2 * time.Second, wrongFrom: 3, want: "identical"},
		{key: "I2", name: "Đặng Văn Long", birth: "1966-01-14", install: "kb-2", agent: "Script 2", n: 77, start: 13 * m, perQuestion: 9 * time.Second, submitAfter: 2 * time.Second, wrongFrom: 3, want: "identical"},
		// Three accounts from one phone within the hour.
		{key: "D1", name: "Ngô Văn Minh", birth: "1988-02-15", install: "may-chung", agent: "Mobile E", n: 88, start: 15 * m, perQuestion: 21 * time.Second, submitAfter: 5 * time.Second, wrongFrom: 4, want: "shared_device"},
		{key: "D2", name: "Dương Thị Nga", birth: "1991-03-16", install: "may-chung", agent: "Mobile E", n: 99, start: 25 * m, perQuestion: 23 * time.Second, submitAfter: 6 * time.Second, wrongFrom: 2, want: "shared_device"},
		{key: "D3", name: "Lý Văn Oanh", birth: "1994-04-17", install: "may-chung", agent: "Mobile E", n: 110, start: 35 * m, perQuestion: 27 * time.Second, submitAfter: 7 * time.Second, wrongFrom: 1, want: "shared_device"},
		// One person, two accounts: same name and birth date.
		{key: "M1", name: "Trần Thị Bình", birth: "1985-03-02", install: "m-1", agent: "Mobile F", n: 121, start: 40 * m, perQuestion: 22 * time.Second, submitAfter: 8 * time.Second, wrongFrom: 5, want: "same_person"},
		{key: "M2", name: "Trần thị Bình", birth: "1985-03-02", install: "m-2", agent: "Mobile G", n: 132, start: 42 * m, perQuestion: 26 * time.Second, submitAfter: 4 * time.Second, wrongFrom: 2, want: "same_person"},
	}
	for _, p := range people {
		reg := e.registration(p.n, "W1-A")
		reg["fullName"], reg["birthDate"] = p.name, p.birth
		century := "0" // the CCCD carries the birth year: 0 a man born in the 1900s, 2 in the 2000s
		if p.birth >= "2000" {
			century = "2"
		}
		reg["cccd"] = fmt.Sprintf("089%s%s%06d", century, p.birth[2:4], p.n)
		p.id = e.registered(reg).Body["user"].(map[string]any)["id"].(string)
	}
	slices.SortFunc(people, func(a, b *flagPerson) int { return int(a.start - b.start) })
	for _, p := range people {
		e.now = opened.Add(p.start)
		p.tok = e.tokenFor(p.id)
		r := e.do("POST", "/api/v1/rounds/"+f.roundID+"/attempts", nil, p.tok, "X-Install-Id", p.install, "User-Agent", p.agent)
		if r.Status != 201 {
			t.Fatalf("start %s: %d %s", p.key, r.Status, r.Raw)
		}
		f.learnCodes(p.tok, r)
		for i, q := range questionIDs(r) {
			e.now = e.now.Add(p.perQuestion)
			opt := f.key[q]
			if i >= p.wrongFrom {
				opt = map[string]string{"A": "B", "B": "C", "C": "D", "D": "A"}[opt]
			}
			if r := f.answer(p.tok, 1, q, []string{opt}, int64(i+1)); r.Status != 200 {
				t.Fatalf("answer %s: %d %s", p.key, r.Status, r.Raw)
			}
		}
		e.now = e.now.Add(p.submitAfter)
		if r := f.submit(p.tok, 1); r.Status != 200 {
			t.Fatalf("submit %s: %d %s", p.key, r.Status, r.Raw)
		}
	}

	e.now = opened.Add(2 * time.Hour)
	f.org = f.orgToken()
	if r := e.computeResults(f.roundID, f.org); r.Status != 200 || r.Body["status"] != "done" {
		t.Fatalf("compute: %d %s", r.Status, r.Raw)
	}
	review := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/prize-review", nil, f.org)
	if review.Status != 200 || review.Body["requireReview"] != true || review.Body["reviewed"] != false {
		t.Fatalf("review: %d %s", review.Status, review.Raw)
	}
	byName := map[string]map[string]any{}
	for _, c := range review.Body["candidates"].([]any) {
		cm := c.(map[string]any)
		byName[cm["fullName"].(string)] = cm
	}
	if len(byName) != len(people) || review.Body["flagged"] != float64(8) {
		t.Fatalf("candidates %d (flagged %v), want %d: %s", len(byName), review.Body["flagged"], len(people), review.Raw)
	}
	for _, p := range people {
		c := byName[p.name]
		flags := c["flags"].([]any)
		if p.want == "" {
			if len(flags) != 0 {
				t.Errorf("normal %s flagged: %v", p.key, flags)
			}
			continue
		}
		if len(flags) != 1 || flags[0].(map[string]any)["kind"] != p.want || len(flags[0].(map[string]any)["reason"].(string)) < 20 {
			t.Errorf("%s: flags %v, want one %s with its reason", p.key, flags, p.want)
		}
	}
	if others := byName["Bùi Thị Kim"]["flags"].([]any)[0].(map[string]any)["others"].([]any); len(others) != 1 || others[0] != "Đặng Văn Long" {
		t.Errorf("identical names the other account: %v", others)
	}

	// F is first (5/5 in 2.5 s): the organizer takes F out with a reason.
	first := review.Body["candidates"].([]any)[0].(map[string]any)
	second := review.Body["candidates"].([]any)[1].(map[string]any)
	if first["fullName"] != "Vũ Văn Hải" || first["prize"] != "nhat" {
		t.Fatalf("first place: %v", first)
	}
	path := "/api/v1/org/rounds/" + f.roundID
	if r := e.do("POST", path+"/exclusions", map[string]any{"userId": first["userId"], "reason": "ngắn"}, f.org); r.Status != 400 || r.fieldNames()[0] != "reason" {
		t.Fatalf("short reason: %d %s", r.Status, r.Raw)
	}
	reason := "Làm 5 câu trong 1,5 giây: không thể đọc đề"
	r := e.do("POST", path+"/exclusions", map[string]any{"userId": first["userId"], "reason": reason}, f.org)
	if r.Status != 200 {
		t.Fatalf("exclude: %d %s", r.Status, r.Raw)
	}
	top := r.Body["candidates"].([]any)[0].(map[string]any)
	if top["fullName"] != second["fullName"] || top["rank"] != float64(1) || top["prize"] != "nhat" || len(r.Body["candidates"].([]any)) != len(people)-1 {
		t.Fatalf("after exclusion the first place is %v, want %v", top, second["fullName"])
	}
	if x := r.Body["exclusions"].([]any); len(x) != 1 || x[0].(map[string]any)["reason"] != reason || x[0].(map[string]any)["fullName"] != "Vũ Văn Hải" {
		t.Fatalf("exclusions: %v", x)
	}
	if r := e.do("POST", path+"/exclusions", map[string]any{"userId": first["userId"], "reason": reason}, f.org); r.Status != 409 {
		t.Fatalf("excluded twice: %d %s", r.Status, r.Raw)
	}
	// The audit chain holds the decision.
	last, err := e.store.LastAudit(t.Context(), auditChain(f.contestID))
	if err != nil || last.Action != "quiz.exclude" || !strings.Contains(string(last.Data), reason) {
		t.Fatalf("audit: %+v %v", last, err)
	}
	// Reviewing is required before publishing.
	if r := e.do("POST", path+"/results/publish", nil, f.org); r.Status != 409 {
		t.Fatalf("publish before review: %d %s", r.Status, r.Raw)
	}
	if r := e.do("POST", path+"/prize-review/done", nil, f.org); r.Status != 200 || r.Body["reviewed"] != true {
		t.Fatalf("review done: %d %s", r.Status, r.Raw)
	}
	if r := e.do("POST", path+"/results/publish", nil, f.org); r.Status != 200 {
		t.Fatalf("publish: %d %s", r.Status, r.Raw)
	}
	pub := e.do("GET", "/api/v1/rounds/"+f.roundID+"/standings", nil, "")
	if row := pub.Body["standings"].([]any)[0].(map[string]any); row["rank"] != float64(1) || row["prize"] != "nhat" || pub.Body["total"] != float64(len(people)-1) {
		t.Fatalf("public standings: %s", pub.Raw)
	}
	// The export lists the exclusion last, "Loại" with the reason.
	x := e.do("GET", path+"/export/results", nil, f.org)
	book, err := excelize.OpenReader(bytes.NewReader(x.Raw))
	if err != nil {
		t.Fatalf("export: %d %v", x.Status, err)
	}
	rows, _ := book.GetRows(book.GetSheetList()[0])
	lastRow := rows[len(rows)-1]
	if len(rows) != len(people)+1 || !slices.Contains(lastRow, "Loại: "+reason) || !slices.Contains(lastRow, "Vũ Văn Hải") {
		t.Fatalf("export: %d rows, last %v", len(rows), lastRow)
	}
}
