package docfile

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestMain lets this test binary serve as the PDF child (PDFSandbox runs
// os.Executable with ChildEnv set).
func TestMain(m *testing.M) {
	RunChild()
	os.Exit(m.Run())
}

func sandboxFiles(t *testing.T, data []byte) (in, out *os.File) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "in.pdf"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(filepath.Join(dir, "in.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	out, err = os.Create(filepath.Join(dir, "out.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close(); out.Close() })
	return in, out
}

func testSandbox(t *testing.T) *PDFSandbox {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	s := NewPDFSandbox(exe, 2)
	s.Timeout = 5 * time.Second
	return s
}

func TestPDFSandboxStrips(t *testing.T) {
	in, out := sandboxFiles(t, buildPDF("Nguyễn Văn An", "Tiêu đề"))
	meta, err := testSandbox(t).StripPDFMetadata(context.Background(), in, out)
	if err != nil {
		t.Fatal(err)
	}
	stripped, err := os.ReadFile(out.Name())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(stripped, []byte("%PDF-")) || namedAnywhere(t, stripped, "Nguyễn Văn An") {
		t.Fatalf("stripped copy: %d bytes, still naming the author or not a PDF", len(stripped))
	}
	if !contains(meta.Properties, "Nguyễn Văn An") {
		t.Errorf("properties %q", meta.Properties)
	}
}

// TestPDFSandboxSurvivesHostileFile: one object numbered 799,999,999 keeps
// pdfcpu busy for good (FuzzStripPDFMetadata found it); in the child it
// costs a refusal once the time limit passes, and this process is fine.
func TestPDFSandboxSurvivesHostileFile(t *testing.T) {
	hostile := hostilePDF()
	s := testSandbox(t)
	s.Timeout = 3 * time.Second
	for _, data := range [][]byte{hostile, []byte("%PDF-1.7 nothing")} {
		in, out := sandboxFiles(t, data)
		_, err := s.StripPDFMetadata(context.Background(), in, out)
		if msg := fileErrorMessage(t, err); !bytes.Contains([]byte(msg), []byte("PDF")) {
			t.Errorf("message %q", msg)
		}
	}
}

// TestPDFSandboxMemoryLimit: a child past its memory limit (a 32 MB page
// against 16 MB) dies, and that is a refusal of the file, not a failure of
// this process.
func TestPDFSandboxMemoryLimit(t *testing.T) {
	s := testSandbox(t)
	s.MaxMemory = 16 << 20
	in, out := sandboxFiles(t, buildPaddedPDF("Nguyễn Văn An", "Tiêu đề", 32<<20))
	_, err := s.StripPDFMetadata(context.Background(), in, out)
	if msg := fileErrorMessage(t, err); !bytes.Contains([]byte(msg), []byte("giới hạn")) {
		t.Errorf("message %q", msg)
	}
}
