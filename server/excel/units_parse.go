package excel

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// UnitSheet is the sheet units are imported from and exported to.
const UnitSheet = "DonVi"

// MaxUnitRows caps a unit import: far above any province's tree (a few
// thousand units), low enough to refuse a wrong file before it is read.
const MaxUnitRows = 50_000

// Unit names and codes longer than this are typing accidents (a whole
// paragraph pasted into one cell), not names.
const (
	maxCodeLen       = 64
	maxNameLen       = 255
	maxUnitHeadcount = 200_000_000 // above Việt Nam's population; bounds a target too
)

// The unit sheet's columns, in template order.
const (
	colCode = iota
	colName
	colKind
	colParent
	colHeadcount
	colTarget
)

var unitColumns = []columnSpec{
	colCode:   {Header: "Mã đơn vị", Label: contests.T("Mã đơn vị", "Unit code"), Aliases: []string{"Mã", "Mã ĐV", "Code"}},
	colName:   {Header: "Tên đơn vị", Label: contests.T("Tên đơn vị", "Unit name"), Aliases: []string{"Tên", "Tên ĐV", "Name"}},
	colKind:   {Header: "Loại", Label: contests.T("Loại", "Kind"), Aliases: []string{"Loại đơn vị", "Cấp", "Kind"}},
	colParent: {Header: "Mã đơn vị cấp trên", Label: contests.T("Mã đơn vị cấp trên", "Parent unit code"), Aliases: []string{"Mã cấp trên", "Mã ĐV cấp trên", "Parent code"}},
	// Files written before the target column existed called the headcount
	// "(chỉ tiêu)"; those headers still read as the headcount. A bare "Chỉ
	// tiêu" now means the target.
	colHeadcount: {Header: "Số đảng viên/đoàn viên/dân số", Label: contests.T("Số đảng viên/đoàn viên/dân số", "Headcount"),
		Aliases: []string{"Số đảng viên/đoàn viên/dân số (chỉ tiêu)", "Số lượng", "Số lượng (chỉ tiêu)", "Headcount"}},
	colTarget: {Header: "Chỉ tiêu dự thi (người)", Label: contests.T("Chỉ tiêu dự thi", "Participation target"),
		Aliases: []string{"Chỉ tiêu", "Chỉ tiêu (người)", "Target"}, Optional: true},
}

// UnitRow is one unit read from a file. Row is its row number in the sheet,
// which every later message refers to.
type UnitRow struct {
	Row        int
	Code       string
	Name       string
	Kind       string // a contests.Unit* kind for known labels, else the label as written
	ParentCode string // "" for a root
	Headcount  int    // members or population; 0 when blank
	Target     int    // participants expected; 0 when blank
	// HasTarget is false when the file has no target column: an update
	// then keeps the unit's stored target rather than clearing it.
	HasTarget bool

	// layout remembers where the file kept each column, so a later check
	// (ValidateUnitTree) can name the exact cell. nil: template order.
	layout *columnLayout
}

// ParseUnits reads the unit sheet of an xlsx file of at most maxBytes
// (DefaultMaxBytes when 0). Columns are found by header in any order; blank
// rows are skipped. It checks each cell and duplicate codes, not the tree
// (see ValidateUnitTree).
//
// Errors: CodeTooLarge (field "file") for a file over maxBytes or over
// MaxUnitRows data rows; CodeInvalid with one FieldError per problem, the
// field a cell reference ("C12") or "file", for everything else. Nothing is
// returned with an error.
func ParseUnits(r io.Reader, maxBytes int64) ([]UnitRow, error) {
	return parseWorkbook(r, maxBytes, UnitSheet, "đơn vị", "unit", readUnitRows)
}

func readUnitRows(f *workbook, sheet string) ([]UnitRow, error) {
	firstSeen := map[string]int{} // code → row it first appeared on
	return readTable(f, sheet, sheetTable[UnitRow]{
		columns:   unitColumns,
		maxRows:   MaxUnitRows,
		tooManyVI: "File có hơn %d dòng dữ liệu; hãy chia thành nhiều file nhỏ hơn",
		tooManyEN: "The file has more than %d data rows; split it into smaller files",
		parse: func(cells []string, row int, l *columnLayout, p *problems) (UnitRow, bool) {
			u, blank := parseUnitRow(cells, row, l, p)
			if blank || u.Code == "" {
				return u, blank
			}
			if first, dup := firstSeen[u.Code]; dup {
				l.cell(p, colCode, row, "Mã đơn vị %q trùng với dòng %d", "Unit code %q is already used on row %d", u.Code, first)
			} else {
				firstSeen[u.Code] = row
			}
			return u, false
		},
	})
}

// parseUnitRow reads one data row, recording what is wrong with it.
// blank reports a row with none of the unit columns filled.
func parseUnitRow(cells []string, row int, l *columnLayout, p *problems) (u UnitRow, blank bool) {
	u = UnitRow{
		Row:        row,
		Code:       l.text(cells, colCode),
		Name:       l.text(cells, colName),
		Kind:       UnitKind(l.text(cells, colKind)),
		ParentCode: l.text(cells, colParent),
		HasTarget:  l.index[colTarget] >= 0,
		layout:     l,
	}
	count, target := l.text(cells, colHeadcount), l.text(cells, colTarget)
	if u.Code == "" && u.Name == "" && u.Kind == "" && u.ParentCode == "" && count == "" && target == "" {
		return u, true
	}
	switch n := utf8.RuneCountInString(u.Code); {
	case n == 0:
		l.cell(p, colCode, row, "không được để trống", "must not be empty")
	case n > maxCodeLen:
		l.cell(p, colCode, row, "dài quá %d ký tự", "is longer than %d characters", maxCodeLen)
	}
	switch n := utf8.RuneCountInString(u.Name); {
	case n == 0:
		l.cell(p, colName, row, "không được để trống", "must not be empty")
	case n > maxNameLen:
		l.cell(p, colName, row, "dài quá %d ký tự", "is longer than %d characters", maxNameLen)
	}
	if u.Kind == "" {
		l.cell(p, colKind, row, "không được để trống (ví dụ: Tỉnh, Phường, Xã, Chi bộ, Thôn)", "must not be empty (e.g. Tỉnh, Phường, Xã, Chi bộ, Thôn)")
	}
	if utf8.RuneCountInString(u.ParentCode) > maxCodeLen {
		l.cell(p, colParent, row, "dài quá %d ký tự", "is longer than %d characters", maxCodeLen)
	}
	u.Headcount = countCell(count, colHeadcount, row, l, p)
	u.Target = countCell(target, colTarget, row, l, p)
	return u, false
}

// countCell reads a headcount or target cell of column col, recording a
// problem when it is not a reasonable whole number.
func countCell(s string, col, row int, l *columnLayout, p *problems) int {
	n, ok := parseHeadcount(s)
	if !ok {
		l.cell(p, col, row, "%q không phải số nguyên không âm", "%q is not a non-negative whole number", s)
	} else if n > maxUnitHeadcount {
		l.cell(p, col, row, "%q lớn quá mức hợp lý", "%q is unreasonably large", s)
	}
	return n
}

var (
	// "1.234", "1,234,567", "1 234": thousands grouped by one separator
	// (cleanText has already made any no-break space a plain space).
	groupedInt = regexp.MustCompile(`^\d{1,3}([., ])\d{3}(?:[., ]\d{3})*$`)
	// "1234.00": a whole number shown with a decimal format.
	wholeDecimal = regexp.MustCompile(`^(\d+)[.,]0+$`)
)

// parseHeadcount reads a count written as a number or as text: "1234",
// "1.234" (Vietnamese grouping), "1,234", "1234.0". Blank is 0. A number
// too large for an int reads as one above maxUnitHeadcount.
func parseHeadcount(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	if m := groupedInt.FindStringSubmatch(s); m != nil {
		// Every separator must be the same one: "1.234,567" is ambiguous.
		s = strings.ReplaceAll(s, m[1], "")
	} else if m := wholeDecimal.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return maxUnitHeadcount + 1, true // only digits, so it overflowed
	}
	return n, true
}

// checkMergedCells rejects merged ranges reaching into the data rows: only
// the top-left cell of a merge holds a value, so the other rows would read
// as blank and silently lose their data.
func checkMergedCells(f *workbook, sheet string, firstDataRow int) error {
	refs, ok := mergedRanges(f.data, sheet, f.unzipLimit)
	if !ok {
		merges, err := f.GetMergeCells(sheet, true)
		if err != nil {
			return damaged(err)
		}
		for _, m := range merges {
			refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		}
	}
	var p problems
	for _, ref := range refs {
		_, endRow, err := excelize.CellNameToCoordinates(ref[strings.LastIndex(ref, ":")+1:])
		if err != nil || endRow < firstDataRow {
			continue
		}
		p.add(ref, contests.T(
			"Vùng %s đang gộp ô (Merge); hãy bỏ gộp và điền giá trị vào từng ô",
			"Cells %s are merged; unmerge them and fill in every cell", ref))
	}
	return p.err()
}
