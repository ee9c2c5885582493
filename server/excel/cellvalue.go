package excel

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// Every importer reads a cell as the person saw it in a Vietnamese
// spreadsheet, whatever program saved it. A number cell's stored value is
// a float; what it means depends on its number format:
//
//   - dates are written d/m/yyyy (d/m when the format shows no year; H:mm
//     or H:mm:ss appended when it shows a time), never in US order: Excel
//     saves the locale's short date as built-in format 14 and LibreOffice
//     saves it as "mm/dd/yy", both shown day first on a Vietnamese machine;
//   - numbers use the Vietnamese separators (1.234,5), with the decimals
//     and grouping of their format and never a spurious ",0";
//   - percentages are the percentage ("50%").
//
// A date serial from 0 to 60 means different days in Excel (which counts a
// 29 February 1900 that never was) and in LibreOffice: such a cell is
// refused with its name rather than read one day off.

// fmtKind is what a number format makes of a value.
type fmtKind int

const (
	fmtGeneral fmtKind = iota
	fmtNumber          // fixed decimals, maybe grouped
	fmtPercent
	fmtDate  // date and/or time
	fmtOther // anything else: excelize renders it (currency, "000" codes…)
)

// numFormat is a number format reduced to what the reading needs.
type numFormat struct {
	kind                 fmtKind
	decimals             int
	grouped              bool
	year, month, day     bool
	hours, seconds, span bool // span: [h] elapsed hours
}

// builtinFormats are Excel's built-in number formats that matter here; the
// date ones (14–22, 27–36, 45–47, 50–58) are locale-dependent and handled by
// classifyBuiltin.
var builtinFormats = map[int]numFormat{
	0: {kind: fmtGeneral}, 1: {kind: fmtNumber}, 2: {kind: fmtNumber, decimals: 2},
	3: {kind: fmtNumber, grouped: true}, 4: {kind: fmtNumber, grouped: true, decimals: 2},
	9: {kind: fmtPercent}, 10: {kind: fmtPercent, decimals: 2},
	14: {kind: fmtDate, year: true, month: true, day: true},
	15: {kind: fmtDate, year: true, month: true, day: true},
	16: {kind: fmtDate, month: true, day: true},
	17: {kind: fmtDate, year: true, month: true},
	18: {kind: fmtDate, hours: true}, 19: {kind: fmtDate, hours: true, seconds: true},
	20: {kind: fmtDate, hours: true}, 21: {kind: fmtDate, hours: true, seconds: true},
	22: {kind: fmtDate, year: true, month: true, day: true, hours: true},
	45: {kind: fmtDate, hours: true, seconds: true}, 46: {kind: fmtDate, hours: true, seconds: true, span: true},
	47: {kind: fmtDate, hours: true, seconds: true},
	49: {kind: fmtGeneral}, // "@": a number typed into a text cell reads as typed
}

func classifyBuiltin(id int) numFormat {
	if f, ok := builtinFormats[id]; ok {
		return f
	}
	if (27 <= id && id <= 31) || (50 <= id && id <= 58) { // East Asian short dates
		return numFormat{kind: fmtDate, year: true, month: true, day: true}
	}
	if 32 <= id && id <= 35 {
		return numFormat{kind: fmtDate, hours: true, seconds: true}
	}
	return numFormat{kind: fmtOther}
}

// classifyCustom reads a custom format code: its first section, without
// quoted text, escapes, colours and locale tags.
func classifyCustom(code string) numFormat {
	section, _, _ := strings.Cut(code, ";")
	var b strings.Builder
	span := false
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			if j := strings.IndexByte(section[i+1:], '"'); j >= 0 {
				i += j + 1
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				return numFormat{kind: fmtOther}
			}
			tag := strings.ToLower(section[i+1 : i+j])
			if tag == "h" || tag == "hh" {
				span = true
				b.WriteByte('h')
			}
			i += j
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	if s == "general" || s == "" {
		return numFormat{kind: fmtGeneral}
	}
	if s == "@" {
		return numFormat{kind: fmtGeneral}
	}
	f := numFormat{year: strings.ContainsRune(s, 'y'), day: strings.ContainsRune(s, 'd'),
		hours: strings.ContainsRune(s, 'h'), seconds: strings.ContainsRune(s, 's'), span: span}
	f.month = strings.ContainsRune(s, 'm') && (f.year || f.day)
	if f.year || f.day || f.month || f.hours || f.seconds {
		f.kind = fmtDate
		return f
	}
	digits := strings.Trim(s, " ")
	percent := strings.HasSuffix(digits, "%")
	digits = strings.TrimSuffix(digits, "%")
	if digits == "" || strings.Trim(digits, "#0,.?") != "" {
		return numFormat{kind: fmtOther}
	}
	whole, frac, _ := strings.Cut(digits, ".")
	if strings.Count(whole, "0") > 1 {
		return numFormat{kind: fmtOther} // "000": zero-padded codes, excelize pads them
	}
	f = numFormat{kind: fmtNumber, grouped: strings.ContainsRune(whole, ','), decimals: strings.Count(frac, "0")}
	if percent {
		f.kind = fmtPercent
	}
	return f
}

// formatOf returns the number format of a cell style, cached per style.
func (r *rowReader) formatOf(style int) numFormat {
	if f, ok := r.formats[style]; ok {
		return f
	}
	f := numFormat{kind: fmtOther}
	if st, err := r.f.GetStyle(style); err == nil {
		if st.CustomNumFmt != nil {
			f = classifyCustom(*st.CustomNumFmt)
		} else {
			f = classifyBuiltin(st.NumFmt)
		}
	}
	r.formats[style] = f
	return f
}

// shown returns what a number cell displays (see the package rules), or a
// refusal naming the cell.
func (r *rowReader) shown(col, row int, raw string) (string, error) {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return raw, nil
	}
	ref := cellRef(col, row)
	style, isNumber, err := r.numberStyle(col, row, ref)
	if err != nil {
		return "", err
	}
	if !isNumber {
		return raw, nil // text that looks like a number ("1930" typed as text)
	}
	switch f := r.formatOf(style); f.kind {
	case fmtGeneral:
		return vietnameseNumber(v, -1, false), nil
	case fmtNumber:
		return vietnameseNumber(v, f.decimals, f.grouped), nil
	case fmtPercent:
		return vietnameseNumber(v*100, f.decimals, f.grouped) + "%", nil
	case fmtDate:
		return r.date(v, f, col, row)
	default:
		s, err := r.f.GetCellValue(r.sheet, ref)
		if err != nil {
			return "", damaged(err)
		}
		return s, nil
	}
}

// numberStyle says whether the cell is a number cell and its style.
func (r *rowReader) numberStyle(col, row int, ref string) (style int, isNumber bool, err error) {
	if r.numbers != nil {
		style, isNumber = r.numbers[cellKey(col+1, row)]
		return style, isNumber, nil
	}
	switch typ, err := r.f.GetCellType(r.sheet, ref); {
	case err != nil:
		return 0, false, damaged(err)
	case typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber:
		return 0, false, nil
	}
	if style, err = r.f.GetCellStyle(r.sheet, ref); err != nil {
		return 0, false, damaged(err)
	}
	return style, true, nil
}

// date writes a date/time serial day first.
func (r *rowReader) date(v float64, f numFormat, col, row int) (string, error) {
	if !f.year && !f.month && !f.day { // a time or a duration
		return clock(v, f), nil
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if r.date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if v >= 0 && v < 61 {
		return "", ambiguousDate(col, row, v)
	}
	if v < -700_000 || v > 2_958_465 { // outside years 0–9999
		return "", ambiguousDate(col, row, v)
	}
	days := math.Floor(v)
	t := epoch.AddDate(0, 0, int(days))
	var out string
	switch {
	case f.day && f.month && f.year:
		out = t.Format("2/1/2006")
	case f.day && f.month:
		out = t.Format("2/1")
	case f.month && f.year:
		out = t.Format("1/2006")
	default:
		out = t.Format("2/1/2006")
	}
	if f.hours {
		out += " " + clock(v-days, f)
	}
	return out, nil
}

// clock writes a fraction of a day as H:mm or H:mm:ss (hours beyond 24
// for an elapsed [h] format).
func clock(v float64, f numFormat) string {
	secs := int64(math.Round(math.Abs(v) * 86400))
	if !f.span {
		secs %= 86400
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	out := strconv.FormatInt(h, 10) + ":" + twoDigits(m)
	if f.seconds {
		out += ":" + twoDigits(s)
	}
	return out
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

func ambiguousDate(col, row int, v float64) error {
	var p problems
	p.cell(col, row, contests.T("ngày tháng", "date"), contests.T(
		"ô định dạng ngày tháng có giá trị %s, không xác định được là ngày nào; hãy gõ lại dạng ngày/tháng/năm (ví dụ 3/2/1930) hoặc định dạng ô là Văn bản",
		"the date cell holds %s, which does not name one day for sure; type it again as day/month/year (e.g. 3/2/1930) or format the cell as Text",
		strconv.FormatFloat(v, 'f', -1, 64)))
	return p.err()
}

// vietnameseNumber writes v with "," before the decimals and "." between
// thousands when grouped; decimals < 0 writes as few as needed (General,
// at most 15 significant digits, so 0.1+0.2 reads 0,3 and 2.0 reads 2).
func vietnameseNumber(v float64, decimals int, grouped bool) string {
	var s string
	if decimals < 0 {
		short, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
		s = strconv.FormatFloat(short, 'f', -1, 64)
	} else {
		s = strconv.FormatFloat(v, 'f', decimals, 64)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if grouped && len(whole) > 3 {
		var b strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte('.')
			}
			b.WriteRune(c)
		}
		whole = b.String()
	}
	if frac != "" {
		whole += "," + frac
	}
	if neg && strings.Trim(whole, "0,.") != "" {
		whole = "-" + whole
	}
	return whole
}
