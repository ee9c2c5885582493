package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"hoithi/contests"
	"hoithi/server/auth"
)

// ExportConfig sizes an export run.
type ExportConfig struct {
	Rows int // people, each with one standing in the exported round
	// Out keeps the downloaded workbook at this path; "" leaves it in the
	// temporary data directory, removed at the end.
	Out string
	// CPUProfile, when set, receives a CPU profile of the export request
	// (server and download: they share this process).
	CPUProfile string
	// Logf receives human progress (stderr); nil discards it.
	Logf func(format string, args ...any)
}

// ExportReport is the one JSON line `server bench export` prints.
type ExportReport struct {
	Rows int `json:"rows"`
	// Seconds is the whole request as the organizer waits for it: building
	// the workbook and downloading it over loopback.
	Seconds float64 `json:"seconds"`
	// PeakRSSMB is this process's VmHWM during the export: the server runs
	// in process, and the peak is reset once seeding is done.
	PeakRSSMB float64 `json:"peak_rss_mb"`
	FileBytes int64   `json:"file_bytes"`
}

// Export seeds a SQLite data directory with cfg.Rows people and their
// standings in one round, starts the real API in this process and times
// the full results export (GET /org/rounds/:rid/export/results) as the
// round's organizer downloads it.
func Export(ctx context.Context, cfg ExportConfig) (*ExportReport, error) {
	if cfg.Rows < 0 {
		return nil, errors.New("bench: rows must not be negative")
	}
	logf := orDiscard(cfg.Logf)
	var w *exportWorld
	srv, done, err := seedAndServe(ctx, "hoithi-bench-export-", logf, func(dir string, dataKey []byte) (*contests.User, error) {
		var err error
		w, err = seedExportWorld(ctx, dir, dataKey, cfg.Rows, logf)
		if err != nil {
			return nil, err
		}
		return w.organizer, nil
	})
	if err != nil {
		return nil, err
	}
	defer done()
	out := cfg.Out
	if out == "" {
		out = filepath.Join(srv.dir, "ket-qua.xlsx")
	}
	stopProfile, err := startCPUProfile(cfg.CPUProfile)
	if err != nil {
		return nil, err
	}
	defer stopProfile()
	t0 := time.Now()
	size, err := download(ctx, "http://"+srv.Addr+"/api/v1/org/rounds/"+w.roundID+"/export/results", srv.token, out)
	if err != nil {
		return nil, err
	}
	seconds := time.Since(t0).Seconds()
	_, peak, err := ProcMemory(os.Getpid())
	if err != nil {
		return nil, err
	}
	logf("exported %d rows in %.1fs: %s, %.1f MB", cfg.Rows, seconds, out, float64(size)/(1<<20))
	return &ExportReport{Rows: cfg.Rows, Seconds: round2(seconds), PeakRSSMB: megabytes(peak), FileBytes: size}, nil
}

// seeded is a bench's throw-away data directory, seeded, with the real API
// serving it in this process and a token of who the bench acts as.
type seeded struct {
	*Target
	dir   string
	token string
	// seedSeconds is how long seeding took.
	seedSeconds float64
}

// seedAndServe makes a data directory with fresh secrets (prefix names it),
// fills it with seed, which returns the person the bench acts as, and
// serves it (serveAs). done stops the server and removes the directory.
func seedAndServe(ctx context.Context, prefix string, logf func(string, ...any), seed func(dir string, dataKey []byte) (*contests.User, error)) (s *seeded, done func(), err error) {
	dir, jwtSecret, dataKey, err := secretsDir(prefix)
	if err != nil {
		return nil, nil, err
	}
	t0 := time.Now()
	who, err := seed(dir, dataKey)
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, fmt.Errorf("seed: %w", err)
	}
	s = &seeded{dir: dir, seedSeconds: time.Since(t0).Seconds()}
	logf("seeding took %.1fs; starting the server", s.seedSeconds)
	if s.Target, s.token, err = serveAs(ctx, dir, jwtSecret, who, logf); err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return s, func() { s.Stop(); os.RemoveAll(dir) }, nil
}

// serveAs starts the real API in this process on the seeded data directory
// dir and returns it with a token of who. The seeding's memory is given
// back first (forgetSeeding), so the peak measured after is the request's.
// The caller stops the server.
func serveAs(ctx context.Context, dir string, jwtSecret []byte, who *contests.User, logf func(string, ...any)) (*Target, string, error) {
	tokens, err := auth.NewTokens(jwtSecret, nil)
	if err != nil {
		return nil, "", err
	}
	token, err := tokens.Issue(who)
	if err != nil {
		return nil, "", err
	}
	forgetSeeding(logf)
	srv, err := InProcess()(ctx, dir)
	if err != nil {
		return nil, "", err
	}
	return srv, token, nil
}

// forgetSeeding returns the seeding's memory to the system and resets the
// peak resident set (Linux clear_refs 5), so the peak reported is the
// export's. Where the reset is refused the peak includes seeding, and the
// log says so.
func forgetSeeding(logf func(string, ...any)) {
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		logf("cannot reset the peak RSS (%v): peak_rss_mb includes seeding", err)
	}
}

func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// getOK GETs url with the bearer token and returns the response when it
// is 200 OK; otherwise an error names what (the download) and the status.
// The caller closes the body.
func getOK(ctx context.Context, url, token, what string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := (&http.Client{Timeout: 10 * time.Minute}).Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		resp.Body.Close()
		return nil, fmt.Errorf("%s: HTTP %d %s", what, resp.StatusCode, body)
	}
	return resp, nil
}

// download GETs url with the bearer token into the file at path, streaming
// (the body is never held whole), and returns its size.
func download(ctx context.Context, url, token, path string) (int64, error) {
	resp, err := getOK(ctx, url, token, "export")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	size, err := io.Copy(f, resp.Body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return size, err
}
