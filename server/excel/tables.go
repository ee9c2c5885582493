package excel

import (
	"io"
	"strconv"
	"strings"
)

// Table is one sheet of a small export: its name, columns and rows.
type Table struct {
	Name    string
	Columns []Column
	Rows    [][]any
}

// WriteTables writes tables as the sheets of one workbook, each with the
// shared conventions (see SheetWriter). Sheet names are made valid for
// Excel: at most 31 characters, none of : \ / ? * [ ], and unique.
func WriteTables(w io.Writer, tables []Table) error {
	if len(tables) == 0 {
		tables = []Table{{Name: "Sheet1", Columns: []Column{{Header: ""}}}}
	}
	names := map[string]bool{}
	for i := range tables {
		tables[i].Name = sheetName(tables[i].Name, names)
	}
	f, err := NewWorkbook(tables[0].Name)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	for _, t := range tables {
		s, err := NewSheetWriter(f, t.Name, t.Columns)
		if err != nil {
			return err
		}
		for _, row := range t.Rows {
			if err := s.WriteRow(row...); err != nil {
				return err
			}
		}
		if err := s.Close(); err != nil {
			return err
		}
	}
	return writeWorkbook(f, w)
}

// sheetName cleans name into a valid, unused sheet name.
func sheetName(name string, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		name = "Sheet"
	}
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	base, n := name, 2
	for used[strings.ToLower(name)] {
		suffix := " (" + strconv.Itoa(n) + ")"
		r := []rune(base)
		if len(r)+len([]rune(suffix)) > 31 {
			r = r[:31-len([]rune(suffix))]
		}
		name = string(r) + suffix
		n++
	}
	used[strings.ToLower(name)] = true
	return name
}
