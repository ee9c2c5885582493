// Package scaleouttest runs real server processes side by side on one
// MongoDB-wire database, as a deployment behind a load balancer does: the
// MongoDB at MONGODB_URI when set, else an in-process FerretDB (served to
// the instances with --dev-allow-non-atomic, which the tests are allowed).
// Everything binds 127.0.0.1 and every wait is bounded.
package scaleouttest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"hoithi/server/store/mongo/ferrettest"
)

// startTimeout bounds one instance's start: the first one seeds the demo
// contest, which FerretDB writes slowly.
const startTimeout = 3 * time.Minute

var (
	binary  string // the server built once for the package
	mongoDB string // the server's URI
	ferret  bool   // mongoDB is the in-process FerretDB
	dbSeq   int
	dbMu    sync.Mutex
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "hoithi-scaleout-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "server")
	build := exec.Command("go", "build", "-o", binary, "hoithi/server")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build the server: %v\n%s", err, out)
		return 1
	}
	if mongoDB = os.Getenv("MONGODB_URI"); mongoDB == "" {
		srv, err := ferrettest.Start(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "start FerretDB:", err)
			return 1
		}
		defer srv.Stop()
		mongoDB, ferret = srv.URI, true
	}
	return m.Run()
}

// secrets shared by the instances of a cluster.
var (
	jwtSecret = strings.Repeat("j", 40)
	dataKey   = strings.Repeat("d", 40)
)

// freshDatabase names a database of its own for one test.
func freshDatabase() string {
	dbMu.Lock()
	defer dbMu.Unlock()
	dbSeq++
	return fmt.Sprintf("scaleout_%d_%d_%d", os.Getpid(), time.Now().UnixMilli()%1_000_000, dbSeq)
}

// instance is one running server process.
type instance struct {
	base   string // http://127.0.0.1:PORT
	cmd    *exec.Cmd
	mu     sync.Mutex
	stderr bytes.Buffer
	exited chan error
}

// log returns what the process wrote to stderr so far.
func (in *instance) log() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.stderr.String()
}

var listening = regexp.MustCompile(`"msg":"listening".*?"url":"http://localhost:(\d+)"`)

// startInstance runs `server serve` on database db with the shared secrets
// (env overrides any of them) and waits until it listens. It returns the
// process's error and log when it exits first.
func startInstance(t *testing.T, db string, env map[string]string, args ...string) (*instance, error) {
	t.Helper()
	vars := map[string]string{
		"MONGODB_URI": mongoDB, "MONGODB_DB": db, "JWT_SECRET": jwtSecret, "DATA_KEY": dataKey,
		"DATA_DIR": t.TempDir(), "LOG_LEVEL": "info", "HOST": "127.0.0.1",
	}
	if ferret {
		vars["DEV_ALLOW_NON_ATOMIC"] = "1"
	}
	for k, v := range env {
		vars[k] = v
	}
	// PORT=0 would mean the default port: the flag asks for a free one.
	cmd := exec.Command(binary, append([]string{"serve", "--port", "0"}, args...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	in := &instance{cmd: cmd, exited: make(chan error, 1)}
	port := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			line := sc.Text()
			in.mu.Lock()
			in.stderr.WriteString(line + "\n")
			in.mu.Unlock()
			if m := listening.FindStringSubmatch(line); m != nil {
				select {
				case port <- m[1]:
				default:
				}
			}
		}
		in.exited <- cmd.Wait()
	}()
	t.Cleanup(func() { in.stop(t) })
	select {
	case p := <-port:
		in.base = "http://127.0.0.1:" + p
		return in, nil
	case err := <-in.exited:
		in.exited <- err
		return nil, fmt.Errorf("exited before listening (%v): %s", err, in.log())
	case <-time.After(startTimeout):
		return nil, fmt.Errorf("not listening after %v: %s", startTimeout, in.log())
	}
}

// stop ends the process: SIGTERM, then a kill if it has not stopped in 40 s.
func (in *instance) stop(t *testing.T) {
	if in.cmd.ProcessState != nil {
		return
	}
	_ = in.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-in.exited:
		in.exited <- err
	case <-time.After(40 * time.Second):
		_ = in.cmd.Process.Kill()
		t.Errorf("instance did not stop on SIGTERM: %s", in.log())
	}
}

// response is a decoded answer.
type response struct {
	status int
	body   map[string]any
	raw    string
}

var client = &http.Client{Timeout: 60 * time.Second}

// do sends a JSON request to the instance.
func (in *instance) do(t *testing.T, method, path string, body any, token string) response {
	t.Helper()
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, in.base+path, rdr)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, raw: string(raw)}
	_ = json.Unmarshal(raw, &r.body)
	return r
}

// login returns an access token of a demo account.
func (in *instance) login(t *testing.T, phone string) string {
	t.Helper()
	r := in.do(t, "POST", "/api/v1/auth/login", map[string]any{"login": phone, "password": "hoithi-demo"}, "")
	token, _ := r.body["accessToken"].(string)
	if r.status != 200 || token == "" {
		t.Fatalf("login %s: %d %s", phone, r.status, r.raw)
	}
	return token
}

// object returns body[key] as an object, failing the test otherwise.
func object(t *testing.T, r response, key string) map[string]any {
	t.Helper()
	m, ok := r.body[key].(map[string]any)
	if !ok {
		t.Fatalf("no %q object in %d %s", key, r.status, r.raw)
	}
	return m
}
