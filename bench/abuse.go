package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// AbuseConfig sizes `server bench abuse`: a flood of large anonymous
// bodies, then a forwarding dossier of large works, against a server in a
// child process whose own memory is measured.
type AbuseConfig struct {
	Launch   Launcher
	Parallel int   // bodies sent at once
	BodyMB   int64 // size each claims and tries to send
	Works    int   // works in the dossier
	WorkMB   int64 // size of each work's file
	Logf     func(format string, args ...any)
}

// DefaultAbuseConfig is the case of issue #11: 20 × 100 MB bodies, a
// dossier of 3 × 100 MB works.
func DefaultAbuseConfig() AbuseConfig {
	return AbuseConfig{Parallel: 20, BodyMB: 100, Works: 3, WorkMB: 100}
}

// AbuseReport is the one JSON line `server bench abuse` prints. Peaks are
// the server process's VmHWM, reset (clear_refs) before each phase.
type AbuseReport struct {
	Parallel int   `json:"parallel"`
	BodyMB   int64 `json:"body_mb"`
	// Statuses counts the answers by HTTP status; "error" counts requests
	// that ended without one (the server closed the connection while the
	// body was still being sent, after answering).
	Statuses        map[string]int `json:"statuses"`
	BodiesPeakRSSMB float64        `json:"bodies_peak_rss_mb"`
	// BodyBytesSent is what the clients managed to write in all: far below
	// parallel × body_mb when the server refuses without reading.
	BodyMBSent       float64 `json:"body_mb_sent"`
	Works            int     `json:"dossier_works"`
	WorkMB           int64   `json:"dossier_work_mb"`
	DossierMB        float64 `json:"dossier_mb"`
	DossierPeakRSSMB float64 `json:"dossier_peak_rss_mb"`
	StartPeakRSSMB   float64 `json:"start_peak_rss_mb"`
	DossierSeconds   float64 `json:"dossier_seconds"`
	PeakResetRefused bool    `json:"peak_reset_refused,omitempty"`
	ServerFinalRSSMB float64 `json:"server_final_rss_mb"`
}

// abuseRoutes are where the anonymous bodies go: a JSON route, the
// registration, an upload route (which must ask for a login before it
// reads), and a route that does not exist.
var abuseRoutes = []string{"/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/contests/bench-dossier/works", "/api/v1/khong-co"}

// Abuse runs the two phases and reports the server's peaks.
func Abuse(ctx context.Context, cfg AbuseConfig) (*AbuseReport, error) {
	logf := orDiscard(cfg.Logf)
	if cfg.Parallel <= 0 || cfg.BodyMB <= 0 || cfg.Works < 0 || cfg.WorkMB <= 0 {
		return nil, errors.New("bench: parallel, body and work sizes must be positive")
	}
	dir, jwtSecret, dataKey, err := secretsDir("hoithi-bench-abuse-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	logf("seeding a dossier of %d × %d MB works", cfg.Works, cfg.WorkMB)
	w, err := seedDossier(ctx, dir, dataKey, cfg.Works, cfg.WorkMB<<20)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	token, err := issueToken(jwtSecret, w.organizer)
	if err != nil {
		return nil, err
	}
	srv, err := cfg.Launch(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer srv.Stop()
	rep := &AbuseReport{Parallel: cfg.Parallel, BodyMB: cfg.BodyMB, Works: cfg.Works, WorkMB: cfg.WorkMB, Statuses: map[string]int{}}
	_, startPeak, err := ProcMemory(srv.PID)
	if err != nil {
		return nil, err
	}
	rep.StartPeakRSSMB = megabytes(startPeak)

	rep.PeakResetRefused = !resetPeak(srv.PID)
	logf("sending %d anonymous bodies of %d MB", cfg.Parallel, cfg.BodyMB)
	sent := floodBodies(ctx, srv.Addr, cfg.Parallel, cfg.BodyMB<<20, rep.Statuses)
	rep.BodyMBSent = megabytes(sent)
	if _, peak, err := ProcMemory(srv.PID); err == nil {
		rep.BodiesPeakRSSMB = megabytes(peak)
	}

	rep.PeakResetRefused = !resetPeak(srv.PID) || rep.PeakResetRefused
	logf("downloading the dossier")
	t0 := time.Now()
	size, err := drain(ctx, "http://"+srv.Addr+"/api/v1/org/essay/"+w.contestID+"/export/dossier", token)
	if err != nil {
		return nil, err
	}
	rep.DossierSeconds = round2(time.Since(t0).Seconds())
	rep.DossierMB = megabytes(size)
	rss, peak, err := ProcMemory(srv.PID)
	if err != nil {
		return nil, err
	}
	rep.DossierPeakRSSMB, rep.ServerFinalRSSMB = megabytes(peak), megabytes(rss)
	if size < int64(cfg.Works)*cfg.WorkMB<<20 {
		return nil, fmt.Errorf("bench: the dossier has %d bytes, less than its works", size)
	}
	return rep, nil
}

// resetPeak clears the process's VmHWM (Linux clear_refs 5); false when
// refused, and the peak then counts from the start.
func resetPeak(pid int) bool {
	return os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0) == nil
}

// floodBodies sends n POSTs at once, each claiming size bytes (half with a
// Content-Length, half chunked) and writing zeros as fast as the server
// takes them while the answer is awaited, and returns how many bytes were
// written in all. Raw connections, so that an answer given before the body
// is sent is seen (net/http's client reports the broken pipe instead).
func floodBodies(ctx context.Context, addr string, n int, size int64, statuses map[string]int) int64 {
	var mu sync.Mutex
	var total int64
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, written := sendBody(ctx, addr, abuseRoutes[i%len(abuseRoutes)], size, i%2 == 1)
			mu.Lock()
			statuses[status]++
			total += written
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

// sendBody posts size zero bytes to path and returns the answer's status
// ("error" without one) and the bytes written until the answer came.
func sendBody(ctx context.Context, addr, path string, size int64, chunked bool) (string, int64) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "error", 0
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(2 * time.Minute))
	length := fmt.Sprintf("Content-Length: %d", size)
	if chunked {
		length = "Transfer-Encoding: chunked"
	}
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: bench\r\nContent-Type: multipart/form-data; boundary=x\r\n%s\r\n\r\n", path, length)
	if _, err := io.WriteString(conn, head); err != nil {
		return "error", 0
	}
	var written atomic.Int64
	go func() {
		buf := make([]byte, 64<<10)
		for left := size; left > 0; {
			chunk := buf[:min(int64(len(buf)), left)]
			var err error
			if chunked {
				_, err = fmt.Fprintf(conn, "%x\r\n%s\r\n", len(chunk), chunk)
			} else {
				_, err = conn.Write(chunk)
			}
			if err != nil {
				return
			}
			left -= int64(len(chunk))
			written.Add(int64(len(chunk)))
		}
	}()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return "error", written.Load()
	}
	resp.Body.Close()
	return fmt.Sprint(resp.StatusCode), written.Load()
}

// drain GETs url with the bearer token and counts the body's bytes.
func drain(ctx context.Context, url, token string) (int64, error) {
	resp, err := getOK(ctx, url, token, "dossier")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return io.Copy(io.Discard, resp.Body)
}
