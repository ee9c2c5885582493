package excel

import (
	"bytes"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// shownCase is one option cell: a value stored with a number format, and
// the text a person saw in a Vietnamese spreadsheet.
type shownCase struct {
	name    string
	value   any
	builtin int    // built-in number format, when custom is ""
	custom  string // custom number format code
	want    string
}

var shownCases = []shownCase{
	{"Excel short date (format 14)", 10992.0, 14, "", "3/2/1930"},
	{"Excel date and time (format 22)", 10992.75, 22, "", "3/2/1930 18:00"},
	{"custom d/m/yyyy", 10992.0, 0, "d/m/yyyy", "3/2/1930"},
	{"custom dd/mm/yyyy", 16682.0, 0, "dd/mm/yyyy", "2/9/1945"},
	{"LibreOffice locale date saved as mm/dd/yy", 10992.0, 0, "mm/dd/yy", "3/2/1930"},
	{"US-order custom date is still read day first", 10992.0, 0, "m/d/yyyy", "3/2/1930"},
	{"day-month typed without a year (format 16)", 46107.0, 16, "", "26/3"},
	{"day-month custom d/m", 46056.0, 0, "d/m", "3/2"},
	{"time (format 20)", 0.5, 20, "", "12:00"},
	{"elapsed [h]:mm:ss", 1.5, 0, "[h]:mm:ss", "36:00:00"},
	{"whole number, General", 1930.0, 0, "", "1930"},
	{"no spurious decimals, General", 0.1 + 0.2, 0, "", "0,3"},
	{"decimal, General", 1234.5, 0, "", "1234,5"},
	{"thousands as shown (format 3)", 1234567.0, 3, "", "1.234.567"},
	{"thousands and decimals (format 4)", 1234.5, 4, "", "1.234,50"},
	{"custom #,##0", 42000.0, 0, "#,##0", "42.000"},
	{"percentage (format 9)", 0.5, 9, "", "50%"},
	{"zero-padded code", 5.0, 0, "000", "005"},
	{"text that looks like a number", "1.5", 49, "", "1.5"},
	{"text that looks like a date", "3/2/1930", 49, "", "3/2/1930"},
}

// shownWorkbook is a question bank whose row i+2 has option A in the cell
// of case i and option B "Khác".
func shownWorkbook(t *testing.T, cases []shownCase) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	must(t, f.SetSheetName(sheet, QuestionSheet))
	must(t, f.SetSheetRow(QuestionSheet, "A1", &questionHeader))
	for i, c := range cases {
		row := i + 2
		ref := func(col string) string { return col + itoa(row) }
		must(t, f.SetSheetRow(QuestionSheet, ref("A"), &[]any{i + 1, nil, nil, "Câu " + c.name}))
		must(t, f.SetCellValue(QuestionSheet, ref("E"), c.value))
		must(t, f.SetCellValue(QuestionSheet, ref("F"), "Khác"))
		must(t, f.SetCellValue(QuestionSheet, ref("I"), "B"))
		style := &excelize.Style{NumFmt: c.builtin}
		if c.custom != "" {
			style = &excelize.Style{CustomNumFmt: &c.custom}
		}
		id, err := f.NewStyle(style)
		must(t, err)
		must(t, f.SetCellStyle(QuestionSheet, ref("E"), ref("E"), id))
	}
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

func itoa(n int) string { return vietnameseNumber(float64(n), 0, false) }

// TestImportReadsCellsAsAVietnameseSpreadsheetShows: dates day first, never
// US order; numbers with Vietnamese separators and no spurious decimals.
func TestImportReadsCellsAsAVietnameseSpreadsheetShows(t *testing.T) {
	rows, err := ParseQuestions(bytes.NewReader(shownWorkbook(t, shownCases)), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(shownCases) {
		t.Fatalf("%d rows, want %d", len(rows), len(shownCases))
	}
	for i, c := range shownCases {
		if got := rows[i].Question.Options[0].Text; got != c.want {
			t.Errorf("%s: option reads %q, want %q", c.name, got, c.want)
		}
	}
}

// TestImportRefusesAnAmbiguousDate: serials 0–60 are different days in
// Excel and LibreOffice; the cell is named, nothing is imported.
func TestImportRefusesAnAmbiguousDate(t *testing.T) {
	cases := append([]shownCase{shownCases[0]}, shownCase{"1900", 30.0, 14, "", ""})
	_, err := ParseQuestions(bytes.NewReader(shownWorkbook(t, cases)), 0)
	assertFields(t, err, contests.CodeInvalid, fieldErr{"E3", []string{"Dòng 3, cột E", "ngày/tháng/năm"}})
}

// TestImportLibreOfficeVietnameseFiles reads workbooks LibreOffice Calc
// saved in a Vietnamese locale (testdata/libreoffice/README.md).
func TestImportLibreOfficeVietnameseFiles(t *testing.T) {
	data, err := os.ReadFile("testdata/libreoffice/cauhoi-libreoffice-vi.xlsx")
	must(t, err)
	rows, err := ParseQuestions(bytes.NewReader(data), 0)
	must(t, err)
	want := [][]string{
		{"3/2/1930", "2/3/1930", "19/5/1930", "2/9/1945"},
		{"26/3/1931", "3/2/1930", "1/5/1931", "2/9/1945"},
		{"1234", "1234,5", "123", "12,5"},
		{"1890", "1911", "1930", "1945"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d questions, want %d", len(rows), len(want))
	}
	for i, w := range want {
		for j, text := range w {
			if got := rows[i].Question.Options[j].Text; got != text {
				t.Errorf("question %d option %c = %q, want %q", i+1, 'A'+j, got, text)
			}
		}
	}
	data, err = os.ReadFile("testdata/libreoffice/donvi-libreoffice-vi.xlsx")
	must(t, err)
	units, err := ParseUnits(bytes.NewReader(data), 0)
	must(t, err)
	if len(units) != 2 || units[0].Headcount != 1_900_000 || units[0].Target != 250_000 ||
		units[1].Headcount != 42_000 || units[1].Target != 1_500 {
		t.Fatalf("units read %+v", units)
	}
}
