package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/contests/vnid"
	"hoithi/server/store"
)

var exportHeader = []string{"Giải", "Hạng", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "CCCD", "Đơn vị",
	"Nghề nghiệp/Đối tượng", "Điểm", "Số câu đúng", "Tổng số câu", "Dự đoán", "Sai số dự đoán", "Thời gian làm bài", "Nộp bài lúc",
	"Lượt thi được tính", "Số lượt đã thi"}

// overallHeader is the whole contest's winners: sums over rounds.
var overallHeader = []string{"Giải", "Hạng", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "CCCD", "Đơn vị",
	"Nghề nghiệp/Đối tượng", "Tổng điểm", "Số câu đúng", "Tổng số câu", "Tổng sai số dự đoán", "Tổng thời gian làm bài",
	"Nộp bài lần cuối lúc", "Số đợt đã thi", "Số lượt đã thi"}

// exportKinds is what every cell of a quiz export column must be: text,
// a plain number, or a number shown with a date/duration format.
var exportKinds = map[string]string{
	"Giải": "text", "Hạng": "number", "Họ và tên": "text", "Ngày sinh": "dd/mm/yyyy", "Giới tính": "text",
	"Số điện thoại": "text", "CCCD": "text", "Đơn vị": "text", "Nghề nghiệp/Đối tượng": "text", "Điểm": "number",
	"Số câu đúng": "number", "Tổng số câu": "number", "Dự đoán": "number", "Sai số dự đoán": "number",
	"Thời gian làm bài": "[h]:mm:ss", "Nộp bài lúc": "dd/mm/yyyy hh:mm:ss", "Lượt thi được tính": "number",
	"Số lượt đã thi": "number", "Tổng điểm": "number", "Tổng sai số dự đoán": "number",
	"Tổng thời gian làm bài": "[h]:mm:ss", "Nộp bài lần cuối lúc": "dd/mm/yyyy hh:mm:ss", "Số đợt đã thi": "number",
}

// assertCellKinds checks each non-empty cell below the header against
// exportKinds, by the cell's type and its style's number format.
func assertCellKinds(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for c, name := range rows[0] {
		kind, ok := exportKinds[name]
		if !ok {
			t.Errorf("column %q has no expected kind", name)
			continue
		}
		for r := 2; r <= len(rows); r++ {
			ref, _ := excelize.CoordinatesToCellName(c+1, r)
			if v, _ := f.GetCellValue(sheet, ref); v == "" {
				continue
			}
			typ, _ := f.GetCellType(sheet, ref)
			styleID, _ := f.GetCellStyle(sheet, ref)
			format := ""
			if st, _ := f.GetStyle(styleID); st != nil && st.CustomNumFmt != nil {
				format = *st.CustomNumFmt
			}
			number := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
			switch {
			case kind == "text" && typ != excelize.CellTypeInlineString,
				kind == "number" && (!number || format != ""),
				kind != "text" && kind != "number" && (!number || format != kind):
				t.Errorf("%s (%s): type %v format %q, want %s", ref, name, typ, format, kind)
			}
		}
	}
}

// exportPerson is a seeded participant and the line the exports must show.
type exportPerson struct {
	name, phone, cccd, unit string
	gender                  contests.Gender
	occupation              contests.Occupation
	st                      quiz.Standing
	deleted                 bool // standing without an account
}

// seedExportStandings stores the people and their standings under roundID,
// bypassing play so every figure (and odd names) is under the test's
// control, and returns the standings.
func seedExportStandings(t *testing.T, e *env, roundID string, people []exportPerson) []quiz.Standing {
	t.Helper()
	ctx := context.Background()
	var rows []quiz.Standing
	for i, p := range people {
		u := &contests.User{ID: store.NewID(), FullName: p.name, BirthDate: time.Date(1980+i, time.Month(1+i), 2+i, 0, 0, 0, 0, time.UTC),
			Gender: p.gender, Phone: p.phone, UnitID: e.units[p.unit].ID, UnitPath: e.units[p.unit].Path, Occupation: p.occupation,
			CCCDHash: e.keys.HashCCCD(p.cccd), CCCDEnc: e.keys.Seal(p.cccd), CCCDMasked: vnid.Mask(p.cccd),
			PhoneKey: p.phone, CCCDKey: e.keys.HashCCCD(p.cccd), CreatedAt: e.now}
		if !p.deleted {
			if err := e.store.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
		st := p.st
		st.RoundID, st.UserID, st.FullName, st.UnitPath = roundID, u.ID, p.name, u.UnitPath
		rows = append(rows, st)
	}
	if err := e.store.ReplaceStandings(ctx, roundID, rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// markComputed records that the round's results were computed.
func markComputed(t *testing.T, e *env, roundID string) {
	t.Helper()
	r, err := e.store.Round(context.Background(), roundID)
	if err != nil {
		t.Fatal(err)
	}
	r.ResultsAt = e.now
	if err := e.store.UpdateRound(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

// exportPeople: D ranks above C but holds a tier the round no longer has,
// so the winners sheet (tier, then rank) lists A, C, D; B won nothing; E's
// account is gone.
func exportPeople(e *env) []exportPerson {
	at := e.now.Add(-30 * time.Minute) // 08:30 UTC, 15:30 in Vietnam
	line := func(rank, score int, prize, prizeName string, predict, miss int64, ms int64) quiz.Standing {
		return quiz.Standing{Rank: rank, Score: score, Correct: score, Total: 5, Prize: prize, PrizeName: prizeName,
			Prediction: &predict, PredictionError: &miss, DurationMs: ms, SubmittedAt: at.Add(time.Duration(rank) * time.Minute),
			AttemptNo: 1, Attempts: rank}
	}
	return []exportPerson{
		{`=HYPERLINK("http://x","Bấm")`, "+84912345678", "089090000001", "W1-A", contests.GenderFemale, contests.OccPartyMember,
			line(1, 5, "nhat", "Giải Nhất", 40, 0, 205_900), false},
		{"+84 Trần Văn Bình", "+84912000002", "089090000002", "W1", contests.GenderMale, contests.OccStudent,
			line(4, 4, "", "", 38, 2, 100_000), false},
		{"-", "+84912000003", "089090000003", "W1-A", contests.GenderMale, contests.OccCitizen,
			line(3, 5, "nhi", "Giải Nhì", 45, 5, 61_000), false},
		{"@x", "+84912000004", "089090000004", "W1", contests.GenderFemale, contests.OccYouthUnion,
			line(2, 5, "kk", "Giải Khuyến khích", 40, 0, 300_000), false},
		{"Lê Thị Đã Xóa", "+84912000005", "089090000005", "W1-A", contests.GenderFemale, contests.OccCitizen,
			line(5, 1, "", "", 1, 39, 599_000), true},
	}
}

// exportLine is what the sheet shows for p; cccd is the CCCD column.
func exportLine(e *env, i int, p exportPerson, cccd string) []string {
	st := p.st
	unit := map[string]string{"W1-A": "Khu phố 1, Phường An Biên, Tỉnh An Giang", "W1": "Phường An Biên, Tỉnh An Giang"}[p.unit]
	line := []string{st.PrizeName, fmt.Sprint(st.Rank), p.name, fmt.Sprintf("%02d/%02d/%d", 2+i, 1+i, 1980+i),
		map[contests.Gender]string{contests.GenderMale: "Nam", contests.GenderFemale: "Nữ"}[p.gender],
		"0" + p.phone[3:6] + " " + p.phone[6:9] + " " + p.phone[9:], cccd, unit,
		map[contests.Occupation]string{contests.OccPartyMember: "Đảng viên", contests.OccStudent: "Học sinh, sinh viên",
			contests.OccCitizen: "Nhân dân", contests.OccYouthUnion: "Đoàn viên"}[p.occupation],
		fmt.Sprint(st.Score), fmt.Sprint(st.Correct), "5", fmt.Sprint(*st.Prediction), fmt.Sprint(*st.PredictionError),
		fmt.Sprintf("%d:%02d:%02d", st.DurationMs/3_600_000, st.DurationMs/60000%60, st.DurationMs/1000%60),
		st.SubmittedAt.Add(7 * time.Hour).Format("02/01/2006 15:04:05"), "1", fmt.Sprint(st.Attempts)}
	if p.deleted { // the frozen name and unit stay; who the person was does not
		line[3], line[4], line[5], line[6], line[8] = "", "", "", "", ""
	}
	return line
}

// assertWorkbook checks the answer is an xlsx attachment named filename
// whose only sheet holds exactly want (cells as Excel shows them), free
// text in string cells, the header row frozen and filtered.
func assertWorkbook(t *testing.T, r response, filename, sheet string, want [][]string) {
	t.Helper()
	if r.Status != 200 {
		t.Fatalf("export: %d %s", r.Status, r.Raw)
	}
	if ct := r.Header.Get("Content-Type"); ct != xlsxType {
		t.Errorf("Content-Type = %q", ct)
	}
	if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="`+filename+`"` {
		t.Errorf("Content-Disposition = %q, want file %s", cd, filename)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != sheet {
		t.Fatalf("sheets = %v, want [%s]", sheets, sheet)
	}
	rows, _ := f.GetRows(sheet)
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d:\n%v", len(rows), len(want), rows)
	}
	for i, line := range want {
		for c, text := range line {
			ref, _ := excelize.CoordinatesToCellName(c+1, i+1)
			if got, _ := f.GetCellValue(sheet, ref); got != text {
				t.Errorf("%s (%s) = %q, want %q", ref, want[0][c], got, text)
			}
			typ, _ := f.GetCellType(sheet, ref)
			if free := c == 2 || c == 6 || c == 7; free && text != "" && typ != excelize.CellTypeInlineString {
				t.Errorf("%s = %q is a %v cell, want text (never a formula)", ref, text, typ)
			}
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s holds formula %q", ref, formula)
			}
		}
	}
	if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, want the header row frozen", panes)
	}
	filter := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			filter = dn.RefersTo
		}
	}
	last, _ := excelize.ColumnNumberToName(len(want[0]))
	if wantFilter := fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, last, len(want)); filter != wantFilter {
		t.Errorf("autofilter = %q, want %q", filter, wantFilter)
	}
	assertCellKinds(t, f, sheet)
}

func TestQuizExports(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		people := exportPeople(e)
		seeded := seedExportStandings(t, e, f.roundID, people)
		winners := func(cccd func(p exportPerson) string) [][]string {
			out := [][]string{exportHeader}
			for _, i := range []int{0, 2, 3} { // A (Nhất), C (Nhì), D (tier no longer in the round)
				out = append(out, exportLine(e, i, people[i], cccd(people[i])))
			}
			return out
		}
		masked := func(p exportPerson) string { return vnid.Mask(p.cccd) }
		path := "/api/v1/org/rounds/" + f.roundID + "/export/"
		if r := e.do("GET", path+"winners", nil, f.org); r.Status != 409 || r.errCode() != "conflict" {
			t.Fatalf("winners before results are computed: %d %s", r.Status, r.Raw)
		}
		markComputed(t, e, f.roundID)

		assertWorkbook(t, e.do("GET", path+"winners", nil, f.org), "giai-thuong-tuan-le-tuan-1.xlsx", "GiaiThuong", winners(masked))
		assertWorkbook(t, e.do("GET", path+"winners?cccd=masked", nil, f.org), "giai-thuong-tuan-le-tuan-1.xlsx", "GiaiThuong", winners(masked))
		results := [][]string{exportHeader}
		for _, i := range []int{0, 3, 2, 1, 4} { // by rank
			results = append(results, exportLine(e, i, people[i], masked(people[i])))
		}
		// The full list never carries whole CCCD numbers.
		assertWorkbook(t, e.do("GET", path+"results?cccd=full", nil, f.org), "ket-qua-tuan-le-tuan-1.xlsx", "KetQua", results)

		// ?cccd=full shows the numbers to the contest's organizer and says so in the log.
		var logs bytes.Buffer
		srv := NewServer(Deps{Store: e.store, Tokens: e.tokens, Keys: e.keys, Now: func() time.Time { return e.now },
			Log: slog.New(slog.NewJSONHandler(&logs, nil))})
		req := httptest.NewRequest("GET", path+"winners?cccd=full", nil)
		req.Header.Set("Authorization", "Bearer "+f.org)
		r := (&env{t: t, app: srv.App}).send(req)
		assertWorkbook(t, r, "giai-thuong-tuan-le-tuan-1.xlsx", "GiaiThuong", winners(func(p exportPerson) string { return p.cccd }))
		var audit map[string]any
		for _, line := range strings.Split(logs.String(), "\n") {
			if strings.Contains(line, "full CCCD") {
				json.Unmarshal([]byte(line), &audit)
			}
		}
		if audit["round"] != f.roundID || audit["rows"] != float64(3) || audit["by"] == "" || audit["by"] == nil {
			t.Errorf("full CCCD export not logged with who, round and rows: %s", logs.String())
		}
		if r := e.do("GET", path+"winners?cccd=all", nil, f.org); r.Status != 400 || r.errCode() != "invalid" {
			t.Errorf("unknown cccd mode: %d %s", r.Status, r.Raw)
		}

		// Who may not: another ward's organizer, a citizen, nobody; what is not there.
		foreign := e.staff(901, contests.RoleOrganizer, "W2")
		citizen, _ := e.register(902, "W1-A")
		overall := "/api/v1/org/contests/" + f.contestID + "/export/overall-winners"
		for _, p := range []string{path + "winners", path + "winners?cccd=full", path + "results", overall} {
			for _, c := range []struct {
				token  string
				status int
			}{{foreign, 403}, {citizen, 403}, {"", 401}} {
				if r := e.do("GET", p, nil, c.token); r.Status != c.status {
					t.Errorf("GET %s as %q: %d, want %d", p, c.token[:min(len(c.token), 8)], r.Status, c.status)
				}
			}
		}
		for _, p := range []string{"/api/v1/org/rounds/khong-co/export/winners", "/api/v1/org/rounds/khong-co/export/results",
			"/api/v1/org/contests/khong-co/export/overall-winners"} {
			if r := e.do("GET", p, nil, f.org); r.Status != 404 || r.errCode() != "not_found" {
				t.Errorf("GET %s: %d %s, want 404", p, r.Status, r.Raw)
			}
		}

		// Overall winners: only once the contest ranks overall.
		if r := e.do("GET", overall, nil, f.org); r.Status != 400 || r.errCode() != "invalid" {
			t.Errorf("overall winners without an overall ranking: %d %s", r.Status, r.Raw)
		}
		e.do("PATCH", "/api/v1/org/contests/"+f.contestID, map[string]any{"settings": map[string]any{"overall": map[string]any{
			"rule":  map[string]any{"keys": []string{"score_desc", "duration_asc"}},
			"tiers": []map[string]any{{"key": "nhi", "name": "Giải Nhì", "count": 1}, {"key": "nhat", "name": "Giải Nhất", "count": 1}}}}}, f.org)
		assertWorkbook(t, e.do("GET", overall, nil, f.org), "giai-thuong-chung-cuoc-tuan-le.xlsx", "GiaiThuong", [][]string{overallHeader})
		// The round's results are published: it counts as a round played.
		if r := e.do("POST", "/api/v1/org/rounds/"+f.roundID+"/results/publish", nil, f.org); r.Status != 200 {
			t.Fatalf("publish: %d %s", r.Status, r.Raw)
		}
		overallRows := append([]quiz.Standing{}, seeded[:3]...)
		for i := range overallRows {
			// As computed overall: no attempt or prediction of its own.
			overallRows[i].RoundID, overallRows[i].AttemptNo, overallRows[i].Prediction = quiz.OverallRoundID(f.contestID), 0, nil
		}
		if err := e.store.ReplaceStandings(context.Background(), quiz.OverallRoundID(f.contestID), overallRows); err != nil {
			t.Fatal(err)
		}
		// The overall tiers list Nhì first: tier order, not the round's.
		overallLine := func(i int, cccd string) []string {
			l := exportLine(e, i, people[i], cccd)
			// no "Dự đoán"; the round count (1) replaces the attempt that counted
			return append(append(l[:12:12], l[13:16]...), "1", l[17])
		}
		want := [][]string{overallHeader, overallLine(2, "089090000003"), overallLine(0, "089090000001")}
		assertWorkbook(t, e.do("GET", overall+"?cccd=full", nil, f.org), "giai-thuong-chung-cuoc-tuan-le.xlsx", "GiaiThuong", want)
	})
}

// TestQuizExportsAfterPlay exports what computeResults wrote for real
// attempts, and a round nobody played, leaving no temporary file behind.
func TestQuizExportsAfterPlay(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		f := newQuizFixture(t, e)
		for i, wrongFrom := range []int{5, 3} {
			tok, _ := e.register(10+i, "W1-A")
			f.answerAll(t, tok, 1, questionIDs(f.start(tok)), wrongFrom)
			e.now = e.now.Add(90 * time.Second)
			f.submit(tok, 1)
		}
		r := e.do("POST", "/api/v1/org/contests/"+f.contestID+"/rounds", f.roundBody(2), f.org)
		empty := r.Body["round"].(map[string]any)["id"].(string)
		e.do("POST", "/api/v1/org/rounds/"+empty+"/publish", nil, f.org)
		e.now = e.now.Add(2 * time.Hour)
		f.org = f.orgToken()
		for _, id := range []string{f.roundID, empty} {
			if r := e.computeResults(id, f.org); r.Status != 200 || r.Body["status"] != "done" {
				t.Fatalf("compute %s: %d %s", id, r.Status, r.Raw)
			}
		}
		standings := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/standings", nil, f.org).Body["standings"].([]any)
		var want [][]string
		for _, s := range standings {
			st := s.(map[string]any)
			want = append(want, []string{fmt.Sprint(st["prizeName"]), fmt.Sprint(st["rank"]), fmt.Sprint(st["fullName"]),
				"17/05/1990", "Nam", "", "", st["unitPath"].(string), "Đảng viên", fmt.Sprint(st["score"]),
				fmt.Sprint(st["correctCount"]), fmt.Sprint(st["total"])})
		}
		if len(want) != 2 || want[0][0] != "Giải Nhất" || want[1][0] != "Giải Nhì" || want[1][10] != "3" || want[1][11] != "5" {
			t.Fatalf("unexpected standings: %v", standings)
		}
		for _, p := range []struct{ path, sheet string }{{"winners", "GiaiThuong"}, {"results", "KetQua"}} {
			r := e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/export/"+p.path, nil, f.org)
			g, err := excelize.OpenReader(bytes.NewReader(r.Raw))
			if err != nil {
				t.Fatalf("%s: %d %v", p.path, r.Status, err)
			}
			rows, _ := g.GetRows(p.sheet)
			if len(rows) != 3 {
				t.Fatalf("%s: %d rows, want header + 2", p.path, len(rows))
			}
			for i, line := range want {
				for c, text := range line {
					if c == 5 || c == 6 { // phone and CCCD derive from the registration number
						continue
					}
					if rows[i+1][c] != text {
						t.Errorf("%s row %d %s = %q, want %q", p.path, i+2, exportHeader[c], rows[i+1][c], text)
					}
				}
				if !strings.HasPrefix(rows[i+1][5], "0912 ") || !strings.Contains(rows[i+1][6], "******") {
					t.Errorf("%s row %d phone %q, CCCD %q", p.path, i+2, rows[i+1][5], rows[i+1][6])
				}
			}
			assertCellKinds(t, g, p.sheet)
			g.Close()
		}
		for _, p := range []struct{ path, file, sheet string }{{"winners", "giai-thuong-tuan-le-tuan-2.xlsx", "GiaiThuong"},
			{"results", "ket-qua-tuan-le-tuan-2.xlsx", "KetQua"}} {
			assertWorkbook(t, e.do("GET", "/api/v1/org/rounds/"+empty+"/export/"+p.path, nil, f.org), p.file, p.sheet, [][]string{exportHeader})
		}
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("exports left %d temporary files, e.g. %s", len(left), left[0].Name())
		}
	})
}
