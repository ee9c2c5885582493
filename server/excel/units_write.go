package excel

import (
	"io"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// GuideSheet is the sheet of a template that explains its columns.
const GuideSheet = "HuongDan"

// unitSheetColumns are the unit sheet's columns as exports and the template
// write them; ParseUnits reads them back by these headers.
func unitSheetColumns() []Column {
	return []Column{
		colCode:      {Header: unitColumns[colCode].Header, Width: 16, Text: true},
		colName:      {Header: unitColumns[colName].Header, Width: 45},
		colKind:      {Header: unitColumns[colKind].Header, Width: 14},
		colParent:    {Header: unitColumns[colParent].Header, Width: 22, Text: true},
		colHeadcount: {Header: unitColumns[colHeadcount].Header, Width: 24},
		colTarget:    {Header: unitColumns[colTarget].Header, Width: 18},
	}
}

// WriteUnits writes units as an xlsx file in the import format, so an
// organizer can export, edit and import back. Rows keep the given order
// (pass them ordered by Path for a readable tree). A unit whose parent is
// not among units gets a blank parent code, which an import reads as "keep
// the stored parent".
func WriteUnits(w io.Writer, units []*contests.Unit) error {
	codeByID := make(map[string]string, len(units))
	for _, u := range units {
		codeByID[u.ID] = u.Code
	}
	return writeOneTable(w, UnitSheet, unitSheetColumns(), func(s *SheetWriter) error {
		for _, u := range units {
			if err := s.WriteRow(u.Code, u.Name, UnitKindLabel(u.Kind), codeByID[u.ParentID], u.Headcount, u.Target); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}

// UnitTemplate writes the empty unit import file: the header row and one
// example row on sheet DonVi, and a HuongDan sheet explaining each column.
func UnitTemplate(w io.Writer) error {
	return writeOneTable(w, UnitSheet, unitSheetColumns(), func(s *SheetWriter) error {
		return s.WriteRow("CB001", "Chi bộ Khu phố 1", "Chi bộ", "P001", 35, 15)
	}, writeUnitGuide)
}

var unitGuide = [][]string{
	{unitColumns[colCode].Header, "Có",
		"Mã riêng của đơn vị, không trùng với đơn vị nào khác. Có thể có số 0 ở đầu (001). Nếu mã đã có trong hệ thống, dòng này cập nhật tên, loại, số lượng và chỉ tiêu của đơn vị đó.",
		"P001"},
	{unitColumns[colName].Header, "Có", "Tên đầy đủ của đơn vị.", "Phường An Biên"},
	{unitColumns[colKind].Header, "Có",
		"Cấp của đơn vị. Hệ thống nhận biết: Tỉnh, Thành phố (trực thuộc trung ương); Phường, Xã, Đặc khu; Chi bộ, Đảng bộ cơ sở, Thôn, Tổ dân phố, Khu phố, Ấp, Bản; Huyện, Quận (dữ liệu cũ); Ngoài tỉnh. Ghi khác (ví dụ: Trường học) thì giữ nguyên như đã ghi.",
		"Phường"},
	{unitColumns[colParent].Header, "Không",
		"Mã của đơn vị cấp trên, có trong file này hoặc đã có trong hệ thống. Để trống nếu là đơn vị cấp cao nhất. Không dùng file để chuyển một đơn vị đã có sang cấp trên khác (hãy làm ở trang Quản lý đơn vị); để trống thì giữ nguyên cấp trên hiện tại.",
		"T01"},
	{unitColumns[colHeadcount].Header, "Không",
		"Số đảng viên, đoàn viên hoặc dân số của đơn vị, dùng để tính tỷ lệ tham gia so với số người. Số nguyên không âm; để trống là 0 (chưa biết).",
		"1200"},
	{unitColumns[colTarget].Header, "Không",
		"Số người đơn vị được giao vận động dự thi, dùng để tính tỷ lệ hoàn thành chỉ tiêu. Số nguyên không âm; để trống là 0 (không giao chỉ tiêu). File không có cột này thì giữ nguyên chỉ tiêu đã có.",
		"400"},
	{"Lưu ý", "",
		"Giữ nguyên dòng tiêu đề; có thể đổi thứ tự cột và thêm cột ghi chú. Không gộp ô (Merge) trong vùng dữ liệu. Tối đa 50.000 dòng. Xóa dòng ví dụ trước khi nhập.",
		""},
}

func writeUnitGuide(f *excelize.File) error {
	s, err := NewSheetWriter(f, GuideSheet, []Column{
		{Header: "Cột", Width: 40, Wrap: true},
		{Header: "Bắt buộc", Width: 10},
		{Header: "Giải thích", Width: 90, Wrap: true},
		{Header: "Ví dụ", Width: 18, Text: true},
	})
	if err != nil {
		return err
	}
	for _, line := range unitGuide {
		if err := s.WriteRow(line[0], line[1], line[2], line[3]); err != nil {
			return err
		}
	}
	return s.Close()
}

// writeOneTable writes a workbook whose first sheet is one table: the
// header of cols, then the rows rows writes. guide, when not nil, adds the
// sheets that follow (a template's HuongDan); the table stays the sheet
// that opens.
func writeOneTable(w io.Writer, sheet string, cols []Column, rows func(*SheetWriter) error, guide func(*excelize.File) error) error {
	f, err := NewWorkbook(sheet)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	s, err := NewSheetWriter(f, sheet, cols)
	if err != nil {
		return err
	}
	if err := rows(s); err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	if guide != nil {
		if err := guide(f); err != nil {
			return err
		}
		f.SetActiveSheet(0)
	}
	return writeWorkbook(f, w)
}

func writeWorkbook(f *excelize.File, w io.Writer) error {
	_, err := f.WriteTo(w)
	return err
}
