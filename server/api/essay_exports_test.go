package api

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func readSheets(t *testing.T, raw []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, _ := f.GetRows(name)
		out[name] = rows
	}
	return out
}

func TestEssayExports(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		r := f.submit(author, f.workBody("=HYPERLINK(\"x\") Giữ vững trận địa"), "bai.docx", docx(t, "Nguyễn Văn An", essayText(300)))
		workID := r.Body["work"].(map[string]any)["id"].(string)
		roundID, code := f.acceptAndAssign(t, workID)
		for _, tok := range f.judges {
			e.do("PUT", "/api/v1/judge/rounds/"+roundID+"/works/"+code+"/score", map[string]any{"criteria": map[string]any{"nd": 8.5}, "comment": "Tốt", "submit": true}, tok)
		}
		if r := e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/close", nil, f.sec); r.Status != 200 {
			t.Fatalf("close: %d %s", r.Status, r.Raw)
		}
		e.do("POST", "/api/v1/org/essay/rounds/"+roundID+"/prizes", map[string]any{"plan": map[string]any{"quotas": map[string]any{"newspaper_online": map[string]any{"A": 1, "B": 1, "C": 1, "KK": 1}}}}, f.org)

		works := readSheets(t, e.do("GET", "/api/v1/org/essay/"+f.contestID+"/export/works", nil, f.sec).Raw)["Tác phẩm"]
		if len(works) != 2 || works[0][0] != "Mã phách" || works[1][0] != code || works[1][3] != "=HYPERLINK(\"x\") Giữ vững trận địa" || works[1][5] != "Hợp lệ" {
			t.Fatalf("works sheet: %v", works)
		}
		if strings.Contains(strings.Join(works[1], "|"), "Nguyễn Văn An") {
			t.Fatal("the works list names the author")
		}
		scores := readSheets(t, e.do("GET", "/api/v1/org/essay/rounds/"+roundID+"/export/scores", nil, f.sec).Raw)
		agg := scores["Tổng hợp"]
		if len(agg) != 2 || agg[1][0] != code || agg[1][1] != "Báo điện tử" || agg[1][3] != "0" || agg[1][5] != "8,5" || !strings.Contains(agg[1][2], "8,5 (chấm độc lập)") {
			t.Fatalf("aggregate sheet: %v", agg)
		}
		if len(scores) != 3 {
			t.Fatalf("want the aggregate and two judge sheets, got %d", len(scores))
		}
		for name, rows := range scores {
			if name != "Tổng hợp" && (rows[0][1] != "Nội dung (10)" || rows[1][1] != "8,5" || rows[1][2] != "8,5" || rows[1][3] != "Tốt" || rows[1][4] != "Đã nộp") {
				t.Fatalf("judge sheet %s: %v", name, rows)
			}
		}
		if r := e.do("GET", "/api/v1/org/essay/rounds/"+roundID+"/export/prizes", nil, f.sec); r.Status != 403 {
			t.Fatalf("a secretary downloading bank details: %d", r.Status)
		}
		// The B prize, then the same author as youngest and oldest winner:
		// labels, never keys; the score as the screens show it.
		prizes := readSheets(t, e.do("GET", "/api/v1/org/essay/rounds/"+roundID+"/export/prizes", nil, f.org).Raw)["Giải thưởng"]
		if len(prizes) != 4 || prizes[1][0] != "Giải B" || prizes[1][1] != "Báo điện tử" || prizes[1][4] != "8,5" || prizes[1][5] != "Nguyễn Văn An" ||
			prizes[1][6] != "17/05/1990" || prizes[1][11] != "0123456789012" || prizes[1][7] != "Trần Thị Bình" || prizes[2][0] != "Giải tác giả nhỏ tuổi nhất" {
			t.Fatalf("prize list: %v", prizes)
		}
		// The dossier holds exactly the forwarded works: none yet.
		if parts := dossierParts(t, e.do("GET", "/api/v1/org/essay/"+f.contestID+"/export/dossier", nil, f.org)); len(parts) != 2 ||
			len(readSheets(t, parts["danh-sach-tac-pham.xlsx"])["DanhSach"]) != 1 {
			t.Fatalf("dossier before forwarding: %v", keys(parts))
		}
		if r := e.do("POST", "/api/v1/org/essay/"+f.contestID+"/forward", map[string]any{"toContestId": f.parentID, "roundId": roundID, "topN": 5}, f.org); r.Status != 200 || r.Body["forwarded"] != float64(1) {
			t.Fatalf("forward: %d %s", r.Status, r.Raw)
		}
		parts := dossierParts(t, e.do("GET", "/api/v1/org/essay/"+f.contestID+"/export/dossier", nil, f.org))
		doc, ok := parts["tac-pham/"+code+"-1.docx"]
		if !ok || len(parts) != 3 {
			t.Fatalf("dossier parts: %v", keys(parts))
		}
		inner, _ := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
		for _, zf := range inner.File {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if strings.Contains(string(b), "Nguyễn Văn An") {
				t.Fatalf("the dossier's work file names its author in %s", zf.Name)
			}
		}
		list := readSheets(t, parts["danh-sach-tac-pham.xlsx"])["DanhSach"]
		ids := readSheets(t, parts["ly-lich-tac-gia.xlsx"])["LyLich"]
		if list[1][0] != code || strings.Contains(strings.Join(list[1], "|"), "Nguyễn") || ids[1][0] != code || ids[1][1] != "Nguyễn Văn An" || ids[1][2] != "Bút Xanh Biếc" {
			t.Fatalf("dossier sheets: %v / %v", list, ids)
		}
		// Final score, prize and destination in the list; the author's unit
		// (not typed on the form: the account's) on the identity sheet.
		if len(list[1]) < 10 || list[0][7] != "Điểm cuối cùng" || list[1][7] != "8,5" || list[1][8] == "" || list[1][9] != "Chính luận cấp tỉnh" ||
			!strings.Contains(ids[1][4], "An Biên") {
			t.Fatalf("dossier score/prize/unit: %v / %v", list, ids)
		}
		if r := e.do("GET", "/api/v1/org/essay/"+f.contestID+"/export/dossier?to="+f.contestID, nil, f.org); r.Status != 400 {
			t.Fatalf("a dossier for a contest that is not above: %d", r.Status)
		}
	})
}

// dossierParts unzips a dossier download.
func dossierParts(t *testing.T, d response) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(d.Raw), int64(len(d.Raw)))
	if err != nil {
		t.Fatalf("dossier: %d %v", d.Status, err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return parts
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
