package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A small export through the real server: the workbook downloaded holds the
// header and one line per seeded person, in rank order.
func TestExportSmokeInProcess(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ket-qua.xlsx")
	rep := smoke(t, Export, ExportConfig{Rows: 1000, Out: out, Logf: t.Logf})
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 1000 || rep.FileBytes != info.Size() || rep.FileBytes < 10_000 || rep.Seconds <= 0 || rep.PeakRSSMB <= 0 {
		t.Fatalf("report %+v, file %d bytes", rep, info.Size())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("KetQua")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1001 || rows[0][0] != "Giải" {
		t.Fatalf("%d rows, first %v", len(rows), rows[0])
	}
	for _, i := range []int{0, 1, 499, 999} {
		line := rows[i+1]
		if line[1] != fmt.Sprint(i+1) || line[2] != benchName(i) || line[6] != fmt.Sprintf("089******%03d", i%1000) {
			t.Errorf("line %d = %v", i+1, line)
		}
	}
	if rows[1][0] != "Giải Nhất" || rows[16][0] != "Giải Khuyến khích" || rows[17][0] != "" {
		t.Errorf("prizes: first %q, 16th %q, 17th %q", rows[1][0], rows[16][0], rows[17][0])
	}
}
