package excel

import (
	"regexp"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// To read a number cell as the person saw it, its style (number format) is
// needed, which excelize's row iterator does not give. Asking excelize cell
// by cell builds the whole sheet in memory (seconds for 50,000 rows), so the
// sheet's XML is scanned once for the attributes of its number cells, as
// merges.go does for merged ranges.

var cellTag = regexp.MustCompile(`<(?:[A-Za-z0-9_]+:)?c\s([^>]*)>`)
var cellAttr = regexp.MustCompile(`\b([rst])="([^"]*)"`)

// cellKey packs a cell's coordinates (column from 1, row from 1).
func cellKey(col, row int) int64 { return int64(row)<<16 | int64(col) }

// numberCells maps every number cell of sheet (no t attribute, or t="n")
// to its style index. ok is false when the part cannot be read or a cell has
// no reference; the caller then asks excelize cell by cell.
func numberCells(data []byte, sheet string, limit int64) (cells map[int64]int, ok bool) {
	xmlBytes, ok := sheetXML(data, sheet, limit)
	if !ok {
		return nil, false
	}
	cells = map[int64]int{}
	for _, m := range cellTag.FindAllSubmatch(xmlBytes, -1) {
		var ref, typ string
		style := 0
		for _, a := range cellAttr.FindAllSubmatch(m[1], -1) {
			switch a[1][0] {
			case 'r':
				ref = string(a[2])
			case 's':
				style, _ = strconv.Atoi(string(a[2]))
			case 't':
				typ = string(a[2])
			}
		}
		if ref == "" {
			return nil, false
		}
		if typ != "" && typ != "n" {
			continue
		}
		col, row, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return nil, false
		}
		cells[cellKey(col, row)] = style
	}
	return cells, true
}
