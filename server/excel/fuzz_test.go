package excel

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"hoithi/contests"
)

// FuzzParseUnits: whatever bytes arrive, ParseUnits returns rows or a
// *contests.Error, never both, never a panic; accepted rows are complete.
func FuzzParseUnits(f *testing.F) {
	var template, export bytes.Buffer
	if err := UnitTemplate(&template); err != nil {
		f.Fatal(err)
	}
	if err := WriteUnits(&export, sampleUnits()); err != nil {
		f.Fatal(err)
	}
	f.Add(template.Bytes())
	f.Add(export.Bytes())
	f.Add([]byte("Mã đơn vị,Tên đơn vị\n001,Tỉnh A\n"))
	f.Add([]byte("PK\x03\x04"))
	// Saved by LibreOffice in a Vietnamese locale: date and grouped number
	// cells (cellvalue.go).
	if lo, err := os.ReadFile("testdata/libreoffice/donvi-libreoffice-vi.xlsx"); err == nil {
		f.Add(lo)
	} else {
		f.Fatal(err)
	}
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
