package api

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// TestCollectiveExport reads the collective ranking workbook back and
// checks it against what the three people of the scenario did: A and B
// took part for Khu phố 1 (A won Giải Nhất), C for the ward itself (Giải
// Nhì), so at the level below the ward only Khu phố 1 competes.
func TestCollectiveExport(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		base := "/api/v1/org/contests/" + f.contestID + "/export/collective"
		// A unit is named by its path in words, from the unit up.
		const khuPho1 = "Khu phố 1, Phường An Biên, Tỉnh An Giang"
		// Before anyone took part: a valid workbook, the unit with zeros.
		x := openXLSX(t, e.do("GET", base, nil, f.org), "giai-tap-the-"+f.slug+".xlsx")
		sheetEquals(t, x, "GiaiTapThe", [][]string{
			{"Hạng", "Mã đơn vị", "Đơn vị", "Số người dự thi", "Số đảng viên/đoàn viên/dân số", "Tỷ lệ tham gia (%)", "Giải Nhất", "Giải Nhì", "Điểm thưởng giải cá nhân", "Điểm xét giải tập thể"},
			{"1", "W1-A", khuPho1, "0", "100", "0.00%", "0", "0", "0", "0"},
		})

		f.playThree(t)
		f.publishResults()

		x = openXLSX(t, e.do("GET", base+"?formula=participation_rate&level=3&roundId="+f.roundID, nil, f.org), "giai-tap-the-"+f.slug+".xlsx")
		sheetEquals(t, x, "GiaiTapThe", [][]string{
			{"Hạng", "Mã đơn vị", "Đơn vị", "Số người dự thi", "Số đảng viên/đoàn viên/dân số", "Tỷ lệ tham gia (%)", "Giải Nhất", "Giải Nhì", "Điểm thưởng giải cá nhân", "Điểm xét giải tập thể"},
			{"1", "W1-A", khuPho1, "2", "100", "2.00%", "1", "0", "0", "2"},
		})
		if got := cellOf(t, x, "ThongTin", "B3"); got != "Tuần 1" {
			t.Errorf("scope = %q, want the round's title", got)
		}
		if got := cellOf(t, x, "ThongTin", "B4"); got != "Tỷ lệ tham gia (%) cộng điểm giải cá nhân" {
			t.Errorf("formula = %q", got)
		}
		// At the ward's level, C counts too, and C's Giải Nhì.
		x = openXLSX(t, e.do("GET", base+"?level=2", nil, f.org), "giai-tap-the-"+f.slug+".xlsx")
		sheetEquals(t, x, "GiaiTapThe", [][]string{
			{"Hạng", "Mã đơn vị", "Đơn vị", "Số người dự thi", "Số đảng viên/đoàn viên/dân số", "Tỷ lệ tham gia (%)", "Giải Nhất", "Giải Nhì", "Điểm thưởng giải cá nhân", "Điểm xét giải tập thể"},
			{"1", "W1", "Phường An Biên, Tỉnh An Giang", "3", "100", "3.00%", "1", "1", "0", "3"},
		})
		if got := cellOf(t, x, "ThongTin", "B3"); got != "Toàn cuộc thi" {
			t.Errorf("scope = %q, want the whole contest", got)
		}

		if r := e.do("GET", base+"?roundId=nope", nil, f.org); r.Status != 404 {
			t.Errorf("unknown round: %d %s", r.Status, r.Raw)
		}
		if r := e.do("GET", base+"?formula=most_votes", nil, f.org); r.Status != 400 && r.Status != 422 {
			t.Errorf("unknown formula: %d %s", r.Status, r.Raw)
		}
		other := e.staff(950, contests.RoleOrganizer, "W2")
		if r := e.do("GET", base, nil, other); r.Status != 403 && r.Status != 404 {
			t.Errorf("organizer of another ward: %d %s", r.Status, r.Raw)
		}
	})
}

func cellOf(t *testing.T, x *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := x.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
