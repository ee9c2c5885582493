package docfile

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"time"

	"hoithi/contests"
)

// pdfcpu parses the whole document into memory and trusts the numbers in
// it: a 1.5 KB file whose one object is numbered 799,999,999 keeps it busy
// for good (found by FuzzStripPDFMetadata). A goroutine cannot be stopped,
// so StripPDFMetadata runs in a child process of the same binary, with a
// time limit and an address-space limit; whatever the file does, the
// server loses at most that child.

// ChildEnv, set in a child's environment, makes the binary run as the PDF
// child (RunChild) instead of its usual self: server/main.go and the
// TestMain of packages that upload PDFs call RunChild first.
const ChildEnv = "HOITHI_DOCFILE_CHILD"

// PDFSandbox runs StripPDFMetadata in a child process.
type PDFSandbox struct {
	// Exe is the binary to run (os.Executable()); it must call RunChild.
	Exe string
	// Timeout and MaxMemory bound one child; zero: 30 s and 1 GiB.
	Timeout   time.Duration
	MaxMemory uint64
	// slots bounds the children running at once in this process (each
	// may take MaxMemory): a per-process bound is what protects the
	// machine, so it is right with several instances too.
	slots chan struct{}
}

// NewPDFSandbox returns a sandbox running exe, at most parallel at once.
func NewPDFSandbox(exe string, parallel int) *PDFSandbox {
	return &PDFSandbox{Exe: exe, slots: make(chan struct{}, max(1, parallel))}
}

// childResult is what the child writes on stdout.
type childResult struct {
	Meta  Meta          `json:"meta"`
	Error *contests.Msg `json:"error,omitempty"`
}

// StripPDFMetadata runs StripPDFMetadata(in, out-file) in a child. in and
// out are files: the child reads and writes them directly. Errors:
// CodeInvalid naming "file" for a PDF refused or one the child could not
// finish within its limits.
func (s *PDFSandbox) StripPDFMetadata(ctx context.Context, in, out *os.File) (Meta, error) {
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-ctx.Done():
		return Meta{}, contests.Internal(ctx.Err())
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	limit := s.MaxMemory
	if limit == 0 {
		limit = 1 << 30
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.Exe)
	cmd.Env = append(os.Environ(), ChildEnv+"=strip-pdf", fmt.Sprintf("%s_MEM=%d", ChildEnv, limit))
	cmd.Stdin = in
	cmd.ExtraFiles = []*os.File{out} // fd 3
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &limitedBuffer{b: &stdout, n: 1 << 20}, &limitedBuffer{b: &stderr, n: 4 << 10}
	runErr := cmd.Run()
	var res childResult
	if runErr == nil && json.Unmarshal(stdout.Bytes(), &res) == nil {
		if res.Error != nil {
			return Meta{}, contests.Invalid(contests.Field("file", *res.Error))
		}
		return res.Meta, nil
	}
	if ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return Meta{}, contests.Internal(ctx.Err()) // the request went away
	}
	e := contests.Invalid(contests.Field("file", contests.T("Không xử lý được tệp PDF này trong giới hạn cho phép; hãy xuất lại tệp PDF từ phần mềm soạn thảo",
		"This PDF could not be processed within the limits; please export it again from the word processor")))
	e.Err = fmt.Errorf("pdf child: %v (stderr: %q)", runErr, stderr.String())
	return Meta{}, e
}

// RunChild is the child's side: when ChildEnv asks for it, it strips the
// PDF on stdin into fd 3, prints the result as JSON and exits. It returns
// (doing nothing) otherwise.
func RunChild() {
	if os.Getenv(ChildEnv) != "strip-pdf" {
		return
	}
	var limit uint64
	fmt.Sscan(os.Getenv(ChildEnv+"_MEM"), &limit)
	if limit > 0 {
		lim := syscall.Rlimit{Cur: limit, Max: limit}
		if err := syscall.Setrlimit(rlimitData, &lim); err != nil {
			fmt.Fprintln(os.Stderr, "setrlimit:", err)
			os.Exit(3)
		}
	}
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		os.Exit(3)
	}
	out := os.NewFile(3, "out")
	var res childResult
	meta, err := StripPDFMetadata(bytes.NewReader(data), out)
	var ce *contests.Error
	switch {
	case err == nil:
		res.Meta = meta
	case errors.As(err, &ce) && len(ce.Fields) == 1:
		res.Error = &ce.Fields[0].Msg
		fmt.Fprintln(os.Stderr, err)
	default:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	if err := out.Close(); err != nil {
		os.Exit(3)
	}
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		os.Exit(3)
	}
	os.Exit(0)
}

// limitedBuffer keeps the first n bytes written and drops the rest.
type limitedBuffer struct {
	b *bytes.Buffer
	n int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.n - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// rlimitData (RLIMIT_DATA) counts the private writable memory a process
// maps; unlike RLIMIT_AS it ignores the address space the Go runtime only
// reserves, so the limit bites on what pdfcpu allocates.
const rlimitData = 0x2
