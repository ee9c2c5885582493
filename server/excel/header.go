package excel

import (
	"hoithi/contests"
)

// columnSpec is one column an import expects. Files are matched by header,
// not by position, because organizers reorder, insert and rename columns.
type columnSpec struct {
	Header  string       // the header our templates and exports write
	Label   contests.Msg // short name used in messages
	Aliases []string     // other headers people write for it
	// Optional columns may be absent from a file; their cells then read as
	// blank. The first spec (the key column) is always required.
	Optional bool
}

// matches reports whether a folded header (see headerKey) names this column.
func (c columnSpec) matches(key string) bool {
	if key == "" {
		return false
	}
	if key == headerKey(c.Header) || key == headerKey(c.Label.VI) || key == headerKey(c.Label.EN) {
		return true
	}
	for _, a := range c.Aliases {
		if key == headerKey(a) {
			return true
		}
	}
	return false
}

// columnLayout is where one file keeps each expected column.
type columnLayout struct {
	specs     []columnSpec
	headerRow int
	index     []int // per spec: column counted from 0, -1 when absent
}

// text returns the cleaned text of spec i among a row's cells.
func (l *columnLayout) text(cells []string, i int) string {
	c := l.index[i]
	if c < 0 || c >= len(cells) {
		return ""
	}
	return cleanText(cells[c])
}

// cell records a problem in spec i's column of a row.
func (l *columnLayout) cell(p *problems, i, row int, vi, en string, args ...any) {
	l.cellMsg(p, i, row, contests.T(vi, en, args...))
}

func (l *columnLayout) cellMsg(p *problems, i, row int, msg contests.Msg) {
	p.cell(l.index[i], row, l.specs[i].Label, msg)
}

// findHeader reads rows until one holds the first spec's header (the key
// column) and maps every spec to its column. It fails when there is no such
// row near the top, a column is missing, or a column is given twice (one
// copy would silently win, so neither is guessed).
func findHeader(r *rowReader, specs []columnSpec, sheet string) (*columnLayout, error) {
	for {
		row, cells, ok, err := r.next()
		if err != nil {
			return nil, err
		}
		if !ok || row > headerSearchRows {
			break
		}
		if l, err := layoutOf(cells, specs, row); l != nil || err != nil {
			return l, err
		}
	}
	return nil, fileError(contests.CodeInvalid,
		"Không tìm thấy dòng tiêu đề có cột %q trong %d dòng đầu của trang %q",
		"No header row with a %q column in the first %d rows of sheet %q",
		specs[0].Header, headerSearchRows, sheet)
}

// layoutOf maps the header cells of one row. It returns nil, nil when the
// row does not hold the key column (it is not the header row).
func layoutOf(cells []string, specs []columnSpec, row int) (*columnLayout, error) {
	l := &columnLayout{specs: specs, headerRow: row, index: make([]int, len(specs))}
	for i := range l.index {
		l.index[i] = -1
	}
	var p problems
	for c, text := range cells {
		key := headerKey(text)
		for i, spec := range specs {
			if !spec.matches(key) {
				continue
			}
			if l.index[i] >= 0 {
				p.add(cellRef(c, row), contests.T(
					"Cột %s trùng tiêu đề %q với cột %s; hãy xóa hoặc đổi tên một cột",
					"Column %s repeats the header %q of column %s; delete or rename one of them",
					columnLetter(c), spec.Header, columnLetter(l.index[i])))
			} else {
				l.index[i] = c
			}
			break
		}
	}
	if l.index[0] < 0 {
		return nil, nil
	}
	for i, spec := range specs {
		if l.index[i] < 0 && !spec.Optional {
			p.add(FileField, contests.T(
				"Thiếu cột %q (dòng tiêu đề là dòng %d)",
				"Missing column %q (the header row is row %d)", spec.Header, row))
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return l, nil
}
