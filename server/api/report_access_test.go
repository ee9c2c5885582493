package api

import (
	"fmt"
	"maps"
	"testing"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/excel"
)

// Report access: organizers of a unit inside a published quiz contest read
// their unit's figures, and nothing else of the contest.

// newContest creates a contest as token, published unless draft, and
// returns its ID.
func (e *env) newContest(t *testing.T, token, slug, kind, owner, eligible string, draft bool) string {
	t.Helper()
	body := map[string]any{"slug": slug, "kind": kind, "title": "Cuộc thi " + slug, "ownerUnitId": e.units[owner].ID}
	if eligible != "" {
		body["eligibleUnitId"] = e.units[eligible].ID
	}
	r := e.do("POST", "/api/v1/org/contests", body, token)
	if r.Status != 201 {
		t.Fatalf("create %s: %d %s", slug, r.Status, r.Raw)
	}
	id := r.Body["contest"].(map[string]any)["id"].(string)
	if !draft {
		if r := e.do("PATCH", "/api/v1/org/contests/"+id, map[string]any{"status": "published"}, token); r.Status != 200 {
			t.Fatalf("publish %s: %d %s", slug, r.Status, r.Raw)
		}
	}
	return id
}

// listedAccess maps each listed contest to "access reportUnitId".
func listedAccess(t *testing.T, e *env, token string) map[string]string {
	t.Helper()
	r := e.do("GET", "/api/v1/org/contests", nil, token)
	if r.Status != 200 {
		t.Fatalf("list: %d %s", r.Status, r.Raw)
	}
	out := map[string]string{}
	for _, c := range r.Body["contests"].([]any) {
		m := c.(map[string]any)
		id := m["id"].(string)
		if _, twice := out[id]; twice {
			t.Errorf("contest %s listed twice", id)
		}
		out[id] = fmt.Sprint(m["access"])
		if ru, ok := m["reportUnit"].(map[string]any); ok {
			out[id] += " " + ru["id"].(string) + " " + ru["name"].(string)
		}
	}
	return out
}

func TestReportAccessListsAndOpensContestsAbove(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		reporter := e.staff(950, contests.RoleOrganizer, "W1-A")
		w2 := e.staff(951, contests.RoleOrganizer, "W2")
		province := e.staff(952, contests.RoleOrganizer, "P")
		secretary := e.staff(953, contests.RoleSecretary, "W1")
		draft := e.newContest(t, f.org, "w1-nhap", "quiz", "W1", "", true)
		essay := e.newContest(t, f.org, "w1-bai-viet", "essay", "W1", "", false)
		forW2 := e.newContest(t, province, "tinh-w2", "quiz", "P", "W2", false)
		wholeProvince := e.newContest(t, province, "tinh", "quiz", "P", "", false)
		own := e.newContest(t, reporter, "khu-pho", "quiz", "W1-A", "", true)
		wa, w1 := e.units["W1-A"], e.units["W1"]
		asW1A := "report " + wa.ID + " Khu phố 1"

		want := map[string]string{f.contestID: asW1A, wholeProvince: asW1A, own: "manage"}
		if got := listedAccess(t, e, reporter); !maps.Equal(got, want) {
			t.Errorf("W1-A's organizer lists %v, want %v", got, want)
		}
		want = map[string]string{forW2: "report " + e.units["W2"].ID + " Phường Rạch Giá", wholeProvince: "report " + e.units["W2"].ID + " Phường Rạch Giá"}
		if got := listedAccess(t, e, w2); !maps.Equal(got, want) {
			t.Errorf("W2's organizer lists %v, want %v", got, want)
		}
		want = map[string]string{f.contestID: "manage", draft: "manage", essay: "manage", own: "manage", wholeProvince: "report " + w1.ID + " Phường An Biên"}
		if got := listedAccess(t, e, f.org); !maps.Equal(got, want) {
			t.Errorf("W1's organizer lists %v, want %v", got, want)
		}

		get := func(id, token string) response { return e.do("GET", "/api/v1/org/contests/"+id, nil, token) }
		if r := get(f.contestID, reporter); r.Status != 200 || r.Body["contest"].(map[string]any)["access"] != "report" ||
			fmt.Sprint(r.Body["contest"].(map[string]any)["reportUnit"]) != fmt.Sprint(map[string]any{"id": wa.ID, "name": "Khu phố 1"}) {
			t.Errorf("contest as W1-A's organizer: %d %s", r.Status, r.Raw)
		}
		for _, c := range []struct{ id, token, who string }{{f.contestID, w2, "W2"}, {draft, reporter, "W1-A (draft)"}, {essay, reporter, "W1-A (essay)"}, {forW2, reporter, "W1-A (W2 only)"}} {
			if r := get(c.id, c.token); r.Status != 403 {
				t.Errorf("contest %s as %s: %d, want 403", c.id, c.who, r.Status)
			}
		}
		for _, who := range []string{f.org, secretary} {
			if r := get(f.contestID, who); r.Status != 200 || r.Body["contest"].(map[string]any)["access"] != "manage" || r.Body["contest"].(map[string]any)["reportUnit"] != nil {
				t.Errorf("contest as its manager or secretary: %d %s", r.Status, r.Raw)
			}
		}

		// Rounds: a draft round stays with the managers.
		if r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/rounds", f.roundBody(2), f.org); r.Status != 201 {
			t.Fatalf("round 2: %d %s", r.Status, r.Raw)
		}
		rounds := func(token string) (int, []string) {
			r := e.do("GET", "/api/v1/org/contests/"+f.contestID+"/rounds", nil, token)
			var ids []string
			for _, x := range r.Body["rounds"].([]any) {
				ids = append(ids, x.(map[string]any)["id"].(string))
			}
			return r.Status, ids
		}
		if st, ids := rounds(reporter); st != 200 || len(ids) != 1 || ids[0] != f.roundID {
			t.Errorf("rounds as W1-A's organizer: %d %v, want the published round only", st, ids)
		}
		if st, ids := rounds(f.org); st != 200 || len(ids) != 2 {
			t.Errorf("rounds as the manager: %d %v", st, ids)
		}
		if r := e.do("GET", "/api/v1/org/contests/"+f.contestID+"/rounds", nil, w2); r.Status != 403 {
			t.Errorf("rounds as W2's organizer: %d", r.Status)
		}

		// Back to draft: no longer listed nor open for report.
		if r := e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"status": "draft"}, f.org); r.Status != 200 {
			t.Fatalf("unpublish: %d %s", r.Status, r.Raw)
		}
		if _, listed := listedAccess(t, e, reporter)[f.contestID]; listed {
			t.Error("an unpublished contest is still listed for report")
		}
		for _, p := range []string{"/api/v1/org/contests/" + f.contestID, "/api/v1/org/contests/" + f.contestID + "/stats",
			"/api/v1/org/contests/" + f.contestID + "/rounds", "/api/v1/org/rounds/" + f.roundID + "/stats", "/api/v1/org/rounds/" + f.roundID + "/report.xlsx"} {
			if r := e.do("GET", p, nil, reporter); r.Status != 403 {
				t.Errorf("%s of an unpublished contest: %d, want 403", p, r.Status)
			}
		}
	})
}

func TestReportAccessStatisticsAreTheUnitsOwn(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		sc := newStatsScenario(t, e)
		reporter := e.staff(950, contests.RoleOrganizer, "W1-A")
		wa := e.units["W1-A"]
		inA := func(c *seededCitizen) bool { return c.unit == "W1-A" }
		a := sc.tally(inA)
		if a["people"] == 0 || a == nil || maps.Equal(a, sc.tally(everyone)) {
			t.Fatalf("the scenario must have people in W1-A and elsewhere: %v", a)
		}
		round := "/api/v1/org/rounds/" + sc.round2
		for _, q := range []string{"", "?unitId=" + wa.ID} {
			r := e.do("GET", round+"/stats"+q, nil, reporter)
			if r.Status != 200 {
				t.Fatalf("stats%s: %d %s", q, r.Status, r.Raw)
			}
			checkReportScope(t, r, wa.ID)
			st := r.Body["stats"].(map[string]any)
			if got := countsOf(st); !maps.Equal(got, a) || st["started"] != float64(a["people"]) {
				t.Errorf("stats%s: %v started %v, want %v", q, got, st["started"], a)
			}
			units := st["units"].([]any)
			if len(units) != 1 || units[0].(map[string]any)["id"] != wa.ID || !maps.Equal(countsOf(units[0]), a) {
				t.Errorf("units %v, want W1-A alone", units)
			}
			if !maps.Equal(countsOf(st["unplaced"]), map[string]int{"people": 0, "attempts": 0, "allCorrect": 0}) {
				t.Errorf("unplaced %v", st["unplaced"])
			}
			// By day, hour and score: W1-A's own, in stats and breakdown.
			sc.checkTimesAndScores(t, st, inA)
			sc.checkTimesAndScores(t, r.Body["breakdown"].(map[string]any), inA)
			if !maps.Equal(countsOf(r.Body["unit"]), a) || r.Body["unit"].(map[string]any)["id"] != wa.ID {
				t.Errorf("unit %v", r.Body["unit"])
			}
			for field, keyOf := range map[string]func(*seededCitizen) string{
				"byGender": func(c *seededCitizen) string { return c.gender }, "byAgeBand": func(c *seededCitizen) string { return c.ageBand },
			} {
				for _, where := range []any{st[field], r.Body["breakdown"].(map[string]any)[field]} {
					for _, g := range where.([]any) {
						key := g.(map[string]any)["key"].(string)
						if want := sc.tally(func(c *seededCitizen) bool { return inA(c) && keyOf(c) == key }); !maps.Equal(countsOf(g), want) {
							t.Errorf("%s %s: %v, want %v", field, key, countsOf(g), want)
						}
					}
				}
			}
		}
		// Above the unit, beside it, or no unit at all: outside the scope.
		for _, id := range []string{e.units["W1"].ID, e.units["W2"].ID, e.units["P"].ID, "nope"} {
			for _, p := range []string{round + "/stats", round + "/report.xlsx", "/api/v1/org/contests/" + sc.f.contestID + "/stats"} {
				if r := e.do("GET", p+"?unitId="+id, nil, reporter); r.Status != 403 {
					t.Errorf("%s?unitId=%s: %d, want 403", p, id, r.Status)
				}
			}
		}
		// The manager's answer says so.
		if r := sc.statsOf(t, ""); fmt.Sprint(r.Body["scope"]) != fmt.Sprint(map[string]any{"access": "manage", "unitId": "", "unitName": ""}) {
			t.Errorf("manager's scope %v", r.Body["scope"])
		}

		// The whole contest: citizen 11 (W1-A) also played round 1 once.
		r := e.do("GET", "/api/v1/org/contests/"+sc.f.contestID+"/stats", nil, reporter)
		if r.Status != 200 {
			t.Fatalf("contest stats: %d %s", r.Status, r.Raw)
		}
		checkReportScope(t, r, wa.ID)
		want := maps.Clone(a)
		want["attempts"]++
		if got := countsOf(r.Body["stats"]); !maps.Equal(got, want) {
			t.Errorf("contest stats %v, want %v", got, want)
		}
		if lines, ok := r.Body["rounds"].([]any); !ok || len(lines) != 0 {
			t.Errorf("contest-wide round lines given to a unit: %v", r.Body["rounds"])
		}

		// The weekly report of W1-A, read back cell by cell.
		f := openXLSX(t, e.do("GET", round+"/report.xlsx", nil, reporter), fmt.Sprintf("bao-cao-thong-ke-%s-tuan-2.xlsx", sc.f.slug))
		sheetEquals(t, f, excel.ReportUnitsSheet, [][]string{
			{"Mã đơn vị", "Đơn vị", "Số đảng viên/đoàn viên/dân số", "Chỉ tiêu (người)", "Số người dự thi", "Tỷ lệ so với số người (%)",
				"Tỷ lệ so với chỉ tiêu (%)", "Số lượt thi", "Số người đúng tất cả các câu", "Giải Nhất", "Giải Nhì", "Tổng số giải"},
			{"W1-A", "Khu phố 1", "100", "", num(a["people"]), pctCell(a["people"], 100), "", num(a["attempts"]), num(a["allCorrect"]), "0", "0", "0"},
			{"", "Tổng cộng", "100", "", num(a["people"]), pctCell(a["people"], 100), "", num(a["attempts"]), num(a["allCorrect"]), "0", "0", "0"},
		})
		groups := [][]string{{"Tiêu chí", "Nhóm", "Số người dự thi", "Tỷ lệ trong tổng số người dự thi (%)", "Số lượt thi", "Số người đúng tất cả các câu"}}
		for _, k := range quiz.Genders {
			c := sc.tally(func(x *seededCitizen) bool { return inA(x) && x.gender == k })
			groups = append(groups, []string{"Giới tính", genderName[k],
				num(c["people"]), pctCell(c["people"], a["people"]), num(c["attempts"]), num(c["allCorrect"])})
		}
		rows, _ := f.GetRows(excel.ReportGroupsSheet)
		gender := len(rows) - len(quiz.Genders)
		sheetEquals(t, f, excel.ReportGroupsSheet, append(append([][]string{}, rows[:gender]...), groups[1:]...))
		if rows[0][3] != groups[0][3] {
			t.Errorf("groups header %v", rows[0])
		}
		sheetEquals(t, f, excel.ReportInfoSheet, reportInfoRows(e, "Khu phố 1", 0, a, 0))

		// Everything else stays with the contest's managers.
		for _, c := range []struct{ method, path string }{
			{"GET", round + "/items"}, {"GET", round + "/items.xlsx"}, {"GET", "/api/v1/org/contests/" + sc.f.contestID + "/summary.xlsx"},
			{"GET", round + "/export/winners"}, {"GET", round + "/export/results"}, {"GET", round + "/standings"},
			{"GET", "/api/v1/org/contests/" + sc.f.contestID + "/export/collective"}, {"GET", "/api/v1/org/contests/" + sc.f.contestID + "/collective"},
			{"GET", "/api/v1/org/contests/" + sc.f.contestID + "/questions"}, {"PUT", round}, {"POST", round + "/results"},
			{"PATCH", "/api/v1/org/contests/" + sc.f.contestID},
		} {
			if r := e.do(c.method, c.path, map[string]any{"title": "Đổi tên"}, reporter); r.Status != 403 {
				t.Errorf("%s %s: %d, want 403", c.method, c.path, r.Status)
			}
		}
		if r := e.do("GET", round+"/stats", nil, e.staff(951, contests.RoleOrganizer, "W2")); r.Status != 403 {
			t.Errorf("stats for W2's organizer: %d", r.Status)
		}
	})
}

func checkReportScope(t *testing.T, r response, unitID string) {
	t.Helper()
	if got, want := fmt.Sprint(r.Body["scope"]), fmt.Sprint(map[string]any{"access": "report", "unitId": unitID, "unitName": "Khu phố 1"}); got != want {
		t.Errorf("scope %s, want %s", got, want)
	}
}
