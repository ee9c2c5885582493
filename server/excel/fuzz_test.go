package excel

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"hoithi/contests"
)

// FuzzParseUnits: whatever bytes arrive, ParseUnits returns rows or a
// *contests.Error, never both, never a panic; accepted rows are complete.
func FuzzParseUnits(f *testing.F) {
	addImportSeeds(f, UnitTemplate, func(w io.Writer) error { return WriteUnits(w, sampleUnits()) },
		"Mã đơn vị,Tên đơn vị\n001,Tỉnh A\n", "testdata/libreoffice/donvi-libreoffice-vi.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseUnits(bytes.NewReader(data), 1<<20)
		if refused(t, rows, err) {
			return
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if r.Code == "" || r.Name == "" || r.Kind == "" || r.Headcount < 0 || r.Target < 0 || r.Row < 2 || seen[r.Code] {
				t.Fatalf("accepted a bad row %+v", r)
			}
			seen[r.Code] = true
		}
	})
}

// addImportSeeds seeds an import's fuzzer with the template, an export
// written back, a CSV file where a workbook is expected, a truncated zip and
// a file saved by LibreOffice in a Vietnamese locale (date and grouped
// number cells: cellvalue.go).
func addImportSeeds(f *testing.F, template, export func(io.Writer) error, csv, libreOffice string) {
	for _, write := range []func(io.Writer) error{template, export} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add([]byte(csv))
	f.Add([]byte("PK\x03\x04"))
	lo, err := os.ReadFile(libreOffice)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(lo)
}

// refused checks the import contract on one fuzzed input: rows or a
// *contests.Error naming a field, never both, never neither. It reports
// whether the input was refused.
func refused[T any](t *testing.T, rows []T, err error) bool {
	t.Helper()
	if err != nil {
		var e *contests.Error
		if !errors.As(err, &e) || rows != nil {
			t.Fatalf("rows %v with error %v (%T)", rows, err, err)
		}
		if e.Code != contests.CodeInternal && len(e.Fields) == 0 {
			t.Fatalf("error names no field: %v", err)
		}
		return true
	}
	if len(rows) == 0 {
		t.Fatal("no rows and no error")
	}
	return false
}
