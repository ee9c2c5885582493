package api

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// listen serves e's app on a loopback port for tests that need a real
// connection: app.Test reads the whole request into memory before the
// server sees it, so it cannot tell when the server answers.
func (e *env) listen(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { e.app.Listener(ln); close(done) }()
	t.Cleanup(func() { e.app.Shutdown(); <-done })
	return ln.Addr().String()
}

// rawRequest sends head (request line and headers, without the blank
// line) then body bytes while reading; it returns the response once it
// arrives and how many body bytes had been written by then.
func rawRequest(t *testing.T, addr, head string, body func(w io.Writer) error) (*http.Response, error) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := io.WriteString(conn, strings.ReplaceAll(head, "\n", "\r\n")+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	go body(conn)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err == nil {
		resp.Body.Close()
	}
	return resp, err
}

// TestLargeBodiesRefusedUnread: a 100 MB body to a JSON route, or to an
// upload route without a login, is answered before the client has sent
// more than a sliver of it (the body is written slowly: 64 KB, then a
// pause the server cannot wait out), and the connection is closed.
func TestLargeBodiesRefusedUnread(t *testing.T) {
	e := sqliteEnv(t)
	addr := e.listen(t)
	sent := make(chan int64, 1)
	slowBody := func(w io.Writer) error {
		chunk := make([]byte, 64<<10)
		n, err := w.Write(chunk)
		sent <- int64(n)
		return err // and never more: a server reading the body would wait for ever
	}
	for _, tc := range []struct {
		name, head string
		status     int
	}{
		{"login", "POST /api/v1/auth/login HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: 104857600", 413},
		{"any unknown route", "POST /api/v1/nothing/here HTTP/1.1\nHost: x\nContent-Length: 104857600", 413},
		{"GET with a body", "GET /api/v1/units HTTP/1.1\nHost: x\nContent-Length: 104857600", 413},
		{"upload route, anonymous", "POST /api/v1/contests/chinh-luan/works HTTP/1.1\nHost: x\nContent-Type: multipart/form-data; boundary=x\nContent-Length: 104857600", 401},
		{"upload route past its limit", "POST /api/v1/contests/chinh-luan/works HTTP/1.1\nHost: x\nContent-Type: multipart/form-data; boundary=x\nContent-Length: 1073741824", 413},
		{"compressed JSON", "POST /api/v1/auth/login HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 65536", 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := rawRequest(t, addr, tc.head, slowBody)
			if err != nil {
				t.Fatalf("no answer while the body is unsent: %v", err)
			}
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
			if !resp.Close {
				t.Error("connection kept open: the unread body would be taken for the next request")
			}
			if n := <-sent; n > 64<<10 {
				t.Errorf("client sent %d bytes", n)
			}
		})
	}
}

// TestChunkedBodyCapped: a chunked body has no Content-Length to check, so
// the server reads it only up to the route's limit, then refuses.
func TestChunkedBodyCapped(t *testing.T) {
	e := sqliteEnv(t)
	addr := e.listen(t)
	head := "POST /api/v1/auth/login HTTP/1.1\nHost: x\nContent-Type: application/json\nTransfer-Encoding: chunked"
	resp, err := rawRequest(t, addr, head, func(w io.Writer) error {
		chunk := strings.Repeat(" ", 16<<10)
		for range 8 { // 128 KB in chunks, and never the last chunk
			if _, err := fmt.Fprintf(w, "%x\r\n%s\r\n", len(chunk), chunk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 413 {
		t.Fatalf("status %d, want 413", resp.StatusCode)
	}
}

// TestSmallBodiesStillRead: the limit does not get in the way of ordinary
// JSON, sent with a length or chunked.
func TestSmallBodiesStillRead(t *testing.T) {
	e := sqliteEnv(t)
	e.register(1, "W1")
	addr := e.listen(t)
	body := `{"login":"0912000001","password":"mat-khau-123"}`
	for _, head := range []string{
		fmt.Sprintf("POST /api/v1/auth/login HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: %d", len(body)),
		"POST /api/v1/auth/login HTTP/1.1\nHost: x\nContent-Type: application/json\nTransfer-Encoding: chunked",
	} {
		chunked := strings.Contains(head, "chunked")
		resp, err := rawRequest(t, addr, head, func(w io.Writer) error {
			if chunked {
				_, err := fmt.Fprintf(w, "%x\r\n%s\r\n0\r\n\r\n", len(body), body)
				return err
			}
			_, err := io.WriteString(w, body)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 {
			t.Errorf("chunked=%v: status %d, want 200", chunked, resp.StatusCode)
		}
	}
}
