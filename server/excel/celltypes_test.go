package excel

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// What a column's cells must be, checked cell by cell with excelize: the
// cell's type and its style's number format.
const (
	kText     = "text"     // a string cell
	kNumber   = "number"   // a number, General format
	kDay      = "day"      // a real date shown dd/mm/yyyy
	kInstant  = "instant"  // a real date and time shown dd/mm/yyyy hh:mm:ss
	kDuration = "duration" // a time value shown [h]:mm:ss
	kPercent  = "percent"  // a fraction shown 0.00%
)

var kindFormats = map[string]string{kDay: "dd/mm/yyyy", kInstant: "dd/mm/yyyy hh:mm:ss", kDuration: "[h]:mm:ss", kPercent: "0.00%"}

// assertColumnKinds checks every non-empty cell below the header row of
// sheet: header text → kind. Every header of the sheet must be listed, so a
// new column cannot escape the check.
func assertColumnKinds(t *testing.T, f *excelize.File, sheet string, headerRow int, kinds map[string]string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	must(t, err)
	if len(rows) < headerRow {
		t.Fatalf("%s has no header row %d", sheet, headerRow)
	}
	header := rows[headerRow-1]
	checked := 0
	for c, name := range header {
		kind, ok := kinds[name]
		if !ok {
			t.Errorf("%s: column %q has no expected kind", sheet, name)
			continue
		}
		for r := headerRow + 1; r <= len(rows); r++ {
			ref := cellRef(c, r)
			if v, _ := f.GetCellValue(sheet, ref); v == "" || v == "Tổng cộng" { // a totals line's label
				continue
			}
			checked++
			typ, _ := f.GetCellType(sheet, ref)
			style, _ := f.GetCellStyle(sheet, ref)
			st, _ := f.GetStyle(style)
			format := ""
			if st != nil && st.CustomNumFmt != nil {
				format = *st.CustomNumFmt
			}
			isNumber := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
			switch kind {
			case kText:
				if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
					t.Errorf("%s!%s (%s): type %v, want text", sheet, ref, name, typ)
				}
			case kNumber:
				if !isNumber || format != "" {
					t.Errorf("%s!%s (%s): type %v format %q, want a plain number", sheet, ref, name, typ, format)
				}
			default:
				if !isNumber || format != kindFormats[kind] {
					t.Errorf("%s!%s (%s): type %v format %q, want a number formatted %q", sheet, ref, name, typ, format, kindFormats[kind])
				}
			}
		}
	}
	if checked == 0 {
		t.Errorf("%s: no cell checked", sheet)
	}
}

// kindsOf builds a header → kind map from "header=kind" pairs.
func kindsOf(pairs ...string) map[string]string {
	out := map[string]string{}
	for _, p := range pairs {
		i := strings.LastIndexByte(p, '=')
		out[p[:i]] = p[i+1:]
	}
	return out
}

// quizKinds are the quiz result columns' kinds.
var quizKinds = kindsOf("Giải=text", "Hạng=number", "Họ và tên=text", "Ngày sinh=day", "Giới tính=text",
	"Số điện thoại=text", "CCCD=text", "Đơn vị=text", "Nghề nghiệp/Đối tượng=text", "Điểm=number", "Số câu đúng=number",
	"Tổng số câu=number", "Dự đoán=number", "Sai số dự đoán=number", "Thời gian làm bài=duration", "Nộp bài lúc=instant",
	"Lượt thi được tính=number", "Số lượt đã thi=number",
	// the overall winners
	"Tổng điểm=number", "Tổng sai số dự đoán=number", "Tổng thời gian làm bài=duration", "Nộp bài lần cuối lúc=instant",
	"Số đợt đã thi=number")
