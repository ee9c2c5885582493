package storetest

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"hoithi/contests/audit"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

// NewWork builds a submitted work of contestID by authorID with every
// field a submission sets: text, two files (one with a media length),
// co-authors, unit, receipt. Times are local with sub-millisecond digits,
// so reading back checks UTC milliseconds. No code, warnings or origin:
// acceptedWork and forwardedWork add those.
func NewWork(contestID, authorID, receipt string, submittedAt time.Time) *essay.Work {
	at := submittedAt.In(vietnam)
	return &essay.Work{
		ID:        store.NewID(),
		ContestID: contestID,
		Category:  essay.CatNewspaperPrint,
		Title:     "Xây dựng Đảng về đạo đức ở cơ sở",
		Text:      "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh…\n\nĐoạn hai.",
		Words:     2480,
		Files: []essay.StoredFile{
			{BlobID: "blob-" + receipt + "-1", File: essay.File{Name: "bai-du-thi.docx", Kind: essay.FileDOCX, Bytes: 183_402}, SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
			{BlobID: "blob-" + receipt + "-2", File: essay.File{Name: "phong-su.mp3", Kind: essay.FileMP3, Bytes: 9_512_000, MediaSeconds: 754}, SHA256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"},
		},
		Coauthors:   2,
		AuthorID:    authorID,
		UnitPath:    "/tinh/huyen/xa/",
		Receipt:     receipt,
		Status:      essay.WorkSubmitted,
		Version:     1,
		SubmittedAt: at,
		UpdatedAt:   at.Add(1500 * time.Microsecond),
	}
}

// acceptedWork returns the next version of w as screening leaves it:
// accepted under code, a warning to look at, in round 1.
func acceptedWork(w *essay.Work, code string) *essay.Work {
	c := *w
	c.Status, c.Code, c.Round = essay.WorkAccepted, code, 1
	c.Warnings = []string{"Tên tác giả xuất hiện trong siêu dữ liệu của tệp bai-du-thi.docx"}
	c.Version = w.Version + 1
	c.UpdatedAt = w.UpdatedAt.Add(time.Hour)
	return &c
}

// forwardedWork builds an entry of a parent contest that came from a work
// of a child contest: every field set, the origin included.
func forwardedWork(contestID, receipt, code string, at time.Time) *essay.Work {
	w := NewWork(contestID, store.NewID(), receipt, at)
	w.Category, w.Status, w.Code, w.Round = essay.CatTV, essay.WorkAccepted, code, 2
	w.RejectReason = "Đã xem xét lại: không phạm quy"
	w.Warnings = []string{"Trùng 12% với bài đã đăng", "Tên tác giả ở trang bìa"}
	w.Origin = &essay.Origin{ContestID: store.NewID(), WorkID: store.NewID(),
		ContestName: "Giải báo chí tỉnh Gia Lai 2025", UnitName: "Ban Tuyên giáo Tỉnh ủy", Final: 87.25, Prize: "Giải Nhất"}
	return w
}

// NewIdentity builds the identity sheet of work with every field set. Every
// string carries the marker "BÍ MẬT" and a piece of the work ID, so a leak
// into any work read is found by identityLeaks.
func NewIdentity(w *essay.Work) *essay.Identity {
	tag := "BÍ MẬT " + w.ID[:6]
	person := func(role string) essay.Person {
		return essay.Person{
			FullName:    "Nguyễn Thị " + role + " " + tag,
			BirthDate:   time.Date(1979, 2, 3, 0, 0, 0, 0, time.UTC),
			PenName:     "Bút danh " + tag,
			Title:       "Phóng viên " + tag,
			UnitName:    "Báo Gia Lai " + tag,
			Address:     "12 Hùng Vương " + tag,
			Phone:       "0912" + tag,
			Email:       "tacgia." + w.ID[:6] + "@bimat.vn",
			CCCDSealed:  "sealed:" + tag,
			CCCDMasked:  "064******" + w.ID[:3],
			BankAccount: "STK " + tag,
			BankName:    "Ngân hàng " + tag,
		}
	}
	return &essay.Identity{
		WorkID:    w.ID,
		ContestID: w.ContestID,
		Author:    person("Tác giả"),
		Coauthors: []essay.Person{person("Đồng tác giả 1"), {FullName: "Trần Văn Đồng " + tag}},
		UpdatedAt: baseTime.In(vietnam).Add(3 * time.Minute),
	}
}

// NewEssayRound builds a preliminary round number no of contestID with
// every setting set; its seed is above the largest int64, as half of all
// random seeds are.
func NewEssayRound(contestID string, no int) *essay.Round {
	return &essay.Round{
		ID:        store.NewID(),
		ContestID: contestID,
		No:        no,
		Name:      fmt.Sprintf("Vòng %d: sơ khảo", no),
		Kind:      essay.RoundPreliminary,
		Rubric: essay.Rubric{Scale: 100, Step: 0.5, Criteria: []essay.Criterion{
			{Key: "noi_dung", Name: "Nội dung", Max: 60, Description: "Tính khoa học, tính Đảng, tính chiến đấu"},
			{Key: "hinh_thuc", Name: "Hình thức", Max: 20, Weight: 2},
		}},
		JudgesPerWork: 2,
		Policy:        essay.PolicyThirdJudgeStands,
		Threshold:     20,
		Advance:       essay.AdvanceRule{Mode: essay.AdvanceBoth, TopN: 10, MinScore: 65.5},
		Panels: []essay.Panel{
			{Category: essay.CatNewspaperPrint, JudgeIDs: []string{"judge-a", "judge-b", "judge-c"}, HeadID: "judge-a"},
			{Category: essay.CatTV, JudgeIDs: []string{"judge-d", "judge-e"}},
		},
		Status:    essay.RoundSetup,
		Seed:      0xF00D_FACE_CAFE_BABE,
		Awards:    []essay.Award{{WorkID: "w-1", Category: essay.CatMagazine, Tier: "A", Final: 91.5, OverQuota: true}},
		UpdatedAt: baseTime.In(vietnam),
	}
}

// NewSeat builds a regular seat of judgeID on workID.
func NewSeat(roundID, workID, judgeID string) essay.Seat {
	return essay.Seat{RoundID: roundID, WorkID: workID, JudgeID: judgeID, Kind: essay.ScoreRegular,
		AssignedAt: baseTime.In(vietnam).Add(time.Hour)}
}

// NewScore builds a submitted first version of a score sheet; total
// shifts every criterion so sheets differ.
func NewScore(roundID, workID, judgeID string, total float64) *essay.Score {
	at := baseTime.In(vietnam).Add(2 * time.Hour)
	return &essay.Score{
		RoundID: roundID, WorkID: workID, JudgeID: judgeID, Kind: essay.ScoreRegular,
		Criteria: map[string]float64{"noi_dung": total * 0.75, "hinh_thuc": total * 0.125},
		Total:    total,
		Comment:  "Bài viết có chiều sâu, dẫn chứng cụ thể.",
		// Kept across a resubmission: the last reopening's reason.
		ReopenReason: "Nhập nhầm điểm hình thức",
		Status:       essay.ScoreSubmitted,
		Version:      1,
		SubmittedAt:  at,
		UpdatedAt:    at,
	}
}

// auditData are event details of every shape the log sees, in a
// non-canonical form (spaces, unsorted keys) that audit.Append rewrites:
// numbers written with trailing zeros, HTML characters, Vietnamese text, a
// nested object, and nothing at all.
var auditData = []string{
	`{"work": "K7M-4QX-9TB", "round": 1}`,
	`{"total": 87.50, "criteria": {"noi_dung": 60.0, "hinh_thuc": 27.5}, "judge": "judge-a"}`,
	``,
	`{"reason": "Xung đột lợi ích: cùng đơn vị <Báo Gia Lai> & \"Hội Nhà báo\""}`,
	`[1, 2.50, {"z": null, "a": true}]`,
}

// auditChain builds n valid entries of one chain with audit.Append, one
// minute apart from start, cycling through auditData.
func auditChain(t *testing.T, n int, start time.Time) []audit.Entry {
	t.Helper()
	out := make([]audit.Entry, 0, n)
	var prev *audit.Entry
	for i := range n {
		e, err := audit.Append(prev, audit.Entry{
			At:      start.In(vietnam).Add(time.Duration(i)*time.Minute + 789*time.Microsecond),
			ActorID: fmt.Sprintf("judge-%c", 'a'+i%3),
			Action:  []string{audit.ActionWorkViewed, audit.ActionScoreSubmitted, audit.ActionJudgeRecused, audit.ActionDecision}[i%4],
			Subject: fmt.Sprintf("work:K7M-4QX-%03d", i),
			Data:    json.RawMessage(auditData[i%len(auditData)]),
		})
		must(t, err)
		out = append(out, e)
		prev = &out[len(out)-1]
	}
	return out
}
