package bench

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"hoithi/server/api"
	"hoithi/server/auth"
	"hoithi/server/blob"
	"hoithi/server/store/sqlite"
)

// Target is a running server under test.
type Target struct {
	Addr string // 127.0.0.1:port
	// PID is the process whose CPU and memory are measured: the server's
	// own for a child, this process (generator included) for InProcess.
	PID       int
	InProcess bool
	stop      func() error
}

// Stop shuts the server down; it is safe to call more than once.
func (t *Target) Stop() error {
	if t == nil || t.stop == nil {
		return nil
	}
	stop := t.stop
	t.stop = nil
	return stop()
}

// Launcher starts a server on a seeded data directory (SQLite file and the
// jwt_secret and data_key files).
type Launcher func(ctx context.Context, dataDir string) (*Target, error)

// serverEnv is what the server reads from the environment: it must come
// from the data directory and flags only, or a JWT_SECRET or MONGODB_URI in
// the caller's shell would point the server at other secrets or storage.
var serverEnv = []string{"PORT", "DATA_DIR", "MONGODB_URI", "MONGODB_DB", "JWT_SECRET", "DATA_KEY", "LOG_LEVEL", "TRUSTED_PROXIES", "MAX_UPLOAD_MB", "METRICS_ADDR", "METRICS_TOKEN",
	"LOGIN_HASH_QUEUE", "MIN_FREE_DISK_MB", "READY_PROBE_INTERVAL"}

// metricsToken opens the launched server's /metrics to the bench (the
// server answers it to nobody without one).
var metricsToken = func() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}()

// ChildProcess runs the real binary: exe serve --port P --data-dir D
// --log-level warn [extra flags], with its stderr passed through.
func ChildProcess(exe string, extra ...string) Launcher {
	return func(ctx context.Context, dataDir string) (*Target, error) {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		args := append([]string{"serve", "--port", fmt.Sprint(port), "--data-dir", dataDir, "--log-level", "warn", "--metrics-token", metricsToken}, extra...)
		cmd := exec.Command(exe, args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		for _, kv := range os.Environ() {
			name, _, _ := strings.Cut(kv, "=")
			if !slices.Contains(serverEnv, name) {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start server: %w", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		t := &Target{Addr: fmt.Sprintf("127.0.0.1:%d", port), PID: cmd.Process.Pid}
		t.stop = func() error { return stopChild(cmd, exited) }
		if err := waitReady(ctx, t.Addr, exited); err != nil {
			t.Stop()
			return nil, err
		}
		return t, nil
	}
}

// stopChild sends SIGTERM, waits a bounded time for the graceful shutdown,
// then kills.
func stopChild(cmd *exec.Cmd, exited chan error) error {
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return fmt.Errorf("server exited: %w", err)
		}
		return err
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		<-exited
		return errors.New("server ignored SIGTERM for 15 s: killed")
	}
}

// InProcess serves the same API from this process, wired as `server serve`
// wires it: for tests, and for CPU profiles of server and generator together.
func InProcess() Launcher {
	return func(ctx context.Context, dataDir string) (*Target, error) {
		jwtSecret, err1 := readSecret(dataDir, "jwt_secret")
		dataKey, err2 := readSecret(dataDir, "data_key")
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		tokens, err := auth.NewTokens(jwtSecret, nil)
		if err != nil {
			return nil, err
		}
		keys, err := auth.NewKeys(dataKey)
		if err != nil {
			return nil, err
		}
		st, err := sqlite.Open(ctx, filepath.Join(dataDir, "hoithi.db"))
		if err != nil {
			return nil, err
		}
		blobs, err := blob.NewFS(filepath.Join(dataDir, "blobs"))
		if err != nil {
			st.Close()
			return nil, err
		}
		srv := api.NewServer(api.Deps{Store: st, Blobs: blobs, Tokens: tokens, Keys: keys, Log: warnLogger, MetricsToken: metricsToken, Version: "bench"})
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			st.Close()
			return nil, err
		}
		sweepCtx, cancel := context.WithCancel(context.Background())
		go srv.RunSweeper(sweepCtx, 15*time.Second)
		served := make(chan error, 1)
		go func() { served <- srv.App.Listener(ln) }()
		t := &Target{Addr: ln.Addr().String(), PID: os.Getpid(), InProcess: true}
		t.stop = func() error {
			cancel()
			err := srv.App.ShutdownWithTimeout(15 * time.Second)
			<-served
			return errors.Join(err, st.Close())
		}
		if err := waitReady(ctx, t.Addr, served); err != nil {
			t.Stop()
			return nil, err
		}
		return t, nil
	}
}

func readSecret(dir, name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	return []byte(strings.TrimSpace(string(b))), err
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitReady polls /readyz for up to 30 s, giving up early when the server
// ends.
func waitReady(ctx context.Context, addr string, ended chan error) error {
	c := newClient(addr, 1)
	defer c.close()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if res := c.do("GET", "/readyz", "", nil); res.status == 200 {
			return nil
		}
		select {
		case err := <-ended:
			ended <- err // let Stop see it too
			return fmt.Errorf("server ended before it was ready: %v", err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return errors.New("server not ready after 30 s")
}

// warnLogger logs like the child started with --log-level warn.
var warnLogger = slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
