package excel

import (
	"fmt"
	"strings"

	"hoithi/contests"
)

// templateLayout names cells of rows that did not come from a file (built
// by hand or by another import) as if they were in our template.
var templateLayout = &columnLayout{specs: unitColumns, headerRow: 1, index: []int{0, 1, 2, 3, 4, 5}}

func (u UnitRow) cols() *columnLayout {
	if u.layout != nil {
		return u.layout
	}
	return templateLayout
}

// CellError names a problem in the row's headcount column (or target
// column, when target is true) the way the importer's own errors do.
func (u UnitRow) CellError(target bool, msg contests.Msg) contests.FieldError {
	var p problems
	col := colHeadcount
	if target {
		col = colTarget
	}
	u.cols().cellMsg(&p, col, u.Row, msg)
	return p.list[0]
}

// ValidateUnitTree checks that imported rows form a tree with the units
// already stored (existing, keyed by code; nil when there are none):
// every parent code is in the file or stored, there is no cycle, a kind is
// given, and a stored unit keeps its parent (an import creates and updates
// units, it does not move them: moving rewrites the paths of a whole
// subtree and its participants, which the unit page does with a preview).
// A stored unit's parent left blank means "unchanged".
//
// It returns the rows ordered parents first (each parent before its
// children, otherwise in file order), with Kind mapped by UnitKind, ready to
// be saved in order. Errors: CodeInvalid, one FieldError per problem named
// by cell as in ParseUnits.
func ValidateUnitTree(rows []UnitRow, existing map[string]*contests.Unit) ([]UnitRow, error) {
	var p problems
	byCode := make(map[string]int, len(rows))
	for i, u := range rows {
		if first, dup := byCode[u.Code]; dup {
			u.cols().cell(&p, colCode, u.Row, "Mã đơn vị %q trùng với dòng %d", "Unit code %q is already used on row %d", u.Code, rows[first].Row)
			continue
		}
		byCode[u.Code] = i
	}
	t := treeCheck{rows: rows, byCode: byCode, existing: existing, p: &p}
	for _, u := range rows {
		t.checkRow(u)
	}
	ordered := t.parentsFirst()
	if err := p.err(); err != nil {
		return nil, err
	}
	return ordered, nil
}

type treeCheck struct {
	rows     []UnitRow
	byCode   map[string]int
	existing map[string]*contests.Unit
	codeByID map[string]string // of existing units, built on first need
	p        *problems
}

func (t *treeCheck) checkRow(u UnitRow) {
	l := u.cols()
	if strings.TrimSpace(u.Kind) == "" {
		l.cell(t.p, colKind, u.Row, "không được để trống (ví dụ: Tỉnh, Phường, Xã, Chi bộ, Thôn)", "must not be empty (e.g. Tỉnh, Phường, Xã, Chi bộ, Thôn)")
	}
	_, parentInFile := t.byCode[u.ParentCode]
	parentStored := t.existing[u.ParentCode]
	switch {
	case u.ParentCode == "":
	case u.ParentCode == u.Code:
		l.cell(t.p, colParent, u.Row, "đơn vị không thể là cấp trên của chính nó", "a unit cannot be its own parent")
		return
	case !parentInFile && parentStored == nil:
		l.cell(t.p, colParent, u.Row, "không có đơn vị mã %q trong file hay trong hệ thống", "no unit with code %q in the file or already stored", u.ParentCode)
		return
	}
	stored := t.existing[u.Code]
	if stored == nil || u.ParentCode == "" {
		// A blank parent on a stored unit means "where it is": an export of
		// a subtree leaves its top unit's parent blank, and re-importing
		// the edited export must work.
		return
	}
	if parentStored != nil && parentStored.ID == stored.ParentID {
		return
	}
	nowVI, nowEN := t.describeParent(stored.ParentID)
	l.cellMsg(t.p, colParent, u.Row, contests.Msg{
		VI: fmt.Sprintf("đơn vị %q đã có, thuộc %s; nhập file không hỗ trợ chuyển đơn vị sang cấp trên khác (mã %s). Hãy chuyển đơn vị ở trang Quản lý đơn vị, hoặc ghi lại mã cấp trên hiện tại", u.Code, nowVI, u.ParentCode),
		EN: fmt.Sprintf("unit %q already exists under %s; an import cannot move a unit to another parent (code %s). Move it on the Units page, or write its current parent code", u.Code, nowEN, u.ParentCode),
	})
}

// describeParent names a stored unit's parent for a message.
func (t *treeCheck) describeParent(parentID string) (vi, en string) {
	if parentID == "" {
		return "cấp gốc (không có cấp trên)", "the root (no parent)"
	}
	if t.codeByID == nil {
		t.codeByID = make(map[string]string, len(t.existing))
		for code, u := range t.existing {
			t.codeByID[u.ID] = code
		}
	}
	if code, ok := t.codeByID[parentID]; ok {
		return "đơn vị mã " + code, "the unit with code " + code
	}
	return "một đơn vị khác", "another unit"
}

// parentsFirst orders rows so each comes after its parent in the file
// (Kahn's algorithm, breadth first from the roots, file order among
// equals) and reports the cycles that keep rows from being ordered.
func (t *treeCheck) parentsFirst() []UnitRow {
	children := make(map[string][]int)
	var queue []int
	for i, u := range t.rows {
		if parent, inFile := t.byCode[u.ParentCode]; inFile && u.ParentCode != u.Code && parent != i {
			children[u.ParentCode] = append(children[u.ParentCode], i)
			continue
		}
		queue = append(queue, i) // a root, a stored parent, or a reported error
	}
	ordered := make([]UnitRow, 0, len(t.rows))
	placed := make([]bool, len(t.rows))
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if placed[i] {
			continue // a duplicate code shares its first row's children
		}
		placed[i] = true
		u := t.rows[i]
		u.Kind = UnitKind(u.Kind)
		ordered = append(ordered, u)
		queue = append(queue, children[u.Code]...)
	}
	if len(ordered) < len(t.rows) {
		t.reportCycles(placed)
	}
	return ordered
}

// reportCycles names each cycle once, at the parent cell of its first row.
// Rows hanging below a cycle are not reported: they are fine once it is
// broken.
func (t *treeCheck) reportCycles(placed []bool) {
	seen := make([]bool, len(t.rows))
	for start := range t.rows {
		if placed[start] || seen[start] {
			continue
		}
		walk := map[int]int{} // row index → position in path
		var path []int
		for i := start; !seen[i]; i = t.byCode[t.rows[i].ParentCode] {
			if pos, again := walk[i]; again {
				t.reportCycle(path[pos:])
				break
			}
			walk[i] = len(path)
			path = append(path, i)
		}
		for _, i := range path {
			seen[i] = true
		}
	}
}

func (t *treeCheck) reportCycle(cycle []int) {
	first := cycle[0]
	codes := make([]string, 0, len(cycle)+1)
	for _, i := range cycle {
		if t.rows[i].Row < t.rows[first].Row {
			first = i
		}
	}
	// Start the loop at the row reported so the message reads from there.
	for k := range cycle {
		if cycle[k] == first {
			cycle = append(cycle[k:len(cycle):len(cycle)], cycle[:k]...)
			break
		}
	}
	for _, i := range cycle {
		codes = append(codes, t.rows[i].Code)
	}
	codes = append(codes, t.rows[first].Code)
	u := t.rows[first]
	u.cols().cell(t.p, colParent, u.Row,
		"các đơn vị làm cấp trên của nhau thành vòng lặp (%s); hãy sửa mã cấp trên của một đơn vị",
		"units are each other's parents in a loop (%s); fix the parent code of one of them",
		strings.Join(codes, " → "))
}
